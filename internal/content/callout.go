package content

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Callouts are blockquotes that open with a marker line, GitHub-alert
// style, so authors write plain Markdown:
//
//	> [!PITFALLS]
//	> - **Name.** What goes wrong.
//
// They render as a titled <aside>, the title in the chapter's language.
var calloutMarkers = map[string]string{"[!PITFALLS]": "pitfalls", "[!NOTE]": "note"}

// KindCallout is the AST kind of a callout box.
var KindCallout = ast.NewNodeKind("Callout")

type calloutNode struct {
	ast.BaseBlock
	variant string // "pitfalls" or "note"
}

func (n *calloutNode) Kind() ast.NodeKind { return KindCallout }
func (n *calloutNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"variant": n.variant}, nil)
}

type calloutExt struct{ titles map[string]string }

func (e calloutExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(calloutTransformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calloutRenderer(e), 100)))
}

type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if bq, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, bq)
		}
		return ast.WalkContinue, nil
	})
	for _, bq := range quotes {
		para, ok := bq.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		variant, ok := calloutMarkers[string(bytes.TrimSpace(first.Value(src)))]
		if !ok {
			continue
		}
		dropFirstLine(para)
		box := &calloutNode{variant: variant}
		for c := bq.FirstChild(); c != nil; {
			next := c.NextSibling()
			box.AppendChild(box, c)
			c = next
		}
		bq.Parent().ReplaceChild(bq.Parent(), bq, box)
	}
}

// dropFirstLine removes the marker line's inline nodes (up to and
// including its line break) and the paragraph itself if nothing is left.
func dropFirstLine(para *ast.Paragraph) {
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		para.RemoveChild(para, c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
		c = next
	}
	if para.ChildCount() == 0 {
		para.Parent().RemoveChild(para.Parent(), para)
	}
}

type calloutRenderer struct{ titles map[string]string }

func (r calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, r.render)
}

func (r calloutRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	box := n.(*calloutNode)
	if entering {
		_, _ = w.WriteString(`<aside class="callout callout--` + box.variant + `" data-testid="` + box.variant + `">` +
			`<p class="callout__title">` + string(util.EscapeHTML([]byte(r.titles[box.variant]))) + "</p>\n")
	} else {
		_, _ = w.WriteString("</aside>\n")
	}
	return ast.WalkContinue, nil
}
