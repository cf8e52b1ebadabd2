package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
)

// do sends method path through h with header pairs and returns the
// recorded response.
func do(tb testing.TB, h http.Handler, method, path string, header ...string) *http.Response {
	tb.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		if strings.EqualFold(header[i], "Host") {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func bodyOf(tb testing.TB, resp *http.Response) string {
	tb.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(tb, err)
	return string(b)
}

// Finding: a page that reuses the configuration parser answered 500 for
// a bad parameter (the HTML adapter did not know the parameter error).
func TestBadParameterOnAPageIs400Not500(t *testing.T) {
	for _, path := range []string{
		"/en/endpoint-access?mode=nope",
		"/ko/endpoint-access?flow=nope",
		"/en/endpoint-access?step=-1",
		"/diagrams/overview.svg?mode=nope",
	} {
		resp := get(t, path)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, path)
		assert.Contains(t, resp.Header.Get("Content-Type"), "text/html", path)
	}
	resp := get(t, "/api/v1/resolve?client=moon")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
	assert.Contains(t, bodyOf(t, resp), `"name":"client"`)
}

// Finding: HEAD /ko/ and /en/ answered 405; HEAD /healthz was 404.
func TestHEADOnHomesAndHealthz(t *testing.T) {
	for _, path := range []string{"/ko/", "/en/", "/healthz"} {
		resp := do(t, mustApp(t), http.MethodHead, path)
		assert.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Empty(t, bodyOf(t, resp), path)
	}
}

// hashedAsset is a real /static/ URL from a page.
func hashedAsset(t *testing.T) string {
	t.Helper()
	for _, n := range mustDoc(t, get(t, "/en/")).tag("link") {
		if attr(n, "rel") == "stylesheet" && strings.HasPrefix(attr(n, "href"), "/static/") {
			return attr(n, "href")
		}
	}
	t.Fatal("no stylesheet on /en/")
	return ""
}

// Finding: /static/... answered DELETE and POST with 200.
func TestStaticAnswersOnlyGETAndHEAD(t *testing.T) {
	asset := hashedAsset(t)
	require.Equal(t, http.StatusOK, get(t, asset).StatusCode, asset)
	for _, m := range []string{http.MethodDelete, http.MethodPost, http.MethodPut} {
		resp := do(t, mustApp(t), m, asset)
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, m)
		assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"), m)
	}
}

// Finding: POST /healthz was 404 instead of 405.
func TestPOSTHealthzIs405(t *testing.T) {
	resp := do(t, mustApp(t), http.MethodPost, "/healthz")
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"))
}

// Finding: a malformed escape (%zz) was silently dropped.
func TestMalformedEscapeIs400NamingTheParameter(t *testing.T) {
	for _, path := range []string{
		"/en/endpoint-access?mode=%zz",
		"/api/v1/resolve?client=%zz",
		"/diagrams/overview.svg?mode=%zz",
	} {
		resp := get(t, path)
		body := bodyOf(t, resp)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, path)
		param := "mode"
		if strings.HasPrefix(path, "/api/") {
			param = "client"
		}
		assert.Contains(t, body, param, "%s names the parameter", path)
	}
}

// Finding: a repeated parameter: the first silently won on pages, the API
// rejected it. Now both reject it.
func TestRepeatedParameterIs400Everywhere(t *testing.T) {
	for _, path := range []string{
		"/en/endpoint-access?mode=public&mode=private",
		"/diagrams/overview.svg?mode=public&mode=private",
		"/api/v1/resolve?public=true&public=false",
	} {
		resp := get(t, path)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, path)
	}
}

// Finding: 304 answers dropped Vary and carried the wrong ETag for gzip
// clients.
func TestNotModifiedKeepsVaryAndTheRepresentationsETag(t *testing.T) {
	for _, enc := range []string{"gzip", "br", "identity"} {
		first := get(t, "/en/intro", "Accept-Encoding", enc)
		require.Equal(t, http.StatusOK, first.StatusCode)
		etag := first.Header.Get("ETag")
		require.NotEmpty(t, etag)
		second := get(t, "/en/intro", "Accept-Encoding", enc, "If-None-Match", etag)
		assert.Equal(t, http.StatusNotModified, second.StatusCode, enc)
		assert.Equal(t, etag, second.Header.Get("ETag"), enc)
		assert.Contains(t, second.Header.Get("Vary"), "Accept-Encoding", enc)
		assert.Equal(t, first.Header.Get("Cache-Control"), second.Header.Get("Cache-Control"), enc)
		assert.Empty(t, bodyOf(t, second), enc)
	}
	gz := get(t, "/en/intro", "Accept-Encoding", "gzip").Header.Get("ETag")
	br := get(t, "/en/intro", "Accept-Encoding", "br").Header.Get("ETag")
	id := get(t, "/en/intro", "Accept-Encoding", "identity").Header.Get("ETag")
	assert.NotEqual(t, gz, id, "a gzip body is its own representation")
	assert.NotEqual(t, br, id)
	assert.NotEqual(t, br, gz)
	// The identity tag does not validate the gzip representation.
	assert.Equal(t, http.StatusOK, get(t, "/en/intro", "Accept-Encoding", "gzip", "If-None-Match", id).StatusCode)
}

// Finding: gzip;q=0 counted as gzip.
func TestGzipQZeroGetsNoGzip(t *testing.T) {
	for _, ae := range []string{"gzip;q=0", "gzip; q=0.0", "br;q=0, gzip;q=0"} {
		resp := get(t, "/en/intro", "Accept-Encoding", ae)
		assert.Equal(t, http.StatusOK, resp.StatusCode, ae)
		assert.Empty(t, resp.Header.Get("Content-Encoding"), ae)
		assert.True(t, strings.HasPrefix(strings.ToLower(bodyOf(t, resp)), "<!doctype html>"), ae)
	}
	resp := get(t, "/en/intro", "Accept-Encoding", "br;q=0, gzip")
	require.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	zr, err := gzip.NewReader(resp.Body)
	require.NoError(t, err)
	b, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(bytes.ToLower(b), []byte("<!doctype html>")))
}

// hasHangul reports whether s has Korean letters.
func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}

// Finding: diagram errors were English on a Korean request.
func TestDiagramErrorsSpeakKorean(t *testing.T) {
	for _, tc := range []struct {
		path   string
		header []string
	}{
		{"/diagrams/overview.svg?lang=ko&mode=nope", nil},
		{"/diagrams/overview.svg?mode=nope", []string{"Accept-Language", "ko-KR,ko;q=0.9"}},
		{"/diagrams/nope.svg?lang=ko", nil},
		{"/diagrams/nope.svg", []string{"Accept-Language", "ko"}},
	} {
		resp := get(t, tc.path, tc.header...)
		assert.GreaterOrEqual(t, resp.StatusCode, 400, tc.path)
		d := mustDoc(t, resp)
		h := d.tag("html")
		require.NotEmpty(t, h)
		assert.Equal(t, "ko", attr(h[0], "lang"), tc.path)
		problems := d.byTestID("problem")
		require.Len(t, problems, 1, tc.path)
		assert.True(t, hasHangul(text(problems[0])), "%s: %s", tc.path, text(problems[0]))
	}
	resp := get(t, "/diagrams/overview.svg?lang=en&mode=nope", "Accept-Language", "ko")
	assert.False(t, hasHangul(text(mustDoc(t, resp).byTestID("problem")[0])), "lang=en wins over Accept-Language")
}

// Finding: the 405 page said "could not be understood".
func TestMethodNotAllowedPageListsTheMethods(t *testing.T) {
	for _, path := range []string{"/en/intro", "/ko/intro", "/healthz"} {
		resp := do(t, mustApp(t), http.MethodPost, path)
		require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, path)
		body := bodyOf(t, resp)
		assert.NotContains(t, body, "could not be understood", path)
		assert.Contains(t, body, "GET, HEAD", path)
		assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"), path)
	}
}

// Finding: only glossary was a reserved slug, though /compare shadowed a
// chapter of that name. The route table's pages are reserved.
func TestRouteTablePagesAreReservedSlugs(t *testing.T) {
	assert.ElementsMatch(t, []string{"glossary", "compare", "search", "progress", "rooms", "lab", "exercises"}, ReservedSlugs())
	d := mustDoc(t, get(t, "/ko/compare"))
	assert.Len(t, d.byTestID("compare"), 1, "/ko/compare is the compare page")
	assert.Empty(t, d.byTestID("chapter"), "/ko/compare is not a chapter")

	for _, slug := range ReservedSlugs() {
		fsys := fstest.MapFS{}
		require.NoError(t, fs.WalkDir(content.FS, ".", func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() {
				return err
			}
			b, err := fs.ReadFile(content.FS, p)
			fsys[p] = &fstest.MapFile{Data: b}
			return err
		}))
		fsys["en/shadow.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Shadow\nslug: " + slug + "\norder: 99\nsummary: x\nminutes: 1\n---\n\nBody.\n")}
		_, err := NewApp(fsys, static.FS, Deps{})
		require.Error(t, err, slug)
		assert.Contains(t, err.Error(), fmt.Sprintf("slug %q is reserved", slug))
	}
}

func linkHrefs(d doc) (canonical string, alternates []string) {
	for _, n := range d.tag("link") {
		switch attr(n, "rel") {
		case "canonical":
			canonical = attr(n, "href")
		case "alternate":
			if attr(n, "hreflang") != "" {
				alternates = append(alternates, attr(n, "href"))
			}
		}
	}
	return
}

var (
	baseAppOnce sync.Once
	baseApp     http.Handler
)

// Finding: canonical and hreflang links were relative (Lighthouse SEO 82).
func TestCanonicalAndHreflangAreAbsolute(t *testing.T) {
	baseAppOnce.Do(func() {
		var err error
		baseApp, err = NewApp(content.FS, static.FS, Deps{BaseURL: "https://eks.example.org"})
		require.NoError(t, err)
	})
	for _, tc := range []struct {
		h    http.Handler
		host string
		want string
	}{
		{mustApp(t), "tutor.test:8080", "http://tutor.test:8080"},
		{baseApp, "tutor.test:8080", "https://eks.example.org"},
	} {
		for _, path := range []string{"/en/", "/ko/intro", "/en/glossary"} {
			can, alts := linkHrefs(mustDoc(t, do(t, tc.h, http.MethodGet, path, "Host", tc.host)))
			assert.Equal(t, tc.want+path, can, path)
			require.Len(t, alts, 2, path)
			for _, a := range alts {
				assert.True(t, strings.HasPrefix(a, tc.want+"/"), "%s: %s", path, a)
			}
		}
	}
	// A forged Host never reaches another client's page: the cache is
	// keyed by origin, and a malformed Host is not taken at all.
	for _, h := range []http.Handler{mustApp(t), baseApp} {
		for _, forged := range []string{"evil.example", "evil.example\"><script>", "evil.example/x"} {
			_ = bodyOf(t, do(t, h, http.MethodGet, "/en/cost", "Host", forged))
			_ = bodyOf(t, do(t, h, http.MethodGet, "/en/cost", "Host", forged, "Accept-Encoding", "gzip"))
		}
		for _, enc := range []string{"identity", "gzip", "br"} {
			req := httptest.NewRequest(http.MethodGet, "/en/cost", nil)
			req.Host = "tutor.test"
			req.Header.Set("Accept-Encoding", enc)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := decoded(t, rec.Result())
			assert.NotContains(t, body, "evil.example", enc)
		}
	}
	_, alts := linkHrefs(mustDoc(t, do(t, mustApp(t), http.MethodGet, "/en/storage", "Host", `evil.example"><b>`)))
	for _, a := range alts {
		assert.True(t, strings.HasPrefix(a, "http://localhost/"), a)
	}
}

// decoded is a response body with its Content-Encoding undone.
func decoded(t *testing.T, resp *http.Response) string {
	t.Helper()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	switch resp.Header.Get("Content-Encoding") {
	case "":
		return string(raw)
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		require.NoError(t, err)
		b, err := io.ReadAll(zr)
		require.NoError(t, err)
		return string(b)
	case "br":
		b, err := io.ReadAll(brotli.NewReader(bytes.NewReader(raw)))
		require.NoError(t, err)
		return string(b)
	}
	t.Fatalf("unknown coding %q", resp.Header.Get("Content-Encoding"))
	return ""
}

// Finding: Permissions-Policy, COOP and CORP were missing.
func TestNewSecurityHeaders(t *testing.T) {
	for _, path := range []string{"/en/", "/healthz", "/api/v1/resolve", "/en/nope"} {
		resp := get(t, path)
		for _, h := range []string{"Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Content-Security-Policy"} {
			assert.NotEmpty(t, resp.Header.Get(h), "%s on %s", h, path)
		}
	}
	// A script or stylesheet keeps nosniff and CORP, and drops the
	// policies only a document uses; an SVG asset is a document.
	css := get(t, hashedAsset(t))
	require.Equal(t, http.StatusOK, css.StatusCode)
	assert.Equal(t, "nosniff", css.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, "same-origin", css.Header.Get("Cross-Origin-Resource-Policy"))
	for _, h := range documentOnlyHeaders {
		assert.Empty(t, css.Header.Get(h), "%s on a stylesheet", h)
	}
	icon := get(t, "/favicon.ico")
	require.Equal(t, http.StatusFound, icon.StatusCode)
	svg := get(t, icon.Header.Get("Location"))
	require.Equal(t, http.StatusOK, svg.StatusCode)
	assert.Contains(t, svg.Header.Get("Content-Type"), "image/svg+xml")
	assert.NotEmpty(t, svg.Header.Get("Content-Security-Policy"), "an SVG asset keeps the document policy")
}

// Finding: no Cache-Control on HTML, JSON or errors.
func TestCacheControlByKind(t *testing.T) {
	for _, path := range []string{"/en/", "/ko/intro", "/en/glossary", "/ko/compare", "/en/endpoint-access?mode=private"} {
		resp := get(t, path)
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"), path)
		assert.NotEmpty(t, resp.Header.Get("ETag"), path)
	}
	// The resolver's answer is a pure function of its URL: kept and
	// revalidated like a page. A search answer is not.
	resp := get(t, "/api/v1/resolve")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
	assert.NotEmpty(t, resp.Header.Get("ETag"))
	resp = get(t, "/api/v1/search?lang=en&q=nat")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	resp = get(t, "/en/search?q=nat")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "private, no-cache", resp.Header.Get("Cache-Control"))
	for _, path := range []string{"/en/nope", "/api/v1/nope", "/api/v1/resolve?client=moon", "/en/endpoint-access?mode=nope", "/diagrams/overview.svg?mode=nope"} {
		resp := get(t, path)
		assert.GreaterOrEqual(t, resp.StatusCode, 400, path)
		assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"), path)
		assert.Empty(t, resp.Header.Get("ETag"), path)
	}
}

// Finding: /favicon.ico pointed permanently at a hashed URL.
func TestFaviconRedirectIsTemporary(t *testing.T) {
	resp := get(t, "/favicon.ico")
	assert.Equal(t, http.StatusFound, resp.StatusCode)
	loc := resp.Header.Get("Location")
	assert.True(t, strings.HasPrefix(loc, "/static/"), loc)
	assert.Equal(t, http.StatusOK, get(t, loc).StatusCode)
}

// syncBuf is a log sink safe for concurrent writes.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testServer is newServer over the real content, for tests that need a
// route the app does not have.
func testServer(t *testing.T, d Deps) *server {
	t.Helper()
	require.NoError(t, load(content.FS, static.FS, &d))
	return newServer(d)
}

// Finding: 5xx are logged; 4xx and clients that went away are not errors.
func TestOnlyServerErrorsAreLoggedAsErrors(t *testing.T) {
	var buf syncBuf
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h, err := NewApp(content.FS, static.FS, Deps{Logger: log})
	require.NoError(t, err)
	for _, path := range []string{"/en/nope", "/en/endpoint-access?mode=nope", "/api/v1/resolve?client=moon", "/diagrams/nope.svg"} {
		_ = bodyOf(t, do(t, h, http.MethodGet, path))
	}
	_ = bodyOf(t, do(t, h, http.MethodPost, "/en/intro"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, path := range []string{"/en/intro", "/ko/endpoint-access?step=2", "/diagrams/overview.svg?lang=ko"} {
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, path, nil)
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	assert.NotContains(t, buf.String(), "level=ERROR", "4xx and departed clients are not errors")
	assert.Contains(t, buf.String(), "level=INFO", "every request is still logged")

	s := testServer(t, Deps{Logger: log})
	gone := s.handle(func(http.ResponseWriter, *http.Request) error {
		return fmt.Errorf("render: %w", context.Canceled)
	})
	rec := httptest.NewRecorder()
	gone(rec, httptest.NewRequest(http.MethodGet, "/en/intro", nil))
	assert.NotContains(t, buf.String(), "level=ERROR", "a client that left is not an error")

	for _, h := range []http.HandlerFunc{
		s.handle(func(http.ResponseWriter, *http.Request) error { return errors.New("disk on fire") }),
		s.handleAPI(func(http.ResponseWriter, *http.Request) error { return errors.New("api on fire") }),
	} {
		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest(http.MethodGet, "/en/intro", nil))
		assert.Equal(t, http.StatusInternalServerError, rec.Code)
		assert.NotContains(t, rec.Body.String(), "on fire", "the cause is for the log, not the user")
	}
	assert.Contains(t, buf.String(), "level=ERROR")
	assert.Contains(t, buf.String(), "disk on fire")
	assert.Contains(t, buf.String(), "api on fire")
}

// HEAD answers what GET would without the body, on redirects too: the
// handler sees a GET, so Content-Length is GET's (http.Redirect writes no
// body for a HEAD, which made HEAD's length 0).
func TestHEADOnRedirectsAndErrorsMatchesGET(t *testing.T) {
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer client.CloseIdleConnections()
	for _, path := range []string{"/", "/ko", "/en", "/en/intro/", "/favicon.ico", "/en/nope", "/nope", "/en/intro?x=1",
		"/en/endpoint-access?mode=nope", "/api/v1/resolve?client=moon", "/api/v1/nope", "/diagrams/nope.svg"} {
		for _, enc := range []string{"identity", "gzip"} {
			get, err := send(client, http.MethodGet, srv.URL+path, enc)
			require.NoError(t, err)
			_, _ = io.Copy(io.Discard, get.Body)
			get.Body.Close()
			assertHEADMatches(t, client, srv.URL+path, get, enc)
		}
	}
}
