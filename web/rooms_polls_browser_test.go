package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// The poll live: the presenter opens a quiz question, a Korean follower
// answers, the presenter's chart counts it, the reveal reaches the
// follower; then axe on both pages with a poll open, in both themes.
func TestBrowserRoomPoll(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	srv := roomServer(t, RoomOptions{})
	presenter, follower := browsertest.New(t), browsertest.New(t)
	code := openPresenter(t, presenter, srv.URL)
	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Navigate(srv.URL+"/ko/r/"+code),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"] svg`))))
	waitJS(t, follower, jsBannerState+` === 'following'`, 3*time.Second, "the follower follows")

	require.NoError(t, chromedp.Do(presenter.Ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid="poll-question"]`), "cp-instances"),
		chromedp.Click(chromedp.CSS(`[data-testid="poll-submit"]`))))
	waitJS(t, presenter, `!!document.querySelector('[data-testid="poll-count-c"]')`, 3*time.Second, "the presenter's chart appears")
	waitJS(t, follower, `!!document.querySelector('[data-testid="poll-choice-c"]')`, 3*time.Second, "the poll reaches the follower")
	prompt := evalJS[string](t, follower, `document.querySelector('[data-testid="poll-prompt"]').textContent`)
	require.Contains(t, prompt, "EKS 컨트롤 플레인은", "the quiz question in the follower's language")

	start := time.Now()
	require.NoError(t, chromedp.Do(follower.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="poll-choice-c"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="poll-send"]`))))
	waitJS(t, presenter, `document.querySelector('[data-testid="poll-count-c"]').textContent === '1 answered'`, 2*time.Second, "the presenter sees the count")
	t.Logf("an answer reached the presenter's chart in %s", time.Since(start).Round(time.Millisecond))
	waitJS(t, presenter, `document.querySelector('[data-testid="poll-row-c"] .poll__bar').classList.contains('poll__bar--p100')`, time.Second, "the bar grows")
	waitJS(t, follower, `document.querySelector('[data-testid="poll-status"]').textContent.includes('집계')`, time.Second, "the follower is told")
	presenter.ScreenshotOf(t, "room-poll-presenter", `[data-testid="poll-panel"]`)

	// A11y with the poll open, both pages, both themes.
	for _, theme := range []string{"light", "dark"} {
		for name, b := range map[string]*browsertest.Browser{"presenter": presenter, "follower": follower} {
			require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
			settle(t, b)
			for _, v := range b.Axe(t) {
				if v.Serious() {
					t.Errorf("%s %s: %s", name, theme, v)
				} else {
					t.Logf("%s %s (below the bar): %s", name, theme, v)
				}
			}
		}
	}

	start = time.Now()
	require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="poll-reveal"]`))))
	waitJS(t, follower, `!!document.querySelector('[data-testid="poll-right"]') && document.querySelector('[data-testid="poll-row-c"]').textContent.includes('정답')`,
		2*time.Second, "the reveal reaches the follower")
	t.Logf("the reveal reached the follower in %s", time.Since(start).Round(time.Millisecond))
	follower.ScreenshotOf(t, "room-poll-follower-revealed", `[data-testid="poll-follower"]`)
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(follower.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
		settle(t, follower)
		for _, v := range follower.Axe(t) {
			if v.Serious() {
				t.Errorf("follower revealed %s: %s", theme, v)
			}
		}
	}

	require.NoError(t, chromedp.Do(presenter.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="poll-close"]`))))
	waitJS(t, follower, `document.querySelector('[data-testid="poll-follower"]').hidden`, 2*time.Second, "closing takes the poll away")
	for _, b := range []*browsertest.Browser{presenter, follower} {
		for _, p := range b.Problems() {
			if !strings.Contains(p, "favicon") {
				t.Error(p)
			}
		}
	}
}
