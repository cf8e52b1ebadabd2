package i18n

import (
	"strconv"
	"strings"
)

// Lang is one of the tutor's languages, as it appears in URLs ("/ko/")
// and in the html lang attribute.
type Lang = string

// The tutor's languages. Korean comes first: it is the course's first
// audience and the source notes are Korean.
const (
	KO Lang = "ko"
	EN Lang = "en"
)

// Default is the language for a client that states no usable preference.
const Default = EN

// List returns the languages in the order the site presents them.
func List() []Lang { return []Lang{KO, EN} }

// Supported reports whether s names one of the tutor's languages.
func Supported(s string) bool {
	for _, l := range List() {
		if l == s {
			return true
		}
	}
	return false
}

// Other is the language the language switch leads to from lang.
func Other(lang Lang) Lang {
	if lang == KO {
		return EN
	}
	return KO
}

// Preferred picks the tutor language the client ranks highest in an
// Accept-Language header (RFC 9110 q-values); earlier entries win ties,
// as browsers list preferences in order. No match gives Default.
func Preferred(acceptLanguage string) Lang {
	best, bestQ := Default, 0.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if Supported(primary) && q > bestQ && q > 0 {
			best, bestQ = primary, q
		}
	}
	return best
}
