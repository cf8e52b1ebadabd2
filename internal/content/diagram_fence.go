package content

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// DiagramEmbedder turns the body of a fenced ```diagram block into the HTML
// that shows it. The web layer supplies it, so this package stays free of
// templates and of the diagram package's details. An error means the block
// names something that does not exist; the chapter then fails validation.
type DiagramEmbedder interface {
	EmbedDiagram(lang string, spec []byte) (html string, err error)
}

// KindDiagram is the AST kind of an embedded diagram.
var KindDiagram = ast.NewNodeKind("Diagram")

type diagramNode struct {
	ast.BaseBlock
	html string
}

func (n *diagramNode) Kind() ast.NodeKind { return KindDiagram }
func (n *diagramNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// diagramExt replaces ```diagram blocks with the embedder's HTML. Errors go
// to report, which the loader turns into file-named problems.
type diagramExt struct {
	lang     string
	embedder DiagramEmbedder
	report   func(error)
	count    int // diagram blocks seen
}

func (e *diagramExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 90)))
}

func (e *diagramExt) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(src)) == "diagram" {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	e.count += len(blocks)
	for _, fb := range blocks {
		var spec []byte
		for i := 0; i < fb.Lines().Len(); i++ {
			seg := fb.Lines().At(i)
			spec = append(spec, seg.Value(src)...)
		}
		node := &diagramNode{}
		if e.embedder == nil {
			e.report(errNoEmbedder)
		} else if html, err := e.embedder.EmbedDiagram(e.lang, spec); err != nil {
			e.report(err)
		} else {
			node.html = html
		}
		fb.Parent().ReplaceChild(fb.Parent(), fb, node)
	}
}

func (e *diagramExt) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDiagram, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*diagramNode).html)
		}
		return ast.WalkSkipChildren, nil
	})
}
