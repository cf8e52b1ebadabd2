package view

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
	Icon        string
}

// Alternate is the page in one language, for hreflang links.
type Alternate struct {
	Lang string
	Href string
}

// otherLang is the language the switch leads to.
func (p Page) otherLang() string {
	if p.Lang == "ko" {
		return "en"
	}
	return "ko"
}

func (p Page) fullTitle() string {
	if p.Title == "" {
		return T(p.Lang, "site")
	}
	return p.Title + " · " + T(p.Lang, "site")
}
