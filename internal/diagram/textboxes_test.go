package diagram

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The text of a diagram is laid out by the server, so whether two pieces
// of it collide is a question about the layout, answered here without a
// browser: every text's box is computed from the SVG as drawn (position,
// anchor, the font diagram.css gives its class, inkWidth's width), every
// callout's from its background, and the packet token's at every step
// where the page script leaves it.

// elem is a parsed element with its place in the tree.
type elem struct {
	name   string
	attrs  map[string]string
	text   string
	parent int // index of the parent element, -1 for the root
}

// parseTree walks the document with encoding/xml and returns every
// element with its parent.
func parseTree(tb testing.TB, svg []byte) []elem {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var out []elem
	stack := []int{-1}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(tb, err, "SVG is not well-formed XML")
		switch t := tok.(type) {
		case xml.StartElement:
			e := elem{name: t.Name.Local, attrs: map[string]string{}, parent: stack[len(stack)-1]}
			for _, a := range t.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top := stack[len(stack)-1]; top >= 0 {
				out[top].text += string(t)
			}
		}
	}
	return out
}

func (e elem) has(class string) bool {
	for _, c := range strings.Fields(e.attrs["class"]) {
		if c == class {
			return true
		}
	}
	return false
}

// within returns the nearest ancestor of es[i] (or es[i] itself) with
// class, or -1.
func within(es []elem, i int, class string) int {
	for ; i >= 0; i = es[i].parent {
		if es[i].has(class) {
			return i
		}
	}
	return -1
}

// textBox is the box one piece of text (or one callout holding text)
// covers, with what it is for the failure message.
type textBox struct {
	Box
	what string
}

var fontRuleRe = regexp.MustCompile(`(?m)^([^{}@]+)\{([^}]*font-(?:size|weight)[^}]*)\}`)
var (
	fontSizeRe   = regexp.MustCompile(`font-size:\s*(\d+)px`)
	fontWeightRe = regexp.MustCompile(`font-weight:\s*(\d+)`)
)

// cssFont is the font size and weight a class gets, and where its rule
// is in diagram.css: of two classes on one text, the later rule wins.
type cssFont struct{ px, weight, order int }

// classSizes maps each text class diagram.css gives a font to its font.
func classSizes(tb testing.TB) map[string]cssFont {
	tb.Helper()
	fonts := map[string]cssFont{}
	for i, m := range fontRuleRe.FindAllStringSubmatch(CSS, -1) {
		f := cssFont{order: i}
		if s := fontSizeRe.FindStringSubmatch(m[2]); s != nil {
			f.px, _ = strconv.Atoi(s[1])
		}
		if w := fontWeightRe.FindStringSubmatch(m[2]); w != nil {
			f.weight, _ = strconv.Atoi(w[1])
		}
		for _, sel := range strings.Split(m[1], ",") {
			parts := strings.Fields(sel)
			fonts[strings.TrimPrefix(parts[len(parts)-1], ".")] = f
		}
	}
	require.NotEmpty(tb, fonts)
	return fonts
}

// fontOf is the font size of a text with the given classes, and whether
// it is bold: each from the latest rule that sets it.
func fontOf(fonts map[string]cssFont, class string) (int, bool) {
	size, weight := cssFont{order: -1}, cssFont{order: -1}
	for _, cl := range strings.Fields(class) {
		f, ok := fonts[cl]
		if ok && f.px > 0 && f.order > size.order {
			size = f
		}
		if ok && f.weight > 0 && f.order > weight.order {
			weight = f
		}
	}
	return size.px, weight.weight >= 600
}

func atof(tb testing.TB, s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		tb.Fatalf("number %q: %v", s, err)
	}
	return f
}

// textBoxes lists every text box of a rendered diagram.
func textBoxes(tb testing.TB, sizes map[string]cssFont, svg []byte) []textBox {
	tb.Helper()
	es := parseTree(tb, svg)
	var out []textBox
	callouts := map[int]bool{}
	for i, e := range es {
		switch {
		case e.name != "text":
			continue
		case within(es, i, "packet") >= 0, within(es, i, "packet-runs") >= 0:
			continue // at the steps' rest points, below
		}
		if c := calloutOf(es, i); c >= 0 {
			if !callouts[c] {
				callouts[c] = true
				out = append(out, textBox{calloutBox(tb, es, c), "callout " + describe(es, c)})
			}
			continue
		}
		size, bold := fontOf(sizes, e.attrs["class"])
		require.NotZero(tb, size, "no font size in diagram.css for <text class=%q>%s", e.attrs["class"], e.text)
		b := labelBox(int(atof(tb, e.attrs["x"])), int(atof(tb, e.attrs["y"])), e.attrs["text-anchor"], e.text, size, bold)
		out = append(out, textBox{b, fmt.Sprintf("%q (%s)", e.text, e.attrs["class"])})
	}
	return append(out, packetBoxes(tb, es)...)
}

// calloutOf is the callout (hop badge, DNS tag, blocked reason) text i
// is part of, or -1: a callout's box is its background, not its lines.
func calloutOf(es []elem, i int) int {
	for _, class := range []string{"hop-num", "dns-tag", "blocked-reason"} {
		if c := within(es, i, class); c >= 0 {
			return c
		}
	}
	return -1
}

// calloutBox is the box of a callout's first shape: a badge's circle or
// a tag's background.
func calloutBox(tb testing.TB, es []elem, c int) Box {
	for _, e := range es[c+1:] {
		switch e.name {
		case "circle":
			cx, cy, r := atof(tb, e.attrs["cx"]), atof(tb, e.attrs["cy"]), atof(tb, e.attrs["r"])
			return Box{int(cx - r), int(cy - r), int(2 * r), int(2 * r)}
		case "rect":
			return Box{int(atof(tb, e.attrs["x"])), int(atof(tb, e.attrs["y"])), int(atof(tb, e.attrs["width"])), int(atof(tb, e.attrs["height"]))}
		}
	}
	tb.Fatalf("callout %s has no shape", describe(es, c))
	return Box{}
}

func describe(es []elem, i int) string {
	e := es[i]
	s := e.attrs["class"]
	for ; i >= 0; i = es[i].parent {
		if n := es[i].attrs["data-step"]; n != "" {
			return s + " of step " + n
		}
	}
	return s
}

var pathPointRe = regexp.MustCompile(`[ML](-?\d+) (-?\d+)`)

// packetBoxes are the packet token's boxes where packet.js leaves it at
// the end of each step: at data-rest on the step's path (packet.js's
// default if the step gives none), its pill as wide as packet.js makes
// it for the step's label.
func packetBoxes(tb testing.TB, es []elem) []textBox {
	tb.Helper()
	pk := -1
	for i, e := range es {
		if e.has("packet") {
			pk = i
		}
	}
	if pk < 0 {
		return nil
	}
	var out []textBox
	for i, e := range es {
		if !e.has("step-path") {
			continue
		}
		step := es[e.parent]
		var pts []Point
		for _, m := range pathPointRe.FindAllStringSubmatch(e.attrs["d"], -1) {
			x, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[2])
			pts = append(pts, Point{x, y})
		}
		require.NotEmpty(tb, pts, "step path %d", i)
		dns := step.attrs["data-kind"] == string(topology.StepDNS)
		label := es[pk].attrs["data-label-hop"]
		if dns {
			label = es[pk].attrs["data-label-dns"]
		}
		r := restSpot{f: 1} // packet.js's default: the end of a hop, the asker of a lookup
		if dns {
			r.f = 0
		}
		if v, ok := step.attrs["data-rest"]; ok {
			n := strings.Fields(v)
			require.True(tb, len(n) == 1 || len(n) == 3, "data-rest=%q", v)
			r.f = atof(tb, n[0])
			if len(n) == 3 {
				r.dx, r.dy = int(atof(tb, n[1])), int(atof(tb, n[2]))
			}
		}
		out = append(out, textBox{r.box(pts, label), "packet " + strconv.Quote(label) + " at the end of step " + step.attrs["data-step"]})
	}
	return out
}

// textCases are the diagrams the layout test looks at: every golden case,
// every mode and flow in both languages, and every lab layout (client
// and node placements the chapters never draw) with each flow.
func textCases() []Options {
	cs := goldenCases()
	for _, lang := range i18n.List() {
		for _, m := range topology.Modes() {
			for _, f := range append([]topology.FlowID{""}, topology.Flows()...) {
				cs = append(cs, Options{View: topology.ViewEndpoints, Mode: m, Flow: f, Lang: lang})
			}
			for _, loc := range topology.Locations() {
				for _, nodes := range topology.NodePlacements() {
					for _, sg := range []bool{true, false} {
						cfg, err := topology.ConfigFor(m)
						if err != nil {
							panic(err)
						}
						cfg.Client, cfg.Nodes, cfg.SG443 = loc, nodes, sg
						for _, f := range topology.Flows() {
							cs = append(cs, Options{View: topology.ViewEndpoints, Flow: f, Lang: lang, Config: &cfg})
						}
					}
				}
			}
		}
	}
	return cs
}

func caseName(o Options) string {
	if o.Config != nil {
		return fmt.Sprintf("%s lab %s/%s/%s sg443=%v %s %s", o.View, o.Config.Mode(), o.Config.Client, o.Config.Nodes, o.Config.SG443, o.Flow, o.lang())
	}
	return strings.TrimSuffix(goldenName(o), ".golden.svg")
}

// TestNoTextOverlapsText: in every view, mode, flow and lab layout, no
// text box comes within a pixel of another.
func TestNoTextOverlapsText(t *testing.T) {
	failed, sizes := 0, classSizes(t)
	for _, o := range textCases() {
		boxes := textBoxes(t, sizes, mustRender(t, o))
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				if strings.HasPrefix(boxes[i].what, "packet") && strings.HasPrefix(boxes[j].what, "packet") {
					continue // one token: never in two places at once
				}
				if overlaps(boxes[i].Box, boxes[j].Box, 1) {
					failed++
					if failed <= 40 {
						t.Errorf("%s: %s %v overlaps %s %v", caseName(o), boxes[i].what, boxes[i].Box, boxes[j].what, boxes[j].Box)
					}
				}
			}
		}
	}
	if failed > 40 {
		t.Errorf("… %d overlaps in all", failed)
	}
}
