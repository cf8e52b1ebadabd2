package diagram

import (
	"fmt"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Options select what Render draws.
type Options struct {
	View topology.View
	// Mode is required for the endpoints view and refused by the others.
	Mode topology.Mode
	// Flow selects one flow of the endpoints view to number and highlight;
	// "" draws all three faintly, none numbered.
	Flow topology.FlowID
	// Lang is one of i18n.List(); "" means i18n.EN.
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
	// Notes are the bullet lines under the control-plane and data-plane
	// views, already in Lang: prose writers keep in content/data, which
	// the caller reads (content.Library.DiagramNotes) and passes in. Other
	// views have no room for notes and refuse them; at most maxNotes fit.
	Notes []string
	// IDPrefix is put before every id the SVG defines (title, markers,
	// step paths, packet), so several diagrams can share one HTML page
	// without clashing ids. Lowercase letters, digits and hyphens.
	IDPrefix string
}

// OptionError says which option is wrong and what would be accepted.
type OptionError struct {
	Param    string        // "view", "mode", "flow", "lang", "config", "notes" or "id prefix"
	Value    string        // the value given ("" when missing)
	Accepted []string      // accepted values; empty when the option must be left out
	View     topology.View // the view that refuses the option, when Accepted is empty
	Detail   string        // for "config", "notes" and "id prefix": what is wrong
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
	if _, err := topology.ParseView(string(o.View)); err != nil {
		return &OptionError{Param: "view", Value: string(o.View), Accepted: strs(topology.Views())}
	}
	if strings.Trim(o.IDPrefix, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return &OptionError{Param: "id prefix", Detail: fmt.Sprintf("%q may hold only lowercase letters, digits and hyphens", o.IDPrefix)}
	}
	if o.Lang != "" && !i18n.Supported(o.Lang) {
		return &OptionError{Param: "lang", Value: o.Lang, Accepted: i18n.List()}
	}
	if err := o.validateNotes(); err != nil {
		return err
	}
	if o.View != topology.ViewEndpoints {
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
	if _, err := topology.ParseFlow(string(o.Flow)); o.Flow != "" && err != nil {
		return &OptionError{Param: "flow", Value: string(o.Flow), Accepted: strs(topology.Flows())}
	}
	return nil
}

// maxNotes is how many note lines fit between a view's drawing and its
// legend.
const maxNotes = 3

func (o Options) validateNotes() error {
	switch {
	case len(o.Notes) == 0:
		return nil
	case o.View != topology.ViewControlPlane && o.View != topology.ViewDataPlane:
		return &OptionError{Param: "notes", Detail: fmt.Sprintf("view %q has no room for notes", o.View)}
	case len(o.Notes) > maxNotes:
		return &OptionError{Param: "notes", Detail: fmt.Sprintf("%d notes given, at most %d fit", len(o.Notes), maxNotes)}
	}
	return nil
}

func (o Options) validateEndpoints() error {
	_, err := topology.ParseMode(string(o.Mode))
	modeOK := err == nil
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
	if o.View != topology.ViewEndpoints {
		m = topology.ModePublicPrivate // shows both the public and the private door
	}
	cfg, err := topology.ConfigFor(m)
	if err != nil { // unreachable after Validate
		panic(err)
	}
	return cfg
}

// lang is the language labels are written in: Lang, or i18n.EN when
// Lang is empty (Validate has refused anything else).
func (o Options) lang() string {
	if o.Lang == "" {
		return i18n.EN
	}
	return o.Lang
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
