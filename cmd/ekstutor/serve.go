package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
	"github.com/ekstutor/ekstutor/web"
)

// newHandler loads and validates the content, then builds the routes.
// Broken content stops here with a message naming the file.
func newHandler(c config, log *slog.Logger, streams *web.Streams) (http.Handler, error) {
	var src fs.FS = content.FS
	if c.contentDir != "" {
		if st, err := os.Stat(c.contentDir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("-content %q is not a readable directory", c.contentDir)
		}
		src = os.DirFS(c.contentDir)
	}
	return web.NewApp(src, static.FS, web.Deps{Logger: log, BaseURL: c.baseURL, Streams: streams, Edge: c.edge, Rooms: c.roomOpts,
		Metrics: c.metrics, MetricsApart: c.metrics != nil})
}

// Timeouts. A stalled client (a body trickling in, or a reader that never
// reads) is dropped within readTimeout or writeTimeout, both well under
// 15 s; streams lift their write deadline per event.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
	// shutdownGrace is how long in-flight requests get after SIGINT or
	// SIGTERM; connections still open after it are closed.
	shutdownGrace = 10 * time.Second
)

func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		// Requests run on their own context, not the signal's: a SIGTERM
		// must let them finish, not cancel them into empty answers.
		BaseContext: func(net.Listener) context.Context { return context.Background() },
		ErrorLog:    slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
}

func serve(ctx context.Context, addr string, srv *http.Server, streams *web.Streams, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	srv.RegisterOnShutdown(streams.Close)
	log.Info("serving EKS Tutor", "url", "http://"+displayAddr(ln.Addr()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// The grace period is over: what is still open is a client that
		// stopped reading. Dropping it is the point of a grace period.
		log.Warn("closing connections still open after the grace period", "err", err)
		_ = srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if ok && tcp.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", tcp.Port)
	}
	return a.String()
}

// healthcheck asks a running server for /healthz: the container health
// check runs the binary itself, so the image needs no shell or curl.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("unhealthy: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy: /healthz answered %s", resp.Status)
	}
	return nil
}
