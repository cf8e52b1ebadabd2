package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// bufferedWriter holds a whole response so that etagAndGzip can hash and
// compress it before anything reaches the client.
type bufferedWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }
func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.buf.Write(p)
}

var gzipPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }}

// gzipCache keeps the compressed form of recent bodies by their ETag.
// Pages are rendered the same way every time, so compressing each one
// again for every visitor is wasted work; a bounded FIFO keeps memory flat.
type gzipCache struct {
	mu    sync.Mutex
	max   int
	byTag map[string][]byte
	order []string
}

func newGzipCache(max int) *gzipCache {
	return &gzipCache{max: max, byTag: make(map[string][]byte, max)}
}

func (c *gzipCache) compress(etag string, body []byte) []byte {
	if etag == "" {
		return gzipBytes(body)
	}
	c.mu.Lock()
	gz, ok := c.byTag[etag]
	c.mu.Unlock()
	if ok {
		return gz
	}
	gz = gzipBytes(body)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byTag[etag]; !ok {
		if len(c.order) >= c.max {
			delete(c.byTag, c.order[0])
			c.order = c.order[1:]
		}
		c.byTag[etag] = gz
		c.order = append(c.order, etag)
	}
	return gz
}

// minGzipSize: below this, gzip's header costs more than it saves.
const minGzipSize = 512

// etagAndGzip gives every successful GET an ETag (a hash of the body),
// answers a matching If-None-Match with 304, and gzips compressible bodies
// for clients that accept it.
func etagAndGzip(next http.Handler) http.Handler {
	cache := newGzipCache(512)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		bw := &bufferedWriter{header: w.Header()}
		next.ServeHTTP(bw, r)
		if bw.status == 0 {
			bw.status = http.StatusOK
		}
		body := bw.buf.Bytes()
		h := w.Header()
		if bw.status == http.StatusOK && h.Get("ETag") == "" {
			sum := sha256.Sum256(body)
			h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
		}
		if bw.status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), h.Get("ETag")) {
			h.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if compressible(h.Get("Content-Type")) && len(body) >= minGzipSize {
			h.Add("Vary", "Accept-Encoding")
			if acceptsGzip(r.Header.Get("Accept-Encoding")) {
				body = cache.compress(h.Get("ETag"), body)
				h.Set("Content-Encoding", "gzip")
				// The compressed variant is a different representation,
				// so it needs its own entity tag (RFC 9110 §8.8.3).
				if et := h.Get("ETag"); et != "" {
					h.Set("ETag", strings.TrimSuffix(et, `"`)+`-gz"`)
				}
			}
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(bw.status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	})
}

func gzipBytes(body []byte) []byte {
	var out bytes.Buffer
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(&out)
	_, _ = zw.Write(body)
	_ = zw.Close()
	gzipPool.Put(zw)
	return out.Bytes()
}

// etagMatches compares If-None-Match with weak comparison, accepting the
// tag of either the plain or the gzip variant.
func etagMatches(header, etag string) bool {
	if header == "" || etag == "" {
		return false
	}
	base := strings.TrimSuffix(etag, `"`)
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag || strings.TrimSuffix(t, `-gz"`) == base {
			return true
		}
	}
	return false
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.TrimSpace(params) != "q=0" {
			return true
		}
	}
	return false
}

func compressible(contentType string) bool {
	for _, p := range []string{"text/", "application/json", "application/problem+json", "image/svg+xml", "application/javascript", "text/javascript"} {
		if strings.HasPrefix(contentType, p) {
			return true
		}
	}
	return false
}
