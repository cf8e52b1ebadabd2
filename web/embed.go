package web

import (
	"bytes"
	"context"
	"fmt"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// blockRenderer draws the chapters' fenced blocks that are not slots
// (diagrams) once, at load, with the notes of the content data. It
// implements content.BlockRenderer.
type blockRenderer struct{ notes noteSource }

var _ content.BlockRenderer = blockRenderer{}

func (br blockRenderer) RenderBlock(lang string, b content.Block) (string, error) {
	d, ok := b.Spec.(*content.DiagramSpec)
	if !ok {
		return "", fmt.Errorf("%s block: no renderer for this kind", b.Kind)
	}
	f := figureSpec{View: topology.View(d.View), Mode: d.Mode, Flow: d.Flow}
	if br.notes != nil {
		f.Notes = br.notes.DiagramNotes(lang, f.View)
	}
	if err := f.options(lang).Validate(); err != nil {
		return "", fmt.Errorf("diagram block: %w", err)
	}
	m, err := buildFigure(lang, f.id(), f, 0, nil)
	if err != nil {
		return "", err
	}
	m.PresentURL = f.presentURL(0)
	var html bytes.Buffer
	if err := view.Figure(m).Render(context.Background(), &html); err != nil {
		return "", err
	}
	return html.String(), nil
}
