package diagram

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// drawBlocked marks where a flow stops with a red cross on the component
// and the reason beside it.
func drawBlocked(c *canvas, s *scene, b topology.Blocked, az int) {
	p, ok := instanceAt(s, b.At, az)
	if !ok {
		return
	}
	box := p.box
	cx, cy := box.X2()-2, box.Y+2
	c.open("g", "class", "blocked", "data-at", string(b.At))
	c.open("g", "class", "blocked-mark")
	c.empty("circle", "cx", itoa(cx), "cy", itoa(cy), "r", "13")
	c.empty("path", "d", fmt.Sprintf("M%d %d L%d %d M%d %d L%d %d", cx-5, cy-5, cx+5, cy+5, cx+5, cy-5, cx-5, cy+5), "fill", "none")
	c.close("g")

	head := "✕ " + lblBlocked.In(c.lang)
	area, ok := s.areas[p.comp.Zone]
	if !ok {
		area = Box{0, 0, s.w, s.h}
	}
	at, lines := reasonSpot(c, box, area, b.Reason.In(c.lang))
	x, y := at.X, at.Y
	c.open("g", "class", "blocked-reason")
	c.rect(at, "tag-bg blocked-bg", "rx", "6")
	c.text(x+6, y+18, "blocked-head", "start", head)
	for i, l := range lines {
		c.text(x+6, y+36+i*lineSmall, "blocked-text", "start", l)
	}
	c.close("g")
	c.close("g")
}

// reasonSpot finds room for the reason near the blocked component: beside
// it, below, left or above, then further down, in a wide or a narrow box;
// inside the component's zone if it can, anywhere clear if not.
func reasonSpot(c *canvas, box, area Box, reason string) (Box, []string) {
	var cands []Box
	var texts [][]string
	for _, width := range []int{250, 170} {
		lines := wrap(reason, width, sizeSmall)
		w, h := width+12, 28+len(lines)*lineSmall
		near := []Box{
			{box.X2() + 14, box.Y, w, h}, {box.X, box.Y2() + 14, w, h},
			{box.X - 14 - w, box.Y, w, h}, {box.X, box.Y - 14 - h, w, h},
		}
		for dy := 20; dy <= 400; dy += 20 {
			near = append(near, Box{box.X, box.Y2() + 14 + dy, w, h}, Box{box.X2() + 14, box.Y + dy, w, h})
		}
		// Under it and along, past a zone's caption there.
		for dx := 20; dx <= 400; dx += 20 {
			near = append(near, Box{box.X + dx, box.Y2() + 14, w, h})
		}
		// Left of it and down, past a caption at its left.
		for dy := 20; dy <= 400; dy += 20 {
			near = append(near, Box{box.X - 14 - w, box.Y + dy, w, h})
		}
		// A component at the right edge (the bastion's ENI in the last
		// AZ) has no room beside it: right-aligned under or over it.
		for dy := 0; dy <= 400; dy += 20 {
			near = append(near, Box{box.X2() - w, box.Y2() + 14 + dy, w, h}, Box{box.X2() - w, box.Y - 14 - h - dy, w, h})
		}
		for _, n := range near {
			cands = append(cands, n)
			texts = append(texts, lines)
		}
	}
	if c.spots == nil {
		return cands[0], texts[0]
	}
	var inside []Box
	for _, cand := range cands {
		if cand.X >= area.X+6 && cand.X2() <= area.X2()-6 && cand.Y >= area.Y+6 && cand.Y2() <= area.Y2()-6 && c.spots.fits(cand) {
			inside = append(inside, cand)
		}
	}
	at := c.spots.take(append(inside, cands...)...)
	for i, cand := range cands {
		if cand == at {
			return at, texts[i]
		}
	}
	return cands[0], texts[0]
}
