package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

func labPath(lang, query string) string {
	if query == "" {
		return "/" + lang + "/lab"
	}
	return "/" + lang + "/lab?" + query
}

func one(t *testing.T, d doc, id string) *html.Node {
	t.Helper()
	ns := d.byTestID(id)
	require.Len(t, ns, 1, "one element with data-testid=%q", id)
	return ns[0]
}

// Every preset opens with 200 in both languages, marked as the current
// preset, and its verdict and blocked flows are the resolver's.
func TestLabEveryPresetBothLanguages(t *testing.T) {
	for _, p := range params.Presets() {
		cfg, err := p.Config()
		require.NoError(t, err, p.ID)
		res, err := topology.Resolve(cfg)
		require.NoError(t, err)
		for _, lang := range []string{"en", "ko"} {
			t.Run(p.ID+"/"+lang, func(t *testing.T) {
				resp := get(t, labPath(lang, p.Query))
				require.Equal(t, http.StatusOK, resp.StatusCode)
				d := mustDoc(t, resp)
				one(t, d, "lab-form")
				assert.Equal(t, "page", attr(one(t, d, "preset-"+p.ID), "aria-current"))
				verdict := one(t, d, "verdict")
				assert.NotEmpty(t, text(verdict))
				for id, want := range map[string]bool{
					"verdict-kubectl": res.Verdict.Kubectl, "verdict-nodes": res.Verdict.NodesCanJoin, "verdict-images": res.Verdict.ImagesPull,
				} {
					assert.Equal(t, boolString(want), attr(one(t, d, id), "data-ok"), id)
				}
				flows := d.all(func(n *html.Node) bool {
					return attr(n, "class") != "" && strings.HasPrefix(attr(n, "class"), "lab-flow") && n.Data == "li"
				})
				require.Len(t, flows, len(res.Flows))
				for i, f := range res.Flows {
					assert.Equal(t, string(f.ID), attr(flows[i], "data-flow"))
					assert.Equal(t, boolString(f.Reachable), attr(flows[i], "data-reachable"), f.ID)
					if f.Blocked != nil {
						assert.Contains(t, text(flows[i]), f.Blocked.Reason.In(lang))
						assert.Contains(t, text(flows[i]), f.Blocked.Fix.In(lang))
					}
				}
				fig := one(t, d, "player")
				assert.Equal(t, string(shownFlow(res, "")), attr(fig, "data-flow"))
				if sf, _ := res.Flow(shownFlow(res, "")); sf.Blocked != nil {
					assert.Equal(t, string(sf.Blocked.Code), attr(one(t, d, "blocked"), "data-code"), "the diagram shows the first blocked flow")
					assert.NotEmpty(t, d.all(func(n *html.Node) bool { return n.Data == "g" && attr(n, "class") == "blocked" }), "a red mark on the blocking component")
				}
				assert.NotContains(t, text(d.root), "⟦", "every word is in the catalog")
			})
		}
	}
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Every bad field comes back at once, each beside its field, with the
// learner's other values kept, in the page's language.
func TestLabBadFieldsAllAtOnce(t *testing.T) {
	many := make([]string, 41)
	for i := range many {
		many[i] = "10.0." + itoa(i) + ".0/24"
	}
	bad := map[string]string{
		"both off":     "public=false&private=false",
		"malformed":    "cidrs=10.0.0.0/33",
		"ipv6":         "cidrs=2001:db8::/32",
		"more than 40": "cidrs=" + strings.Join(many, ","),
		"bad client":   "client_ip=203.0.113",
		"bad nat":      "nat_ip=300.1.1.1",
	}
	for name, q := range bad {
		t.Run(name, func(t *testing.T) {
			resp := get(t, labPath("en", q+"&nodes=private-isolated"))
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			d := mustDoc(t, resp)
			one(t, d, "lab-problems")
			assert.Empty(t, d.byTestID("verdict"), "no verdict for a configuration that does not exist")
			nodes := one(t, d, "field-nodes")
			sel := firstChild(nodes, "option")
			for ; sel != nil && attr(sel, "value") != "private-isolated"; sel = sel.NextSibling {
			}
			require.NotNil(t, sel)
			_, selected := attrOK(sel, "selected")
			assert.True(t, selected, "the other fields keep the learner's values")
		})
	}

	q := "public=false&private=false&cidrs=2001:db8::/32,10.0.0.1&client_ip=1.2.3&nat_ip=nat&nodes=private-isolated&endpoints=ec2&endpoints=nope"
	for _, lang := range []string{"en", "ko"} {
		resp := get(t, labPath(lang, q))
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		d := mustDoc(t, resp)
		_, err := params.DecodeConfig(strings.ReplaceAll(q, "&endpoints=ec2&endpoints=nope", "&endpoints=ec2,nope"))
		var errs params.Errors
		require.ErrorAs(t, err, &errs)
		for _, e := range errs {
			field := one(t, d, "field-"+e.Name)
			var msgs []string
			for _, n := range d.byTestID("error-" + e.Name) {
				msgs = append(msgs, text(n))
				assert.Contains(t, describedBy(field), attr(n, "id"), "%s: the error is tied to its field", e.Name)
			}
			assert.Contains(t, msgs, "✕ "+e.Message.In(lang), "%s/%s: the message beside its field", lang, e.Name)
			assert.Contains(t, rawHTMLAttr(field, "aria-invalid"), "true", e.Name)
		}
		assert.Equal(t, "2001:db8::/32,10.0.0.1", attr(inputOf(t, d, "cidrs"), "value"), "a bad value is shown as given")
		assert.Equal(t, "1.2.3", attr(inputOf(t, d, "client_ip"), "value"))
		assert.NotContains(t, rawHTMLAttr(one(t, d, "field-sg443"), "aria-invalid"), "true", "good fields are not marked")
		checked := checkedValues(one(t, d, "field-endpoints"))
		assert.Equal(t, []string{"ec2", "nope"}, checked, "ticked endpoints stay ticked, the unknown one too")
	}
	ko := mustDoc(t, get(t, labPath("ko", q)))
	assert.Contains(t, text(one(t, ko, "lab-problems")), "고치십시오")
}

// A step past the end of the flow is a field error too, on a 400 page.
func TestLabStepPastTheEnd(t *testing.T) {
	resp := get(t, labPath("en", "flow=kubectl-to-apiserver&step=99"))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	d := mustDoc(t, resp)
	assert.Contains(t, text(one(t, d, "lab-problems")), "step=99")
	resp = get(t, labPath("en", "flow=kubectl-to-apiserver&step=2"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	d = mustDoc(t, resp)
	assert.Equal(t, "2", attr(one(t, d, "player"), "data-step"))
}

// The form's checkboxes send endpoints= once per box; the lab reads
// them as one list, and the verdict follows.
func TestLabEndpointCheckboxes(t *testing.T) {
	resp := get(t, labPath("en", "public=false&private=true&nodes=private-isolated&endpoints=ec2&endpoints=ecr.api&endpoints=ecr.dkr&endpoints=s3"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	d := mustDoc(t, resp)
	assert.Equal(t, []string{"ecr.api", "ecr.dkr", "s3", "ec2"}, checkedValues(one(t, d, "field-endpoints")))
	assert.Equal(t, "true", attr(one(t, d, "verdict-nodes"), "data-ok"))
	assert.Equal(t, "true", attr(one(t, d, "verdict-images"), "data-ok"))
	assert.Equal(t, "", attr(one(t, d, "verdict-endpoints"), "data-needed"))
	cost := text(one(t, d, "verdict-cost"))
	assert.Contains(t, cost, "3 × 2 AZs = 6 endpoint-AZs, about 4380 endpoint-hours", "ec2, ecr.api, ecr.dkr are interface endpoints in two AZs")
	assert.Contains(t, cost, "estimate")

	d = mustDoc(t, get(t, labPath("en", "public=false&private=true&nodes=private-isolated")))
	assert.Equal(t, "ecr.api, ecr.dkr, s3, ec2", attr(one(t, d, "verdict-endpoints"), "data-needed"))
}

// With was=, the page says what the change did, computed from the two
// results, in the page's language.
func TestLabChangeSaysWhatTheLastChangeDid(t *testing.T) {
	d := mustDoc(t, get(t, labPath("en", "private=true&was=")))
	change := text(one(t, d, "lab-change"))
	assert.Contains(t, change, "Turning private endpoint access on")
	assert.Contains(t, change, "moved the path of kubelet → API server inside the VPC")
	assert.NotContains(t, change, "kubectl → API server", "kubectl's path did not change")

	d = mustDoc(t, get(t, labPath("ko", "private=true&was=")))
	change = text(one(t, d, "lab-change"))
	assert.Contains(t, change, "프라이빗 엔드포인트 액세스 켜기")
	assert.Contains(t, change, "kubelet → API 서버 경로가 VPC 안으로 옮겨졌습니다")

	d = mustDoc(t, get(t, labPath("en", "")))
	assert.Empty(t, text(one(t, d, "lab-change")), "no change note without a previous configuration")
}

func TestLabChangeSentences(t *testing.T) {
	resolve := func(q string) topology.Result {
		t.Helper()
		c, err := params.DecodeConfig(q)
		require.NoError(t, err)
		r, err := topology.Resolve(c)
		require.NoError(t, err)
		return r
	}
	tests := []struct{ from, to, lang, want string }{
		{"", "cidrs=203.0.113.10/32", "en", "Setting public access CIDRs to 203.0.113.10/32 blocked kubelet → API server at Network Load Balancer (NLB)."},
		{"cidrs=203.0.113.10/32", "", "en", "made kubelet → API server reachable"},
		{"private=true", "public=false&private=true", "en", "Turning public endpoint access off and setting where kubectl runs to Inside the VPC (bastion host) moved the path of kubectl → API server inside the VPC."},
		{"public=false&private=true", "public=false&private=true&sg443=false", "en", "blocked kubectl → API server at EKS-owned ENI"},
		{"", "dns_hostnames=false&dns_support=false", "ko", "VPC DNS 호스트 이름 끄기 · VPC DNS 확인 끄기 — kubelet → API 서버 흐름이 VPC DNS 리졸버(Route 53 프라이빗 호스팅 영역)에서 막힙니다."},
		{"", "nat_ip=198.51.100.8", "en", "Setting nodes' outbound public IP to 198.51.100.8 changed no path."},
	}
	for _, tt := range tests {
		got := labChange(resolve(tt.from), resolve(tt.to), tt.lang)
		assert.Contains(t, got, tt.want, "%q → %q", tt.from, tt.to)
	}
	assert.Empty(t, labChange(resolve("private=true"), resolve("private=true"), "en"))
}

// The endpoint chapter's player links to the lab at its mode.
func TestChapterPlayerLinksToTheLabAtEachMode(t *testing.T) {
	for _, md := range topology.Modes() {
		for _, lang := range []string{"en", "ko"} {
			d := mustDoc(t, get(t, "/"+lang+"/endpoint-access?mode="+string(md)))
			link := one(t, d, "lab-link")
			href := attr(link, "href")
			cfg, err := topology.ConfigFor(md)
			require.NoError(t, err)
			assert.Equal(t, labPath(lang, params.EncodeConfig(cfg)), href)
			lab := mustDoc(t, get(t, href))
			assert.Equal(t, string(md), attr(one(t, lab, "player"), "data-mode"), "the lab opens at %s", md)
		}
	}
}

func describedBy(field *html.Node) string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if v := attr(n, "aria-describedby"); v != "" {
			out = append(out, v)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(field)
	return strings.Join(out, " ")
}

func rawHTMLAttr(field *html.Node, key string) string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if v, ok := attrOK(n, key); ok {
			out = append(out, v)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(field)
	return strings.Join(out, " ")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func inputOf(t *testing.T, d doc, name string) *html.Node {
	t.Helper()
	in := firstChild(one(t, d, "field-"+name), "input")
	require.NotNil(t, in, name)
	return in
}

func checkedValues(field *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "input" {
			if _, ok := attrOK(n, "checked"); ok {
				out = append(out, attr(n, "value"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(field)
	return out
}

// An unknown parameter is one problem that names every parameter the lab
// takes, the view's ones too.
func TestLabUnknownParameter(t *testing.T) {
	resp := get(t, labPath("en", "privat=true"))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	msg := text(one(t, mustDoc(t, resp), "lab-problems"))
	assert.Contains(t, msg, `"privat" is not a parameter`)
	assert.Contains(t, msg, "sg443")
	assert.Contains(t, msg, "flow, step, was")
}

// The language switch keeps the configuration, without JavaScript too.
func TestLabLanguageSwitchKeepsTheConfiguration(t *testing.T) {
	d := mustDoc(t, get(t, labPath("en", "private=true&cidrs=203.0.113.10/32&flow=node-to-ecr&was=")))
	assert.Equal(t, "/ko/lab?private=true&cidrs=203.0.113.10/32&flow=node-to-ecr", attr(one(t, d, "lang-switch"), "href"))
	d = mustDoc(t, get(t, labPath("ko", "cidrs=10.0.0.1")))
	assert.Equal(t, "/en/lab?cidrs=10.0.0.1", attr(one(t, d, "lang-switch"), "href"))
}
