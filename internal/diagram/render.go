package diagram

import (
	"io"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// canvas is one SVG document being drawn.
type canvas struct {
	svgw
	o     Options
	lang  string
	w, h  int
	title string
	desc  []string // paragraphs of the text equivalent
	data  []string // extra attributes of the root element, name/value pairs
	anim  string   // extra CSS for standalone animation
	spots *spotter // room for callouts, in views that have them
	texts []Box    // the box of every line of text drawn so far
	// legendEnd is where the legend's last entry ends, so the caption
	// beside it can step down a line rather than run into it.
	legendEnd int
}

// Render validates o and writes the SVG it selects. The output is
// deterministic: the same options give byte-identical SVG.
func Render(w io.Writer, o Options) error {
	if err := o.Validate(); err != nil {
		return err
	}
	doc, err := draw(o)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, doc)
	return err
}

// draw renders the body of the selected view, then wraps it in the root
// element, whose attributes depend on what the body found.
func draw(o Options) (string, error) {
	c := &canvas{o: o, lang: o.lang()}
	var err error
	switch o.View {
	case topology.ViewOverview:
		drawOverview(c)
	case topology.ViewControlPlane:
		drawControlPlane(c)
	case topology.ViewDataPlane:
		drawDataPlane(c)
	default:
		err = drawEndpoints(c)
	}
	if err != nil {
		return "", err
	}
	return c.document(), nil
}

// document wraps the drawn body in the root <svg> element.
func (c *canvas) document() string {
	var d svgw
	root := []string{
		"xmlns", "http://www.w3.org/2000/svg",
		"viewBox", "0 0 " + itoa(c.w) + " " + itoa(c.h),
	}
	class := "eks-diagram eks-diagram--" + string(c.o.View)
	if c.o.Standalone {
		d.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		root = append(root, "width", itoa(c.w), "height", itoa(c.h))
		class += " eks-diagram--standalone"
		if c.anim != "" {
			class += " eks-diagram--animate"
		}
	}
	root = append(root, "class", class, "role", "img",
		"aria-labelledby", c.id("eks-diagram-title")+" "+c.id("eks-diagram-desc"), "lang", c.lang,
		"data-view", string(c.o.View))
	root = append(root, c.data...)
	d.open("svg", root...)
	d.elem("title", c.title, "id", c.id("eks-diagram-title"))
	d.elem("desc", strings.Join(c.desc, "\n"), "id", c.id("eks-diagram-desc"))
	if c.o.Standalone {
		d.open("style")
		d.raw(cdata(standaloneCSS() + c.anim))
		d.close("style")
	}
	writeDefs(&d, c.o.IDPrefix)
	d.rect(Box{0, 0, c.w, c.h}, "diagram-bg")
	d.raw(c.b.String())
	d.close("svg")
	return d.b.String()
}

// id is a document id with the caller's prefix.
func (c *canvas) id(s string) string { return c.o.IDPrefix + s }

// cdata wraps CSS so that it is well-formed XML whatever it holds.
func cdata(s string) string {
	return "<![CDATA[\n" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>\n"
}
