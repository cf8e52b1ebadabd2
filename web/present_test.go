package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// presentLinks are the figures' Present links of the page at path,
// resolved against it.
func presentLinks(t *testing.T, path string, resp *http.Response) []string {
	t.Helper()
	require.Equal(t, http.StatusOK, resp.StatusCode, path)
	base, err := url.Parse(path)
	require.NoError(t, err)
	var out []string
	for _, a := range mustDoc(t, resp).byTestID("present-link") {
		ref, err := url.Parse(attr(a, "href"))
		require.NoError(t, err)
		out = append(out, base.ResolveReference(ref).String())
	}
	return out
}

// TestEveryFigureHasAPresentLinkThatOpensIt: every figure of every chapter
// and of /compare, in both languages, opens in presenter mode at the same
// view, mode and flow.
func TestEveryFigureHasAPresentLinkThatOpensIt(t *testing.T) {
	lib := mustLibrary(t)
	for _, lang := range i18n.List() {
		pages := []string{"/" + lang + "/compare"}
		for _, ch := range lib.Chapters(lang) {
			pages = append(pages, "/"+lang+"/"+ch.Slug)
		}
		seen := 0
		for _, page := range pages {
			resp := get(t, page)
			// An exercise's diagram has no Present link: it is a question.
			d := mustDoc(t, get(t, page))
			figures := len(d.tag("figure"))
			for _, box := range d.byTestID("exercise") {
				figures -= len(doc{root: box}.tag("figure"))
			}
			links := presentLinks(t, page, resp)
			assert.Len(t, links, figures, "%s: one Present link per figure", page)
			for _, link := range links {
				seen++
				u, err := url.Parse(link)
				require.NoError(t, err)
				assert.Equal(t, page, u.Path, "presenter mode is the page's own address")
				want, err := params.DecodePresent(u.RawQuery, params.PresentState{})
				require.NoError(t, err, link)
				r := get(t, link)
				require.Equal(t, http.StatusOK, r.StatusCode, link)
				d := mustDoc(t, r)
				require.Len(t, d.byTestID("presenter"), 1, link)
				svg := firstChild(d.byTestID("presenter")[0], "svg")
				require.NotNil(t, svg, link)
				assert.Equal(t, string(want.View), attr(svg, "data-view"), link)
				assert.Equal(t, lang, attr(svg, "lang"), link)
				if want.HasSteps() {
					p := d.byTestID("player")
					require.Len(t, p, 1, link)
					assert.Equal(t, string(want.Mode), attr(p[0], "data-mode"), link)
					assert.Equal(t, string(want.Flow), attr(p[0], "data-flow"), link)
				}
				assert.Empty(t, d.byTestID("site-header"), "nothing else on screen: %s", link)
				assert.Equal(t, "noindex", attr(d.all(func(n *html.Node) bool { return n.Data == "meta" && attr(n, "name") == "robots" })[0], "content"), link)
			}
		}
		assert.GreaterOrEqual(t, seen, 10, lang)
	}
}

// TestPresentLinksOnTheQuizAnswerPage: the graded page sits at
// /{lang}/{slug}/quiz, where a query-only link would miss the chapter.
func TestPresentLinksOnTheQuizAnswerPage(t *testing.T) {
	z := mustQuiz(t, "endpoint-access")
	links := presentLinks(t, "/en/endpoint-access/quiz", post(t, "/en/endpoint-access/quiz", answersOf(z, false)))
	require.NotEmpty(t, links)
	for _, l := range links {
		assert.True(t, strings.HasPrefix(l, "/en/endpoint-access?present=1&"), l)
		assert.Equal(t, http.StatusOK, get(t, l).StatusCode, l)
	}
}

// TestPresenterWithoutJavaScript: the server's view is the step the
// address names, with links for what the keys do.
func TestPresenterWithoutJavaScript(t *testing.T) {
	st := params.PresentState{View: topology.ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Step: 2}
	steps := st.Player().Steps()
	require.Greater(t, steps, 2)
	at := func(n int) string {
		s := st
		s.Step = n
		return "/en/endpoint-access?" + params.EncodePresent(s)
	}
	d := mustDoc(t, get(t, at(2)))
	cur := d.all(func(n *html.Node) bool { return attr(n, "aria-current") == "step" })
	require.Len(t, cur, 1)
	assert.Equal(t, "2", attr(cur[0], "data-step"), "the caption is the address's step")
	href := func(id string) string {
		n := d.byTestID(id)
		require.Len(t, n, 1, id)
		return attr(n[0], "href")
	}
	assert.Equal(t, at(0), href("present-first"))
	assert.Equal(t, at(1), href("present-prev"))
	assert.Equal(t, at(3), href("present-next"))
	assert.Equal(t, at(steps), href("present-last"))
	assert.Equal(t, "Step 2 / "+itoa(steps), text(d.byTestID("presenter-counter")[0]))
	assert.Equal(t, "/en/endpoint-access?mode=private&flow=kubectl-to-apiserver&step=2#player", href("present-leave"),
		"leaving keeps the moment, on the chapter's player")
	var modes, current []string
	for _, a := range d.all(func(n *html.Node) bool { return attr(n, "data-present-mode") != "" }) {
		modes = append(modes, attr(a, "data-present-mode"))
		if attr(a, "aria-current") == "true" {
			current = append(current, attr(a, "data-present-mode"))
		}
	}
	assert.Len(t, modes, len(topology.Modes()))
	assert.Equal(t, []string{"private"}, current)

	// At the last step there is no next; at the first, no previous.
	d = mustDoc(t, get(t, at(steps)))
	assert.Empty(t, attr(d.byTestID("present-next")[0], "href"))
	assert.Equal(t, "true", attr(d.byTestID("present-next")[0], "aria-disabled"))
	d = mustDoc(t, get(t, at(0)))
	assert.Empty(t, attr(d.byTestID("present-prev")[0], "href"))
	assert.Empty(t, attr(d.byTestID("present-first")[0], "href"))
}

func TestPresenterDefaultsPerPage(t *testing.T) {
	lib := mustLibrary(t)
	_, spec, ok := lib.PlayerChapter("ko")
	require.True(t, ok)
	d := mustDoc(t, get(t, "/ko/endpoint-access?present=1"))
	p := d.byTestID("player")
	require.Len(t, p, 1)
	assert.Equal(t, string(spec.Mode), attr(p[0], "data-mode"), "the chapter's player, as it opens")
	assert.Equal(t, string(spec.Flow), attr(p[0], "data-flow"))
	assert.Equal(t, "0", attr(p[0], "data-step"))

	d = mustDoc(t, get(t, "/en/compare?present=1"))
	p = d.byTestID("player")
	require.Len(t, p, 1)
	assert.Equal(t, "public", attr(p[0], "data-mode"))
	assert.Equal(t, "kubelet-to-apiserver", attr(p[0], "data-flow"), "the flow the comparison draws")
	leave := attr(d.byTestID("present-leave")[0], "href")
	assert.Equal(t, "/en/compare#fig-endpoints-public-kubelet-to-apiserver", leave)
	compare := mustDoc(t, get(t, "/en/compare"))
	assert.Len(t, compare.all(func(n *html.Node) bool { return attr(n, "id") == "fig-endpoints-public-kubelet-to-apiserver" }), 1,
		"Esc lands on the figure")

	d = mustDoc(t, get(t, "/en/data-plane?present=1&view=data-plane"))
	assert.Equal(t, "/en/data-plane#fig-data-plane", attr(d.byTestID("present-leave")[0], "href"))
	assert.Empty(t, d.byTestID("present-next"), "a view without steps has no step links")
	assert.Equal(t, "/ko/data-plane?present=1&view=data-plane", attr(d.byTestID("lang-switch-present")[0], "href"),
		"the other language keeps the presenter state")
}

func TestPresenterBadAddresses(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		fields []string
		says   string
	}{
		{"/en/control-plane?present=1", 400, []string{"view"}, "add view="},
		{"/ko/control-plane?present=0&view=overview&mode=public&x=1", 400, []string{"present", "mode", "x"}, "엔드포인트 뷰에서만"},
		{"/en/endpoint-access?present=1&step=99", 400, []string{"step"}, "accepted: 0–"},
		{"/en/endpoint-access?present=1&present=1", 400, []string{"present"}, "give it once"},
		{"/en/compare?present=1&view=nope&flow=%zz", 400, []string{"view", "flow"}, "accepted:"},
		{"/en/no-such-chapter?present=1", 404, nil, ""},
	} {
		resp := get(t, tt.path)
		require.Equal(t, tt.status, resp.StatusCode, tt.path)
		d := mustDoc(t, resp)
		var fields []string
		for _, li := range d.all(func(n *html.Node) bool { return attr(n, "data-field") != "" }) {
			fields = append(fields, attr(li, "data-field"))
		}
		assert.ElementsMatch(t, tt.fields, fields, tt.path)
		if tt.says != "" {
			assert.Contains(t, text(d.byTestID("problem-fields")[0]), tt.says, tt.path)
		}
	}
}

// TestPresenterFlowLinksWithoutJavaScript: without the script, the bar's
// [ and ] links open the previous and the next flow of the same mode at
// its first step, round the list, and the help lists the keys in the
// page's language.
func TestPresenterFlowLinksWithoutJavaScript(t *testing.T) {
	flows := topology.Flows()
	require.Greater(t, len(flows), 2)
	for i, fl := range flows {
		st := params.PresentState{View: topology.ViewEndpoints, Mode: topology.ModePublicPrivate, Flow: fl, Step: 1}
		d := mustDoc(t, get(t, "/en/compare?"+params.EncodePresent(st)))
		for _, tt := range []struct {
			id   string
			want topology.FlowID
		}{{"present-prev-flow", flows[(i+len(flows)-1)%len(flows)]}, {"present-next-flow", flows[(i+1)%len(flows)]}} {
			a := d.byTestID(tt.id)
			require.Len(t, a, 1, "%s at %s", tt.id, fl)
			at := st
			at.Flow, at.Step = tt.want, 0
			assert.Equal(t, "/en/compare?"+params.EncodePresent(at), attr(a[0], "href"), "%s at %s: same mode, first step", tt.id, fl)
			assert.Equal(t, tt.want.Label().In("en"), attr(a[0], "title"), "%s names where it leads", tt.id)
		}
		// The caption names the flow that is on.
		cur := d.all(func(n *html.Node) bool { return attr(n, "class") == "diagram-caption__title" })
		require.Len(t, cur, 1)
		assert.Contains(t, text(cur[0]), fl.Label().In("en"))
	}
	for _, tt := range []struct{ lang, next, keys string }{
		{"en", "] Next flow", "[ ]Previous flow, next flow"}, // <dt> keys, <dd> what
		{"ko", "] 다음 흐름", "[ ]이전 흐름, 다음 흐름"},
	} {
		d := mustDoc(t, get(t, "/"+tt.lang+"/endpoint-access?present=1"))
		assert.Equal(t, tt.next, strings.Join(strings.Fields(text(d.byTestID("present-next-flow")[0])), " "), tt.lang)
		assert.Contains(t, strings.Join(strings.Fields(text(d.byTestID("help")[0])), " "), tt.keys, tt.lang)
		assert.Contains(t, attr(d.byTestID("presenter")[0], "aria-keyshortcuts"), "[ ]", tt.lang)
	}
	// A view without steps has no flows to switch.
	d := mustDoc(t, get(t, "/en/control-plane?present=1&view=control-plane"))
	assert.Empty(t, d.byTestID("present-next-flow"))
	assert.NotContains(t, text(d.byTestID("help")[0]), "flow")
}
