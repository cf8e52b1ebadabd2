package content

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// Chapter is one rendered chapter in one language.
type Chapter struct {
	Lang    string
	Slug    string
	Title   string
	Order   int
	Summary string
	Minutes int // reading time, computed from the text unless the front matter sets it
	// Body is the rendered chapter: trusted HTML (it comes from the
	// content tree) and slots the web layer fills per request.
	Body []Segment
	TOC  []Heading // the ## sections
	// Sections is the prose of each ## section as plain text, for search.
	Sections []Section
	// Blocks counts the fenced blocks by kind, so a page knows at start
	// which styles and scripts it needs.
	Blocks map[string]int
	File   string // path inside the content FS, for messages

	anchors map[string]bool
	links   []string
}

// Library is the loaded, validated content. It is read-only after Load, so
// handlers may share it without locks.
type Library struct {
	chapters map[string][]*Chapter // per language, in order
	glossary map[string][]Term
	quizzes  map[string]*Quiz // by chapter slug
	*Data                     // trade-offs and diagram notes
}

// Options tune Load.
type Options struct {
	// Blocks renders fenced blocks that are not slots (diagrams). Without
	// it, a chapter that has one fails validation.
	Blocks BlockRenderer
	// Reserved are slugs no chapter may take: the pages of the route table.
	Reserved []string
	// Data is data/ as LoadData returned it, for a caller whose renderer
	// needed it first (chapter diagrams carry the diagram notes). Without
	// it, Load reads data/ itself.
	Data *Data
}

// Load reads every chapter, the glossary, the quizzes and data/ from fsys
// (laid out as ko/*.md, en/*.md, glossary.yaml, quiz/*.yaml and data/*.yaml), renders them and
// checks them against each other. Any problem comes back as a *ValidationError.
func Load(fsys fs.FS, opts Options) (*Library, error) {
	lib := &Library{chapters: map[string][]*Chapter{}, Data: opts.Data}
	// Checks run in stages, each only on content that passed the one
	// before, so a single mistake yields a single message rather than a
	// cascade (a chapter with a broken header is not also "untranslated").
	var ps problems
	if lib.Data == nil {
		d, err := LoadData(fsys)
		if err != nil {
			return nil, err
		}
		lib.Data = d
	}
	// The glossary loads first: chapters will link terms inline.
	lib.glossary, ps = loadGlossary(fsys, ps)
	for _, lang := range i18n.List() {
		lib.chapters[lang] = loadLang(fsys, lang, opts, lib.glossary[lang], &ps)
	}
	if len(ps) == 0 {
		checkTranslations(lib, &ps)
	}
	if len(ps) == 0 {
		checkLinks(lib, &ps)
		checkGlossaryChapters(lib, &ps)
		loadQuizzes(fsys, lib, &ps)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return lib, nil
}

func loadLang(fsys fs.FS, lang string, opts Options, terms []Term, ps *problems) []*Chapter {
	files, err := fs.Glob(fsys, lang+"/*.md")
	if err != nil || len(files) == 0 {
		ps.add(lang+"/", "no chapters found (expected Markdown files like %s/intro.md)", lang)
		return nil
	}
	var out []*Chapter
	bySlug, byOrder := map[string]string{}, map[int]string{}
	for _, file := range files {
		ch, ok := loadChapter(fsys, lang, file, opts, terms, ps)
		if !ok {
			continue
		}
		if other, dup := bySlug[ch.Slug]; dup {
			ps.add(file, "duplicate slug %q (also used by %s)", ch.Slug, other)
			continue
		}
		if other, dup := byOrder[ch.Order]; dup {
			ps.add(file, "duplicate order %d (also used by %s)", ch.Order, other)
			continue
		}
		bySlug[ch.Slug], byOrder[ch.Order] = file, file
		out = append(out, ch)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

func loadChapter(fsys fs.FS, lang, file string, opts Options, terms []Term, ps *problems) (*Chapter, bool) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		ps.add(file, "cannot read: %v", err)
		return nil, false
	}
	header, body, err := splitFrontMatter(src)
	if err != nil {
		ps.add(file, "%v", err)
		return nil, false
	}
	// The leading newline stands for the opening "---", so YAML's line
	// numbers are the file's line numbers.
	fm, err := parseFrontMatter(append([]byte("\n"), header...))
	if err != nil {
		ps.add(file, "%v", err)
		return nil, false
	}
	if has(opts.Reserved, fm.Slug) {
		ps.add(file, "slug %q is reserved for a page of the site (reserved: %s)", fm.Slug, strings.Join(opts.Reserved, ", "))
		return nil, false
	}
	r := renderMarkdown(lang, body, opts.Blocks, terms...)
	for _, p := range r.Problems {
		ps.add(file, "%v", p)
	}
	slots := 0
	for _, seg := range r.Segments {
		if seg.Slot != nil {
			slots++
		}
	}
	if slots > 1 {
		ps.add(file, "%d players in one chapter; a chapter has at most one (player: true)", slots)
	}
	minutes := fm.Minutes
	if minutes == 0 {
		minutes = readingMinutes(lang, r.Text)
	}
	return &Chapter{
		Lang: lang, Slug: fm.Slug, Title: fm.Title, Order: fm.Order, Summary: fm.Summary,
		Minutes: minutes, Body: r.Segments, TOC: r.TOC, Sections: r.Sections, File: file, Blocks: r.Blocks,
		anchors: r.Anchors, links: r.Links,
	}, true // render problems are reported; keeping the chapter avoids follow-on noise
}

// checkTranslations demands the same chapters, in the same order, in
// every language.
func checkTranslations(lib *Library, ps *problems) {
	for _, lang := range i18n.List() {
		for _, ch := range lib.chapters[lang] {
			for _, other := range i18n.List() {
				if other == lang {
					continue
				}
				tr, ok := lib.Chapter(other, ch.Slug)
				switch {
				case !ok:
					ps.add(ch.File, "missing translation: no %s chapter has slug %q", other, ch.Slug)
				case tr.Order != ch.Order && lang < other:
					ps.add(ch.File, "order %d differs from its translation %s (order %d)", ch.Order, tr.File, tr.Order)
				}
			}
		}
	}
}

// checkLinks resolves every relative link: "slug", "slug#anchor",
// "#anchor" or "glossary#term".
func checkLinks(lib *Library, ps *problems) {
	for _, lang := range i18n.List() {
		for _, ch := range lib.chapters[lang] {
			for _, link := range ch.links {
				if msg := lib.resolveLink(ch, link); msg != "" {
					ps.add(ch.File, "broken link %q: %s", link, msg)
				}
			}
		}
	}
}

func checkGlossaryChapters(lib *Library, ps *problems) {
	for _, t := range lib.glossary["en"] {
		if _, ok := lib.Chapter("en", t.Chapter); t.Chapter != "" && !ok {
			ps.add(glossaryFile, "term %q names chapter %q, which does not exist", t.ID, t.Chapter)
		}
	}
}

func (l *Library) resolveLink(from *Chapter, link string) string {
	target, anchor, _ := strings.Cut(link, "#")
	target = strings.Trim(path.Clean("/"+target), "/")
	if target == "" {
		target = from.Slug // "#anchor" points into the same chapter
	}
	if target == "glossary" {
		// A glossary that failed to load is reported once, not per link.
		if anchor != "" && l.glossary != nil && !l.hasTerm(from.Lang, anchor) {
			return fmt.Sprintf("no glossary term with id %q", anchor)
		}
		return ""
	}
	to, ok := l.Chapter(from.Lang, target)
	if !ok {
		return fmt.Sprintf("no chapter with slug %q", target)
	}
	if anchor != "" && !to.anchors[anchor] {
		return fmt.Sprintf("chapter %q has no heading with id %q", target, anchor)
	}
	return ""
}

// Chapters returns lang's chapters in order.
func (l *Library) Chapters(lang string) []*Chapter { return l.chapters[lang] }

// Chapter finds a chapter by language and slug.
func (l *Library) Chapter(lang, slug string) (*Chapter, bool) {
	for _, ch := range l.chapters[lang] {
		if ch.Slug == slug {
			return ch, true
		}
	}
	return nil, false
}

// PlayerChapter is the chapter of lang that holds the flow player, with
// the player's block (the chapter's default state), if any chapter has one.
func (l *Library) PlayerChapter(lang string) (*Chapter, *DiagramSpec, bool) {
	for _, ch := range l.chapters[lang] {
		for _, seg := range ch.Body {
			if seg.Slot != nil && seg.Slot.Kind == diagramKind.Name {
				return ch, seg.Slot.Spec.(*DiagramSpec), true
			}
		}
	}
	return nil, nil, false
}

// Neighbours returns the chapters before and after slug (nil at the ends).
func (l *Library) Neighbours(lang, slug string) (prev, next *Chapter) {
	chs := l.chapters[lang]
	for i, ch := range chs {
		if ch.Slug == slug {
			if i > 0 {
				prev = chs[i-1]
			}
			if i+1 < len(chs) {
				next = chs[i+1]
			}
		}
	}
	return prev, next
}
