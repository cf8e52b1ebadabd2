package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
)

// crawlLinks are the attributes whose URLs a page makes the browser fetch
// or follow.
var crawlLinks = map[string]string{"a": "href", "link": "href", "script": "src", "img": "src"}

// TestCrawlEveryLinkAndHEADMatchesGET follows every same-origin link from
// both course homes (and from every page reached): each answers 2xx or
// 3xx, and HEAD answers the same status and headers as GET, with no body.
func TestCrawlEveryLinkAndHEADMatchesGET(t *testing.T) {
	if testing.Short() {
		t.Skip("the crawl (631 addresses, one at a time) is skipped with -short: CI's plain pass runs it, and the race pass gains nothing from a loop of one goroutine")
	}
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	base, err := url.Parse(srv.URL)
	require.NoError(t, err)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer client.CloseIdleConnections()

	seen := map[string]string{} // URL -> the page that linked it
	// Both course homes, and the routes no page links to, so that HEAD is
	// checked on every route of the table.
	queue := []string{"/ko/", "/en/", "/", "/healthz", "/favicon.ico", "/api/v1/resolve", "/api/v1/resolve?private=true&client=vpc",
		"/diagrams/overview.svg", "/diagrams/endpoints.svg?lang=ko&mode=private&animate=1"}
	registry := registryPages(t)
	queue = append(queue, registry...)
	for _, u := range queue {
		seen[u] = "start"
	}
	const maxVisits = 2000
	visits := 0
	answered := map[string]bool{} // URL -> answered 2xx or 3xx
	for len(queue) > 0 && visits < maxVisits {
		u := queue[0]
		queue = queue[1:]
		visits++
		// An explicit Accept-Encoding keeps the client from decoding
		// bodies (and dropping their headers) behind the test's back.
		resp, err := send(client, http.MethodGet, srv.URL+u, "identity")
		require.NoError(t, err, u)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err, u)
		if !assert.True(t, resp.StatusCode >= 200 && resp.StatusCode < 400, "%s (linked from %s): %d", u, seen[u], resp.StatusCode) {
			continue
		}
		answered[u] = true
		assertHEADMatches(t, client, srv.URL+u, resp, "identity")
		for _, enc := range []string{"gzip", "br", "gzip, deflate, br"} {
			g, err := send(client, http.MethodGet, srv.URL+u, enc)
			require.NoError(t, err, u)
			_, _ = io.Copy(io.Discard, g.Body)
			g.Body.Close()
			assertHEADMatches(t, client, srv.URL+u, g, enc)
		}

		var next []string
		if loc := resp.Header.Get("Location"); loc != "" {
			next = append(next, loc)
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			root, err := html.Parse(strings.NewReader(string(body)))
			require.NoError(t, err, u)
			for _, n := range (doc{root}).all(func(n *html.Node) bool { _, ok := crawlLinks[n.Data]; return ok }) {
				if v := attr(n, crawlLinks[n.Data]); v != "" {
					next = append(next, v)
				}
			}
		}
		page, _ := url.Parse(srv.URL + u)
		for _, ref := range next {
			ref, err := url.Parse(ref)
			if !assert.NoError(t, err, "link on %s", u) {
				continue
			}
			abs := page.ResolveReference(ref)
			abs.Fragment, abs.RawFragment = "", ""
			if abs.Scheme != base.Scheme || abs.Host != base.Host {
				// Absolute canonical links name localhost-less origins
				// only when -base-url says so; the test server's own
				// origin is what counts as same-origin here.
				continue
			}
			key := abs.RequestURI()
			if _, ok := seen[key]; !ok {
				seen[key] = u
				queue = append(queue, key)
			}
		}
	}
	require.Less(t, visits, maxVisits, "the crawl is bounded")
	for _, u := range registry {
		assert.Contains(t, answered, u, "a preset or exercise page the crawl did not answer")
	}
	assert.Greater(t, visits, 40, "the crawl reached the chapters, glossary, compare and assets")
	t.Logf("visited %d URLs", visits)
}

func send(client *http.Client, method, u, acceptEncoding string) (*http.Response, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	return client.Do(req)
}

func assertHEADMatches(t *testing.T, client *http.Client, u string, get *http.Response, acceptEncoding string) {
	t.Helper()
	head, err := send(client, http.MethodHead, u, acceptEncoding)
	require.NoError(t, err, u)
	body, _ := io.ReadAll(head.Body)
	head.Body.Close()
	assert.Equal(t, get.StatusCode, head.StatusCode, "HEAD %s (%s)", u, acceptEncoding)
	assert.Empty(t, body, "HEAD %s (%s) has no body", u, acceptEncoding)
	want, have := get.Header.Clone(), head.Header.Clone()
	want.Del("Date")
	have.Del("Date")
	assert.Equal(t, want, have, "HEAD %s (%s) answers GET's headers", u, acceptEncoding)
}

// registryPages are the lab at every preset and every exercise's page, in
// every language, read from their registries (params.Presets, the
// exercises file): the crawl visits each even if no page links to it.
func registryPages(tb testing.TB) []string {
	tb.Helper()
	set, err := exercise.Load(content.FS)
	require.NoError(tb, err)
	require.NotEmpty(tb, set.IDs())
	require.NotEmpty(tb, params.Presets())
	var out []string
	for _, lang := range i18n.List() {
		for _, p := range params.Presets() {
			out = append(out, labURL("/"+lang+"/lab", p.Query, "", 0))
		}
		for _, id := range set.IDs() {
			out = append(out, "/"+lang+"/exercises/"+id)
		}
	}
	return out
}
