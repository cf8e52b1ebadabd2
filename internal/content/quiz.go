package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// quizDir holds one file per chapter, named after its slug
// (quiz/control-plane.yaml). A sidecar rather than a fenced block in each
// chapter's Markdown: a question's ID, its choice keys and its answer are
// written once for both languages, so the graders, the learner's saved
// progress and rooms' live polls have one source for them, and the two
// translations can differ only in their words.
const quizDir = "quiz"

// Quiz is the quiz at the end of one chapter, in every language.
type Quiz struct {
	Slug      string // the chapter's slug
	File      string // path inside the content FS, for messages
	Questions []*Question
	// Version changes whenever an ID, a choice key or an answer does, so a
	// form filled in against an older quiz is told apart from a tampered one.
	Version string
}

// Question is one question of a quiz. Its ID is stable: polls and
// learners' saved progress refer to it.
type Question struct {
	ID     string
	Answer []string // the right choices' keys, in the file's order
	See    string   // "slug#anchor": the section that teaches it
	text   map[string]QuestionText
}

// QuestionText is a question in one language.
type QuestionText struct {
	Prompt  string
	Choices []Choice
	Explain string
}

// Choice is one answer a learner can pick; Key is the same in every language.
type Choice struct {
	Key  string
	Text string
}

// Multiple reports whether more than one choice is right (the form then
// offers checkboxes and asks for every right one).
func (q *Question) Multiple() bool { return len(q.Answer) > 1 }

// Text is the question in lang.
func (q *Question) Text(lang string) QuestionText { return q.text[lang] }

// HasChoice reports whether key is one of the question's choices.
func (q *Question) HasChoice(key string) bool {
	return slices.ContainsFunc(q.text[i18n.Default].Choices, func(c Choice) bool { return c.Key == key })
}

// ChoiceKeys lists the choices' keys in order.
func (q *Question) ChoiceKeys() []string {
	var keys []string
	for _, c := range q.text[i18n.Default].Choices {
		keys = append(keys, c.Key)
	}
	return keys
}

// Question finds a question of the quiz by ID.
func (z *Quiz) Question(id string) (*Question, bool) {
	for _, q := range z.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return nil, false
}

// Quiz returns the quiz of the chapter slug, if it has one.
func (l *Library) Quiz(slug string) (*Quiz, bool) {
	z, ok := l.quizzes[slug]
	return z, ok
}

// Quizzes returns every quiz in chapter order.
func (l *Library) Quizzes() []*Quiz {
	var out []*Quiz
	for _, ch := range l.chapters[i18n.Default] {
		if z, ok := l.quizzes[ch.Slug]; ok {
			out = append(out, z)
		}
	}
	return out
}

// quizEntry is a question as the file holds it.
type quizEntry struct {
	ID     string     `yaml:"id"`
	Answer []string   `yaml:"answer"`
	See    string     `yaml:"see"`
	EN     quizInLang `yaml:"en"`
	KO     quizInLang `yaml:"ko"`
}

type quizInLang struct {
	Prompt  string     `yaml:"prompt"`
	Choices choiceList `yaml:"choices"`
	Explain string     `yaml:"explain"`
}

func (e quizEntry) in(lang string) quizInLang {
	if lang == i18n.KO {
		return e.KO
	}
	return e.EN
}

// choiceList is a YAML mapping of key: text that keeps the file's order.
type choiceList []Choice

func (c *choiceList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: choices must be a mapping of key: text", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: choice %q must be one line of text", v.Line, k.Value)
		}
		*c = append(*c, Choice{Key: k.Value, Text: v.Value})
	}
	return nil
}

func (c choiceList) keys() []string {
	out := make([]string, len(c))
	for i, ch := range c {
		out[i] = ch.Key
	}
	return out
}

// version hashes what grading depends on: IDs, choice keys and answers.
func version(qs []*Question) string {
	h := sha256.New()
	for _, q := range qs {
		fmt.Fprintf(h, "%s|%s|%s\n", q.ID, strings.Join(q.ChoiceKeys(), ","), strings.Join(q.Answer, ","))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// errQuizShape is the hint appended to a malformed file's message.
var errQuizShape = errors.New("each question has id, answer: [keys], see: slug#section, en: {prompt, choices: {key: text}, explain}, ko: {...}")
