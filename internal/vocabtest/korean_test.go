package vocabtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	contentfs "github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Two rules of the style guide beyond its "never" column, for the Korean
// the Go code writes (chapters are checked where they are loaded):
//   - advice is in ~하십시오; ~해 주세요 only in system error messages, and
//     no other 해요체 ending;
//   - no space before a parenthetical gloss: 가용 영역(AZ), 워커 노드(kubelet).
//     Diagram boxes may break a long name before its gloss, so the rule
//     reads the model and the data, not the drawn SVG.
var (
	haeyo      = regexp.MustCompile(`[가-힣](세요|해요|어요|아요|예요|에요)[.!]?(\s|$|\))`)
	glossSpace = regexp.MustCompile(`[가-힣A-Za-z] \([^)]*\)`)
)

// systemErrors are the catalog keys that may ask politely (~해 주세요);
// so may every key under one of systemErrorPrefixes (a refused import, a
// request body the tutor could not read).
var systemErrors = map[string]bool{"serverText": true, "badRequestText": true, "methodNotAllowedText": true,
	"unauthorizedText": true, "tooManyText": true, "unavailableText": true}

var systemErrorPrefixes = []string{"iac.error.", "request.error."}

func isSystemError(key string) bool {
	return systemErrors[key] || slices.ContainsFunc(systemErrorPrefixes, func(p string) bool { return strings.HasPrefix(key, p) })
}

// koreanText is one Korean string and where it comes from.
type koreanText struct{ where, text string }

// Every Korean string a learner reads from Go code follows the style
// guide: the catalog, every name and reason of the model for every
// configuration, the content data, and the text of every diagram.
func TestKoreanFollowsTheStyleGuide(t *testing.T) {
	var texts []koreanText
	texts = append(texts, catalogTexts()...)
	texts = append(texts, modelTexts(t)...)
	texts = append(texts, dataTexts(t)...)
	svg := diagramTexts(t)
	require.Greater(t, len(texts), 100, "the walk found the model's texts")
	require.Greater(t, len(svg), 20, "every view was drawn")

	seen := map[string]bool{} // a label drawn in every diagram is reported once
	for _, kt := range append(texts, svg...) {
		if seen[kt.text] {
			continue
		}
		seen[kt.text] = true
		for _, v := range i18n.CheckKorean(kt.text) {
			t.Errorf("%s: %q: write %s instead of %q", kt.where, kt.text, v.Use, v.Found)
		}
		if m := haeyo.FindString(kt.text); m != "" && !isSystemError(strings.TrimPrefix(kt.where, "catalog ")) {
			t.Errorf("%s: %q: %q is 해요체; advice is ~하십시오, prose 합니다체", kt.where, kt.text, m)
		}
	}
	for _, kt := range texts {
		if m := glossSpace.FindString(kt.text); m != "" {
			t.Errorf("%s: %q: no space before a parenthetical gloss (%q)", kt.where, kt.text, m)
		}
	}
}

// The rules above can fail.
func TestStyleRulesCatch(t *testing.T) {
	assert.Regexp(t, haeyo, "VPC CIDR은 넉넉하게 계획하세요.")
	assert.Regexp(t, haeyo, "다시 시도해 주세요")
	assert.NotRegexp(t, haeyo, "VPC CIDR은 넉넉하게 계획하십시오.")
	assert.NotRegexp(t, haeyo, "세요청")
	assert.Regexp(t, glossSpace, "워커 노드 (kubelet)")
	assert.NotRegexp(t, glossSpace, "워커 노드(kubelet)")
}

func catalogTexts() []koreanText {
	var out []koreanText
	keys := i18n.Keys()
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, koreanText{"catalog " + k, i18n.T(i18n.KO, k)})
	}
	return out
}

// allConfigs is every mode, client location and node placement, each
// also with the settings the lab's pitfalls turn (narrowed CIDRs, each DNS
// attribute off, the cluster security group closed, VPC endpoints), and
// the lab's presets: every reason and fix the resolver can write.
func allConfigs() []topology.Config {
	variants := []func(*topology.Config){
		func(*topology.Config) {},
		func(c *topology.Config) {
			c.PublicAccessCIDRs = []netip.Prefix{netip.MustParsePrefix("203.0.113.10/32")}
		},
		func(c *topology.Config) {
			c.PublicAccessCIDRs = []netip.Prefix{netip.MustParsePrefix("198.51.100.7/32")}
		},
		func(c *topology.Config) { c.DNSHostnames = false },
		func(c *topology.Config) { c.DNSSupport = false },
		func(c *topology.Config) { c.SG443 = false },
		func(c *topology.Config) { c.Endpoints = topology.Services() },
		func(c *topology.Config) { c.Endpoints, c.DNSHostnames = topology.Services(), false },
	}
	var out []topology.Config
	for _, m := range topology.Modes() {
		base, _ := topology.ConfigFor(m)
		for _, loc := range topology.Locations() {
			for _, n := range topology.NodePlacements() {
				for _, v := range variants {
					c := base
					c.Client, c.Nodes = loc, n
					v(&c)
					out = append(out, c)
				}
			}
		}
	}
	for _, p := range params.Presets() {
		c, _ := p.Config()
		out = append(out, c)
	}
	return out
}

func modelTexts(t *testing.T) []koreanText {
	var out []koreanText
	add := func(where string, txt topology.Text) { out = append(out, koreanText{where, txt.KO}) }
	for _, v := range topology.Modes() {
		add("mode "+string(v), v.Label())
	}
	for _, v := range topology.Flows() {
		add("flow "+string(v), v.Label())
	}
	for _, v := range topology.Views() {
		add("view "+string(v), v.Label())
	}
	for _, v := range topology.Networks() {
		add("network "+string(v), v.Label())
	}
	for _, v := range topology.Locations() {
		add("location "+string(v), v.Label())
	}
	for _, v := range topology.SubnetKinds() {
		add("subnet "+string(v), v.Label())
	}
	for _, v := range []topology.Answer{topology.AnswerPublic, topology.AnswerPrivate, topology.AnswerEndpoint, topology.AnswerService, topology.AnswerNone} {
		add("answer "+string(v), v.Label())
	}
	for _, v := range topology.NodePlacements() {
		add("nodes "+string(v), v.Label())
	}
	for _, v := range topology.Services() {
		add("service "+string(v), v.Label())
	}
	for _, v := range topology.Codes() {
		add("code "+string(v), v.Label())
		add("code "+string(v)+" description", v.Describe())
	}
	for _, f := range params.ConfigSchema.Fields {
		add("param "+f.Name+" label", f.Label)
		add("param "+f.Name+" help", f.Help)
	}
	for _, p := range params.Presets() {
		add("preset "+p.ID, p.Label)
		add("preset "+p.ID+" note", p.Note)
	}
	for _, cfg := range allConfigs() {
		name := params.EncodeConfig(cfg)
		top := topology.Build(cfg)
		for _, z := range top.Zones {
			add(name+" zone "+string(z.ID), z.Name)
		}
		for _, c := range top.Components {
			add(name+" component "+string(c.ID), c.Name)
		}
		res, err := topology.Resolve(cfg)
		require.NoError(t, err, name)
		for _, f := range res.Flows {
			for i, s := range f.Steps {
				add(fmt.Sprintf("%s %s step %d", name, f.ID, i+1), s.Reason)
			}
			if f.Blocked != nil {
				add(fmt.Sprintf("%s %s blocked", name, f.ID), f.Blocked.Reason)
				add(fmt.Sprintf("%s %s fix", name, f.ID), f.Blocked.Fix)
			}
		}
	}
	return out
}

func shippedData(t *testing.T) *content.Data {
	d, err := content.LoadData(contentfs.FS)
	require.NoError(t, err)
	return d
}

func dataTexts(t *testing.T) []koreanText {
	d := shippedData(t)
	var out []koreanText
	for _, tr := range d.TradeOffs(i18n.KO) {
		out = append(out, koreanText{"trade-off " + tr.Aspect, tr.Label})
		for _, m := range topology.Modes() {
			out = append(out, koreanText{"trade-off " + tr.Aspect + " " + string(m), tr.Modes[m]})
		}
	}
	for _, v := range topology.Views() {
		for i, n := range d.DiagramNotes(i18n.KO, v) {
			out = append(out, koreanText{fmt.Sprintf("diagram note %s %d", v, i+1), n})
		}
	}
	return out
}

// diagramTexts draws every view in Korean: each mode with no flow and
// with each flow, and every configuration's flows, and returns the text
// of each SVG (title, description, labels).
func diagramTexts(t *testing.T) []koreanText {
	d := shippedData(t)
	var opts []diagram.Options
	for _, v := range topology.Views() {
		if v != topology.ViewEndpoints {
			opts = append(opts, diagram.Options{View: v})
		}
	}
	for _, m := range topology.Modes() {
		opts = append(opts, diagram.Options{View: topology.ViewEndpoints, Mode: m})
	}
	for _, cfg := range allConfigs() {
		for _, f := range topology.Flows() {
			opts = append(opts, diagram.Options{View: topology.ViewEndpoints, Config: &cfg, Flow: f})
		}
	}
	var out []koreanText
	for _, o := range opts {
		o.Lang = i18n.KO
		o.Notes = d.DiagramNotes(i18n.KO, o.View)
		var b bytes.Buffer
		require.NoError(t, diagram.Render(&b, o))
		where := fmt.Sprintf("diagram %s %s %s", o.View, o.Mode, o.Flow)
		if o.Config != nil {
			where += fmt.Sprintf(" %s/%s/%s", o.Config.Mode(), o.Config.Client, o.Config.Nodes)
		}
		for _, s := range svgText(t, b.Bytes()) {
			out = append(out, koreanText{where, s})
		}
	}
	return out
}

// svgText returns every run of character data in an SVG document.
func svgText(t *testing.T, svg []byte) []string {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var out []string
	inStyle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			inStyle = tok.Name.Local == "style"
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" && !inStyle {
				out = append(out, s)
			}
		}
	}
}
