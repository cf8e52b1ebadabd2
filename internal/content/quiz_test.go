package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quizOK is a valid quiz for validFS's chapter "one": a single-answer
// question and a multiple-answer one.
const quizOK = `- id: one-first
  answer: [b]
  see: one#first
  en:
    prompt: Which?
    choices: {a: This, b: That}
    explain: That, because.
  ko:
    prompt: 어느 것입니까?
    choices: {a: 이것, b: 저것}
    explain: 저것입니다.
- id: one-both
  answer: [a, c]
  see: two#second
  en:
    prompt: Tick both.
    choices: {a: A, b: B, c: C}
    explain: A and C.
  ko:
    prompt: 둘 다 고르십시오.
    choices: {a: 가, b: 나, c: 다}
    explain: 가와 다입니다.
`

func quizFS(quiz string) fstest.MapFS {
	fsys := validFS()
	fsys["quiz/one.yaml"] = &fstest.MapFile{Data: []byte(quiz)}
	return fsys
}

func TestQuizLoads(t *testing.T) {
	lib := mustLoad(t, quizFS(quizOK))
	z, ok := lib.Quiz("one")
	require.True(t, ok)
	require.Len(t, z.Questions, 2)
	q := z.Questions[0]
	assert.Equal(t, "one-first", q.ID)
	assert.False(t, q.Multiple())
	assert.True(t, z.Questions[1].Multiple())
	assert.Equal(t, []Choice{{"a", "이것"}, {"b", "저것"}}, q.Text("ko").Choices, "choices keep the file's order")
	assert.Equal(t, "That, because.", q.Text("en").Explain)
	assert.Len(t, z.Version, 12)
	_, ok = lib.Quiz("two")
	assert.False(t, ok, "a chapter without a quiz file has none")
	assert.Equal(t, []*Quiz{z}, lib.Quizzes())

	// The version follows what grading depends on, not the wording.
	reworded := mustLoad(t, quizFS(strings.Replace(quizOK, "That, because.", "Because.", 1)))
	rz, _ := reworded.Quiz("one")
	assert.Equal(t, z.Version, rz.Version)
	rekeyed := mustLoad(t, quizFS(strings.Replace(quizOK, "answer: [b]", "answer: [a]", 1)))
	kz, _ := rekeyed.Quiz("one")
	assert.NotEqual(t, z.Version, kz.Version)
}

func TestQuizValidation(t *testing.T) {
	const f = "content: quiz/one.yaml: "
	tests := []struct {
		name  string
		quiz  string // quizOK with one replacement
		old   string
		want  string
		files map[string]string // extra quiz files
	}{
		{name: "unknown answer key", old: "answer: [b]", quiz: "answer: [z]",
			want: f + `question 1 (id "one-first"): answer "z" is not a choice (choices: a, b)`},
		{name: "no answer", old: "answer: [b]", quiz: "answer: []",
			want: f + `question 1 (id "one-first"): no answer (answer: [key, ...] lists the right choices)`},
		{name: "answer twice", old: "answer: [a, c]", quiz: "answer: [a, a]",
			want: f + `question 2 (id "one-both"): answer "a" is listed twice`},
		{name: "every choice right", old: "answer: [b]", quiz: "answer: [a, b]",
			want: f + `question 1 (id "one-first"): every choice is right; leave at least one wrong`},
		{name: "broken anchor", old: "see: one#first", quiz: "see: one#nowhere",
			want: f + `question 1 (id "one-first"): see "one#nowhere" in ko: chapter "one" has no heading with id "nowhere"`},
		{name: "unknown chapter", old: "see: two#second", quiz: "see: three#second",
			want: f + `question 2 (id "one-both"): see "three#second" in ko: no chapter with slug "three"`},
		{name: "link without section", old: "see: one#first", quiz: "see: one",
			want: f + `question 1 (id "one-first"): see "one" must name the section that teaches the answer, as slug#section`},
		{name: "ko choices differ", old: "choices: {a: 가, b: 나, c: 다}", quiz: "choices: {a: 가, b: 나, d: 다}",
			want: f + `question 2 (id "one-both"): ko choices [a, b, d] differ from en choices [a, b, c]; both languages need the same keys in the same order`},
		{name: "ko choices reordered", old: "choices: {a: 이것, b: 저것}", quiz: "choices: {b: 저것, a: 이것}",
			want: f + `question 1 (id "one-first"): ko choices [b, a] differ from en choices [a, b]; both languages need the same keys in the same order`},
		{name: "missing ko prompt", old: "    prompt: 어느 것입니까?\n", quiz: "",
			want: f + `question 1 (id "one-first"): missing ko prompt`},
		{name: "missing en explanation", old: "    explain: A and C.\n", quiz: "",
			want: f + `question 2 (id "one-both"): missing en explanation`},
		{name: "one choice", old: "choices: {a: 이것, b: 저것}", quiz: "choices: {a: 이것}",
			want: f + "question 1 (id \"one-first\"): 1 ko choices; a question needs at least 2\n" +
				`  quiz/one.yaml: question 1 (id "one-first"): ko choices [a] differ from en choices [a, b]; both languages need the same keys in the same order`},
		{name: "empty choice text", old: "{a: 가, b: 나, c: 다}", quiz: `{a: 가, b: "", c: 다}`,
			want: f + `question 2 (id "one-both"): choice "b" has no ko text`},
		{name: "bad id", old: "id: one-first", quiz: "id: One_First",
			want: f + `question 1 (id "One_First"): id must be lowercase letters, digits and hyphens`},
		{name: "duplicate id", old: "id: one-both", quiz: "id: one-first",
			want: f + `question 2 (id "one-first"): duplicate id (also in quiz/one.yaml)`},
		{name: "duplicate id across quizzes", old: "", quiz: "",
			files: map[string]string{"quiz/two.yaml": strings.Replace(strings.Replace(quizOK, "one-both", "two-b", 1), "see: one#first", "see: two#second", 1)},
			want:  `content: quiz/two.yaml: question 1 (id "one-first"): duplicate id (also in quiz/one.yaml)`},
		{name: "quiz for no chapter", old: "", quiz: "", files: map[string]string{"quiz/nine.yaml": quizOK},
			want: `content: quiz/nine.yaml: no chapter has slug "nine" (a quiz file is named after its chapter)`},
		{name: "unknown key", old: "see: one#first", quiz: "sees: one#first",
			want: f + "malformed YAML: unmarshal errors:\n  line 3: field sees not found in type content.quizEntry (" + errQuizShape.Error() + ")"},
		{name: "choices not a mapping", old: "choices: {a: This, b: That}", quiz: "choices: [This, That]",
			want: f + "malformed YAML: line 6: choices must be a mapping of key: text (" + errQuizShape.Error() + ")"},
		{name: "no questions", old: quizOK, quiz: "[]",
			want: f + "no questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quiz := quizOK
			if tt.old != "" {
				require.Contains(t, quiz, tt.old)
				quiz = strings.Replace(quiz, tt.old, tt.quiz, 1)
			}
			fsys := quizFS(quiz)
			for name, body := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			_, err := Load(fsys, Options{})
			require.Error(t, err)
			var ve *ValidationError
			require.True(t, errors.As(err, &ve))
			msg := err.Error()
			if len(ve.Problems) > 1 {
				msg = "content: " + msg[strings.Index(msg, "\n  ")+3:] // drop "N problems:"
			}
			assert.Equal(t, tt.want, msg)
		})
	}
}

func TestQuizGrade(t *testing.T) {
	lib := mustLoad(t, quizFS(quizOK))
	z, _ := lib.Quiz("one")
	tests := []struct {
		name    string
		answers map[string][]string
		right   int
		correct []bool
		chosen  [][]string
	}{
		{"all right", map[string][]string{"one-first": {"b"}, "one-both": {"c", "a"}}, 2, []bool{true, true}, [][]string{{"b"}, {"a", "c"}}},
		{"one of two is not enough", map[string][]string{"one-first": {"b"}, "one-both": {"a"}}, 1, []bool{true, false}, [][]string{{"b"}, {"a"}}},
		{"a wrong extra spoils it", map[string][]string{"one-both": {"a", "b", "c"}}, 0, []bool{false, false}, [][]string{nil, {"a", "b", "c"}}},
		{"nothing answered", nil, 0, []bool{false, false}, [][]string{nil, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := z.Grade(tt.answers)
			assert.Equal(t, tt.right, s.Right)
			require.Len(t, s.Questions, 2)
			for i, g := range s.Questions {
				assert.Equal(t, tt.correct[i], g.Correct, g.Question.ID)
				assert.Equal(t, tt.chosen[i], g.Chosen, g.Question.ID)
			}
		})
	}
}
