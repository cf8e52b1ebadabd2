package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// playerPage opens the endpoint chapter's player at query in a fresh
// browser and returns it with the server's base URL.
func playerPage(t *testing.T, query string, setup ...chromedp.Action[chromedp.Void]) (*browsertest.Browser, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	t.Cleanup(srv.Close)
	require.NoError(t, chromedp.Do(b.Ctx, setup...))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Navigate(srv.URL+"/en/endpoint-access?"+query+"#player"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"] svg`)),
	))
	// Let fonts load and layout settle before clicking by coordinates. (A
	// page with scripts off never runs the frame callbacks: give up after
	// a moment, there is nothing to click there.)
	settle, cancel := context.WithTimeout(b.Ctx, 2*time.Second)
	defer cancel()
	_ = chromedp.Do(settle, chromedp.Evaluate[chromedp.Void](
		`document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))`,
		func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	return b, srv.URL
}

func evalJS[T any](t *testing.T, b *browsertest.Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

const (
	jsPacket  = `document.querySelector('[data-testid="player"] .packet').getAttribute('transform')`
	jsCurrent = `document.querySelector('[data-testid="event-list"] [aria-current="step"]')?.dataset.step ?? ''`
	jsSVGStep = `document.querySelector('[data-testid="player"] .step.is-current')?.dataset.step ?? ''`
)

func TestBrowserPlayerPacketTravelsWhilePlaying(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-action="play"]`))))
	var positions []string
	for range 6 {
		time.Sleep(120 * time.Millisecond)
		positions = append(positions, evalJS[string](t, b, jsPacket))
	}
	distinct := map[string]bool{}
	for _, p := range positions {
		distinct[p] = true
	}
	assert.GreaterOrEqual(t, len(distinct), 3, "the packet moves while playing: %v", positions)
	assert.Equal(t, "true", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`))
	// Step 1 is a DNS lookup ("DNS?"); step 2 carries the longer "HTTPS 443".
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-step-link="2"]`))))
	assert.True(t, evalJS[bool](t, b, `(() => { const p = document.querySelector('[data-testid="player"] .packet');
		return p.querySelector('.packet-box').getBBox().width > p.querySelector('.packet-label').getComputedTextLength(); })()`),
		"the packet's pill fits its label")
	b.ScreenshotOf(t, "player-playing", `[data-testid="player"]`)
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerStepsAndURLFollows(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	assert.Equal(t, "", evalJS[string](t, b, jsCurrent), "no step highlighted before the first")

	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-action="forward"]`))))
	assert.Equal(t, "1", evalJS[string](t, b, jsCurrent))
	assert.Equal(t, "1", evalJS[string](t, b, jsSVGStep))

	// The forward button keeps focus, inside the player, so keys work.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.ArrowRight)))
	assert.Equal(t, "2", evalJS[string](t, b, jsCurrent))
	loc := evalJS[string](t, b, `location.search`)
	assert.Contains(t, loc, "step=2")
	assert.Contains(t, loc, "mode=public")
	assert.Contains(t, loc, "flow=kubelet-to-apiserver")
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="event-live"]').textContent`), "2 / ")

	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.ArrowLeft)))
	assert.Equal(t, "1", evalJS[string](t, b, jsCurrent))

	// Clicking an event jumps to it.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-step-link="4"]`))))
	assert.Equal(t, "4", evalJS[string](t, b, jsCurrent))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "step=4")
	b.ScreenshotOf(t, "player-step4", `[data-testid="player"]`)
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerDeepLinkOpensAtStep(t *testing.T) {
	b, _ := playerPage(t, "mode=private&flow=kubectl-to-apiserver&step=2")
	assert.Equal(t, "2", evalJS[string](t, b, jsCurrent))
	assert.Equal(t, "2", evalJS[string](t, b, jsSVGStep))
	assert.Equal(t, "private", evalJS[string](t, b, `document.querySelector('[data-testid="player"]').dataset.mode`))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="mode-private"]').checked`))
	assert.Equal(t, "2 / 3", evalJS[string](t, b, `document.querySelector('[data-testid="step-counter"]').textContent`))
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerModeKeysSwapThePlayer(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver&step=3")
	// Keys belong to the page until the reader clicks into the player.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent("2")))
	assert.Equal(t, "public", evalJS[string](t, b, `document.querySelector('[data-testid="player"]').dataset.mode`))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="player"] .diagram-canvas`)), chromedp.KeyEvent("2")))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"][data-mode="public-private"] svg`))))
	search := evalJS[string](t, b, `location.search`)
	assert.Contains(t, search, "mode=public-private")
	assert.Contains(t, search, "step=0")
	// The new player is live: stepping works.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.ArrowRight)))
	assert.Equal(t, "1", evalJS[string](t, b, jsCurrent))
	// In public + private mode the kubelet's DNS answer is private.
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('.event[data-step="1"]').textContent`), "private IPs")
	b.ScreenshotOf(t, "player-public-private", `[data-testid="player"]`)
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerReducedMotionDisablesTravel(t *testing.T) {
	reduce := chromedp.Func(func(ctx2 context.Context, tgt *chromedp.Target) error {
		_, err := chromedp.Call(ctx2, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
		})
		return err
	})
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver", reduce)
	require.True(t, evalJS[bool](t, b, `matchMedia('(prefers-reduced-motion: reduce)').matches`))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-action="forward"]`)), chromedp.Click(chromedp.CSS(`[data-action="forward"]`))))
	first := evalJS[string](t, b, jsPacket)
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, first, evalJS[string](t, b, jsPacket), "no travel: the packet stays put")
	// It sits where step 2 says it rests (data-rest: a fraction of the
	// path and an offset), a spot the server keeps clear of every label.
	rest := evalJS[string](t, b, `(() => { const p = document.querySelector('#player-step-2');
		const [f, dx = 0, dy = 0] = p.parentNode.dataset.rest.split(' ').map(Number);
		const e = p.getPointAtLength(p.getTotalLength() * f);
		return 'translate(' + (e.x + dx).toFixed(1) + ' ' + (e.y + dy).toFixed(1) + ')'; })()`)
	assert.Equal(t, rest, first)
	assert.Equal(t, "2", evalJS[string](t, b, jsCurrent), "steps still highlight")
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerWithoutJavaScript(t *testing.T) {
	noJS := chromedp.Func(func(ctx2 context.Context, tgt *chromedp.Target) error {
		_, err := chromedp.Call(ctx2, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver&step=2", noJS)
	hops := countNodes(t, b, `[data-testid="player"] .hop-num`)
	events := countNodes(t, b, `[data-testid="player"] [data-testid="event-list"] > li`)
	assert.Equal(t, 5, events, "public-mode kubelet flow: DNS, NAT, IGW, internet to NLB, API server")
	assert.Equal(t, events, hops, "every event has a numbered hop on the diagram")
	// DevTools can still evaluate while the page's own scripts are off.
	assert.Equal(t, "none", evalJS[string](t, b, `getComputedStyle(document.querySelector('[data-testid="player-controls"]')).display`),
		"controls that need JS stay hidden without it")
	assert.Equal(t, "7px", evalJS[string](t, b, `getComputedStyle(document.querySelector('#player-step-2')).strokeWidth`),
		"the URL's step is drawn thick by CSS alone")
	assert.Equal(t, "4px", evalJS[string](t, b, `getComputedStyle(document.querySelector('#player-step-3')).strokeWidth`))
	cur, err := chromedp.Run(b.Ctx, chromedp.Attributes(chromedp.CSS(`.event[aria-current="step"]`)))
	require.NoError(t, err)
	assert.Equal(t, "2", cur["data-step"], "the URL's step is highlighted by the server")
	b.ScreenshotOf(t, "player-nojs", `[data-testid="player"]`)
	problems := b.Problems()
	for _, p := range problems {
		assert.False(t, strings.HasPrefix(p, "HTTP"), p)
	}
}

func countNodes(t *testing.T, b *browsertest.Browser, css string) int {
	t.Helper()
	nodes, err := chromedp.Run(b.Ctx, chromedp.Nodes(chromedp.CSSAll(css), chromedp.AtLeast(0)))
	require.NoError(t, err, css)
	return len(nodes)
}

func TestBrowserPlayerSpaceKeyAndPNGDownload(t *testing.T) {
	b, _ := playerPage(t, "mode=public-private&flow=kubectl-to-apiserver")
	// A link to #player focuses the player, so keys work at once; with
	// focus elsewhere on the page they are the page's.
	assert.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="player"]')`))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(" ")))
	assert.Equal(t, "false", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`),
		"outside the player, Space is the page's (it scrolls)")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="player"]').focus()`), chromedp.KeyEvent(" ")))
	assert.Equal(t, "true", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`), "Space plays")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(" ")))
	assert.Equal(t, "false", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`), "Space pauses")

	// Record the download instead of saving a file: the link's name, and
	// the image its blob decodes to (the page's CSP lets images, not
	// fetch, read blob: URLs).
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`
		window.__downloads = [];
		HTMLAnchorElement.prototype.click = function () {
			const a = this, img = new Image();
			img.onload = () => window.__downloads.push({ name: a.download, type: a.href.slice(0, 5), width: img.naturalWidth });
			img.onerror = () => window.__downloads.push({ name: a.download, width: -1 });
			img.src = a.href;
		};`),
	))
	// A scripted click: a pointer click right after the page has scrolled
	// to #player sometimes lands on stale coordinates (seen 2 runs in 4).
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="download-png"]').click()`)))
	type download struct {
		Name  string `json:"name"`
		Type  string `json:"type"`
		Width int    `json:"width"`
	}
	// (chromedp.Poll compiles its predicate with eval, which the page's CSP
	// forbids, so the test polls by hand.)
	var got []download
	for deadline := time.Now().Add(10 * time.Second); len(got) == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		got = evalJS[[]download](t, b, `window.__downloads`)
	}
	require.Len(t, got, 1)
	assert.Equal(t, "eks-endpoints-public-private-kubectl-to-apiserver.png", got[0].Name)
	assert.Equal(t, "blob:", got[0].Type)
	assert.Equal(t, 2560, got[0].Width, "a PNG at twice the diagram's 1280 units")
	assert.Empty(t, b.Problems())
}

// evalAwait evaluates js in the page and waits for the promise it returns.
func evalAwait[T any](t *testing.T, b *browsertest.Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	require.NoError(t, err, js)
	return v
}

// jsPlayerModule is the hashed URL of player/player.js, as the page
// preloads it. Importing it again yields the very module the page runs.
const jsPlayerModule = `[...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href).find((h) => h.includes('/js/player/player.'))`

func TestBrowserPlayerModulesLoadPreloadedAndHashed(t *testing.T) {
	b, base := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	preloads := evalJS[[]string](t, b, `[...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href'))`)
	require.NotEmpty(t, preloads, "the page preloads the player's imports")
	loaded := evalJS[[]string](t, b, `performance.getEntriesByType('resource').map((e) => e.name)`)
	for _, p := range preloads {
		assert.Regexp(t, `^/static/js/[a-z/-]+\.[0-9a-f]{10}\.js$`, p)
		assert.Contains(t, loaded, base+p, "the browser fetched the preloaded module")
	}
	for _, module := range []string{"/js/player/player.", "/js/player/packet.", "/js/keymap.", "/js/player/url-state."} {
		assert.True(t, strings.Contains(strings.Join(preloads, " "), module), "%s is preloaded", module)
	}
	assert.True(t, evalAwait[bool](t, b, `import(`+jsPlayerModule+`).then(({ Player }) => Player.of(document.querySelector('figure.player')) instanceof Player)`),
		"the page entry made a Player for the figure")
	assert.Empty(t, b.Problems(), "no console errors, no failed or 4xx requests")
}

// recordStateChanges keeps the page player's statechange details in
// window.__changes.
const jsRecordStateChanges = `import(` + jsPlayerModule + `).then(({ Player }) => {
	window.__player = Player.of(document.querySelector('figure.player'));
	window.__changes = [];
	window.__player.addEventListener('statechange', (e) => window.__changes.push(e.detail));
})`

// jsState is a Player's state as its statechange event reports it.
type jsState struct {
	Mode string `json:"mode"`
	Flow string `json:"flow"`
	Step int    `json:"step"`
}

func TestBrowserPlayerApplyMovesAndAnnouncesState(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	evalAwait[chromedp.Void](t, b, jsRecordStateChanges)

	evalAwait[chromedp.Void](t, b, `__player.apply({ step: 3 })`)
	assert.Equal(t, "3", evalJS[string](t, b, jsCurrent))
	assert.Equal(t, "3", evalJS[string](t, b, jsSVGStep))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "step=3", "the URL follows apply too")
	assert.Equal(t, []jsState{{"public", "kubelet-to-apiserver", 3}}, evalJS[[]jsState](t, b, `__changes`))

	evalAwait[chromedp.Void](t, b, `__player.apply({ step: 3 })`)
	assert.Len(t, evalJS[[]jsState](t, b, `__changes`), 1, "no change, no event")

	// A new mode and flow load from the server, opened at the step.
	evalAwait[chromedp.Void](t, b, `__player.apply({ mode: 'private', flow: 'kubectl-to-apiserver', step: 2 })`)
	assert.Equal(t, "private", evalJS[string](t, b, `document.querySelector('figure.player').dataset.mode`))
	assert.Equal(t, "2", evalJS[string](t, b, jsCurrent))
	assert.Equal(t, "2 / 3", evalJS[string](t, b, `document.querySelector('[data-testid="step-counter"]').textContent`))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="mode-private"]').checked`))
	assert.True(t, evalJS[bool](t, b, `__player.figure === document.querySelector('figure.player')`), "the same figure, so references to it hold")
	search := evalJS[string](t, b, `location.search`)
	assert.Contains(t, search, "mode=private")
	assert.Contains(t, search, "flow=kubectl-to-apiserver")

	// A reader's step fires the same event.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-action="back"]`))))
	assert.Equal(t, []jsState{
		{"public", "kubelet-to-apiserver", 3},
		{"private", "kubectl-to-apiserver", 2},
		{"private", "kubectl-to-apiserver", 1},
	}, evalJS[[]jsState](t, b, `__changes`))

	// A state the server cannot show rejects; the player stays put.
	assert.Contains(t, evalAwait[string](t, b, `__player.apply({ mode: 'sideways' }).then(() => 'resolved', (e) => 'rejected: ' + e.message)`), "rejected: HTTP 400")
	assert.Equal(t, "private", evalJS[string](t, b, `document.querySelector('figure.player').dataset.mode`))
	b.ScreenshotOf(t, "player-applied", `[data-testid="player"]`)
	problems := b.Problems()
	require.Len(t, problems, 1, "only the deliberate 400: %v", problems)
	assert.Contains(t, problems[0], "HTTP 400")
}

// TestBrowserTwoPlayersAreIndependent clones the page's player into a
// second figure with its own Player: steps, keys and events of one never
// reach the other, and only the first writes the URL.
func TestBrowserTwoPlayersAreIndependent(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	evalAwait[chromedp.Void](t, b, jsRecordStateChanges)
	evalAwait[chromedp.Void](t, b, `import(`+jsPlayerModule+`).then(({ Player }) => {
		const first = document.querySelector('#player');
		const second = first.cloneNode(true);
		second.id = 'player-2';
		first.after(second);
		window.__second = new Player(second);
		window.__secondChanges = [];
		window.__second.addEventListener('statechange', (e) => window.__secondChanges.push(e.detail.step));
	})`)
	assert.Contains(t, evalJS[string](t, b, `(() => { try { new __player.constructor(document.querySelector('#player')); return 'made'; } catch (e) { return e.message; } })()`),
		"already has a Player", "one Player per figure")
	step := func(id string) string {
		return evalJS[string](t, b, `document.querySelector('#`+id+` .event[aria-current="step"]')?.dataset.step ?? ''`)
	}

	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`#player-2 [data-action="forward"]`))))
	assert.Equal(t, "1", step("player-2"))
	assert.Equal(t, "", step("player"), "the first player did not move")

	// Keys go to the player that holds focus, and to no other.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('#player-2').focus()`), chromedp.KeyEvent(kb.ArrowRight)))
	assert.Equal(t, "2", step("player-2"))
	assert.Equal(t, "", step("player"))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('#player .diagram-canvas').focus()`), chromedp.KeyEvent(kb.ArrowRight)))
	assert.Equal(t, "1", step("player"))
	assert.Equal(t, "2", step("player-2"))

	evalAwait[chromedp.Void](t, b, `__second.apply({ step: 4 })`)
	assert.Equal(t, "4", step("player-2"))
	assert.Equal(t, "1", step("player"))
	assert.Equal(t, []int{1, 2, 4}, evalJS[[]int](t, b, `__secondChanges`))
	assert.Equal(t, []jsState{{"public", "kubelet-to-apiserver", 1}}, evalJS[[]jsState](t, b, `__changes`))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "step=1", "the URL is the first player's")
	b.ScreenshotOf(t, "two-players-first", `#player`)
	b.ScreenshotOf(t, "two-players-second", `#player-2`)
	assert.Empty(t, b.Problems())
}

func TestBrowserPlayerKeysOnlyWithFocusInside(t *testing.T) {
	b, _ := playerPage(t, "mode=public&flow=kubelet-to-apiserver")
	// Focus outside the player: the arrow and Space are the page's, and
	// Space scrolls it.
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 0)`),
		chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(" ")))
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, "", evalJS[string](t, b, jsCurrent), "ArrowRight outside the player does not step")
	assert.Equal(t, "false", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`))
	assert.Greater(t, evalJS[float64](t, b, `window.scrollY`), 0.0, "Space scrolled the page")

	// In a form field inside the player, keys are the field's: "2" typed
	// on the mode radio does not switch the mode.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="mode-public"]').focus()`), chromedp.KeyEvent("2")))
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, "public", evalJS[string](t, b, `document.querySelector('figure.player').dataset.mode`))

	// Space on a focused button presses that button, once.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-action="forward"]').focus()`), chromedp.KeyEvent(" ")))
	assert.Equal(t, "1", evalJS[string](t, b, jsCurrent), "Space pressed the forward button")
	assert.Equal(t, "false", evalJS[string](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed')`), "and did not also play")

	// Inside the player, on the diagram, the keys step.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="player"] .diagram-canvas').focus()`), chromedp.KeyEvent(kb.ArrowRight)))
	assert.Equal(t, "2", evalJS[string](t, b, jsCurrent))
	assert.Empty(t, b.Problems())
}
