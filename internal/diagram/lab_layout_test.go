package diagram

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

var (
	viewBoxRe = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	calloutRe = regexp.MustCompile(`<rect class="tag-bg[^"]*" x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)"`)
)

// Every callout (DNS tags, blocked reasons) of every lab layout stays on
// the canvas: the lab draws placements the chapter never does (a bastion
// at the right edge, nodes in public subnets, on-premises clients).
func TestLabLayoutsKeepCalloutsOnTheCanvas(t *testing.T) {
	for _, mode := range topology.Modes() {
		for _, loc := range topology.Locations() {
			for _, nodes := range topology.NodePlacements() {
				for _, sg := range []bool{true, false} {
					cfg, err := topology.ConfigFor(mode)
					require.NoError(t, err)
					cfg.Client, cfg.Nodes, cfg.SG443 = loc, nodes, sg
					for _, f := range topology.Flows() {
						var b bytes.Buffer
						require.NoError(t, Render(&b, Options{View: topology.ViewEndpoints, Flow: f, Lang: "ko", Config: &cfg}))
						vb := viewBoxRe.FindStringSubmatch(b.String())
						w, _ := strconv.Atoi(vb[1])
						h, _ := strconv.Atoi(vb[2])
						for _, m := range calloutRe.FindAllStringSubmatch(b.String(), -1) {
							x, _ := strconv.Atoi(m[1])
							y, _ := strconv.Atoi(m[2])
							cw, _ := strconv.Atoi(m[3])
							ch, _ := strconv.Atoi(m[4])
							assert.True(t, x >= 0 && y >= 0 && x+cw <= w && y+ch <= h,
								"%s %s %s sg443=%v %s: callout %v off the %dx%d canvas", mode, loc, nodes, sg, f, m[1:], w, h)
						}
					}
				}
			}
		}
	}
}
