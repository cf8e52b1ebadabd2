package web

import (
	"strings"

	"github.com/ekstutor/ekstutor/web/view"
)

// navSection is one top-level capability the header links to, under
// /{lang}/. The list is the header's order: the course first, then the
// tools a learner uses beside it, then what follows them across visits
// (progress) and what a group does together (rooms). Search is not a
// section: the header's box is its way in.
type navSection struct {
	id    string // data-testid "nav-"+id, and the name tests use
	slug  string // the section's page under /{lang}/; "" is the course home
	label string // catalog key: the section's own page title where it has a short one
	// under are other path prefixes (after /{lang}) whose pages belong to
	// the section: a room's follower and presenter pages live at /r/{code}.
	under []string
}

var navSections = []navSection{
	{id: "course", slug: "", label: "course"},
	{id: "lab", slug: "lab", label: "lab"},
	{id: "compare", slug: "compare", label: "compare"},
	{id: "exercises", slug: "exercises", label: "nav.exercises"},
	{id: "glossary", slug: "glossary", label: "glossary"},
	{id: "progress", slug: "progress", label: "progress"},
	{id: "rooms", slug: "rooms", label: "room.title", under: []string{"/r/"}},
}

// navLinks is the header's list for the page at path in lang. The link to
// the page itself carries aria-current="page"; a link to the section the
// page belongs to (the course for a chapter, the exercises for one
// exercise, rooms for a room) carries aria-current="true", since it is
// not the page a reader is on. isChapter says whether a slug is a chapter
// of lang. An empty path (error pages) marks nothing.
func navLinks(lang, path string, isChapter func(lang, slug string) bool) []view.NavLink {
	out := make([]view.NavLink, 0, len(navSections))
	for _, sec := range navSections {
		href := "/" + lang + "/" + sec.slug
		l := view.NavLink{ID: sec.id, Href: href, Label: view.T(lang, sec.label)}
		switch {
		case path == "":
		case path == href:
			l.Current = "page"
		case sec.within(lang, path, isChapter):
			l.Current = "true"
		}
		out = append(out, l)
	}
	return out
}

// within says whether the page at path belongs to the section without
// being its page.
func (sec navSection) within(lang, path string, isChapter func(lang, slug string) bool) bool {
	rest, ok := strings.CutPrefix(path, "/"+lang)
	if !ok {
		return false
	}
	if sec.slug == "" {
		slug := strings.TrimPrefix(rest, "/")
		return slug != "" && !strings.Contains(slug, "/") && isChapter(lang, slug)
	}
	for _, prefix := range append([]string{"/" + sec.slug + "/"}, sec.under...) {
		if strings.HasPrefix(rest, prefix) {
			return true
		}
	}
	return false
}

// isChapter says whether slug is one of lang's chapters.
func (s *server) isChapter(lang, slug string) bool {
	_, ok := s.lib.Chapter(lang, slug)
	return ok
}
