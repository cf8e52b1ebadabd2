package main

import (
	"bytes"
	"context"
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
	http.DefaultClient.CloseIdleConnections()
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop after cancel")
	}
}

func TestRoomFlagsAreChecked(t *testing.T) {
	for _, args := range [][]string{{"-rooms-max", "0"}, {"-room-idle", "5s"}, {"-room-create-per-minute", "-1"}} {
		err := run(context.Background(), append(args, "-addr", freeAddr(t)), env(nil), &bytes.Buffer{})
		assert.Error(t, err, "%v", args)
	}
	err := run(context.Background(), []string{"-redis-url", "http://nope", "-addr", freeAddr(t)}, env(nil), &bytes.Buffer{})
	assert.ErrorContains(t, err, "redis url")
}
