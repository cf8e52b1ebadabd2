package web

import (
	"context"
	"encoding/json"
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
	contentlib "github.com/ekstutor/ekstutor/internal/content"
)

// aidsBrowser starts a browser and the tutor for the learning-aids tests.
func aidsBrowser(t *testing.T, setup ...chromedp.Action[chromedp.Void]) (*browsertest.Browser, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	t.Cleanup(srv.Close)
	require.NoError(t, chromedp.Do(b.Ctx, setup...))
	return b, srv.URL
}

func open(t *testing.T, b *browsertest.Browser, url, ready string) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(ready))), url)
}

// choices are the answers to tick: right ones, except the questions in
// wrong, which get their first wrong choice; skip leaves some out.
func choices(z *contentlib.Quiz, wrong map[int]bool, skip map[int]bool) map[string][]string {
	out := map[string][]string{}
	for i, q := range z.Questions {
		switch {
		case skip[i]:
		case wrong[i]:
			for _, k := range q.ChoiceKeys() {
				if !contains(q.Answer, k) {
					out[q.ID] = []string{k}
					break
				}
			}
		default:
			out[q.ID] = q.Answer
		}
	}
	return out
}

// tick clicks the answers in the page, as a reader would (clicks work
// with the page's scripts off, too).
func tick(t *testing.T, b *browsertest.Browser, answers map[string][]string) {
	t.Helper()
	for id, keys := range answers {
		for _, k := range keys {
			sel := fmt.Sprintf(`[data-testid="quiz"] input[name="%s"][value="%s"]`, id, k)
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(sel))), sel)
		}
	}
}

func results(t *testing.T, b *browsertest.Browser) map[string]string {
	t.Helper()
	return evalJS[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll('[data-testid="quiz-question"]')].map((q) => [q.dataset.question, q.dataset.result || '']))`)
}

var noJavaScript = chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return err
})

func TestBrowserQuizWithoutJavaScript(t *testing.T) {
	b, base := aidsBrowser(t, noJavaScript)
	z := mustQuiz(t, "intro")
	open(t, b, base+"/en/intro#quiz", `[data-testid="quiz"]`)
	tick(t, b, choices(z, map[int]bool{0: true}, nil))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-result"]`))))
	assert.Equal(t, "/en/intro/quiz", evalJS[string](t, b, `location.pathname`), "the browser posted the form itself")
	got := results(t, b)
	for i, q := range z.Questions {
		want := "right"
		if i == 0 {
			want = "wrong"
		}
		assert.Equal(t, want, got[q.ID], q.ID)
	}
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="quiz-result"]').textContent`),
		fmt.Sprintf("%d of %d right.", len(z.Questions)-1, len(z.Questions)))
	assert.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="quiz-result"]')`),
		"the result takes focus (autofocus), so the reader lands on it without scripts")
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="quiz-explanation"]').checkVisibility()`))
	assert.Equal(t, "none", evalJS[string](t, b, `getComputedStyle(document.querySelector('[data-testid="site-tools"]')).display`),
		"the theme switch and help need scripts: hidden without them")
	b.ScreenshotOf(t, "quiz-nojs", `[data-testid="quiz-section"]`)
	for _, p := range b.Problems() {
		assert.False(t, strings.HasPrefix(p, "HTTP"), p)
	}
}

func TestBrowserQuizWithJavaScriptAnswersInPlace(t *testing.T) {
	b, base := aidsBrowser(t)
	z := mustQuiz(t, "control-plane")
	open(t, b, base+"/ko/control-plane#quiz", `[data-testid="quiz"]`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.stillHere = true`)))
	tick(t, b, choices(z, nil, nil))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-result"]`))))
	assert.True(t, evalJS[bool](t, b, `window.stillHere === true`), "no page load: the result came in place")
	assert.Equal(t, "/ko/control-plane", evalJS[string](t, b, `location.pathname`))
	for _, q := range z.Questions {
		assert.Equal(t, "right", results(t, b)[q.ID], q.ID)
	}
	assert.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="quiz-result"]')`))
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="quiz-result"]').textContent`), "문제를 맞혔습니다")
	saved := evalJS[map[string]any](t, b, `JSON.parse(localStorage.getItem('ekstutor.progress')).quiz['control-plane']`)
	assert.EqualValues(t, len(z.Questions), saved["right"])
	// Answer again, this time one wrong: the same form works a second time.
	tick(t, b, choices(z, map[int]bool{1: true}, nil))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-question"][data-result="wrong"]`))))
	assert.Equal(t, "wrong", results(t, b)[z.Questions[1].ID])
	b.ScreenshotOf(t, "quiz-js", `[data-testid="quiz-section"]`)
	assert.Empty(t, b.Problems())
}

// waitFor polls cond (a JavaScript expression) until it holds, for
// what the page does a task or a frame later.
func waitFor(t *testing.T, b *browsertest.Browser, cond string) {
	t.Helper()
	for range 60 {
		if evalJS[bool](t, b, cond) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

const jsReviewIDs = `[...document.querySelectorAll('[data-testid="review-question"]')].map((q) => q.dataset.question)`

func TestBrowserProgressSurvivesReloadExportImportAndReview(t *testing.T) {
	b, base := aidsBrowser(t)
	z := mustQuiz(t, "intro")
	open(t, b, base+"/en/intro", `[data-testid="quiz"]`)
	// Scrolling records the section the reader is in.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('eks-vs-ecs').scrollIntoView()`)))
	time.Sleep(700 * time.Millisecond)
	assert.Equal(t, "eks-vs-ecs", evalJS[string](t, b, `JSON.parse(localStorage.getItem('ekstutor.progress')).last.section`))
	tick(t, b, choices(z, map[int]bool{2: true}, nil))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-result"]`))))

	status := func() string {
		return evalJS[string](t, b, `document.querySelector('[data-testid="progress-chapter"][data-slug="intro"] [data-status]').textContent`)
	}
	want := fmt.Sprintf("Read · quiz %d/%d", len(z.Questions)-1, len(z.Questions))
	open(t, b, base+"/en/progress", `[data-testid="progress-app"]`)
	assert.Equal(t, want, status())
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="progress-nojs"]').checkVisibility()`))
	assert.Equal(t, "1 of 10 chapters read.", evalJS[string](t, b, `document.querySelector('[data-testid="progress-count"]').textContent`))
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="continue"] a').getAttribute('href')`), "/en/intro")
	assert.Equal(t, []string{z.Questions[2].ID}, evalJS[[]string](t, b, jsReviewIDs), "the wrong answer comes back for review")

	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="progress-app"]`))))
	assert.Equal(t, want, status(), "progress survives a reload")

	// Export, reset (with confirmation), import: the same progress again.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="export"]`))))
	code := evalJS[string](t, b, `document.querySelector('[data-testid="export-code"]').value`)
	require.True(t, strings.HasPrefix(code, "EKS1."), code)
	t.Logf("export code: %d characters", len(code))
	assert.True(t, evalJS[bool](t, b, `document.querySelector('[data-testid="download"]').href.startsWith('blob:')`))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="reset"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="reset-dialog"]`))))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="reset-cancel"]`))))
	assert.Equal(t, want, status(), "cancel keeps everything")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="reset"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="reset-dialog"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="reset-confirm"]`))))
	// The dialog's close event comes a task later.
	waitFor(t, b, `document.querySelector('[data-testid="transfer-status"]').textContent !== 'Copy this code, or download the file.'`)
	assert.Equal(t, "Not started", status())
	assert.Equal(t, "Progress reset.", evalJS[string](t, b, `document.querySelector('[data-testid="transfer-status"]').textContent`))
	assert.Equal(t, "null", evalJS[string](t, b, `String(localStorage.getItem('ekstutor.progress'))`))

	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid="import-code"]`), "EKS1.garbage"),
		chromedp.Click(chromedp.CSS(`[data-testid="import"]`))))
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="transfer-status"]').textContent`), "not a progress code")
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.SetValue(chromedp.CSS(`[data-testid="import-code"]`), code),
		chromedp.Click(chromedp.CSS(`[data-testid="import"]`))))
	assert.Equal(t, "Progress imported.", evalJS[string](t, b, `document.querySelector('[data-testid="transfer-status"]').textContent`))
	assert.Equal(t, want, status(), "the import round trip restores the progress")

	// Review: right twice in a row and the question leaves the list.
	q := z.Questions[2]
	for round, note := range []string{"Right once more", "Right twice in a row"} {
		require.Equal(t, []string{q.ID}, evalJS[[]string](t, b, jsReviewIDs), "round %d", round+1)
		for _, k := range q.Answer {
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-testid="review"] input[value="%s"]`, k)))))
		}
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="review-check"]`))))
		assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="review-feedback"]').textContent`), note)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="review-next"]`))))
	}
	assert.Empty(t, evalJS[[]string](t, b, jsReviewIDs))
	assert.True(t, evalJS[bool](t, b, `!!document.querySelector('[data-testid="review-empty"]')`))

	// The course home shows it too, with "continue where you left off".
	open(t, b, base+"/en/", `[data-testid="progress-summary"]`)
	assert.Equal(t, "/en/intro#quiz", evalJS[string](t, b, `new URL(document.querySelector('[data-testid="progress-summary"] [data-testid="continue"] a').href).pathname + new URL(document.querySelector('[data-testid="progress-summary"] [data-testid="continue"] a').href).hash`),
		"continue opens the section the reader was in")
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="chapter-card"][data-slug="intro"] [data-status]').textContent`), "Read")
	b.ScreenshotOf(t, "home-progress", `[data-testid="progress-summary"]`)
	assert.Empty(t, b.Problems())
}

func TestBrowserProgressPageWithoutJavaScript(t *testing.T) {
	b, base := aidsBrowser(t, noJavaScript)
	open(t, b, base+"/ko/progress", `[data-testid="progress-nojs"]`)
	assert.Contains(t, evalJS[string](t, b, `document.querySelector('[data-testid="progress-nojs"]').textContent`), "브라우저(localStorage)")
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="progress-app"]').checkVisibility()`))
	for _, p := range b.Problems() {
		assert.False(t, strings.HasPrefix(p, "HTTP"), p)
	}
}

func TestBrowserHelpOverlayOpens(t *testing.T) {
	b, base := aidsBrowser(t)
	open(t, b, base+"/en/endpoint-access", `[data-testid="site-tools"]`)
	isOpen := func() bool { return evalJS[bool](t, b, `document.querySelector('[data-testid="help"]').open`) }
	require.False(t, isOpen())
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent("?")))
	require.True(t, isOpen(), "? opens the help")
	keys := evalJS[string](t, b, `document.querySelector('[data-testid="help"]').textContent`)
	for _, k := range []string{"?", "Esc", "Space", "←", "1"} {
		assert.Contains(t, keys, k, "the endpoint chapter lists the player's keys")
	}
	assert.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="help-close"]')`))
	b.ScreenshotOf(t, "help", `[data-testid="help"]`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Escape)))
	assert.False(t, isOpen(), "Esc closes it")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="help-button"]`))))
	assert.True(t, isOpen(), "so does the ? button")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="help-close"]`))))
	assert.False(t, isOpen())
	// A ? typed into a field is the field's.
	open(t, b, base+"/en/progress", `[data-testid="import-code"]`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="import-code"]`)), chromedp.KeyEvent("?")))
	assert.False(t, isOpen())
	assert.NotContains(t, evalJS[string](t, b, `document.querySelector('[data-testid="help"]').textContent`), "Space", "no player, no player keys")
	assert.Empty(t, b.Problems())
}

const jsBackground = `getComputedStyle(document.body).backgroundColor`

func TestBrowserThemeSwitchSticksAcrossReload(t *testing.T) {
	b, base := aidsBrowser(t, browsertest.EmulateMedia("prefers-color-scheme", "light"))
	open(t, b, base+"/en/control-plane", `[data-testid="site-tools"]`)
	setTheme := func(v string) {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`(() => { const s = document.querySelector('[data-testid="theme-switch"]'); s.value = %q; s.dispatchEvent(new Event('change')); })()`, v))))
	}
	diagramBG := `getComputedStyle(document.querySelector('.eks-diagram')).getPropertyValue('--bg').trim()`
	assert.Equal(t, "rgb(255, 255, 255)", evalJS[string](t, b, jsBackground))
	assert.Equal(t, "system", evalJS[string](t, b, `document.querySelector('[data-testid="theme-switch"]').value`))

	setTheme("dark")
	assert.Equal(t, "rgb(15, 20, 25)", evalJS[string](t, b, jsBackground), "dark at once")
	assert.Equal(t, "#0f1720", evalJS[string](t, b, diagramBG), "diagrams follow the switch too")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="site-tools"]`))))
	assert.Equal(t, "dark", evalJS[string](t, b, `document.documentElement.dataset.theme`), "remembered across a reload")
	assert.Equal(t, "dark", evalJS[string](t, b, `document.querySelector('[data-testid="theme-switch"]').value`))
	assert.Equal(t, "rgb(15, 20, 25)", evalJS[string](t, b, jsBackground))
	// No flash: the choice is applied by a classic script in <head>,
	// before any stylesheet, which the parser runs before it paints.
	assert.True(t, evalJS[bool](t, b, `(() => { const s = document.head.querySelector('script[src*="theme-init"]');
		const css = document.head.querySelector('link[rel="stylesheet"]');
		return !!s && !s.type && !s.async && !s.defer && !!(s.compareDocumentPosition(css) & Node.DOCUMENT_POSITION_FOLLOWING); })()`))

	// Light wins over a dark system, and "system" follows the system again.
	require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", "dark")))
	setTheme("light")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="site-tools"]`))))
	assert.Equal(t, "rgb(255, 255, 255)", evalJS[string](t, b, jsBackground))
	assert.Equal(t, "#ffffff", evalJS[string](t, b, diagramBG))
	setTheme("system")
	assert.Equal(t, "rgb(15, 20, 25)", evalJS[string](t, b, jsBackground))
	assert.Equal(t, "null", evalJS[string](t, b, `String(localStorage.getItem('ekstutor.theme'))`))
	assert.Empty(t, b.Problems())
}

// TestA11yLearningAids runs axe-core on the new pages and states, in both
// languages and both themes (each chosen with the switch, on a system
// set to the other one): the graded quiz, the progress page with review
// feedback showing, and the help overlay.
func TestA11yLearningAids(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b, base := aidsBrowser(t)
	z := mustQuiz(t, "storage")
	var table strings.Builder
	check := func(name, lang, theme string) {
		settle(t, b)
		vs := b.Axe(t)
		c := browsertest.CountByImpact(vs)
		var rules []string
		for _, v := range vs {
			rules = append(rules, fmt.Sprintf("%s(%d)", v.ID, len(v.Nodes)))
			if v.Serious() {
				t.Errorf("%s %s %s: %s", name, lang, theme, v)
			}
		}
		fmt.Fprintf(&table, "%-14s %-4s %-5s %5d %8d %7d %8d  %s\n", name, lang, theme,
			c["minor"], c["moderate"], c["serious"], c["critical"], strings.Join(rules, " "))
		for _, p := range b.Problems() {
			t.Errorf("%s %s %s: %s", name, lang, theme, p)
		}
	}
	fmt.Fprintf(&table, "\n%-14s %-4s %-5s %5s %8s %7s %8s  rules\n", "page", "lang", "theme", "minor", "moderate", "serious", "critical")
	for _, theme := range []string{"light", "dark"} {
		other := map[string]string{"light": "dark", "dark": "light"}[theme]
		require.NoError(t, chromedp.Do(b.Ctx, browsertest.EmulateMedia("prefers-color-scheme", other)))
		for _, lang := range []string{"ko", "en"} {
			open(t, b, base+"/"+lang+"/storage#quiz", `[data-testid="quiz"]`)
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
				`localStorage.setItem('ekstutor.theme', %q); localStorage.removeItem('ekstutor.progress')`, theme)),
				chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz"]`))))
			require.Equal(t, theme, evalJS[string](t, b, `document.documentElement.dataset.theme`))
			tick(t, b, choices(z, map[int]bool{0: true, 3: true}, map[int]bool{5: true}))
			require.NoError(t, chromedp.Do(b.Ctx,
				chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-result"]`))))
			if lang == "en" {
				b.ScreenshotOf(t, "a11y-quiz-result-"+theme, `[data-testid="quiz-section"]`)
			}
			check("quiz result", lang, theme)

			open(t, b, base+"/"+lang+"/progress", `[data-testid="review-question"]`)
			check("progress", lang, theme)
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="review-question"] input`)),
				chromedp.Click(chromedp.CSS(`[data-testid="review-check"]`))))
			if lang == "en" {
				b.ScreenshotOf(t, "a11y-progress-"+theme, `[data-testid="progress"]`)
			}
			check("progress review", lang, theme)

			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="help-button"]`))))
			check("help", lang, theme)
		}
	}
	t.Log("axe-core violating elements per impact (tags " + strings.Join(browsertest.AxeTags, ",") + "):" + table.String())
}

// results of the JSON data block must stay parseable by the page: a
// guard against templ escaping changes.
func TestProgressDataIsJSON(t *testing.T) {
	d := mustDoc(t, get(t, "/ko/progress"))
	for _, s := range d.tag("script") {
		if attr(s, "id") == "progress-data" {
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(s.FirstChild.Data), &v))
			return
		}
	}
	t.Fatal("no progress data")
}

// TestBrowserChapterPrintsAsAHandout: under print media a graded chapter
// keeps its text, diagrams with their event lists and the quiz questions,
// and drops the controls, the answers and the feedback.
func TestBrowserChapterPrintsAsAHandout(t *testing.T) {
	b, base := aidsBrowser(t)
	z := mustQuiz(t, "endpoint-access")
	// Chosen dark: paper stays light anyway.
	open(t, b, base+"/en/endpoint-access", `[data-testid="quiz"]`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`localStorage.setItem('ekstutor.theme', 'dark')`),
		chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz"]`))))
	tick(t, b, choices(z, map[int]bool{0: true}, nil))
	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="quiz-submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-result"]`)),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		})))
	shown := func(css string) bool {
		return evalJS[bool](t, b, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.checkVisibility(); })()`, css))
	}
	for _, css := range []string{`[data-testid="chapter"] h1`, `[data-testid="event-list"]`, `.eks-diagram`, `[data-testid="quiz-question"]`, `[data-testid="quiz-question"] legend`} {
		assert.True(t, shown(css), "printed: %s", css)
	}
	for _, css := range []string{`[data-testid="site-header"]`, `[data-testid="player-controls"]`, `[data-testid="player-form"]`, `[data-testid="quiz-result"]`,
		`[data-testid="quiz-feedback"]`, `[data-testid="quiz-submit"]`, `.quiz__mark`, `[data-testid="pager"]`, `[data-testid="toc"]`, `.diagram-links`} {
		assert.False(t, shown(css), "not printed: %s", css)
	}
	assert.Equal(t, "none", evalJS[string](t, b, `getComputedStyle(document.querySelector('[data-testid="quiz"] input')).appearance`),
		"choices print as empty boxes: no answer ticked")
	assert.Equal(t, "rgb(255, 255, 255)", evalJS[string](t, b, jsBackground), "paper is white whatever the theme")
	assert.Equal(t, "#ffffff", evalJS[string](t, b, `getComputedStyle(document.querySelector('.eks-diagram')).getPropertyValue('--bg').trim()`))
	assert.Empty(t, b.Problems())
}
