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
	"github.com/ekstutor/ekstutor/internal/topology"
)

// standaloneCSP lets a standalone SVG use the <style> inside it and
// nothing else: it is a picture, not a page.
const standaloneCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// diagramSVG serves /diagrams/{view}.svg?mode=&flow=&lang=&animate=1 as a
// self-contained file an instructor can drop into slides; the endpoints
// view also takes the lab's configuration fields, so a lab configuration
// (an exercise's) has its own file.
func (s *server) diagramSVG(w http.ResponseWriter, r *http.Request) error {
	name, ok := strings.CutSuffix(chi.URLParam(r, "file"), ".svg")
	v := topology.View(name)
	if !ok {
		return errNotFound()
	}
	if _, err := topology.ParseView(name); err != nil {
		views, name := joinNames(topology.Views()), params.Shown(name)
		return &Error{Status: http.StatusNotFound, Detail: topology.Text{
			EN: "There is no diagram named " + strconv.Quote(name) + " (views: " + views + ").",
			KO: strconv.Quote(name) + ": 이런 이름의 다이어그램은 없습니다(뷰: " + views + ").",
		}}
	}
	q, err := params.DecodeDiagram(r.URL.RawQuery, v == topology.ViewEndpoints, requestLang(r))
	if err != nil {
		return err
	}
	o := diagram.Options{View: v, Mode: q.Mode, Flow: q.Flow, Lang: q.Lang, Standalone: true, Animate: q.Animate, Config: q.Config}
	o.Notes = s.lib.DiagramNotes(o.Lang, o.View)
	key := "svg|" + string(o.View) + "|" + string(o.Mode) + "|" + string(o.Flow) + "|" + o.Lang + "|" + strconv.FormatBool(o.Animate)
	if o.Config != nil {
		key += "|" + params.EncodeConfig(*o.Config)
	}
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

func joinNames[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
