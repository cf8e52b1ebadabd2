package diagram

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// lineDiff shows how got differs from want, line by line, as "-want" and
// "+got" lines with their line numbers: the changed lines only, at most
// limit of them, so a golden mismatch reads at a glance.
func lineDiff(want, got string, limit int) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
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
	var out []string
	i, j := 0, 0
	for (i < len(a) || j < len(b)) && len(out) < limit {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, fmt.Sprintf("-%4d %s", i+1, a[i]))
			i++
		default:
			out = append(out, fmt.Sprintf("+%4d %s", j+1, b[j]))
			j++
		}
	}
	if len(out) == limit {
		out = append(out, "…")
	}
	return "(-want +got)\n" + strings.Join(out, "\n")
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("a\nb\nc\n", "a\nB\nc\nd\n", 10)
	assert.Equal(t, "(-want +got)\n-   2 b\n+   2 B\n+   4 d", got)
}
