package diagram

import (
	"math"
	"slices"
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// stepMarks is where a selected step's number and DNS tag go, and where
// the packet rests once the step is done.
type stepMarks struct {
	badge fpoint
	horiz bool     // the path runs horizontally at the badge
	rest  restSpot // where the packet stops
	tag   *Box     // the DNS tag of a lookup
}

// Sizes of the selected flow's marks.
const (
	badgeR    = 11 // radius of a hop number's circle
	packetH   = 22 // height of the packet's pill
	textClear = 2  // room kept between the packet and a text
	// badgeClear is the room kept round a number: numbers stacked beside
	// a path shared by several legs sit 24 apart, 2 clear of each other.
	badgeClear = 1
)

// planSteps places every step's marks, each clear of the labels and of
// every mark placed before it; what it places joins the spotter, so the
// next marks (and the blocked reason) keep clear too. Numbers and DNS
// tags, always shown, go first, each number on its own path; then, in
// what room is left, where the packet rests after each step, which it
// shows only then.
func planSteps(c *canvas, ds []drawnStep) []stepMarks {
	out := make([]stepMarks, len(ds))
	for i, d := range ds {
		m := firstClear(c.spots, badgeSpots(d.pts))
		c.spots.addText(badgeBox(m.badge))
		if d.step.Kind == topology.StepDNS {
			b := placeDNSTag(c, m.badge, m.horiz, d.step.Answer)
			m.tag = &b
		}
		out[i] = m
	}
	for i, d := range ds {
		label := packetLabel(c, d)
		out[i].rest = restFor(c.spots, d.pts, label, d.step.Kind == topology.StepDNS)
		c.spots.addToken(out[i].rest.box(d.pts, label))
	}
	return out
}

// drawSelectedFlow draws the steps in two layers. First every step's
// path, as a group the page script lights up (id step-N; data-rest is
// where packet.js leaves the packet); then every step's number and DNS
// tag, so that no later path is drawn over an earlier step's number.
func drawSelectedFlow(c *canvas, f topology.Flow, ds []drawnStep, marks []stepMarks) {
	c.open("g", "class", "flow flow--selected", "data-flow", string(f.ID))
	for i, d := range ds {
		st := d.step
		c.open("g", "class", "step", "data-step", itoa(d.n), "data-kind", string(st.Kind),
			"data-network", string(st.Network), "data-from", string(st.From), "data-to", string(st.To),
			"data-rest", marks[i].rest.String())
		kv := []string{"class", "step-path link--" + string(st.Network), "id", c.id("step-" + itoa(d.n)),
			"d", pathD(d.pts), "fill", "none", "marker-end", c.arrow(st.Network)}
		if st.Kind == topology.StepDNS {
			kv = append(kv, "marker-start", c.arrow(st.Network))
		}
		c.empty("path", kv...)
		c.close("g")
	}
	for i, d := range ds {
		m := marks[i]
		c.open("g", "class", "step-label", "data-step", itoa(d.n))
		if m.tag != nil {
			drawDNSTag(c, *m.tag, d.step.Answer)
		}
		c.open("g", "class", "hop-num hop-num--"+string(d.step.Network))
		c.empty("circle", "cx", ftoa(m.badge.x), "cy", ftoa(m.badge.y), "r", itoa(badgeR))
		c.elem("text", itoa(d.n), "x", ftoa(m.badge.x), "y", ftoa(m.badge.y+5), "text-anchor", "middle")
		c.close("g")
		c.close("g")
	}
	c.close("g")
}

// packetLabel is what the packet says on step d.
func packetLabel(c *canvas, d drawnStep) string {
	if d.step.Kind == topology.StepDNS {
		return lblDNSQ.In(c.lang)
	}
	return lblPacketHop.In(c.lang)
}

type fpoint struct{ x, y float64 }

// badgeBox is the square a number's circle fills.
func badgeBox(p fpoint) Box {
	return Box{int(math.Floor(p.x)) - badgeR, int(math.Floor(p.y)) - badgeR, 2 * badgeR, 2 * badgeR}
}

func packetBox(x, y float64, label string) Box {
	w := packetWidth(label)
	return Box{int(x) - w/2, int(y) - packetH/2, w, packetH}
}

// firstClear is the first of the number spots clear of every text and
// resting place, or the first if none is.
func firstClear(sp *spotter, badges []stepMarks) stepMarks {
	for _, bm := range badges {
		if sp.clearOfAll(badgeBox(bm.badge), badgeClear) {
			return bm
		}
	}
	return badges[0]
}

// restFor is the first resting place of the packet on the canvas and
// clear of every text (numbers and tags included), or the first if none
// is.
func restFor(sp *spotter, pts []Point, label string, dns bool) restSpot {
	rests := restSpots(pts, label, dns)
	for _, r := range rests {
		if b := r.box(pts, label); sp.inside(b) && sp.clearOfText(b, textClear) {
			return r
		}
	}
	return rests[0]
}

// badgeSpots are the places a step's number may take, best first: the
// middle of its path, further along it, beside the middle, then near the
// ends and beside those (a short path among busy ones).
func badgeSpots(pts []Point) []stepMarks {
	var out []stepMarks
	on := func(f float64) {
		x, y, h := along(pts, f)
		out = append(out, stepMarks{badge: fpoint{x, y}, horiz: h})
	}
	beside := func(f float64) {
		x, y, h := along(pts, f)
		for _, d := range []float64{24, -24, 48, -48, 72} {
			dx, dy := d, 0.0
			if h {
				dx, dy = 0, -d
			}
			out = append(out, stepMarks{badge: fpoint{x + dx, y + dy}, horiz: h})
		}
	}
	for _, f := range []float64{0.5, 0.3, 0.7, 0.15, 0.85} {
		on(f)
	}
	beside(0.5)
	on(0.05)
	on(0.95)
	for _, f := range []float64{0.15, 0.85, 0.05, 0.95} {
		beside(f)
	}
	return out
}

// restSpot is where the packet stops after a step: at fraction f of the
// path's length, moved by (dx, dy) where the path has no room for it.
type restSpot struct {
	f      float64
	dx, dy int
}

// String is the spot as packet.js reads it from data-rest: "f", or
// "f dx dy".
func (r restSpot) String() string {
	f := strconv.FormatFloat(r.f, 'f', -1, 64)
	if r.dx == 0 && r.dy == 0 {
		return f
	}
	return f + " " + itoa(r.dx) + " " + itoa(r.dy)
}

// box is the packet's pill at r on the path pts.
func (r restSpot) box(pts []Point, label string) Box {
	x, y, _ := along(pts, r.f)
	return packetBox(x+float64(r.dx), y+float64(r.dy), label)
}

// restSpots are where the packet may rest after a step, best first: on
// the path, from the end of a hop backwards or from the start of a DNS
// lookup (back at the asker) forwards, in twentieths so that the
// fraction in the SVG is exact; then, for a path too short to hold it
// clear of the labels at its ends, beside the path near the same end.
func restSpots(pts []Point, label string, dns bool) []restSpot {
	var fs []float64
	for i := 20; i >= 0; i-- {
		f := float64(i) / 20
		if dns {
			f = float64(20-i) / 20
		}
		fs = append(fs, f)
	}
	out := make([]restSpot, 0, 5*len(fs))
	for _, f := range fs {
		out = append(out, restSpot{f: f})
	}
	// Beside a horizontal path, above or below it; beside a vertical one,
	// left or right, a step further each time.
	step, across := packetH/2+badgeR+textClear+2, packetWidth(label)/2+badgeR+textClear+2
	for k := 1; k <= 3; k++ {
		for _, f := range fs[:11] {
			_, _, h := along(pts, f)
			for _, sign := range []int{1, -1} {
				if h {
					out = append(out, restSpot{f: f, dy: sign * (step + (k-1)*packetH)})
				} else {
					out = append(out, restSpot{f: f, dx: sign * (across + (k-1)*packetH)})
				}
			}
		}
	}
	// Last, anywhere near the end the step leaves it at, nearest first.
	var near []restSpot
	for dy := -4; dy <= 4; dy++ {
		for dx := -4; dx <= 4; dx++ {
			near = append(near, restSpot{f: fs[0], dx: dx * packetWidth(label) / 3, dy: dy * (packetH + textClear)})
		}
	}
	slices.SortStableFunc(near, func(a, b restSpot) int { return (a.dx*a.dx + a.dy*a.dy) - (b.dx*b.dx + b.dy*b.dy) })
	return append(out, near...)
}

// placeDNSTag finds room for a lookup's "DNS?" and its answer beside the
// number: to the right of a vertical path, above a horizontal one.
func placeDNSTag(c *canvas, at fpoint, horiz bool, a topology.Answer) Box {
	w, h := dnsTagSize(c, a)
	x, y := int(at.x), int(at.y)
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
	return c.spots.take(cands...)
}

func dnsTagSize(c *canvas, a topology.Answer) (int, int) {
	q, ans := lblDNSQ.In(c.lang), "→ "+answerShort(a).In(c.lang)
	return max(textWidth(q, sizeSmall), textWidth(ans, sizeSmall)) + 12, 36
}

// drawDNSTag labels a lookup "DNS?" with its answer in the box b.
func drawDNSTag(c *canvas, b Box, a topology.Answer) {
	c.open("g", "class", "dns-tag dns-tag--"+string(a))
	c.rect(b, "tag-bg", "rx", "4")
	c.text(b.X+6, b.Y+15, "dns-q", "start", lblDNSQ.In(c.lang))
	c.text(b.X+6, b.Y+31, "dns-answer", "start", "→ "+answerShort(a).In(c.lang))
	c.close("g")
}
