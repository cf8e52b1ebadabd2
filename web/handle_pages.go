package web

import (
	"net/http"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/web/view"
)

func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if err := noParams(r); err != nil {
		return err
	}
	if !strings.HasSuffix(r.URL.Path, "/") {
		// The course home's links are relative to /{lang}/.
		http.Redirect(w, r, "/"+lang+"/", http.StatusMovedPermanently)
		return nil
	}
	m := view.HomeModel{Page: s.page(r, lang, "", "/"+lang+"/")}
	m.Page.Description = view.T(lang, "tagline")
	for _, ch := range s.lib.Chapters(lang) {
		m.Chapters = append(m.Chapters, chapterLink(ch))
	}
	m.Progress = s.progressData(lang, false)
	s.assets.addModule(&m.Page, "js/progress-page.js")
	return render(w, r.Context(), http.StatusOK, view.Home(m))
}

func (s *server) chapter(w http.ResponseWriter, r *http.Request) error {
	lang, slug := pathLang(r), chi.URLParam(r, "slug")
	if params.WantsPresenter(r.URL.RawQuery) {
		return s.presentChapter(w, r, lang, slug)
	}
	m, err := s.chapterModel(r, lang, slug)
	if err != nil {
		return err
	}
	if z, ok := s.lib.Quiz(slug); ok {
		q := quizView(s.lib, lang, z, nil)
		m.Quiz = &q
	}
	return render(w, r.Context(), http.StatusOK, view.Chapter(m))
}

// chapterModel fills a chapter page's view model, with its player at the
// state the URL asks for; the quiz is the caller's (unanswered or graded).
func (s *server) chapterModel(r *http.Request, lang, slug string) (view.ChapterModel, error) {
	ch, ok := s.lib.Chapter(lang, slug)
	if !ok {
		return view.ChapterModel{}, errNotFound()
	}
	path := "/" + lang + "/" + slug
	body, hasPlayer, err := s.chapterBody(r, lang, path, ch.Body)
	if err != nil {
		return view.ChapterModel{}, err
	}
	if !hasPlayer {
		if err := noParams(r); err != nil {
			return view.ChapterModel{}, err
		}
	}
	m := view.ChapterModel{
		Page:  s.page(r, lang, ch.Title, path),
		Order: ch.Order, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes, Body: body,
	}
	if ch.Blocks["diagram"] > 0 {
		m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"))
	}
	if hasPlayer {
		s.assets.addModule(&m.Page, "js/player.js")
		m.Page.Shortcuts = append(m.Page.Shortcuts, playerShortcuts(lang)...)
		if m.Exercise, err = s.pageExercise(&m.Page, 0); err != nil {
			return view.ChapterModel{}, err
		}
	}
	s.assets.addModule(&m.Page, "js/terms.js") // the inline glossary: Escape and touch
	s.assets.addModule(&m.Page, "js/chapter.js")
	m.Page.Description = ch.Summary
	for _, h := range ch.TOC {
		m.TOC = append(m.TOC, view.Heading{ID: h.ID, Title: h.Title})
	}
	prev, next := s.lib.Neighbours(lang, slug)
	if prev != nil {
		l := chapterLink(prev)
		m.Prev = &l
	}
	if next != nil {
		l := chapterLink(next)
		m.Next = &l
	}
	return m, nil
}

func (s *server) glossary(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if err := noParams(r); err != nil {
		return err
	}
	m := view.GlossaryModel{Page: s.page(r, lang, view.T(lang, "glossary"), "/"+lang+"/glossary")}
	m.Page.Description = view.T(lang, "glossaryIntro")
	for _, t := range s.lib.Glossary(lang) {
		vt := view.Term{ID: t.ID, Term: t.Term, Def: t.Def}
		if ch, ok := s.lib.Chapter(lang, t.Chapter); ok {
			vt.ChapterSlug, vt.ChapterTitle = ch.Slug, ch.Title
		}
		m.Terms = append(m.Terms, vt)
	}
	return render(w, r.Context(), http.StatusOK, view.Glossary(m))
}

// chapterBody joins a chapter's segments, filling its player slot with
// the player at the state the URL asks for, and says whether it had one.
func (s *server) chapterBody(r *http.Request, lang, path string, body []content.Segment) (string, bool, error) {
	var b strings.Builder
	hasPlayer := false
	for _, seg := range body {
		if seg.Slot == nil {
			b.WriteString(seg.HTML)
			continue
		}
		d := seg.Slot.Spec.(*content.DiagramSpec)
		st, err := params.DecodePlayer(r.URL.RawQuery, params.PlayerState{Mode: d.Mode, Flow: d.Flow})
		if err != nil {
			return "", false, err
		}
		html, err := s.playerHTML(r.Context(), lang, path, st)
		if err != nil {
			return "", false, err
		}
		b.WriteString(html)
		hasPlayer = true
	}
	return b.String(), hasPlayer, nil
}

func chapterLink(ch *content.Chapter) view.ChapterLink {
	return view.ChapterLink{Order: ch.Order, Slug: ch.Slug, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes}
}

// noParams refuses any query on a page that takes none: a typo'd
// parameter is an error, not a silently ignored one, and one page does not
// answer under endless addresses.
func noParams(r *http.Request) error {
	if r.URL.RawQuery == "" {
		return nil
	}
	_, err := params.Schema{}.Decode(r.URL.RawQuery)
	return err
}
