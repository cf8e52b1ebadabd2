package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
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

// With JavaScript a change updates the verdict and the diagram in place
// (no navigation), the address follows the configuration, and the live
// region says what the change did.
func TestBrowserLabUpdatesInPlace(t *testing.T) {
	b, base := aidsBrowser(t)
	open(t, b, base+"/en/lab", `[data-testid="lab"] [data-testid="player"].player--js svg`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.labMarker = 1`)))
	assert.Equal(t, "kubectl-to-apiserver", evalJS[string](t, b, jsLabFlow), "nothing blocked: the diagram shows kubectl's flow")

	// Narrow the CIDRs to the admin's address: the nodes are locked out.
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const i = document.querySelector('#lab-cidrs'); i.value = '203.0.113.10/32'; i.dispatchEvent(new Event('change', {bubbles: true})); })()`)))
	labWaitFor(t, b, `document.querySelector('[data-testid="verdict-nodes"]')?.dataset.ok === 'false'`)
	assert.Equal(t, 1, evalJS[int](t, b, `window.labMarker`), "no page load: the result was swapped in")
	assert.Equal(t, "kubelet-to-apiserver", evalJS[string](t, b, jsLabFlow), "the diagram moves to the blocked flow")
	assert.Equal(t, "CIDR_NODES_NOT_ALLOWED", evalJS[string](t, b, jsLabBlocked))
	assert.True(t, evalJS[bool](t, b, `!!document.querySelector('[data-testid="player"] svg .blocked')`), "the red mark on the blocking component")
	assert.Equal(t, "?cidrs=203.0.113.10/32", evalJS[string](t, b, `location.search`), "the address is the configuration")
	labWaitFor(t, b, `document.querySelector('[data-testid="lab-change"]').textContent.includes('blocked kubelet → API server')`)

	// Private access on: the kubelet's path moves inside the VPC.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`label:has(#lab-private-0)`))))
	labWaitFor(t, b, `document.querySelector('[data-testid="verdict-nodes"]')?.dataset.ok === 'true'`)
	change := evalJS[string](t, b, `document.querySelector('[data-testid="lab-change"]').textContent`)
	assert.Contains(t, change, "Turning private endpoint access on")
	assert.Contains(t, change, "made kubelet → API server reachable")
	assert.Equal(t, "status", evalJS[string](t, b, `document.querySelector('[data-testid="lab-change"]').getAttribute('role')`))
	assert.Equal(t, "?private=true&cidrs=203.0.113.10/32", evalJS[string](t, b, `location.search`))
	b.Screenshot(t, "lab-js")

	// A bad CIDR, typed: the error appears beside the field, focus and value stay.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`#lab-cidrs`)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#lab-cidrs').select()`),
		chromedp.SendKeys(chromedp.CSS(`#lab-cidrs`), "2001:db8::/32")))
	labWaitFor(t, b, `!!document.querySelector('[data-testid="error-cidrs"]')`)
	assert.Equal(t, "lab-cidrs", evalJS[string](t, b, `document.activeElement.id`), "typing keeps focus in the field")
	assert.Equal(t, "2001:db8::/32", evalJS[string](t, b, `document.querySelector('#lab-cidrs').value`))
	assert.Equal(t, "true", evalJS[string](t, b, `document.querySelector('#lab-cidrs').getAttribute('aria-invalid')`))
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('#lab-cidrs').getAttribute('aria-describedby')`), "lab-cidrs-err-0")
	assert.Equal(t, 1, evalJS[int](t, b, `window.labMarker`))
	for _, p := range b.Problems() {
		assert.Contains(t, p, "400", "only the deliberate 400: %s", p)
	}
}

// A preset link opens the right state, in place with JavaScript, and the
// diagram plays as in the chapter.
func TestBrowserLabPresetLinks(t *testing.T) {
	b, base := aidsBrowser(t)
	open(t, b, base+"/ko/lab", `[data-testid="lab"] [data-testid="player"].player--js svg`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="preset-isolated-no-endpoints"]`))))
	labWaitFor(t, b, `document.querySelector('[data-testid="preset-isolated-no-endpoints"]')?.getAttribute('aria-current') === 'page'`)
	assert.Equal(t, "?public=false&private=true&nodes=private-isolated", evalJS[string](t, b, `location.search`))
	assert.Equal(t, "false", evalJS[map[string]string](t, b, jsLabVerdict)["verdict-images"])
	assert.Equal(t, "ecr.api, ecr.dkr, s3, ec2", evalJS[string](t, b, `document.querySelector('[data-testid="verdict-endpoints"]').dataset.needed`))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('#lab-nodes').value === 'private-isolated' && document.querySelector('#lab-public-1').checked`),
		"the form shows the preset's values")
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="lab-change"]').textContent`), "퍼블릭 엔드포인트 액세스 끄기")
	// The player steps through the blocked flow as in the chapter.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="player"] [data-action="forward"]`))))
	labWaitFor(t, b, `document.querySelector('[data-testid="player"]').dataset.current === '1'`)
	// Another flow, from the verdict's link: in place, and in the address.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-show-flow="kubectl-to-apiserver"]`))))
	labWaitFor(t, b, `document.querySelector('[data-testid="player"]')?.dataset.flow === 'kubectl-to-apiserver'`)
	assert.Equal(t, "?public=false&private=true&nodes=private-isolated&flow=kubectl-to-apiserver", evalJS[string](t, b, `location.search`))
	assert.Equal(t, "kubectl-to-apiserver", evalJS[string](t, b, `document.querySelector('[data-testid="lab-form"] input[name="flow"]').value`),
		"the form keeps the flow picked")
	// And the same preset, opened directly, is the same state.
	open(t, b, base+"/ko/lab?public=false&private=true&nodes=private-isolated", `[data-testid="verdict"]`)
	assert.Equal(t, "page", evalJS[string](t, b, `document.querySelector('[data-testid="preset-isolated-no-endpoints"]').getAttribute('aria-current')`))
	assert.Empty(t, b.Problems())
}

// labWaitFor is waitFor with room for a loaded machine: each change is a
// fetch and a render of the whole lab page.
func labWaitFor(t *testing.T, b *browsertest.Browser, cond string) {
	t.Helper()
	for range 200 {
		if evalJS[bool](t, b, cond) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

// The export panel copies each format; the import form opens the lab at
// the pasted configuration with the note of what was read.
func TestBrowserLabExportAndImport(t *testing.T) {
	b, base := aidsBrowser(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.Call(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted}); err != nil {
				return err
			}
		}
		return nil
	}))
	open(t, b, base+"/en/lab?public=false&private=true&nodes=private-isolated&endpoints=ecr.api,ecr.dkr,s3,ec2", `[data-testid="lab-export"] button[data-copy]:not([hidden])`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`button[data-copy="lab-export-text-terraform"]`))))
	labWaitFor(t, b, `document.querySelector('button[data-copy="lab-export-text-terraform"]').textContent.startsWith('Copied')`)
	copied := evalJSAwait[string](t, b, `navigator.clipboard.readText()`)
	assert.Equal(t, evalJS[string](t, b, `document.querySelector('#lab-export-text-terraform').textContent`), copied)
	assert.Contains(t, copied, `resource "aws_vpc_endpoint"`)
	b.ScreenshotOf(t, "lab-export", `[data-testid="lab-export"]`)

	// Paste the eksctl text of the locked-out preset and open it.
	eksctl := iac.Export(iac.Eksctl, mustPresetConfig(t, "locked-out-nodes"))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.SetValue(chromedp.CSS(`#lab-import-paste`), eksctl),
		chromedp.Submit(chromedp.CSS(`[data-testid="lab-import-form"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="lab-import-note"]`))))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "cidrs=203.0.113.10/32")
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="lab-import-note"]').textContent`), "Imported from eksctl ClusterConfig")
	assert.Equal(t, "false", evalJS[map[string]string](t, b, jsLabVerdict)["verdict-nodes"])

	// A bad paste stays in the box with the reason.
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.SetValue(chromedp.CSS(`#lab-import-paste`), "kind: Pod\n"),
		chromedp.Submit(chromedp.CSS(`[data-testid="lab-import-form"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="lab-import-error"]`))))
	assert.Equal(t, "kind: Pod\n", evalJS[string](t, b, `document.querySelector('#lab-import-paste').value`))
	b.ScreenshotOf(t, "lab-import-error", `[data-testid="lab-import"]`)
	for _, p := range b.Problems() {
		assert.Contains(t, p, "400", "only the deliberate 400: %s", p)
	}
}

func mustPresetConfig(t *testing.T, id string) topology.Config {
	t.Helper()
	for _, p := range params.Presets() {
		if p.ID == id {
			c, err := p.Config()
			require.NoError(t, err)
			return c
		}
	}
	t.Fatalf("no preset %s", id)
	return topology.Config{}
}

func evalJSAwait[T any](t *testing.T, b *browsertest.Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	require.NoError(t, err, js)
	return v
}
