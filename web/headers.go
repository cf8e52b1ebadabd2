package web

import "net/http"

// contentSecurityPolicy allows only the tutor's own files: no inline
// script, no inline style, no third-party request of any kind.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// permissionsPolicy turns off every powerful feature: the tutor uses none.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"

// securityHeaders are the same on every response. The values are shared,
// read-only slices, so setting them costs no allocation per request.
// A list, not a map: ranging over a slice is cheaper than a map iterator
// on a path that runs for every request.
var securityHeaderValues = []headerField{
	{"Content-Security-Policy", []string{contentSecurityPolicy}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"same-origin"}},
	{"Permissions-Policy", []string{permissionsPolicy}},
	{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	{"Cross-Origin-Resource-Policy", []string{"same-origin"}},
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, f := range securityHeaderValues {
			h[f.key] = f.values
		}
		next.ServeHTTP(w, r)
	})
}
