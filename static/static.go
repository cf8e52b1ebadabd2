// Package static embeds the tutor's stylesheets and scripts. The web layer
// serves them under content-hashed URLs with long-lived caching.
package static

import "embed"

// FS holds css/, js/ and img/.
//
//go:embed css js img
var FS embed.FS
