package room

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room/redistest"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// fakeContents is a two-chapter course.
type fakeContents struct{}

func (fakeContents) Sections(slug string) ([]string, bool) {
	switch slug {
	case "intro":
		return []string{"what", "why"}, true
	case "networking":
		return []string{"vpc"}, true
	}
	return nil, false
}
func (fakeContents) First() string { return "intro" }

// maker makes a fresh hub with opts; each Redis hub gets its own key
// prefix on the one server, so cases never see each other's rooms.
type maker func(t *testing.T, opts Options) Hub

var prefixes atomic.Int64

// hubMakers gives, per hub, a function that prepares its backing store
// under parent (the Redis case starts one redis-server, or skips) and
// returns the maker.
func hubMakers() map[string]func(parent *testing.T) maker {
	return map[string]func(*testing.T) maker{
		"memory": func(*testing.T) maker {
			return func(t *testing.T, opts Options) Hub {
				h := NewMemory(opts)
				t.Cleanup(func() { _ = h.Close() })
				return h
			}
		},
		"redis": func(parent *testing.T) maker {
			srv := redistest.Start(parent)
			return func(t *testing.T, opts Options) Hub { return newRedisHub(t, srv, opts) }
		},
	}
}

func newRedisHub(t *testing.T, srv *redistest.Server, opts Options) Hub {
	h, err := NewRedis(srv.URL(), fmt.Sprintf("test%d:", prefixes.Add(1)), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = h.Close() })
	return h
}

func opts() Options { return Options{Contents: fakeContents{}, Idle: time.Minute} }

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// next reads one event or fails after a few seconds.
func next(t *testing.T, ch <-chan Event) Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		require.True(t, ok, "stream closed")
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
	}
	return Event{}
}

func step(n int) State {
	return State{Chapter: "intro", Section: "what", View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubectlToAPIServer, Step: n}
}

// contract is every behaviour both hubs must share.
var contract = []struct {
	name string
	opts func() Options
	run  func(t *testing.T, h Hub)
}{
	{"create then get", opts, func(t *testing.T, h Hub) {
		c, err := h.Create(ctxT(t), Initial(fakeContents{}))
		require.NoError(t, err)
		code, ok := NormaliseCode(c.Code)
		assert.True(t, ok && code == c.Code, "code %q is canonical", c.Code)
		assert.GreaterOrEqual(t, len(c.Token), 32)
		snap, err := h.Get(ctxT(t), c.Code)
		require.NoError(t, err)
		assert.Equal(t, Initial(fakeContents{}), snap.State)
		assert.Equal(t, 0, snap.Followers)
		assert.NotZero(t, snap.ID)
		assert.NotContains(t, fmt.Sprint(c), c.Token, "a printed Created hides the token")
	}},
	{"join and leave count followers", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, err := h.Join(ctxT(t), c.Code, "Ana")
		require.NoError(t, err)
		b, err := h.Join(ctxT(t), c.Code, "")
		require.NoError(t, err)
		assert.NotEqual(t, a, b)
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, 2, snap.Followers)
		require.NoError(t, h.Leave(ctxT(t), c.Code, a))
		require.NoError(t, h.Leave(ctxT(t), c.Code, a), "leaving twice is fine")
		snap, _ = h.Get(ctxT(t), c.Code)
		assert.Equal(t, 1, snap.Followers)
	}},
	{"rejoin counts a participant once until its last hold leaves", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		other, _ := h.Create(ctxT(t), step(0))
		followers := func() int {
			t.Helper()
			snap, err := h.Get(ctxT(t), c.Code)
			require.NoError(t, err)
			return snap.Followers
		}
		a, err := h.Join(ctxT(t), c.Code, "Ana")
		require.NoError(t, err)
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, a, ""), "a second tab")
		assert.Equal(t, 1, followers(), "two holds are one follower")
		require.NoError(t, h.Leave(ctxT(t), c.Code, a))
		assert.Equal(t, 1, followers(), "leaving one tab keeps the other")
		require.NoError(t, h.Leave(ctxT(t), c.Code, a))
		assert.Equal(t, 0, followers(), "the last hold leaves")
		require.NoError(t, h.Leave(ctxT(t), c.Code, a), "leaving once more is fine")
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, a, "Ana"), "a reload after the old stream left")
		assert.Equal(t, 1, followers())

		never, err := newParticipantID()
		require.NoError(t, err)
		for _, id := range []string{"", "p-nobody", never, a[:len(a)-1]} {
			assert.ErrorIs(t, h.Rejoin(ctxT(t), c.Code, id, ""), ErrNotParticipant, "an ID the room never gave out: %q", id)
		}
		assert.ErrorIs(t, h.Rejoin(ctxT(t), other.Code, a, ""), ErrNotParticipant, "another room's participant")
		assert.ErrorIs(t, h.Rejoin(ctxT(t), "ABCDEF", a, ""), ErrNotFound)
		assert.Equal(t, 1, followers(), "the refusals counted nobody")
	}},
	{"a rejoined participant cannot answer again", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, _ := h.Join(ctxT(t), c.Code, "")
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Ready?", []string{"yes", "no"}, nil))
		require.NoError(t, err)
		_, err = h.Answer(ctxT(t), c.Code, a, "a")
		require.NoError(t, err)
		require.NoError(t, h.Leave(ctxT(t), c.Code, a), "the page reloads…")
		_, err = h.Answer(ctxT(t), c.Code, a, "b")
		assert.ErrorIs(t, err, ErrNotParticipant, "…and between its streams it is not here")
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, a, ""), "…and comes back as the same participant")
		_, err = h.Answer(ctxT(t), c.Code, a, "b")
		assert.ErrorIs(t, err, ErrAnswered)
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, []int{1, 0}, snap.Poll.Counts)
		assert.Equal(t, 1, snap.Followers)
	}},
	{"a room remembers the last that left up to its limit, and every voter", func() Options { o := opts(); o.MaxParticipants = 2; return o }, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Ready?", []string{"yes", "no"}, nil))
		require.NoError(t, err)
		voter, _ := h.Join(ctxT(t), c.Code, "")
		_, err = h.Answer(ctxT(t), c.Code, voter, "a")
		require.NoError(t, err)
		require.NoError(t, h.Leave(ctxT(t), c.Code, voter))
		ids := make([]string, 3)
		for i := range ids {
			ids[i], err = h.Join(ctxT(t), c.Code, "")
			require.NoError(t, err)
			require.NoError(t, h.Leave(ctxT(t), c.Code, ids[i]))
		}
		assert.ErrorIs(t, h.Rejoin(ctxT(t), c.Code, ids[0], ""), ErrNotParticipant, "the oldest that left is forgotten")
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, voter, ""), "a voter is remembered however many came after")
		_, err = h.Answer(ctxT(t), c.Code, voter, "b")
		assert.ErrorIs(t, err, ErrAnswered)
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, ids[1], ""))
		var le *LimitError
		require.ErrorAs(t, h.Rejoin(ctxT(t), c.Code, ids[2], ""), &le, "a rejoin takes a place like a join")
		assert.Equal(t, "participants", le.What)
		require.NoError(t, h.Rejoin(ctxT(t), c.Code, voter, ""), "one already here takes no new place")
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, 2, snap.Followers)
	}},
	{"open rooms are counted until they end or expire", func() Options { o := opts(); o.Idle = 400 * time.Millisecond; return o }, func(t *testing.T, h Hub) {
		count := func() int {
			t.Helper()
			n, err := h.OpenRooms(ctxT(t))
			require.NoError(t, err)
			return n
		}
		assert.Equal(t, 0, count())
		a, _ := h.Create(ctxT(t), step(0))
		b, _ := h.Create(ctxT(t), step(0))
		assert.Equal(t, 2, count())
		require.NoError(t, h.End(ctxT(t), a.Code, a.Token))
		assert.Equal(t, 1, count(), "an ended room is not counted")
		_, err := h.Get(ctxT(t), b.Code)
		require.NoError(t, err)
		require.Eventually(t, func() bool { return count() == 0 }, ctxDeadline, tick, "an expired room is not counted")
	}},
	{"drive reaches subscribers with increasing IDs", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		first := next(t, ch)
		assert.Equal(t, KindState, first.Kind)
		assert.Equal(t, step(0), first.State, "the first event is the current state")
		last := first.ID
		for n := 1; n <= 3; n++ {
			sent, err := h.Drive(ctxT(t), c.Code, c.Token, step(n))
			require.NoError(t, err)
			got := next(t, ch)
			assert.Equal(t, step(n), got.State)
			assert.Equal(t, sent.ID, got.ID)
			assert.Greater(t, got.ID, last)
			last = got.ID
		}
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, step(3), snap.State)
		assert.Equal(t, last, snap.ID)
	}},
	{"wrong or missing token cannot drive or end", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		other, _ := h.Create(ctxT(t), step(0))
		for _, tok := range []string{"", "guess", other.Token, c.Token[:len(c.Token)-1]} {
			_, err := h.Drive(ctxT(t), c.Code, tok, step(1))
			assert.ErrorIs(t, err, ErrForbidden, "token %q", tok)
			assert.ErrorIs(t, h.End(ctxT(t), c.Code, tok), ErrForbidden)
		}
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, step(0), snap.State, "nothing moved")
	}},
	{"unknown rooms are not found", opts, func(t *testing.T, h Hub) {
		for _, code := range []string{"ABCDEF", "", "abc", "OOOOOO"} {
			_, err := h.Get(ctxT(t), code)
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.Join(ctxT(t), code, "")
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.Drive(ctxT(t), code, "x", step(1))
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.Subscribe(ctxT(t), code, 0)
			assert.ErrorIs(t, err, ErrNotFound, code)
		}
	}},
	{"a bad state names every bad field", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		_, err := h.Drive(ctxT(t), c.Code, c.Token, State{Chapter: "nope", View: topology.ViewEndpoints, Mode: "sideways", Flow: "teleport"})
		var errs params.Errors
		require.ErrorAs(t, err, &errs)
		names := []string{}
		for _, f := range errs {
			names = append(names, f.Name)
			assert.NotEmpty(t, f.Message.KO, f.Name)
		}
		assert.Equal(t, []string{"chapter", "mode", "flow"}, names)
		_, err = h.Drive(ctxT(t), c.Code, c.Token, step(99))
		require.ErrorAs(t, err, &errs)
		assert.Equal(t, "step", errs[0].Name)
		_, err = h.Create(ctxT(t), State{Chapter: "intro", View: "nowhere"})
		require.ErrorAs(t, err, &errs)
		assert.Equal(t, "view", errs[0].Name)
	}},
	{"room limit", func() Options { o := opts(); o.MaxRooms = 2; return o }, func(t *testing.T, h Hub) {
		for range 2 {
			_, err := h.Create(ctxT(t), step(0))
			require.NoError(t, err)
		}
		_, err := h.Create(ctxT(t), step(0))
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, "rooms", le.What)
		assert.Equal(t, 2, le.Limit)
	}},
	{"participant limit", func() Options { o := opts(); o.MaxParticipants = 2; return o }, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		for range 2 {
			_, err := h.Join(ctxT(t), c.Code, "")
			require.NoError(t, err)
		}
		_, err := h.Join(ctxT(t), c.Code, "")
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, "participants", le.What)
	}},
	{"idle rooms expire and free their place", func() Options { o := opts(); o.Idle = 300 * time.Millisecond; o.MaxRooms = 1; return o }, func(t *testing.T, h Hub) {
		c, err := h.Create(ctxT(t), step(0))
		require.NoError(t, err)
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		next(t, ch)
		assert.Equal(t, KindEnd, next(t, ch).Kind, "subscribers hear of the expiry")
		_, open := <-ch
		assert.False(t, open)
		_, err = h.Get(ctxT(t), c.Code)
		assert.ErrorIs(t, err, ErrNotFound)
		_, err = h.Create(ctxT(t), step(0))
		assert.NoError(t, err, "the expired room no longer counts against the limit")
	}},
	{"end closes every stream", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		ch, _ := h.Subscribe(ctxT(t), c.Code, 0)
		next(t, ch)
		require.NoError(t, h.End(ctxT(t), c.Code, c.Token))
		assert.Equal(t, KindEnd, next(t, ch).Kind)
		_, err := h.Get(ctxT(t), c.Code)
		assert.ErrorIs(t, err, ErrNotFound)
	}},
	{"resume after Last-Event-ID", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		ctx, cancel := context.WithCancel(ctxT(t))
		ch, _ := h.Subscribe(ctx, c.Code, 0)
		next(t, ch)
		_, _ = h.Drive(ctxT(t), c.Code, c.Token, step(1))
		seen := next(t, ch).ID
		cancel() // the browser drops the connection
		for n := 2; n <= 3; n++ {
			_, err := h.Drive(ctxT(t), c.Code, c.Token, step(n))
			require.NoError(t, err)
		}
		ch, err := h.Subscribe(ctxT(t), c.Code, seen)
		require.NoError(t, err)
		first := next(t, ch)
		assert.Equal(t, step(3), first.State, "the reconnect starts at the current state")
		assert.Greater(t, first.ID, seen)
		_, _ = h.Drive(ctxT(t), c.Code, c.Token, step(0))
		got := next(t, ch)
		assert.Equal(t, step(0), got.State)
		assert.Greater(t, got.ID, first.ID)
	}},
	{"a poll opens, counts one answer per participant, reveals and closes", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, _ := h.Join(ctxT(t), c.Code, "Ana")
		b, _ := h.Join(ctxT(t), c.Code, "Bo")
		ch, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		assert.Nil(t, next(t, ch).Poll, "no poll yet")
		opened, err := h.OpenPoll(ctxT(t), c.Code, c.Token, QuizPoll("cp-instances", []string{"a", "b", "c"}, []string{"c"}))
		require.NoError(t, err)
		got := next(t, ch)
		assert.Equal(t, KindPoll, got.Kind)
		assert.Equal(t, opened.ID, got.ID)
		require.NotNil(t, got.Poll)
		assert.Equal(t, "cp-instances", got.Poll.Question)
		assert.Equal(t, opened.ID, got.Poll.Opened, "a poll is known by the ID of the event that opened it")
		assert.Equal(t, []int{0, 0, 0}, got.Poll.Counts)
		assert.Empty(t, got.Poll.Answer, "the answer stays hidden until the reveal")
		assert.Equal(t, step(0), got.State, "a poll event carries the room's state too")

		_, err = h.Answer(ctxT(t), c.Code, a, "c")
		require.NoError(t, err)
		assert.Equal(t, []int{0, 0, 1}, next(t, ch).Poll.Counts)
		_, err = h.Answer(ctxT(t), c.Code, a, "b")
		assert.ErrorIs(t, err, ErrAnswered, "a second answer is refused")
		_, err = h.Answer(ctxT(t), c.Code, b, "z")
		var errs params.Errors
		require.ErrorAs(t, err, &errs)
		assert.Equal(t, "choice", errs[0].Name)
		assert.Equal(t, "a, b, c", errs[0].Accepted)
		_, err = h.Answer(ctxT(t), c.Code, "p-nobody", "a")
		assert.ErrorIs(t, err, ErrNotParticipant)
		_, err = h.Answer(ctxT(t), c.Code, b, "a")
		require.NoError(t, err)
		got = next(t, ch)
		assert.Equal(t, []int{1, 0, 1}, got.Poll.Counts, "the refused answers counted nothing")

		late, err := h.Subscribe(ctxT(t), c.Code, 0)
		require.NoError(t, err)
		first := next(t, late)
		require.NotNil(t, first.Poll, "a late joiner's first event shows the open poll")
		assert.Equal(t, []int{1, 0, 1}, first.Poll.Counts)
		assert.Equal(t, got.ID, first.ID)
		snap, _ := h.Get(ctxT(t), c.Code)
		require.NotNil(t, snap.Poll)
		assert.Equal(t, 2, snap.Poll.Total())

		rev, err := h.RevealPoll(ctxT(t), c.Code, c.Token)
		require.NoError(t, err)
		got = next(t, ch)
		assert.Greater(t, got.ID, first.ID)
		assert.Equal(t, rev.ID, got.ID)
		assert.True(t, got.Poll.Revealed)
		assert.Equal(t, []string{"c"}, got.Poll.Answer)
		assert.True(t, got.Poll.Right("c"))
		c2, _ := h.Join(ctxT(t), c.Code, "")
		_, err = h.Answer(ctxT(t), c.Code, c2, "a")
		assert.ErrorIs(t, err, ErrRevealed, "no answers after the reveal")

		_, err = h.ClosePoll(ctxT(t), c.Code, c.Token)
		require.NoError(t, err)
		for ev := next(t, ch); ev.Poll != nil; ev = next(t, ch) {
			// the join above may come first
		}
		snap, _ = h.Get(ctxT(t), c.Code)
		assert.Nil(t, snap.Poll)
		_, err = h.Answer(ctxT(t), c.Code, a, "a")
		assert.ErrorIs(t, err, ErrNoPoll)
		_, err = h.RevealPoll(ctxT(t), c.Code, c.Token)
		assert.ErrorIs(t, err, ErrNoPoll)
		_, err = h.ClosePoll(ctxT(t), c.Code, c.Token)
		assert.ErrorIs(t, err, ErrNoPoll)
	}},
	{"a typed poll keeps its words and a new poll starts from zero", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, _ := h.Join(ctxT(t), c.Code, "")
		text := `<script>alert(1)</script> 한국어 "quoted" / slash`
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll(text, []string{"<b>yes</b>", " ", "no"}, nil))
		require.NoError(t, err)
		_, err = h.Answer(ctxT(t), c.Code, a, "b")
		require.NoError(t, err)
		snap, _ := h.Get(ctxT(t), c.Code)
		require.NotNil(t, snap.Poll)
		assert.Equal(t, text, snap.Poll.Text)
		assert.Equal(t, []string{"<b>yes</b>", "no"}, snap.Poll.Options, "empty options are dropped")
		assert.Equal(t, []string{"a", "b"}, snap.Poll.Keys)
		assert.Equal(t, []int{0, 1}, snap.Poll.Counts)
		ev, err := h.RevealPoll(ctxT(t), c.Code, c.Token)
		require.NoError(t, err)
		assert.Empty(t, ev.Poll.Answer, "an opinion poll has no right answer")
		again, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Again?", []string{"x", "y"}, []string{"a"}))
		require.NoError(t, err)
		assert.Equal(t, again.ID, again.Poll.Opened)
		assert.Greater(t, again.Poll.Opened, ev.Poll.Opened)
		_, err = h.Answer(ctxT(t), c.Code, a, "a")
		require.NoError(t, err, "a new poll takes a new answer from everyone")
		snap, _ = h.Get(ctxT(t), c.Code)
		assert.Equal(t, []int{1, 0}, snap.Poll.Counts)
		assert.False(t, snap.Poll.Revealed)
	}},
	{"a bad poll names every bad field", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		for _, tc := range []struct {
			poll  Poll
			names []string
		}{
			{TypedPoll("", []string{"only"}, []string{"q"}), []string{"text", "options", "answer"}},
			{TypedPoll(strings.Repeat("x", MaxPollTextRunes+1), []string{"1", "2", "3", "4", "5", "6", "7"}, nil), []string{"text", "options"}},
			{Poll{Question: "cp-instances", Text: "also typed", Keys: []string{"a", "b"}}, []string{"text"}},
			{QuizPoll("one-choice", []string{"a"}, nil), []string{"question"}},
		} {
			_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, tc.poll)
			var errs params.Errors
			require.ErrorAs(t, err, &errs)
			names := []string{}
			for _, f := range errs {
				names = append(names, f.Name)
				assert.NotEmpty(t, f.Message.KO)
			}
			assert.Equal(t, tc.names, names)
		}
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll(strings.Repeat("가", MaxPollTextRunes), []string{"a", "b"}, nil))
		assert.NoError(t, err, "the limit counts characters, not bytes")
		snap, _ := h.Get(ctxT(t), c.Code)
		assert.Equal(t, MaxPollTextRunes, len([]rune(snap.Poll.Text)))
	}},
	{"only the presenter polls", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		other, _ := h.Create(ctxT(t), step(0))
		p := TypedPoll("Ready?", []string{"yes", "no"}, nil)
		for _, tok := range []string{"", "guess", other.Token, c.Token[:len(c.Token)-1]} {
			_, err := h.OpenPoll(ctxT(t), c.Code, tok, p)
			assert.ErrorIs(t, err, ErrForbidden, "open with %q", tok)
		}
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, p)
		require.NoError(t, err)
		for _, tok := range []string{"", other.Token} {
			_, err = h.RevealPoll(ctxT(t), c.Code, tok)
			assert.ErrorIs(t, err, ErrForbidden)
			_, err = h.ClosePoll(ctxT(t), c.Code, tok)
			assert.ErrorIs(t, err, ErrForbidden)
		}
		snap, _ := h.Get(ctxT(t), c.Code)
		require.NotNil(t, snap.Poll, "still open")
		assert.False(t, snap.Poll.Revealed)
	}},
	{"no poll on an ended or unknown room", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, _ := h.Join(ctxT(t), c.Code, "")
		_, err := h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Ready?", []string{"yes", "no"}, nil))
		require.NoError(t, err)
		require.NoError(t, h.End(ctxT(t), c.Code, c.Token))
		for _, code := range []string{c.Code, "ABCDEF", "abc"} {
			_, err = h.OpenPoll(ctxT(t), code, c.Token, TypedPoll("Again?", []string{"yes", "no"}, nil))
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.Answer(ctxT(t), code, a, "a")
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.RevealPoll(ctxT(t), code, c.Token)
			assert.ErrorIs(t, err, ErrNotFound, code)
			_, err = h.ClosePoll(ctxT(t), code, c.Token)
			assert.ErrorIs(t, err, ErrNotFound, code)
		}
	}},
	{"resume after Last-Event-ID covers the poll", opts, func(t *testing.T, h Hub) {
		c, _ := h.Create(ctxT(t), step(0))
		a, _ := h.Join(ctxT(t), c.Code, "")
		ctx, cancel := context.WithCancel(ctxT(t))
		ch, _ := h.Subscribe(ctx, c.Code, 0)
		seen := next(t, ch).ID
		cancel()
		_, _ = h.OpenPoll(ctxT(t), c.Code, c.Token, TypedPoll("Ready?", []string{"yes", "no"}, nil))
		_, _ = h.Answer(ctxT(t), c.Code, a, "a")
		ch, err := h.Subscribe(ctxT(t), c.Code, seen)
		require.NoError(t, err)
		first := next(t, ch)
		assert.Greater(t, first.ID, seen)
		require.NotNil(t, first.Poll, "the reconnect sees the poll it missed")
		assert.Equal(t, []int{1, 0}, first.Poll.Counts)
	}},
}

func TestHubContract(t *testing.T) {
	for name, prepare := range hubMakers() {
		t.Run(name, func(t *testing.T) {
			mk := prepare(t)
			for _, c := range contract {
				t.Run(c.name, func(t *testing.T) { c.run(t, mk(t, c.opts())) })
			}
		})
	}
}

func TestUnavailableIsATypedError(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", unavailable(errors.New("connection refused")))
	var ue *UnavailableError
	assert.ErrorAs(t, err, &ue)
}
