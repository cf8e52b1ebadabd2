package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strconv"
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
	"github.com/ekstutor/ekstutor/internal/topology"
)

// presenterAt opens path (after the server's origin) in a fresh browser
// with a viewport of w×h, after the setup actions, and waits for the
// presenter view (and, with scripts on, for presenter.js to take it).
func presenterAt(t *testing.T, path string, w, h int64, setup ...chromedp.Action[chromedp.Void]) (*browsertest.Browser, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	t.Cleanup(srv.Close)
	require.NoError(t, chromedp.Do(b.Ctx, append(setup, chromedp.EmulateViewport(w, h))...))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Navigate(srv.URL+path),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="presenter"] svg`)),
	))
	// With scripts off the class never comes: give up after a moment.
	ctx, cancel := context.WithTimeout(b.Ctx, 2*time.Second)
	_ = chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`.presenter--js`)))
	cancel()
	settle(t, b)
	return b, srv.URL
}

// presenterBox is what the readability checks measure, in CSS pixels.
type presenterBox struct {
	VW, VH       float64 // the viewport
	DrawW, DrawH float64 // the diagram as drawn (the SVG's box, letterboxed to its viewBox)
	DrawBottom   float64
	CaptionTop   float64
	CaptionBot   float64
	Route        float64 // font sizes of the caption's lines
	Reason       float64
	Title        float64
}

const jsPresenterBox = `(() => {
	const svg = document.querySelector('[data-testid="presenter"] svg');
	const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
	const k = Math.min(r.width / vb.width, r.height / vb.height);
	const dw = vb.width * k, dh = vb.height * k;
	const cur = document.querySelector('[data-testid="presenter"] .event.is-current');
	const cap = cur ?? document.querySelector('[data-testid="presenter"] .diagram-caption');
	const c = cap.getBoundingClientRect();
	const px = (el) => el ? parseFloat(getComputedStyle(el).fontSize) : 0;
	return { vw: innerWidth, vh: innerHeight, draww: dw, drawh: dh, drawbottom: r.top + (r.height + dh) / 2,
		captiontop: c.top, captionbot: c.bottom,
		route: px(cur?.querySelector('.event__route')), reason: px(cur?.querySelector('.event__reason')),
		title: px(document.querySelector('[data-testid="presenter"] .diagram-caption__title')) };
})()`

// TestBrowserPresenterReadableFromTheBack: at a 720p and a 1080p
// projector the caption is large (at least 28 and 40 px) and on screen,
// under the diagram without covering it, and the diagram fills most of
// the screen: two thirds of its height or more (height is the limiting
// side for a 4:3-ish drawing on a 16:9 screen).
func TestBrowserPresenterReadableFromTheBack(t *testing.T) {
	for _, size := range []struct {
		w, h    int64
		minFont float64
	}{{1280, 720, 28}, {1920, 1080, 40}} {
		for _, lang := range []string{"en", "ko"} {
			name := fmt.Sprintf("%dx%d-%s", size.w, size.h, lang)
			t.Run(name, func(t *testing.T) {
				b, _ := presenterAt(t, "/"+lang+"/endpoint-access?present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=4", size.w, size.h)
				box := evalJS[presenterBox](t, b, jsPresenterBox)
				t.Logf("%s: diagram %.0f×%.0f of %.0f×%.0f (%.0f%% of the height, %.0f%% of the area); caption %.0f–%.0f; fonts route %.1f, reason %.1f px",
					name, box.DrawW, box.DrawH, box.VW, box.VH, 100*box.DrawH/box.VH, 100*box.DrawW*box.DrawH/(box.VW*box.VH),
					box.CaptionTop, box.CaptionBot, box.Route, box.Reason)
				assert.GreaterOrEqual(t, box.Route, size.minFont, "the caption's first line")
				assert.GreaterOrEqual(t, box.Reason, size.minFont*0.85, "the caption's reason")
				assert.GreaterOrEqual(t, box.DrawH/box.VH, 0.65, "the diagram takes most of the height")
				// The endpoint view is 4:3-ish (1280×956): on a 16:9 screen
				// its full height would be 75% of the area.
				assert.GreaterOrEqual(t, box.DrawW*box.DrawH/(box.VW*box.VH), 0.36, "and a large part of the screen")
				assert.LessOrEqual(t, box.CaptionBot, box.VH+0.5, "the caption is on screen")
				assert.GreaterOrEqual(t, box.CaptionTop, box.DrawBottom-0.5, "the caption sits under the diagram")
				assert.Equal(t, "4", evalJS[string](t, b, `document.querySelector('[data-testid="presenter"] .event.is-current').dataset.step`))
				b.Screenshot(t, "presenter-"+name)
				require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", "dark")))
				settle(t, b)
				b.Screenshot(t, "presenter-"+name+"-dark")
				require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", "light")))

				// Before the first step the caption is the figure's title,
				// as large.
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Home)))
				stillCamera(t, b)
				box = evalJS[presenterBox](t, b, jsPresenterBox)
				assert.GreaterOrEqual(t, box.Title, size.minFont, "the title at step 0")
				assert.LessOrEqual(t, box.CaptionBot, box.VH+0.5)
				b.Screenshot(t, "presenter-"+name+"-step0")
				assert.Empty(t, b.Problems())
			})
		}
	}
}

// TestBrowserPresenterViewWithoutSteps: the control plane view has no
// flow; it is presented with its title as the caption.
func TestBrowserPresenterViewWithoutSteps(t *testing.T) {
	b, _ := presenterAt(t, "/en/control-plane?present=1&view=control-plane", 1280, 720)
	box := evalJS[presenterBox](t, b, jsPresenterBox)
	// No camera here (no steps to frame): the view is drawn whole.
	l := evalJS[labelSizes](t, b, jsLabelSizes)
	t.Logf("node labels %.1f–%.1f px at 1280×720", l.Min, l.Max)
	assert.GreaterOrEqual(t, box.Title, 28.0)
	assert.GreaterOrEqual(t, box.DrawH/box.VH, 0.6)
	assert.LessOrEqual(t, box.CaptionBot, box.VH+0.5)
	b.Screenshot(t, "presenter-control-plane")
	assert.Empty(t, b.Problems())
}

const (
	jsPresentStep = `document.querySelector('[data-testid="presenter"] .event.is-current')?.dataset.step ?? '0'`
	jsPresentMode = `document.querySelector('[data-testid="presenter"] [data-testid="player"]').dataset.mode`
)

func key(t *testing.T, b *browsertest.Browser, k string) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(k)), "key %q", k)
}

// TestBrowserPresenterKeys presses every key of presenter mode and checks
// what each did: the caption, the address, the bar's links, the mode, the
// blackout, full screen, the help overlay and leaving.
func TestBrowserPresenterKeys(t *testing.T) {
	b, base := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=0", 1280, 720)
	require.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="presenter"]')`),
		"the view has focus at once, so the keys work without a click")
	total := evalJS[int](t, b, `Number(document.querySelector('[data-testid="presenter"]').dataset.steps)`)
	require.Equal(t, 5, total, "public mode, kubelet flow")

	for _, tt := range []struct {
		key, want string
	}{{kb.ArrowRight, "1"}, {" ", "2"}, {kb.ArrowRight, "3"}, {kb.ArrowLeft, "2"}, {kb.End, "5"}, {kb.ArrowRight, "5"}, {kb.Home, "0"}, {kb.ArrowLeft, "0"}, {" ", "1"}} {
		key(t, b, tt.key)
		assert.Equal(t, tt.want, evalJS[string](t, b, jsPresentStep), "after %q", tt.key)
		assert.Contains(t, evalJS[string](t, b, `location.search`), "step="+tt.want, "the address follows (%q)", tt.key)
	}
	assert.Equal(t, "Step 1 / 5", evalJS[string](t, b, `document.querySelector('[data-testid="presenter-counter"]').textContent`))
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="present-next"]').href`), "step=2")
	assert.Equal(t, "1 / 5", evalJS[string](t, b, `document.querySelector('[data-testid="event-live"]').textContent.slice(0, 5)`),
		"screen readers hear each step")
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-action="play"]').getAttribute('aria-pressed') === 'true'`),
		"Space steps; it does not start the player's playback")

	// 1/2/3 switch the mode, at the same flow, from its first step.
	for _, tt := range []struct{ key, mode string }{{"2", "public-private"}, {"3", "private"}, {"1", "public"}} {
		key(t, b, tt.key)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"][data-mode="`+tt.mode+`"] svg`))), tt.key)
		assert.Equal(t, "0", evalJS[string](t, b, jsPresentStep), tt.key)
		assert.Contains(t, evalJS[string](t, b, `location.search`), "mode="+tt.mode)
		assert.Equal(t, tt.mode, evalJS[string](t, b, `document.querySelector('[data-present-mode][aria-current="true"]').dataset.presentMode`))
		key(t, b, kb.ArrowRight) // the new mode steps too
		assert.Equal(t, "1", evalJS[string](t, b, jsPresentStep), "stepping after %q", tt.key)
	}
	assert.Equal(t, "kubelet-to-apiserver", evalJS[string](t, b, `document.querySelector('[data-testid="player"]').dataset.flow`))

	// B blacks the screen out, and back.
	key(t, b, "b")
	assert.True(t, evalJS[bool](t, b, `(() => { const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
		return e.closest('[data-testid="presenter-blackout"]') !== null && getComputedStyle(e.closest('[data-testid="presenter-blackout"]')).backgroundColor === 'rgb(0, 0, 0)'; })()`),
		"a black screen covers everything")
	b.Screenshot(t, "presenter-blackout")
	key(t, b, kb.ArrowRight) // keys still reach the presenter while blacked out
	key(t, b, "B")
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-blackout"]').hidden`))
	assert.Equal(t, "2", evalJS[string](t, b, jsPresentStep))

	// F asks for full screen, and leaves it.
	key(t, b, "f")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.fullscreenElement === document.documentElement`, chromedp.WithPollingTimeout(3*time.Second))), "full screen")
	key(t, b, "F")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.fullscreenElement === null`, chromedp.WithPollingTimeout(3*time.Second))), "out of full screen")
	key(t, b, "F")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.fullscreenElement !== null`, chromedp.WithPollingTimeout(3*time.Second))), "full screen again")
	key(t, b, kb.Escape)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.fullscreenElement === null`, chromedp.WithPollingTimeout(3*time.Second))), "Esc leaves full screen")
	assert.Contains(t, evalJS[string](t, b, `location.search`), "present=1", "and only full screen")

	// ? opens the help overlay, listing these keys; Esc closes it and
	// stays in presenter mode.
	key(t, b, "?")
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="help"]').open`))
	help := evalJS[string](t, b, `document.querySelector('[data-testid="help"]').textContent`)
	for _, want := range []string{"Next step", "Previous step", "Full screen", "Black out", "Leave presenter mode", "Home", "End"} {
		assert.Contains(t, help, want)
	}
	b.Screenshot(t, "presenter-help")
	key(t, b, kb.Escape)
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="help"]').open`))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "present=1", "Esc on the overlay closes only the overlay")
	key(t, b, kb.ArrowRight)
	assert.Equal(t, "3", evalJS[string](t, b, jsPresentStep), "focus came back: keys work")

	// Esc leaves, to the chapter's player at the same moment.
	key(t, b, kb.Escape)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter"] [data-testid="player"].player--js svg`))))
	loc, err := chromedp.Run(b.Ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Equal(t, base+"/en/endpoint-access?mode=public&flow=kubelet-to-apiserver&step=3#player", loc)
	assert.Equal(t, "3", evalJS[string](t, b, jsCurrent))
	// The player's Present link opens presenter mode at that moment.
	assert.Equal(t, base+"/en/endpoint-access?present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=3",
		evalJS[string](t, b, `document.querySelector('[data-testid="player"] [data-testid="present-link"]').href`))
	assert.Empty(t, b.Problems())
}

// TestBrowserPresenterBarLinksStepInPlace: with the script, the bar's
// links (for a mouse or a remote) step without loading a page, and the
// bar shows while the pointer moves or a link has focus.
func TestBrowserPresenterBarLinksStepInPlace(t *testing.T) {
	b, _ := presenterAt(t, "/en/compare?present=1", 1280, 720)
	assert.Equal(t, "none", evalJS[string](t, b, `(() => { const r = document.querySelector('[data-testid="presenter-bar"]').getBoundingClientRect(); return r.bottom <= 1 ? 'none' : 'shown'; })()`),
		"the bar is out of the way")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", 600, 400)))
	time.Sleep(300 * time.Millisecond)
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-bar"]').getBoundingClientRect().top >= -0.5`), "the pointer brings it back")
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-bar"]').getBoundingClientRect().bottom <= document.querySelector('[data-testid="presenter"] .diagram-caption').getBoundingClientRect().top`),
		"over the diagram, not over the caption")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.marker = 1`),
		chromedp.Click(chromedp.CSS(`[data-testid="present-next"]`))))
	assert.Equal(t, "1", evalJS[string](t, b, jsPresentStep))
	assert.Equal(t, 1, evalJS[int](t, b, `window.marker`), "no page load")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-present-mode="private"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"][data-mode="private"] svg`))))
	assert.Equal(t, 1, evalJS[int](t, b, `window.marker`))
	b.Screenshot(t, "presenter-bar")
	assert.Empty(t, b.Problems())
}

// TestBrowserPresenterWithoutJavaScript: a large static view of the
// address's step; the bar's links step by loading the next address.
func TestBrowserPresenterWithoutJavaScript(t *testing.T) {
	noJS := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	b, _ := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=private&flow=kubectl-to-apiserver&step=1", 1280, 720, noJS)
	assert.False(t, evalJS[bool](t, b, `document.querySelector('.presenter--js') !== null`))
	box := evalJS[presenterBox](t, b, jsPresenterBox)
	assert.GreaterOrEqual(t, box.Route, 28.0)
	bar := evalJS[float64](t, b, `document.querySelector('[data-testid="presenter-bar"]').getBoundingClientRect().bottom`)
	assert.LessOrEqual(t, bar, box.VH+0.5, "the bar is on screen")
	assert.LessOrEqual(t, box.CaptionBot, box.VH+0.5, "so is the caption")
	b.Screenshot(t, "presenter-nojs")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="present-next"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.event.is-current[data-step="2"]`))))
	assert.Contains(t, evalJS[string](t, b, `location.search`), "step=2")
	for _, p := range b.Problems() {
		assert.False(t, strings.HasPrefix(p, "HTTP"), p)
	}
}

// jsContrast measures the contrast ratio (WCAG 2) of each visible text
// element matching sel against the first opaque background behind it.
const jsContrast = `((sel) => {
	const rgb = (c) => c.match(/[\d.]+/g).map(Number);
	const lum = (c) => { const [r, g, b] = rgb(c).slice(0, 3).map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	const bg = (el) => { for (let n = el; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; const a = rgb(c);
		if (a.length < 4 || a[3] > 0) return c; } return 'rgb(255, 255, 255)'; };
	return [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility() && e.textContent.trim() !== '').map((e) => {
		const f = lum(getComputedStyle(e).color), b = lum(bg(e));
		return { what: e.className || e.tagName, text: e.textContent.trim().slice(0, 40), ratio: (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05) };
	});
})`

type contrast struct {
	What, Text string
	Ratio      float64
}

// TestBrowserPresenterCaptionContrastAAA: every piece of the caption
// (route, step number, network badge, DNS answer, reason; the title
// before the first step) clears WCAG AAA, 7:1, in the light and the dark
// theme, whether the system or the reader's switch chose it.
func TestBrowserPresenterCaptionContrastAAA(t *testing.T) {
	const caption = `[data-testid="presenter"] .event.is-current :is(.event__route, .event__num, .event__kind, .event__answer, .badge, .event__reason), [data-testid="presenter"] .diagram-caption__title`
	b, base := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=private&flow=kubectl-to-apiserver&step=1", 1280, 720)
	for _, tt := range []struct{ name, system, chosen string }{
		{"light", "light", ""}, {"dark", "dark", ""}, {"dark chosen on a light system", "light", "dark"}, {"light chosen on a dark system", "dark", "light"},
	} {
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", tt.system),
			chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem('ekstutor.theme', %q)`, tt.chosen))))
		for _, step := range []string{"0", "1", "2"} {
			require.NoError(t, chromedp.Do(b.Ctx,
				chromedp.Navigate(base+"/en/endpoint-access?present=1&view=endpoints&mode=private&flow=kubectl-to-apiserver&step="+step),
				chromedp.WaitReady(chromedp.CSS(`.presenter--js`))))
			settle(t, b)
			got := evalJS[[]contrast](t, b, jsContrast+"("+"`"+caption+"`"+")")
			require.NotEmpty(t, got, "%s step %s: the caption was measured", tt.name, step)
			wantBG := map[bool]string{true: "rgb(0, 0, 0)", false: "rgb(255, 255, 255)"}[strings.HasPrefix(tt.name, "dark")]
			assert.Equal(t, wantBG, evalJS[string](t, b, `getComputedStyle(document.querySelector('[data-testid="presenter"]')).backgroundColor`),
				"%s: the theme took effect", tt.name)
			lowest := 21.0
			for _, c := range got {
				assert.GreaterOrEqual(t, c.Ratio, 7.0, "%s, step %s: %s %q", tt.name, step, c.What, c.Text)
				lowest = min(lowest, c.Ratio)
			}
			t.Logf("%s, step %s: %d caption parts, lowest contrast %.1f:1", tt.name, step, len(got), lowest)
			if step == "1" {
				assert.GreaterOrEqual(t, len(got), 5, "route, number, DNS, answer, badge and reason at a DNS step")
			}
		}
		b.Screenshot(t, "presenter-contrast-"+strings.ReplaceAll(tt.name, " ", "-"))
	}
	assert.Empty(t, b.Problems())
}

// TestA11yPresenter runs axe-core on presenter mode: the player at a step
// and before it, a view without steps and the comparison's, in both
// languages and both themes, and once more with the help overlay open.
func TestA11yPresenter(t *testing.T) {
	browsertest.RequireAxe(t)
	b, base := presenterAt(t, "/en/endpoint-access?present=1", 1280, 720)
	paths := []string{
		"/endpoint-access?present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=3",
		"/endpoint-access?present=1",
		"/control-plane?present=1&view=control-plane",
		"/compare?present=1&step=2",
	}
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
		for _, lang := range []string{"ko", "en"} {
			for _, p := range paths {
				url := base + "/" + lang + p
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`.presenter--js`))), url)
				settle(t, b)
				checkAxe(t, b, theme+" "+lang+" "+p)
				if strings.HasPrefix(p, "/compare") {
					// The bar, shown, and the help overlay.
					require.NoError(t, chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", 400, 300)))
					time.Sleep(300 * time.Millisecond)
					checkAxe(t, b, theme+" "+lang+" bar shown")
					key(t, b, "?")
					checkAxe(t, b, theme+" "+lang+" help open")
					key(t, b, kb.Escape)
				}
				assert.Empty(t, b.Problems(), url)
			}
		}
	}
}

func checkAxe(t *testing.T, b *browsertest.Browser, where string) {
	t.Helper()
	for _, v := range b.Axe(t) {
		if v.Serious() {
			t.Errorf("%s: %s", where, v)
		} else {
			t.Logf("%s (below the bar): %s", where, v)
		}
	}
}

// TestBrowserPresenterReducedMotion: with prefers-reduced-motion the
// packet jumps to each step's end instead of travelling, and the bar
// appears without sliding.
func TestBrowserPresenterReducedMotion(t *testing.T) {
	b, _ := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=0", 1280, 720,
		browsertest.EmulateMedia("prefers-reduced-motion", "reduce"))
	require.True(t, evalJS[bool](t, b, `matchMedia('(prefers-reduced-motion: reduce)').matches`))
	key(t, b, kb.ArrowRight)
	key(t, b, kb.ArrowRight)
	first := evalJS[string](t, b, jsPacket)
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, first, evalJS[string](t, b, jsPacket), "no travel: the packet stays put")
	end := evalJS[string](t, b, `(() => { const p = document.querySelector('#player-step-2'); const e = p.getPointAtLength(p.getTotalLength()); return 'translate(' + e.x.toFixed(1) + ' ' + e.y.toFixed(1) + ')'; })()`)
	assert.Equal(t, end, first, "it sits at the end of step 2")
	assert.Equal(t, "2", evalJS[string](t, b, jsPresentStep))
	assert.Equal(t, "0s", evalJS[string](t, b, `getComputedStyle(document.querySelector('[data-testid="presenter-bar"]')).transitionDuration`))
	// The camera jumps to the hop too: no glide, and it stays put.
	const jsViewBox = `document.querySelector('[data-testid="presenter"] .diagram-canvas svg').getAttribute('viewBox')`
	key(t, b, kb.ArrowRight)
	framed := evalJS[string](t, b, jsViewBox)
	assert.False(t, evalJS[bool](t, b, `document.querySelector('.diagram-canvas.is-moving') !== null`), "no glide")
	assert.NotEqual(t, evalJS[string](t, b, `document.querySelector('[data-testid="presenter"] .diagram-canvas svg').dataset.fullViewBox`), framed, "the camera framed step 3")
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, framed, evalJS[string](t, b, jsViewBox), "and stays there")
	assert.Empty(t, b.Problems())
}

// TestBrowserPresenterModuleAPI drives presenter mode the way rooms will:
// startPresenter's controller reports every change through onState and
// moves on apply. (A second controller on the same view: the page's own
// handles the keys, and the second hears what they do.)
func TestBrowserPresenterModuleAPI(t *testing.T) {
	b, _ := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=public&flow=kubectl-to-apiserver&step=0", 1280, 720)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`(async () => {
		const src = [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href).find((h) => /\/js\/presenter\.[0-9a-f]+\.js$/.test(h));
		const { startPresenter } = await import(src);
		window.states = [];
		window.presenter = startPresenter(document.querySelector('[data-testid="presenter"]'), { onState: (s) => window.states.push(s) });
	})()`, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) })))
	assert.Equal(t, map[string]any{"view": "endpoints", "mode": "public", "flow": "kubectl-to-apiserver", "step": 0.0},
		evalJS[map[string]any](t, b, `window.presenter.state`))
	key(t, b, kb.ArrowRight)
	assert.Equal(t, "1", evalJS[string](t, b, jsPresentStep), "one step per key, though two controllers listen")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.presenter.apply({ step: 3 })`,
		func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) })))
	assert.Equal(t, "3", evalJS[string](t, b, jsPresentStep))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.presenter.apply({ mode: 'private', flow: 'kubelet-to-apiserver', step: 2 })`,
		func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) })))
	assert.Equal(t, "2", evalJS[string](t, b, jsPresentStep))
	assert.Equal(t, "private", evalJS[string](t, b, jsPresentMode))
	states := evalJS[[]map[string]any](t, b, `window.states`)
	require.NotEmpty(t, states)
	assert.Equal(t, map[string]any{"view": "endpoints", "mode": "private", "flow": "kubelet-to-apiserver", "step": 2.0}, states[len(states)-1])
	assert.Contains(t, evalJS[string](t, b, `location.search`), "mode=private&flow=kubelet-to-apiserver&step=2")
	assert.Equal(t, true, evalJS[bool](t, b, `window.presenter.blackout(true)`))
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-blackout"]').hidden`))
	assert.Empty(t, b.Problems())
}

// TestBrowserPresenterFlowKeys: ] and [ switch to the next and the
// previous flow of the mode, round the list, from its first step; the
// address, the bar's links, the caption and the screen reader's live
// region follow, and the bar's flow links do the same in place.
func TestBrowserPresenterFlowKeys(t *testing.T) {
	b, _ := presenterAt(t, "/ko/endpoint-access?present=1&view=endpoints&mode=public-private&flow=kubectl-to-apiserver&step=2", 1280, 720)
	flows := topology.Flows()
	const jsFlow = `document.querySelector('[data-testid="presenter"] [data-testid="player"]').dataset.flow`
	const jsTitle = `(() => { const t = document.querySelector('[data-testid="presenter"] .diagram-caption__title'); return t.checkVisibility() ? t.textContent : 'hidden'; })()`
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.marker = 1`)))
	at := 0
	for _, tt := range []struct {
		key string
		d   int
	}{{"]", 1}, {"]", 1}, {"[", -1}, {"[", -1}, {"[", -1}} {
		at = (at + tt.d + len(flows)) % len(flows)
		want := flows[at]
		key(t, b, tt.key)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"][data-flow="`+string(want)+`"] svg`))), "%q to %s", tt.key, want)
		assert.Equal(t, "0", evalJS[string](t, b, jsPresentStep), "%q: the new flow from its start", tt.key)
		assert.Contains(t, evalJS[string](t, b, `location.search`), "mode=public-private&flow="+string(want)+"&step=0", "the address follows (%q)", tt.key)
		label := want.Label().In("ko")
		assert.Contains(t, evalJS[string](t, b, jsTitle), label, "the caption says which flow is on")
		assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="presenter-live"]').textContent`), label, "and so does the live region")
		next := flows[(at+1)%len(flows)]
		assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="present-next-flow"]').href`), "flow="+string(next)+"&step=0")
		assert.Equal(t, next.Label().In("ko"), evalJS[string](t, b, `document.querySelector('[data-testid="present-next-flow"]').title`))
	}
	require.Equal(t, flows[len(flows)-1], flows[at], "[ on the first flow went round to the last")
	key(t, b, kb.ArrowRight)
	assert.Equal(t, "1", evalJS[string](t, b, jsPresentStep), "the new flow steps")
	assert.Contains(t, evalJS[string](t, b, jsTitle), flows[at].Label().In("ko"), "the caption still names the flow at a step")
	b.Screenshot(t, "presenter-flow-step1-ko")

	// The bar's link does the same without loading a page.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", 600, 400)))
	time.Sleep(300 * time.Millisecond)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="present-next-flow"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"][data-flow="`+string(flows[0])+`"] svg`))))
	assert.Equal(t, 1, evalJS[int](t, b, `window.marker`), "no page load")
	assert.Equal(t, "0", evalJS[string](t, b, jsPresentStep))
	assert.Equal(t, "public-private", evalJS[string](t, b, jsPresentMode), "the mode stays")

	key(t, b, "?")
	help := evalJS[string](t, b, `document.querySelector('[data-testid="help"]').textContent`)
	assert.Contains(t, help, "이전 흐름, 다음 흐름")
	b.Screenshot(t, "presenter-help-ko")
	key(t, b, kb.Escape)

	// Under a Korean input source B types ㅠ: it still blacks out.
	const jsKoreanB = `document.querySelector('[data-testid="presenter"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ㅠ', code: 'KeyB', bubbles: true, cancelable: true }))`
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](jsKoreanB)))
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-blackout"]').hidden`), "ㅠ on the B key blacks out")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](jsKoreanB)))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="presenter-blackout"]').hidden`), "and shows the screen again")
	assert.Empty(t, b.Problems())
}

// labelSizes is what TestBrowserPresenterLabelsReadable measures: the
// node labels in view, in CSS pixels as drawn (font size in SVG units
// times the SVG's scale, viewBox included).
type labelSizes struct {
	Min, Max  float64
	Count     int
	HopInside bool // the current hop is wholly in view (true at step 0)
	Step      string
}

const jsLabelSizes = `(() => {
	const svg = document.querySelector('[data-testid="presenter"] .diagram-canvas svg');
	const k = svg.getScreenCTM().a;
	const c = svg.getBoundingClientRect();
	const inView = (r) => r.width > 0 && r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom;
	const px = [...svg.querySelectorAll('.comp-label')].filter((t) => inView(t.getBoundingClientRect()))
		.map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
	const hop = svg.querySelector('.step.is-current');
	const h = hop?.getBoundingClientRect();
	const inside = !hop || (h.left >= c.left - 1 && h.right <= c.right + 1 && h.top >= c.top - 1 && h.bottom <= c.bottom + 1);
	return { min: Math.min(...px), max: Math.max(...px), count: px.length, hopinside: inside,
		step: document.querySelector('[data-testid="presenter"] [data-testid="player"]')?.dataset.current ?? '' };
})()`

// stillCamera waits until presenter mode's camera has stopped moving.
func stillCamera(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="presenter"] .diagram-canvas.is-moving') === null`,
		chromedp.WithPollingTimeout(3*time.Second))), "the camera settles")
}

// TestBrowserPresenterLabelsReadable: the endpoint diagram's node labels
// are readable on a projector. A projected screen is the same size on the
// wall at any resolution, so the floor is a share of the screen's height:
// 14 px at 720 rows (1/51 of it), 21 px at 1080. Whole, the diagram draws
// them at 7.5 px at 1280×720; the camera frames the current hop, wholly
// in view, at every step of every flow of every mode. One hop is taller
// than a 720-row screen under its caption can show at 14 px, the link
// between an API server and an EKS-owned ENI (its ends lie 574 units
// apart): whole, it still gets 1.5× the old size. So: every step at least
// 1.5× the old size, and nearly all (6 in 7) at the floor.
func TestBrowserPresenterLabelsReadable(t *testing.T) {
	const old = 7.5 // px at 1280×720 before the camera (the whole diagram): 7.46 measured
	for _, size := range []struct {
		w, h int64
		min  float64
	}{{1280, 720, 14}, {1920, 1080, 21}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			b, _ := presenterAt(t, "/en/endpoint-access?present=1&view=endpoints&mode=public&flow=kubectl-to-apiserver&step=0", size.w, size.h)
			lowest, route := 100.0, 100.0
			var steps, below int
			floor := 1.5 * old * float64(size.h) / 720
			for mi, mode := range topology.Modes() {
				key(t, b, strconv.Itoa(mi+1))
				flows := topology.Flows()
				for fi := range flows {
					waitCtx, cancel := context.WithTimeout(b.Ctx, 5*time.Second)
					err := chromedp.Do(waitCtx, chromedp.WaitReady(chromedp.CSS(`[data-testid="player"][data-mode="`+string(mode)+`"][data-flow="`+string(flows[fi])+`"][data-current="0"] svg`)))
					cancel()
					require.NoError(t, err, "%s %s: %s", mode, flows[fi], evalJS[string](t, b, `location.href + ' ' + JSON.stringify(document.querySelector('[data-testid="player"]').dataset) + ' ' + document.activeElement.outerHTML.slice(0, 80)`))
					stillCamera(t, b)
					at := string(mode) + " " + string(flows[fi])
					l := evalJS[labelSizes](t, b, jsLabelSizes)
					route = min(route, l.Min)
					t.Logf("%s, step 0 (the whole route): %d labels, %.1f–%.1f px", at, l.Count, l.Min, l.Max)
					total := evalJS[int](t, b, `Number(document.querySelector('[data-testid="presenter"]').dataset.steps)`)
					for n := 1; n <= total; n++ {
						key(t, b, kb.ArrowRight)
						stillCamera(t, b)
						l := evalJS[labelSizes](t, b, jsLabelSizes)
						require.Equal(t, strconv.Itoa(n), l.Step)
						assert.True(t, l.HopInside, "%s step %d: the hop is in view", at, n)
						assert.NotZero(t, l.Count, "%s step %d: labels in view", at, n)
						assert.GreaterOrEqual(t, l.Min, floor, "%s step %d: at least 1.5× the old size", at, n)
						steps++
						if l.Min < size.min {
							below++
							t.Logf("%s step %d: %.1f px, under the floor (a tall hop, shown whole)", at, n, l.Min)
						}
						lowest = min(lowest, l.Min)
					}
					key(t, b, "]")
				}
			}
			t.Logf("%d steps: %d under %.0f px; smallest %.1f px; before the first step at least %.1f px", steps, below, size.min, lowest, route)
			assert.Greater(t, steps, 40)
			assert.LessOrEqual(t, float64(below), float64(steps)/7, "nearly every step clears the floor")
			b.Screenshot(t, fmt.Sprintf("presenter-labels-%dx%d", size.w, size.h))
			assert.Empty(t, b.Problems())
		})
	}
}
