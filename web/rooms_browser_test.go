package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// waitJS polls js in b until it is true, or fails after within.
func waitJS(t *testing.T, b *browsertest.Browser, js string, within time.Duration, what string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not true within %s: %s", what, within, js)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// awaitJS runs a promise-returning js and returns its value.
func awaitJS[T any](t *testing.T, b *browsertest.Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	require.NoError(t, err, js)
	return v
}

// openPresenter presses "new room" in b and returns the room's code.
func openPresenter(t *testing.T, b *browsertest.Browser, base string) string {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Navigate(base+"/en/rooms"),
		chromedp.Click(chromedp.CSS(`[data-testid="new-room"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="room-controls"]`)),
	))
	return evalJS[string](t, b, `document.querySelector('[data-testid="room-presenter"]').dataset.code`)
}

const (
	jsRoomStep    = `document.querySelector('[data-testid="room-view"]').dataset.step`
	jsBannerState = `document.querySelector('[data-testid="room-banner"]').dataset.state`
)

func TestBrowserRoomFollowerFollowsThePresenter(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	srv := roomServer(t, RoomOptions{})
	presenter, follower := browsertest.New(t), browsertest.New(t) // two browsers: no shared cookies
	code := openPresenter(t, presenter, srv.URL)

	// The presenter works in English, this follower reads Korean.
	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Navigate(srv.URL+"/ko/r/"+code),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"] svg`))))
	waitJS(t, follower, jsBannerState+` === 'following'`, 3*time.Second, "the banner says following")
	waitJS(t, presenter, `document.querySelector('[data-testid="room-followers"]').textContent.includes('1')`, 3*time.Second, "the presenter sees one follower")

	for n := 1; n <= 3; n++ {
		start := time.Now()
		require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="room-next"]`))))
		waitJS(t, follower, fmt.Sprintf(`%s === '%d' && (%s) === '%d'`, jsRoomStep, n, jsSVGStep, n), time.Second,
			fmt.Sprintf("the follower's diagram reaches step %d", n))
		t.Logf("step %d reached the follower in %s", n, time.Since(start).Round(time.Millisecond))
	}
	follower.ScreenshotOf(t, "room-follower-step3", `[data-testid="room-follower"]`)

	// A new flow from the controls: the follower's player loads it.
	require.NoError(t, chromedp.Do(presenter.Ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid="room-flow"]`), "kubelet-to-apiserver"),
		chromedp.SetValue(chromedp.CSS(`[data-testid="room-step"]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid="room-show"]`))))
	waitJS(t, follower, `document.querySelector('[data-testid="player"]').dataset.flow === 'kubelet-to-apiserver' && (`+jsSVGStep+`) === '1'`,
		2*time.Second, "the follower's player switches flow")

	// The presenter steps with the preview's own player: that drives too.
	require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="player"] [data-action="forward"]`))))
	waitJS(t, follower, jsRoomStep+` === '2'`, 2*time.Second, "the preview player's step reaches the follower")

	// A follower looks around, and follows again with one click.
	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="player"] [data-action="restart"]`))))
	waitJS(t, follower, jsBannerState+` === 'detached'`, time.Second, "moving the player detaches")
	require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="room-next"]`))))
	time.Sleep(500 * time.Millisecond)
	assert.Equal(t, "0", evalJS[string](t, follower, `document.querySelector('[data-testid="player"]').dataset.current`),
		"a detached follower stays where they are")
	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="room-rejoin"]`))))
	waitJS(t, follower, jsBannerState+` === 'following' && (`+jsSVGStep+`) === '3'`, 2*time.Second, "rejoining catches up")

	// A new view: the follower's page fetches it, in Korean.
	require.NoError(t, chromedp.Do(presenter.Ctx,
		chromedp.SetValue(chromedp.CSS(`select[name="view"]`), "control-plane"),
		chromedp.Click(chromedp.CSS(`[data-testid="room-show"]`))))
	waitJS(t, follower, `document.querySelector('[data-testid="room-view"]').dataset.view === 'control-plane'`, 2*time.Second, "the follower's view changes")
	presenter.Screenshot(t, "room-presenter")

	// Without the token, a follower cannot drive.
	status := awaitJS[float64](t, follower, fmt.Sprintf(`fetch('/en/r/%s/state', {method: 'POST', headers: {Accept: 'application/json'},
		body: new URLSearchParams({where: 'intro', view: 'overview'})}).then((r) => r.status)`, code))
	assert.EqualValues(t, 403, status)
	status = awaitJS[float64](t, follower, fmt.Sprintf(`fetch('/api/v1/rooms/%s/state', {method: 'PUT', headers: {Authorization: 'Bearer guess'},
		body: JSON.stringify({chapter: 'intro', view: 'overview'})}).then((r) => r.status)`, code))
	assert.EqualValues(t, 403, status)

	// Ending the room tells the follower.
	require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="room-end"] button`))))
	waitJS(t, follower, jsBannerState+` === 'ended'`, 2*time.Second, "the follower hears the room ended")
	for _, b := range []*browsertest.Browser{presenter, follower} {
		for _, p := range b.Problems() {
			if !strings.Contains(p, "/state") && !strings.Contains(p, "403") {
				t.Error(p)
			}
		}
	}
}

func TestBrowserRoomPagesAreAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	srv := roomServer(t, RoomOptions{})
	presenter, follower := browsertest.New(t), browsertest.New(t)
	code := openPresenter(t, presenter, srv.URL)
	pages := []struct {
		name  string
		b     *browsertest.Browser
		path  string
		ready string
	}{
		{"rooms", follower, "/en/rooms", `[data-testid="rooms"]`},
		{"rooms-ko", follower, "/ko/rooms", `[data-testid="rooms"]`},
		{"follower", follower, "/en/r/" + code, `[data-testid="player"] svg`},
		{"follower-ko", follower, "/ko/r/" + code, `[data-testid="player"] svg`},
		{"presenter", presenter, "/en/r/" + code + "/present", `[data-testid="room-controls"]`},
		{"claim", follower, "/en/r/" + code + "/present", `[data-testid="room-claim"]`},
	}
	for _, theme := range []string{"light", "dark"} {
		for _, pg := range pages {
			require.NoError(t, chromedp.Do(pg.b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme),
				chromedp.Navigate(srv.URL+pg.path), chromedp.WaitVisible(chromedp.CSS(pg.ready))))
			settle(t, pg.b)
			if theme == "dark" && pg.name == "follower" {
				pg.b.Screenshot(t, "room-follower-dark")
			}
			if theme == "light" && pg.name == "rooms" {
				pg.b.Screenshot(t, "rooms")
			}
			for _, v := range pg.b.Axe(t) {
				if v.Serious() {
					t.Errorf("%s %s: %s", pg.name, theme, v)
				} else {
					t.Logf("%s %s (below the bar): %s", pg.name, theme, v)
				}
			}
		}
	}
}
