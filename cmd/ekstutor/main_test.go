package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock"))
}

// syncBuffer is a log sink safe to read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// stopRun cancels a run a test started and waits for it to return
// cleanly.
func stopRun(t *testing.T, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	http.DefaultClient.CloseIdleConnections()
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop after cancel")
	}
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRunServesAndShutsDownOnCancel(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-log-format", "json"}, env(map[string]string{"EKSTUTOR_ADDR": addr}), out)
	}()

	require.Eventually(t, func() bool {
		return healthcheck(context.Background(), addr) == nil
	}, 10*time.Second, 20*time.Millisecond, "server answers /healthz")
	resp, err := http.Get("http://" + addr + "/ko/intro")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	http.DefaultClient.CloseIdleConnections()

	require.NoError(t, run(context.Background(), []string{"-healthcheck", "-addr", addr}, env(nil), out))
	stopRun(t, cancel, done)
	assert.Contains(t, out.String(), `"path":"/ko/intro"`)
	assert.Contains(t, out.String(), `"msg":"shutting down"`)
}

func TestHealthcheckFailsWithoutServer(t *testing.T) {
	err := run(context.Background(), []string{"-healthcheck", "-addr", freeAddr(t)}, env(nil), &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unhealthy")
}

// TestBrokenContentDirStopsWithAMessage: an instructor's typo in a
// chapter stops the server with the file and the problem, not a trace.
func TestBrokenContentDirStopsWithAMessage(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("../../content")))
	intro := filepath.Join(dir, "en", "intro.md")
	b, err := os.ReadFile(intro)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(intro, bytes.Replace(b, []byte("summary:"), []byte("sumary:"), 1), 0o644))

	err = run(context.Background(), []string{"-content", dir, "-addr", freeAddr(t)}, env(nil), &bytes.Buffer{})
	require.Error(t, err)
	assert.Equal(t, `content: en/intro.md: unknown front-matter key "sumary" (accepted: title, slug, order, summary, minutes)`, err.Error())
}

func TestContentDirServesEditedChapters(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("../../content")))
	intro := filepath.Join(dir, "ko", "intro.md")
	b, err := os.ReadFile(intro)
	require.NoError(t, err)
	edited := strings.Replace(string(b), "\n---\n", "\n---\n\n강사가 덧붙인 문단입니다.\n", 1)
	require.NoError(t, os.WriteFile(intro, []byte(edited), 0o644))

	cfg, err := parseConfig([]string{"-content", dir}, env(nil), &bytes.Buffer{})
	require.NoError(t, err)
	h, err := newHandler(cfg, nil, nil)
	require.NoError(t, err)
	srv := httptestServer(t, h)
	resp, err := http.Get(srv + "/ko/intro")
	require.NoError(t, err)
	defer resp.Body.Close()
	var body bytes.Buffer
	_, _ = body.ReadFrom(resp.Body)
	assert.Contains(t, body.String(), "강사가 덧붙인 문단입니다.")
}

func TestBadConfiguration(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"-content", "/does/not/exist"}, nil, `-content "/does/not/exist" is not a readable directory`},
		{nil, map[string]string{"EKSTUTOR_LOG_LEVEL": "loud"}, `log level "loud" is not one of debug, info, warn, error`},
		{[]string{"-log-format", "xml"}, nil, `log format "xml" is not one of text, json`},
		{[]string{"stray"}, nil, `unexpected argument "stray" (see -help)`},
		{[]string{"-trusted-proxies", "10.0.0.0/8,proxy,10.1.2.3/99"}, nil,
			`-trusted-proxies: not an IP address or CIDR prefix: "proxy", "10.1.2.3/99" (accepted: e.g. 10.0.0.0/8,192.0.2.7,fd00::/8)`},
		{[]string{"-frame-ancestors", "https://lms.example.edu *"}, nil,
			`-frame-ancestors: not an origin: "*" (accepted: http:// or https:// with a host and optional port, no path)`},
		{[]string{"-frame-ancestors", "https://lms.example.edu/course;script-src *"}, nil,
			`-frame-ancestors: not an origin: "https://lms.example.edu/course;script-src", "*" (accepted: http:// or https:// with a host and optional port, no path)`},
		{[]string{"-metrics-addr", "9090"}, nil,
			`-metrics-addr "9090" is not a listen address of its own (accepted: host:port or :port, not the same as -addr)`},
		{[]string{"-addr", ":8080", "-metrics-addr", ":8080"}, nil,
			`-metrics-addr ":8080" is not a listen address of its own (accepted: host:port or :port, not the same as -addr)`},
		{[]string{"-post-rate", "0"}, nil, `-post-rate 0 and -post-burst 100 must be above 0`},
		{nil, map[string]string{"EKSTUTOR_HSTS": "yes please", "EKSTUTOR_POST_BURST": "many"}, `environment: EKSTUTOR_HSTS="yes please" is not true or false; EKSTUTOR_POST_BURST="many" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args, tt.env), func(t *testing.T) {
			err := run(context.Background(), tt.args, env(tt.env), &bytes.Buffer{})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}
