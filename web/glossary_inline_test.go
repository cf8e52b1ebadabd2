package web

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// The inline glossary on every chapter in both languages: each marked term
// is its glossary entry's first use, links to an anchor the glossary page
// has, carries its definition as the link's description, and never sits
// in a heading, a link, code or a diagram.
func TestInlineGlossaryOnEveryChapter(t *testing.T) {
	for _, lang := range i18n.List() {
		anchors := map[string]string{} // id -> definition text
		for _, n := range mustDoc(t, get(t, "/"+lang+"/glossary")).byTestID("term") {
			anchors[attr(n, "id")] = text(firstChild(n, "dd"))
		}
		require.NotEmpty(t, anchors)
		total, withParticle := 0, 0
		for _, slug := range slugs {
			t.Run(lang+"/"+slug, func(t *testing.T) {
				d := mustDoc(t, get(t, "/"+lang+"/"+slug))
				links := d.byTestID("term-link")
				assert.NotEmpty(t, links, "a chapter uses some glossary term")
				seen := map[string]bool{}
				ids := map[string]int{}
				for _, n := range d.all(func(n *html.Node) bool { return attr(n, "id") != "" }) {
					ids[attr(n, "id")]++
				}
				for _, a := range links {
					href := attr(a, "href")
					id, ok := strings.CutPrefix(href, "/"+lang+"/glossary#")
					require.True(t, ok, href)
					_, exists := anchors[id]
					assert.True(t, exists, "%s: the glossary has #%s", slug, id)
					assert.False(t, seen[id], "%s: %s is marked once, at its first use", slug, id)
					seen[id] = true
					for p := a.Parent; p != nil; p = p.Parent {
						switch p.Data {
						case "h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "figure", "svg", "button", "label":
							t.Errorf("%s: term %s inside <%s>", slug, id, p.Data)
						}
					}
					desc := attr(a, "aria-describedby")
					assert.Equal(t, 1, ids[desc], "%s: description #%s exists once", slug, desc)
					pop := a.NextSibling
					require.NotNil(t, pop)
					assert.Equal(t, desc, attr(pop, "id"))
					assert.Equal(t, "tooltip", attr(pop, "role"))
					assert.Contains(t, text(pop), strings.Fields(anchors[id])[0], "%s: the definition of %s", slug, id)
					total++
					if after := a.Parent.NextSibling; after != nil && after.Type == html.TextNode {
						if r, _ := utf8.DecodeRuneInString(after.Data); unicode.Is(unicode.Hangul, r) {
							withParticle++
						}
					}
				}
			})
		}
		t.Logf("%s: %d terms marked across %d chapters, %d followed by a particle", lang, total, len(slugs), withParticle)
		if lang == i18n.KO {
			assert.Positive(t, withParticle, "Korean terms are found before their particles (NLB가)")
		}
	}
}

// A term that is the first word of a heading is marked in the prose that
// follows, not in the heading.
func TestInlineGlossarySkipsHeadingsAndCode(t *testing.T) {
	d := mustDoc(t, get(t, "/en/control-plane"))
	for _, h := range append(d.tag("h2"), d.tag("h3")...) {
		assert.Empty(t, (doc{h}).byTestID("term-link"), text(h))
	}
	for _, c := range append(d.tag("code"), d.tag("pre")...) {
		assert.Empty(t, (doc{c}).byTestID("term-link"))
	}
}
