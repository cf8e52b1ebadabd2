package web

import (
	"fmt"
	"net/netip"
	"strings"

	"golang.org/x/time/rate"
)

// Edge says what stands between the tutor and its clients, and what the
// operator allows: the settings a deployment behind a load balancer or
// inside a learning platform (an LMS embedding it in a frame) needs.
// The zero value is a tutor on its own: no proxy trusted, no HSTS, no
// framing, and the default POST limit.
type Edge struct {
	// TrustedProxies are the peers whose X-Forwarded-For and
	// X-Forwarded-Proto are believed. From anyone else those headers are
	// ignored: a client could name any address and escape its rate limit.
	TrustedProxies []netip.Prefix
	// HSTS sends Strict-Transport-Security: TLS is terminated in front
	// of the tutor, so every client reached it over HTTPS.
	HSTS bool
	// FrameAncestors are the origins allowed to embed the tutor in a
	// frame (the CSP frame-ancestors directive); none means 'none'.
	FrameAncestors []string
	// PostRate and PostBurst bound POSTs per client address (quiz
	// answers, exercise checks, imports, rooms); 0 means the defaults.
	PostRate  rate.Limit
	PostBurst int
}

// The POST limit no class meets: a school's students often share one NAT
// address, so thirty of them answering a quiz at once is one burst, and
// a person clicking "check" is a few a second. A flood is thousands.
const (
	DefaultPostRate  rate.Limit = 10
	DefaultPostBurst            = 100
)

func (e Edge) postLimit() (rate.Limit, int) {
	r, b := e.PostRate, e.PostBurst
	if r <= 0 {
		r = DefaultPostRate
	}
	if b <= 0 {
		b = DefaultPostBurst
	}
	return r, b
}

// ParseTrustedProxies reads a comma-separated list of IP addresses and
// CIDR prefixes (IPv4 or IPv6), as the -trusted-proxies flag takes them.
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	var bad []string
	for _, f := range splitList(list) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		if a, err := netip.ParseAddr(f); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		bad = append(bad, fmt.Sprintf("%q", f))
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("not an IP address or CIDR prefix: %s (accepted: e.g. 10.0.0.0/8,192.0.2.7,fd00::/8)", strings.Join(bad, ", "))
	}
	return out, nil
}

// ParseFrameAncestors reads a comma- or space-separated list of origins
// (https://lms.example.edu) allowed to frame the tutor. Only origins are
// taken: a path, a wildcard scheme or a CSP keyword would widen what the
// operator meant.
func ParseFrameAncestors(list string) ([]string, error) {
	var out, bad []string
	for _, f := range strings.Fields(strings.ReplaceAll(list, ",", " ")) {
		if o, ok := NormaliseBaseURL(f); ok {
			out = append(out, o)
			continue
		}
		bad = append(bad, fmt.Sprintf("%q", f))
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("not an origin: %s (accepted: http:// or https:// with a host and optional port, no path)", strings.Join(bad, ", "))
	}
	return out, nil
}

func splitList(list string) []string {
	var out []string
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// csp is the page policy with the operator's frame-ancestors.
func (e Edge) csp() string {
	if len(e.FrameAncestors) == 0 {
		return contentSecurityPolicy
	}
	return strings.Replace(contentSecurityPolicy, "frame-ancestors 'none'", "frame-ancestors 'self' "+strings.Join(e.FrameAncestors, " "), 1)
}

// hstsValue: a year, this host only (subdomains may be other services).
const hstsValue = "max-age=31536000"

// headerValues are the security headers every response carries.
func (e Edge) headerValues() []headerField {
	hs := []headerField{
		{"Content-Security-Policy", []string{e.csp()}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Permissions-Policy", []string{permissionsPolicy}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
		{"Cross-Origin-Resource-Policy", []string{"same-origin"}},
	}
	if e.HSTS {
		hs = append(hs, headerField{"Strict-Transport-Security", []string{hstsValue}})
	}
	return hs
}
