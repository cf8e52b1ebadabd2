package web

import (
	"strings"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/search"
)

// quizDocuments makes each quiz question's explanation searchable, in
// every language: the question is the title, the explanation the body,
// and the result links to the section the explanation points at (where
// the answer is taught), under that chapter's title.
func quizDocuments(lib *content.Library) []search.Document {
	var out []search.Document
	for _, lang := range i18n.List() {
		for _, z := range lib.Quizzes() {
			for _, q := range z.Questions {
				slug, _, _ := strings.Cut(q.See, "#")
				page := slug
				if ch, ok := lib.Chapter(lang, slug); ok {
					page = ch.Title
				}
				tr := q.Text(lang)
				out = append(out, search.Document{Lang: lang, Kind: search.KindQuiz, Page: page,
					Title: tr.Prompt, URL: "/" + lang + "/" + q.See, Body: tr.Explain})
			}
		}
	}
	return out
}
