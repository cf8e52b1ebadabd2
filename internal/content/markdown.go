package content

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// calloutTitles are the box titles in lang, from the interface catalog.
func calloutTitles(lang string) map[string]string {
	return map[string]string{"pitfalls": i18n.T(lang, "callout.pitfalls"), "note": i18n.T(lang, "callout.note")}
}

// Heading is one entry of a chapter's table of contents.
type Heading struct {
	ID    string
	Title string
}

// rendered is what one Markdown body turns into.
type rendered struct {
	Segments []Segment
	TOC      []Heading // the ## headings, in order
	Anchors  map[string]bool
	Links    []string       // relative link targets, e.g. "control-plane#nlb"
	Blocks   map[string]int // fenced blocks by kind
	Text     string         // the prose, without markup or code, for reading time
	Sections []Section      // the prose by ## section, for search
	Problems []error
}

// renderMarkdown renders a chapter body for lang, marking the first use
// of each of terms (lang's glossary) inline. Highlighting uses CSS
// classes, not inline styles, so the page's strict CSP holds.
func renderMarkdown(lang string, body []byte, blocks BlockRenderer, terms ...Term) rendered {
	var out rendered
	var buf bytes.Buffer
	bx := &blockExt{lang: lang, renderer: blocks, count: map[string]int{}, out: &buf,
		report: func(err error) { out.Problems = append(out.Problems, err) }}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough, extension.Linkify, extension.TaskList,
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
				highlighting.WithGuessLanguage(false),
			),
			calloutExt{titles: calloutTitles(lang)},
			bx,
			newGlossaryExt(lang, terms),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	doc := md.Parser().Parse(text.NewReader(body))
	out.TOC, out.Anchors, out.Links = outline(doc, body)
	out.Text = proseText(doc, body)
	out.Sections = sections(doc, body)
	if err := md.Renderer().Render(&buf, body, doc); err != nil {
		out.Problems = append(out.Problems, fmt.Errorf("markdown does not render: %w", err))
	}
	out.Segments = cutSegments(buf.String(), bx.slots)
	out.Blocks = bx.count
	return out
}

// cutSegments splits the rendered body at its slots' offsets.
func cutSegments(html string, slots []slotAt) []Segment {
	var segs []Segment
	at := 0
	for _, s := range slots {
		if s.offset > at {
			segs = append(segs, Segment{HTML: html[at:s.offset]})
		}
		b := s.block
		segs = append(segs, Segment{Slot: &b})
		at = s.offset
	}
	if at < len(html) {
		segs = append(segs, Segment{HTML: html[at:]})
	}
	return segs
}

// proseText is the text a reader reads: paragraphs, headings, lists and
// tables, without code blocks (skimmed, not read) or fenced blocks.
func proseText(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *blockNode, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			b.WriteByte(' ')
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// outline collects the table of contents, every anchor a link may target,
// and the relative links to check against the other chapters.
func outline(doc ast.Node, src []byte) (toc []Heading, anchors map[string]bool, links []string) {
	anchors = map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idStr, _ := id.([]byte)
			anchors[string(idStr)] = true
			if n.Level == 2 {
				toc = append(toc, Heading{ID: string(idStr), Title: plainText(n, src)})
			}
		case *ast.Link:
			dest := string(n.Destination)
			if !strings.Contains(dest, ":") && !strings.HasPrefix(dest, "/") {
				links = append(links, dest)
			}
		}
		return ast.WalkContinue, nil
	})
	return toc, anchors, links
}

// plainText is the text of an inline tree, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
