package content

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestEveryChapterEndsWithAQuiz: one quiz file per chapter, each with at
// least five questions. (That the answers, keys and links are sound is
// checked by internal/content at load; the web tests load this tree.)
func TestEveryChapterEndsWithAQuiz(t *testing.T) {
	chapters, err := fs.Glob(FS, "en/*.md")
	require.NoError(t, err)
	var counts []string
	for _, ch := range chapters {
		slug := strings.TrimSuffix(path.Base(ch), ".md")
		src, err := fs.ReadFile(FS, "quiz/"+slug+".yaml")
		if !assert.NoError(t, err, "chapter %s has no quiz", slug) {
			continue
		}
		var qs []map[string]any
		require.NoError(t, yaml.Unmarshal(src, &qs), slug)
		assert.GreaterOrEqual(t, len(qs), 5, "quiz of %s", slug)
		counts = append(counts, slug+"="+strconv.Itoa(len(qs)))
	}
	t.Logf("questions per chapter (each in ko and en): %s", strings.Join(counts, " "))
}

func TestKoreanQuizzesFollowTheStyleGuide(t *testing.T) {
	files, err := fs.Glob(FS, "quiz/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		src, err := fs.ReadFile(FS, f)
		require.NoError(t, err)
		for _, v := range quizKoreanViolations(t, f, src) {
			t.Error(v)
		}
	}
}

// quizKoreanViolations checks every Korean string of a quiz file: the
// prompt, each choice and the explanation of every question.
func quizKoreanViolations(t *testing.T, file string, src []byte) []string {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	require.NotEmpty(t, doc.Content)
	var out []string
	check := func(v *yaml.Node) {
		if v == nil || v.Kind != yaml.ScalarNode {
			return
		}
		out = append(out, koreanViolations(file, []string{v.Value}, v.Line)...)
		if m := haeyo.FindString(v.Value); m != "" {
			out = append(out, fmt.Sprintf("%s:%d: %q is 해요체; prose is 합니다체, advice ~하십시오", file, v.Line, m))
		}
		if m := glossSpace.FindString(v.Value); m != "" {
			out = append(out, fmt.Sprintf("%s:%d: no space before a parenthetical gloss (%q)", file, v.Line, m))
		}
	}
	for _, q := range doc.Content[0].Content {
		ko := mappingValue(q, "ko")
		if ko == nil {
			continue
		}
		check(mappingValue(ko, "prompt"))
		check(mappingValue(ko, "explain"))
		if cs := mappingValue(ko, "choices"); cs != nil {
			for i := 1; i < len(cs.Content); i += 2 {
				check(cs.Content[i])
			}
		}
	}
	return out
}

// haeyo and glossSpace are the register and gloss rules the style guide
// adds to its "never" column (as internal/vocabtest checks the catalog).
var (
	haeyo      = regexp.MustCompile(`[가-힣](세요|해요|어요|아요|예요|에요)[.!]?(\s|$|\))`)
	glossSpace = regexp.MustCompile(`[가-힣A-Za-z] \([^)]*\)`)
)

func TestQuizKoreanCheckCatches(t *testing.T) {
	src := []byte("- id: x\n  ko:\n    prompt: 튜터의 질문입니까?\n    choices: {a: 공용 서브넷, b: 가용 영역 (AZ)}\n    explain: 골라 보세요.\n")
	assert.Equal(t, []string{`q.yaml:3: "튜터" (use 이 강좌)`, `q.yaml:5: "보세요." is 해요체; prose is 합니다체, advice ~하십시오`,
		`q.yaml:4: "공용" (use 퍼블릭)`, `q.yaml:4: no space before a parenthetical gloss ("역 (AZ)")`}, quizKoreanViolations(t, "q.yaml", src))
}
