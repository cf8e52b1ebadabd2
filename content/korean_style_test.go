package content

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// fence opens or closes a fenced code block, also inside a quote ("> ```").
var fence = regexp.MustCompile("^\\s*(?:>\\s*)*(```|~~~)")

// koreanProse returns src line by line with what is not prose blanked out:
// fenced code blocks (commands, YAML, diagram blocks) and inline code
// spans. Those hold identifiers and shell text, not Korean a learner reads
// as prose, so the style guide does not apply to them. Line numbers stay
// those of src, so a violation can be reported where an author will find it.
func koreanProse(src string) []string {
	lines := strings.Split(src, "\n")
	out := make([]string, len(lines))
	inFence := false
	for i, line := range lines {
		if fence.MatchString(line) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		out[i] = stripCodeSpans(line)
	}
	return out
}

// stripCodeSpans removes inline code: a run of n backticks up to the next
// run of exactly n backticks, as CommonMark defines a code span.
func stripCodeSpans(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		n := 0
		for i+n < len(line) && line[i+n] == '`' {
			n++
		}
		closeAt := closingRun(line, i+n, n)
		if closeAt < 0 { // an unmatched run is literal text
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		b.WriteString(" ")
		i = closeAt + n
	}
	return b.String()
}

// closingRun finds the next run of exactly n backticks at or after from.
func closingRun(line string, from, n int) int {
	for j := from; j < len(line); {
		if line[j] != '`' {
			j++
			continue
		}
		k := 0
		for j+k < len(line) && line[j+k] == '`' {
			k++
		}
		if k == n {
			return j
		}
		j += k
	}
	return -1
}

// koreanViolations checks each line and names every hit as "file:line".
// Korean prose wraps anywhere, so a "never" phrase can straddle two lines
// (희망 / 크기); those are found by checking each pair of lines joined and
// keeping the hits that neither line has on its own.
func koreanViolations(file string, lines []string, firstLine int) []string {
	var out []string
	report := func(i int, v i18n.KoreanViolation) {
		out = append(out, fmt.Sprintf("%s:%d: %q (use %s)", file, firstLine+i, v.Found, v.Use))
	}
	for i, line := range lines {
		for _, v := range i18n.CheckKorean(line) {
			report(i, v)
		}
		if i+1 == len(lines) || line == "" || lines[i+1] == "" {
			continue
		}
		alone := map[string]int{}
		for _, l := range []string{line, lines[i+1]} {
			for _, v := range i18n.CheckKorean(l) {
				alone[v.Found]++
			}
		}
		next := strings.TrimLeft(strings.TrimLeft(lines[i+1], " "), ">")
		for _, v := range i18n.CheckKorean(line + " " + strings.TrimLeft(next, " ")) {
			if alone[v.Found] > 0 {
				alone[v.Found]--
				continue
			}
			report(i, v)
		}
	}
	return out
}

func TestKoreanChaptersFollowTheStyleGuide(t *testing.T) {
	files, err := fs.Glob(FS, "ko/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := fs.ReadFile(FS, f)
		require.NoError(t, err)
		for _, v := range koreanViolations(f, koreanProse(string(b)), 1) {
			t.Error(v)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if pitfallHeadingWithPeriod.MatchString(line) {
				t.Errorf("%s:%d: a pitfall heading is a noun phrase without a trailing period: %s", f, i+1, line)
			}
		}
	}
}

// pitfallHeadingWithPeriod is a callout item whose bold heading ends in a
// period ("**…하기.**"); the style guide wants the bare noun phrase.
var pitfallHeadingWithPeriod = regexp.MustCompile(`^>\s*- \*\*[^*]*\.\*\*`)

func TestKoreanGlossaryFollowsTheStyleGuide(t *testing.T) {
	b, err := fs.ReadFile(FS, glossaryFile)
	require.NoError(t, err)
	for _, v := range glossaryKoreanViolations(t, b) {
		t.Error(v)
	}
}

const glossaryFile = "glossary.yaml"

// glossaryKoreanViolations checks the ko term and definition of every entry,
// reporting the YAML line of the offending value.
func glossaryKoreanViolations(t *testing.T, src []byte) []string {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	require.NotEmpty(t, doc.Content)
	var out []string
	for _, entry := range doc.Content[0].Content {
		ko := mappingValue(entry, "ko")
		if ko == nil {
			continue
		}
		for _, key := range []string{"term", "def"} {
			if v := mappingValue(ko, key); v != nil {
				out = append(out, koreanViolations(glossaryFile, []string{v.Value}, v.Line)...)
			}
		}
	}
	return out
}

// mappingValue returns the value node for key in a YAML mapping, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// The checks above must be able to fail, and must leave code alone.
func TestKoreanStyleCheckCatchesAndSkips(t *testing.T) {
	src := "고객 VPC에 둡니다.\n`공인 IP` 예시\n```bash\n# 사설 주소\n```\n> ```yaml\n> 챕터: 1\n> ```\n퍼블릭 서브넷입니다. 최소·희망\n> 크기를 정합니다."
	got := koreanViolations("x.md", koreanProse(src), 1)
	assert.Equal(t, []string{`x.md:1: "고객 VPC" (use 사용자 VPC, 사용자 계정)`, `x.md:9: "희망 크기" (use 원하는 크기)`}, got)

	assert.Equal(t, "a   b", stripCodeSpans("a `x` b"))
	assert.Equal(t, "a   b", stripCodeSpans("a ``x ` y`` b"))
	assert.Equal(t, "a `x b", stripCodeSpans("a `x b"))

	gloss := []byte("- id: x\n  chapter: intro\n  en:\n    term: X\n    def: x\n  ko:\n    term: X\n    def: 공용 서브넷입니다.\n")
	assert.Equal(t, []string{`glossary.yaml:8: "공용" (use 퍼블릭)`}, glossaryKoreanViolations(t, gloss))
}

// chapterLink is a Markdown link to a whole chapter: [text](slug). A link
// into a section ([EKS 소유 ENI](control-plane#eks-owned-enis)) names the
// section's subject instead, so it is not held to the chapter's title.
var chapterLink = regexp.MustCompile(`\[([^\]]+)\]\(([a-z-]+)\)`)

var frontTitle = regexp.MustCompile(`(?m)^title:\s*"?(.*?)"?\s*$`)

// The style guide: link text to another chapter is that chapter's exact
// title, so a learner recognises the chapter by the words in the contents.
func TestKoreanChapterLinksUseTheChapterTitle(t *testing.T) {
	files, err := fs.Glob(FS, "ko/*.md")
	require.NoError(t, err)
	titles := map[string]string{}
	bodies := map[string]string{}
	for _, f := range files {
		b, err := fs.ReadFile(FS, f)
		require.NoError(t, err)
		slug := strings.TrimSuffix(strings.TrimPrefix(f, "ko/"), ".md")
		m := frontTitle.FindStringSubmatch(string(b))
		require.NotNil(t, m, f)
		titles[slug], bodies[f] = m[1], string(b)
	}
	for f, body := range bodies {
		for i, line := range koreanProse(joinWrappedLinks(body)) {
			for _, m := range chapterLink.FindAllStringSubmatch(line, -1) {
				title, ok := titles[m[2]]
				if !ok {
					continue // glossary, or an anchor in this chapter
				}
				if m[1] != title {
					t.Errorf("%s:%d: link to %s reads %q, want the chapter title %q", f, i+1, m[2], m[1], title)
				}
			}
		}
	}
}

// joinWrappedLinks puts link text that a line break split back on one line
// (keeping the line count), so the link can be matched as a whole.
func joinWrappedLinks(s string) string {
	lines := strings.Split(s, "\n")
	for i := 0; i+1 < len(lines); i++ {
		open := strings.LastIndex(lines[i], "[")
		if open >= 0 && !strings.Contains(lines[i][open:], "]") {
			next := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(lines[i+1], " "), ">"), " ")
			lines[i] += " " + next
			lines[i+1] = ""
		}
	}
	return strings.Join(lines, "\n")
}
