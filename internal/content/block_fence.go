package content

import (
	"bytes"
	"errors"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var errNoRenderer = errors.New("fenced blocks need a block renderer, and none was given")

// KindBlock is the AST kind of a registered fenced block.
var KindBlock = ast.NewNodeKind("Block")

type blockNode struct {
	ast.BaseBlock
	block Block
	slot  bool
	html  string
}

func (n *blockNode) Kind() ast.NodeKind { return KindBlock }
func (n *blockNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// blockExt replaces fenced blocks of registered kinds with their parsed
// blocks. Static ones are rendered to HTML by the BlockRenderer; a slot
// records where it falls in the output (its byte offset), so the body can
// be cut into segments once, at load, with no marker in the HTML.
type blockExt struct {
	lang     string
	renderer BlockRenderer
	report   func(error)
	count    map[string]int // blocks seen, by kind
	out      *bytes.Buffer
	slots    []slotAt
}

type slotAt struct {
	offset int
	block  Block
}

func (e *blockExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 90)))
}

func (e *blockExt) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if _, known := lookupKind(string(fb.Language(src))); known {
				fences = append(fences, fb)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, fb := range fences {
		kind, _ := lookupKind(string(fb.Language(src)))
		e.count[kind.Name]++
		var body []byte
		for i := 0; i < fb.Lines().Len(); i++ {
			seg := fb.Lines().At(i)
			body = append(body, seg.Value(src)...)
		}
		node := &blockNode{}
		spec, err := kind.Parse(body)
		switch {
		case err != nil:
			e.report(err)
		case kind.Slot(spec):
			node.block, node.slot = Block{Kind: kind.Name, Spec: spec}, true
		case e.renderer == nil:
			e.report(errNoRenderer)
		default:
			node.block = Block{Kind: kind.Name, Spec: spec}
			if node.html, err = e.renderer.RenderBlock(e.lang, node.block); err != nil {
				e.report(err)
			}
		}
		fb.Parent().ReplaceChild(fb.Parent(), fb, node)
	}
}

func (e *blockExt) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		b := n.(*blockNode)
		if b.slot {
			if err := w.Flush(); err != nil {
				return ast.WalkStop, err
			}
			e.slots = append(e.slots, slotAt{offset: e.out.Len(), block: b.block})
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(b.html)
		return ast.WalkSkipChildren, nil
	})
}
