package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// Assets serves embedded files under content-hashed URLs, e.g.
// /static/css/site.1a2b3c4d5e.css. A changed file gets a new URL, so the
// old one can be cached for a year without ever going stale.
type Assets struct {
	byName map[string]*asset // "css/site.css" -> asset
	byURL  map[string]*asset // "/static/css/site.1a2b3c4d5e.css" -> asset
}

type asset struct {
	url         string
	body        []byte
	contentType string
}

// NewAssets hashes every file of fsys, plus extra files given by name.
func NewAssets(fsys fs.FS, extra map[string][]byte) (*Assets, error) {
	a := &Assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		a.add(name, body)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("hashing static assets: %w", err)
	}
	for name, body := range extra {
		a.add(name, body)
	}
	return a, nil
}

func (a *Assets) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	ct := mime.TypeByExtension(ext)
	if ct == "" {
		ct = "application/octet-stream"
	}
	as := &asset{url: url, body: body, contentType: ct}
	a.byName[name], a.byURL[url] = as, as
}

// URL returns the hashed URL of a file. An unknown name is a programming
// error caught by tests, so it yields a URL that 404s rather than a panic.
func (a *Assets) URL(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.url
	}
	return "/static/missing/" + name
}

// Serve writes the file at a hashed URL with immutable caching, and
// reports false when no file has that URL.
func (a *Assets) Serve(w http.ResponseWriter, r *http.Request) bool {
	as, ok := a.byURL[r.URL.Path]
	if !ok {
		return false
	}
	w.Header().Set("Content-Type", as.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(as.body)
	return true
}
