package view

import "github.com/ekstutor/ekstutor/internal/i18n"

// Page is what every page's layout needs to know.
type Page struct {
	Lang        string
	Title       string // page title without the site name; "" for the home page
	Description string
	Path        string      // this page's path without query
	Canonical   string      // absolute URL of the page without query
	AltPath     string      // the same page in the other language (the switch)
	Alternates  []Alternate // absolute URLs of the page in every language
	NoIndex     bool        // error pages: not for search engines
	CSS         []string
	JS          []string // ES modules
	// ModulePreloads are the modules that JS imports, fetched at once
	// rather than discovered one import level per round trip.
	ModulePreloads []string
	Icon           string
	// ThemeScript is the tiny classic script that applies the reader's
	// theme before the first paint (a module would run too late).
	ThemeScript string
	// Shortcuts are the page's keyboard shortcuts, for the help overlay.
	Shortcuts []Shortcut
	// Nav is the header's list of the product's sections (web/nav.go).
	Nav []NavLink
}

// NavLink is one section in the header's navigation. Current is the
// aria-current value: "page" on the section's own page, "true" on a page
// inside the section, "" elsewhere.
type NavLink struct {
	ID, Href, Label string
	Current         string
}

// Shortcut is one line of the help overlay: the keys and what they do.
type Shortcut struct {
	Keys []string
	What string
}

// Alternate is the page in one language, for hreflang links.
type Alternate struct {
	Lang string
	Href string
}

// otherLang is the language the switch leads to.
func (p Page) otherLang() string { return i18n.Other(p.Lang) }

func (p Page) fullTitle() string {
	if p.Title == "" {
		return T(p.Lang, "site")
	}
	return p.Title + " · " + T(p.Lang, "site")
}
