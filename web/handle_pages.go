package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/web/view"
)

func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	lang := chi.URLParam(r, "lang")
	m := view.HomeModel{Page: s.page(lang, "", "/"+lang+"/")}
	m.Page.Description = view.T(lang, "tagline")
	for _, ch := range s.lib.Chapters(lang) {
		m.Chapters = append(m.Chapters, chapterLink(ch))
	}
	return render(w, r.Context(), http.StatusOK, view.Home(m))
}

func (s *server) chapter(w http.ResponseWriter, r *http.Request) error {
	lang, slug := chi.URLParam(r, "lang"), chi.URLParam(r, "slug")
	ch, ok := s.lib.Chapter(lang, slug)
	if !ok {
		return notFound()
	}
	m := view.ChapterModel{
		Page:  s.page(lang, ch.Title, "/"+lang+"/"+slug),
		Order: ch.Order, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes, Body: ch.HTML,
	}
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
	return render(w, r.Context(), http.StatusOK, view.Chapter(m))
}

func (s *server) glossary(w http.ResponseWriter, r *http.Request) error {
	lang := chi.URLParam(r, "lang")
	m := view.GlossaryModel{Page: s.page(lang, view.T(lang, "glossary"), "/"+lang+"/glossary")}
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

func chapterLink(ch *content.Chapter) view.ChapterLink {
	return view.ChapterLink{Order: ch.Order, Slug: ch.Slug, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes}
}
