package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	jsLabVerdict = `Object.fromEntries([...document.querySelectorAll('[data-testid="verdict"] [data-ok]')].map((e) => [e.dataset.testid, e.dataset.ok]))`
	jsLabFlow    = `document.querySelector('[data-testid="lab"] [data-testid="player"]')?.dataset.flow ?? ''`
	jsLabBlocked = `document.querySelector('[data-testid="lab"] [data-testid="blocked"]')?.dataset.code ?? ''`
)

// Without JavaScript the lab is a plain GET form: picking a preset and
// changing a field with the submit button gives the same verdict and
// diagram the server computes, and the URL is the configuration.
func TestBrowserLabWithoutJavaScript(t *testing.T) {
	b, base := aidsBrowser(t, noJavaScript)
	open(t, b, base+"/en/lab", `[data-testid="lab-form"]`)
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="preset-locked-out-nodes"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="preset-locked-out-nodes"][aria-current="page"]`))))
	assert.Equal(t, "?cidrs=203.0.113.10/32", evalJS[string](t, b, `location.search`), "the preset link is the configuration")
	assert.Equal(t, "false", evalJS[map[string]string](t, b, jsLabVerdict)["verdict-nodes"])
	assert.Equal(t, "CIDR_NODES_NOT_ALLOWED", evalJS[string](t, b, jsLabBlocked))
	b.Screenshot(t, "lab-nojs-locked-out")

	// Private access on, then the submit button: the nodes join again.
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`#lab-private-0`)),
		chromedp.Click(chromedp.CSS(`[data-testid="lab-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="lab-change"] strong`))))
	q := evalJS[string](t, b, `location.search`)
	assert.Contains(t, q, "private=true")
	assert.Equal(t, "true", evalJS[map[string]string](t, b, jsLabVerdict)["verdict-nodes"])
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="lab-change"]').textContent`),
		"Turning private endpoint access on", "the form carried the previous configuration (was=)")

	// A bad field: 400, the message beside it, the rest kept.
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.SetValue(chromedp.CSS(`#lab-cidrs`), "2001:db8::/32"),
		chromedp.Click(chromedp.CSS(`[data-testid="lab-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="error-cidrs"]`))))
	assert.Equal(t, "true", evalJS[string](t, b, `document.querySelector('#lab-cidrs').getAttribute('aria-invalid')`))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('#lab-private-0').checked`), "private access is still on")
	b.ScreenshotOf(t, "lab-nojs-error", `[data-testid="lab-form"]`)
	for _, p := range b.Problems() {
		if strings.HasPrefix(p, "HTTP") { // blocked scripts are reported too
			assert.Contains(t, p, "400", "only the deliberate 400")
		}
	}
}
