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

	drawZones(c, s)
	drawComps(c, s, nil)
	c.spots = newSpotter(s, s.h-44, c.texts)
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
		drawSelectedFlow(c, *sel, ds, planSteps(c, ds))
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

// packetWidth is how wide the packet's pill is with label: the page
// script sizes it to the label's rendered length (bold) and 20 more.
func packetWidth(label string) int { return inkWidth(label, sizeSmall, true) + 20 }

// drawToken draws the packet's pill centred on the origin.
func drawToken(c *canvas, label string) {
	w := packetWidth(label)
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
