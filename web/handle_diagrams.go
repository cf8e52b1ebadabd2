package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/params"
)

// standaloneCSP lets a standalone SVG use the <style> inside it and
// nothing else: it is a picture, not a page.
const standaloneCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// diagramSVG serves /diagrams/{view}.svg?mode=&flow=&lang=&animate=1 as a
// self-contained file an instructor can drop into slides.
func (s *server) diagramSVG(w http.ResponseWriter, r *http.Request) error {
	name, ok := strings.CutSuffix(chi.URLParam(r, "file"), ".svg")
	v := diagram.View(name)
	if !ok || !has(diagram.Views(), v) {
		return errNotFound()
	}
	q, err := params.DecodeDiagram(r.URL.RawQuery, v == diagram.ViewEndpoints, requestLang(r))
	if err != nil {
		return err
	}
	o := diagram.Options{View: v, Mode: q.Mode, Flow: q.Flow, Lang: q.Lang, Standalone: true, Animate: q.Animate}
	key := "svg|" + string(o.View) + "|" + string(o.Mode) + "|" + string(o.Flow) + "|" + o.Lang + "|" + strconv.FormatBool(o.Animate)
	svg, err := s.fragments.GetOrAdd(key, func() (cache.Bytes, error) {
		var buf bytes.Buffer
		err := diagram.Render(&buf, o)
		return buf.Bytes(), err
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml; charset=utf-8")
	h.Set("Content-Security-Policy", standaloneCSP)
	h.Set("Cache-Control", "public, max-age=3600")
	if _, given := r.URL.Query()["lang"]; !given {
		h.Add("Vary", "Accept-Language")
	}
	_, err = w.Write(svg)
	return err
}

func has[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
