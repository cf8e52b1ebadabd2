package search

import (
	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Library is what LibraryDocuments reads; *content.Library has it.
type Library interface {
	Chapters(lang string) []*content.Chapter
	Glossary(lang string) []content.Term
	TradeOffs(lang string) []content.TradeOff
	DiagramNotes(lang string, v topology.View) []string
}

var _ Library = (*content.Library)(nil)

// LibraryDocuments turns the content into documents, in every language:
// each chapter's sections in course order, then the glossary, then the
// trade-offs (which live on the compare page) and the diagram notes
// (which live in the section that draws their diagram).
func LibraryDocuments(lib Library) []Document {
	var out []Document
	for _, lang := range i18n.List() {
		prefix := "/" + lang + "/"
		chapters := lib.Chapters(lang)
		for _, ch := range chapters {
			for _, sec := range ch.Sections {
				d := Document{Lang: lang, Kind: KindSection, Page: ch.Title, Title: sec.Title, URL: prefix + ch.Slug, Body: sec.Text}
				if sec.ID != "" {
					d.URL += "#" + sec.ID
				} else {
					d.Title = ch.Title // the opening part reads under the chapter's title
				}
				out = append(out, d)
			}
		}
		glossary := i18n.T(lang, "glossary")
		for _, t := range lib.Glossary(lang) {
			out = append(out, Document{Lang: lang, Kind: KindGlossary, Page: glossary, Title: t.Term,
				URL: prefix + "glossary#" + t.ID, Body: t.Def})
		}
		compare := i18n.T(lang, "compareTitle")
		for _, to := range lib.TradeOffs(lang) {
			for _, m := range topology.Modes() {
				out = append(out, Document{Lang: lang, Kind: KindTradeOff, Page: compare,
					Title: to.Label + " · " + m.Label().In(lang), URL: prefix + "compare", Body: to.Modes[m]})
			}
		}
		for _, v := range topology.Views() {
			page, title, url, ok := diagramHome(chapters, v)
			if !ok {
				continue
			}
			for _, note := range lib.DiagramNotes(lang, v) {
				out = append(out, Document{Lang: lang, Kind: KindDiagramNote, Page: page, Section: title, URL: prefix + url, Body: note})
			}
		}
	}
	return out
}

// diagramHome is the first section, in course order, that draws view v:
// where a note under that diagram is read.
func diagramHome(chapters []*content.Chapter, v topology.View) (page, title, url string, ok bool) {
	for _, ch := range chapters {
		for _, sec := range ch.Sections {
			for _, b := range sec.Blocks {
				if d, isDiagram := b.Spec.(*content.DiagramSpec); isDiagram && d.View == string(v) {
					url = ch.Slug
					title = ch.Title
					if sec.ID != "" {
						url += "#" + sec.ID
						title = sec.Title
					}
					return ch.Title, title, url, true
				}
			}
		}
	}
	return "", "", "", false
}
