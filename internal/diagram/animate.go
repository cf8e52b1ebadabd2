package diagram

import (
	"fmt"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Timing of the standalone animation, in seconds: each step lights up for
// stepSecs after the one before it, then the whole path holds for holdSecs
// and the cycle starts again.
const (
	stepSecs = 1.4
	holdSecs = 3.0
)

// animationCSS plays the flow in pure CSS. Every step has its own
// @keyframes over one shared cycle and starts after the step before it by
// animation-delay; the same cycle length keeps them in step as they loop.
// The packet token of each step moves along that step's path with
// offset-path. Reduced motion keeps the static picture, without a packet.
func animationCSS(c *canvas, ds []drawnStep) string {
	n := len(ds)
	if n == 0 {
		return ""
	}
	cycle := float64(n)*stepSecs + holdSecs
	var b strings.Builder
	b.WriteString("\n/* animation of the selected flow */\n")
	for i, d := range ds {
		delay := float64(i) * stepSecs
		future := cycle - delay // in the step's own timeline, when the next cycle's wait starts
		const faint, lit, past = "opacity: 0.2; stroke-width: 4px;", "opacity: 1; stroke-width: 8px;", "opacity: 1; stroke-width: 4px;"
		anim := fmt.Sprintf("%ss linear infinite both; animation-delay: %ss", secs(cycle), secs(delay))
		fmt.Fprintf(&b, "#%sstep-%d { animation: eks-step-%d %s; }\n", c.o.IDPrefix, d.n, d.n, anim)
		writeKeyframes(&b, fmt.Sprintf("eks-step-%d", d.n), cycle, []frame{
			{0, faint}, {0.05, lit}, {stepSecs, lit}, {stepSecs + 0.2, past}, {future - 0.05, past}, {future, faint}, {cycle, faint},
		})
		fmt.Fprintf(&b, ".step-label[data-step=\"%d\"] .hop-num { animation: eks-badge-%d %s; }\n", d.n, d.n, anim)
		writeKeyframes(&b, fmt.Sprintf("eks-badge-%d", d.n), cycle, []frame{
			{0, "opacity: 0.3;"}, {0.05, "opacity: 1;"}, {future - 0.05, "opacity: 1;"}, {future, "opacity: 0.3;"}, {cycle, "opacity: 0.3;"},
		})
		fmt.Fprintf(&b, "#%spacket-run-%d { offset-path: path('%s'); offset-rotate: 0deg; animation: eks-packet-%d %s; }\n",
			c.o.IDPrefix, d.n, pathD(d.pts), d.n, anim)
		writeKeyframes(&b, fmt.Sprintf("eks-packet-%d", d.n), cycle, []frame{
			{0, "opacity: 0; offset-distance: 0%;"}, {0.05, "opacity: 1; offset-distance: 0%;"},
			{stepSecs - 0.15, "opacity: 1; offset-distance: 100%;"}, {stepSecs, "opacity: 0; offset-distance: 100%;"},
			{cycle, "opacity: 0; offset-distance: 100%;"},
		})
	}
	b.WriteString("@media (prefers-reduced-motion: reduce) {\n")
	b.WriteString("  .packet-run { display: none; animation: none; }\n")
	b.WriteString("  .step-path, .hop-num { animation: none !important; }\n}\n")
	return b.String()
}

// drawPacketRuns draws one packet token per step for the CSS animation to
// move; outside its step's time each is transparent.
func drawPacketRuns(c *canvas, ds []drawnStep) {
	c.open("g", "class", "packet-runs", "aria-hidden", "true")
	for _, d := range ds {
		label := lblPacketHop.In(c.lang)
		if d.step.Kind == topology.StepDNS {
			label = lblDNSQ.In(c.lang)
		}
		c.open("g", "class", "packet-run", "id", c.id("packet-run-"+itoa(d.n)))
		drawToken(c, label)
		c.close("g")
	}
	c.close("g")
}

// frame is a keyframe at a time (seconds into the cycle).
type frame struct {
	at   float64
	decl string
}

// writeKeyframes writes @keyframes name, dropping frames that fall outside
// the cycle or do not move forward in time (the first step has no wait).
func writeKeyframes(b *strings.Builder, name string, cycle float64, fs []frame) {
	fmt.Fprintf(b, "@keyframes %s {", name)
	last := -1.0
	for _, f := range fs {
		if f.at <= last || f.at > cycle {
			continue
		}
		last = f.at
		fmt.Fprintf(b, " %s%% { %s }", pct(f.at, cycle), f.decl)
	}
	b.WriteString(" }\n")
}

func pct(part, whole float64) string { return ftoa2(100 * part / whole) }
func secs(s float64) string          { return ftoa2(s) }

// ftoa2 formats with at most two decimals.
func ftoa2(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" {
		return "0"
	}
	return s
}
