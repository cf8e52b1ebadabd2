package web

import (
	"bytes"
	"context"
	"fmt"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/web/view"
)

// blockRenderer draws the chapters' fenced blocks that are not slots
// (diagrams) once, at load. It implements content.BlockRenderer.
type blockRenderer struct{}

var _ content.BlockRenderer = blockRenderer{}

func (blockRenderer) RenderBlock(lang string, b content.Block) (string, error) {
	d, ok := b.Spec.(*content.DiagramSpec)
	if !ok {
		return "", fmt.Errorf("%s block: no renderer for this kind", b.Kind)
	}
	f := figureSpec{View: diagram.View(d.View), Mode: d.Mode, Flow: d.Flow}
	if err := f.options(lang).Validate(); err != nil {
		return "", fmt.Errorf("diagram block: %w", err)
	}
	m, err := buildFigure(lang, f.id(), f, 0, nil)
	if err != nil {
		return "", err
	}
	var html bytes.Buffer
	if err := view.Figure(m).Render(context.Background(), &html); err != nil {
		return "", err
	}
	return html.String(), nil
}
