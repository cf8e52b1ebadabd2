package main

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// With -metrics-addr the scrape moves to its own port: the learners'
// port no longer answers it, and the series still count their requests.
func TestMetricsOnAPortOfTheirOwn(t *testing.T) {
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", addr, "-metrics-addr", metricsAddr, "-log-level", "warn"}, env(nil), &syncBuffer{})
	}()
	require.Eventually(t, func() bool { return healthcheck(context.Background(), addr) == nil },
		10*time.Second, 20*time.Millisecond)

	code, _ := get(t, "http://"+addr+"/ko/intro")
	assert.Equal(t, http.StatusOK, code)
	code, _ = get(t, "http://"+addr+"/metrics")
	assert.Equal(t, http.StatusNotFound, code, "not on the public port")
	code, body := get(t, "http://"+metricsAddr+"/metrics")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, `ekstutor_http_requests_total{method="GET",route="/ko/{slug}",status="2xx"} 1`)
	assert.Contains(t, body, "go_goroutines", "with the runtime's collectors")
	code, _ = get(t, "http://"+metricsAddr+"/ko/intro")
	assert.Equal(t, http.StatusNotFound, code, "the metrics port serves nothing else")

	stopRun(t, cancel, done)
}
