package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

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

// sweepAnswer is what one case found wrong ("" for nothing).
func sweepAnswer(h http.Handler, c sweepCase) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, c.req.request(ctx))
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	st := resp.StatusCode
	switch {
	case st >= 500:
		return fmt.Sprintf("status %d: %s", st, clip(string(body), 200))
	case c.valid && st >= 400:
		msg, _ := sweepMessage(resp, body)
		return fmt.Sprintf("a valid request answered %d: %s", st, clip(msg, 300))
	case c.allow && st != http.StatusMethodNotAllowed:
		return fmt.Sprintf("a method the route does not take answered %d, want 405", st)
	case st == http.StatusMethodNotAllowed && resp.Header.Get("Allow") == "":
		return "405 without an Allow header"
	case st < 400 || c.req.method == http.MethodHead:
		return "" // HEAD answers carry no body to read
	}
	msg, err := sweepMessage(resp, body)
	if err != "" {
		return fmt.Sprintf("%d: %s", st, err)
	}
	if json := strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json"); json != speaksJSON(c.req) {
		return fmt.Sprintf("%d: the route speaks %s, the error came as %s", st, speaks(speaksJSON(c.req)), speaks(json))
	}
	if len(msg) > maxMessage {
		return fmt.Sprintf("%d: a message of %d bytes is not one a person reads: %s", st, len(msg), clip(msg, 300))
	}
	if m := goSyntax.FindString(msg); m != "" {
		return fmt.Sprintf("%d: the message speaks Go (%q), not to the reader: %s", st, m, clip(msg, 300))
	}
	if bad := wrongLanguage(msg, c.req.lang); bad != "" {
		return fmt.Sprintf("%d: %s: %s", st, bad, clip(msg, 300))
	}
	if st == http.StatusMethodNotAllowed {
		for _, m := range strings.Split(resp.Header.Get("Allow"), ", ") {
			if !strings.Contains(msg, m) {
				return fmt.Sprintf("405: the message does not name %s (Allow: %s): %s", m, resp.Header.Get("Allow"), clip(msg, 300))
			}
		}
	}
	if len(c.names) > 0 && !slices.ContainsFunc(c.names, func(n string) bool { return strings.Contains(msg, n) }) {
		return fmt.Sprintf("%d: the message names none of %q: %s", st, c.names, clip(msg, 300))
	}
	return ""
}

// speaksJSON says whether a route's errors are problem JSON: the API's
// and the event stream's (a script reads both); pages, diagrams and the
// QR code answer with the error page.
func speaksJSON(q sweepReq) bool {
	return strings.HasPrefix(q.pattern, "/api/") || q.pattern == "/r/{code}/events"
}

func speaks(json bool) string {
	if json {
		return "problem JSON"
	}
	return "an HTML error page"
}

// goSyntax is the server's own types leaking into a message.
var goSyntax = regexp.MustCompile(`struct \{|map\[|\[\][a-z*]|interface \{|\b[a-z]+\.[A-Z][a-z]+[A-Z]?[a-z]*\b|%!`)

// maxMessage bounds what a 4xx may say: enough for every problem of a
// long query, too little for an echo of a huge value.
const maxMessage = 8 << 10

// sweepMessage is the text a 4xx tells the reader: the error page's
// sentence and field list, the lab's problems, or the problem JSON's
// detail and reasons. The second result says why there is none.
func sweepMessage(resp *http.Response, body []byte) (string, string) {
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch ct {
	case "application/problem+json":
		var p problemDetails
		if err := json.Unmarshal(body, &p); err != nil {
			return "", "problem JSON that does not decode: " + err.Error()
		}
		if strings.TrimSpace(p.Detail) == "" || p.Status != resp.StatusCode {
			return "", fmt.Sprintf("problem JSON without a detail or with status %d", p.Status)
		}
		parts := []string{p.Detail}
		for _, ip := range p.InvalidParams {
			parts = append(parts, ip.Name+" "+ip.Reason)
		}
		return strings.Join(parts, " "), ""
	case "text/html":
		root, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			return "", "HTML that does not parse"
		}
		d := doc{root}
		if len(d.tag("html")) == 0 || attr(d.tag("html")[0], "lang") == "" {
			return "", "an HTML page without a lang"
		}
		var parts []string
		for _, n := range d.all(func(n *html.Node) bool {
			id := attr(n, "data-testid")
			return id == "problem-detail" || id == "problem-fields" || id == "lab-import-error" ||
				(strings.HasPrefix(id, "error-") && id != "error-")
		}) {
			parts = append(parts, text(n))
		}
		for _, p := range d.byTestID("lab-problems") {
			for _, li := range (doc{p}).tag("li") {
				parts = append(parts, text(li))
			}
		}
		msg := strings.TrimSpace(strings.Join(parts, " "))
		if msg == "" {
			return "", "an HTML answer with no error message on it"
		}
		return attr(d.tag("html")[0], "lang") + ": " + msg, ""
	}
	return "", fmt.Sprintf("a 4xx as %q, neither an error page nor problem JSON: %s", resp.Header.Get("Content-Type"), clip(string(body), 120))
}

// wrongLanguage says how msg is not in lang: Korean has Hangul; English
// has none (the sweep sends no Hangul, so none can be echoed back).
func wrongLanguage(msg string, lang i18n.Lang) string {
	if page, rest, ok := strings.Cut(msg, ": "); ok && len(page) == 2 && i18n.Supported(page) {
		if page != lang {
			return "the page is in " + page + ", the request in " + lang
		}
		msg = rest
	}
	hangul := strings.ContainsFunc(msg, func(r rune) bool { return unicode.Is(unicode.Hangul, r) })
	switch {
	case lang == i18n.KO && !hangul:
		return "a Korean request's message has no Korean"
	case lang == i18n.EN && hangul:
		return "an English request's message has Korean in it"
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
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
