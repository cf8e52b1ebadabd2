package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
	"github.com/ekstutor/ekstutor/web"
)

// tutor is the whole tutor, in memory, on a loopback listener.
func tutor(t *testing.T) *httptest.Server {
	t.Helper()
	streams := web.NewStreams(5 * time.Second)
	h, err := web.NewApp(content.FS, static.FS, web.Deps{Streams: streams})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		streams.Close()
		srv.Close()
	})
	return srv
}

func TestLoadEveryFollowerGetsEveryStep(t *testing.T) {
	srv := tutor(t)
	cfg, err := parseConfig([]string{"-url", srv.URL, "-n", "50", "-steps", "5", "-interval", "20ms", "-timeout", "30s"}, &bytes.Buffer{})
	require.NoError(t, err)
	res, err := run(context.Background(), cfg, 0)
	require.NoError(t, err)
	assert.Empty(t, res.errors)
	require.Len(t, res.steps, 5)
	var prev uint64
	for k, s := range res.steps {
		require.NoError(t, s.err, "step %d", k+1)
		assert.Equal(t, 50, s.reached, "step %d reached every follower", k+1)
		assert.Greater(t, s.id, prev, "each step is a new event")
		assert.Positive(t, s.last)
		prev = s.id
	}
	assert.Len(t, res.latencies, 250, "one delivery per (follower, step)")

	var out bytes.Buffer
	writeReport(&out, res)
	report := out.String()
	assert.Contains(t, report, "| 50 | 5 | 250 of 250 |")
	assert.Contains(t, report, "| 0 |", "no errors")
	rows := regexp.MustCompile(`(?m)^\| \d \| \d+ \| [\d.]+ ms \| 50 \| [\d.]+ ms \|$`).FindAllString(report, -1)
	assert.Len(t, rows, 5, "a row per step, each reaching all 50:\n%s", report)
}

func TestLoadReportsResidentMemoryOfAProcess(t *testing.T) {
	srv := tutor(t)
	var out, errOut bytes.Buffer
	code := runMain(context.Background(), []string{"-url", srv.URL, "-n", "5", "-steps", "2", "-interval", "10ms", "-pid", "self"}, &out, &errOut)
	assert.Equal(t, 2, code, "-pid takes a number")
	// The server runs in this process, so its memory is this process's.
	code = runMain(context.Background(), []string{"-url", srv.URL, "-n", "5", "-steps", "2", "-interval", "10ms", "-pid", strconv.Itoa(os.Getpid())}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), "KiB (")
}

func TestLoadRefusesBadFlagsAtOnce(t *testing.T) {
	_, err := parseConfig([]string{"-url", "http://192.0.2.1:8080", "-n", "5001", "-steps", "0", "-timeout", "0s"}, &bytes.Buffer{})
	require.Error(t, err)
	for _, want := range []string{"not a loopback address", "-n must be 1 to 5000", "-steps must be 1 to 1000", "-timeout"} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = parseConfig([]string{"-url", "http://192.0.2.1:8080", "-allow-remote"}, &bytes.Buffer{})
	assert.NoError(t, err, "-allow-remote lets another machine be loaded")
	_, err = parseConfig([]string{"-url", "http://[::1]:8080", "-url", "http://localhost:8081"}, &bytes.Buffer{})
	assert.NoError(t, err, "loopback addresses and names")
	_, err = parseConfig([]string{"-url", "http://127.0.0.1:1", "-pid", "0"}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "want a process ID")
	cfg, err := parseConfig([]string{"-url", "http://127.0.0.1:1", "-pid", "10", "-pid", "11"}, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, []int{10, 11}, cfg.pids, "one -pid per replica")
	_, err = parseConfig(nil, &bytes.Buffer{})
	assert.ErrorContains(t, err, "-url is required")
}

func TestPercentileIsNearestRank(t *testing.T) {
	ds := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	assert.Equal(t, time.Duration(5), percentile(ds, 50))
	assert.Equal(t, time.Duration(10), percentile(ds, 99))
	assert.Equal(t, time.Duration(10), percentile(ds, 100))
	assert.Equal(t, time.Duration(1), percentile(ds, 1))
	assert.Zero(t, percentile(nil, 50))
}
