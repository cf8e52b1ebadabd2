package topology

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current resolver")

// TestResolveGolden pins the canonical JSON of the three teaching modes,
// which the API serves and the diagrams are drawn from. After an intended
// change, regenerate with: go test ./internal/topology -update
func TestResolveGolden(t *testing.T) {
	for _, m := range Modes() {
		t.Run(string(m), func(t *testing.T) {
			got, err := json.MarshalIndent(mustResolve(t, mustConfig(t, m)), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')

			path := filepath.Join("testdata", "resolve-"+string(m)+".golden.json")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run: go test ./internal/topology -update")
			if d := lineDiff(string(want), string(got)); d != "" {
				t.Errorf("%s differs from the resolver (-want +got):\n%s\nif intended, run: go test ./internal/topology -update", path, d)
			}
		})
	}
}

// lineDiff returns a (-want +got) line diff with two lines of context, or
// "" when the texts are equal. The files are small, so a plain
// longest-common-subsequence table is enough.
func lineDiff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []string // each line prefixed with ' ', '-' or '+'
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, " "+a[i])
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, "-"+a[i])
			i++
		default:
			ops = append(ops, "+"+b[j])
			j++
		}
	}
	return withContext(ops, 2)
}

// withContext keeps changed lines and n unchanged lines around each.
func withContext(ops []string, n int) string {
	keep := make([]bool, len(ops))
	for k, op := range ops {
		if op[0] != ' ' {
			for c := max(0, k-n); c <= min(len(ops)-1, k+n); c++ {
				keep[c] = true
			}
		}
	}
	var out strings.Builder
	skipped := false
	for k, op := range ops {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped {
			out.WriteString("   ...\n")
			skipped = false
		}
		out.WriteString(op + "\n")
	}
	return out.String()
}

func TestLineDiff(t *testing.T) {
	require.Empty(t, lineDiff("a\nb\n", "a\nb\n"))
	require.Equal(t, " a\n-b\n+B\n c\n", lineDiff("a\nb\nc", "a\nB\nc"))
}
