package web

import (
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestStandaloneDiagrams(t *testing.T) {
	paths := []string{
		"/diagrams/overview.svg", "/diagrams/control-plane.svg?lang=ko", "/diagrams/data-plane.svg",
		"/diagrams/endpoints.svg?mode=public", "/diagrams/endpoints.svg?mode=private&flow=kubectl-to-apiserver&lang=ko",
		"/diagrams/endpoints.svg?mode=public-private&flow=kubelet-to-apiserver&animate=1",
		"/diagrams/endpoints.svg?mode=private&sg443=false&flow=kubectl-to-apiserver", // a lab configuration
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			resp := get(t, p)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "image/svg+xml; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Equal(t, standaloneCSP, resp.Header.Get("Content-Security-Policy"))
			body, _ := io.ReadAll(resp.Body)
			assert.Contains(t, string(body), `xmlns="http://www.w3.org/2000/svg"`)
			assert.Contains(t, string(body), "<style>", "self-contained: styles inside the file")
			dec := xml.NewDecoder(strings.NewReader(string(body)))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "well-formed XML")
			}
		})
	}
	ko, _ := io.ReadAll(get(t, "/diagrams/endpoints.svg?mode=public&lang=ko").Body)
	assert.Contains(t, string(ko), "사용자 VPC", "labels follow lang")
	anim, _ := io.ReadAll(get(t, "/diagrams/endpoints.svg?mode=public&flow=kubelet-to-apiserver&animate=1").Body)
	assert.Contains(t, string(anim), "@keyframes")
}

func TestStandaloneDiagramRejectsBadInput(t *testing.T) {
	tests := []struct {
		path   string
		status int
		fields map[string]string // parameter -> part of its message
	}{
		{"/diagrams/nope.svg", 404, nil},
		{"/diagrams/endpoints.svg", 400, map[string]string{"mode": "add mode= (accepted: public, public-private, private)"}},
		{"/diagrams/endpoints.svg?mode=hybrid", 400, map[string]string{"mode": `mode="hybrid" is not accepted (accepted: public, public-private, private)`}},
		{"/diagrams/endpoints.svg?mode=public&flow=pod-to-pod", 400, map[string]string{"flow": `flow="pod-to-pod" is not accepted (accepted: kubectl-to-apiserver, apiserver-to-kubelet, kubelet-to-apiserver, node-to-ecr)`}},
		{"/diagrams/overview.svg?mode=public", 400, map[string]string{"mode": "Only the endpoints view takes mode="}},
		{"/diagrams/overview.svg?sg443=false", 400, map[string]string{"sg443": "Only the endpoints view takes sg443="}},
		{"/diagrams/endpoints.svg?mode=public&public=false&private=true", 400, map[string]string{"mode": "mode=public disagrees with public= and private="}},
		{"/diagrams/endpoints.svg?public=false&private=false", 400, map[string]string{"public": "EKS needs at least one of them on", "private": "EKS needs at least one of them on"}},
		{"/diagrams/overview.svg?lang=fr&animate=yes&colour=red", 400, map[string]string{
			"lang": `lang="fr" is not accepted (accepted: ko, en)`, "animate": `animate="yes" is not accepted (accepted: 0, 1)`,
			"colour": `"colour" is not a parameter of this address (accepted: mode, flow, lang, animate, public, private, cidrs,`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp := get(t, tt.path)
			assert.Equal(t, tt.status, resp.StatusCode)
			d := mustDoc(t, resp)
			got := map[string]string{}
			for _, li := range d.all(func(n *html.Node) bool { return attr(n, "data-field") != "" }) {
				got[attr(li, "data-field")] = text(li)
			}
			assert.Len(t, got, len(tt.fields), "every bad parameter at once")
			for name, msg := range tt.fields {
				assert.Contains(t, got[name], msg, name)
			}
		})
	}
	d := mustDoc(t, get(t, "/diagrams/nope.svg"))
	assert.Contains(t, text(d.byTestID("problem-detail")[0]), "overview, control-plane, data-plane, endpoints")
	assert.Equal(t, http.StatusNotFound, get(t, "/diagrams/overview.png").StatusCode)
	// Korean labels, Korean errors: lang= decides, as it decides the labels.
	d = mustDoc(t, get(t, "/diagrams/endpoints.svg?lang=ko"))
	assert.Contains(t, text(d.byTestID("problem-fields")[0]), "mode=를 넣어 주세요")
}

func TestChapterDiagramsAndTheirTextEquivalents(t *testing.T) {
	// endpoint-access: four of its own and the trace-the-path exercise's.
	want := map[string]int{"intro": 1, "control-plane": 1, "data-plane": 1, "endpoint-access": 5}
	for _, lang := range i18n.List() {
		for slug, n := range want {
			d := mustDoc(t, get(t, "/"+lang+"/"+slug))
			figs := d.all(func(n *html.Node) bool { return n.Data == "figure" })
			assert.Len(t, figs, n, "%s/%s figures", lang, slug)
			for _, f := range figs {
				svg := firstChild(f, "svg")
				require.NotNil(t, svg)
				assert.Equal(t, lang, attr(svg, "lang"), "diagram labels in the page's language")
				assert.Equal(t, "img", attr(svg, "role"))
				assert.NotNil(t, firstChild(svg, "desc"), "text equivalent")
				link := firstChild(f, "figcaption")
				require.NotNil(t, link)
				assert.Contains(t, attr(firstChild(link, "a"), "href"), "/diagrams/")
			}
		}
	}
}

func TestPlayerStateComesFromTheURL(t *testing.T) {
	d := mustDoc(t, get(t, "/ko/endpoint-access?mode=private&flow=kubelet-to-apiserver&step=2"))
	p := d.byTestID("player")
	require.Len(t, p, 1)
	assert.Equal(t, "private", attr(p[0], "data-mode"))
	assert.Equal(t, "kubelet-to-apiserver", attr(p[0], "data-flow"))
	cur := d.all(func(n *html.Node) bool { return attr(n, "aria-current") == "step" })
	require.Len(t, cur, 1)
	assert.Equal(t, "2", attr(cur[0], "data-step"))
	// Every event links to its own moment, for sharing and for no-JS use.
	links := d.all(func(n *html.Node) bool { return attr(n, "data-step-link") != "" })
	require.NotEmpty(t, links)
	assert.Equal(t, "/ko/endpoint-access?mode=private&flow=kubelet-to-apiserver&step=1#player", attr(links[0], "href"))

	// The player's default is the chapter's own block.
	d = mustDoc(t, get(t, "/en/endpoint-access"))
	assert.Equal(t, "public", attr(d.byTestID("player")[0], "data-mode"))
}

func TestPlayerRejectsBadState(t *testing.T) {
	tests := []struct{ query, lang, field, msg string }{
		{"mode=hybrid", "en", "mode", `mode="hybrid" is not accepted (accepted: public, public-private, private).`},
		{"flow=x", "ko", "flow", `flow="x" 값은 쓸 수 없습니다(가능한 값: kubectl-to-apiserver, apiserver-to-kubelet, kubelet-to-apiserver, node-to-ecr).`},
		{"mode=private&flow=kubectl-to-apiserver&step=9", "en", "step", `step="9" is not accepted (accepted: 0–3).`},
		{"step=-1", "en", "step", `step="-1" is not accepted (accepted: 0, 1, 2, …).`},
		{"mode=%zz", "en", "mode", `mode has a broken %-escape`},
		{"mode=public&mode=private", "ko", "mode", `mode 매개변수가 2번 들어 있습니다`},
		{"speed=2", "en", "speed", `"speed" is not a parameter of this address (accepted: mode, flow, step).`},
	}
	for _, tt := range tests {
		resp := get(t, "/"+tt.lang+"/endpoint-access?"+tt.query)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, tt.query)
		d := mustDoc(t, resp)
		assert.Equal(t, tt.lang, attr(d.tag("html")[0], "lang"))
		fields := d.all(func(n *html.Node) bool { return attr(n, "data-field") == tt.field })
		require.Len(t, fields, 1, tt.query)
		assert.Contains(t, text(fields[0]), tt.msg)
	}
}

func TestComparePageIsComputedByTheResolver(t *testing.T) {
	for _, lang := range i18n.List() {
		resp := get(t, "/"+lang+"/compare")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		d := mustDoc(t, resp)
		rows := d.all(func(n *html.Node) bool { return n.Data == "tr" })
		var got [][]string
		for _, r := range rows {
			var cells []string
			for _, td := range d.all(func(n *html.Node) bool { return n.Data == "td" && n.Parent == r }) {
				if v := attr(td, "data-crosses-internet"); v != "" {
					cells = append(cells, v+"/"+attr(td, "data-public-path"))
				}
			}
			if len(cells) > 0 {
				got = append(got, cells)
			}
		}
		// Columns: public, public + private, private. Rows: the flows, as
		// crosses-internet/public-path. In public mode the kubelet takes
		// the public path but does not cross the internet: it leaves the
		// VPC, not Amazon's network.
		assert.Equal(t, [][]string{
			{"true/true", "true/true", "false/false"},     // kubectl → API server
			{"false/false", "false/false", "false/false"}, // API server → kubelet: always private
			{"false/true", "false/false", "false/false"},  // kubelet → API server
			{"false/false", "false/false", "false/false"}, // node → ECR: the public path to ECR, not to the NLB
		}, got, lang)
		assert.Len(t, d.all(func(n *html.Node) bool { return n.Data == "figure" }), 4, "one per mode and the exercise's")
	}
}
