package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/static"
)

func edgeApp(t *testing.T, e Edge) http.Handler {
	t.Helper()
	h, err := NewApp(content.FS, static.FS, Deps{Edge: e})
	require.NoError(t, err)
	return h
}

func TestClientAddrBelievesOnlyTrustedProxies(t *testing.T) {
	proxies, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.7")
	require.NoError(t, err)
	e := Edge{TrustedProxies: proxies}
	for _, tt := range []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"no proxy trusted: the peer", "198.51.100.9:5000", []string{"203.0.113.5"}, "198.51.100.9"},
		{"trusted peer: the first untrusted from the right", "10.1.2.3:5000", []string{"203.0.113.5, 10.9.9.9"}, "203.0.113.5"},
		{"a client's own entries on the left are not believed", "10.1.2.3:5000", []string{"1.2.3.4, 203.0.113.5"}, "203.0.113.5"},
		{"several headers read as one list", "192.0.2.7:80", []string{"203.0.113.5", "10.0.0.1"}, "203.0.113.5"},
		{"every hop trusted: the leftmost", "10.1.2.3:1", []string{"10.2.2.2"}, "10.2.2.2"},
		{"garbled: the last believed address", "10.1.2.3:1", []string{"nonsense, 10.2.2.2"}, "10.2.2.2"},
		{"no header: the proxy itself", "10.1.2.3:1", nil, "10.1.2.3"},
		{"IPv4-mapped IPv6 peer", "[::ffff:10.1.2.3]:1", []string{"203.0.113.5"}, "203.0.113.5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tt.peer
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			assert.Equal(t, netip.MustParseAddr(tt.want), e.clientAddr(r))
		})
	}
}

func TestHSTSAndFrameAncestorsOnlyWhenAsked(t *testing.T) {
	plain := get(t, "/en/")
	assert.Empty(t, plain.Header.Get("Strict-Transport-Security"))
	assert.Contains(t, plain.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'")

	lms, err := ParseFrameAncestors("https://lms.example.edu, https://moodle.example.org:8443")
	require.NoError(t, err)
	h := edgeApp(t, Edge{HSTS: true, FrameAncestors: lms})
	for _, path := range []string{"/en/", "/ko/intro", "/en/no-such-page", "/api/v1/resolve?client=moon"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, "max-age=31536000", rec.Header().Get("Strict-Transport-Security"), path)
		assert.Contains(t, rec.Header().Get("Content-Security-Policy"),
			"frame-ancestors 'self' https://lms.example.edu https://moodle.example.org:8443", path)
	}
}

func TestForwardedHTTPSFromATrustedProxyMakesLinksHTTPS(t *testing.T) {
	proxies, _ := ParseTrustedProxies("10.0.0.0/8")
	h := edgeApp(t, Edge{TrustedProxies: proxies})
	for _, tt := range []struct{ peer, want string }{{"10.0.0.5:1", "https://eks.example.org/en/"}, {"203.0.113.5:1", "http://eks.example.org/en/"}} {
		r := httptest.NewRequest(http.MethodGet, "/en/", nil)
		r.Host, r.RemoteAddr = "eks.example.org", tt.peer
		r.Header.Set("X-Forwarded-Proto", "https")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		assert.Contains(t, rec.Body.String(), `rel="canonical" href="`+tt.want+`"`, tt.peer)
	}
}

// Past the burst a client gets a 429 in its language with Retry-After,
// and another client is not affected. (API POSTs answer the same error
// as problem JSON through serveErrorByPath.)
func TestPostLimitPerClient(t *testing.T) {
	h := edgeApp(t, Edge{PostRate: 0.01, PostBurst: 2})
	send := func(path, peer string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(url.Values{"q1": {"a"}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Sec-Fetch-Site", "same-origin")
		r.RemoteAddr = peer
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec
	}
	quiz := "/ko/intro/quiz"
	for range 2 {
		assert.NotEqual(t, http.StatusTooManyRequests, send(quiz, "198.51.100.1:1").Code)
	}
	rec := send(quiz, "198.51.100.1:2")
	require.Equal(t, http.StatusTooManyRequests, rec.Code)
	assert.NotEmpty(t, rec.Header().Get("Retry-After"))
	assert.Contains(t, rec.Body.String(), "짧은 시간에 이 주소에서 너무 많이 보냈습니다")
	assert.NotEqual(t, http.StatusTooManyRequests, send(quiz, "198.51.100.2:1").Code, "another client")

}

func TestClientLimitsRefillOverTime(t *testing.T) {
	l := newClientLimits(1, 1)
	a := netip.MustParseAddr("192.0.2.1")
	now := time.Now()
	ok, _ := l.allow(a, now)
	require.True(t, ok)
	ok, wait := l.allow(a, now)
	require.False(t, ok)
	assert.InDelta(t, time.Second, wait, float64(50*time.Millisecond))
	ok, _ = l.allow(a, now.Add(1100*time.Millisecond))
	assert.True(t, ok, "a token came back after a second")
}
