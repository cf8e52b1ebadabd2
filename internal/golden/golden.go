// Package golden compares test output with files under testdata/ and
// rewrites them when a test binary runs with -update, e.g.
//
//	go test ./internal/diagram -update
//
// It is imported by tests only.
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// Updating reports whether this run rewrites golden files.
func Updating() bool { return *update }

// Check compares got with the file at path; with -update it writes got
// there instead. A mismatch reports a (-want +got) line diff.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
		return
	}
	if d := Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got); if the change is intended, rerun with -update:\n%s", path, d)
	}
}

// maxDiffLines caps a diff so one broken golden file stays readable.
const maxDiffLines = 60

// Diff returns the changed lines of got against want, each with its line
// number and two lines of context, or "" when they are equal. Golden files
// are small, so a plain longest-common-subsequence table is enough.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	lcs := make([][]int, len(a)+1) // lcs[i][j]: longest common subsequence of a[i:], b[j:]
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
	var ops []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, fmt.Sprintf(" %4d %s", i+1, a[i]))
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, fmt.Sprintf("-%4d %s", i+1, a[i]))
			i++
		default:
			ops = append(ops, fmt.Sprintf("+%4d %s", j+1, b[j]))
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
	var out []string
	skipped := false
	for k, op := range ops {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped {
			out = append(out, "   ...")
			skipped = false
		}
		if len(out) == maxDiffLines {
			out = append(out, "   … (diff cut)")
			break
		}
		out = append(out, op)
	}
	return strings.Join(out, "\n") + "\n"
}
