package room

import (
	"context"
	"sync"
	"time"
)

// fanout hands each room's events to the subscribers in this process.
// Both hubs use it: the memory hub publishes into it directly, the Redis
// hub from its one pub/sub connection, so a replica holds one Redis
// connection for all its followers, not one each.
type fanout struct {
	mu   sync.Mutex
	subs map[string]map[*sub]struct{}
	wg   sync.WaitGroup // the forwarders, so Close can wait for them
	pace time.Duration  // countEvery; tests stretch it, set before any subscribe
}

// sub is one subscriber's inbox. It holds one event: a state event
// carries the whole state, so a slow reader that misses one loses
// nothing by getting the newest instead.
type sub struct{ in chan Event }

func newFanout() *fanout { return &fanout{subs: map[string]map[*sub]struct{}{}, pace: countEvery} }

// publish offers ev to every subscriber of code without blocking.
func (f *fanout) publish(code string, ev Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs[code] {
		offer(s.in, ev)
	}
}

// offer puts ev in the one-slot inbox, replacing an unread older event
// (but never replacing an end, which must arrive).
func offer(in chan Event, ev Event) {
	for {
		select {
		case in <- ev:
			return
		default:
		}
		select {
		case old := <-in:
			if old.Kind == KindEnd {
				in <- old
				return
			}
		default:
		}
	}
}

// codes lists the rooms that have subscribers here.
func (f *fanout) codes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.subs))
	for c := range f.subs {
		out = append(out, c)
	}
	return out
}

// count is how many streams are open here, for tests and metrics.
func (f *fanout) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, m := range f.subs {
		n += len(m)
	}
	return n
}

// subscribe registers an inbox for code, then asks snapshot for the
// current state (after registering, so nothing published in between is
// lost) and starts a forwarder that sends it first and then every newer
// event, until ctx ends or the room does.
func (f *fanout) subscribe(ctx context.Context, code string, after uint64, snapshot func() (Event, error)) (<-chan Event, error) {
	s := &sub{in: make(chan Event, 1)}
	f.mu.Lock()
	if f.subs[code] == nil {
		f.subs[code] = map[*sub]struct{}{}
	}
	f.subs[code][s] = struct{}{}
	f.mu.Unlock()
	first, err := snapshot()
	if err != nil {
		f.remove(code, s)
		return nil, err
	}
	out := make(chan Event)
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		defer close(out)
		defer f.remove(code, s)
		f.forward(ctx, s, out, first, after)
	}()
	return out, nil
}

func (f *fanout) forward(ctx context.Context, s *sub, out chan<- Event, first Event, after uint64) {
	last := max(after, first.ID)
	ev := first
	troubled := false // after trouble, the same state again means "back"
	for {
		select {
		case out <- ev:
		case <-ctx.Done():
			return
		}
		switch ev.Kind {
		case KindEnd:
			return
		case KindTrouble:
			troubled = true
		case KindState, KindPoll:
			last, troubled = max(last, ev.ID), false
		}
		var ok bool
		if ev, ok = nextToSend(ctx, s, ev, time.Now(), f.pace, last, troubled); !ok {
			return
		}
	}
}

// countEvery paces events that only change a tally (the follower count,
// a poll's answers). A class joining or answering at once would
// otherwise send each of N followers one event per joiner: N² writes
// (2,000 followers took 3 s to connect). A tally this old is still live.
const countEvery = 250 * time.Millisecond

// nextToSend waits for the event to send after sent (at sentAt): the first
// newer one, except that a tally-only change waits until pace after sent
// and is replaced by anything newer meanwhile. It reports false when ctx
// ends.
func nextToSend(ctx context.Context, s *sub, sent Event, sentAt time.Time, pace time.Duration, last uint64, troubled bool) (Event, bool) {
	var pending Event
	var due <-chan time.Time
	for {
		select {
		case ev := <-s.in:
			if ev.current() && ev.ID <= last && !(troubled && ev.ID == last) {
				continue // already sent, or older than what was
			}
			if !tallyOnly(sent, ev) {
				return ev, true
			}
			pending = ev
			if due == nil {
				wait := pace - time.Since(sentAt)
				if wait <= 0 {
					return ev, true
				}
				t := time.NewTimer(wait)
				defer t.Stop()
				due = t.C
			}
		case <-due:
			return pending, true
		case <-ctx.Done():
			return Event{}, false
		}
	}
}

// tallyOnly reports whether ev differs from sent in counts alone: the
// same kind, state and poll question, reveal and options.
func tallyOnly(sent, ev Event) bool {
	if !sent.current() || ev.Kind != sent.Kind || ev.State != sent.State {
		return false
	}
	a, b := sent.Poll, ev.Poll
	if a == nil || b == nil {
		return a == b
	}
	return a.Opened == b.Opened && a.Revealed == b.Revealed && a.Question == b.Question && a.Text == b.Text
}

func (f *fanout) remove(code string, s *sub) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.subs[code], s)
	if len(f.subs[code]) == 0 {
		delete(f.subs, code)
	}
}

// end tells code's subscribers the room is over.
func (f *fanout) end(code string) { f.publish(code, Event{Kind: KindEnd}) }
