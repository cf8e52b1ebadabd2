package diagram

import (
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Text sizes in viewBox units; diagram.css sets the same sizes per class.
const (
	sizeComp  = 14 // .comp-label
	sizeSmall = 13 // .label-small, .zone-label--small, tags
	lineComp  = 17
	lineSmall = 16
)

// drawZones draws the group outlines, outer first, each with its caption
// in the top-left corner.
func drawZones(c *canvas, s *scene) {
	c.open("g", "class", "zones")
	for _, z := range s.zones {
		c.rect(z.box, z.class+" zone-box", "rx", zoneRadius(z.class))
		small := !strings.HasPrefix(z.class, "zone ")
		size, lh, cls := sizeComp, lineComp, "zone-label"
		if small {
			size, lh, cls = sizeSmall, lineSmall, "zone-label zone-label--small"
		}
		ls := wrap(z.label, z.box.W-20, size)
		y := z.box.Y + 19
		if z.bottom {
			y = z.box.Y2() - 9 - (len(ls)-1)*lh
		}
		for i, l := range ls {
			c.text(z.box.X+10, y+i*lh, cls, "start", l)
		}
	}
	c.close("g")
}

func zoneRadius(class string) string {
	if strings.HasPrefix(class, "zone ") {
		return "10"
	}
	return "6"
}

// compName is the component's name from the model, in the page language.
// The model names every component (a topology test says so), so the
// diagram keeps no second list of names.
func compName(p placed, lang string) string {
	if n := p.comp.Name.In(lang); n != "" {
		return n
	}
	return string(p.id)
}

// drawComps draws every placed component as a labelled box. custom, if
// set, may draw a component's content itself and then reports true.
func drawComps(c *canvas, s *scene, custom func(p placed) bool) {
	c.open("g", "class", "comps")
	for _, p := range s.comps {
		kv := []string{"class", "comp comp--" + string(p.id), "data-comp", string(p.id)}
		if p.az >= 0 {
			kv = append(kv, "data-az", string(rune('a'+p.az)))
		}
		c.open("g", kv...)
		c.rect(p.box, "comp-box", "rx", "6")
		switch {
		case custom != nil && custom(p):
		case p.id == topology.Kubelet:
			drawNode(c, p)
		default:
			centredLabel(c, p.box, compName(p, c.lang), 0)
		}
		c.close("g")
	}
	c.close("g")
}

// centredLabel writes a wrapped label centred in b, shifted down by dy.
func centredLabel(c *canvas, b Box, label string, dy int) {
	size, lh, cls := sizeComp, lineComp, "comp-label"
	ls := wrap(label, b.W-12, size)
	if len(ls) > 2 && b.W < 120 {
		size, lh, cls = sizeSmall, lineSmall, "comp-label comp-label--small"
		ls = wrap(label, b.W-10, size)
	}
	y := b.CY() - (len(ls)-1)*lh/2 + 5 + dy
	c.lines(b.CX(), y, lh, cls, ls)
}

// drawNode draws a worker node: its name on top and a row of pods.
func drawNode(c *canvas, p placed) {
	b := p.box
	ls := wrap(compName(p, c.lang), b.W-12, sizeComp)
	c.lines(b.CX(), b.Y+22, lineComp, "comp-label", ls)
	pod := T{EN: "pod", KO: "파드"}.In(c.lang)
	const w, gap = 42, 6
	x := b.CX() - (3*w+2*gap)/2
	for i := 0; i < 3; i++ {
		chip := Box{x + i*(w+gap), b.Y2() - 30, w, 20}
		c.rect(chip, "pod", "rx", "4")
		c.text(chip.CX(), chip.Y+15, "pod-label", "middle", pod)
	}
}
