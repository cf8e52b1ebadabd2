package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ekstutor/ekstutor/internal/room"
)

// roomEvents is GET /r/{code}/events, the room's server-sent events:
//
//	event: state    id: N   the room's state and follower count (first, then on every change)
//	event: trouble          the room's store stopped answering; a state follows when it is back
//	event: end              the room ended or expired; the stream closes
//	event: full             the room has as many participants as it takes
//
// A reconnecting EventSource sends Last-Event-ID and gets the current
// state, then only newer events. Query: p= a participant ID from the
// join API (counted as that participant), presenter=1 (not counted as a
// follower), name= a display name for a follower counted here. A
// follower counted here is the participant its cookie names while the
// room knows it (a reload, a reconnect, a second tab: one participant,
// one answer per poll), otherwise a new one.
func (s *server) roomEvents(w http.ResponseWriter, r *http.Request) {
	code, err := roomCode(r)
	if err == nil {
		_, err = s.rooms.hub.Get(r.Context(), code)
		err = roomError(err)
	}
	if err != nil {
		s.serveProblem(w, r, err)
		return
	}
	after, _ := strconv.ParseUint(r.Header.Get("Last-Event-ID"), 10, 64)
	q := r.URL.Query()
	counted := q.Get("presenter") != "1" && q.Get("p") == ""
	var id string
	if counted {
		// Joined before the stream's headers go out, so the participant
		// cookie (which the poll's answer form reads) goes with them.
		if id, err = s.participant(w, r, code, q.Get("name")); err == nil {
			defer s.leave(code, id) // the stream below runs within this call
		}
	}
	joinErr := err
	s.streams.Handler(func(ctx context.Context, st *Stream) error {
		s.metrics.streams.Inc()
		defer s.metrics.streams.Dec()
		if counted {
			err := joinErr
			var le *room.LimitError
			if errors.As(err, &le) {
				// A full room: say so once, and tell the browser not to
				// retry for a minute rather than knock every 2 s.
				_ = st.raw("retry: 60000\n\n")
				return sendEvent(st, 0, "full", map[string]int{"limit": le.Limit})
			}
			if err != nil {
				return sendEvent(st, 0, "trouble", struct{}{})
			}
		} else if p := q.Get("p"); p != "" {
			defer s.leave(code, p)
		}
		events, err := s.rooms.hub.Subscribe(ctx, code, after)
		if err != nil {
			return sendEvent(st, 0, "end", map[string]string{"reason": "gone"})
		}
		return s.pump(ctx, st, events)
	})(w, r)
}

// pump writes events until the room ends, the client leaves or the
// server shuts down (the stream's context ends: the browser reconnects,
// to another replica if this one is going away).
func (s *server) pump(ctx context.Context, st *Stream, events <-chan room.Event) error {
	if err := st.raw("retry: 2000\n\n"); err != nil {
		return err
	}
	beat := time.NewTicker(s.rooms.heartbeat)
	defer beat.Stop()
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			if err := sendEvent(st, ev.ID, string(ev.Kind), ev); err != nil {
				return err
			}
			s.metrics.eventsSent.Inc()
			if ev.Kind == room.KindEnd {
				return nil
			}
		case <-beat.C:
			if err := st.raw(": heartbeat\n\n"); err != nil {
				return err
			}
		case <-ctx.Done():
			return nil
		}
	}
}

// leave removes a participant after its stream ends, on a context of its
// own: the request's is already cancelled.
func (s *server) leave(code, id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.rooms.hub.Leave(ctx, code, id)
}

// sendEvent writes one event with an ID (0 for none, which leaves the
// browser's Last-Event-ID as it was) and JSON data on one line.
func sendEvent(st *Stream, id uint64, event string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var msg strings.Builder
	if id != 0 {
		msg.WriteString("id: " + strconv.FormatUint(id, 10) + "\n")
	}
	msg.WriteString("event: " + event + "\ndata: ")
	msg.Write(b)
	msg.WriteString("\n\n")
	return st.raw(msg.String())
}

// raw writes text to the stream as it is and flushes it.
func (st *Stream) raw(text string) error {
	if err := st.rc.SetWriteDeadline(time.Now().Add(st.ext)); err != nil {
		return err
	}
	if _, err := st.w.Write([]byte(text)); err != nil {
		return err
	}
	return st.rc.Flush()
}
