package exercise

import (
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Kind is what an exercise asks.
type Kind string

// The kinds of exercise.
const (
	// KindPath: click, in order, every component the packet passes,
	// starting at the flow's source (as the resolver's hop steps do).
	KindPath Kind = "path"
	// KindStop: click the one component where the flow is blocked.
	KindStop Kind = "stop"
)

// Kinds lists the kinds of exercise, as the data file accepts them.
func Kinds() []Kind { return []Kind{KindPath, KindStop} }

// Exercise is one validated exercise with its configuration resolved.
// It is read-only after Load.
type Exercise struct {
	ID string
	// Mode is set for an exercise on one of the three endpoint modes
	// (topology.ConfigFor); Lab is empty then.
	Mode topology.Mode
	// Lab is the canonical lab query (params.EncodeConfig) of an exercise
	// on a lab configuration; Preset names the params.Presets() entry it
	// came from, if any.
	Lab    string
	Preset string
	// Label names a lab query's configuration (for a preset, the preset's
	// label is the name).
	Label  topology.Text
	Flow   topology.FlowID
	Kind   Kind
	Prompt topology.Text
	// Config is the configuration the resolver answers the exercise from.
	Config topology.Config

	flow  topology.Flow
	comps []topology.Component
}

// Components are the components of the exercise's configuration, in the
// model's order: what a learner may pick from.
func (e *Exercise) Components() []topology.Component { return e.comps }

// Component returns the component id of the exercise's configuration.
func (e *Exercise) Component(id topology.ComponentID) (topology.Component, bool) {
	for _, c := range e.comps {
		if c.ID == id {
			return c, true
		}
	}
	return topology.Component{}, false
}

// Source is where the flow starts: the asker of its first step, or, for
// a flow blocked before its first step, the component it is blocked at.
func (e *Exercise) Source() topology.ComponentID {
	if len(e.flow.Steps) > 0 {
		return e.flow.Steps[0].From
	}
	if e.flow.Blocked != nil {
		return e.flow.Blocked.At
	}
	return ""
}

// Picks is how many components a complete answer holds: the length of
// the hop path, or 1 for a stop exercise. The no-JavaScript form offers a
// few more selects than this, so the form does not give the length away.
func (e *Exercise) Picks() int {
	if e.Kind == KindStop {
		return 1
	}
	return len(hopPath(e.flow))
}

// hopPath is the components a flow's packet passes, in order: the first
// hop's sender, then every hop's receiver. DNS steps are questions to a
// resolver, not places the packet passes, so they are not in it.
func hopPath(f topology.Flow) []topology.ComponentID {
	var out []topology.ComponentID
	for _, st := range f.Steps {
		if st.Kind != topology.StepHop {
			continue
		}
		if len(out) == 0 {
			out = append(out, st.From)
		}
		out = append(out, st.To)
	}
	return out
}

// hopReasons are the reasons of f's hop steps, in order: hopReasons[i]
// explains how the packet gets to hopPath[i+1].
func hopReasons(f topology.Flow) []topology.Text {
	var out []topology.Text
	for _, st := range f.Steps {
		if st.Kind == topology.StepHop {
			out = append(out, st.Reason)
		}
	}
	return out
}
