package web

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
)

var (
	roomDepsOnce sync.Once
	roomDeps     Deps
	roomDepsErr  error
)

// roomServer is the tutor with its own rooms (opts) on a real listener:
// streams need one. Content is loaded once for every such server.
func roomServer(t *testing.T, opts RoomOptions) *httptest.Server {
	t.Helper()
	return newTestListener(t, roomDepsFor(t, opts))
}

// roomDepsFor is the loaded course with opts and a stream group of its own.
func roomDepsFor(t testing.TB, opts RoomOptions) Deps {
	t.Helper()
	roomDepsOnce.Do(func() { roomDepsErr = load(content.FS, static.FS, &roomDeps) })
	require.NoError(t, roomDepsErr)
	d := roomDeps
	d.Rooms = opts
	d.Streams = NewStreams(streamWriteTimeout)
	return d
}

func newTestListener(t *testing.T, d Deps) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(New(d))
	t.Cleanup(func() {
		d.Streams.Close()
		srv.Close()
	})
	return srv
}

// call sends one request with an optional JSON body and headers (name,
// value pairs) and returns the response with its body read.
func call(t *testing.T, method, url, body string, header ...string) (*http.Response, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	return resp, string(b)
}

type createdRoom struct {
	Code           string `json:"code"`
	PresenterToken string `json:"presenter_token"`
	JoinURL        string `json:"join_url"`
}

func mustCreateRoom(t *testing.T, base string) createdRoom {
	t.Helper()
	resp, body := call(t, http.MethodPost, base+"/api/v1/rooms", "")
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	var c createdRoom
	require.NoError(t, json.Unmarshal([]byte(body), &c))
	return c
}

// sseEvent is one parsed server-sent event.
type sseEvent struct {
	ID, Event, Data string
}

// sseStream reads events from a stream in the background.
type sseStream struct {
	events chan sseEvent
	cancel context.CancelFunc
}

func openStream(t *testing.T, url string, header ...string) *sseStream {
	t.Helper()
	return openStreamWith(t, http.DefaultClient, url, header...)
}

// openStreamWith opens the stream with client (a browser's cookie jar).
func openStreamWith(t *testing.T, client *http.Client, url string, header ...string) *sseStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, resp.Header.Get("Content-Type"), "text/event-stream")
	s := &sseStream{events: make(chan sseEvent, 64), cancel: cancel}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.Event != "" || ev.Data != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.ID = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "event: "):
				ev.Event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(cancel)
	return s
}

// next returns the next event of kind (skipping others) within 5 s.
func (s *sseStream) next(t *testing.T, kind string) sseEvent {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			require.True(t, ok, "stream closed before a %s event", kind)
			if ev.Event == kind {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s event within 5s", kind)
		}
	}
}

// stateOf decodes a state event's room state.
func stateOf(t *testing.T, ev sseEvent) (st map[string]any, followers int) {
	t.Helper()
	var v struct {
		State     map[string]any `json:"state"`
		Followers int            `json:"followers"`
	}
	require.NoError(t, json.Unmarshal([]byte(ev.Data), &v))
	return v.State, v.Followers
}
