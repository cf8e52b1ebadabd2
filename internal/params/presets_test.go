package params

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPresetsAreCanonicalAndDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, p := range Presets() {
		t.Run(p.ID, func(t *testing.T) {
			c, err := p.Config()
			require.NoError(t, err)
			require.NoError(t, c.Validate())
			assert.Equal(t, p.Query, EncodeConfig(c), "the preset's query is canonical")
			for _, txt := range []text{p.Label, p.Note} {
				assert.NotEmpty(t, txt.EN)
				assert.NotEmpty(t, txt.KO)
			}
			if other, dup := seen[p.Query]; dup {
				t.Errorf("%s and %s are the same configuration", p.ID, other)
			}
			seen[p.Query] = p.ID
		})
	}
	assert.Len(t, Presets(), 7)
}
