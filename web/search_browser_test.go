package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// TestBrowserSearchFromTheHeader searches as a reader would: type into
// the header's box on a chapter, press Enter, follow the first result to
// its section. No console error or failed request on the way.
func TestBrowserSearchFromTheHeader(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()

	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Navigate(srv.URL+"/ko/intro"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter"]`)),
		chromedp.SendKeys(chromedp.CSS(`#site-search-q`), "엔드포인트를"+kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="search-result"]`)),
	))
	loc, err := chromedp.Run(b.Ctx, chromedp.Location())
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(loc, "/ko/search?q="+url.QueryEscape("엔드포인트를")), loc)
	assert.Equal(t, "엔드포인트", evalJS[string](t, b, `document.querySelector('[data-testid="search-result"] mark').textContent`))
	b.Screenshot(t, "search-ko")

	// The first result that is a section (the first may be a chapter's opening).
	const section = `[data-testid="search-result"] a[href*="#"]:not([href*="/glossary"])`
	href := evalJS[string](t, b, `document.querySelector('`+section+`').getAttribute('href')`)
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(section)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter"]`)),
	))
	loc, err = chromedp.Run(b.Ctx, chromedp.Location())
	require.NoError(t, err)
	// The page may add its own state to the query (the player does).
	got, err := url.Parse(loc)
	require.NoError(t, err)
	path, frag, _ := strings.Cut(href, "#")
	assert.Equal(t, path, got.Path)
	assert.Equal(t, frag, got.Fragment)
	assert.True(t, evalJS[bool](t, b, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`, frag)),
		"the section is on screen")
	assert.Empty(t, b.Problems())
}

// TestBrowserTermPopover: Tab to a marked term and its definition shows;
// it is the link's accessible description; Escape hides it; hovering shows it.
func TestBrowserTermPopover(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	// A headless tab is never the focused window, so :focus would not match.
	require.NoError(t, chromedp.Do(b.Ctx, emulateFocus))
	for _, lang := range []string{"ko", "en"} {
		require.NoError(t, chromedp.Do(b.Ctx,
			chromedp.Navigate(srv.URL+"/"+lang+"/control-plane"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter"]`)),
		))
		const popVisible = `(() => { const p = document.getElementById(document.activeElement.getAttribute('aria-describedby')); return !!p && p.checkVisibility(); })()`
		assert.False(t, evalJS[bool](t, b, `[...document.querySelectorAll('.term__pop')].some((p) => p.checkVisibility())`), "%s: hidden at first", lang)

		// Focus reaches the first term the way Tab does: it is a plain link.
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(`.term__link`))))
		assert.True(t, evalJS[bool](t, b, popVisible), "%s: focus shows the definition", lang)
		def := evalJS[string](t, b, `document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent`)
		assert.NotEmpty(t, def)
		b.Screenshot(t, "term-popover-"+lang)

		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Escape)))
		assert.False(t, evalJS[bool](t, b, popVisible), "%s: Escape hides it", lang)
		assert.True(t, evalJS[bool](t, b, `document.activeElement.classList.contains('term__link')`), "%s: focus stays", lang)

		// Hover: the pointer over the second term shows its definition.
		require.NoError(t, chromedp.Do(b.Ctx,
			chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
			chromedp.ScrollIntoView(chromedp.CSS(`.term:nth-child(n) .term__link`)),
		))
		box := evalJS[[]float64](t, b, `(() => { const l = document.querySelectorAll('.term__link')[1]; l.scrollIntoView({block: 'center'});
			const r = l.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", box[0], box[1])))
		assert.True(t, evalJS[bool](t, b, `document.querySelectorAll('.term__pop')[1].checkVisibility()`), "%s: hover shows the definition", lang)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.MouseEvent("mouseMoved", 5, 5)))
	}
	assert.Empty(t, b.Problems())
}

// TestA11ySearchPage runs axe-core on the search page, with results and
// without, in both languages and both themes.
func TestA11ySearchPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	require.NoError(t, chromedp.Do(b.Ctx, emulateFocus))
	queries := map[string]string{"ko": "NAT 게이트웨이를", "en": "NAT gateway"}
	var table strings.Builder
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
		for _, lang := range []string{"ko", "en"} {
			for _, path := range []string{"/search?q=" + url.QueryEscape(queries[lang]), "/search", "/control-plane"} {
				require.NoError(t, chromedp.Do(b.Ctx,
					chromedp.Navigate(srv.URL+"/"+lang+path),
					chromedp.WaitVisible(chromedp.CSS(`[data-testid="main"]`)),
				))
				if strings.HasPrefix(path, "/control-plane") {
					// The definition must pass axe too, while it shows.
					require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(`.term__link`))))
				}
				settle(t, b)
				c := map[string]int{}
				for _, v := range b.Axe(t) {
					c[v.Impact] += len(v.Nodes)
					if v.Serious() {
						t.Errorf("%s %s %s: %s", path, lang, theme, v)
					} else {
						t.Logf("%s %s %s (below the bar): %s", path, lang, theme, v)
					}
				}
				fmt.Fprintf(&table, "%-40s %s %-5s %v\n", path, lang, theme, c)
				assert.Empty(t, b.Problems(), "%s %s %s", path, lang, theme)
			}
		}
	}
	t.Log("axe-core violating elements per impact:\n" + table.String())
}

// emulateFocus makes the headless tab behave as the focused window, so
// :focus and :focus-within match as they do for a reader.
var emulateFocus = chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
	_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return err
})
