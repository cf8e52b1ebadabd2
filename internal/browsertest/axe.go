package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// AxeEnv names the environment variable that points at axe.min.js (or at
// the folder holding it), for machines that keep axe-core elsewhere.
const AxeEnv = "EKSTUTOR_AXE"

// axeInModule is where .ci/run installs axe-core, relative to the module
// root (`npm ci --prefix .ci`).
var axeInModule = filepath.Join(".ci", "node_modules", "axe-core", "axe.min.js")

// AxeInstallHint says how to get axe-core where AxePath looks for it.
const AxeInstallHint = "`npm ci --prefix .ci` from the module root (.ci/package-lock.json pins axe-core 4), or set " + AxeEnv + " to axe.min.js"

// AxeTags are the rule tags every check runs: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, plus Deque's best practices, which hold the
// heading-order and empty-table-header rules (their impact is moderate or
// minor, so they are reported without failing the serious/critical bar).
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"}

// Impacts in axe-core's order, worst last.
var Impacts = []string{"minor", "moderate", "serious", "critical"}

// Violation is one axe-core rule that failed, with the elements it failed on.
type Violation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	URL    string    `json:"helpUrl"`
	Nodes  []AxeNode `json:"nodes"`
}

// AxeNode is one element a rule failed on: its CSS path (one selector per
// frame or shadow root), its opening HTML and axe's explanation.
type AxeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

// Serious reports whether the violation is serious or critical, the bar
// the pages must clear.
func (v Violation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

// String is one line per element: impact, rule, help and where.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s (%s)", v.Impact, v.ID, v.Help, v.URL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %s  %s", strings.Join(n.Target, " > "), firstLine(n.Summary))
	}
	return b.String()
}

func firstLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// CountByImpact counts the violating elements (not rules) per impact.
func CountByImpact(vs []Violation) map[string]int {
	c := map[string]int{}
	for _, v := range vs {
		c[v.Impact] += len(v.Nodes)
	}
	return c
}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// AxePath finds axe.min.js: $EKSTUTOR_AXE (a file, or a folder holding
// axe.min.js), else .ci/node_modules/axe-core/axe.min.js under the module
// root, found by walking up from the working directory to go.mod (tests
// run in their package's folder).
func AxePath() (string, error) {
	if p := os.Getenv(AxeEnv); p != "" {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			p = filepath.Join(p, "axe.min.js")
		}
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", AxeEnv, os.Getenv(AxeEnv), err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, axeInModule)
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("axe-core not found at %s", p)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("axe-core not found: no go.mod above the working directory")
		}
		dir = parent
	}
}

// RequireAxe loads axe-core's source for t, or skips the test with how to
// install it; under CI=true a missing axe-core fails instead, so CI cannot
// pass an accessibility check by skipping it.
func RequireAxe(t *testing.T) {
	t.Helper()
	axeOnce.Do(func() {
		var p string
		if p, axeErr = AxePath(); axeErr == nil {
			var b []byte
			b, axeErr = os.ReadFile(p)
			axeSrc = string(b)
		}
	})
	if axeErr != nil {
		msg := fmt.Sprintf("accessibility check needs axe-core: %v; install it with %s", axeErr, AxeInstallHint)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; CI=true, so a missing axe-core is a failure")
		}
		t.Skip(msg)
	}
}

// axeRun runs axe on the whole document and hands back only what the
// report needs: the full result object is megabytes on a diagram page.
const axeRun = `axe.run(document, {
	runOnly: { type: 'tag', values: %s },
	resultTypes: ['violations'],
}).then((r) => r.violations.map((v) => ({
	id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary })),
})))`

// Axe injects axe-core into the current page and returns the WCAG 2.x
// A/AA and best-practice violations, worst first. Call RequireAxe first.
//
// The pages send a strict CSP (script-src 'self'), which would refuse an
// inline or foreign <script>. Runtime.evaluate runs the source as
// DevTools code, which CSP does not govern, so the page's own policy
// stays as served. (axe-core needs no eval of its own.)
func (b *Browser) Axe(t *testing.T) []Violation {
	t.Helper()
	if axeSrc == "" {
		t.Fatal("browsertest: call RequireAxe before Axe")
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[chromedp.Void](axeSrc+"\n;void 0")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	tags, _ := json.Marshal(AxeTags)
	vs, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]Violation](fmt.Sprintf(axeRun, tags),
		func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	slices.SortStableFunc(vs, func(a, b Violation) int {
		return slices.Index(Impacts, b.Impact) - slices.Index(Impacts, a.Impact)
	})
	return vs
}

// EmulateMedia sets CSS media features for the tab, e.g.
// "prefers-color-scheme" "dark" or "prefers-reduced-motion" "reduce",
// given as name, value pairs. It replaces the features set before and
// lasts across navigations; no pairs clears them.
func EmulateMedia(pairs ...string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		var fs []*emulation.MediaFeature
		for i := 0; i+1 < len(pairs); i += 2 {
			fs = append(fs, &emulation.MediaFeature{Name: pairs[i], Value: pairs[i+1]})
		}
		if len(fs) == 0 {
			// An empty list is dropped by omitempty; a no-op feature
			// clears the overrides as well.
			fs = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: ""}}
		}
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs})
		return err
	})
}
