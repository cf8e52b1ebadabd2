package static

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cssNoise is what may hold a brace that is not one: comments and
// quoted strings (content: "{").
var cssNoise = regexp.MustCompile(`(?s)/\*.*?\*/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)

// unbalanced returns where css's braces go wrong: a "}" that closes
// nothing, or each "{" left open at the end, by line and the line's text.
func unbalanced(css string) []string {
	// Blank the noise but keep its newlines, so line numbers stay true.
	css = cssNoise.ReplaceAllStringFunc(css, func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, s)
	})
	var open []int // line of each open brace
	var out []string
	lines := strings.Split(css, "\n")
	for i, line := range lines {
		for _, r := range line {
			switch r {
			case '{':
				open = append(open, i)
			case '}':
				if len(open) == 0 {
					out = append(out, fmt.Sprintf("line %d: } closes nothing", i+1))
					continue
				}
				open = open[:len(open)-1]
			}
		}
	}
	for _, l := range open {
		out = append(out, fmt.Sprintf("line %d: { never closed: %s", l+1, strings.TrimSpace(lines[l])))
	}
	return out
}

// TestCSSBracesBalance: one missing "}" after an @media block makes every
// later rule of the file apply only in that medium (an unclosed
// "@media print {" once hid the help dialog's and the quizzes' styles
// from the screen), and browsers say nothing about it.
func TestCSSBracesBalance(t *testing.T) {
	var n int
	err := fs.WalkDir(FS, "css", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".css") {
			return err
		}
		b, err := fs.ReadFile(FS, name)
		require.NoError(t, err)
		n++
		assert.Empty(t, unbalanced(string(b)), name)
		return nil
	})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, n, 3, "site.css, code.css, present.css at least")
}

func TestUnbalancedFindsTheOpenBlock(t *testing.T) {
	assert.Empty(t, unbalanced("a { b: c; }\n@media print { a { content: \"{\"; } }\n/* { */"))
	assert.Equal(t, []string{"line 2: { never closed: @media print {"},
		unbalanced("a { b: c; }\n@media print {\n  a { b: c; }\nd { e: f; }"))
	assert.Equal(t, []string{"line 1: } closes nothing"}, unbalanced("a { b: c; } }"))
}
