package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// sweepEnv is the tutor the sweep drives: the real course, with limits
// lifted (POST rate, rooms per minute, rooms open) so that thousands of
// requests from one address answer for their input, not for the limits,
// which edge_test.go and rooms_api_test.go test.
type sweepEnv struct {
	tb       testing.TB
	d        Deps
	h        http.Handler
	hub      room.Hub
	describe []byte // an `aws eks describe-cluster` answer to import
}

func newSweepEnv(t *testing.T) *sweepEnv {
	t.Helper()
	hub := room.NewMemory(room.Options{MaxRooms: 1 << 20, MaxParticipants: 1 << 20})
	d := roomDepsFor(t, RoomOptions{Hub: hub, CreatePerMinute: 1 << 30})
	d.Edge = Edge{PostRate: rate.Inf}
	describe, err := os.ReadFile("../internal/iac/testdata/samples/describe-cluster.json")
	require.NoError(t, err)
	t.Cleanup(func() {
		d.Streams.Close()
		if c, ok := hub.(interface{ Close() error }); ok {
			_ = c.Close()
		}
	})
	return &sweepEnv{tb: t, d: d, h: New(d), hub: hub, describe: describe}
}

// sweepRoom is a fresh room: each request gets its own, so one that ends
// a room or answers its poll leaves the next request a room to use.
type sweepRoom struct{ code, token, participant, chapter string }

// room opens a room, with an open poll and a participant when asked.
func (e *sweepEnv) room(withPoll bool) sweepRoom {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st := room.Initial(libContents{e.d.Library})
	c, err := e.hub.Create(ctx, st)
	require.NoError(e.tb, err)
	r := sweepRoom{code: c.Code, token: c.Token, chapter: st.Chapter}
	if withPoll {
		_, err = e.hub.OpenPoll(ctx, c.Code, c.Token, room.TypedPoll("Ready?", []string{"Yes", "No"}, nil))
		require.NoError(e.tb, err)
		r.participant, err = e.hub.Join(ctx, c.Code, "")
		require.NoError(e.tb, err)
	}
	return r
}

// bodyKind is what a route reads from its body, for the body faults.
type bodyKind int

const (
	bodyNone  bodyKind = iota // reads nothing (or the sweep sends nothing)
	bodyJSON                  // one JSON object
	bodyForm                  // an HTML form
	bodyPaste                 // a configuration paste: any text, JSON, or a form
)

// sweepFixture makes a route's valid requests in a language: every
// value of its path parameters the sweep knows to be real.
type sweepFixture struct {
	body  bodyKind
	valid func(e *sweepEnv, lang i18n.Lang) []sweepReq
}

func req(method, pattern, query string, vals ...string) sweepReq {
	q := sweepReq{method: method, pattern: pattern, query: query, vals: map[string]string{}, header: http.Header{}}
	for i := 0; i+1 < len(vals); i += 2 {
		q.vals[vals[i]] = vals[i+1]
	}
	return q
}

func (q sweepReq) with(header ...string) sweepReq {
	for i := 0; i+1 < len(header); i += 2 {
		q.header.Set(header[i], header[i+1])
	}
	return q
}

func (q sweepReq) json(v any) sweepReq {
	q.body, _ = json.Marshal(v)
	return q.with("Content-Type", "application/json")
}

func (q sweepReq) form(v url.Values) sweepReq {
	q.body = []byte(v.Encode())
	return q.with("Content-Type", "application/x-www-form-urlencoded")
}

func (r sweepRoom) bearer(q sweepReq) sweepReq { return q.with("Authorization", "Bearer "+r.token) }
func (r sweepRoom) cookie(q sweepReq) sweepReq {
	return q.with("Cookie", presenterCookie+"="+r.token+"; "+participantCookie+"="+r.participant)
}

// one is a fixture with a single valid request.
func sweepOne(kind bodyKind, f func(e *sweepEnv, lang i18n.Lang) sweepReq) sweepFixture {
	return sweepFixture{body: kind, valid: func(e *sweepEnv, lang i18n.Lang) []sweepReq { return []sweepReq{f(e, lang)} }}
}

func plain(pattern, query string) sweepFixture {
	return sweepOne(bodyNone, func(*sweepEnv, i18n.Lang) sweepReq { return req(http.MethodGet, pattern, query) })
}

// roomGet is a GET of a room's page or document, at a fresh room.
func roomGet(pattern, query string, presenter bool) sweepFixture {
	return sweepOne(bodyNone, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		r := e.room(false)
		q := req(http.MethodGet, pattern, query, "code", r.code)
		if presenter {
			q = r.cookie(q)
		}
		return q
	})
}

// roomCall is a room route with the presenter's token, at a fresh room.
func roomCall(method, pattern string, kind bodyKind, withPoll bool, f func(r sweepRoom, q sweepReq) sweepReq) sweepFixture {
	return sweepOne(kind, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		r := e.room(withPoll)
		return f(r, req(method, pattern, "", "code", r.code))
	})
}

func chapterSlugs(e *sweepEnv, lang i18n.Lang) []string {
	var out []string
	for _, ch := range e.d.Library.Chapters(lang) {
		out = append(out, ch.Slug)
	}
	return out
}

// each is a fixture with one valid request per value.
func each(kind bodyKind, values func(e *sweepEnv, lang i18n.Lang) []string, f func(e *sweepEnv, lang i18n.Lang, v string) sweepReq) sweepFixture {
	return sweepFixture{body: kind, valid: func(e *sweepEnv, lang i18n.Lang) []sweepReq {
		var out []sweepReq
		for _, v := range values(e, lang) {
			out = append(out, f(e, lang, v))
		}
		return out
	}}
}

func exerciseIDs(e *sweepEnv, _ i18n.Lang) []string { return e.d.Exercises.IDs() }

func formatNamesOf(*sweepEnv, i18n.Lang) []string { return formatNames() }

func viewFiles(*sweepEnv, i18n.Lang) []string {
	var out []string
	for _, v := range topology.Views() {
		out = append(out, string(v)+".svg")
	}
	return out
}

func presetQueries(*sweepEnv, i18n.Lang) []string {
	var out []string
	for _, p := range params.Presets() {
		out = append(out, p.Query)
	}
	return out
}

// exerciseStart is a one-step answer to an exercise: its source.
func (e *sweepEnv) exerciseStart(id string) string {
	ex, ok := e.d.Exercises.Get(id)
	require.True(e.tb, ok, id)
	return string(ex.Source())
}

func (e *sweepEnv) quizSlugs(lang i18n.Lang) []string {
	var out []string
	for _, s := range chapterSlugs(e, lang) {
		if _, ok := e.d.Library.Quiz(s); ok {
			out = append(out, s)
		}
	}
	return out
}

// sweepFixtures are the valid requests of every route, by "METHOD
// pattern" as langPattern writes it. HEAD routes use their GET's.
var sweepFixtures = map[string]sweepFixture{
	"GET /":                        plain("/", ""),
	"GET /healthz":                 plain("/healthz", ""),
	"GET /readyz":                  plain("/readyz", ""),
	"GET /favicon.ico":             plain("/favicon.ico", ""),
	"GET /metrics":                 plain("/metrics", ""),
	"GET /rooms":                   plain("/rooms", ""),
	"GET /api/v1/exercises":        plain("/api/v1/exercises", ""),
	"GET /api/v1/openapi.json":     plain("/api/v1/openapi.json", ""),
	"GET /api/v1/resolve":          plain("/api/v1/resolve", "private=true&client=vpc"),
	"GET /api/v1/search":           plain("/api/v1/search", "q=nat"),
	"GET /{lang}/":                 plain("/{lang}/", ""),
	"GET /{lang}/compare":          plain("/{lang}/compare", ""),
	"GET /{lang}/glossary":         plain("/{lang}/glossary", ""),
	"GET /{lang}/exercises":        plain("/{lang}/exercises", ""),
	"GET /{lang}/progress":         plain("/{lang}/progress", ""),
	"GET /{lang}/rooms":            plain("/{lang}/rooms", ""),
	"GET /{lang}/search":           plain("/{lang}/search", "q=nat"),
	"GET /r/{code}":                roomGet("/r/{code}", "", false),
	"GET /r/{code}/qr.svg":         roomGet("/r/{code}/qr.svg", "", false),
	"GET /r/{code}/events":         roomGet("/r/{code}/events", "presenter=1", false),
	"GET /api/v1/rooms/{code}":     roomGet("/api/v1/rooms/{code}", "", false),
	"GET /{lang}/r/{code}":         roomGet("/{lang}/r/{code}", "", false),
	"GET /{lang}/r/{code}/present": roomGet("/{lang}/r/{code}/present", "", true),
	"GET /{lang}/rooms/join": sweepOne(bodyNone, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		return req(http.MethodGet, "/{lang}/rooms/join", "code="+e.room(false).code+"&name=Ada")
	}),
	"GET /static/*": sweepOne(bodyNone, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		return req(http.MethodGet, "/static/*", "", "*", strings.TrimPrefix(e.d.Assets.URL("css/site.css"), "/static/"))
	}),
	"GET /{lang}/lab": each(bodyNone, presetQueries, func(_ *sweepEnv, _ i18n.Lang, q string) sweepReq {
		return req(http.MethodGet, "/{lang}/lab", q)
	}),
	"GET /{lang}/{slug}": each(bodyNone, chapterSlugs, func(_ *sweepEnv, _ i18n.Lang, s string) sweepReq {
		return req(http.MethodGet, "/{lang}/{slug}", "", "slug", s)
	}),
	"GET /{lang}/exercises/{id}": each(bodyNone, exerciseIDs, func(_ *sweepEnv, _ i18n.Lang, id string) sweepReq {
		return req(http.MethodGet, "/{lang}/exercises/{id}", "", "id", id)
	}),
	"GET /api/v1/export/{format}": each(bodyNone, formatNamesOf, func(_ *sweepEnv, _ i18n.Lang, f string) sweepReq {
		return req(http.MethodGet, "/api/v1/export/{format}", "private=true", "format", f)
	}),
	"GET /diagrams/{file}": each(bodyNone, viewFiles, func(_ *sweepEnv, _ i18n.Lang, f string) sweepReq {
		q := ""
		if f == string(topology.ViewEndpoints)+".svg" {
			q = "mode=private"
		}
		return req(http.MethodGet, "/diagrams/{file}", q, "file", f)
	}),

	"POST /api/v1/import": sweepOne(bodyPaste, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		q := req(http.MethodPost, "/api/v1/import", "")
		q.body = e.describe
		return q.with("Content-Type", "application/json")
	}),
	"POST /{lang}/lab/import": sweepOne(bodyForm, func(e *sweepEnv, _ i18n.Lang) sweepReq {
		return req(http.MethodPost, "/{lang}/lab/import", "").form(url.Values{"config": {string(e.describe)}})
	}),
	"POST /api/v1/exercises/{id}/check": each(bodyJSON, exerciseIDs, func(e *sweepEnv, _ i18n.Lang, id string) sweepReq {
		return req(http.MethodPost, "/api/v1/exercises/{id}/check", "", "id", id).json(map[string][]string{"path": {e.exerciseStart(id)}})
	}),
	"POST /{lang}/exercises/{id}": each(bodyForm, exerciseIDs, func(e *sweepEnv, _ i18n.Lang, id string) sweepReq {
		return req(http.MethodPost, "/{lang}/exercises/{id}", "", "id", id).form(url.Values{"step": {e.exerciseStart(id)}})
	}),
	"POST /{lang}/{slug}/quiz": each(bodyForm, (*sweepEnv).quizSlugs, func(e *sweepEnv, _ i18n.Lang, s string) sweepReq {
		z, _ := e.d.Library.Quiz(s)
		return req(http.MethodPost, "/{lang}/{slug}/quiz", "", "slug", s).form(url.Values{view.VersionField: {z.Version}})
	}),
	"POST /api/v1/rooms": sweepOne(bodyNone, func(*sweepEnv, i18n.Lang) sweepReq { return req(http.MethodPost, "/api/v1/rooms", "") }),
	"POST /{lang}/rooms": sweepOne(bodyForm, func(*sweepEnv, i18n.Lang) sweepReq {
		return req(http.MethodPost, "/{lang}/rooms", "").form(url.Values{})
	}),
	"DELETE /api/v1/rooms/{code}": roomCall(http.MethodDelete, "/api/v1/rooms/{code}", bodyNone, false, bearerOnly),
	"PUT /api/v1/rooms/{code}/state": roomCall(http.MethodPut, "/api/v1/rooms/{code}/state", bodyJSON, false, func(r sweepRoom, q sweepReq) sweepReq {
		return r.bearer(q).json(room.State{Chapter: r.chapter, View: topology.ViewOverview})
	}),
	"POST /api/v1/rooms/{code}/join": roomCall(http.MethodPost, "/api/v1/rooms/{code}/join", bodyJSON, false, func(_ sweepRoom, q sweepReq) sweepReq {
		return q.json(map[string]string{"name": "Ada"})
	}),
	"POST /api/v1/rooms/{code}/polls": roomCall(http.MethodPost, "/api/v1/rooms/{code}/polls", bodyJSON, false, func(r sweepRoom, q sweepReq) sweepReq {
		return r.bearer(q).json(pollJSON{Text: "Ready?", Options: []string{"Yes", "No"}})
	}),
	"DELETE /api/v1/rooms/{code}/polls":      roomCall(http.MethodDelete, "/api/v1/rooms/{code}/polls", bodyNone, true, bearerOnly),
	"POST /api/v1/rooms/{code}/polls/reveal": roomCall(http.MethodPost, "/api/v1/rooms/{code}/polls/reveal", bodyNone, true, bearerOnly),
	"POST /api/v1/rooms/{code}/polls/answer": roomCall(http.MethodPost, "/api/v1/rooms/{code}/polls/answer", bodyJSON, true, func(r sweepRoom, q sweepReq) sweepReq {
		return q.json(answerJSON{ParticipantID: r.participant, Choice: "a"})
	}),
	"POST /{lang}/r/{code}/claim": roomCall(http.MethodPost, "/{lang}/r/{code}/claim", bodyForm, false, func(r sweepRoom, q sweepReq) sweepReq {
		return q.form(url.Values{"token": {r.token}})
	}),
	"POST /{lang}/r/{code}/end": roomCall(http.MethodPost, "/{lang}/r/{code}/end", bodyForm, false, func(r sweepRoom, q sweepReq) sweepReq {
		return r.cookie(q).form(url.Values{})
	}),
	"POST /{lang}/r/{code}/state": roomCall(http.MethodPost, "/{lang}/r/{code}/state", bodyForm, false, func(r sweepRoom, q sweepReq) sweepReq {
		return r.cookie(q).form(url.Values{"where": {r.chapter}, "view": {string(topology.ViewOverview)}})
	}),
	"POST /{lang}/r/{code}/poll": roomCall(http.MethodPost, "/{lang}/r/{code}/poll", bodyForm, false, func(r sweepRoom, q sweepReq) sweepReq {
		return r.cookie(q).form(url.Values{"action": {"open"}, "text": {"Ready?"}, "option": {"Yes", "No"}})
	}),
	"POST /{lang}/r/{code}/poll/answer": roomCall(http.MethodPost, "/{lang}/r/{code}/poll/answer", bodyForm, true, func(r sweepRoom, q sweepReq) sweepReq {
		return r.cookie(q).form(url.Values{"choice": {"a"}})
	}),
}

func bearerOnly(r sweepRoom, q sweepReq) sweepReq { return r.bearer(q) }
