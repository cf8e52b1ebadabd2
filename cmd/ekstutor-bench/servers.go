package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
	"github.com/ekstutor/ekstutor/web"
)

// server is something listening on loopback for the run.
type server struct {
	url   string
	close func()
}

// listen serves h on a free loopback port with the tutor's own timeouts'
// shape (the bare baseline gets the same server settings).
func listen(h http.Handler) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 60 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return &server{
		url: "http://" + ln.Addr().String(),
		close: func() {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(ctx)
		},
	}, nil
}

// startTutor serves the real application, with everything embedded, and
// a logger as production has it (info level; cached answers log at debug,
// so they cost a level check), writing to nowhere.
func startTutor() (*server, error) {
	log := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h, err := web.NewApp(content.FS, static.FS, web.Deps{Logger: log, BaseURL: "http://localhost:8080"})
	if err != nil {
		return nil, err
	}
	return listen(h)
}

// body is what the tutor answered for one page in one encoding: the bare
// handler and nginx send exactly these bytes.
type body struct {
	page     page
	encoding string
	header   http.Header
	data     []byte
}

// fetchAll asks the tutor for every page in every encoding, twice: the
// first request fills its cache, the second is what a cached request
// answers, which is what the baselines copy.
func fetchAll(base string, ps []page, encs []string) ([]body, error) {
	var out []body
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, p := range ps {
		for _, enc := range encs {
			var b body
			for range 2 {
				req, _ := http.NewRequest(http.MethodGet, base+p.path, nil)
				req.Header.Set("Accept-Encoding", enc)
				resp, err := client.Do(req)
				if err != nil {
					return nil, err
				}
				data, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					return nil, err
				}
				if resp.StatusCode != http.StatusOK {
					return nil, fmt.Errorf("%s: status %d", p.path, resp.StatusCode)
				}
				if got := resp.Header.Get("Content-Encoding"); enc != "identity" && got != enc {
					return nil, fmt.Errorf("%s asked for %s, got Content-Encoding %q", p.path, enc, got)
				}
				b = body{page: p, encoding: enc, header: resp.Header.Clone(), data: data}
			}
			b.header.Del("Date") // net/http adds its own
			out = append(out, b)
		}
	}
	return out, nil
}

// startBare serves each body at its page's path (and query) with the
// tutor's headers, from memory: the fastest a Go server can answer with
// the same bytes on the wire.
func startBare(bodies []body) (*server, error) {
	byKey := map[string]body{}
	for _, b := range bodies {
		byKey[b.page.path+"\x00"+b.encoding] = b
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		enc := r.Header.Get("Accept-Encoding")
		b, ok := byKey[r.URL.RequestURI()+"\x00"+enc]
		if !ok {
			http.NotFound(w, r)
			return
		}
		dst := w.Header()
		for k, v := range b.header {
			dst[k] = v
		}
		_, _ = w.Write(b.data)
	})
	return listen(h)
}

// sameBytes reports whether two bodies are byte-identical (used by tests).
func sameBytes(a, b []byte) bool { return bytes.Equal(a, b) }
