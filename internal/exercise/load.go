package exercise

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// File is where the exercises live in the content tree.
const File = "data/exercises.yaml"

// Set is every exercise, in the file's order. Read-only after Load.
type Set struct {
	list []*Exercise
}

// All returns the exercises in the file's order (none for a nil Set).
func (s *Set) All() []*Exercise {
	if s == nil {
		return nil
	}
	return s.list
}

// Get returns the exercise with the given ID.
func (s *Set) Get(id string) (*Exercise, bool) {
	for _, e := range s.All() {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// IDs lists the exercises' IDs in order, for messages.
func (s *Set) IDs() []string {
	out := make([]string, len(s.All()))
	for i, e := range s.All() {
		out[i] = e.ID
	}
	return out
}

// entry is one exercise as the file spells it. Exactly one of Mode,
// Preset and Lab says which configuration it is about.
type entry struct {
	ID     string            `yaml:"id"`
	Mode   string            `yaml:"mode"`
	Preset string            `yaml:"preset"`
	Lab    *string           `yaml:"lab"`
	Flow   string            `yaml:"flow"`
	Kind   string            `yaml:"kind"`
	Prompt map[string]string `yaml:"prompt"`
	// Label names a lab query's configuration (a preset has its own).
	Label map[string]string `yaml:"label"`
}

const shape = "a list of {id, mode | preset | lab, flow, kind, prompt: {en, ko}}"

// Load reads and checks File from fsys. Every problem comes back at once,
// as a *content.ValidationError naming the file and the exercise, so the
// server refuses to start with the same kind of message as for chapters.
func Load(fsys fs.FS) (*Set, error) {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, invalid([]string{fmt.Sprintf("cannot read: %v", err)})
	}
	return Parse(src)
}

// Parse checks the content of File.
func Parse(src []byte) (*Set, error) {
	var entries []entry
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true) // a misspelt key is an error, not an empty field
	if err := dec.Decode(&entries); err != nil {
		return nil, invalid([]string{fmt.Sprintf("malformed YAML: %s (expected %s)", strings.TrimPrefix(err.Error(), "yaml: "), shape)})
	}
	var msgs []string
	s := &Set{}
	seen := map[string]bool{}
	for i, e := range entries {
		where := fmt.Sprintf("exercise %d (id %q)", i+1, e.ID)
		var ps []string
		if !slug.MatchString(e.ID) {
			ps = append(ps, "id must be lowercase letters, digits and hyphens")
		} else if seen[e.ID] {
			ps = append(ps, "id is used by an earlier exercise")
		}
		seen[e.ID] = true
		ex, more := build(e)
		ps = append(ps, more...)
		for _, p := range ps {
			msgs = append(msgs, where+": "+p)
		}
		if len(ps) == 0 {
			s.list = append(s.list, ex)
		}
	}
	if len(entries) == 0 {
		msgs = append(msgs, "no exercises (expected "+shape+")")
	}
	if len(msgs) > 0 {
		return nil, invalid(msgs)
	}
	return s, nil
}

var slug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// build checks one entry's fields and resolves its configuration.
func build(e entry) (*Exercise, []string) {
	ex := &Exercise{ID: e.ID}
	var ps []string
	cfg, cfgOK := e.config(ex, &ps)
	fl, err := topology.ParseFlow(e.Flow)
	if err != nil {
		ps = append(ps, err.Error())
	}
	ex.Flow = fl
	switch Kind(e.Kind) {
	case KindPath, KindStop:
		ex.Kind = Kind(e.Kind)
	default:
		ps = append(ps, fmt.Sprintf("kind %q is not a kind of exercise (accepted: %s)", e.Kind, joinKinds()))
	}
	ps = append(ps, checkText("prompt", e.Prompt)...)
	ex.Prompt = topology.Text{EN: e.Prompt[i18n.EN], KO: e.Prompt[i18n.KO]}
	switch {
	case e.Label != nil && e.Lab == nil:
		ps = append(ps, "label names a lab query; a mode or a preset has its own name")
	case e.Lab != nil:
		ps = append(ps, checkText("label", e.Label)...)
		ex.Label = topology.Text{EN: e.Label[i18n.EN], KO: e.Label[i18n.KO]}
	}
	if !cfgOK || err != nil || ex.Kind == "" {
		return ex, ps
	}
	res, rerr := topology.Resolve(cfg)
	if rerr != nil {
		return ex, append(ps, "the configuration does not resolve: "+rerr.Error())
	}
	ex.Config, ex.comps = cfg, topology.Build(cfg).Components
	ex.flow, _ = res.Flow(fl)
	// The resolver, not the author, decides whether the question has an
	// answer: a stop needs a blocked flow, a path at least one hop.
	switch {
	case ex.Kind == KindStop && ex.flow.Blocked == nil:
		ps = append(ps, fmt.Sprintf("kind stop, but flow %s is not blocked in this configuration", fl))
	case ex.Kind == KindPath && len(hopPath(ex.flow)) == 0:
		ps = append(ps, fmt.Sprintf("kind path, but flow %s passes no component in this configuration (blocked at %s before its first hop): make it kind stop", fl, ex.flow.Blocked.At))
	}
	return ex, ps
}

// config reads the entry's one configuration: a mode, a preset or a lab query.
func (e entry) config(ex *Exercise, ps *[]string) (topology.Config, bool) {
	given := 0
	for _, set := range []bool{e.Mode != "", e.Preset != "", e.Lab != nil} {
		if set {
			given++
		}
	}
	if given != 1 {
		*ps = append(*ps, "give exactly one of mode, preset and lab")
		return topology.Config{}, false
	}
	switch {
	case e.Mode != "":
		m, err := topology.ParseMode(e.Mode)
		if err != nil {
			*ps = append(*ps, err.Error())
			return topology.Config{}, false
		}
		ex.Mode = m
		cfg, err := topology.ConfigFor(m)
		return cfg, err == nil
	case e.Preset != "":
		p, ok := preset(e.Preset)
		if !ok {
			*ps = append(*ps, fmt.Sprintf("preset %q is not a lab preset (accepted: %s)", e.Preset, strings.Join(presetIDs(), ", ")))
			return topology.Config{}, false
		}
		ex.Preset = p.ID
		return labConfig(ex, p.Query, ps)
	}
	return labConfig(ex, *e.Lab, ps)
}

func labConfig(ex *Exercise, query string, ps *[]string) (topology.Config, bool) {
	cfg, err := params.DecodeConfig(query)
	if err != nil {
		// A conflict is reported once per field with the same sentence:
		// one line naming both fields reads better.
		var names []string
		errs := err.(params.Errors)
		for i, f := range errs {
			names = append(names, f.Name)
			if i+1 < len(errs) && errs[i+1].Message == f.Message {
				continue
			}
			*ps = append(*ps, "lab: "+strings.Join(names, ", ")+": "+f.Message.EN)
			names = nil
		}
		return topology.Config{}, false
	}
	ex.Lab = params.EncodeConfig(cfg)
	return cfg, true
}

func preset(id string) (params.Preset, bool) {
	for _, p := range params.Presets() {
		if p.ID == id {
			return p, true
		}
	}
	return params.Preset{}, false
}

func presetIDs() []string {
	var out []string
	for _, p := range params.Presets() {
		out = append(out, p.ID)
	}
	return out
}

func joinKinds() string {
	var out []string
	for _, k := range Kinds() {
		out = append(out, string(k))
	}
	return strings.Join(out, ", ")
}

// checkText demands every language of i18n.List, none blank, and no other.
func checkText(field string, p map[string]string) []string {
	var ps []string
	for _, lang := range i18n.List() {
		if strings.TrimSpace(p[lang]) == "" {
			ps = append(ps, field+": missing "+lang+" text")
		}
	}
	var langs []string
	for l := range p {
		if !i18n.Supported(l) {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	for _, l := range langs {
		ps = append(ps, fmt.Sprintf("%s: %q is not a language (accepted: %s)", field, l, strings.Join(i18n.List(), ", ")))
	}
	return ps
}

func invalid(msgs []string) error {
	e := &content.ValidationError{}
	for _, m := range msgs {
		e.Problems = append(e.Problems, content.Problem{File: File, Message: m})
	}
	return e
}
