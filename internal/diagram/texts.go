package diagram

import (
	"math"
	"strings"
)

// sizeStrong is the size of .label-strong in diagram.css.
const sizeStrong = 15

// textStyle is the font size diagram.css gives a text of the given
// classes, and whether it is bold (weight 600 or more). Modifiers come
// after the class they modify, in the class list as in the stylesheet,
// so the last class that sets a size wins.
func textStyle(class string) (size int, bold bool) {
	size = sizeSmall
	for _, c := range strings.Fields(class) {
		switch c {
		case "comp-label":
			size = sizeComp
		case "zone-label":
			size, bold = sizeComp, true
		case "comp-label--small", "zone-label--small":
			size = sizeSmall
		case "label-strong":
			size, bold = sizeStrong, true
		case "dns-q", "blocked-head", "responsibility-label":
			bold = true
		}
	}
	return size, bold
}

// inkWidth is how wide s may really be drawn, for keeping texts apart.
// textWidth, which wrapping uses, is an average over fonts; measured in
// Chromium with DejaVu Sans (a wide system-ui), real text came out up to
// 11% wider than it for regular text and 20% for bold.
func inkWidth(s string, size int, bold bool) int {
	k := 1.12
	if bold {
		k = 1.22
	}
	return int(math.Ceil(float64(textWidth(s, size)) * k))
}

// labelBox is the box one line of text covers: inkWidth wide, from the
// ascent, 0.8 em above the baseline at y, to the descent, 0.2 em below.
func labelBox(x, y int, anchor, s string, size int, bold bool) Box {
	w := inkWidth(s, size, bold)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return Box{x, y - size*4/5, w, size}
}

// text writes one line of text and remembers its box, so callouts placed
// later keep clear of it.
func (c *canvas) text(x, y int, class, anchor, s string) {
	size, bold := textStyle(class)
	c.texts = append(c.texts, labelBox(x, y, anchor, s, size, bold))
	c.svgw.text(x, y, class, anchor, s)
}

// lines writes lines of text centred on x, the first baseline at y.
func (c *canvas) lines(x, y, lineHeight int, class string, ls []string) {
	for i, l := range ls {
		c.text(x, y+i*lineHeight, class, "middle", l)
	}
}
