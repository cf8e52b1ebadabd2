package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room/redistest"
)

// TestRunWithRedis: -redis-url (here through its environment variable)
// keeps rooms in Redis, /readyz says Redis answers, and a cancelled run
// closes the hub (TestMain's goleak sees its pub/sub loop end).
func TestRunWithRedis(t *testing.T) {
	redis := redistest.Start(t)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-rooms-max", "1"}, env(map[string]string{"EKSTUTOR_ADDR": addr, "EKSTUTOR_REDIS_URL": redis.URL()}), &syncBuffer{})
	}()
	require.Eventually(t, func() bool {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, 10*time.Second, 50*time.Millisecond, "ready once Redis answers")
	for want := range []int{http.StatusCreated, http.StatusServiceUnavailable} {
		resp, err := http.Post("http://"+addr+"/api/v1/rooms", "application/json", nil)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, []int{http.StatusCreated, http.StatusServiceUnavailable}[want], resp.StatusCode, "-rooms-max 1")
	}
	stopRun(t, cancel, done)
}

func TestRoomFlagsAreChecked(t *testing.T) {
	for _, args := range [][]string{{"-rooms-max", "0"}, {"-room-idle", "5s"}, {"-room-create-per-minute", "-1"}} {
		err := run(context.Background(), append(args, "-addr", freeAddr(t)), env(nil), &bytes.Buffer{})
		assert.Error(t, err, "%v", args)
	}
	err := run(context.Background(), []string{"-redis-url", "http://nope", "-addr", freeAddr(t)}, env(nil), &bytes.Buffer{})
	assert.ErrorContains(t, err, "redis url")
}

// TestManyFollowersComeAndGo opens and drops 200 event streams on a
// running server, then stops it: TestMain's goleak fails the package if
// any stream, forwarder or participant goroutine outlives the run.
func TestManyFollowersComeAndGo(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, env(map[string]string{"EKSTUTOR_ADDR": addr}), &syncBuffer{}) }()
	require.Eventually(t, func() bool { return healthcheck(context.Background(), addr) == nil }, 10*time.Second, 20*time.Millisecond)
	resp, err := http.Post("http://"+addr+"/api/v1/rooms", "application/json", nil)
	require.NoError(t, err)
	var c struct{ Code string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&c))
	resp.Body.Close()
	client := &http.Client{Transport: &http.Transport{}}
	for i := range 200 {
		sctx, scancel := context.WithCancel(ctx)
		req, _ := http.NewRequestWithContext(sctx, http.MethodGet, "http://"+addr+"/r/"+c.Code+"/events", nil)
		resp, err := client.Do(req)
		require.NoError(t, err, "stream %d", i)
		buf := make([]byte, 256)
		_, _ = resp.Body.Read(buf) // the first event arrived
		scancel()
		resp.Body.Close()
	}
	client.CloseIdleConnections()
	require.Eventually(t, func() bool {
		resp, err := http.Get("http://" + addr + "/api/v1/rooms/" + c.Code)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var snap struct{ Followers int }
		_ = json.NewDecoder(resp.Body).Decode(&snap)
		return snap.Followers == 0
	}, 5*time.Second, 20*time.Millisecond, "every follower left")
	http.DefaultClient.CloseIdleConnections()
	cancel()
	require.NoError(t, <-done)
}
