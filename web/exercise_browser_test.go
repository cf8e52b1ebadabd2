package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/topology"
)

const exBox = `[data-testid="exercise"]`

// clickComp clicks the first drawing of component id in the box.
func clickComp(t *testing.T, b *browsertest.Browser, id string) {
	t.Helper()
	sel := fmt.Sprintf(`%s g.comp[data-comp="%s"]`, exBox, id)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(sel))), sel)
}

func exClick(t *testing.T, b *browsertest.Browser, testid string) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(exBox+` [data-testid="`+testid+`"]`))))
}

// waitVerdict waits for the server's verdict and returns it as the page shows it.
func waitVerdict(t *testing.T, b *browsertest.Browser) (correct string, wrongAt string, reason string) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(exBox+` .exercise__verdict`))))
	v := evalJS[[]string](t, b, `(() => { const v = document.querySelector('[data-testid="exercise"] .exercise__verdict');
		const h = v.querySelector('.exercise__verdict-head'); const r = v.querySelector('[data-testid="exercise-reason"]');
		return [v.dataset.correct, h.dataset.wrongAt || '', r ? r.textContent : '']; })()`)
	return v[0], v[1], v[2]
}

func picked(t *testing.T, b *browsertest.Browser) []string {
	return evalJS[[]string](t, b, `[...document.querySelectorAll('[data-testid="exercise-steps"] .exercise__step')].map((li) => li.textContent)`)
}

func mustExercise(t *testing.T, id string) *exercise.Exercise {
	t.Helper()
	ex, ok := mustExercises(t).Get(id)
	require.True(t, ok, id)
	return ex
}

func TestBrowserExerciseByClicking(t *testing.T) {
	b, base := aidsBrowser(t)
	ex := mustExercise(t, "public-private-kubelet")
	open(t, b, base+"/en/exercises/"+ex.ID, `[data-testid="exercise-picker"]`)
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="exercise-form"]').checkVisibility()`), "the picker replaces the form")

	// Wrong: out through the NAT gateway, as in public mode.
	clickComp(t, b, "kubelet")
	clickComp(t, b, "nat-gateway")
	assert.Equal(t, []string{"Worker node (kubelet)", "NAT gateway"}, picked(t, b))
	exClick(t, b, "exercise-check")
	correct, wrongAt, reason := waitVerdict(t, b)
	want := exercise.Check(ex, []topology.ComponentID{"kubelet", "nat-gateway"})
	assert.Equal(t, "false", correct)
	assert.Equal(t, "1", wrongAt)
	assert.Equal(t, want.Reason.EN, reason)
	assert.True(t, evalJS[bool](t, b, `document.querySelectorAll('[data-testid="exercise-steps"] .exercise__step')[1].classList.contains('is-wrong')`))
	b.ScreenshotOf(t, "exercise-wrong", exBox)

	// Start again and get it right; the solve goes into progress.
	exClick(t, b, "exercise-reset")
	assert.Empty(t, evalJS[string](t, b, `document.querySelector('[data-testid="exercise-result"]').textContent`))
	for _, c := range []string{"kubelet", "eks-eni", "api-server"} {
		clickComp(t, b, c)
	}
	exClick(t, b, "exercise-check")
	correct, _, _ = waitVerdict(t, b)
	assert.Equal(t, "true", correct)
	b.ScreenshotOf(t, "exercise-right", exBox)
	assert.Contains(t, evalJS[string](t, b, `localStorage.getItem('ekstutor.progress')`), `"ex":{"public-private-kubelet":`)

	open(t, b, base+"/en/progress", `[data-testid="progress-app"]`)
	assert.Equal(t, "Trace-the-path exercises solved: 1.", evalJS[string](t, b, `document.querySelector('[data-testid="exercises-count"]').textContent`))
	open(t, b, base+"/en/", `[data-testid="progress-summary"]`)
	assert.Equal(t, "Trace-the-path exercises solved: 1.", evalJS[string](t, b, `document.querySelector('[data-testid="exercises-count"]').textContent`))
	assert.Empty(t, b.Problems())
}

// focusStop moves the keyboard through the components with the arrow
// keys until component id has focus, and returns how many presses it took.
func focusStop(t *testing.T, b *browsertest.Browser, id string) int {
	t.Helper()
	for n := 0; n < 40; n++ {
		if evalJS[string](t, b, `document.activeElement.dataset?.comp || ''`) == id {
			return n
		}
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.ArrowRight)))
	}
	t.Fatalf("the arrow keys never reached %s", id)
	return 0
}

func TestBrowserExerciseByKeyboard(t *testing.T) {
	b, base := aidsBrowser(t)
	ex := mustExercises(t).All()[0] // the endpoint chapter's
	open(t, b, base+"/ko/endpoint-access#exercise", `[data-testid="exercise-picker"]`)
	first := `[data-testid="exercise"] g.comp[tabindex="0"]`
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(first))))
	// Tab goes to the next component, one stop per component.
	firstID := evalJS[string](t, b, `document.activeElement.dataset.comp`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent("\t")))
	second := evalJS[string](t, b, `document.activeElement.dataset.comp || ''`)
	assert.NotEqual(t, firstID, second)
	assert.NotEmpty(t, second, "Tab moves to the next component")
	assert.Equal(t, "button", evalJS[string](t, b, `document.activeElement.getAttribute('role')`))

	answer := resolverPath(t, ex)
	// A wrong pick first, taken back with Backspace.
	focusStop(t, b, "etcd")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Enter)))
	assert.Len(t, picked(t, b), 1)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Backspace)))
	assert.Empty(t, evalJS[[]string](t, b, `[...document.querySelectorAll('[data-testid="exercise-steps"] .exercise__step')].map((li) => li.textContent)`))
	for i, c := range answer {
		focusStop(t, b, c)
		key := kb.Enter
		if i%2 == 1 {
			key = " "
		}
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(key)))
	}
	assert.Len(t, picked(t, b), len(answer))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(exBox+` [data-testid="exercise-check"]`)), chromedp.KeyEvent(kb.Enter)))
	correct, _, _ := waitVerdict(t, b)
	assert.Equal(t, "true", correct)
	assert.True(t, evalJS[bool](t, b, `document.activeElement === document.querySelector('[data-testid="exercise-result"]')`), "the verdict takes focus")

	// And a wrong one by keyboard: the stop exercise of the locked-out nodes.
	open(t, b, base+"/en/exercises/locked-out-nodes-stop", `[data-testid="exercise-picker"]`)
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(first))))
	focusStop(t, b, "igw")
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.KeyEvent(kb.Enter)))
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(exBox+` [data-testid="exercise-check"]`)), chromedp.KeyEvent(" ")))
	correct, wrongAt, reason := waitVerdict(t, b)
	assert.Equal(t, "false", correct)
	assert.Equal(t, "0", wrongAt)
	stop := mustExercise(t, "locked-out-nodes-stop")
	assert.Equal(t, exercise.Check(stop, nil).Reason.EN, reason, "a stop exercise explains with the Blocked reason")
	assert.Empty(t, b.Problems())
}

func TestBrowserExerciseWithoutJavaScript(t *testing.T) {
	b, base := aidsBrowser(t, noJavaScript)
	open(t, b, base+"/en/exercises/locked-out-nodes-path", `[data-testid="exercise-form"]`)
	assert.False(t, evalJS[bool](t, b, `document.querySelector('[data-testid="exercise-picker"]').checkVisibility()`))
	ex := mustExercise(t, "locked-out-nodes-path")
	answer := resolverPath(t, ex)
	wrong := append([]string(nil), answer...)
	wrong[2] = "eks-eni"
	submit := func(path []string) {
		for i, c := range path {
			require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
				`document.querySelectorAll('[data-testid="exercise-select"]')[%d].value = %q`, i, c))))
		}
		// The last verdict goes first, so the wait below sees the new page's.
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('.exercise__verdict')?.remove()`)))
		require.NoError(t, chromedp.Do(b.Ctx,
			chromedp.Click(chromedp.CSS(exBox+` [data-testid="exercise-form"] button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(exBox+` .exercise__verdict`))))
	}
	submit(wrong)
	assert.Equal(t, "/en/exercises/locked-out-nodes-path", evalJS[string](t, b, `location.pathname`), "the browser posted the form itself")
	correct, wrongAt, reason := waitVerdict(t, b)
	assert.Equal(t, "false", correct)
	assert.Equal(t, "2", wrongAt)
	want := exercise.Check(ex, []topology.ComponentID{topology.ComponentID(wrong[0]), topology.ComponentID(wrong[1]), topology.ComponentID(wrong[2])})
	assert.Equal(t, want.Reason.EN, reason)
	assert.Equal(t, wrong[2], evalJS[string](t, b, `document.querySelectorAll('[data-testid="exercise-select"]')[2].value`), "the picks stay")
	b.ScreenshotOf(t, "exercise-nojs-wrong", exBox)

	submit(answer)
	correct, _, reason = waitVerdict(t, b)
	assert.Equal(t, "true", correct)
	res, _ := topology.Resolve(ex.Config)
	f, _ := res.Flow(ex.Flow)
	assert.Equal(t, f.Blocked.Reason.EN, reason, "a right path on a blocked flow says why it stops")
	for _, p := range b.Problems() {
		assert.False(t, strings.HasPrefix(p, "HTTP"), p)
	}
}

// TestA11yExercises runs axe-core on the exercise box with a verdict
// showing, in both themes and languages.
func TestA11yExercises(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browsertest.RequireAxe(t)
	b, base := aidsBrowser(t)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-18s %-4s %-5s %5s %8s %7s %8s  rules\n", "page", "lang", "theme", "minor", "moderate", "serious", "critical")
	for _, theme := range []string{"light", "dark"} {
		for _, lang := range []string{"ko", "en"} {
			for _, page := range []string{"/exercises/public-kubelet", "/endpoint-access", "/compare"} {
				open(t, b, base+"/"+lang+page, `[data-testid="exercise-picker"]`)
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem('ekstutor.theme', %q)`, theme)),
					chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="exercise-picker"]`))))
				require.Equal(t, theme, evalJS[string](t, b, `document.documentElement.dataset.theme`))
				clickComp(t, b, "kubelet")
				clickComp(t, b, "igw")
				exClick(t, b, "exercise-check")
				waitVerdict(t, b)
				require.NoError(t, chromedp.Do(b.Ctx, chromedp.Focus(chromedp.CSS(exBox+` g.comp[data-comp="nlb"]`))))
				settle(t, b)
				if page == "/exercises/public-kubelet" && lang == "en" {
					b.ScreenshotOf(t, "a11y-exercise-"+theme, exBox)
				}
				vs := b.Axe(t)
				c := browsertest.CountByImpact(vs)
				var rules []string
				for _, v := range vs {
					rules = append(rules, fmt.Sprintf("%s(%d)", v.ID, len(v.Nodes)))
					if v.Serious() {
						t.Errorf("%s %s %s: %s", page, lang, theme, v)
					}
				}
				fmt.Fprintf(&table, "%-18s %-4s %-5s %5d %8d %7d %8d  %s\n", page, lang, theme,
					c["minor"], c["moderate"], c["serious"], c["critical"], strings.Join(rules, " "))
				for _, p := range b.Problems() {
					t.Errorf("%s %s %s: %s", page, lang, theme, p)
				}
			}
		}
	}
	t.Log(table.String())
}
