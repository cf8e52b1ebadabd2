package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// writeDefs writes one arrowhead marker per network. The markers turn
// with the path at both ends, so a DNS lookup can show its answer coming
// back with marker-start; their size does not follow the stroke, so a
// highlighted (thicker) step keeps the same arrowhead.
func writeDefs(d *svgw, prefix string) {
	d.open("defs")
	for _, n := range topology.Networks() {
		d.open("marker", "id", prefix+"eks-arrow-"+string(n), "class", "arrow arrow--"+string(n),
			"viewBox", "0 0 10 10", "refX", "9", "refY", "5",
			"markerUnits", "userSpaceOnUse", "markerWidth", "14", "markerHeight", "14", "orient", "auto-start-reverse")
		d.empty("path", "d", "M0 0 L10 5 L0 10 z")
		d.close("marker")
	}
	d.close("defs")
}

// arrow returns the marker reference for a network.
func (c *canvas) arrow(n topology.Network) string {
	return "url(#" + c.id("eks-arrow-"+string(n)) + ")"
}
