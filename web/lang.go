package web

import (
	"net/http"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// requestLang is the language of the page a request is for: the first
// path segment when it names a language, then a valid lang= parameter
// (standalone diagrams take one), otherwise the client's preference.
func requestLang(r *http.Request) string {
	if seg := pathLang(r); i18n.Supported(seg) {
		return seg
	}
	if l := r.URL.Query().Get("lang"); i18n.Supported(l) {
		return l
	}
	return i18n.Preferred(r.Header.Get("Accept-Language"))
}

// pathLang is the first path segment, which names the page's language on
// every course page.
func pathLang(r *http.Request) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	return seg
}
