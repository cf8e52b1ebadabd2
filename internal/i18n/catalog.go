package i18n

import "fmt"

// catalogs maps each language of List to its interface words. Nothing
// writes to them after init; they are package variables only so that a
// lookup costs no allocation.
var catalogs = map[Lang]map[string]string{EN: catalogEN, KO: catalogKO}

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
	keys := make([]string, 0, len(catalogEN))
	for k := range catalogEN {
		keys = append(keys, k)
	}
	return keys
}
