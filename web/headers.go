package web

import "net/http"

// contentSecurityPolicy allows only the tutor's own files: no inline
// script, no inline style, no third-party request of any kind.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// permissionsPolicy turns off every powerful feature: the tutor uses none.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"

// securityHeaders sets the same headers on every response. The values
// are built once (Edge.headerValues) as shared, read-only slices, so
// setting them costs no allocation per request; a list, not a map, since
// ranging over a slice is cheaper than a map iterator on a path that
// runs for every request.
func securityHeadersFor(e Edge) func(http.Handler) http.Handler {
	values := e.headerValues()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for _, f := range values {
				h[f.key] = f.values
			}
			next.ServeHTTP(w, r)
		})
	}
}

// securityHeaders are the headers of a tutor with no Edge settings.
var securityHeaders = securityHeadersFor(Edge{})
