package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/i18n"
)

// documents is the middleware of the GET/HEAD route group: it renders a
// response into a buffer, tags it (ETag), answers If-None-Match with 304,
// compresses it (Brotli or gzip, as the client accepts) and, for a
// deterministic page, keeps each encoding of it in the response cache, so
// the next request for the same address costs a map lookup and a write.
// HEAD gets exactly GET's headers without the body.
type documents struct {
	cache  *cache.LRU[string, *entry]
	origin func(*http.Request) string // part of the cache key: pages carry absolute links
}

// entry is one stored representation: the final headers and body of a
// 200 in one encoding.
type entry struct {
	header http.Header
	etag   string // the representation's quoted tag
	body   []byte
	route  string // the route pattern it was rendered under, for metrics on a hit
	// fields is header as a list, split into what a 304 also carries and
	// what only a 200 does (Content-Length, Content-Encoding): a hit
	// assigns these shared, read-only values into the response's map
	// without iterating a map or deleting afterwards.
	fields   []headerField
	bodyOnly []headerField
}

type headerField struct {
	key    string
	values []string
}

// freeze fills fields from header; an entry is read-only once cached.
func (e *entry) freeze() *entry {
	e.fields, e.bodyOnly = e.fields[:0], e.bodyOnly[:0]
	for k, v := range e.header {
		if k == "Content-Length" || k == "Content-Encoding" {
			e.bodyOnly = append(e.bodyOnly, headerField{k, v})
		} else {
			e.fields = append(e.fields, headerField{k, v})
		}
	}
	return e
}

// Size is what the entry costs the cache: its body plus a rough allowance
// for the headers.
func (e *entry) Size() int { return len(e.body) + 512 }

// markCached tells the request log (through the writer it wrapped) that
// the response came from the cache.
func markCached(w http.ResponseWriter, e *entry) {
	if m, ok := w.(interface{ servedFromCache(route string) }); ok {
		m.servedFromCache(e.route)
	}
}

// serveHit answers a GET or HEAD from the response cache, before the
// route table is consulted, and reports whether it did. An entry exists
// only for an address a documents route answered with a cacheable 200,
// so a hit needs no routing: the global middleware (log, recovery,
// security headers) has already run, and the answer is the one the route
// would give. Mounted ahead of the router it saves the route lookup and
// chi's per-request context; inside wrap it is the same lookup.
func (d *documents) serveHit(w http.ResponseWriter, r *http.Request) (key string, enc encoding, hit bool) {
	enc = negotiate(r.Header.Get("Accept-Encoding"))
	if d.cache == nil {
		return "", enc, false
	}
	// One allocation for the key of the coded entry; the plain key (the
	// identity entry) is its prefix, needed only on a miss.
	key = d.origin(r) + r.URL.Path + "?" + r.URL.RawQuery + langVariant(r) + enc.etagSuffix()
	if e, ok := d.cache.Get(key); ok {
		markCached(w, e)
		d.write(w, r, e)
		return key, enc, true
	}
	return key, enc, false
}

// cached is serveHit as a middleware ahead of routing.
func (d *documents) cached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			if _, _, hit := d.serveHit(w, r); hit {
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (d *documents) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			// A mounted subrouter sees every method; its own table answers
			// the others (405 with Allow), never the cache.
			next.ServeHTTP(w, r)
			return
		}
		key, enc, hit := d.serveHit(w, r)
		if hit {
			return
		}
		var plainKey string
		if d.cache != nil {
			plainKey = key[:len(key)-len(enc.etagSuffix())]
			if plain, ok := d.cache.Get(plainKey); ok && enc != identity {
				e := plain.encoded(enc, effortKept)
				d.cache.Add(key, e)
				d.write(w, r, e)
				return
			}
		}
		bw := &bufferedWriter{header: w.Header()}
		next.ServeHTTP(bw, r)
		if bw.status != http.StatusOK || encodedByHandler(w.Header()) {
			passThrough(w, r, bw)
			return
		}
		plain := newEntry(w.Header(), bw.buf.Bytes())
		if rc := chi.RouteContext(r.Context()); rc != nil {
			plain.route = rc.RoutePattern()
		}
		keep := d.cache != nil && cacheable(plain.header)
		if !keep {
			d.write(w, r, plain.encoded(enc, effortOnce))
			return
		}
		e := plain.encoded(enc, effortKept)
		d.cache.Add(plainKey, plain)
		if enc != identity {
			d.cache.Add(key, e)
		}
		d.write(w, r, e)
	})
}

// cacheable: a handler opts out of the response cache by saying no-store
// (health, search answers, anything per-user) or private (a page only
// one client will ask for again: a search result list), and a response the handler
// encoded itself (precompressed assets) is not kept. A response that
// varies by language preference is kept: its key carries the language
// (langVariant).
func cacheable(h http.Header) bool {
	cc := h.Get("Cache-Control")
	return !strings.Contains(cc, "no-store") && !strings.Contains(cc, "private") && h.Get("Content-Encoding") == ""
}

// langVariant is the part of the cache key that stands for the
// Accept-Language header. A course page names its language in the path,
// so the header cannot change it; elsewhere (a standalone diagram without
// lang=, an API answer) the language the handler will pick
// (requestLang) joins the key, so each language is kept apart.
func langVariant(r *http.Request) string {
	if i18n.Supported(pathLang(r)) {
		return ""
	}
	return "|" + i18n.Preferred(r.Header.Get("Accept-Language"))
}

// newEntry freezes a rendered 200: its tag is a hash of the body, and
// HTML without its own Cache-Control is revalidated on every use.
func newEntry(h http.Header, body []byte) *entry {
	h = h.Clone()
	sum := sha256.Sum256(body)
	tag := `"` + hex.EncodeToString(sum[:12]) + `"`
	if et := h.Get("ETag"); et != "" {
		tag = et
	}
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	if compressible(h.Get("Content-Type")) && len(body) >= minCompressSize {
		h.Set("Vary", joinVary(h.Get("Vary"), "Accept-Encoding"))
	}
	h.Set("ETag", tag)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	return (&entry{header: h, etag: tag, body: bytes.Clone(body)}).freeze()
}

// encoded is the entry in coding enc: a new body, its own tag (a coded
// body is a different representation, RFC 9110 §8.8.3) and headers.
func (e *entry) encoded(enc encoding, how effort) *entry {
	if enc == identity || !strings.Contains(e.header.Get("Vary"), "Accept-Encoding") {
		return e
	}
	body := encode(enc, e.body, how)
	h := e.header.Clone()
	tag := strings.TrimSuffix(e.etag, `"`) + enc.etagSuffix() + `"`
	h.Set("ETag", tag)
	h.Set("Content-Encoding", enc.token())
	h.Set("Content-Length", strconv.Itoa(len(body)))
	return (&entry{header: h, etag: tag, body: body, route: e.route}).freeze()
}

// write sends e, or 304 when the client already holds it. A 304 carries
// the representation's tag, Vary and Cache-Control, like the 200 would.
func (d *documents) write(w http.ResponseWriter, r *http.Request, e *entry) {
	h := w.Header()
	for _, f := range e.fields {
		h[f.key] = f.values
	}
	if etagMatches(r.Header.Get("If-None-Match"), e.etag) {
		h.Del("Content-Length") // a handler's own, on a miss
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	for _, f := range e.bodyOnly {
		h[f.key] = f.values
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(e.body)
	}
}

// encodedByHandler: a handler that chose the coding itself (precompressed
// bytes) has tagged its representation already; documents neither codes
// it again nor caches it.
func encodedByHandler(h http.Header) bool {
	return h.Get("Content-Encoding") != "" || strings.Contains(h.Get("Vary"), "Accept-Encoding")
}

// passThrough sends a response that is not a plain 200 (redirects,
// errors) as the handler wrote it, without its body for HEAD.
func passThrough(w http.ResponseWriter, r *http.Request, bw *bufferedWriter) {
	if bw.status == 0 {
		bw.status = http.StatusOK
	}
	if bw.status != http.StatusNotModified && bw.status != http.StatusNoContent {
		w.Header().Set("Content-Length", strconv.Itoa(bw.buf.Len()))
	}
	w.WriteHeader(bw.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(bw.buf.Bytes())
	}
}

// etagMatches applies If-None-Match's weak comparison (RFC 9110 §13.1.2).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func joinVary(have, add string) string {
	if have == "" {
		return add
	}
	if strings.Contains(have, add) {
		return have
	}
	return have + ", " + add
}

// bufferedWriter holds a whole response so documents can tag and
// compress it before anything reaches the client, and so a handler that
// fails half-way (a panic after its first write) still leaves room for a
// clean error page.
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
