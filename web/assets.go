package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Assets serves embedded files under content-hashed URLs, e.g.
// /static/css/site.1a2b3c4d5e.css. A changed file gets a new URL, so the
// old one can be cached for a year without ever going stale.
//
// JavaScript modules import each other by relative specifiers in the
// source ('./keymap.js'); at start each specifier is rewritten to the
// dependency's hashed URL, dependencies first, and only then is the
// importer hashed. So a changed module changes the URL of every module
// that imports it, directly or not, and no import map (which the CSP
// would have to allow inline) is needed.
type Assets struct {
	byName map[string]*asset // "css/site.css" -> asset
	byURL  map[string]*asset // "/static/css/site.1a2b3c4d5e.css" -> asset
}

type asset struct {
	url         string
	body        []byte
	contentType string
	preloads    []string // hashed URLs of every module it imports statically, transitively
	etag        string   // quoted; the coded bodies add the coding's suffix
	// gz and br are body compressed at start at the codings' highest
	// levels, kept only when smaller; nil for types that do not shrink
	// (images, fonts) or files too small to gain.
	gz, br []byte
}

// NewAssets hashes every file of fsys, plus extra files given by name
// (extra wins over a file of the same name). A JavaScript file that does
// not lex, imports a missing file or takes part in an import cycle is an
// error naming the files.
func NewAssets(fsys fs.FS, extra map[string][]byte) (*Assets, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		files[name], err = fs.ReadFile(fsys, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("hashing static assets: %w", err)
	}
	for name, body := range extra {
		files[name] = body
	}
	a, err := hashAll(files)
	if err != nil {
		return nil, fmt.Errorf("hashing static assets: %w", err)
	}
	return a, nil
}

// hashAll rewrites imports and hashes files, dependencies first.
func hashAll(files map[string][]byte) (*Assets, error) {
	graph, err := resolveImports(files)
	if err != nil {
		return nil, err
	}
	order, err := dependenciesFirst(files, graph)
	if err != nil {
		return nil, err
	}
	a := &Assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	for _, name := range order {
		imports := graph[name]
		as := a.add(name, rewriteImports(files[name], imports, a.URL))
		for _, imp := range imports {
			if dep := a.byName[imp.target]; !imp.dynamic {
				as.preloads = appendNew(as.preloads, dep.preloads...)
				as.preloads = appendNew(as.preloads, dep.url)
			}
		}
	}
	a.compressAll()
	return a, nil
}

func (a *Assets) add(name string, body []byte) *asset {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	ct := mime.TypeByExtension(ext)
	if ct == "" {
		ct = "application/octet-stream"
	}
	as := &asset{url: url, body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	a.byName[name], a.byURL[url] = as, as
	return as
}

// compressAll fills each compressible asset's coded bodies, one file per
// core at a time: at the codings' highest levels this is most of the
// tutor's start-up, and the files do not depend on each other (hashes
// are of the plain bodies).
func (a *Assets) compressAll() {
	work := make(chan *asset)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for as := range work {
				as.gz = smaller(encodeMax(gzipEnc, as.body), as.body)
				as.br = smaller(encodeMax(brEnc, as.body), as.body)
			}
		})
	}
	for _, as := range a.byName {
		if compressible(as.contentType) && len(as.body) >= minCompressSize {
			work <- as
		}
	}
	close(work)
	wg.Wait()
}

// smaller returns coded when it saves bytes, else nil.
func smaller(coded, plain []byte) []byte {
	if len(coded) >= len(plain) {
		return nil
	}
	return coded
}

// URL returns the hashed URL of a file. An unknown name is a programming
// error caught by tests, so it yields a URL that 404s rather than a panic.
func (a *Assets) URL(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.url
	}
	return "/static/missing/" + name
}

// Preloads returns the hashed URLs of every module that the module name
// imports statically, directly or through others, deepest first. A page
// lists them as <link rel="modulepreload"> so the browser fetches the
// whole graph at once instead of discovering it one level per round
// trip. Dynamic imports are left out: they load on demand by design.
func (a *Assets) Preloads(name string) []string {
	if as, ok := a.byName[name]; ok {
		return slices.Clone(as.preloads)
	}
	return nil
}

// Serve writes the file at a hashed URL with immutable caching, and
// reports false when no file has that URL. A compressible file is sent in
// the coding the client prefers among its precompressed bodies, with
// Vary: Accept-Encoding and the coding's own ETag; If-None-Match is
// answered here with a 304 that carries the tag and Vary. The documents
// middleware sends a response that negotiated its own coding as written,
// without buffering or caching it again. HEAD gets the same headers.
func (a *Assets) Serve(w http.ResponseWriter, r *http.Request) bool {
	as, ok := a.byURL[r.URL.Path]
	if !ok {
		return false
	}
	h := w.Header()
	if !rendersAsDocument(as.contentType) {
		// A script or stylesheet is never a page: the policies that govern
		// a document (what it may load, its features, its window, its
		// referrer) do nothing on it, and on a chapter's twenty assets they
		// were 8 KB of every first visit. nosniff and CORP stay.
		for _, k := range documentOnlyHeaders {
			delete(h, k)
		}
	}
	h.Set("Content-Type", as.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	body, enc := as.body, identity
	if as.gz != nil || as.br != nil {
		h.Set("Vary", "Accept-Encoding")
		switch negotiate(r.Header.Get("Accept-Encoding")) {
		case brEnc:
			if as.br != nil { // never larger than gzip in practice; else identity
				body, enc = as.br, brEnc
			}
		case gzipEnc:
			if as.gz != nil {
				body, enc = as.gz, gzipEnc
			}
		}
	}
	tag := as.etag
	if enc != identity {
		tag = strings.TrimSuffix(tag, `"`) + enc.etagSuffix() + `"`
	}
	h.Set("ETag", tag)
	if etagMatches(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	if enc != identity {
		h.Set("Content-Encoding", enc.token())
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
	return true
}

// documentOnlyHeaders are the security headers that apply only to a
// response a browser renders as a document.
var documentOnlyHeaders = []string{"Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "Cross-Origin-Opener-Policy"}

// rendersAsDocument: opened on its own, a file of this type is a page
// (an SVG can run script), so it keeps the document policies.
func rendersAsDocument(contentType string) bool {
	return strings.HasPrefix(contentType, "text/html") || strings.HasPrefix(contentType, "image/svg+xml")
}

// appendNew appends the values of vs that list does not hold yet.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
