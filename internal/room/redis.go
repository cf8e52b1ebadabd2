package room

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisHub keeps rooms in Redis: state in keys with a TTL (the idle
// time), events over pub/sub, event IDs from INCR. Several replicas
// pointed at one Redis serve the same rooms. Each replica holds one
// pub/sub connection and fans events out to its own followers.
type redisHub struct {
	opts   Options
	rdb    *redis.Client
	prefix string
	fan    *fanout
	ps     *redis.PubSub
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

var _ Hub = (*redisHub)(nil)

// NewRedis returns a hub on the Redis at url (redis://host:port/db). It
// does not wait for Redis: a server starts while Redis is down, its rooms
// answer *UnavailableError until Redis is back. prefix namespaces the
// keys ("" means "ekstutor:").
func NewRedis(url, prefix string, opts Options) (Hub, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("redis url %q: %w", redactURL(url), err)
	}
	// Fail fast rather than hang: a request waits at most about a second
	// for a Redis that is not there.
	o.DialTimeout, o.ReadTimeout, o.WriteTimeout = time.Second, time.Second, time.Second
	o.MaxRetries = 1
	o.PoolTimeout = 2 * time.Second
	if prefix == "" {
		prefix = "ekstutor:"
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &redisHub{opts: opts.withDefaults(), rdb: redis.NewClient(o), prefix: prefix, fan: newFanout(),
		ctx: ctx, cancel: cancel, done: make(chan struct{})}
	h.ps = h.rdb.PSubscribe(ctx, prefix+"events:*")
	go h.listen()
	return h, nil
}

// redactURL drops a password from url for messages.
func redactURL(url string) string {
	if at := strings.LastIndex(url, "@"); at >= 0 {
		if scheme := strings.Index(url, "://"); scheme >= 0 && scheme < at {
			return url[:scheme+3] + "…" + url[at:]
		}
	}
	return url
}

func (h *redisHub) keys(code string) []string {
	k := h.prefix + "room:" + code
	return []string{k, k + ":seq", k + ":p", h.prefix + "rooms", k + ":v", k + ":holds", k + ":gone"}
}

func (h *redisHub) channel(code string) string { return h.prefix + "events:" + code }

func (h *redisHub) ttl() string   { return strconv.FormatInt(h.opts.Idle.Milliseconds(), 10) }
func now() string                 { return strconv.FormatInt(time.Now().UnixMilli(), 10) }
func unavailable(err error) error { return &UnavailableError{Err: err} }

// wrap turns a Redis failure into *UnavailableError; a caller's own
// cancellation stays what it is.
func wrap(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return unavailable(err)
}

func (h *redisHub) Create(ctx context.Context, st State) (Created, error) {
	if err := st.Validate(h.opts.Contents); err != nil {
		return Created{}, err
	}
	token, err := newToken()
	if err != nil {
		return Created{}, err
	}
	js, _ := json.Marshal(st)
	for range 8 {
		code, err := newCode()
		if err != nil {
			return Created{}, err
		}
		n, err := createScript.Run(ctx, h.rdb, h.keys(code), hex.EncodeToString(tokenHash(token)), js, h.ttl(), now(),
			h.opts.MaxRooms, code).Int()
		switch {
		case err != nil:
			return Created{}, wrap(err)
		case n == -1:
			return Created{}, &LimitError{What: "rooms", Limit: h.opts.MaxRooms}
		case n == 1:
			return Created{Code: code, Token: token}, nil
		}
	}
	return Created{}, errors.New("room: no free join code after 8 draws")
}

// reply reads a script's {ID, participants, state, poll} answer; negative
// numbers are the script's refusals.
func reply(v any, err error) (Event, int64, error) {
	if err != nil {
		return Event{}, 0, wrap(err)
	}
	if n, ok := v.(int64); ok {
		return Event{}, n, nil
	}
	parts, ok := v.([]any)
	if !ok || len(parts) != 4 {
		return Event{}, 0, fmt.Errorf("room: unexpected script reply %v", v)
	}
	id, _ := parts[0].(int64)
	followers, _ := parts[1].(int64)
	js, _ := parts[2].(string)
	ev := Event{ID: uint64(id), Kind: KindState, Followers: int(followers)}
	if err := json.Unmarshal([]byte(js), &ev.State); err != nil {
		return Event{}, 0, fmt.Errorf("room: stored state: %w", err)
	}
	if js, ok := parts[3].(string); ok {
		ev.Poll = new(Poll)
		if err := json.Unmarshal([]byte(js), ev.Poll); err != nil {
			return Event{}, 0, fmt.Errorf("room: stored poll: %w", err)
		}
	}
	return ev, 1, nil
}

func (h *redisHub) snapshot(ctx context.Context, code string, touch bool) (Event, error) {
	t := "0"
	if touch {
		t = "1"
	}
	ev, n, err := reply(snapshotScript.Run(ctx, h.rdb, h.keys(code), t, h.ttl(), now(), code).Result())
	if err == nil && n < 0 {
		err = ErrNotFound
	}
	return ev, err
}

func (h *redisHub) Get(ctx context.Context, code string) (Snapshot, error) {
	if !validCode(code) {
		return Snapshot{}, ErrNotFound
	}
	ev, err := h.snapshot(ctx, code, false)
	if err != nil {
		return Snapshot{}, err
	}
	return ev.Snapshot(code), nil
}

// change runs one write and publishes the event it made.
func (h *redisHub) change(ctx context.Context, code string, args ...any) (Event, int64, error) {
	argv := append([]any{h.ttl(), now(), code}, args...)
	ev, n, err := reply(changeScript.Run(ctx, h.rdb, h.keys(code), argv...).Result())
	if err != nil || n < 1 {
		return ev, n, err
	}
	if op, _ := args[0].(string); strings.HasPrefix(op, "poll") {
		ev.Kind = KindPoll
	}
	js, _ := json.Marshal(ev)
	if err := h.rdb.Publish(ctx, h.channel(code), js).Err(); err != nil {
		return ev, n, wrap(err)
	}
	return ev, n, nil
}

// Authorise compares the presenter token in constant time.
func (h *redisHub) Authorise(ctx context.Context, code, token string) error {
	if !validCode(code) {
		return ErrNotFound
	}
	stored, err := h.rdb.HGet(ctx, h.keys(code)[0], "token").Result()
	if errors.Is(err, redis.Nil) {
		return ErrNotFound
	}
	if err != nil {
		return wrap(err)
	}
	want, _ := hex.DecodeString(stored)
	if !tokenMatches(want, token) {
		return ErrForbidden
	}
	return nil
}

func (h *redisHub) Drive(ctx context.Context, code, token string, st State) (Event, error) {
	if err := h.Authorise(ctx, code, token); err != nil {
		return Event{}, err
	}
	if err := st.Validate(h.opts.Contents); err != nil {
		return Event{}, err
	}
	js, _ := json.Marshal(st)
	ev, n, err := h.change(ctx, code, "state", js)
	if err == nil && n == -1 {
		err = ErrNotFound
	}
	return ev, err
}

func (h *redisHub) Subscribe(ctx context.Context, code string, after uint64) (<-chan Event, error) {
	if !validCode(code) {
		return nil, ErrNotFound
	}
	return h.fan.subscribe(ctx, code, after, func() (Event, error) { return h.snapshot(ctx, code, true) })
}

func (h *redisHub) End(ctx context.Context, code, token string) error {
	if err := h.Authorise(ctx, code, token); err != nil {
		return err
	}
	k := h.keys(code)
	if _, err := h.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, k[0], k[1], k[2], k[4], k[5], k[6])
		p.ZRem(ctx, k[3], code)
		js, _ := json.Marshal(Event{Kind: KindEnd})
		p.Publish(ctx, h.channel(code), js)
		return nil
	}); err != nil {
		return wrap(err)
	}
	return nil
}

func (h *redisHub) Ping(ctx context.Context) error { return wrap(h.rdb.Ping(ctx).Err()) }

// Close stops listening, ends this replica's streams and closes the
// client. The rooms stay in Redis for the other replicas.
func (h *redisHub) Close() error {
	var err error
	h.once.Do(func() {
		h.cancel()
		_ = h.ps.Close() // ends a read in progress, which the context does not
		<-h.done
		for _, code := range h.fan.codes() {
			h.fan.end(code)
		}
		err = h.rdb.Close()
	})
	return err
}

// listen is the replica's one pub/sub loop. It forwards events to local
// subscribers, notices rooms that expired (Redis tells nobody), and when
// Redis stops answering it tells the subscribers so, then resends every
// room's state once Redis is back, so followers resynchronise.
func (h *redisHub) listen() {
	defer close(h.done)
	ps := h.ps
	healthy := true
	every := h.opts.sweepEvery()
	next := time.Now().Add(every)
	for h.ctx.Err() == nil {
		msg, err := ps.ReceiveTimeout(h.ctx, every)
		switch m := msg.(type) {
		case *redis.Message:
			h.forward(m)
		case *redis.Subscription:
			if !healthy {
				healthy = true
				h.resync()
			}
		}
		if err != nil && !isTimeout(err) && h.ctx.Err() == nil {
			if healthy {
				healthy = false
				h.trouble()
			}
			select { // Redis is down; try again shortly
			case <-time.After(250 * time.Millisecond):
			case <-h.ctx.Done():
			}
		}
		// Back when the pub/sub connection answers a PING: it goes out on
		// that connection after the resubscription go-redis sends when it
		// reconnects, so from here on no event is missed, and the resync
		// covers the ones before.
		if !healthy && h.ctx.Err() == nil && ps.Ping(h.ctx) == nil {
			healthy = true
			h.resync()
		}
		if healthy && time.Now().After(next) {
			next = time.Now().Add(every)
			h.resync()
		}
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

func (h *redisHub) forward(m *redis.Message) {
	code := strings.TrimPrefix(m.Channel, h.prefix+"events:")
	var ev Event
	if json.Unmarshal([]byte(m.Payload), &ev) != nil {
		return
	}
	h.fan.publish(code, ev)
}

// resync resends the state of every room with local subscribers (they
// drop it if they have it already) and ends the rooms that are gone.
func (h *redisHub) resync() {
	for _, code := range h.fan.codes() {
		ev, err := h.snapshot(h.ctx, code, false)
		switch {
		case errors.Is(err, ErrNotFound):
			h.fan.end(code)
		case err == nil:
			h.fan.publish(code, ev)
		}
	}
}

// trouble tells every local subscriber that Redis stopped answering.
func (h *redisHub) trouble() {
	for _, code := range h.fan.codes() {
		h.fan.publish(code, Event{Kind: KindTrouble})
	}
}

// pollError turns the change script's refusals of a poll op into errors.
func pollError(n int64) error {
	switch n {
	case -1:
		return ErrNotFound
	case -3:
		return ErrNoPoll
	case -4:
		return ErrNotParticipant
	case -5:
		return ErrAnswered
	case -6:
		return ErrRevealed
	}
	return nil
}

// presenterChange is a poll op the presenter's token must allow.
func (h *redisHub) presenterChange(ctx context.Context, code, token string, args ...any) (Event, error) {
	if err := h.Authorise(ctx, code, token); err != nil {
		return Event{}, err
	}
	ev, n, err := h.change(ctx, code, args...)
	if err == nil {
		err = pollError(n)
	}
	return ev, err
}

func (h *redisHub) OpenPoll(ctx context.Context, code, token string, p Poll) (Event, error) {
	if err := h.Authorise(ctx, code, token); err != nil {
		return Event{}, err
	}
	open, answer, err := p.ready()
	if err != nil {
		return Event{}, err
	}
	if answer == nil {
		answer = []string{} // the script decodes it; JSON null is not an array
	}
	pj, _ := json.Marshal(open)
	aj, _ := json.Marshal(answer)
	return h.presenterChange(ctx, code, token, "pollopen", pj, aj)
}

func (h *redisHub) Answer(ctx context.Context, code, participant, choice string) (Event, error) {
	if !validCode(code) {
		return Event{}, ErrNotFound
	}
	ev, n, err := h.change(ctx, code, "pollanswer", participant, choice)
	switch {
	case err != nil:
		return ev, err
	case n == -7:
		snap, err := h.Get(ctx, code)
		if err != nil {
			return Event{}, err
		}
		if snap.Poll == nil {
			return Event{}, ErrNoPoll
		}
		return Event{}, choiceError(choice, snap.Poll.Keys)
	}
	return ev, pollError(n)
}

func (h *redisHub) RevealPoll(ctx context.Context, code, token string) (Event, error) {
	return h.presenterChange(ctx, code, token, "pollreveal")
}

func (h *redisHub) ClosePoll(ctx context.Context, code, token string) (Event, error) {
	return h.presenterChange(ctx, code, token, "pollclose")
}
