package web

import (
	"html"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	contentfs "github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

func pageBody(tb testing.TB, path string) string {
	tb.Helper()
	resp := get(tb, path)
	require.Equal(tb, http.StatusOK, resp.StatusCode, path)
	b, err := io.ReadAll(resp.Body)
	require.NoError(tb, err)
	return string(b)
}

// The prose in content/data reaches every page that shows it: trade-offs
// on /compare, notes under the diagrams of chapters and standalone SVGs.
func TestContentDataIsShown(t *testing.T) {
	d, err := content.LoadData(contentfs.FS)
	require.NoError(t, err)
	for _, lang := range i18n.List() {
		compare := html.UnescapeString(pageBody(t, "/"+lang+"/compare"))
		for _, tr := range d.TradeOffs(lang) {
			assert.Contains(t, compare, tr.Label)
			for _, m := range topology.Modes() {
				assert.Contains(t, compare, tr.Modes[m], "%s %s %s", lang, tr.Aspect, m)
			}
		}
		for _, tt := range []struct {
			chapter string // a chapter that embeds the view
			v       topology.View
		}{{"control-plane", topology.ViewControlPlane}, {"data-plane", topology.ViewDataPlane}} {
			v := tt.v
			notes := d.DiagramNotes(lang, v)
			require.NotEmpty(t, notes, "%s %s", lang, v)
			chapter := html.UnescapeString(pageBody(t, "/"+lang+"/"+tt.chapter))
			svg := html.UnescapeString(pageBody(t, "/diagrams/"+string(v)+".svg?lang="+lang))
			for _, n := range notes {
				assert.Contains(t, chapter, "• "+n, "chapter %s/%s", lang, v)
				assert.Contains(t, svg, "• "+n, "standalone %s/%s", lang, v)
			}
		}
	}
}
