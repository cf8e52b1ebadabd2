package diagram

import (
	"io/fs"
	"maps"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/static"
)

// themeVars reads the custom properties of the light theme (the first
// .eks-diagram block) or of the dark theme (the one in the dark block).
func themeVars(tb testing.TB, dark bool) map[string]string {
	tb.Helper()
	css := CSS
	if dark {
		css = css[strings.Index(css, darkBegin):strings.Index(css, darkEnd)]
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z0-9-]+):\s*(#[0-9a-f]{6});`).FindAllStringSubmatch(css, -1) {
		if _, seen := vars[m[1]]; !seen {
			vars[m[1]] = m[2]
		}
	}
	require.NotEmpty(tb, vars)
	return vars
}

func luminance(tb testing.TB, hex string) float64 {
	tb.Helper()
	var ch [3]float64
	for i := range ch {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		require.NoError(tb, err)
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}

func contrast(tb testing.TB, a, b string) float64 {
	la, lb := luminance(tb, a), luminance(tb, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestThemesMeetWCAGAA checks the text colour pairs of both themes
// against the 4.5:1 of WCAG AA for normal text.
func TestThemesMeetWCAGAA(t *testing.T) {
	pairs := [][2]string{
		{"--ink", "--bg"}, {"--ink-muted", "--bg"},
		{"--ink", "--zone-internet-fill"}, {"--ink", "--zone-aws-fill"}, {"--ink", "--zone-vpc-fill"},
		{"--ink", "--subnet-public-fill"}, {"--ink", "--subnet-private-fill"}, {"--ink", "--comp-fill"},
		{"--ink", "--pod-fill"}, {"--ink-muted", "--subnet-private-fill"}, {"--ink-muted", "--subnet-public-fill"},
		{"--badge-ink", "--net-internet"}, {"--badge-ink", "--net-aws-public"}, {"--badge-ink", "--net-aws"}, {"--badge-ink", "--net-vpc"}, {"--badge-ink", "--net-connected"},
		{"--blocked", "--bg"}, {"--packet-ink", "--packet-bg"},
	}
	for _, dark := range []bool{false, true} {
		vars := themeVars(t, dark)
		for _, p := range pairs {
			fg, bg := vars[p[0]], vars[p[1]]
			require.NotEmpty(t, fg, p[0])
			require.NotEmpty(t, bg, p[1])
			assert.GreaterOrEqual(t, contrast(t, fg, bg), 4.5, "dark=%v %s on %s", dark, p[0], p[1])
		}
	}
}

// pageThemes splits a page stylesheet into the custom properties of the
// light theme (outside any @media block) and of the dark theme (inside
// "@media (prefers-color-scheme: dark)", overlaid on the light ones).
// Other @media blocks (print, narrow screens) are skipped: print sets its
// own black-on-white colours.
func pageThemes(tb testing.TB, css string) (light, dark map[string]string) {
	tb.Helper()
	outside, inDark := splitDark(css)
	varRe := regexp.MustCompile(`(--[a-z0-9-]+):\s*(#[0-9a-f]{6});`)
	light, dark = map[string]string{}, map[string]string{}
	for _, m := range varRe.FindAllStringSubmatch(outside, -1) {
		light[m[1]], dark[m[1]] = m[2], m[2]
	}
	for _, m := range varRe.FindAllStringSubmatch(inDark, -1) {
		dark[m[1]] = m[2]
	}
	require.NotEmpty(tb, light)
	return light, dark
}

// splitDark returns the stylesheet's text outside every @media block and
// the text inside its dark-theme blocks, matching braces.
func splitDark(css string) (outside, dark string) {
	var o, d strings.Builder
	for {
		i := strings.Index(css, "@media")
		if i < 0 {
			o.WriteString(css)
			return o.String(), d.String()
		}
		o.WriteString(css[:i])
		open := strings.IndexByte(css[i:], '{') + i
		depth, end := 0, len(css)
		for j := open; j < len(css); j++ {
			if css[j] == '{' {
				depth++
			} else if css[j] == '}' {
				if depth--; depth == 0 {
					end = j + 1
					break
				}
			}
		}
		if strings.Contains(css[i:open], "prefers-color-scheme: dark") {
			d.WriteString(css[open+1 : end-1])
		}
		css = css[end:]
	}
}

func pageCSS(tb testing.TB, name string) string {
	tb.Helper()
	b, err := fs.ReadFile(static.FS, "css/"+name)
	require.NoError(tb, err)
	return string(b)
}

// TestPageThemesMeetWCAGAA checks the text colour pairs of site.css in both
// themes: body text, muted text, links and badges on every surface they
// sit on, and the inverted text of buttons and selected chips.
func TestPageThemesMeetWCAGAA(t *testing.T) {
	surfaces := []string{"--bg", "--bg-soft", "--bg-code", "--accent-soft", "--note-bg", "--warn-bg"}
	var pairs [][2]string
	for _, fg := range []string{"--fg", "--fg-muted", "--accent"} {
		for _, bg := range surfaces {
			pairs = append(pairs, [2]string{fg, bg})
		}
	}
	// Badges and event borders carry their network's colour as text, on
	// the page and on the highlighted (current) event.
	for _, fg := range []string{"--net-internet", "--net-aws-public", "--net-aws", "--net-vpc", "--net-connected"} {
		pairs = append(pairs, [2]string{fg, "--bg"}, [2]string{fg, "--bg-soft"}, [2]string{fg, "--accent-soft"})
	}
	pairs = append(pairs, [2]string{"--bg", "--accent"}, [2]string{"--bg", "--fg"}) // buttons, step numbers
	light, dark := pageThemes(t, pageCSS(t, "site.css"))
	for theme, vars := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			fg, bg := vars[p[0]], vars[p[1]]
			require.NotEmpty(t, fg, p[0])
			require.NotEmpty(t, bg, p[1])
			assert.GreaterOrEqual(t, contrast(t, fg, bg), 4.5, "%s: %s %s on %s %s", theme, p[0], fg, p[1], bg)
		}
	}
}

// TestCodeThemesMeetWCAGAA checks every highlighted token colour of
// code.css on the code background of its theme. The dark block only
// overrides some classes, so a light colour it forgets leaks into the dark
// theme (dark purple on near-black was one): the check applies the dark
// block on top of the light one, as the browser does.
func TestCodeThemesMeetWCAGAA(t *testing.T) {
	type style struct{ color, background string }
	parse := func(css string) map[string]style {
		out := map[string]style{}
		for _, m := range regexp.MustCompile(`\.chroma \.([a-z0-9]+) \{([^}]*)\}`).FindAllStringSubmatch(css, -1) {
			var s style
			if c := regexp.MustCompile(`(?:^|[;\s])color:\s*(#[0-9a-f]{6})`).FindStringSubmatch(m[2]); c != nil {
				s.color = c[1]
			}
			if c := regexp.MustCompile(`background-color:\s*(#[0-9a-f]{6}|transparent)`).FindStringSubmatch(m[2]); c != nil {
				s.background = c[1]
			}
			out[m[1]] = s
		}
		return out
	}
	code := pageCSS(t, "code.css")
	outside, inDark := splitDark(code)
	lightStyles, darkOver := parse(outside), parse(inDark)
	require.NotEmpty(t, lightStyles)
	require.NotEmpty(t, darkOver)
	pageLight, pageDark := pageThemes(t, pageCSS(t, "site.css"))

	// .w is whitespace (no glyphs to read); .hl only sets a background.
	skip := map[string]bool{"w": true, "hl": true}
	for theme, bgCode := range map[string]string{"light": pageLight["--bg-code"], "dark": pageDark["--bg-code"]} {
		styles := maps.Clone(lightStyles)
		if theme == "dark" {
			for class, d := range darkOver {
				s := styles[class]
				if d.color != "" {
					s.color = d.color
				}
				if d.background != "" {
					s.background = d.background
				}
				styles[class] = s
			}
		}
		for class, s := range styles {
			if skip[class] || s.color == "" {
				continue
			}
			bg := bgCode
			if s.background != "" && s.background != "transparent" {
				bg = s.background
			}
			assert.GreaterOrEqual(t, contrast(t, s.color, bg), 4.5, "%s: .chroma .%s %s on %s", theme, class, s.color, bg)
		}
	}
}
