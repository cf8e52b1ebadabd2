package web

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Streams is the route group for server-sent events: responses go out
// unbuffered and flushed, the server's write timeout is lifted per write
// through http.ResponseController, and every stream is told to end when
// the server shuts down (main calls Close from Server.RegisterOnShutdown),
// so a shutdown never waits on a stream that will not end by itself.
type Streams struct {
	once   sync.Once
	done   chan struct{}
	extend time.Duration
}

// NewStreams returns the stream group's state; each write may take up to
// extend before the connection is given up.
func NewStreams(extend time.Duration) *Streams {
	return &Streams{done: make(chan struct{}), extend: extend}
}

// Close tells every open stream to end. It is safe to call more than once.
func (s *Streams) Close() { s.once.Do(func() { close(s.done) }) }

// Stream is what a stream handler writes through.
type Stream struct {
	w    http.ResponseWriter
	rc   *http.ResponseController
	ext  time.Duration
	Done <-chan struct{} // closed when the client leaves or the server shuts down
}

// Send writes one server-sent event and flushes it at once.
func (st *Stream) Send(event, data string) error {
	if err := st.rc.SetWriteDeadline(time.Now().Add(st.ext)); err != nil {
		return err
	}
	msg := ""
	if event != "" {
		msg = "event: " + event + "\n"
	}
	msg += "data: " + data + "\n\n"
	if _, err := st.w.Write([]byte(msg)); err != nil {
		return err
	}
	return st.rc.Flush()
}

// Handler turns a stream function into a route handler. It sets the
// event-stream headers, lifts the read deadline (the request is already
// read) and ends the stream on shutdown.
func (s *Streams) Handler(f func(ctx context.Context, st *Stream) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Time{})
		h := w.Header()
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Accel-Buffering", "no") // tell a proxy in front not to buffer either
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		go func() {
			select {
			case <-s.done:
				cancel()
			case <-ctx.Done():
			}
		}()
		w.WriteHeader(http.StatusOK)
		st := &Stream{w: w, rc: rc, ext: s.extend, Done: ctx.Done()}
		if err := st.rc.Flush(); err != nil {
			return
		}
		_ = f(ctx, st)
	}
}
