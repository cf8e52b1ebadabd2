package web

import (
	"compress/gzip"

	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

var slugs = []string{"intro", "control-plane", "data-plane", "node-types", "endpoint-access",
	"iam-access", "networking", "storage", "getting-started", "cost"}

func TestEveryChapterInBothLanguages(t *testing.T) {
	for _, lang := range i18n.List() {
		for i, slug := range slugs {
			t.Run(lang+"/"+slug, func(t *testing.T) {
				resp := get(t, "/"+lang+"/"+slug)
				require.Equal(t, http.StatusOK, resp.StatusCode)
				d := mustDoc(t, resp)
				assert.Equal(t, lang, attr(d.tag("html")[0], "lang"))
				h1 := d.byTestID("chapter")[0]
				title := text(d.tag("title")[0])
				assert.True(t, strings.HasPrefix(title, text(d.tag("h1")[0])+" · "), "title %q starts with the h1", title)
				for _, id := range []string{"site-header", "site-nav", "main", "toc", "pager", "lang-switch", "site-footer", "chapter-meta"} {
					assert.Len(t, d.byTestID(id), 1, "landmark %s", id)
				}
				assert.NotEmpty(t, h1)
				assert.Equal(t, "/"+i18n.Other(lang)+"/"+slug, attr(d.byTestID("lang-switch")[0], "href"))
				assert.Len(t, d.byTestID("prev"), min(i, 1), "prev link")
				assert.Len(t, d.byTestID("next"), min(len(slugs)-1-i, 1), "next link")
				if i+1 < len(slugs) {
					assert.Equal(t, slugs[i+1], attr(d.byTestID("next")[0], "href"))
				}
			})
		}
	}
}

func TestCourseHomeListsChaptersInOrder(t *testing.T) {
	for _, lang := range i18n.List() {
		d := mustDoc(t, get(t, "/"+lang+"/"))
		cards := d.byTestID("chapter-card")
		require.Len(t, cards, len(slugs))
		for i, c := range cards {
			link := firstChild(c, "a")
			require.NotNil(t, link)
			assert.Equal(t, slugs[i], attr(link, "href"))
		}
		assert.Equal(t, lang, attr(d.tag("html")[0], "lang"))
	}
}

func TestGlossaryPages(t *testing.T) {
	for _, lang := range i18n.List() {
		resp := get(t, "/"+lang+"/glossary")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		d := mustDoc(t, resp)
		terms := d.byTestID("term")
		assert.GreaterOrEqual(t, len(terms), 60, "the curriculum lists 60+ terms")
		ids := map[string]bool{}
		for _, n := range terms {
			ids[attr(n, "id")] = true
		}
		for _, id := range []string{"igw", "nat-gateway", "eks-owned-eni", "nlb", "kubelet", "karpenter"} {
			assert.True(t, ids[id], "glossary has %s", id)
		}
	}
}

func TestRootRedirectsByAcceptLanguage(t *testing.T) {
	tests := []struct{ header, want string }{
		{"ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "/ko/"},
		{"en-US,en;q=0.9,ko;q=0.8", "/en/"},
		{"en;q=0.5, ko;q=0.8", "/ko/"},
		{"fr-FR,fr;q=0.9", "/en/"},
		{"", "/en/"},
		{"ko;q=0", "/en/"},
	}
	for _, tt := range tests {
		resp := get(t, "/", "Accept-Language", tt.header)
		assert.Equal(t, http.StatusFound, resp.StatusCode, tt.header)
		assert.Equal(t, tt.want, resp.Header.Get("Location"), tt.header)
		assert.Contains(t, resp.Header.Get("Vary"), "Accept-Language")
	}
}

func TestNotFoundPagesSpeakTheRequestLanguage(t *testing.T) {
	tests := []struct{ path, accept, lang, heading string }{
		{"/ko/no-such-chapter", "", "ko", "페이지를 찾을 수 없습니다"},
		{"/en/no-such-chapter", "ko", "en", "Page not found"},
		{"/nowhere", "ko-KR", "ko", "페이지를 찾을 수 없습니다"},
		{"/fr/intro", "", "en", "Page not found"},
		{"/en/intro/extra", "", "en", "Page not found"},
	}
	for _, tt := range tests {
		resp := get(t, tt.path, "Accept-Language", tt.accept)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, tt.path)
		d := mustDoc(t, resp)
		assert.Equal(t, tt.lang, attr(d.tag("html")[0], "lang"), tt.path)
		assert.Equal(t, tt.heading, text(d.tag("h1")[0]), tt.path)
		assert.Len(t, d.byTestID("problem"), 1)
	}
}

func TestHealthz(t *testing.T) {
	resp := get(t, "/healthz")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestMethodNotAllowed(t *testing.T) {
	req, _ := http.NewRequest(http.MethodPost, "/en/intro", nil)
	rec := httptest.NewRecorder()
	mustApp(t).ServeHTTP(rec, req)
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
}

func TestETagAnswers304(t *testing.T) {
	first := get(t, "/en/intro")
	etag := first.Header.Get("ETag")
	require.NotEmpty(t, etag)
	second := get(t, "/en/intro", "If-None-Match", etag)
	assert.Equal(t, http.StatusNotModified, second.StatusCode)
	body, _ := io.ReadAll(second.Body)
	assert.Empty(t, body)
	other := get(t, "/en/intro", "If-None-Match", `"something-else"`)
	assert.Equal(t, http.StatusOK, other.StatusCode)
	// Each encoding is its own representation with its own tag; a 304
	// carries that tag and Vary, like the 200 it stands for.
	for _, ae := range []string{"gzip", "br"} {
		enc := get(t, "/en/intro", "Accept-Encoding", ae)
		tag := enc.Header.Get("ETag")
		assert.NotEqual(t, etag, tag, ae)
		nm := get(t, "/en/intro", "Accept-Encoding", ae, "If-None-Match", tag)
		assert.Equal(t, http.StatusNotModified, nm.StatusCode, ae)
		assert.Equal(t, tag, nm.Header.Get("ETag"), ae)
		assert.Contains(t, nm.Header.Get("Vary"), "Accept-Encoding", ae)
		assert.Equal(t, "no-cache", nm.Header.Get("Cache-Control"), ae)
		assert.Equal(t, http.StatusOK, get(t, "/en/intro", "Accept-Encoding", ae, "If-None-Match", etag).StatusCode,
			"the plain tag does not validate the %s body", ae)
	}
}

func TestGzipWhenAccepted(t *testing.T) {
	plain := get(t, "/ko/endpoint-access")
	plainBody, _ := io.ReadAll(plain.Body)
	resp := get(t, "/ko/endpoint-access", "Accept-Encoding", "gzip, deflate")
	require.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Contains(t, resp.Header.Get("Vary"), "Accept-Encoding")
	zr, err := gzip.NewReader(resp.Body)
	require.NoError(t, err)
	unzipped, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, string(plainBody), string(unzipped))
	assert.Empty(t, plain.Header.Get("Content-Encoding"))

	resp = get(t, "/ko/endpoint-access", "Accept-Encoding", "gzip, deflate, br")
	require.Equal(t, "br", resp.Header.Get("Content-Encoding"), "Brotli when the client takes it")
	unbr, err := io.ReadAll(brotli.NewReader(resp.Body))
	require.NoError(t, err)
	assert.Equal(t, string(plainBody), string(unbr))
	assert.Empty(t, get(t, "/ko/endpoint-access", "Accept-Encoding", "gzip;q=0").Header.Get("Content-Encoding"), "q=0 refuses gzip")
}

func TestStaticAssetsAreHashedAndImmutable(t *testing.T) {
	d := mustDoc(t, get(t, "/en/endpoint-access")) // a page with every kind of asset
	var urls []string
	for _, l := range d.tag("link") {
		if attr(l, "rel") == "stylesheet" {
			urls = append(urls, attr(l, "href"))
		}
	}
	for _, s := range d.tag("script") {
		urls = append(urls, attr(s, "src"))
	}
	require.Len(t, urls, 10, "site.css, code.css, diagram.css, theme-init.js, site.js, aids.js, player.js, exercise.js, terms.js, chapter.js")
	for _, u := range urls {
		assert.Regexp(t, `^/static/(css|js)/[a-z-]+\.[0-9a-f]{10}\.(css|js)$`, u)
		resp := get(t, u)
		assert.Equal(t, http.StatusOK, resp.StatusCode, u)
		assert.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
	}
	assert.Equal(t, http.StatusNotFound, get(t, "/static/css/site.css").StatusCode, "unhashed names are not served")
}

func TestSecurityHeaders(t *testing.T) {
	resp := get(t, "/en/")
	csp := resp.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "script-src 'self'")
	assert.Contains(t, csp, "style-src 'self'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
}

// TestPagesNeedNoInlineStyleOrScript keeps the strict CSP honest: a style
// attribute or inline script would be blocked by the browser.
func TestPagesNeedNoInlineStyleOrScript(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, slug := range append([]string{"", "glossary", "compare", "progress"}, slugs...) {
			d := mustDoc(t, get(t, "/"+lang+"/"+slug))
			assert.Empty(t, d.all(func(n *html.Node) bool { return attr(n, "style") != "" }), "%s/%s style attribute", lang, slug)
			for _, s := range d.tag("script") {
				if attr(s, "type") == "application/json" {
					continue // a data block, never run (progress data)
				}
				assert.NotEmpty(t, attr(s, "src"), "%s/%s inline script", lang, slug)
			}
			assert.Empty(t, d.tag("style"), "%s/%s <style>", lang, slug)
		}
	}
}

// TestEveryInterfaceStringExists walks every page in both languages: a
// missing translation key would show as ⟦key⟧.
func TestEveryInterfaceStringExists(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, p := range append([]string{"", "glossary", "compare", "progress", "nope", "endpoint-access?mode=private&flow=kubelet-to-apiserver&step=1", "endpoint-access?mode=bad"}, slugs...) {
			body, _ := io.ReadAll(get(t, "/"+lang+"/"+p).Body)
			assert.NotContains(t, string(body), "⟦", "/%s/%s", lang, p)
		}
	}
}

// TestIDsAreUniqueOnEveryPage: several diagrams share a page, and an
// aria-labelledby or a marker reference must find its own element.
func TestIDsAreUniqueOnEveryPage(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, p := range append([]string{"", "glossary", "compare"}, slugs...) {
			d := mustDoc(t, get(t, "/"+lang+"/"+p))
			seen := map[string]int{}
			for _, n := range d.all(func(n *html.Node) bool { return attr(n, "id") != "" }) {
				seen[attr(n, "id")]++
			}
			for id, count := range seen {
				assert.Equal(t, 1, count, "/%s/%s: id %q", lang, p, id)
			}
			for _, n := range d.all(func(n *html.Node) bool { return attr(n, "aria-labelledby") != "" }) {
				for _, ref := range strings.Fields(attr(n, "aria-labelledby")) {
					assert.Equal(t, 1, seen[ref], "/%s/%s: aria-labelledby %q", lang, p, ref)
				}
			}
		}
	}
}

func TestRedirectsAndMethods(t *testing.T) {
	resp := get(t, "/ko")
	assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
	assert.Equal(t, "/ko/", resp.Header.Get("Location"), "the home page's relative links need the slash")
	resp = get(t, "/en/intro/")
	assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
	assert.Equal(t, "/en/intro", resp.Header.Get("Location"))
	assert.Equal(t, http.StatusNotFound, get(t, "/en/nope/").StatusCode)

	resp = get(t, "/static/css/nothing.css")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Len(t, mustDoc(t, resp).byTestID("problem"), 1, "friendly 404 for a missing asset")

	for _, path := range []string{"/api/v1/resolve?public=true&private=true", "/diagrams/overview.svg", "/en/intro"} {
		req := httptest.NewRequest(http.MethodPost, path, nil)
		rec := httptest.NewRecorder()
		mustApp(t).ServeHTTP(rec, req)
		assert.Equal(t, http.StatusMethodNotAllowed, rec.Code, path)
		assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"), path)
	}
	req := httptest.NewRequest(http.MethodDelete, "/api/v1/resolve", nil)
	rec := httptest.NewRecorder()
	mustApp(t).ServeHTTP(rec, req)
	assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))

	head := httptest.NewRequest(http.MethodHead, "/en/intro", nil)
	rec = httptest.NewRecorder()
	mustApp(t).ServeHTTP(rec, head)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, rec.Body.String())
}
