package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// The sweep sends every route of the table (found by chi.Walk, so a new
// route cannot be left out) a valid request, then the same request with
// one thing wrong: the query, the method, the body, a header or a path
// parameter (sweep_faults_test.go). The valid requests come from a
// fixture per route (sweep_fixtures_test.go): real chapter slugs,
// exercises, formats and a fresh room for every request, so the
// handler's own code runs, not only its first check.
//
// Every answer is below 500. A valid request answers 2xx or 3xx. Every
// 4xx carries a message a person can read (the error page or the lab's
// own page, or RFC 9457 problem JSON) in the request's language, which
// names what was wrong when the fault says what that is. A 405 has an
// Allow header. All the bad (route, input) pairs are listed at once.

// sweepReq is one request as the sweep builds it.
type sweepReq struct {
	method  string
	pattern string            // the route's pattern, with {lang} for a language
	vals    map[string]string // path parameters, unescaped ("*" for the wildcard)
	lang    i18n.Lang         // the language the answer must be in
	query   string            // raw
	header  http.Header
	body    []byte
	chunked bool // no Content-Length: the body's size is found by reading it
}

// path fills the pattern's parameters, escaping each as a path segment
// (a raw value, marked by a leading "raw:", goes in as it is).
func (q sweepReq) path() string {
	p := strings.Replace(q.pattern, "{lang}", q.lang, 1)
	for k, v := range q.vals {
		if raw, ok := strings.CutPrefix(v, "raw:"); ok {
			v = raw
		} else {
			v = url.PathEscape(v)
		}
		if k == "*" {
			p = strings.Replace(p, "*", v, 1)
		} else {
			p = strings.Replace(p, "{"+k+"}", v, 1)
		}
	}
	return p
}

func (q sweepReq) clone() sweepReq {
	c := q
	c.header = q.header.Clone()
	if c.header == nil {
		c.header = http.Header{}
	}
	c.vals = map[string]string{}
	for k, v := range q.vals {
		c.vals[k] = v
	}
	return c
}

// request builds the *http.Request by hand: httptest.NewRequest would
// refuse the broken targets the sweep sends on purpose.
func (q sweepReq) request(ctx context.Context) *http.Request {
	path := q.path()
	r := httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx)
	r.Method = q.method
	r.URL = &url.URL{Path: path, RawPath: path, RawQuery: q.query}
	r.RequestURI = path
	if q.query != "" {
		r.RequestURI += "?" + q.query
	}
	if unescaped, err := url.PathUnescape(path); err == nil {
		r.URL.Path = unescaped // what net/http's parser would give the router
	}
	r.Header = q.header.Clone()
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Body = io.NopCloser(bytes.NewReader(q.body))
	r.ContentLength = int64(len(q.body))
	if q.chunked {
		r.ContentLength = -1
	}
	if len(q.body) == 0 && !q.chunked {
		r.Body = http.NoBody
	}
	return r
}

// sweepCase is one request to send and what its answer must be.
type sweepCase struct {
	route string // "METHOD pattern", for the report
	input string // what was wrong with it, for the report ("valid" for none)
	req   sweepReq
	valid bool     // must answer 2xx or 3xx
	names []string // a 4xx message must contain one of these (none: any message)
	allow bool     // the route does not take this method: 405 with Allow
}

// sweepRoutes is the route table as chi.Walk sees it: each pattern (with
// {lang} for a language) and the methods it answers.
func sweepRoutes(tb testing.TB, h http.Handler) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	require.NoError(tb, chi.Walk(h.(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		p := langPattern(route)
		if !slices.Contains(out[p], method) {
			out[p] = append(out[p], method)
		}
		return nil
	}))
	return out
}

// langPattern writes a language's routes as one: /ko/lab and /en/lab are
// /{lang}/lab, swept in each language.
func langPattern(route string) string {
	for _, l := range i18n.List() {
		if rest, ok := strings.CutPrefix(route, "/"+l+"/"); ok {
			return "/{lang}/" + rest
		}
	}
	return route
}

func TestSweepEveryRouteWithBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("the sweep (7,772 requests, one at a time) is skipped with -short: CI's plain pass runs it, and the race pass gains nothing from a loop of one goroutine")
	}
	start := time.Now()
	e := newSweepEnv(t)
	routes := sweepRoutes(t, e.h)
	var problems []string
	for key := range sweepFixtures {
		method, pattern, _ := strings.Cut(key, " ")
		if !slices.Contains(routes[pattern], method) {
			problems = append(problems, key+": a fixture for a route the table does not have")
		}
	}
	// Each route's cases are made as they are sent (a fresh room each),
	// so only a route's worth of megabyte values is held at once.
	n, bad := runSweep(e.h, func(send func(sweepCase)) {
		for pattern, methods := range routes {
			for _, method := range methods {
				fixMethod := method
				if method == http.MethodHead && slices.Contains(methods, http.MethodGet) {
					fixMethod = http.MethodGet // HEAD is GET's twin
				}
				key := fixMethod + " " + pattern
				fix, ok := sweepFixtures[key]
				if !ok {
					problems = append(problems, key+": no sweep fixture; add one to sweep_fixtures_test.go")
					continue
				}
				for _, c := range e.casesFor(method+" "+pattern, method, methods, fix) {
					send(c)
				}
			}
		}
		for _, c := range unroutedCases() {
			send(c)
		}
	})
	problems = append(problems, bad...)
	sort.Strings(problems)
	t.Logf("swept %d routes with %d requests in %s", len(routes), n, time.Since(start).Round(time.Millisecond))
	if len(problems) > 0 {
		t.Errorf("%d bad answers:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// unroutedCases are addresses no route takes: a 404 in the request's
// language, problem JSON under /api/, whatever the method.
func unroutedCases() []sweepCase {
	var out []sweepCase
	for _, lang := range i18n.List() {
		for _, p := range []string{"/zz", "/{lang}/zz/zz/zz", "/{lang}/r/zz/zz", "/api/v1/zz", "/api/v2/resolve",
			"/%ff", "/{lang}/%ff", "/" + megaString, "/{lang}/exercises/", "/diagrams/", "/r/"} {
			for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
				q := req(m, p, "")
				q.lang = lang
				q.header.Set("Accept-Language", lang)
				if strings.HasPrefix(p, "/{lang}/") {
					q.header.Set("Accept-Language", i18n.Other(lang))
				}
				out = append(out, sweepCase{route: m + " " + clip(p, 30), input: "not a route", req: q})
			}
		}
	}
	return out
}

// runSweep sends the cases cases gives from a few goroutines and returns
// how many it sent and every problem, each with its route and input.
func runSweep(h http.Handler, cases func(send func(sweepCase))) (int, []string) {
	var mu sync.Mutex
	var out []string
	work := make(chan sweepCase)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				if p := sweepAnswer(h, c); p != "" {
					mu.Lock()
					out = append(out, fmt.Sprintf("%s [%s, %s]: %s", c.route, c.req.lang, c.input, p))
					mu.Unlock()
				}
			}
		}()
	}
	n := 0
	cases(func(c sweepCase) {
		n++
		work <- c
	})
	close(work)
	wg.Wait()
	return n, out
}
