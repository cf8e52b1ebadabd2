package room

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collect reads ch as a browser would, as fast as events come, until
// one satisfies last (or 10 s pass: the test then fails on what it got);
// the events arrive on the returned channel.
func collect(ch <-chan Event, last func(Event) bool) <-chan []Event {
	done := make(chan []Event, 1)
	go func() {
		var got []Event
		timeout := time.After(10 * time.Second)
		for {
			select {
			case ev, ok := <-ch:
				if !ok {
					done <- got
					return
				}
				got = append(got, ev)
				if last(ev) {
					done <- got
					return
				}
			case <-timeout:
				done <- got
				return
			}
		}
	}()
	return done
}

// spaced is how far apart the tests' joiners and answers come: slow
// enough that a reader keeping up would see each one unpaced.
const spaced = 10 * time.Millisecond

// pacing holds both hubs to the fan-out's pacing: tallies (follower
// counts, poll answers) are coalesced, anything else goes out at once.
var pacing = []struct {
	name string
	run  func(t *testing.T, h Hub)
}{
	{"a class joining at once reaches a follower as a few count events", func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		next(t, ch)
		const class = 60
		events := collect(ch, func(ev Event) bool { return ev.Followers == class })
		start := time.Now()
		for range class {
			_, err := h.Join(ctxT(t), c.Code, "")
			require.NoError(t, err)
			time.Sleep(spaced)
		}
		joined := time.Since(start)
		got := <-events
		require.NotEmpty(t, got)
		assert.Equal(t, class, got[len(got)-1].Followers, "the last count is the whole class")
		// One event per countEvery the joins took, plus the one that
		// closes the window: not one per joiner.
		limit := int(joined/countEvery) + 2
		assert.LessOrEqual(t, len(got), limit, "%d joins in %v", class, joined)
	}},
	{"a step right after a count goes out at once", func(t *testing.T, h Hub) {
		// A long pace, so "at once" and "paced" stay far apart however
		// loaded the machine running the test is.
		const pace = 4 * time.Second
		fanOf(h).pace = pace
		c, _ := h.Create(ctxT(t), step(0))
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		next(t, ch)
		_, err = h.Join(ctxT(t), c.Code, "") // held back: a tally within the pace
		require.NoError(t, err)
		sent := time.Now()
		_, err = h.Drive(ctxT(t), c.Code, c.Token, step(1))
		require.NoError(t, err)
		ev := next(t, ch)
		assert.Less(t, time.Since(sent), pace/2, "a step is not paced")
		assert.Equal(t, step(1), ev.State)
		assert.Equal(t, 1, ev.Followers, "and it carries the newest count")
	}},
	{"answers to a poll are paced, its reveal is not", func(t *testing.T, h Hub) {
		const pace = 2 * time.Second
		fanOf(h).pace = pace
		c, _ := h.Create(ctxT(t), step(0))
		var ids []string
		for range 40 {
			id, err := h.Join(ctxT(t), c.Code, "")
			require.NoError(t, err)
			ids = append(ids, id)
		}
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Which?", []string{"one", "two"}, []string{"a"}))
		require.NoError(t, err)
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		next(t, ch)
		events := collect(ch, func(ev Event) bool { return ev.Poll != nil && ev.Poll.Counts[0] == len(ids) })
		start := time.Now()
		for _, id := range ids {
			_, err := h.Answer(ctxT(t), c.Code, id, "a")
			require.NoError(t, err)
			time.Sleep(spaced)
		}
		answered := time.Since(start)
		got := <-events
		require.NotEmpty(t, got)
		assert.LessOrEqual(t, len(got), int(answered/pace)+2)
		assert.Equal(t, []int{40, 0}, got[len(got)-1].Poll.Counts)
		sent := time.Now()
		_, err = h.RevealPoll(ctxT(t), c.Code, c.Token)
		require.NoError(t, err)
		ev := next(t, ch)
		assert.Less(t, time.Since(sent), pace/2, "a reveal is not paced")
		assert.True(t, ev.Poll.Revealed)
	}},
}

func TestHubPacing(t *testing.T) {
	for name, prepare := range hubMakers() {
		t.Run(name, func(t *testing.T) {
			mk := prepare(t)
			for _, c := range pacing {
				t.Run(c.name, func(t *testing.T) { c.run(t, mk(t, opts())) })
			}
		})
	}
}
