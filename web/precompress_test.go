package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func doReq(t *testing.T, method, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	mustApp(t).ServeHTTP(rec, req)
	return rec
}

func decode(t *testing.T, coding string, b []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(b)
	switch coding {
	case "gzip":
		zr, err := gzip.NewReader(r)
		require.NoError(t, err)
		r = zr
	case "br":
		r = brotli.NewReader(r)
	}
	out, err := io.ReadAll(r)
	require.NoError(t, err)
	return out
}

// Static files are compressed once at start and sent by Accept-Encoding,
// each coding with its own tag; 304 keeps the tag and Vary; HEAD has GET's
// headers.
func TestStaticAssetsArePrecompressed(t *testing.T) {
	d := mustDoc(t, get(t, "/en/endpoint-access"))
	var url string
	for _, l := range d.tag("link") {
		if attr(l, "rel") == "stylesheet" {
			url = attr(l, "href")
			break
		}
	}
	require.NotEmpty(t, url)
	plain := doReq(t, http.MethodGet, url)
	require.Equal(t, http.StatusOK, plain.Code)
	assert.Empty(t, plain.Header().Get("Content-Encoding"))
	assert.Equal(t, "Accept-Encoding", plain.Header().Get("Vary"))
	tags := map[string]bool{plain.Header().Get("ETag"): true}
	for accept, coding := range map[string]string{"gzip": "gzip", "gzip, deflate, br, zstd": "br", "br;q=0, gzip": "gzip"} {
		resp := doReq(t, http.MethodGet, url, "Accept-Encoding", accept)
		require.Equal(t, http.StatusOK, resp.Code, accept)
		h := resp.Header()
		assert.Equal(t, coding, h.Get("Content-Encoding"), accept)
		assert.Equal(t, "Accept-Encoding", h.Get("Vary"), accept)
		assert.Equal(t, "public, max-age=31536000, immutable", h.Get("Cache-Control"))
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options")) // the global headers still reach it
		assert.Equal(t, h.Get("Content-Length"), itoa(resp.Body.Len()), accept)
		assert.Less(t, resp.Body.Len(), plain.Body.Len(), accept)
		assert.Equal(t, plain.Body.Bytes(), decode(t, coding, resp.Body.Bytes()), accept)
		tag := h.Get("ETag")
		tags[tag] = true

		head := doReq(t, http.MethodHead, url, "Accept-Encoding", accept)
		assert.Equal(t, http.StatusOK, head.Code)
		assert.Zero(t, head.Body.Len())
		for _, k := range []string{"Content-Type", "Content-Encoding", "Content-Length", "ETag", "Vary", "Cache-Control"} {
			assert.Equal(t, h.Get(k), head.Header().Get(k), "HEAD %s %s", accept, k)
		}

		nm := doReq(t, http.MethodGet, url, "Accept-Encoding", accept, "If-None-Match", tag)
		assert.Equal(t, http.StatusNotModified, nm.Code, accept)
		assert.Equal(t, tag, nm.Header().Get("ETag"))
		assert.Equal(t, "Accept-Encoding", nm.Header().Get("Vary"))
		assert.Empty(t, nm.Header().Get("Content-Encoding"))
		assert.Zero(t, nm.Body.Len())
		other := doReq(t, http.MethodGet, url, "If-None-Match", tag) // identity client, coded tag
		assert.Equal(t, http.StatusOK, other.Code, "a coded tag does not match the plain body")
	}
	assert.Len(t, tags, 3, "identity, gzip and br each have their own tag")
}
