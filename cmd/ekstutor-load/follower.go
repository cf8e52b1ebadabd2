package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// arrival is one state event as a follower read it.
type arrival struct {
	id uint64
	at time.Time
}

// follower reads one room's event stream on a connection of its own, as
// a browser's EventSource would, and notes when each state event came.
type follower struct {
	first chan struct{} // closed on the first state event (or on failure)
	once  sync.Once

	latest atomic.Uint64 // the newest state event's ID

	mu   sync.Mutex
	seen []arrival // state events after recording began
	err  error
}

func newFollower() *follower { return &follower{first: make(chan struct{})} }

func (f *follower) ready() { f.once.Do(func() { close(f.first) }) }

func (f *follower) fail(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
	f.ready()
}

// result returns what the follower saw and its error, if any.
func (f *follower) result() ([]arrival, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]arrival(nil), f.seen...), f.err
}

// run connects and reads until ctx ends, the room ends or the stream
// breaks. connected is released once the response headers are in, so
// only a bounded number of connections are being opened at a time.
// Events are kept only while recording is set: the joins of the other
// followers each send a state event, which are not the steps measured.
func (f *follower) run(ctx context.Context, client *http.Client, eventsURL string, connected func(), recording *atomic.Bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, eventsURL, nil)
	if err != nil {
		connected()
		f.fail(err)
		return
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := client.Do(req)
	connected()
	if err != nil {
		f.fail(fmt.Errorf("connect: %w", err))
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		f.fail(fmt.Errorf("connect: %s", resp.Status))
		return
	}
	sc := bufio.NewScanner(resp.Body)
	var id uint64
	var event string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			switch event {
			case "state":
				if recording.Load() {
					f.mu.Lock()
					f.seen = append(f.seen, arrival{id: id, at: time.Now()})
					f.mu.Unlock()
				}
				f.latest.Store(id)
				f.ready()
			case "full", "end", "trouble":
				f.fail(fmt.Errorf("stream: %s event", event))
				if event != "trouble" {
					return
				}
			}
			event = ""
		case strings.HasPrefix(line, "id: "):
			id, _ = strconv.ParseUint(line[len("id: "):], 10, 64)
		case strings.HasPrefix(line, "event: "):
			event = line[len("event: "):]
		}
	}
	if ctx.Err() == nil {
		err := sc.Err()
		if err == nil {
			err = fmt.Errorf("the server closed the stream")
		}
		f.fail(fmt.Errorf("stream: %w", err))
	}
}

// reached is when the follower first had an event at or after id (a
// state event carries the whole state, so a newer one covers an older
// one the server coalesced away); ok is false if it never did.
func reached(seen []arrival, id uint64) (time.Time, bool) {
	for _, a := range seen {
		if a.id >= id {
			return a.at, true
		}
	}
	return time.Time{}, false
}
