package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/web/view"
)

// progress is /{lang}/progress. The server stores nothing: the page is a
// frame that progress-page.js fills from the browser's localStorage, with
// every quiz for review. Without JavaScript it says where progress lives.
func (s *server) progress(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if err := noParams(r); err != nil {
		return err
	}
	m := view.ProgressModel{Page: s.page(r, lang, view.T(lang, "progressTitle"), "/"+lang+"/progress")}
	m.Page.Description = view.T(lang, "progressIntro")
	m.Page.NoIndex = true // a different page for every reader
	for _, ch := range s.lib.Chapters(lang) {
		m.Chapters = append(m.Chapters, chapterLink(ch))
	}
	m.Data = s.progressData(lang, true)
	s.assets.addModule(&m.Page, "js/progress-page.js")
	return render(w, r.Context(), http.StatusOK, view.Progress(m))
}

// progressData is what the progress scripts need: the js.* words of the
// catalog and the chapters, with every quiz's questions when withQuizzes
// (review checks answers in the browser: it is a self-test, and the
// server keeps no state to grade against).
func (s *server) progressData(lang string, withQuizzes bool) view.ProgressData {
	d := view.ProgressData{Lang: lang, Messages: map[string]string{}}
	for _, k := range i18n.Keys() {
		if name, ok := strings.CutPrefix(k, "js."); ok {
			d.Messages[name] = view.T(lang, k)
		}
	}
	d.Messages["rightChoice"] = view.T(lang, "quizRightChoice")
	d.Messages["yourChoice"] = view.T(lang, "quizYourChoice")
	d.Messages["readAgain"] = view.T(lang, "quizRead")
	for _, ch := range s.lib.Chapters(lang) {
		pc := view.ProgressChapter{Slug: ch.Slug, Title: ch.Title}
		if z, ok := s.lib.Quiz(ch.Slug); ok && withQuizzes {
			for _, q := range quizView(s.lib, lang, z, nil).Questions {
				rq := view.ReviewQuestion{ID: q.ID, Prompt: q.Prompt, Multiple: q.Multiple, Explain: q.Explain,
					SeeHref: q.SeeHref, SeeTitle: q.SeeTitle}
				for _, c := range q.Choices {
					rq.Choices = append(rq.Choices, view.ReviewChoice{Key: c.Key, Text: c.Text})
					if c.Right {
						rq.Answer = append(rq.Answer, c.Key)
					}
				}
				pc.Questions = append(pc.Questions, rq)
			}
		}
		d.Chapters = append(d.Chapters, pc)
	}
	return d
}

// learningAids gives every page the theme switch, the help overlay and
// their scripts: the tiny classic script that applies the chosen theme
// before the first paint, and the module behind the switch and the ? key.
func (s *server) learningAids(p *view.Page) {
	p.ThemeScript = s.assets.URL("js/theme-init.js")
	s.assets.addModule(p, "js/aids.js")
	p.Shortcuts = slices.Concat(p.Shortcuts, []view.Shortcut{
		{Keys: []string{"?"}, What: view.T(p.Lang, "keyHelp")},
		{Keys: []string{"Esc"}, What: view.T(p.Lang, "keyClose")},
	})
}

// playerShortcuts are the player's keys (static/js/player/player.js).
func playerShortcuts(lang string) []view.Shortcut {
	return []view.Shortcut{
		{Keys: []string{"Space"}, What: view.T(lang, "keyPlay")},
		{Keys: []string{"←", "→"}, What: view.T(lang, "keyStep")},
		{Keys: []string{"1", "2", "3"}, What: view.T(lang, "keyMode")},
	}
}
