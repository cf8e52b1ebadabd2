package web

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/web/view"
)

func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	lang := chi.URLParam(r, "lang")
	if !strings.HasSuffix(r.URL.Path, "/") {
		// The course home's links are relative to /{lang}/.
		http.Redirect(w, r, "/"+lang+"/", http.StatusMovedPermanently)
		return nil
	}
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
	path := "/" + lang + "/" + slug
	body, hasPlayer, err := s.chapterBody(r, lang, path, ch.HTML)
	if err != nil {
		return err
	}
	m := view.ChapterModel{
		Page:  s.page(lang, ch.Title, path),
		Order: ch.Order, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes, Body: body,
	}
	if ch.Diagrams > 0 {
		m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"))
	}
	if hasPlayer {
		s.assets.addModule(&m.Page, "js/player.js")
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

// chapterBody puts the player, at the state the URL asks for, into a
// chapter that has one, and says whether it did.
func (s *server) chapterBody(r *http.Request, lang, path, html string) (string, bool, error) {
	before, after, def, ok := parsePlayerMarker(html)
	if !ok {
		return html, false, nil
	}
	st, err := readPlayerState(lang, r.URL.Query(), def)
	if err != nil {
		return "", false, err
	}
	key := path + "?" + string(st.Mode) + "&" + string(st.Flow) + "&" + itoa(st.Step)
	player, ok := s.players.Load(key)
	if !ok {
		html, err := renderPlayer(r.Context(), lang, path, st)
		if err != nil {
			return "", false, err
		}
		player, _ = s.players.LoadOrStore(key, html)
	}
	return before + player.(string) + after, true, nil
}

func chapterLink(ch *content.Chapter) view.ChapterLink {
	return view.ChapterLink{Order: ch.Order, Slug: ch.Slug, Title: ch.Title, Summary: ch.Summary, Minutes: ch.Minutes}
}
