package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// drawLegend draws the four networks (colour, dash pattern, name) in a row
// from (x, y), and the DNS lookup style when dns is set.
func drawLegend(c *canvas, x, y int, dns bool) {
	legend(c, x, y, topology.Networks(), dns)
}

// drawLegendOf draws the legend entries of the given networks only.
func drawLegendOf(c *canvas, x, y int, nets []topology.Network) {
	legend(c, x, y, nets, false)
}

func legend(c *canvas, x, y int, nets []topology.Network, dns bool) {
	c.open("g", "class", "legend")
	for _, n := range nets {
		x = legendItem(c, x, y, "legend-line link--"+string(n), n.Label().In(c.lang), string(n))
	}
	if dns {
		x = legendItem(c, x, y, "legend-line legend-line--dns", lblDNSLookup.In(c.lang), "dns")
	}
	c.close("g")
}

// legendItem draws one entry and returns where the next one starts.
func legendItem(c *canvas, x, y int, lineClass, label, key string) int {
	c.open("g", "class", "legend-item", "data-network", key)
	c.empty("path", "class", lineClass, "d", "M"+itoa(x)+" "+itoa(y+14)+" L"+itoa(x+40)+" "+itoa(y+14), "fill", "none")
	c.text(x+48, y+19, "legend-label", "start", label)
	c.close("g")
	c.legendEnd = c.texts[len(c.texts)-1].X2()
	return x + 48 + textWidth(label, sizeSmall) + 28
}

// drawNotes writes the caller's notes as bullet lines from y down, one
// every 20 units.
func drawNotes(c *canvas, y int) {
	for i, n := range c.o.Notes {
		c.text(16, y+i*20, "note", "start", "• "+n)
	}
}

// drawCaption writes a right-aligned caption on the legend row.
func drawCaption(c *canvas, y int, s string) {
	if c.w-16-inkWidth(s, sizeSmall, false) < c.legendEnd+16 {
		y += 19 // a long caption (a lab configuration's) goes under the legend
	}
	c.text(c.w-16, y+19, "caption", "end", s)
}
