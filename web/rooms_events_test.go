package web

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room"
)

func TestRoomEventsFirstStateThenEachStepAndResume(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	put := func(step int) {
		resp, body := call(t, http.MethodPut, srv.URL+"/api/v1/rooms/"+c.Code+"/state", stateJSON(step), "Authorization", "Bearer "+c.PresenterToken)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
	}
	s := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	first := s.next(t, "state")
	st, followers := stateOf(t, first)
	assert.Equal(t, "endpoints", st["view"], "the first event is the current state")
	assert.Equal(t, 1, followers, "the stream counts as a follower")
	last, _ := strconv.ParseUint(first.ID, 10, 64)
	for n := 1; n <= 2; n++ {
		put(n)
		ev := s.next(t, "state")
		st, _ := stateOf(t, ev)
		assert.EqualValues(t, n, st["step"])
		id, _ := strconv.ParseUint(ev.ID, 10, 64)
		assert.Greater(t, id, last)
		last = id
	}
	s.cancel() // the browser loses the connection…
	put(3)     // …and the presenter moves on
	r := openStream(t, srv.URL+"/r/"+c.Code+"/events", "Last-Event-ID", strconv.FormatUint(last, 10))
	ev := r.next(t, "state")
	st, _ = stateOf(t, ev)
	assert.EqualValues(t, 3, st["step"], "the reconnect resynchronises at once")
	id, _ := strconv.ParseUint(ev.ID, 10, 64)
	assert.Greater(t, id, last)

	resp, _ := call(t, http.MethodDelete, srv.URL+"/api/v1/rooms/"+c.Code, "", "Authorization", "Bearer "+c.PresenterToken)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	r.next(t, "end")
}

func TestRoomEventsHeartbeatAndUnknownRoom(t *testing.T) {
	srv := roomServer(t, RoomOptions{Heartbeat: 50 * time.Millisecond})
	resp, body := call(t, http.MethodGet, srv.URL+"/r/ABCDEF/events", "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"), body)

	c := mustCreateRoom(t, srv.URL)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/r/"+c.Code+"/events?presenter=1", nil)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	buf := make([]byte, 4096)
	got := ""
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(got, ": heartbeat") {
		n, err := res.Body.Read(buf)
		got += string(buf[:n])
		if err != nil {
			break
		}
	}
	assert.Contains(t, got, ": heartbeat")
	assert.Contains(t, got, `"followers":0`, "a presenter's stream is not a follower")
}

func TestRoomStreamsEndOnShutdown(t *testing.T) {
	d := roomDepsFor(t, RoomOptions{})
	srv := newTestListener(t, d)
	c := mustCreateRoom(t, srv.URL)
	s := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	s.next(t, "state")
	d.Streams.Close() // what Server.RegisterOnShutdown calls
	select {
	case _, ok := <-s.events:
		for ok {
			_, ok = <-s.events
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the stream stayed open after shutdown began")
	}
}

func TestRoomEventsInAFullRoomSaySo(t *testing.T) {
	srv := roomServer(t, RoomOptions{Hub: room.NewMemory(room.Options{MaxParticipants: 1})})
	c := mustCreateRoom(t, srv.URL)
	first := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	first.next(t, "state")
	second := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	ev := second.next(t, "full")
	assert.JSONEq(t, `{"limit":1}`, ev.Data)
}
