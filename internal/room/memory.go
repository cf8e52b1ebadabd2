package room

import (
	"context"
	"slices"
	"sync"
	"time"
)

// memoryHub keeps rooms in this process: the default, with nothing to
// install. Rooms end when the process does.
type memoryHub struct {
	opts  Options
	mu    sync.Mutex
	rooms map[string]*memRoom
	fan   *fanout
	stop  chan struct{}
	done  chan struct{}
	start sync.Once // the sweeper starts with the first room
	once  sync.Once
}

type memRoom struct {
	token   []byte // tokenHash of the presenter token
	state   State
	seq     uint64
	members map[string]*member // participants here now, by ID
	gone    map[string]uint64  // participants that left, by ID → the event ID of their leaving
	active  time.Time
	poll    *Poll             // the open poll, answer not yet in it before the reveal
	answer  []string          // the open poll's right keys
	voters  map[string]string // participant ID → choice, for the open poll
}

var _ Hub = (*memoryHub)(nil)

// NewMemory returns an in-process hub with opts' limits. Close stops its
// sweeper, which starts with the first room.
func NewMemory(opts Options) Hub {
	h := &memoryHub{opts: opts.withDefaults(), rooms: map[string]*memRoom{}, fan: newFanout(),
		stop: make(chan struct{}), done: make(chan struct{})}
	return h
}

func (h *memoryHub) Create(_ context.Context, st State) (Created, error) {
	if err := st.Validate(h.opts.Contents); err != nil {
		return Created{}, err
	}
	// Started here, not in NewMemory, so a hub that never has a room
	// (most test servers) has no goroutine to stop.
	h.start.Do(func() { go h.sweep() })
	token, err := newToken()
	if err != nil {
		return Created{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.rooms) >= h.opts.MaxRooms {
		return Created{}, &LimitError{What: "rooms", Limit: h.opts.MaxRooms}
	}
	for {
		code, err := newCode()
		if err != nil {
			return Created{}, err
		}
		if _, taken := h.rooms[code]; taken {
			continue
		}
		h.rooms[code] = &memRoom{token: tokenHash(token), state: st, seq: 1, members: map[string]*member{},
			gone: map[string]uint64{}, active: time.Now()}
		return Created{Code: code, Token: token}, nil
	}
}

// room returns the live room with code; the caller holds h.mu.
func (h *memoryHub) room(code string) (*memRoom, error) {
	r, ok := h.rooms[code]
	if !ok || time.Since(r.active) > h.opts.Idle {
		return nil, ErrNotFound
	}
	return r, nil
}

func (r *memRoom) event() Event {
	ev := Event{ID: r.seq, Kind: KindState, State: r.state, Followers: len(r.members)}
	if r.poll != nil { // a copy: the event goes to other goroutines
		p := *r.poll
		p.Counts = slices.Clone(p.Counts)
		ev.Poll = &p
	}
	return ev
}

func (h *memoryHub) Get(_ context.Context, code string) (Snapshot, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return Snapshot{}, err
	}
	return r.event().Snapshot(code), nil
}

// changed counts one event and sends it; the caller holds h.mu, which
// keeps events in ID order.
func (h *memoryHub) changed(code string, r *memRoom) Event { return h.changedAs(code, r, KindState) }

func (h *memoryHub) changedAs(code string, r *memRoom, kind Kind) Event {
	r.seq++
	r.active = time.Now()
	ev := r.event()
	ev.Kind = kind
	h.fan.publish(code, ev)
	return ev
}

func (h *memoryHub) Drive(_ context.Context, code, token string, st State) (Event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return Event{}, err
	}
	if !tokenMatches(r.token, token) {
		return Event{}, ErrForbidden
	}
	if err := st.Validate(h.opts.Contents); err != nil {
		return Event{}, err
	}
	r.state = st
	return h.changed(code, r), nil
}

func (h *memoryHub) Subscribe(ctx context.Context, code string, after uint64) (<-chan Event, error) {
	return h.fan.subscribe(ctx, code, after, func() (Event, error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		r, err := h.room(code)
		if err != nil {
			return Event{}, err
		}
		r.active = time.Now()
		return r.event(), nil
	})
}

func (h *memoryHub) Authorise(_ context.Context, code, token string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return err
	}
	if !tokenMatches(r.token, token) {
		return ErrForbidden
	}
	return nil
}

func (h *memoryHub) End(_ context.Context, code, token string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return err
	}
	if !tokenMatches(r.token, token) {
		return ErrForbidden
	}
	delete(h.rooms, code)
	h.fan.end(code)
	return nil
}

func (h *memoryHub) Ping(context.Context) error { return nil }

// sweep ends rooms idle for longer than opts.Idle.
func (h *memoryHub) sweep() {
	defer close(h.done)
	t := time.NewTicker(h.opts.sweepEvery())
	defer t.Stop()
	for {
		select {
		case <-h.stop:
			return
		case <-t.C:
		}
		h.mu.Lock()
		for code, r := range h.rooms {
			if time.Since(r.active) > h.opts.Idle {
				delete(h.rooms, code)
				h.fan.end(code)
			}
		}
		h.mu.Unlock()
	}
}

// Close stops the sweeper and ends every open stream.
func (h *memoryHub) Close() error {
	h.once.Do(func() {
		started := true
		h.start.Do(func() { started = false })
		close(h.stop)
		if started {
			<-h.done
		}
		h.mu.Lock()
		for code := range h.rooms {
			h.fan.end(code)
		}
		h.mu.Unlock()
	})
	return nil
}

// presenting returns the room if token is its presenter's; the caller
// holds h.mu.
func (h *memoryHub) presenting(code, token string) (*memRoom, error) {
	r, err := h.room(code)
	if err != nil {
		return nil, err
	}
	if !tokenMatches(r.token, token) {
		return nil, ErrForbidden
	}
	return r, nil
}

func (h *memoryHub) OpenPoll(_ context.Context, code, token string, p Poll) (Event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.presenting(code, token)
	if err != nil {
		return Event{}, err
	}
	p.Opened = r.seq + 1 // the ID changedAs gives the event
	open, answer, err := p.ready()
	if err != nil {
		return Event{}, err
	}
	r.poll, r.answer, r.voters = &open, answer, map[string]string{}
	return h.changedAs(code, r, KindPoll), nil
}

func (h *memoryHub) Answer(_ context.Context, code, participant, choice string) (Event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return Event{}, err
	}
	switch {
	case r.poll == nil:
		return Event{}, ErrNoPoll
	case r.poll.Revealed:
		return Event{}, ErrRevealed
	}
	if _, ok := r.members[participant]; !ok {
		return Event{}, ErrNotParticipant
	}
	i := slices.Index(r.poll.Keys, choice)
	if i < 0 {
		return Event{}, choiceError(choice, r.poll.Keys)
	}
	if _, done := r.voters[participant]; done {
		return Event{}, ErrAnswered
	}
	r.voters[participant] = choice
	r.poll.Counts[i]++
	return h.changedAs(code, r, KindPoll), nil
}

func (h *memoryHub) RevealPoll(_ context.Context, code, token string) (Event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.presenting(code, token)
	if err != nil {
		return Event{}, err
	}
	if r.poll == nil {
		return Event{}, ErrNoPoll
	}
	r.poll.Revealed, r.poll.Answer = true, r.answer
	return h.changedAs(code, r, KindPoll), nil
}

func (h *memoryHub) ClosePoll(_ context.Context, code, token string) (Event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.presenting(code, token)
	if err != nil {
		return Event{}, err
	}
	if r.poll == nil {
		return Event{}, ErrNoPoll
	}
	r.poll, r.answer, r.voters = nil, nil, nil
	return h.changedAs(code, r, KindPoll), nil
}
