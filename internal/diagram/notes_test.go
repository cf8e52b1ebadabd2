package diagram

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	contentfs "github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// withShippedNotes gives o the notes the site ships (content/data), so the
// golden files show the diagrams as learners see them.
func withShippedNotes(tb testing.TB, o Options) Options {
	tb.Helper()
	d, err := content.LoadData(contentfs.FS)
	require.NoError(tb, err)
	o.Notes = d.DiagramNotes(o.lang(), o.View)
	return o
}

func TestNotesAreDrawnAsGiven(t *testing.T) {
	o := Options{View: topology.ViewDataPlane, Lang: "en", Notes: []string{"First note.", "Second <note>."}}
	svg := string(mustRender(t, o))
	assert.Contains(t, svg, `>• First note.</text>`)
	assert.Contains(t, svg, `>• Second &lt;note&gt;.</text>`, "notes are text, escaped")
	assert.NotContains(t, string(mustRender(t, Options{View: topology.ViewDataPlane})), `class="note" x="16" y="668"`,
		"no notes given, none drawn")
}

func TestNotesAreRefusedWhereTheyDoNotFit(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		msg  string
	}{
		{"overview", Options{View: topology.ViewOverview, Notes: []string{"x"}}, `invalid notes: view "overview" has no room for notes`},
		{"endpoints", Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Notes: []string{"x"}}, `invalid notes: view "endpoints" has no room for notes`},
		{"too many", Options{View: topology.ViewControlPlane, Notes: []string{"a", "b", "c", "d"}}, "invalid notes: 4 notes given, at most 3 fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.o.Validate(), tt.msg)
		})
	}
}
