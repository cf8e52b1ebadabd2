package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// stepResult is one presenter step as the followers saw it.
type stepResult struct {
	id      uint64        // the event's ID, from the PUT's answer
	put     time.Duration // the PUT's own round trip
	reached int           // followers that got it (or a newer event)
	last    time.Duration // from sending the PUT to the last of them
	err     error
}

// result is a whole run.
type result struct {
	cfg       config
	fdLimit   uint64
	connect   time.Duration // until every follower had its first event
	steps     []stepResult
	latencies []time.Duration // every (follower, step) pair that arrived
	errors    map[string]int  // by message
	rssBefore int64
	rssAfter  int64
}

func (r *result) fail(err error) {
	if r.errors == nil {
		r.errors = map[string]int{}
	}
	r.errors[err.Error()]++
}

// presenter is the room the run drives.
type presenter struct {
	client *http.Client
	base   string
	code   string
	token  string
	state  map[string]any // the room's state as the server gave it
}

// openRoom creates a room on base and reads its first state.
func openRoom(ctx context.Context, client *http.Client, base string) (*presenter, error) {
	var created struct {
		Code  string `json:"code"`
		Token string `json:"presenter_token"`
	}
	if err := callJSON(ctx, client, http.MethodPost, base+"/api/v1/rooms", "", nil, http.StatusCreated, &created); err != nil {
		return nil, fmt.Errorf("create room: %w", err)
	}
	p := &presenter{client: client, base: base, code: created.Code, token: created.Token}
	var snap struct {
		State map[string]any `json:"state"`
	}
	if err := callJSON(ctx, client, http.MethodGet, base+"/api/v1/rooms/"+p.code, "", nil, http.StatusOK, &snap); err != nil {
		return nil, fmt.Errorf("read room: %w", err)
	}
	p.state = snap.State
	return p, nil
}

// step moves the room: the player's step goes 1, 0, 1, ... so every
// state differs from the one before and each is valid for any flow.
func (p *presenter) step(ctx context.Context, k int) (uint64, error) {
	p.state["step"] = 1 - k%2
	var snap struct {
		ID uint64 `json:"id"`
	}
	if err := callJSON(ctx, p.client, http.MethodPut, p.base+"/api/v1/rooms/"+p.code+"/state", p.token, p.state, http.StatusOK, &snap); err != nil {
		return 0, fmt.Errorf("step: %w", err)
	}
	return snap.ID, nil
}

// end closes the room, so a run leaves nothing open behind it.
func (p *presenter) end(ctx context.Context) error {
	return callJSON(ctx, p.client, http.MethodDelete, p.base+"/api/v1/rooms/"+p.code, p.token, nil, http.StatusNoContent, nil)
}

// callJSON sends one API request and decodes the answer into out.
func callJSON(ctx context.Context, client *http.Client, method, url, token string, body any, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, bytes.TrimSpace(b))
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// run is one load test: a room, cfg.n followers spread over the URLs,
// cfg.steps steps, and what each follower saw.
func run(ctx context.Context, cfg config, fdLimit uint64) (*result, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	res := &result{cfg: cfg, fdLimit: fdLimit}
	api := &http.Client{Timeout: 10 * time.Second}
	p, err := openRoom(ctx, api, cfg.urls[0])
	if err != nil {
		return nil, err
	}
	defer func() {
		endCtx, endCancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer endCancel()
		_ = p.end(endCtx)
	}()
	if len(cfg.pids) > 0 {
		if res.rssBefore, err = residentTotal(cfg.pids); err != nil {
			return nil, err
		}
	}

	// Followers: one connection each (a stream holds its connection, so
	// the transport opens a new one per follower); no client timeout, the
	// streams live until the run's context ends.
	streams := &http.Transport{MaxIdleConnsPerHost: -1, DisableCompression: true, ForceAttemptHTTP2: false}
	defer streams.CloseIdleConnections()
	client := &http.Client{Transport: streams}
	followCtx, stopFollowers := context.WithCancel(ctx)
	var recording atomic.Bool
	var wg sync.WaitGroup
	opening := make(chan struct{}, cfg.connectConc)
	fs := make([]*follower, cfg.n)
	start := time.Now()
	for i := range fs {
		fs[i] = newFollower()
		url := cfg.urls[i%len(cfg.urls)] + "/r/" + p.code + "/events"
		select {
		case opening <- struct{}{}:
		case <-ctx.Done():
		}
		wg.Add(1)
		go func(f *follower) {
			defer wg.Done()
			var once sync.Once
			release := func() {
				select {
				case <-opening:
				default: // the run ended before this one took a slot
				}
			}
			f.run(followCtx, client, url, func() { once.Do(release) }, &recording)
		}(fs[i])
	}
	for _, f := range fs {
		select {
		case <-f.first:
		case <-ctx.Done():
		}
	}
	res.connect = time.Since(start)
	if len(cfg.pids) > 0 {
		res.rssAfter, _ = residentTotal(cfg.pids)
	}
	defer func() {
		stopFollowers()
		wg.Wait()
	}()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("followers did not all connect within -timeout (%s): %w", cfg.timeout, ctx.Err())
	}

	// The joins' own events may still be on their way; one interval lets
	// them settle before the first measured step.
	recording.Store(true)
	sleep(ctx, cfg.interval)
	starts := make([]time.Time, cfg.steps)
	res.steps = make([]stepResult, cfg.steps)
	for k := range cfg.steps {
		if k > 0 {
			sleep(ctx, cfg.interval)
		}
		starts[k] = time.Now()
		id, err := p.step(ctx, k)
		res.steps[k] = stepResult{id: id, put: time.Since(starts[k]), err: err}
	}
	waitForLast(ctx, fs, res.steps, 5*time.Second)
	stopFollowers()
	wg.Wait()
	tally(res, fs, starts)
	return res, nil
}

// waitForLast waits until every follower has the last step that was
// sent, or grace has passed since the last step, or ctx ends.
func waitForLast(ctx context.Context, fs []*follower, steps []stepResult, grace time.Duration) {
	var last uint64
	for _, s := range steps {
		last = max(last, s.id)
	}
	deadline := time.After(grace)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		all := true
		for _, f := range fs {
			if f.latest.Load() < last {
				all = false
				break
			}
		}
		if all {
			return
		}
		select {
		case <-tick.C:
		case <-deadline:
			return
		case <-ctx.Done():
			return
		}
	}
}

// tally turns the followers' arrivals into per-step and overall figures.
func tally(res *result, fs []*follower, starts []time.Time) {
	for k := range res.steps {
		if err := res.steps[k].err; err != nil {
			res.fail(err)
		}
	}
	for _, f := range fs {
		seen, err := f.result()
		if err != nil {
			res.fail(err)
		}
		for k := range res.steps {
			s := &res.steps[k]
			if s.err != nil {
				continue
			}
			at, ok := reached(seen, s.id)
			if !ok {
				res.fail(errors.New("a follower never got a step"))
				continue
			}
			d := at.Sub(starts[k])
			s.reached++
			s.last = max(s.last, d)
			res.latencies = append(res.latencies, d)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
