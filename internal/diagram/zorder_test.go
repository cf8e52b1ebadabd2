package diagram

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// SVG paints in document order. Every hop number and DNS tag must come
// after every flow's path, or a later leg's path (the image pull crosses
// the same hops once per leg) is drawn over an earlier leg's number.
func TestHopNumbersAreDrawnAboveEveryPath(t *testing.T) {
	for _, o := range textCases() {
		if o.Flow == "" {
			continue
		}
		es := parseTree(t, mustRender(t, o))
		lastPath, marks := -1, 0
		for i, e := range es {
			if e.has("step-path") || e.has("flow-path") {
				lastPath = i
			}
		}
		for i, e := range es {
			if e.has("hop-num") || e.has("dns-tag") {
				marks++
				if i < lastPath {
					assert.Fail(t, "a path is drawn over a mark", "%s: %s is element %d, a flow path comes later at %d",
						caseName(o), describe(es, i), i, lastPath)
				}
			}
		}
		assert.Positive(t, marks, caseName(o))
	}
}
