package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// glossaryFile is where the glossary lives in the content FS: one file for
// both languages, so an entry and its translation cannot drift apart.
const glossaryFile = "glossary.yaml"

// Term is one glossary entry in one language.
type Term struct {
	ID      string // stable anchor, e.g. "igw"
	Term    string
	Def     string
	Chapter string // slug of the chapter that teaches it, or ""
}

type glossaryEntry struct {
	ID      string             `yaml:"id"`
	Chapter string             `yaml:"chapter"`
	EN      glossaryTranslated `yaml:"en"`
	KO      glossaryTranslated `yaml:"ko"`
}

type glossaryTranslated struct {
	Term string `yaml:"term"`
	Def  string `yaml:"def"`
}

// in is the entry's translation in lang.
func (e glossaryEntry) in(lang string) glossaryTranslated {
	if lang == i18n.KO {
		return e.KO
	}
	return e.EN
}

func loadGlossary(fsys fs.FS, ps problems) (map[string][]Term, problems) {
	src, err := fs.ReadFile(fsys, glossaryFile)
	if err != nil {
		ps.add(glossaryFile, "cannot read: %v", err)
		return nil, ps
	}
	var entries []glossaryEntry
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true) // a misspelt key is an error, not a silently empty field
	if err := dec.Decode(&entries); err != nil {
		ps.add(glossaryFile, "malformed YAML: %s (each entry has id, chapter, en: {term, def}, ko: {term, def})",
			strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, ps
	}
	out := map[string][]Term{}
	seen := map[string]bool{}
	for i, e := range entries {
		where := fmt.Sprintf("entry %d (id %q)", i+1, e.ID)
		switch {
		case !validSlug(e.ID):
			ps.add(glossaryFile, "%s: id must be lowercase letters, digits and hyphens", where)
			continue
		case seen[e.ID]:
			ps.add(glossaryFile, "%s: duplicate id", where)
			continue
		}
		seen[e.ID] = true
		for _, lang := range i18n.List() {
			tr := e.in(lang)
			if strings.TrimSpace(tr.Term) == "" || strings.TrimSpace(tr.Def) == "" {
				ps.add(glossaryFile, "%s: missing %s term or definition", where, lang)
			}
			out[lang] = append(out[lang], Term{ID: e.ID, Term: tr.Term, Def: tr.Def, Chapter: e.Chapter})
		}
	}
	for _, terms := range out {
		// Each language reads its glossary in its own alphabetical order
		// (Hangul syllables sort in 가나다 order by code point).
		sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Term) < strings.ToLower(terms[j].Term) })
	}
	return out, ps
}

// Glossary returns lang's glossary in the file's order.
func (l *Library) Glossary(lang string) []Term { return l.glossary[lang] }

func (l *Library) hasTerm(lang, id string) bool {
	for _, t := range l.glossary[lang] {
		if t.ID == id {
			return true
		}
	}
	return false
}
