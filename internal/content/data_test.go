package content

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

const tradeOffsOK = `- aspect: cost
  label: {en: Cost, ko: 비용}
  modes:
    public: {en: Cheap., ko: 저렴합니다.}
    public-private: {en: Less NAT., ko: NAT가 줄어듭니다.}
    private: {en: Endpoints., ko: 엔드포인트가 필요합니다.}
`

const notesOK = `control-plane:
  - {en: One., ko: 하나.}
  - {en: Two., ko: 둘.}
`

// dataFiles are a valid data/ for test libraries.
func dataFiles() fstest.MapFS {
	return fstest.MapFS{
		tradeOffsFile:    {Data: []byte(tradeOffsOK)},
		diagramNotesFile: {Data: []byte(notesOK)},
	}
}

func TestLoadDataValid(t *testing.T) {
	d, err := LoadData(dataFiles())
	require.NoError(t, err)
	ko := d.TradeOffs("ko")
	require.Len(t, ko, 1)
	assert.Equal(t, TradeOff{Aspect: "cost", Label: "비용", Modes: map[topology.Mode]string{
		topology.ModePublic: "저렴합니다.", topology.ModePublicPrivate: "NAT가 줄어듭니다.", topology.ModePrivate: "엔드포인트가 필요합니다.",
	}}, ko[0])
	assert.Equal(t, []string{"One.", "Two."}, d.DiagramNotes("en", topology.ViewControlPlane))
	assert.Empty(t, d.DiagramNotes("en", topology.ViewOverview))

	lib := mustLoad(t, validFS())
	assert.Equal(t, "Cost", lib.TradeOffs("en")[0].Label, "the library serves the data")
}

func TestLoadDataReportsBrokenData(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"missing mode", tradeOffsFile, "- aspect: cost\n  label: {en: Cost, ko: 비용}\n  modes:\n    public: {en: a, ko: 가}\n    private: {en: b, ko: 나}\n",
			`data/tradeoffs.yaml: entry 1 (aspect "cost") mode "public-private": missing ko text`},
		{"unknown mode", tradeOffsFile, tradeOffsOK + "    hybrid: {en: c, ko: 다}\n",
			`data/tradeoffs.yaml: entry 1 (aspect "cost"): mode "hybrid" is not an endpoint access mode (accepted: public, public-private, private)`},
		{"missing language", tradeOffsFile, "- aspect: cost\n  label: {en: Cost}\n  modes:\n    public: {en: a, ko: 가}\n    public-private: {en: a, ko: 가}\n    private: {en: b, ko: 나}\n",
			`data/tradeoffs.yaml: entry 1 (aspect "cost") label: missing ko text`},
		{"extra language", tradeOffsFile, "- aspect: cost\n  label: {en: Cost, ko: 비용, fr: Coût}\n  modes:\n    public: {en: a, ko: 가}\n    public-private: {en: a, ko: 가}\n    private: {en: b, ko: 나}\n",
			`data/tradeoffs.yaml: entry 1 (aspect "cost") label: "fr" is not a language (accepted: ko, en)`},
		{"duplicate aspect", tradeOffsFile, tradeOffsOK + tradeOffsOK,
			`data/tradeoffs.yaml: entry 2 (aspect "cost"): aspect must be a unique id of lowercase letters, digits and hyphens`},
		{"misspelt key", tradeOffsFile, "- aspect: cost\n  lable: {en: Cost, ko: 비용}\n",
			"line 2: field lable not found"},
		{"empty", tradeOffsFile, "[]\n", "data/tradeoffs.yaml: no trade-offs (expected a list of aspects)"},
		{"unknown view", diagramNotesFile, "control-pane:\n  - {en: a, ko: 가}\n",
			`data/diagram-notes.yaml: view "control-pane" is not a view (accepted: overview, control-plane, data-plane, endpoints)`},
		{"blank note", diagramNotesFile, "data-plane:\n  - {en: a, ko: ' '}\n",
			`data/diagram-notes.yaml: view "data-plane" note 1: missing ko text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := dataFiles()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
			_, err := LoadData(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := LoadData(fstest.MapFS{})
	assert.ErrorContains(t, err, "data/tradeoffs.yaml: cannot read")
	assert.ErrorContains(t, err, "data/diagram-notes.yaml: cannot read", "both files are reported at once")
}
