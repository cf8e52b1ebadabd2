package web

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/static"
)

func TestThemedCSSLetsTheChoiceWin(t *testing.T) {
	in := ":root { --bg: #fff; }\n@media (prefers-color-scheme: dark) {\n  :root { --bg: #000; }\n  /* x */ .a .b, .c { color: red }\n}\n.z { color: blue }\n"
	got, err := themedCSS("t.css", in)
	require.NoError(t, err)
	assert.Equal(t, ":root { --bg: #fff; }\n"+
		"@media screen and (prefers-color-scheme: dark) {\n"+
		"  :root:not([data-theme=\"light\"]) { --bg: #000; }\n"+
		"  :root:not([data-theme=\"light\"]) .a .b, :root:not([data-theme=\"light\"]) .c { color: red }\n"+
		"}\n@media screen {\n"+
		"  :root[data-theme=\"dark\"] { --bg: #000; }\n"+
		"  :root[data-theme=\"dark\"] .a .b, :root[data-theme=\"dark\"] .c { color: red }\n"+
		"}\n\n.z { color: blue }\n", got)

	for _, bad := range []string{darkQuery + " { .a { color: red }", darkQuery + " { @supports (x) { .a { b: c } } }"} {
		_, err := themedCSS("t.css", bad)
		assert.Error(t, err, bad)
	}
}

// Every stylesheet the pages use goes through the rewrite cleanly, and
// keeps as many dark rules for the system preference as for the switch.
func TestThemedCSSReadsTheRealStylesheets(t *testing.T) {
	files := map[string]string{"diagram.css": diagram.CSS}
	for _, name := range []string{"css/site.css", "css/code.css"} {
		b, err := fs.ReadFile(static.FS, name)
		require.NoError(t, err)
		files[name] = string(b)
	}
	for name, css := range files {
		got, err := themedCSS(name, css)
		require.NoError(t, err, name)
		n := strings.Count(got, notLightRoot)
		assert.Positive(t, n, name)
		assert.Equal(t, n, strings.Count(got, chosenDarkRoot)-strings.Count(css, chosenDarkRoot), name)
	}
}
