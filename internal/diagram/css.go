package diagram

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

// CSS styles every class the diagrams use, for light and dark themes (dark
// through prefers-color-scheme). The web layer serves it with the page.
//
//go:embed diagram.css
var CSS string

// Markers around the dark theme in diagram.css.
const (
	darkBegin = "/* dark:begin */"
	darkEnd   = "/* dark:end */"
)

// standaloneCSS is computed once: it depends only on the embedded file.
var standaloneCSS = sync.OnceValue(buildStandaloneCSS)

// buildStandaloneCSS is diagram.css for a file on its own: the light theme
// only (slides look the same whatever the viewer's settings), with every
// var(--x) replaced by its light value, because many SVG tools that
// import slides (and librsvg) do not implement custom properties.
func buildStandaloneCSS() string {
	css := CSS
	if i, j := strings.Index(css, darkBegin), strings.Index(css, darkEnd); i >= 0 && j > i {
		css = css[:i] + css[j+len(darkEnd):]
	}
	vars := map[string]string{}
	for _, m := range customProp.FindAllStringSubmatch(css, -1) {
		if _, seen := vars[m[1]]; !seen {
			vars[m[1]] = m[2]
		}
	}
	css = customProp.ReplaceAllString(css, "")
	return varRef.ReplaceAllStringFunc(css, func(ref string) string {
		if v, ok := vars[varRef.FindStringSubmatch(ref)[1]]; ok {
			return v
		}
		return ref
	})
}

var (
	customProp = regexp.MustCompile(`(?m)^\s*(--[a-z0-9-]+):\s*([^;]+);\n`)
	varRef     = regexp.MustCompile(`var\((--[a-z0-9-]+)\)`)
)
