package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
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

				// Before the first step the caption is the figure's title,
				// as large.
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Home)))
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
	assert.GreaterOrEqual(t, box.Title, 28.0)
	assert.GreaterOrEqual(t, box.DrawH/box.VH, 0.6)
	assert.LessOrEqual(t, box.CaptionBot, box.VH+0.5)
	b.Screenshot(t, "presenter-control-plane")
	assert.Empty(t, b.Problems())
}

var _ = strings.TrimSpace
var _ = emulation.SetScriptExecutionDisabled
