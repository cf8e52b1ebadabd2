package diagram

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// node is a parsed element: its name, attributes and text.
type node struct {
	name  string
	attrs map[string]string
	text  string
}

// mustParse walks the document with encoding/xml and returns every element.
func mustParse(tb testing.TB, svg []byte) []node {
	tb.Helper()
	var out []node
	for _, e := range parseTree(tb, svg) {
		out = append(out, node{name: e.name, attrs: e.attrs, text: e.text})
	}
	require.NotEmpty(tb, out)
	return out
}

func hasClass(n node, class string) bool {
	for _, c := range strings.Fields(n.attrs["class"]) {
		if c == class {
			return true
		}
	}
	return false
}

func TestEveryCaseIsWellFormedAndAccessible(t *testing.T) {
	for _, o := range goldenCases() {
		t.Run(goldenName(o), func(t *testing.T) {
			ns := mustParse(t, mustRender(t, o))
			root := ns[0]
			assert.Equal(t, "svg", root.name)
			assert.Equal(t, "img", root.attrs["role"])
			assert.Equal(t, "eks-diagram-title eks-diagram-desc", root.attrs["aria-labelledby"])
			assert.Equal(t, string(o.View), root.attrs["data-view"])
			assert.Equal(t, "title", ns[1].name)
			assert.NotEmpty(t, strings.TrimSpace(ns[1].text))
			assert.Equal(t, "desc", ns[2].name)
			assert.NotEmpty(t, strings.TrimSpace(ns[2].text))
			for _, n := range ns {
				if n.name == "text" {
					assert.NotEmpty(t, strings.TrimSpace(n.text), "empty <text>")
				}
			}
		})
	}
}

func TestPageEmbeddedHasNoInlineStyle(t *testing.T) {
	for _, o := range goldenCases() {
		if o.Standalone {
			continue
		}
		svg := string(mustRender(t, o))
		assert.NotContains(t, svg, " style=", goldenName(o))
		assert.NotContains(t, svg, "<style", goldenName(o))
	}
}

func TestStandaloneEmbedsLightTheme(t *testing.T) {
	svg := string(mustRender(t, Options{View: topology.ViewOverview, Standalone: true}))
	assert.True(t, strings.HasPrefix(svg, "<?xml"))
	assert.Contains(t, svg, `xmlns="http://www.w3.org/2000/svg"`)
	assert.Contains(t, svg, `width="1280"`)
	assert.Contains(t, svg, "<style>")
	assert.Contains(t, svg, "Apple SD Gothic Neo")
	assert.Contains(t, svg, "Noto Sans CJK KR")
	assert.NotContains(t, svg, "prefers-color-scheme", "standalone is light only")
	assert.NotContains(t, svg, "var(--", "custom properties are resolved for SVG tools")
	assert.Contains(t, svg, ".diagram-bg { fill: #ffffff; }")
	assert.NotContains(t, svg, "@keyframes", "no animation unless asked")
}

func TestStandaloneAnimation(t *testing.T) {
	o := Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Standalone: true, Animate: true}
	svg := string(mustRender(t, o))
	n := len(mustFlow(t, o).Steps)
	for i := 1; i <= n; i++ {
		num := itoa(i)
		assert.Contains(t, svg, "@keyframes eks-step-"+num+" ")
		assert.Contains(t, svg, "#packet-run-"+num+" { offset-path: path('M")
		assert.Contains(t, svg, `id="packet-run-`+num+`"`)
	}
	assert.Contains(t, svg, "#step-2 { animation: eks-step-2 ")
	assert.Contains(t, svg, "animation-delay: "+secs(stepSecs)+"s; }", "step 2 starts after step 1")
	assert.Contains(t, svg, "@media (prefers-reduced-motion: reduce)")
	assert.Contains(t, svg, "eks-diagram--animate")

	page := string(mustRender(t, Options{View: o.View, Mode: o.Mode, Flow: o.Flow, Animate: true}))
	assert.NotContains(t, page, "@keyframes", "animation is for standalone files only")
}

func mustFlow(tb testing.TB, o Options) topology.Flow {
	tb.Helper()
	res, err := topology.Resolve(o.config())
	require.NoError(tb, err)
	f, ok := res.Flow(o.Flow)
	require.True(tb, ok)
	return f
}

func TestStepsFollowTheResolver(t *testing.T) {
	for _, m := range topology.Modes() {
		for _, fl := range topology.Flows() {
			o := Options{View: topology.ViewEndpoints, Mode: m, Flow: fl}
			t.Run(string(m)+"/"+string(fl), func(t *testing.T) {
				want := mustFlow(t, o).Steps
				ns := mustParse(t, mustRender(t, o))
				assert.Equal(t, itoa(len(want)), ns[0].attrs["data-steps"])
				assert.Equal(t, string(m), ns[0].attrs["data-mode"])
				assert.Equal(t, string(fl), ns[0].attrs["data-flow"])
				var steps, paths, badges []node
				for _, n := range ns {
					switch {
					case hasClass(n, "step"):
						steps = append(steps, n)
					case hasClass(n, "step-path"):
						paths = append(paths, n)
					case n.name == "g" && hasClass(n, "hop-num"):
						badges = append(badges, n)
					}
				}
				require.Len(t, steps, len(want))
				require.Len(t, paths, len(want))
				require.Len(t, badges, len(want))
				for i, s := range want {
					g := steps[i]
					assert.Equal(t, itoa(i+1), g.attrs["data-step"])
					assert.Equal(t, string(s.Kind), g.attrs["data-kind"])
					assert.Equal(t, string(s.Network), g.attrs["data-network"])
					assert.Equal(t, string(s.From), g.attrs["data-from"])
					assert.Equal(t, string(s.To), g.attrs["data-to"])
					assert.Equal(t, "step-"+itoa(i+1), paths[i].attrs["id"])
					assert.True(t, hasClass(paths[i], "link--"+string(s.Network)), "step %d path class %q", i+1, paths[i].attrs["class"])
					assert.True(t, strings.HasPrefix(paths[i].attrs["d"], "M"))
				}
				assert.Len(t, filter(ns, func(n node) bool { return hasClass(n, "flow--faded") }), len(topology.Flows())-1)
				packet := filter(ns, func(n node) bool { return n.attrs["id"] == "packet" })
				require.Len(t, packet, 1)
				assert.True(t, hasClass(packet[0], "packet--hidden"))
			})
		}
	}
}

func filter(ns []node, keep func(node) bool) []node {
	var out []node
	for _, n := range ns {
		if keep(n) {
			out = append(out, n)
		}
	}
	return out
}

// The kubelet's public path in public mode is drawn as what it is: out of
// the customer VPC and round to the NLB's public face on Amazon's network,
// never as an internet hop. Only the admin laptop's request is.
func TestPublicPathIsNotTheInternet(t *testing.T) {
	o := Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}
	ns := mustParse(t, mustRender(t, o))
	hops := func(net string) []node {
		return filter(ns, func(n node) bool {
			return hasClass(n, "step") && n.attrs["data-network"] == net && n.attrs["data-kind"] == "hop"
		})
	}
	assert.Empty(t, hops("internet"), "node traffic does not cross the internet in public mode")
	public := hops("aws-public")
	require.Len(t, public, 1, "public mode: the kubelet's request takes the public path once (IGW → NLB)")
	assert.Equal(t, "igw", public[0].attrs["data-from"])
	assert.Equal(t, "nlb", public[0].attrs["data-to"])
	paths := filter(ns, func(n node) bool { return hasClass(n, "step-path") && hasClass(n, "link--aws-public") })
	require.Len(t, paths, 1)
	// It leaves the customer VPC (x 320) to the left and comes back round.
	assert.Contains(t, paths[0].attrs["d"], "L"+itoa(gutterX)+" ")

	o.Flow = topology.FlowKubectlToAPIServer
	ns = mustParse(t, mustRender(t, o))
	assert.Len(t, filter(ns, func(n node) bool { return hasClass(n, "step-path") && hasClass(n, "link--internet") }), 2,
		"the admin laptop's DNS query and request do cross the internet")
}

// Every network has its own legend entry, arrowhead and stroke class.
func TestLegendNamesEveryNetwork(t *testing.T) {
	ns := mustParse(t, mustRender(t, Options{View: topology.ViewEndpoints, Mode: topology.ModePublic}))
	for _, n := range topology.Networks() {
		items := filter(ns, func(x node) bool { return hasClass(x, "legend-item") && x.attrs["data-network"] == string(n) })
		assert.Len(t, items, 1, n)
		assert.Contains(t, CSS, ".link--"+string(n)+" {", n)
		assert.Contains(t, CSS, ".hop-num--"+string(n)+" circle", n)
		assert.Contains(t, CSS, ".arrow--"+string(n)+" path", n)
	}
}

func TestNoFlowDrawsAllFadedUnnumbered(t *testing.T) {
	ns := mustParse(t, mustRender(t, Options{View: topology.ViewEndpoints, Mode: topology.ModePublic}))
	assert.Equal(t, "0", ns[0].attrs["data-steps"])
	assert.Len(t, filter(ns, func(n node) bool { return hasClass(n, "flow--faded") }), len(topology.Flows()))
	assert.Empty(t, filter(ns, func(n node) bool { return hasClass(n, "hop-num") || hasClass(n, "step") }))
	assert.Empty(t, filter(ns, func(n node) bool { return n.attrs["id"] == "packet" }))
}

func TestLabelsFollowLang(t *testing.T) {
	tests := []struct {
		o      Options
		en, ko string
	}{
		{Options{View: topology.ViewEndpoints, Mode: topology.ModePublic}, "Public subnet", "퍼블릭 서브넷"},
		{Options{View: topology.ViewOverview}, "Customer VPC (your account)", "사용자 VPC(사용자 계정)"},
		{Options{View: topology.ViewControlPlane}, "client-side LB", "클라이언트 측 LB"},
		{Options{View: topology.ViewDataPlane}, "Worker node (kubelet)", "워커 노드(kubelet)"},
	}
	for _, tt := range tests {
		en := string(mustRender(t, tt.o))
		tt.o.Lang = "ko"
		ko := string(mustRender(t, tt.o))
		assert.Contains(t, en, ">"+tt.en+"<")
		assert.NotContains(t, en, tt.ko)
		assert.Contains(t, ko, ">"+tt.ko+"<")
		assert.Contains(t, ko, `lang="ko"`)
	}
}

func TestBlockedFlowShowsWhereAndWhy(t *testing.T) {
	o := Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Config: labBlocked(), Lang: "ko"}
	f := mustFlow(t, o)
	require.NotNil(t, f.Blocked)
	svg := string(mustRender(t, o))
	ns := mustParse(t, []byte(svg))
	blocked := filter(ns, func(n node) bool { return hasClass(n, "blocked") })
	require.Len(t, blocked, 1)
	assert.Equal(t, string(f.Blocked.At), blocked[0].attrs["data-at"])
	assert.Len(t, filter(ns, func(n node) bool { return hasClass(n, "blocked-mark") }), 1)
	words := strings.Fields(f.Blocked.Reason.KO)
	assert.Contains(t, svg, words[0], "the reason is written beside the mark")
	assert.Contains(t, svg, "차단됨")
}

func TestDNSStepShowsQuestionAndAnswer(t *testing.T) {
	for _, tt := range []struct {
		mode   topology.Mode
		answer string
	}{{topology.ModePublic, "→ public IP"}, {topology.ModePrivate, "→ private IP"}} {
		svg := string(mustRender(t, Options{View: topology.ViewEndpoints, Mode: tt.mode, Flow: topology.FlowKubeletToAPIServer}))
		assert.Contains(t, svg, ">DNS?<")
		assert.Contains(t, svg, ">"+tt.answer+"<")
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	o := Options{View: topology.ViewEndpoints, Mode: topology.ModePublicPrivate, Flow: topology.FlowKubeletToAPIServer, Standalone: true, Animate: true}
	first := mustRender(t, o)
	for i := 0; i < 5; i++ {
		assert.Equal(t, first, mustRender(t, o))
	}
}

func TestTextIsLargeEnough(t *testing.T) {
	// Every text class is at least 13px in a viewBox about 1280 wide, so
	// at least 12px on a 1280px-wide page.
	for _, line := range strings.Split(CSS, "\n") {
		if i := strings.Index(line, "font-size:"); i >= 0 {
			var px int
			_, err := fmt.Sscanf(strings.TrimSpace(line[i+len("font-size:"):]), "%dpx", &px)
			require.NoError(t, err, line)
			assert.GreaterOrEqual(t, px, 13, line)
		}
	}
	for _, o := range goldenCases() {
		w := mustParse(t, mustRender(t, o))[0].attrs["viewBox"]
		assert.True(t, strings.HasPrefix(w, "0 0 1280 "), w)
	}
}
