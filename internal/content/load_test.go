package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chapterFile builds a chapter with valid front matter, overridable by
// replacing whole lines.
func chapterFile(slug string, order int, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: T " + slug + "\nslug: " + slug + "\norder: " +
		string(rune('0'+order)) + "\nsummary: S\nminutes: 3\n---\n" + body)}
}

const glossaryOK = `- id: igw
  chapter: one
  en: {term: Internet gateway, def: The VPC's door to the internet.}
  ko: {term: 인터넷 게이트웨이, def: VPC가 인터넷으로 나가는 문입니다.}
`

// validFS is a minimal library that loads cleanly; tests break one piece.
func validFS() fstest.MapFS {
	fsys := fstest.MapFS{
		"en/one.md":     chapterFile("one", 1, "Intro.\n\n## First {#first}\n\nSee [two](two#second) and [IGW](glossary#igw).\n"),
		"en/two.md":     chapterFile("two", 2, "## Second {#second}\n\nBack to [one](one) or [up](#second).\n"),
		"ko/one.md":     chapterFile("one", 1, "소개.\n\n## 첫째 {#first}\n\n[둘](two#second)\n"),
		"ko/two.md":     chapterFile("two", 2, "## 둘째 {#second}\n"),
		"glossary.yaml": {Data: []byte(glossaryOK)},
	}
	for name, f := range dataFiles() {
		fsys[name] = f
	}
	return fsys
}

func mustLoad(tb testing.TB, fsys fstest.MapFS) *Library {
	tb.Helper()
	lib, err := Load(fsys, Options{})
	require.NoError(tb, err)
	return lib
}

func TestLoadValid(t *testing.T) {
	lib := mustLoad(t, validFS())
	for _, lang := range i18n.List() {
		chs := lib.Chapters(lang)
		require.Len(t, chs, 2, lang)
		assert.Equal(t, "one", chs[0].Slug)
		assert.Equal(t, "two", chs[1].Slug)
		assert.Equal(t, "first", chs[0].TOC[0].ID)
	}
	prev, next := lib.Neighbours("en", "one")
	assert.Nil(t, prev)
	assert.Equal(t, "two", next.Slug)
	assert.Equal(t, "인터넷 게이트웨이", lib.Glossary("ko")[0].Term)
}

func TestLoadReportsBrokenContent(t *testing.T) {
	tests := []struct {
		name  string
		patch func(fstest.MapFS)
		want  string
	}{
		{"missing translation", func(f fstest.MapFS) { delete(f, "ko/two.md") },
			`content: en/two.md: missing translation: no ko chapter has slug "two"`},
		{"duplicate slug", func(f fstest.MapFS) { f["en/again.md"] = chapterFile("one", 3, "") },
			`content: en/one.md: duplicate slug "one" (also used by en/again.md)`},
		{"duplicate order", func(f fstest.MapFS) { f["en/two.md"] = chapterFile("two", 1, "## Second {#second}\n") },
			`content: en/two.md: duplicate order 1 (also used by en/one.md)`},
		{"unknown front-matter key", func(f fstest.MapFS) {
			f["en/two.md"].Data = []byte(strings.Replace(string(f["en/two.md"].Data), "title:", "titel:", 1))
		}, `content: en/two.md: unknown front-matter key "titel" (accepted: title, slug, order, summary, minutes)`},
		{"malformed YAML", func(f fstest.MapFS) {
			f["ko/one.md"].Data = []byte("---\ntitle: T\nslug: one: two\n---\n")
		}, `content: ko/one.md: malformed front matter YAML: line 3: mapping values are not allowed in this context`},
		{"missing key", func(f fstest.MapFS) {
			f["en/one.md"].Data = []byte(strings.Replace(string(f["en/one.md"].Data), "summary: S\n", "", 1))
		}, `content: en/one.md: front matter is missing "summary"`},
		{"wrong type", func(f fstest.MapFS) {
			f["en/one.md"].Data = []byte(strings.Replace(string(f["en/one.md"].Data), "minutes: 3", "minutes: soon", 1))
		}, "content: en/one.md: front matter has a wrong type: line 6: cannot unmarshal !!str `soon` into int (title, slug and summary are text; order and minutes are whole numbers)"},
		{"no front matter", func(f fstest.MapFS) { f["en/one.md"].Data = []byte("# Just Markdown\n") },
			`content: en/one.md: missing front matter: the file must start with a line "---"`},
		{"unterminated front matter", func(f fstest.MapFS) { f["en/one.md"].Data = []byte("---\ntitle: x\n") },
			`content: en/one.md: unterminated front matter: no closing line "---"`},
		{"broken chapter link", func(f fstest.MapFS) {
			f["en/two.md"] = chapterFile("two", 2, "## Second {#second}\n\n[x](three)\n")
		}, `content: en/two.md: broken link "three": no chapter with slug "three"`},
		{"broken anchor", func(f fstest.MapFS) {
			f["en/two.md"] = chapterFile("two", 2, "## Second {#second}\n\n[x](one#nowhere)\n")
		}, `content: en/two.md: broken link "one#nowhere": chapter "one" has no heading with id "nowhere"`},
		{"broken glossary link", func(f fstest.MapFS) {
			f["en/two.md"] = chapterFile("two", 2, "## Second {#second}\n\n[x](glossary#nat)\n")
		}, `content: en/two.md: broken link "glossary#nat": no glossary term with id "nat"`},
		{"glossary missing translation", func(f fstest.MapFS) {
			f["glossary.yaml"].Data = []byte("- id: igw\n  en: {term: IGW, def: Door.}\n")
		}, `content: glossary.yaml: entry 1 (id "igw"): missing ko term or definition`},
		{"glossary unknown key", func(f fstest.MapFS) {
			f["glossary.yaml"].Data = []byte("- id: igw\n  chapterr: one\n")
		}, "content: glossary.yaml: malformed YAML: unmarshal errors:\n  line 2: field chapterr not found in type content.glossaryEntry (each entry has id, chapter, en: {term, def}, ko: {term, def})"},
		{"glossary unknown chapter", func(f fstest.MapFS) {
			f["glossary.yaml"].Data = []byte(strings.Replace(glossaryOK, "chapter: one", "chapter: nine", 1))
		}, `content: glossary.yaml: term "igw" names chapter "nine", which does not exist`},
		{"diagram without embedder", func(f fstest.MapFS) {
			f["en/one.md"] = chapterFile("one", 1, "## First {#first}\n\n```diagram\nview: overview\n```\n")
		}, `content: en/one.md: fenced blocks need a block renderer, and none was given`},
		{"reserved slug", func(f fstest.MapFS) {
			f["en/one.md"] = chapterFile("compare", 1, "## First {#first}\n")
		}, `content: en/one.md: slug "compare" is reserved for a page of the site (reserved: glossary, compare)`},
		{"two players", func(f fstest.MapFS) {
			p := "```diagram\nview: endpoints\nmode: public\nflow: kubelet-to-apiserver\nplayer: true\n```\n"
			f["en/one.md"] = chapterFile("one", 1, "## First {#first}\n\n"+p+"\n"+p)
		}, `content: en/one.md: 2 players in one chapter; a chapter has at most one (player: true)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			tt.patch(fsys)
			_, err := Load(fsys, Options{Reserved: []string{"glossary", "compare"}})
			require.Error(t, err)
			var ve *ValidationError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestCalloutsRenderAsTitledAsides(t *testing.T) {
	body := "## A {#a}\n\n> [!PITFALLS]\n> - **Trap.** Avoid it.\n\n> [!NOTE]\n> The notes simplify.\n\n> plain quote\n"
	r := renderMarkdown("ko", []byte(body), nil)
	require.Empty(t, r.Problems)
	assert.Contains(t, bodyHTML(r), `<aside class="callout callout--pitfalls" data-testid="pitfalls"><p class="callout__title">흔한 함정</p>`)
	assert.Contains(t, bodyHTML(r), "<strong>Trap.</strong> Avoid it.")
	assert.Contains(t, bodyHTML(r), `<aside class="callout callout--note" data-testid="note"><p class="callout__title">참고</p>`+"\n<p>The notes simplify.</p>")
	assert.NotContains(t, bodyHTML(r), "[!")
	assert.Contains(t, bodyHTML(r), "<blockquote>\n<p>plain quote</p>")
}

func TestCodeIsHighlightedWithClassesNotStyles(t *testing.T) {
	r := renderMarkdown("en", []byte("```yaml\nkind: ClusterConfig\n```\n"), nil)
	assert.Contains(t, bodyHTML(r), `class="chroma"`)
	assert.Contains(t, bodyHTML(r), `<span class="nt">kind</span>`)
	assert.NotContains(t, bodyHTML(r), "style=")
}

// bodyHTML joins a body's HTML segments, for assertions.
func bodyHTML(r rendered) string {
	var b strings.Builder
	for _, seg := range r.Segments {
		b.WriteString(seg.HTML)
	}
	return b.String()
}

type fakeRenderer struct{ err error }

func (f fakeRenderer) RenderBlock(lang string, b Block) (string, error) {
	d := b.Spec.(*DiagramSpec)
	return `<figure data-lang="` + lang + `">` + d.View + `</figure>`, f.err
}

func TestDiagramBlocksUseTheRenderer(t *testing.T) {
	r := renderMarkdown("ko", []byte("```diagram\nview: overview\n```\n"), fakeRenderer{})
	require.Empty(t, r.Problems)
	assert.Equal(t, 1, r.Blocks["diagram"])
	assert.Equal(t, `<figure data-lang="ko">overview</figure>`, strings.TrimSpace(bodyHTML(r)))

	r = renderMarkdown("en", []byte("```diagram\nview: nope\n```\n"), fakeRenderer{err: errors.New(`diagram: unknown view "nope"`)})
	require.Len(t, r.Problems, 1)
	assert.EqualError(t, r.Problems[0], `diagram: unknown view "nope"`)
	r = renderMarkdown("en", []byte("```diagram\nview: endpoints\nmode: sideways\n```\n"), fakeRenderer{})
	require.Len(t, r.Problems, 1)
	assert.Contains(t, r.Problems[0].Error(), `unknown mode "sideways" (accepted: public, public-private, private)`)
}

func TestPlayerBlockIsASlotBetweenSegments(t *testing.T) {
	body := "Before.\n\n```diagram\nview: endpoints\nmode: private\nflow: kubectl-to-apiserver\nplayer: true\n```\n\nAfter.\n"
	r := renderMarkdown("en", []byte(body), fakeRenderer{})
	require.Empty(t, r.Problems)
	require.Len(t, r.Segments, 3)
	assert.Equal(t, "<p>Before.</p>\n", r.Segments[0].HTML)
	require.NotNil(t, r.Segments[1].Slot)
	assert.Equal(t, &DiagramSpec{View: "endpoints", Mode: "private", Flow: "kubectl-to-apiserver", Player: true}, r.Segments[1].Slot.Spec)
	assert.Equal(t, "<p>After.</p>\n", r.Segments[2].HTML)
}

func TestReadingMinutesAgreeAcrossLanguages(t *testing.T) {
	en := strings.Repeat("The kubelet on each node calls the API server through the endpoint. ", 200) // 2,400 words
	ko := strings.Repeat("각 노드의 kubelet은 엔드포인트를 거쳐 API 서버를 호출합니다. ", 200)
	assert.Equal(t, 12, readingMinutes("en", en))
	assert.InDelta(t, 12, readingMinutes("ko", ko), 6)
	assert.Equal(t, 1, readingMinutes("en", "short"))
	h, l := countKorean("EKS 클러스터 v1.36")
	assert.Equal(t, 4, h) // 클러스터
	assert.Equal(t, 3, l) // EKS, v1, 36
}
