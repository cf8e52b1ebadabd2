package web

import (
	"net/http"
	"strings"
)

// origin is the public scheme://host the tutor's absolute links use.
// With -base-url it is fixed. Without, it comes from the request's Host,
// which a client chooses: so only a well-formed host is taken (anything
// else gives localhost), and the documents cache keys every entry by it,
// so one client's Host can never end up in another client's page.
type origin struct {
	base string
	edge Edge // a trusted proxy may say the client came over HTTPS
}

func (o origin) of(r *http.Request) string {
	if o.base != "" {
		return o.base
	}
	scheme := "http"
	if r.TLS != nil || o.edge.forwardedHTTPS(r) {
		scheme = "https"
	}
	host := r.Host
	if !validHost(host) {
		host = "localhost"
	}
	return scheme + "://" + host
}

// validHost accepts a DNS name or an IP literal with an optional port.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune(".-:[]", c):
		default:
			return false
		}
	}
	return true
}

// NormaliseBaseURL checks a -base-url value: an http(s) origin with no
// path, query or trailing slash.
func NormaliseBaseURL(s string) (string, bool) {
	s = strings.TrimSuffix(s, "/")
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	return s, ok && validHost(rest) && !strings.ContainsAny(rest, "/?#")
}
