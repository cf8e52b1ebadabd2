package web

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/golden"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// drawnComps lists the component instances a diagram draws and where:
// data-comp, data-az and the box's corner.
func drawnComps(d doc) []string {
	var out []string
	for _, g := range d.all(func(n *html.Node) bool { return attr(n, "data-comp") != "" }) {
		r := firstChild(g, "rect")
		out = append(out, attr(g, "data-comp")+"/"+attr(g, "data-az")+"@"+attr(r, "x")+","+attr(r, "y"))
	}
	return out
}

// The exercise page's "Open SVG" link draws exactly the configuration the
// page shows, not the mode's teaching configuration: for a lab exercise
// (the client or the nodes elsewhere, endpoints, a closed port) the link
// carries the lab query, as the lab's own state does.
func TestExerciseSVGLinkDrawsTheExercisesConfiguration(t *testing.T) {
	labs := 0
	for _, ex := range mustExercises(t).All() {
		for _, lang := range []string{"en", "ko"} {
			resp := get(t, "/"+lang+"/exercises/"+ex.ID)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			page := doc{mustDoc(t, resp).byTestID("exercise")[0]}
			links := page.byTestID("svg-link")
			require.Len(t, links, 1, ex.ID)
			href := attr(links[0], "href")

			svg := get(t, href)
			require.Equal(t, http.StatusOK, svg.StatusCode, href)
			assert.Equal(t, "image/svg+xml; charset=utf-8", svg.Header.Get("Content-Type"))
			body, err := io.ReadAll(svg.Body)
			require.NoError(t, err)

			cfg := ex.Config
			var want bytes.Buffer
			require.NoError(t, diagram.Render(&want, diagram.Options{View: topology.ViewEndpoints, Config: &cfg, Lang: lang, Standalone: true}))
			if d := golden.Diff(want.String(), string(body)); d != "" {
				t.Errorf("%s: %s is not the exercise's configuration (-want +got):\n%s", ex.ID, href, d)
			}

			linked, err := html.Parse(bytes.NewReader(body))
			require.NoError(t, err)
			inline := doc{page.tag("svg")[0]}
			assert.Equal(t, drawnComps(inline), drawnComps(doc{linked}), "%s: the linked SVG draws what the page shows", ex.ID)

			if ex.Mode != "" {
				continue
			}
			labs++
			plain, _ := io.ReadAll(get(t, "/diagrams/endpoints.svg?lang="+lang+"&mode="+string(cfg.Mode())).Body)
			assert.NotEqual(t, string(plain), string(body), "%s: not the plain %s diagram", ex.ID, cfg.Mode())
			assert.True(t, strings.Contains(href, "&"), "%s: the link carries the lab query: %s", ex.ID, href)
		}
	}
	assert.Positive(t, labs, "the exercises include lab configurations")
}
