package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// focusSeen is what Tab landed on, as a reader would judge it: whether it
// is on screen, not covered by something else, and wears a focus ring.
type focusSeen struct {
	ID         string  `json:"id"`
	InView     bool    `json:"inView"`
	Hit        bool    `json:"hit"`
	W          float64 `json:"w"`
	H          float64 `json:"h"`
	Outline    string  `json:"outline"`
	OutlineW   float64 `json:"outlineW"`
	Transition string  `json:"transition"`
}

// jsFocusSeen describes document.activeElement (null on the body).
const jsFocusSeen = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {id: el.dataset.testid || el.id || el.tagName, w: r.width, h: r.height,
    inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    hit: !!hit && (hit === el || el.contains(hit)),
    outline: cs.outlineStyle, outlineW: parseFloat(cs.outlineWidth) || 0, transition: cs.transitionDuration};
})()`

// tabThrough presses Tab from the top of the page until the last section
// link has had focus (or max presses), and returns what each press
// focused. shot, if set, is called while the lab link has focus, so a
// screenshot shows the ring.
func tabThrough(t *testing.T, b *browsertest.Browser, max int, shot func()) []focusSeen {
	t.Helper()
	last := "nav-" + navWant[len(navWant)-1].id
	var seen []focusSeen
	for range max {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Tab)))
		f := evalJS[*focusSeen](t, b, jsFocusSeen)
		if f == nil {
			continue
		}
		seen = append(seen, *f)
		if f.ID == "nav-lab" && shot != nil {
			shot()
		}
		if f.ID == last {
			break
		}
	}
	return seen
}

// checkTabOrder: every section link is reached by Tab, in the header's
// order, after the header's first row (brand, search, language switch),
// and each is visible and ringed while it has focus.
func checkTabOrder(t *testing.T, seen []focusSeen, where string) {
	t.Helper()
	var ids []string
	for _, f := range seen {
		ids = append(ids, f.ID)
	}
	prev := slices.Index(ids, "lang-switch")
	require.GreaterOrEqual(t, prev, 0, "%s: Tab reaches the language switch: %v", where, ids)
	for _, w := range navWant {
		i := slices.Index(ids, "nav-"+w.id)
		if !assert.Greater(t, i, prev, "%s: nav-%s comes next in Tab order: %v", where, w.id, ids) {
			return
		}
		f := seen[i]
		assert.True(t, f.InView, "%s: nav-%s is on screen when focused", where, w.id)
		assert.True(t, f.Hit, "%s: nothing covers nav-%s", where, w.id)
		assert.GreaterOrEqual(t, f.H, 24.0, "%s: nav-%s is at least 24 px tall (target size)", where, w.id)
		assert.GreaterOrEqual(t, f.W, 24.0, "%s: nav-%s is at least 24 px wide (target size)", where, w.id)
		assert.NotEqual(t, "none", f.Outline, "%s: nav-%s shows a focus ring", where, w.id)
		assert.GreaterOrEqual(t, f.OutlineW, 2.0, "%s: nav-%s's ring is at least 2 px", where, w.id)
		prev = i
	}
}

// TestNavBrowserEveryLinkReachableByTab opens a chapter at a phone's
// width and a laptop's, in both themes and both languages, tabs through
// the header and checks every section link is reached in order, visible
// and ringed; axe must find nothing serious. With reduced motion the
// links have no transition. It saves a PNG of the header (the lab link
// focused) for each width, theme and language; set SCREENSHOT_DIR to keep
// them.
func TestNavBrowserEveryLinkReachableByTab(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()

	for _, width := range []int64{375, 1280} {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.EmulateViewport(width, 800)))
		for _, theme := range []string{"light", "dark"} {
			// The dark pass also asks for reduced motion, so each setting
			// of the preference is seen at both widths.
			motion := map[string]string{"light": "no-preference", "dark": "reduce"}[theme]
			require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme, "prefers-reduced-motion", motion)))
			for _, lang := range []string{"ko", "en"} {
				where := fmt.Sprintf("%s %dpx %s", lang, width, theme)
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/"+lang+"/control-plane"),
					chromedp.WaitVisible(chromedp.CSS(`[data-testid="site-tools"]:not([hidden])`))), where)
				settle(t, b)
				shot := func() {
					b.ScreenshotOf(t, fmt.Sprintf("nav-%s-%d-%s", lang, width, theme), `[data-testid="site-header"]`)
				}
				seen := tabThrough(t, b, 40, shot)
				checkTabOrder(t, seen, where)
				for _, f := range seen {
					if strings.HasPrefix(f.ID, "nav-") {
						if motion == "reduce" {
							assert.Equal(t, "0s", f.Transition, "%s: %s does not move", where, f.ID)
						} else {
							assert.NotEqual(t, "0s", f.Transition, "%s: %s eases (reduced motion is what turns it off)", where, f.ID)
						}
					}
				}
				for _, v := range b.Axe(t) {
					if v.Serious() {
						t.Errorf("%s: %s", where, v)
					}
				}
				for _, p := range b.Problems() {
					t.Errorf("%s: %s", where, p)
				}
			}
		}
	}
}

// TestNavBrowserWithoutJavaScript: the navigation is plain links, so with
// scripts off a phone still reaches every section by Tab.
func TestNavBrowserWithoutJavaScript(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.EmulateViewport(375, 800),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		})))
	for _, lang := range []string{"ko", "en"} {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/"+lang+"/exercises"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid="site-nav"]`))))
		assert.False(t, evalJS[bool](t, b, `!!document.querySelector('[data-testid="site-tools"]').offsetParent`),
			"the theme switch and help stay hidden without scripts")
		checkTabOrder(t, tabThrough(t, b, 40, nil), lang+" 375px no JS")
	}
}
