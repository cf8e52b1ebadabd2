package diagram

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"--badge-ink", "--net-internet"}, {"--badge-ink", "--net-aws"}, {"--badge-ink", "--net-vpc"}, {"--badge-ink", "--net-connected"},
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
