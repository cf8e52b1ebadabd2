package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// blockSpec is the body of a ```diagram block in a chapter:
//
//	view: endpoints
//	mode: public
//	flow: kubelet-to-apiserver
//	player: true   # at most one per chapter: the page's interactive player
type blockSpec struct {
	View   string `yaml:"view"`
	Mode   string `yaml:"mode"`
	Flow   string `yaml:"flow"`
	Player bool   `yaml:"player"`
}

// figureEmbedder renders chapter diagrams once, at load, with the notes
// of the content data. It implements content.DiagramEmbedder.
type figureEmbedder struct{ notes noteSource }

var _ content.DiagramEmbedder = figureEmbedder{}

// playerMarker stands in a chapter's HTML where the player goes; the
// chapter handler replaces it per request, because the player's state
// comes from the URL.
const playerMarker = "<!--ekstutor:player "

func (e figureEmbedder) EmbedDiagram(lang string, spec []byte) (string, error) {
	var b blockSpec
	dec := yaml.NewDecoder(bytes.NewReader(spec))
	dec.KnownFields(true)
	if err := dec.Decode(&b); err != nil {
		return "", fmt.Errorf("diagram block: %s (keys: view, mode, flow, player)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	f := figureSpec{View: topology.View(b.View), Mode: topology.Mode(b.Mode), Flow: topology.FlowID(b.Flow)}
	if e.notes != nil {
		f.Notes = e.notes.DiagramNotes(lang, f.View)
	}
	if err := f.options(lang).Validate(); err != nil {
		return "", fmt.Errorf("diagram block: %w", err)
	}
	if b.Player {
		if f.View != topology.ViewEndpoints || f.Flow == "" {
			return "", errors.New("diagram block: a player needs view: endpoints, a mode and a flow")
		}
		return playerMarker + string(f.Mode) + " " + string(f.Flow) + "-->", nil
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
