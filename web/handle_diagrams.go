package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// standaloneCSP lets a standalone SVG use the <style> inside it and
// nothing else: it is a picture, not a page.
const standaloneCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// diagramSVG serves /diagrams/{view}.svg?mode=&flow=&lang=&animate=1 as a
// self-contained file an instructor can drop into slides.
func (s *server) diagramSVG(w http.ResponseWriter, r *http.Request) error {
	file := chi.URLParam(r, "file")
	name, ok := strings.CutSuffix(file, ".svg")
	if !ok {
		return notFound()
	}
	q := r.URL.Query()
	lang := requestLang(r)
	if err := checkParams(q, "mode", "flow", "lang", "animate"); err != nil {
		return badRequest(err.Error())
	}
	o := diagram.Options{
		View: topology.View(name), Mode: topology.Mode(q.Get("mode")), Flow: topology.FlowID(q.Get("flow")),
		Lang: q.Get("lang"), Standalone: true,
	}
	switch q.Get("animate") {
	case "", "0":
	case "1":
		o.Animate = true
	default:
		return badRequest(`parameter animate: "` + q.Get("animate") + `" is not accepted (accepted: 0, 1)`)
	}
	if o.Lang == "" {
		o.Lang = lang
	}
	o.Notes = s.lib.DiagramNotes(o.Lang, o.View)
	if err := o.Validate(); err != nil {
		return badRequest(err.Error())
	}
	key := fmt.Sprintf("%s|%s|%s|%s|%t", o.View, o.Mode, o.Flow, o.Lang, o.Animate)
	svg, ok := s.svgs.Load(key)
	if !ok {
		var buf bytes.Buffer
		if err := diagram.Render(&buf, o); err != nil {
			return err
		}
		svg, _ = s.svgs.LoadOrStore(key, buf.Bytes())
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("Content-Security-Policy", standaloneCSP)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := w.Write(svg.([]byte))
	return err
}
