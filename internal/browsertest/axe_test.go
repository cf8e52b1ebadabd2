package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A page with the CSP the tutor sends, an inline script the CSP must
// refuse, and a text colour that fails WCAG AA only in the dark theme.
const axeFixture = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>axe fixture</title>
<style>
  body { background: #fff; color: #111; }
  @media (prefers-color-scheme: dark) { body { background: #111; } .faint { color: #333; } }
</style></head>
<body><main><h1>Fixture</h1><p class="faint">Readable in light, not in dark.</p>
<script>document.title = "inline script ran";</script>
</main></body></html>`

func axeServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(axeFixture))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestAxeRunsUnderStrictCSPAndSeesTheTheme proves the check can fail: the
// same page passes in light and has a colour-contrast violation in dark,
// while the page's CSP still blocks inline scripts.
func TestAxeRunsUnderStrictCSPAndSeesTheTheme(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	RequireAxe(t)
	b := New(t)
	srv := axeServer(t)

	require.NoError(t, chromedp.Do(b.Ctx, EmulateMedia("prefers-color-scheme", "light"), chromedp.Navigate(srv.URL)))
	title, err := chromedp.Run(b.Ctx, chromedp.Title())
	require.NoError(t, err)
	assert.Equal(t, "axe fixture", title, "the CSP blocks the page's inline script")
	light := b.Axe(t)
	assert.Empty(t, light, "light theme: %v", light)

	require.NoError(t, chromedp.Do(b.Ctx, EmulateMedia("prefers-color-scheme", "dark"), chromedp.Reload()))
	dark := b.Axe(t)
	require.Len(t, dark, 1, "dark theme: %v", dark)
	assert.Equal(t, "color-contrast", dark[0].ID)
	assert.Equal(t, "serious", dark[0].Impact)
	assert.True(t, dark[0].Serious())
	require.Len(t, dark[0].Nodes, 1)
	assert.Contains(t, dark[0].Nodes[0].HTML, `class="faint"`)
	assert.NotEmpty(t, dark[0].Nodes[0].Target)
	assert.Equal(t, map[string]int{"serious": 1}, CountByImpact(dark))

	// Only the inline script was refused: axe itself ran without a CSP report.
	for _, p := range b.Problems() {
		assert.Contains(t, p, "Content Security Policy", "only the fixture's own inline script is refused")
	}
}

func TestAxePathFollowsTheEnvironment(t *testing.T) {
	t.Setenv(AxeEnv, t.TempDir())
	_, err := AxePath()
	require.Error(t, err, "a folder without axe.min.js")
	assert.Contains(t, err.Error(), AxeEnv)
}
