package diagram

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// drawEndpoints draws the map of one endpoint-access configuration with its
// flows: the selected one numbered step by step, the others faded.
func drawEndpoints(c *canvas) error {
	cfg := c.o.config()
	res, err := topology.Resolve(cfg)
	if err != nil {
		return err
	}
	s := mapScene(topology.Build(cfg), cfg, c.lang, true)
	c.w, c.h = s.w, s.h
	mode := cfg.Mode()
	c.title = topology.ViewEndpoints.Label().In(c.lang) + ": " + mode.Label().In(c.lang)

	c.spots = newSpotter(s, s.h-44)
	drawZones(c, s)
	drawComps(c, s, nil)
	var sel *topology.Flow
	for i, f := range res.Flows {
		if f.ID == c.o.Flow {
			sel = &res.Flows[i]
			continue
		}
		drawFadedFlow(c, f, layoutFlow(s, f, mapRoute))
	}
	steps := 0
	if sel != nil {
		ds := layoutFlow(s, *sel, mapRoute)
		steps = len(sel.Steps)
		drawSelectedFlow(c, *sel, ds)
		if sel.Blocked != nil {
			drawBlocked(c, s, *sel.Blocked, flowAZ(s, ds))
		}
		drawPacket(c, ds)
		c.title += " — " + sel.ID.Label().In(c.lang)
		if c.o.Standalone && c.o.Animate {
			c.anim = animationCSS(c, ds)
			drawPacketRuns(c, ds)
		}
	}
	drawLegend(c, 16, s.h-44, true)
	caption := mode.Label().In(c.lang)
	if sel != nil {
		caption += " · " + sel.ID.Label().In(c.lang)
	}
	drawCaption(c, s.h-44, caption)
	c.data = []string{"data-mode", string(mode), "data-flow", string(c.o.Flow), "data-steps", itoa(steps)}
	c.desc = endpointsDesc(c, s, res, sel)
	return nil
}

// drawFadedFlow draws an unselected flow faintly, unnumbered.
func drawFadedFlow(c *canvas, f topology.Flow, ds []drawnStep) {
	c.open("g", "class", "flow flow--faded", "data-flow", string(f.ID))
	for _, d := range ds {
		c.empty("path", "class", "flow-path link--"+string(d.step.Network), "data-kind", string(d.step.Kind),
			"d", pathD(d.pts), "fill", "none")
	}
	c.close("g")
}

// drawSelectedFlow draws each step as a group the page script can light
// up: its path (id step-N), a numbered badge at the path's middle and, for
// a DNS lookup, the question and the answer.
func drawSelectedFlow(c *canvas, f topology.Flow, ds []drawnStep) {
	c.open("g", "class", "flow flow--selected", "data-flow", string(f.ID))
	var badges []fpoint // the image pull crosses the same hops once per leg
	for _, d := range ds {
		st := d.step
		c.open("g", "class", "step", "data-step", itoa(d.n), "data-kind", string(st.Kind),
			"data-network", string(st.Network), "data-from", string(st.From), "data-to", string(st.To))
		kv := []string{"class", "step-path link--" + string(st.Network), "id", c.id("step-" + itoa(d.n)),
			"d", pathD(d.pts), "fill", "none", "marker-end", c.arrow(st.Network)}
		if st.Kind == topology.StepDNS {
			kv = append(kv, "marker-start", c.arrow(st.Network))
		}
		c.empty("path", kv...)
		mx, my, horiz := badgeSpot(d.pts, badges)
		badges = append(badges, fpoint{mx, my})
		if st.Kind == topology.StepDNS {
			drawDNSTag(c, mx, my, horiz, st.Answer)
		}
		c.open("g", "class", "hop-num hop-num--"+string(st.Network))
		c.empty("circle", "cx", ftoa(mx), "cy", ftoa(my), "r", "11")
		c.elem("text", itoa(d.n), "x", ftoa(mx), "y", ftoa(my+5), "text-anchor", "middle")
		c.close("g")
		c.close("g")
	}
	c.close("g")
}

type fpoint struct{ x, y float64 }

// badgeSpot is where a step's number goes: the middle of its path, or,
// where another number already sits (the image pull crosses the NAT
// gateway once per leg), further along the path, or beside it.
func badgeSpot(pts []Point, taken []fpoint) (float64, float64, bool) {
	free := func(x, y float64) bool {
		for _, p := range taken {
			if (p.x-x)*(p.x-x)+(p.y-y)*(p.y-y) < 24*24 {
				return false
			}
		}
		return true
	}
	for _, f := range []float64{0.5, 0.3, 0.7, 0.15, 0.85} {
		if x, y, h := along(pts, f); free(x, y) {
			return x, y, h
		}
	}
	x, y, h := along(pts, 0.5)
	for _, d := range []float64{24, -24, 48, -48, 72} {
		dx, dy := d, 0.0
		if h {
			dx, dy = 0, -d
		}
		if free(x+dx, y+dy) {
			return x + dx, y + dy, h
		}
	}
	return x, y, h
}

// drawDNSTag labels a lookup "DNS?" with its answer beside the badge: to
// the right of a vertical path, above a horizontal one.
func drawDNSTag(c *canvas, mx, my float64, horiz bool, a topology.Answer) {
	q := lblDNSQ.In(c.lang)
	ans := "→ " + answerShort(a).In(c.lang)
	w, h := max(textWidth(q, sizeSmall), textWidth(ans, sizeSmall))+12, 36
	x, y := int(mx), int(my)
	right, left := Box{x + 16, y - h/2, w, h}, Box{x - 16 - w, y - h/2, w, h}
	above, below := Box{x - w/2, y - 14 - h, w, h}, Box{x - w/2, y + 14, w, h}
	cands := []Box{right, left, above, below}
	if horiz {
		cands = []Box{above, below, right, left}
	}
	// Where lookups share a path (an image pull asks three names), the
	// nearest spots are taken: step further out along the path's side.
	for d := h + 6; d <= 4*(h+6); d += h + 6 {
		if horiz {
			cands = append(cands, Box{above.X - d, above.Y, w, h}, Box{above.X + d, above.Y, w, h})
		} else {
			cands = append(cands, Box{right.X, right.Y - d, w, h}, Box{right.X, right.Y + d, w, h}, Box{left.X, left.Y - d, w, h}, Box{left.X, left.Y + d, w, h})
		}
	}
	b := c.spots.take(cands...)
	x, y = b.X, b.Y
	c.open("g", "class", "dns-tag dns-tag--"+string(a))
	c.rect(b, "tag-bg", "rx", "4")
	c.text(x+6, y+15, "dns-q", "start", q)
	c.text(x+6, y+31, "dns-answer", "start", ans)
	c.close("g")
}

// drawPacket places the packet token at the start of the first step,
// hidden until the page script moves it.
func drawPacket(c *canvas, ds []drawnStep) {
	if len(ds) == 0 {
		return
	}
	p := ds[0].pts[0]
	hop, dns := lblPacketHop.In(c.lang), lblDNSQ.In(c.lang)
	c.open("g", "class", "packet packet--hidden", "id", c.id("packet"), "data-label-hop", hop, "data-label-dns", dns,
		"transform", fmt.Sprintf("translate(%d %d)", p.X, p.Y))
	drawToken(c, firstLabel(ds, hop, dns))
	c.close("g")
}

func firstLabel(ds []drawnStep, hop, dns string) string {
	if ds[0].step.Kind == topology.StepDNS {
		return dns
	}
	return hop
}

// drawToken draws the packet's pill centred on the origin.
func drawToken(c *canvas, label string) {
	w := textWidth(label, sizeSmall) + 16
	c.empty("rect", "class", "packet-box", "x", itoa(-w/2), "y", "-11", "width", itoa(w), "height", "22", "rx", "11")
	c.elem("text", label, "class", "packet-label", "x", "0", "y", "5", "text-anchor", "middle")
}

// answerShort names a DNS answer on the diagram's tag.
func answerShort(a topology.Answer) T {
	switch a {
	case topology.AnswerPrivate, topology.AnswerEndpoint:
		return lblPrivateIP
	case topology.AnswerNone:
		return lblNoAnswer
	}
	return lblPublicIP
}
