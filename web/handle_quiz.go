package web

import (
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// problemMissing is a form field that must be sent and was not.
const problemMissing params.Problem = "missing"

// quizAnswer grades a chapter's quiz: POST /{lang}/{slug}/quiz. The answer
// is the chapter again with the quiz graded (status 200, never cached, so
// a learner's answers stay theirs). The server is the grader: quiz.js
// sends the same form and shows the same section.
func (s *server) quizAnswer(w http.ResponseWriter, r *http.Request) error {
	lang, slug := pathLang(r), chi.URLParam(r, "slug")
	z, ok := s.lib.Quiz(slug)
	if _, found := s.lib.Chapter(lang, slug); !found || !ok {
		return errNotFound()
	}
	if err := noParams(r); err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	answers, err := decodeAnswers(z, form)
	if err != nil {
		return err
	}
	score := z.Grade(answers)
	m, err := s.chapterModel(r, lang, slug)
	if err != nil {
		return err
	}
	q := quizView(s.lib, lang, z, &score)
	m.Quiz = &q
	// This page sits one level deeper than the chapter: the chapter's
	// relative links would miss, so they are made absolute.
	m.Base = "/" + lang + "/"
	m.Body = presentLinksAt("/"+lang+"/"+slug, absoluteLinks(m.Base, m.Body))
	m.Page.NoIndex = true
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r.Context(), http.StatusOK, view.Chapter(m))
}

// decodeAnswers checks every field of a submission against the quiz and
// returns the answers, or a 400 that lists every bad field: the version
// missing or stale, a question the quiz does not have, a choice the
// question does not have, two answers to a one-answer question. A
// question left unanswered is not an error: it is graded wrong.
func decodeAnswers(z *content.Quiz, form map[string][]string) (map[string][]string, error) {
	var errs params.Errors
	switch v := form[view.VersionField]; {
	case len(v) == 0:
		errs = append(errs, params.FieldError{Name: view.VersionField, Problem: problemMissing, Message: topology.Text{
			EN: "The form lacks the quiz's version; send it from the chapter page.",
			KO: "양식에 확인 문제의 버전이 없습니다. 장 페이지에서 보내 주세요.",
		}})
	case len(v) > 1:
		errs = append(errs, repeated(view.VersionField))
	case v[0] != z.Version:
		errs = append(errs, params.FieldError{Name: view.VersionField, Value: v[0], Problem: params.Invalid, Accepted: z.Version, Message: topology.Text{
			EN: "The quiz has changed since this page was loaded. Reload the page and answer again.",
			KO: "이 페이지를 연 뒤에 확인 문제가 바뀌었습니다. 페이지를 새로 고친 뒤 다시 답해 주세요.",
		}})
	}
	answers := map[string][]string{}
	for _, q := range z.Questions {
		vals, given := form[q.ID]
		if !given {
			continue
		}
		errs = append(errs, checkChoices(q, vals)...)
		answers[q.ID] = vals
	}
	var unknown []string
	for name := range form {
		if _, ok := z.Question(name); !ok && name != view.VersionField {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	ids := make([]string, len(z.Questions))
	for i, q := range z.Questions {
		ids[i] = q.ID
	}
	for _, name := range unknown {
		errs = append(errs, params.FieldError{Name: name, Problem: params.Unknown, Accepted: strings.Join(ids, ", "), Message: topology.Text{
			EN: "This quiz has no such question (its questions: " + strings.Join(ids, ", ") + ").",
			KO: "이 확인 문제에 없는 질문입니다(질문: " + strings.Join(ids, ", ") + ").",
		}})
	}
	if len(errs) > 0 {
		return nil, &Error{Status: http.StatusBadRequest, Fields: errs, Detail: topology.Text{
			EN: "The quiz answers could not be checked. Fields to fix: " + fieldNames(errs) + ".",
			KO: "답을 확인할 수 없습니다. 고쳐야 할 항목: " + fieldNames(errs) + ".",
		}}
	}
	return answers, nil
}

// checkChoices reports each value that is not one of q's choices, and
// more than one answer where one is asked for or one choice sent twice.
func checkChoices(q *content.Question, vals []string) params.Errors {
	var errs params.Errors
	keys := strings.Join(q.ChoiceKeys(), ", ")
	for i, v := range vals {
		switch {
		case !q.HasChoice(v):
			errs = append(errs, params.FieldError{Name: q.ID, Value: v, Problem: params.Invalid, Accepted: keys, Message: topology.Text{
				EN: "This question has no such choice (its choices: " + keys + ").",
				KO: "이 질문에 없는 선택지입니다(선택지: " + keys + ").",
			}})
		case slices.Contains(vals[:i], v):
			errs = append(errs, repeated(q.ID))
		}
	}
	if !q.Multiple() && len(vals) > 1 {
		errs = append(errs, params.FieldError{Name: q.ID, Problem: params.Repeated, Accepted: keys, Message: topology.Text{
			EN: "This question takes one answer; the form sent " + itoa(len(vals)) + ".",
			KO: "이 질문은 답을 하나만 받습니다. 양식에는 " + itoa(len(vals)) + "개가 왔습니다.",
		}})
	}
	return errs
}

func repeated(name string) params.FieldError {
	return params.FieldError{Name: name, Problem: params.Repeated, Message: topology.Text{
		EN: "Sent more than once; send it once.",
		KO: "두 번 이상 왔습니다. 한 번만 보내 주세요.",
	}}
}

func fieldNames(errs params.Errors) string {
	var names []string
	for _, f := range errs {
		if !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, ", ")
}

// quizView is the quiz's view model in lang; score is nil before an answer.
func quizView(lib *content.Library, lang string, z *content.Quiz, score *content.Score) view.QuizModel {
	base := "/" + lang + "/" + z.Slug
	m := view.QuizModel{Lang: lang, Slug: z.Slug, Action: base + "/quiz", Again: base + "#quiz", Version: z.Version}
	for i, q := range z.Questions {
		tr := q.Text(lang)
		vq := view.QuizQuestion{ID: q.ID, Prompt: tr.Prompt, Multiple: q.Multiple(), Explain: tr.Explain,
			SeeHref: "/" + lang + "/" + q.See, SeeTitle: sectionTitle(lib, lang, q.See)}
		var chosen []string
		if score != nil {
			g := score.Questions[i]
			chosen, vq.Correct = g.Chosen, g.Correct
		}
		for _, c := range tr.Choices {
			vq.Choices = append(vq.Choices, view.QuizChoice{Key: c.Key, Text: c.Text,
				Chosen: slices.Contains(chosen, c.Key), Right: slices.Contains(q.Answer, c.Key)})
		}
		m.Questions = append(m.Questions, vq)
	}
	if score != nil {
		m.Graded, m.Right = true, score.Right
	}
	return m
}

// sectionTitle names the section a link points at: its heading when the
// table of contents has it, else the chapter's title.
func sectionTitle(lib *content.Library, lang, link string) string {
	slug, anchor, _ := strings.Cut(link, "#")
	ch, ok := lib.Chapter(lang, slug)
	if !ok {
		return link
	}
	for _, h := range ch.TOC {
		if h.ID == anchor {
			return h.Title
		}
	}
	return ch.Title
}

// relativeLink is an href to a sibling page ("cost#nlb", "glossary#igw"):
// no scheme, no leading slash, not a fragment or query of this page.
var relativeLink = regexp.MustCompile(`href="([a-z0-9][a-z0-9-]*(?:#[^"]*)?)"`)

// absoluteLinks makes a chapter body's sibling links absolute under base.
func absoluteLinks(base, body string) string {
	return relativeLink.ReplaceAllString(body, `href="`+base+`$1"`)
}
