package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// a11yPage is one page type the accessibility check visits.
type a11yPage struct {
	name   string
	path   string   // after /{lang}
	ready  string   // CSS that is visible once the page is drawn
	status int      // the document's expected HTTP status
	shots  []string // name, CSS pairs: elements to screenshot (English only)
}

var a11yPages = []a11yPage{
	{name: "home", path: "/", ready: `[data-testid="chapter-list"]`, status: 200},
	{name: "chapter", path: "/control-plane", ready: `[data-testid="chapter"] svg`, status: 200,
		shots: []string{"code", `pre.chroma:has(.s2)`}},
	{name: "player", path: "/endpoint-access", ready: `[data-testid="player"].player--js svg`, status: 200,
		shots: []string{"player", `[data-testid="player"]`, "code", `pre.chroma:has(.nb)`}},
	{name: "player step", path: "/endpoint-access?mode=private&flow=kubectl-to-apiserver&step=2#player",
		ready: `[data-testid="player"].player--js [aria-current="step"]`, status: 200},
	{name: "glossary", path: "/glossary", ready: `[data-testid="glossary"]`, status: 200},
	{name: "compare", path: "/compare", ready: `[data-testid="compare-table"]`, status: 200,
		shots: []string{"page", `[data-testid="compare"]`}},
	{name: "lab", path: "/lab?cidrs=203.0.113.10/32", ready: `[data-testid="lab"] [data-testid="player"].player--js svg`, status: 200,
		shots: []string{"lab", `[data-testid="lab"]`}},
	{name: "lab errors", path: "/lab?cidrs=2001:db8::/32&client_ip=1.2", ready: `[data-testid="lab-problems"]`, status: 400},
	{name: "exercises", path: "/exercises", ready: `[data-testid="exercises"]`, status: 200},
	{name: "404", path: "/no-such-chapter", ready: `[data-testid="problem"]`, status: 404},
}

// settle waits for fonts and two frames, so that axe measures colours and
// boxes as a reader sees them, not mid-layout. (A step's opacity
// transition is 0.2 s; the extra sleep lets it end.)
func settle(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 3*time.Second)
	defer cancel()
	_ = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))`,
		func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	time.Sleep(250 * time.Millisecond)
}

// TestA11yEveryPageTypeBothThemesBothLanguages runs axe-core on every page
// type, in Korean and English, light and dark: no serious or critical
// violation may remain. It logs a table of violating elements per impact
// for the lead's note.
func TestA11yEveryPageTypeBothThemesBothLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()

	var table strings.Builder
	fmt.Fprintf(&table, "\n%-12s %-4s %-5s %5s %8s %7s %8s  rules\n", "page", "lang", "theme", "minor", "moderate", "serious", "critical")
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
		for _, lang := range []string{"ko", "en"} {
			for _, pg := range a11yPages {
				url := srv.URL + "/" + lang + pg.path
				resp, err := chromedp.Run(b.Ctx, chromedp.NavigateResponse(url))
				require.NoError(t, err, url)
				require.EqualValues(t, pg.status, resp.Status, url)
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(pg.ready))), url)
				require.True(t, evalJS[bool](t, b, fmt.Sprintf(`matchMedia('(prefers-color-scheme: %s)').matches`, theme)))
				settle(t, b)
				for i := 0; lang == "en" && i+1 < len(pg.shots); i += 2 {
					b.ScreenshotOf(t, fmt.Sprintf("a11y-%s-%s-%s", strings.ReplaceAll(pg.name, " ", "-"), pg.shots[i], theme), pg.shots[i+1])
				}

				vs := b.Axe(t)
				c := browsertest.CountByImpact(vs)
				var rules []string
				for _, v := range vs {
					rules = append(rules, fmt.Sprintf("%s(%d)", v.ID, len(v.Nodes)))
					if v.Serious() {
						t.Errorf("%s %s %s: %s", pg.name, lang, theme, v)
					} else {
						t.Logf("%s %s %s (below the bar): %s", pg.name, lang, theme, v)
					}
				}
				fmt.Fprintf(&table, "%-12s %-4s %-5s %5d %8d %7d %8d  %s\n", pg.name, lang, theme,
					c["minor"], c["moderate"], c["serious"], c["critical"], strings.Join(rules, " "))

				for _, p := range b.Problems() {
					if pg.status != 200 && strings.HasPrefix(p, fmt.Sprintf("HTTP %d for %s", pg.status, url)) {
						continue // the 404 page itself
					}
					t.Errorf("%s %s %s: %s", pg.name, lang, theme, p)
				}
			}
		}
	}
	t.Log("axe-core violating elements per impact (tags " + strings.Join(browsertest.AxeTags, ",") + "):" + table.String())
}

// TestA11yPlayerWithReducedMotion opens the player in both themes with
// prefers-reduced-motion: reduce, steps through it from the keyboard and
// checks that nothing breaks: no console error, and axe is still clean.
func TestA11yPlayerWithReducedMotion(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(b.Ctx,
			browsertest.EmulateMedia("prefers-reduced-motion", "reduce", "prefers-color-scheme", theme),
			chromedp.Navigate(srv.URL+"/ko/endpoint-access?mode=public&flow=kubelet-to-apiserver#player"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"].player--js svg`)),
		))
		require.True(t, evalJS[bool](t, b, `matchMedia('(prefers-reduced-motion: reduce)').matches`))
		settle(t, b)
		// #player gives the player focus; step forward twice and play.
		require.NoError(t, chromedp.Do(b.Ctx,
			chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="player"]').focus()`),
			chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight),
		))
		assert.Equal(t, "2", evalJS[string](t, b, jsCurrent), theme)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(" ")))
		time.Sleep(400 * time.Millisecond)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(" ")))
		for _, v := range b.Axe(t) {
			if v.Serious() {
				t.Errorf("reduced motion, %s: %s", theme, v)
			}
		}
		assert.Empty(t, b.Problems(), "reduced motion, %s", theme)
	}
}

// TestA11yScrollableFiguresAreNamedGroups: a diagram canvas scrolls
// sideways on narrow screens, so a keyboard user must be able to focus it
// (tabindex=0), and what takes focus needs a role and a name a screen reader can
// announce. Tabbing through the endpoint chapter must reach every canvas
// and every link and control, in order and without a trap.
func TestA11yScrollableFiguresAreNamedGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.EmulateViewport(480, 900),
		chromedp.Navigate(srv.URL+"/en/endpoint-access"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="player"].player--js svg`)),
	))
	type canvas struct {
		Role, Name, Tabindex string
		Scrolls              bool
	}
	canvases := evalJS[[]canvas](t, b, `[...document.querySelectorAll('.diagram-canvas')].map((c) => ({
		role: c.getAttribute('role') ?? '', tabindex: c.getAttribute('tabindex') ?? '',
		name: c.getAttribute('aria-label') ?? (c.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim(),
		scrolls: c.scrollWidth > c.clientWidth }))`)
	require.NotEmpty(t, canvases)
	for i, c := range canvases {
		assert.True(t, c.Scrolls, "canvas %d scrolls on a phone (else the check proves nothing)", i)
		assert.Equal(t, "0", c.Tabindex, "canvas %d", i)
		assert.Equal(t, "group", c.Role, "canvas %d", i)
		assert.NotEmpty(t, strings.TrimSpace(c.Name), "canvas %d has a name", i)
	}

	// Tab through the page: every focusable element is reached once.
	want := evalJS[int](t, b, `[...document.querySelectorAll('a[href], button:not([disabled]), select, input:not([type=radio]), [tabindex="0"]')]
		.filter((e) => e.checkVisibility() && !e.closest('[hidden]')).length
		+ document.querySelectorAll('fieldset:has(input[type=radio])').length`)
	seen := map[string]bool{}
	for i := 0; i < want+5; i++ {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent("\t")))
		id := evalJS[string](t, b, `(() => { const e = document.activeElement; if (e === document.body) return '';
			let p = [], n = e; while (n && n !== document.body) { p.unshift(n.tagName + ':' + [...n.parentNode.children].indexOf(n)); n = n.parentNode; } return p.join('/'); })()`)
		if id == "" || seen[id] {
			break
		}
		seen[id] = true
	}
	t.Logf("Tab reached %d of %d focusable elements and radio groups", len(seen), want)
	assert.GreaterOrEqual(t, len(seen), want, "Tab reaches every link, control and scrollable canvas")
	assert.Empty(t, b.Problems())
}

// TestA11yEveryChapter runs axe-core on every chapter the course home
// lists, in both languages and both themes: the page-type check above
// covers one plain chapter, but tables, code blocks and callouts differ
// from chapter to chapter.
func TestA11yEveryChapter(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	for _, theme := range []string{"light", "dark"} {
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", theme)))
		for _, lang := range []string{"ko", "en"} {
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/"+lang+"/")))
			chapters := evalJS[[]string](t, b, `[...document.querySelectorAll('[data-testid="chapter-card"] a')].map((a) => a.href)`)
			require.Len(t, chapters, 10, lang)
			counts := map[string]int{}
			for _, url := range chapters {
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`[data-testid="chapter"]`))))
				settle(t, b)
				for _, v := range b.Axe(t) {
					counts[v.Impact] += len(v.Nodes)
					if v.Serious() {
						t.Errorf("%s %s: %s", strings.TrimPrefix(url, srv.URL), theme, v)
					} else {
						t.Logf("%s %s (below the bar): %s", strings.TrimPrefix(url, srv.URL), theme, v)
					}
				}
				assert.Empty(t, b.Problems(), url)
			}
			t.Logf("all %d chapters, %s, %s: violating elements per impact %v", len(chapters), lang, theme, counts)
		}
	}
}
