package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Block is one fenced block of a registered kind, parsed and validated
// at load: its kind's name and its spec (for "diagram", a *DiagramSpec).
type Block struct {
	Kind string
	Spec any
}

// BlockKind is one entry of the registry of fenced-block kinds: how its
// body is parsed and checked, and whether it is a slot that the web layer
// fills per request (the player, at the URL's step) rather than markup
// rendered once at load.
type BlockKind struct {
	Name  string
	Parse func(body []byte) (spec any, err error)
	Slot  func(spec any) bool
}

// BlockRenderer turns a block that is not a slot into HTML at load. The
// web layer supplies it, so this package stays free of templates.
type BlockRenderer interface {
	RenderBlock(lang string, b Block) (html string, err error)
}

// blockKinds is the registry. Quiz and trace blocks join here.
var blockKinds = []BlockKind{diagramKind}

func lookupKind(name string) (BlockKind, bool) {
	for _, k := range blockKinds {
		if k.Name == name {
			return k, true
		}
	}
	return BlockKind{}, false
}

// DiagramSpec is the body of a ```diagram block:
//
//	view: endpoints
//	mode: public
//	flow: kubelet-to-apiserver
//	player: true   # at most one per chapter: the page's interactive player
type DiagramSpec struct {
	View   string          `yaml:"view"`
	Mode   topology.Mode   `yaml:"mode"`
	Flow   topology.FlowID `yaml:"flow"`
	Player bool            `yaml:"player"`
}

var diagramKind = BlockKind{
	Name:  "diagram",
	Parse: parseDiagramSpec,
	Slot:  func(spec any) bool { return spec.(*DiagramSpec).Player },
}

func parseDiagramSpec(body []byte) (any, error) {
	var d DiagramSpec
	dec := yaml.NewDecoder(bytes.NewReader(body))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("diagram block: %s (keys: view, mode, flow, player)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if d.Mode != "" && !has(topology.Modes(), d.Mode) {
		return nil, fmt.Errorf("diagram block: unknown mode %q (accepted: %s)", d.Mode, joinNames(topology.Modes()))
	}
	if d.Flow != "" && !has(topology.Flows(), d.Flow) {
		return nil, fmt.Errorf("diagram block: unknown flow %q (accepted: %s)", d.Flow, joinNames(topology.Flows()))
	}
	if d.Player && (d.View != "endpoints" || d.Mode == "" || d.Flow == "") {
		return nil, errors.New("diagram block: a player needs view: endpoints, a mode and a flow")
	}
	return &d, nil
}

func has[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func joinNames[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// Segment is a piece of a chapter body: trusted HTML rendered at load,
// or a slot the web layer fills per request.
type Segment struct {
	HTML string
	Slot *Block
}
