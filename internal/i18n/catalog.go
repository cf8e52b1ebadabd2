package i18n

import "fmt"

// catalogs maps each language of List to its interface words. Nothing
// writes to them after init; they are package variables only so that a
// lookup costs no allocation.
var catalogs = map[Lang]map[string]string{EN: catalogEN, KO: catalogKO}

// part adds one feature's words (the lab's, the rooms') to the catalogs.
// Each feature keeps its words in its own catalog_<feature>.go, one map
// per language, so features grow without editing one shared literal. A
// key defined twice is a programming error, caught at start.
func part(en, ko map[string]string) {
	for lang, words := range map[Lang]map[string]string{EN: en, KO: ko} {
		for k, v := range words {
			if _, dup := catalogs[lang][k]; dup {
				panic("i18n: catalog key " + k + " defined twice")
			}
			catalogs[lang][k] = v
		}
	}
}

// T returns the interface string key in lang, falling back to English for
// a language the tutor does not have. A key missing from the catalog
// shows as ⟦key⟧, visible on the page and caught by the tests, rather than
// as an empty string nobody notices.
func T(lang Lang, key string) string {
	c, ok := catalogs[lang]
	if !ok {
		c = catalogs[Default]
	}
	if s, ok := c[key]; ok {
		return s
	}
	return "⟦" + key + "⟧"
}

// Tf is T used as a format: the catalog entry holds the verbs, so each
// language puts the number where its grammar wants it ("Chapter 3", "3장").
func Tf(lang Lang, key string, args ...any) string {
	return fmt.Sprintf(T(lang, key), args...)
}

// Keys lists every key of the catalog, for tests and tools that walk it;
// the order is not defined.
func Keys() []string {
	keys := make([]string, 0, len(catalogs[EN]))
	for k := range catalogs[EN] {
		keys = append(keys, k)
	}
	return keys
}
