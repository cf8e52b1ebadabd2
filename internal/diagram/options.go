package diagram

import (
	"fmt"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// View names one of the diagrams drawn from the model.
type View string

// The views, in the order the chapters use them.
const (
	ViewOverview     View = "overview"      // AWS-managed vs customer-managed
	ViewControlPlane View = "control-plane" // NLB, API servers and etcd across three AZs
	ViewDataPlane    View = "data-plane"    // nodes, pods with VPC IPs, VPC CNI, EKS-owned ENIs
	ViewEndpoints    View = "endpoints"     // one endpoint-access mode and its flows
)

// Views lists every view in teaching order.
func Views() []View {
	return []View{ViewOverview, ViewControlPlane, ViewDataPlane, ViewEndpoints}
}

// Languages lists the languages labels are written in.
func Languages() []string { return []string{"en", "ko"} }

// Options select what Render draws.
type Options struct {
	View View
	// Mode is required for the endpoints view and refused by the others.
	Mode topology.Mode
	// Flow selects one flow of the endpoints view to number and highlight;
	// "" draws all three faintly, none numbered.
	Flow topology.FlowID
	// Lang is "en" or "ko"; "" means "en".
	Lang string
	// Config, when set, replaces topology.ConfigFor(Mode) in the endpoints
	// view, so the lab can draw any configuration (blocked flows included).
	// Mode may then be left empty; if given it must match Config.Mode().
	Config *topology.Config
	// Standalone makes a self-contained file for slides: xmlns, size, an
	// embedded <style> with the light theme and a light background.
	Standalone bool
	// Animate adds a pure-CSS animation of the selected flow to a
	// standalone file; it is ignored without Standalone or without a Flow.
	Animate bool
	// IDPrefix is put before every id the SVG defines (title, markers,
	// step paths, packet), so several diagrams can share one HTML page
	// without clashing ids. Lowercase letters, digits and hyphens.
	IDPrefix string
}

// OptionError says which option is wrong and what would be accepted.
type OptionError struct {
	Param    string   // "view", "mode", "flow", "lang" or "config"
	Value    string   // the value given ("" when missing)
	Accepted []string // accepted values; empty when the option must be left out
	View     View     // the view that refuses the option, when Accepted is empty
	Detail   string   // for "config": what is wrong with it
}

// Error reads like: unknown view "foo" (accepted: overview, control-plane, data-plane, endpoints).
func (e *OptionError) Error() string {
	switch {
	case e.Detail != "":
		return fmt.Sprintf("invalid %s: %s", e.Param, e.Detail)
	case len(e.Accepted) == 0:
		return fmt.Sprintf("view %q takes no %s (got %q)", e.View, e.Param, e.Value)
	case e.Value == "":
		return fmt.Sprintf("missing %s (accepted: %s)", e.Param, strings.Join(e.Accepted, ", "))
	}
	return fmt.Sprintf("unknown %s %q (accepted: %s)", e.Param, e.Value, strings.Join(e.Accepted, ", "))
}

// Validate reports the first thing wrong with o as an *OptionError.
func (o Options) Validate() error {
	if !contains(Views(), o.View) {
		return &OptionError{Param: "view", Value: string(o.View), Accepted: strs(Views())}
	}
	if strings.Trim(o.IDPrefix, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return &OptionError{Param: "id prefix", Detail: fmt.Sprintf("%q may hold only lowercase letters, digits and hyphens", o.IDPrefix)}
	}
	if o.Lang != "" && !contains(Languages(), o.Lang) {
		return &OptionError{Param: "lang", Value: o.Lang, Accepted: Languages()}
	}
	if o.View != ViewEndpoints {
		if o.Mode != "" {
			return &OptionError{Param: "mode", Value: string(o.Mode), View: o.View}
		}
		if o.Flow != "" {
			return &OptionError{Param: "flow", Value: string(o.Flow), View: o.View}
		}
		if o.Config != nil {
			return &OptionError{Param: "config", Detail: fmt.Sprintf("view %q draws no configuration", o.View)}
		}
		return nil
	}
	if err := o.validateEndpoints(); err != nil {
		return err
	}
	if o.Flow != "" && !contains(topology.Flows(), o.Flow) {
		return &OptionError{Param: "flow", Value: string(o.Flow), Accepted: strs(topology.Flows())}
	}
	return nil
}

func (o Options) validateEndpoints() error {
	modeOK := contains(topology.Modes(), o.Mode)
	if o.Config == nil {
		if !modeOK {
			return &OptionError{Param: "mode", Value: string(o.Mode), Accepted: strs(topology.Modes())}
		}
		return nil
	}
	if err := o.Config.Validate(); err != nil {
		return &OptionError{Param: "config", Detail: err.Error()}
	}
	if o.Mode != "" && o.Mode != o.Config.Mode() {
		if !modeOK {
			return &OptionError{Param: "mode", Value: string(o.Mode), Accepted: strs(topology.Modes())}
		}
		return &OptionError{Param: "mode", Detail: fmt.Sprintf("mode %q does not match the configuration's mode %q", o.Mode, o.Config.Mode())}
	}
	return nil
}

// config is the configuration the view draws.
func (o Options) config() topology.Config {
	if o.Config != nil {
		return *o.Config
	}
	m := o.Mode
	if o.View != ViewEndpoints {
		m = topology.ModePublicPrivate // shows both the public and the private door
	}
	cfg, err := topology.ConfigFor(m)
	if err != nil { // unreachable after Validate
		panic(err)
	}
	return cfg
}

func (o Options) lang() string {
	if o.Lang == "ko" {
		return "ko"
	}
	return "en"
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
