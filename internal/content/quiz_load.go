package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// loadQuizzes reads quiz/*.yaml once the chapters are known, since a
// quiz belongs to a chapter and its explanations link into chapters.
// Question IDs are unique across the course: a poll names a question by
// its ID alone.
func loadQuizzes(fsys fs.FS, lib *Library, ps *problems) {
	files, err := fs.Glob(fsys, quizDir+"/*.yaml")
	if err != nil {
		ps.add(quizDir+"/", "cannot list quizzes: %v", err)
		return
	}
	lib.quizzes = map[string]*Quiz{}
	idFile := map[string]string{}
	for _, file := range files {
		slug := strings.TrimSuffix(path.Base(file), ".yaml")
		if _, ok := lib.Chapter(i18n.Default, slug); !ok {
			ps.add(file, "no chapter has slug %q (a quiz file is named after its chapter)", slug)
			continue
		}
		z, ok := loadQuiz(fsys, lib, file, slug, idFile, ps)
		if ok {
			lib.quizzes[slug] = z
		}
	}
}

func loadQuiz(fsys fs.FS, lib *Library, file, slug string, idFile map[string]string, ps *problems) (*Quiz, bool) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		ps.add(file, "cannot read: %v", err)
		return nil, false
	}
	var entries []quizEntry
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&entries); err != nil {
		ps.add(file, "malformed YAML: %s (%v)", strings.TrimPrefix(err.Error(), "yaml: "), errQuizShape)
		return nil, false
	}
	if len(entries) == 0 {
		ps.add(file, "no questions")
		return nil, false
	}
	before := len(*ps)
	z := &Quiz{Slug: slug, File: file}
	for i, e := range entries {
		where := fmt.Sprintf("question %d (id %q)", i+1, e.ID)
		switch other, dup := idFile[e.ID]; {
		case !validSlug(e.ID):
			ps.add(file, "%s: id must be lowercase letters, digits and hyphens", where)
			continue
		case dup:
			ps.add(file, "%s: duplicate id (also in %s)", where, other)
			continue
		}
		idFile[e.ID] = file
		if q, ok := checkQuestion(lib, file, slug, where, e, ps); ok {
			z.Questions = append(z.Questions, q)
		}
	}
	if len(*ps) > before {
		return nil, false
	}
	z.Version = version(z.Questions)
	return z, true
}

// checkQuestion reports everything wrong with one question: its text in
// each language, its choices (the same keys, in the same order, in every
// language), its answer and its link.
func checkQuestion(lib *Library, file, slug, where string, e quizEntry, ps *problems) (*Question, bool) {
	before := len(*ps)
	bad := func(format string, args ...any) { ps.add(file, where+": "+format, args...) }
	q := &Question{ID: e.ID, Answer: e.Answer, See: e.See, text: map[string]QuestionText{}}
	keys := e.in(i18n.Default).Choices.keys()
	for _, lang := range i18n.List() {
		tr := e.in(lang)
		if strings.TrimSpace(tr.Prompt) == "" {
			bad("missing %s prompt", lang)
		}
		if strings.TrimSpace(tr.Explain) == "" {
			bad("missing %s explanation", lang)
		}
		if len(tr.Choices) < 2 {
			bad("%d %s choices; a question needs at least 2", len(tr.Choices), lang)
		}
		for _, c := range tr.Choices {
			if !validSlug(c.Key) {
				bad("choice key %q must be lowercase letters, digits and hyphens", c.Key)
			}
			if strings.TrimSpace(c.Text) == "" {
				bad("choice %q has no %s text", c.Key, lang)
			}
		}
		if got := tr.Choices.keys(); lang != i18n.Default && strings.Join(got, ",") != strings.Join(keys, ",") {
			bad("%s choices [%s] differ from %s choices [%s]; both languages need the same keys in the same order",
				lang, strings.Join(got, ", "), i18n.Default, strings.Join(keys, ", "))
		}
		q.text[lang] = QuestionText{Prompt: tr.Prompt, Choices: tr.Choices, Explain: tr.Explain}
	}
	checkAnswer(e.Answer, keys, bad)
	checkSee(lib, slug, e.See, bad)
	return q, len(*ps) == before
}

func checkAnswer(answer, keys []string, bad func(string, ...any)) {
	if len(answer) == 0 {
		bad("no answer (answer: [key, ...] lists the right choices)")
		return
	}
	seen := map[string]bool{}
	for _, a := range answer {
		switch {
		case seen[a]:
			bad("answer %q is listed twice", a)
		case !has(keys, a):
			bad("answer %q is not a choice (choices: %s)", a, strings.Join(keys, ", "))
		}
		seen[a] = true
	}
	if len(keys) > 0 && len(seen) >= len(keys) {
		bad("every choice is right; leave at least one wrong")
	}
}

// checkSee resolves the explanation's link in every language: it must
// name a section, and the chapters are checked one language at a time.
func checkSee(lib *Library, slug, see string, bad func(string, ...any)) {
	target, anchor, _ := strings.Cut(see, "#")
	if see == "" || anchor == "" || target == "" || target == "glossary" {
		bad("see %q must name the section that teaches the answer, as slug#section", see)
		return
	}
	for _, lang := range i18n.List() {
		from, _ := lib.Chapter(lang, slug)
		if from == nil {
			continue // reported as a missing translation already
		}
		if msg := lib.resolveLink(from, see); msg != "" {
			bad("see %q in %s: %s", see, lang, msg)
			return
		}
	}
}
