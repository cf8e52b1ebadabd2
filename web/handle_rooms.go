package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/time/rate"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// RoomOptions configure live rooms (main's -room-* flags and -redis-url).
type RoomOptions struct {
	// Hub keeps the rooms; nil makes an in-memory hub with the default
	// limits. Main owns (and closes) a hub it passes.
	Hub room.Hub
	// CreatePerMinute bounds room creation per client address; 0 means
	// DefaultCreatePerMinute.
	CreatePerMinute int
	// Heartbeat is how often an idle stream gets a comment, so proxies
	// keep it open; 0 means DefaultHeartbeat.
	Heartbeat time.Duration
}

// Defaults of RoomOptions.
const (
	DefaultCreatePerMinute = 10
	DefaultHeartbeat       = 15 * time.Second
)

// rooms is the HTTP layer's share of the rooms feature.
type rooms struct {
	hub       room.Hub
	contents  room.Contents
	creations *clientLimits // new rooms per client address (ratelimit.go)
	perMinute int
	heartbeat time.Duration
}

func newRooms(o RoomOptions, lib *content.Library) *rooms {
	r := &rooms{hub: o.Hub, contents: libContents{lib}, heartbeat: o.Heartbeat}
	if r.hub == nil {
		r.hub = room.NewMemory(room.Options{})
	}
	if r.heartbeat <= 0 {
		r.heartbeat = DefaultHeartbeat
	}
	n := o.CreatePerMinute
	if n <= 0 {
		n = DefaultCreatePerMinute
	}
	r.perMinute = n
	r.creations = newClientLimits(rate.Every(time.Minute/time.Duration(n)), n)
	return r
}

// libContents shows the library to the room package, which checks that a
// state names a real chapter and section. Slugs and section anchors are
// the same in every language, so the default language answers for all.
type libContents struct{ lib *content.Library }

func (c libContents) Sections(slug string) ([]string, bool) {
	ch, ok := c.lib.Chapter(c.lang(), slug)
	if !ok {
		return nil, false
	}
	ids := make([]string, 0, len(ch.TOC))
	for _, h := range ch.TOC {
		ids = append(ids, h.ID)
	}
	return ids, true
}

func (c libContents) First() string {
	if chs := c.lib.Chapters(c.lang()); len(chs) > 0 {
		return chs[0].Slug
	}
	return ""
}

func (libContents) lang() string { return i18n.Default }

// roomError turns the room package's errors into the HTTP layer's, with
// a sentence in each language saying what to do. Parameter errors and
// anything unknown pass through to asError.
func roomError(err error) error {
	var le *room.LimitError
	var ue *room.UnavailableError
	switch {
	case errors.Is(err, room.ErrNotFound):
		return &Error{Status: http.StatusNotFound, Detail: topology.Text{
			EN: "No room has this code: it may have ended or expired. Check the code, or ask the presenter for a new one.",
			KO: "이 코드의 방이 없습니다. 끝났거나 만료되었을 수 있습니다. 코드를 확인하거나 발표자에게 새 코드를 받아 주세요.",
		}}
	case errors.Is(err, room.ErrForbidden):
		return errForbiddenToken()
	case errors.As(err, &le) && le.What == "rooms":
		return &Error{Status: http.StatusServiceUnavailable, cause: err, Detail: topology.Text{
			EN: "This server already has as many open rooms as it allows (" + strconv.Itoa(le.Limit) + "). Try again later, or end a room you no longer need.",
			KO: "이 서버에 열 수 있는 방이 모두 열려 있습니다(최대 " + strconv.Itoa(le.Limit) + "개). 나중에 다시 해 보거나, 쓰지 않는 방을 닫아 주세요.",
		}}
	case errors.As(err, &le):
		return &Error{Status: http.StatusServiceUnavailable, cause: err, Detail: topology.Text{
			EN: "This room is full (" + strconv.Itoa(le.Limit) + " participants). Ask the presenter to open a second room.",
			KO: "이 방이 가득 찼습니다(최대 " + strconv.Itoa(le.Limit) + "명). 발표자에게 방을 하나 더 열어 달라고 해 주세요.",
		}}
	case errors.As(err, &ue):
		return &Error{Status: http.StatusServiceUnavailable, cause: err, Detail: topology.Text{
			EN: "Rooms are unavailable for the moment: their store does not answer. The course pages still work; try again in a minute.",
			KO: "지금은 방을 쓸 수 없습니다. 방을 저장하는 곳이 응답하지 않습니다. 강좌 페이지는 그대로 쓸 수 있으니 잠시 뒤에 다시 해 주세요.",
		}}
	}
	return err
}

func errForbiddenToken() *Error {
	return &Error{Status: http.StatusForbidden, Detail: topology.Text{
		EN: "The presenter token does not match: only the room's presenter can do this.",
		KO: "발표자 토큰이 맞지 않습니다. 방의 발표자만 할 수 있는 일입니다.",
	}}
}

func errRateLimited(perMinute int, retry time.Duration) *Error {
	return &Error{Status: http.StatusTooManyRequests, RetryAfter: int(retry/time.Second) + 1, Detail: topology.Text{
		EN: "Too many new rooms from your address: at most " + strconv.Itoa(perMinute) + " a minute. Wait a minute and try again.",
		KO: "이 주소에서 방을 너무 많이 만들었습니다. 1분에 " + strconv.Itoa(perMinute) + "개까지 만들 수 있으니 1분 뒤에 다시 해 주세요.",
	}}
}

// retryAfter adds Retry-After to a capacity answer, so a script backs off.
func retryAfter(w http.ResponseWriter, err error) error {
	var he *Error
	if errors.As(err, &he) && he.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "30")
	}
	return err
}

// createRoom opens a room at the course's start for the request's client.
func (s *server) createRoom(w http.ResponseWriter, r *http.Request) (room.Created, error) {
	// The client's address, through trusted proxies only (Edge).
	if ok, retry := s.rooms.creations.allow(s.edge.clientAddr(r), time.Now()); !ok {
		return room.Created{}, errRateLimited(s.rooms.perMinute, retry)
	}
	c, err := s.rooms.hub.Create(r.Context(), room.Initial(s.rooms.contents))
	if err != nil {
		return room.Created{}, retryAfter(w, roomError(err))
	}
	s.metrics.created.Inc()
	s.log.InfoContext(r.Context(), "room opened", "room", c) // c logs without its token
	return c, nil
}

// joinURL is the link followers open: language-neutral, so each lands
// on the page in their own language.
func (s *server) joinURL(r *http.Request, code string) string {
	return s.origin.of(r) + "/r/" + code
}

// readyz answers 200 once content is loaded and, with Redis, Redis
// answers; a load balancer sends no traffic to a replica that is not.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	switch {
	case s.lib == nil:
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("content not loaded\n"))
	case s.rooms.hub.Ping(ctx) != nil:
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("room store not reachable\n"))
	default:
		_, _ = w.Write([]byte("ready\n"))
	}
}
