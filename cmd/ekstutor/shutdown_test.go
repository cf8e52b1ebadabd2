package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/web"
)

// startServe runs serve on a free port with h and returns its address and
// the channel serve's result arrives on.
func startServe(t *testing.T, ctx context.Context, h http.Handler, log *slog.Logger, adjust ...func(*http.Server)) (string, <-chan error) {
	t.Helper()
	addr := freeAddr(t)
	srv := newServer(h, log)
	for _, f := range adjust {
		f(srv)
	}
	done := make(chan error, 1)
	go func() { done <- serve(ctx, addr, srv, web.NewStreams(writeTimeout), log) }()
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err != nil {
			return false
		}
		c.Close()
		return true
	}, 5*time.Second, 10*time.Millisecond, "serve listens")
	return addr, done
}

// TestShutdownLetsASlowRequestFinish: a request in flight when the signal
// comes gets its whole answer, and serve returns nil within the grace.
func TestShutdownLetsASlowRequestFinish(t *testing.T) {
	t.Parallel()
	want := bytes.Repeat([]byte("finished in full. "), 20000)
	arrived := make(chan struct{})
	var once sync.Once
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		select {
		case <-time.After(time.Second):
		case <-r.Context().Done():
			return // what SIGTERM did before: the request was cancelled
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write(want)
	})
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, done := startServe(t, ctx, slow, slog.New(slog.NewTextHandler(out, nil)))

	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	type result struct {
		status int
		body   []byte
		err    error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := client.Get("http://" + addr + "/slow")
		if err != nil {
			res <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		res <- result{resp.StatusCode, b, err}
	}()
	<-arrived
	start := time.Now()
	cancel() // SIGTERM

	r := <-res
	require.NoError(t, r.err)
	assert.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, len(want), len(r.body), "the full body")
	assert.True(t, bytes.Equal(want, r.body))
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatal("serve did not return within the grace period")
	}
	took := time.Since(start)
	assert.Less(t, took, shutdownGrace, "a finished request does not hold shutdown")
	assert.Less(t, took, 3*time.Second)
	assert.Contains(t, out.String(), "shutting down")
	t.Logf("shutdown with a 1 s request in flight took %v", took)
}

// TestShutdownDropsAClientThatNeverReads: a client that stops reading a
// large answer does not keep the process past the grace period, and the
// exit is clean (serve returns nil): whether the write timeout drops it
// first, or (on a route that lifted its deadline, as streams do) the grace
// period ends and serve closes it.
func TestShutdownDropsAClientThatNeverReads(t *testing.T) {
	t.Parallel()
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	type stalled struct {
		name   string
		cancel context.CancelFunc
		done   <-chan error
	}
	var cases []stalled
	// Both cases wait out a 10 s timer; they stall side by side.
	for _, tc := range []struct {
		name         string
		writeTimeout time.Duration
	}{{"write timeout", writeTimeout}, {"no write deadline", 0}} {
		writing := make(chan struct{})
		var once sync.Once
		big := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			once.Do(func() { close(writing) })
			for range 256 { // 256 MiB: far more than the socket buffers hold
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		addr, done := startServe(t, ctx, big, slog.New(slog.DiscardHandler), func(s *http.Server) { s.WriteTimeout = tc.writeTimeout })
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer conn.Close()
		_, err = conn.Write([]byte("GET /big HTTP/1.1\r\nHost: test\r\n\r\n"))
		require.NoError(t, err)
		<-writing
		cases = append(cases, stalled{tc.name, cancel, done})
	}
	time.Sleep(200 * time.Millisecond) // let the buffers fill
	start := time.Now()
	for _, c := range cases {
		c.cancel()
	}
	deadline := time.After(shutdownGrace + 3*time.Second)
	for _, c := range cases {
		select {
		case err := <-c.done:
			assert.NoError(t, err, "%s: dropping a stalled client is a clean exit", c.name)
		case <-deadline:
			t.Fatalf("%s: a client that never reads kept serve past the grace period", c.name)
		}
		took := time.Since(start)
		assert.LessOrEqual(t, took, shutdownGrace+time.Second, c.name)
		t.Logf("%s: shutdown with a stalled reader took %v", c.name, took)
	}
}

// TestSlowClientsAreDroppedWhileOthersAreServed: twenty clients trickling
// a body (or their headers) at 1 byte/s are each dropped within 15 s,
// while /healthz keeps answering quickly.
func TestSlowClientsAreDroppedWhileOthersAreServed(t *testing.T) {
	t.Parallel()
	app, err := newHandler(config{}, slog.New(slog.DiscardHandler), nil)
	require.NoError(t, err)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/upload" { // a route that reads its body, as forms will
			if _, err := io.ReadAll(r.Body); err != nil {
				http.Error(w, "slow", http.StatusRequestTimeout)
				return
			}
			_, _ = io.WriteString(w, "ok")
			return
		}
		app.ServeHTTP(w, r)
	})
	ctx, cancel := context.WithCancel(context.Background())
	addr, done := startServe(t, ctx, h, slog.New(slog.DiscardHandler))
	defer func() {
		cancel()
		assert.NoError(t, <-done)
	}()

	const limit = 15 * time.Second
	start := time.Now()
	type drop struct {
		what  string
		after time.Duration
		first string // the status line, if the server answered before closing
		err   error
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		drops []drop
	)
	heads := map[string]string{
		"upload": "POST /upload HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n",
		"page":   "POST /en/intro HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n",
		"header": "GET /en/intro HTTP/1.1\r\nHost: test\r\nX-Slow: " + strings.Repeat("a", 50) + "\r\n\r\n",
	}
	kinds := []string{}
	for i := range 20 {
		kinds = append(kinds, []string{"upload", "upload", "page", "header"}[i%4])
	}
	for _, kind := range kinds {
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			stop := make(chan struct{})
			defer close(stop)
			head := heads[kind]
			prefix, trickle := head, strings.Repeat("a", 1000)
			if kind == "header" {
				prefix, trickle = head[:20], head[20:]
			}
			go func() { // one byte a second until dropped or stopped
				if _, err := io.WriteString(conn, prefix); err != nil {
					return
				}
				tick := time.NewTicker(time.Second)
				defer tick.Stop()
				for i := 0; i < len(trickle); i++ {
					select {
					case <-stop:
						return
					case <-tick.C:
					}
					if _, err := conn.Write([]byte{trickle[i]}); err != nil {
						return
					}
				}
			}()
			_ = conn.SetReadDeadline(start.Add(limit))
			rd := bufio.NewReader(conn)
			first, _ := rd.ReadString('\n')
			_, err := io.Copy(io.Discard, rd) // until the server closes
			if err == nil {
				err = io.EOF
			}
			mu.Lock()
			drops = append(drops, drop{kind, time.Since(start), strings.TrimSpace(first), err})
			t.Logf("%s: dropped after %v (%q, %v)", kind, time.Since(start).Round(time.Millisecond), strings.TrimSpace(first), err)
			mu.Unlock()
		}()
	}

	// Meanwhile a normal client is served at once, again and again.
	client := &http.Client{Transport: &http.Transport{}, Timeout: 2 * time.Second}
	defer client.CloseIdleConnections()
	healthy := 0
	var slowest time.Duration
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
poll:
	for {
		t0 := time.Now()
		resp, err := client.Get("http://" + addr + "/healthz")
		if assert.NoError(t, err) {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			healthy++
		}
		slowest = max(slowest, time.Since(t0))
		select {
		case <-finished:
			break poll
		case <-time.After(250 * time.Millisecond):
		}
	}
	assert.Less(t, slowest, time.Second, "/healthz kept answering quickly")
	assert.Greater(t, healthy, 10)

	require.Len(t, drops, len(kinds))
	var latest time.Duration
	for _, d := range drops {
		var ne net.Error
		timedOut := errors.As(d.err, &ne) && ne.Timeout()
		assert.False(t, timedOut, "%s: still held after %v", d.what, limit)
		assert.Less(t, d.after, limit, d.what)
		if d.first != "" {
			assert.NotContains(t, d.first, " 200 ", "%s: a trickled request is not served: %q", d.what, d.first)
		}
		latest = max(latest, d.after)
	}
	t.Logf("20 slow clients dropped by %v; /healthz answered %d times, slowest %v", latest, healthy, slowest)
}

// TestShutdownEndsOpenStreams: serve registers Streams.Close on shutdown,
// so an open event stream does not hold the exit for the grace period.
func TestShutdownEndsOpenStreams(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.DiscardHandler)
	streams := web.NewStreams(writeTimeout)
	h := streams.Handler(func(ctx context.Context, st *web.Stream) error {
		if err := st.Send("hello", "1"); err != nil {
			return err
		}
		<-ctx.Done()
		return nil
	})
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, addr, newServer(h, log), streams, log) }()
	var conn net.Conn
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		conn = c
		return err == nil
	}, 5*time.Second, 10*time.Millisecond)
	defer conn.Close()
	_, err := conn.Write([]byte("GET /events HTTP/1.1\r\nHost: test\r\n\r\n"))
	require.NoError(t, err)
	rd := bufio.NewReader(conn)
	for { // the headers, then the first event
		line, err := rd.ReadString('\n')
		require.NoError(t, err)
		if strings.HasPrefix(line, "data: 1") {
			break
		}
	}
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatal("serve did not return")
	}
	assert.Less(t, time.Since(start), 2*time.Second, "the stream was told to end, not waited out")
	t.Logf("shutdown with an open stream took %v", time.Since(start))
}
