package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Section is one part of a chapter as search sees it: the prose under
// one ## heading (or, for the part before the first one, under the
// chapter's title, with an empty ID), as plain text, and the fenced blocks
// it holds, so prose kept beside a diagram can point at the section that
// draws it.
type Section struct {
	ID     string // the heading's anchor; "" for the opening part
	Title  string // the heading's text; "" for the opening part
	Text   string // the prose: paragraphs, lists, tables and lower headings, without code
	Blocks []Block
}

// sections cuts a parsed body at its ## headings. Like proseText it leaves
// out code blocks and raw HTML, which a reader skims rather than reads.
func sections(doc ast.Node, src []byte) []Section {
	out := []Section{{}}
	var b strings.Builder
	flush := func() {
		out[len(out)-1].Text = strings.Join(strings.Fields(b.String()), " ")
		b.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			flush()
			id, _ := h.AttributeString("id")
			idStr, _ := id.([]byte)
			out = append(out, Section{ID: string(idStr), Title: plainText(h, src)})
			continue
		}
		cur := &out[len(out)-1]
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch t := c.(type) {
			case *blockNode:
				if t.block.Kind != "" {
					cur.Blocks = append(cur.Blocks, t.block)
				}
				return ast.WalkSkipChildren, nil
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
				return ast.WalkSkipChildren, nil
			case *ast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.Paragraph, *ast.ListItem, *ast.Heading, *east.TableCell:
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		})
	}
	flush()
	if out[0].Text == "" && len(out[0].Blocks) == 0 && len(out) > 1 {
		out = out[1:]
	}
	return out
}
