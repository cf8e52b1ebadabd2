package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/time/rate"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
)

var (
	appOnce sync.Once
	app     http.Handler
	appErr  error
)

// mustApp is the real tutor, built once from the embedded trees. Every
// test request comes from one address, so the POST limit is lifted here
// (edge_test.go tests it on an app of its own).
func mustApp(tb testing.TB) http.Handler {
	tb.Helper()
	appOnce.Do(func() { app, appErr = NewApp(content.FS, static.FS, Deps{Edge: Edge{PostRate: rate.Inf}}) })
	require.NoError(tb, appErr)
	return app
}

// get sends a GET through the route table, without a listener.
func get(tb testing.TB, path string, header ...string) *http.Response {
	tb.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	mustApp(tb).ServeHTTP(rec, req)
	return rec.Result()
}

// doc is a parsed page with small DOM queries.
type doc struct{ root *html.Node }

func mustDoc(tb testing.TB, resp *http.Response) doc {
	tb.Helper()
	body, err := io.ReadAll(resp.Body)
	require.NoError(tb, err)
	root, err := html.Parse(strings.NewReader(string(body)))
	require.NoError(tb, err)
	return doc{root}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// all returns the elements for which match is true, in document order.
func (d doc) all(match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(d.root)
	return out
}

func (d doc) byTestID(id string) []*html.Node {
	return d.all(func(n *html.Node) bool { return attr(n, "data-testid") == id })
}

func (d doc) tag(name string) []*html.Node {
	return d.all(func(n *html.Node) bool { return n.Data == name })
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// firstChild is the first descendant element of n named tag, or nil.
func firstChild(n *html.Node, tag string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			return c
		}
		if found := firstChild(c, tag); found != nil {
			return found
		}
	}
	return nil
}
