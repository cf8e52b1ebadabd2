package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// TestBrowserReadAndSwitchLanguage reads a chapter as a user would: open it,
// switch language (keeping the section), follow "next", and nothing in the
// console or the network may fail along the way.
func TestBrowserReadAndSwitchLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	ctx := b.Ctx

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/control-plane#nlb")))
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	require.NoError(t, err)
	assert.NotEmpty(t, h1)
	b.Screenshot(t, "chapter-en")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="lang-switch"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="ko"] [data-testid="chapter"]`)),
	))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(loc, "/ko/control-plane#nlb"), "language switch keeps chapter and section: %s", loc)
	b.Screenshot(t, "chapter-ko")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="next"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter-meta"]`)),
	))
	loc, err = chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(loc, "/ko/data-plane"), "next leads to chapter 3: %s", loc)

	assert.Empty(t, b.Problems(), "console errors or failed requests")
}
