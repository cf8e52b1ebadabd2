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
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// What the sweep asks of each answer (sweep_test.go sends them).

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
