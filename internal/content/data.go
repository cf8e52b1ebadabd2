package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Prose that sits beside the model rather than in a chapter lives in
// data/*.yaml, so writers edit it where they edit everything else and
// search can index it. Each text holds every language of i18n.List.
const (
	tradeOffsFile    = "data/tradeoffs.yaml"
	diagramNotesFile = "data/diagram-notes.yaml"
)

// TradeOff is one aspect (security, cost, convenience) of the endpoint
// access modes, in one language, as a row of the compare page.
type TradeOff struct {
	Aspect string                   // stable ID, e.g. "cost"
	Label  string                   // the row's heading
	Modes  map[topology.Mode]string // one cell for every mode of topology.Modes
}

// Data is the validated content of data/: trade-offs and diagram notes.
// It is read-only after LoadData.
type Data struct {
	tradeOffs map[string][]TradeOff
	notes     map[string]map[topology.View][]string
}

// texts is one text in every language, keyed by language.
type texts map[string]string

type tradeOffEntry struct {
	Aspect string           `yaml:"aspect"`
	Label  texts            `yaml:"label"`
	Modes  map[string]texts `yaml:"modes"`
}

// LoadData reads and checks data/ from fsys. Chapters' diagrams show the
// diagram notes, so the data loads before the chapters (Options.Data).
// Problems come back as a *ValidationError naming the file.
func LoadData(fsys fs.FS) (*Data, error) {
	var ps problems
	d := &Data{tradeOffs: loadTradeOffs(fsys, &ps), notes: loadDiagramNotes(fsys, &ps)}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// TradeOffs returns the trade-off rows in lang, in the file's order.
func (d *Data) TradeOffs(lang string) []TradeOff { return d.tradeOffs[lang] }

// DiagramNotes returns the notes drawn under view v, in lang.
func (d *Data) DiagramNotes(lang string, v topology.View) []string { return d.notes[lang][v] }

func loadTradeOffs(fsys fs.FS, ps *problems) map[string][]TradeOff {
	var entries []tradeOffEntry
	if !decodeData(fsys, tradeOffsFile, &entries, "a list of {aspect, label: {en, ko}, modes: {<mode>: {en, ko}}}", ps) {
		return nil
	}
	out := map[string][]TradeOff{}
	seen := map[string]bool{}
	for i, e := range entries {
		where := fmt.Sprintf("entry %d (aspect %q)", i+1, e.Aspect)
		if !validSlug(e.Aspect) || seen[e.Aspect] {
			ps.add(tradeOffsFile, "%s: aspect must be a unique id of lowercase letters, digits and hyphens", where)
			continue
		}
		seen[e.Aspect] = true
		checkTexts(ps, tradeOffsFile, where+" label", e.Label)
		for _, name := range sortedNames(e.Modes) {
			if _, err := topology.ParseMode(name); err != nil {
				ps.add(tradeOffsFile, "%s: %v", where, err)
			}
		}
		for _, m := range topology.Modes() {
			cell, ok := e.Modes[string(m)]
			if !ok {
				ps.add(tradeOffsFile, "%s: no cell for mode %q", where, m)
			}
			checkTexts(ps, tradeOffsFile, fmt.Sprintf("%s mode %q", where, m), cell)
		}
		for _, lang := range i18n.List() {
			tr := TradeOff{Aspect: e.Aspect, Label: e.Label[lang], Modes: map[topology.Mode]string{}}
			for _, m := range topology.Modes() {
				tr.Modes[m] = e.Modes[string(m)][lang]
			}
			out[lang] = append(out[lang], tr)
		}
	}
	if len(entries) == 0 {
		ps.add(tradeOffsFile, "no trade-offs (expected %s)", "a list of aspects")
	}
	return out
}

func loadDiagramNotes(fsys fs.FS, ps *problems) map[string]map[topology.View][]string {
	var byView map[string][]texts
	if !decodeData(fsys, diagramNotesFile, &byView, "a map of view -> list of {en, ko}", ps) {
		return nil
	}
	out := map[string]map[topology.View][]string{}
	for _, lang := range i18n.List() {
		out[lang] = map[topology.View][]string{}
	}
	for _, name := range sortedNames(byView) {
		v, err := topology.ParseView(name)
		if err != nil {
			ps.add(diagramNotesFile, "%v", err)
			continue
		}
		for i, note := range byView[name] {
			checkTexts(ps, diagramNotesFile, fmt.Sprintf("view %q note %d", v, i+1), note)
			for _, lang := range i18n.List() {
				out[lang][v] = append(out[lang][v], note[lang])
			}
		}
	}
	return out
}

// decodeData reads file into v, refusing unknown keys so a misspelt one
// is an error rather than a silently empty field.
func decodeData(fsys fs.FS, file string, v any, shape string, ps *problems) bool {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		ps.add(file, "cannot read: %v", err)
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		ps.add(file, "malformed YAML: %s (expected %s)", strings.TrimPrefix(err.Error(), "yaml: "), shape)
		return false
	}
	return true
}

// checkTexts demands exactly the languages of i18n.List, none blank.
func checkTexts(ps *problems, file, where string, t texts) {
	for _, lang := range i18n.List() {
		if strings.TrimSpace(t[lang]) == "" {
			ps.add(file, "%s: missing %s text", where, lang)
		}
	}
	for _, lang := range sortedNames(t) {
		if !i18n.Supported(lang) {
			ps.add(file, "%s: %q is not a language (accepted: %s)", where, lang, strings.Join(i18n.List(), ", "))
		}
	}
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
