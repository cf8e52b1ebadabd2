package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/content"
)

// supportedLang reports whether lang is one of the tutor's languages.
func supportedLang(lang string) bool {
	for _, l := range content.Langs {
		if l == lang {
			return true
		}
	}
	return false
}

// preferredLang picks Korean when the client prefers Korean over English
// in Accept-Language, and English otherwise (RFC 9110 q-values).
func preferredLang(header string) string {
	best, bestQ := "en", 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
		// Earlier entries win ties, as browsers list preferences in order.
		if (primary == "ko" || primary == "en") && q > bestQ && q > 0 {
			best, bestQ = primary, q
		}
	}
	return best
}

// requestLang is the language of the page a request is for: the first
// path segment when it names a language, otherwise the client's preference.
func requestLang(r *http.Request) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if supportedLang(seg) {
		return seg
	}
	return preferredLang(r.Header.Get("Accept-Language"))
}
