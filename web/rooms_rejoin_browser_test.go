package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// A follower answers, reloads the page and answers again: the reload is
// the same participant, so the presenter still counts one follower and
// one answer, and the follower is told in Korean that the first answer
// counts.
func TestBrowserRoomReloadAnswersOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	srv := roomServer(t, RoomOptions{})
	presenter, follower := browsertest.New(t), browsertest.New(t)
	code := openPresenter(t, presenter, srv.URL)
	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Navigate(srv.URL+"/ko/r/"+code)))
	waitJS(t, follower, jsBannerState+` === 'following'`, 3*time.Second, "the follower follows")
	require.NoError(t, chromedp.Do(presenter.Ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid="poll-question"]`), "cp-instances"),
		chromedp.Click(chromedp.CSS(`[data-testid="poll-submit"]`))))
	const jsStatus = `document.querySelector('[data-testid="poll-status"]').textContent`
	answer := func(key string) {
		t.Helper()
		waitJS(t, follower, `!!document.querySelector('[data-testid="poll-choice-`+key+`"]')`, 3*time.Second, "the poll is on the follower's page")
		require.NoError(t, chromedp.Do(follower.Ctx,
			chromedp.Click(chromedp.CSS(`[data-testid="poll-choice-`+key+`"]`)),
			chromedp.Click(chromedp.CSS(`[data-testid="poll-send"]`))))
	}
	answer("c")
	waitJS(t, follower, jsStatus+`.includes('집계')`, 2*time.Second, "the first answer is counted")

	require.NoError(t, chromedp.Do(follower.Ctx, chromedp.Reload()))
	waitJS(t, follower, jsBannerState+` === 'following'`, 3*time.Second, "the reloaded page follows again")
	answer("a")
	waitJS(t, follower, jsStatus+`.includes('이미 답했습니다')`, 2*time.Second, "the second answer is refused in Korean")
	follower.ScreenshotOf(t, "room-poll-follower-answered-twice", `[data-testid="poll-follower"]`)

	// Follower counts reach the presenter at most every 250 ms: a wrong
	// count (two, from the reload) would show within a few of those.
	const jsFollowers = `document.querySelector('[data-testid="room-followers"]').textContent`
	waitJS(t, presenter, jsFollowers+` === 'Followers: 1'`, 2*time.Second, "one follower")
	time.Sleep(time.Second)
	assert.Equal(t, "Followers: 1", evalJS[string](t, presenter, jsFollowers), "still one follower after the reload")
	assert.Equal(t, "1 answered", evalJS[string](t, presenter, `document.querySelector('[data-testid="poll-count-c"]').textContent`))
	assert.Equal(t, "0 answered", evalJS[string](t, presenter, `document.querySelector('[data-testid="poll-count-a"]').textContent`))
	for _, b := range []*browsertest.Browser{presenter, follower} {
		for _, p := range b.Problems() {
			if !strings.Contains(p, "favicon") && !strings.Contains(p, "409") {
				t.Error(p)
			}
		}
	}
}
