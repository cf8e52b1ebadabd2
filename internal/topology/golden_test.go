package topology

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/golden"
)

// TestResolveGolden pins the canonical JSON of the three teaching modes,
// which the API serves and the diagrams are drawn from. After an intended
// change, regenerate with: go test ./internal/topology -update
func TestResolveGolden(t *testing.T) {
	for _, m := range Modes() {
		t.Run(string(m), func(t *testing.T) {
			got, err := json.MarshalIndent(mustResolve(t, mustConfig(t, m)), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')

			golden.Check(t, filepath.Join("testdata", "resolve-"+string(m)+".golden.json"), got)
		})
	}
}
