package web

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/room/redistest"
)

// TestTwoReplicasShareOneRedis: a presenter on one server, a follower
// on another, one Redis between them (two replicas behind a load
// balancer). The follower's stream sees every step.
func TestTwoReplicasShareOneRedis(t *testing.T) {
	redis := redistest.Start(t)
	a, b := redisReplica(t, redis, "replicas:"), redisReplica(t, redis, "replicas:")
	c := mustCreateRoom(t, a)
	resp, _ := call(t, http.MethodGet, b+"/readyz", "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	s := openStream(t, b+"/r/"+c.Code+"/events")
	_, followers := stateOf(t, s.next(t, "state"))
	assert.Equal(t, 1, followers)
	for n := 1; n <= 3; n++ {
		resp, body := call(t, http.MethodPut, a+"/api/v1/rooms/"+c.Code+"/state", stateJSON(n), "Authorization", "Bearer "+c.PresenterToken)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		st, _ := stateOf(t, s.next(t, "state"))
		assert.EqualValues(t, n, st["step"], "replica b's follower sees step %d driven on a", n)
	}
	_, body := call(t, http.MethodGet, a+"/api/v1/rooms/"+c.Code, "")
	assert.Contains(t, body, `"followers": 1`, "a counts b's follower")
	resp, _ = call(t, http.MethodPut, b+"/api/v1/rooms/"+c.Code+"/state", stateJSON(0), "Authorization", "Bearer wrong")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
}

// redisReplica starts a server whose rooms are in redis under prefix
// and returns its address: replicas with one prefix share their rooms.
func redisReplica(t *testing.T, redis *redistest.Server, prefix string) string {
	t.Helper()
	hub, err := room.NewRedis(redis.URL(), prefix, room.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = hub.Close() })
	return roomServer(t, RoomOptions{Hub: hub}).URL
}
