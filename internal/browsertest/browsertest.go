// Package browsertest starts Debian's headless Chromium for end-to-end
// tests and records what a user would notice going wrong: console errors,
// uncaught exceptions, failed requests and 4xx/5xx responses.
//
// Where Chromium is missing a test skips with a clear message; under
// CI=true a missing browser fails the test instead, so CI can never pass
// by skipping.
//
// Browser.Axe runs axe-core's accessibility rules in the page (see
// RequireAxe for where axe.min.js comes from; the same skip-or-fail rule
// applies), and EmulateMedia switches the colour scheme or reduced motion.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// Browser is one headless Chromium tab plus the problems seen in it.
type Browser struct {
	Ctx context.Context

	mu       sync.Mutex
	problems []string
}

// New starts a browser for t, or skips (fails under CI=true) without one.
// The browser closes when the test ends.
func New(t *testing.T, opts ...chromedp.ExecAllocatorOption) *Browser {
	t.Helper()
	path := ChromiumPath
	if _, err := exec.LookPath(path); err != nil {
		msg := "browser test needs Chromium at " + ChromiumPath + " (Debian: apt-get install -y chromium)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; CI=true, so a missing browser is a failure")
		}
		t.Skip(msg)
	}
	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocOpts = append(allocOpts, opts...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{Ctx: ctx}
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Listen(ctx, b.record); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return b
}

func (b *Browser) record(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			p = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		p = "uncaught exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			p += " " + ev.ExceptionDetails.Exception.Description
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			p = fmt.Sprintf("request failed: %s (%s)", ev.ErrorText, ev.Type)
		}
	case *network.EventResponseReceived:
		if ev.Response != nil && ev.Response.Status >= 400 {
			p = fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
	if p != "" {
		b.mu.Lock()
		b.problems = append(b.problems, p)
		b.mu.Unlock()
	}
}

// Problems returns what went wrong so far and forgets it. Events arrive
// asynchronously, so it waits a moment for stragglers first.
func (b *Browser) Problems() []string {
	time.Sleep(150 * time.Millisecond)
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// Screenshot saves a full-page PNG under the test's temp dir (or under
// $SCREENSHOT_DIR when set, to look at them after the run) and returns
// its path.
func (b *Browser) Screenshot(t *testing.T, name string) string {
	t.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100)) // 100 = lossless PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return save(t, name, png)
}

// ScreenshotOf saves a PNG of the first element matching css.
func (b *Browser) ScreenshotOf(t *testing.T, name, css string) string {
	t.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.Screenshot(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return save(t, name, png)
}

func save(t *testing.T, name string, png []byte) string {
	t.Helper()
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("saving screenshot: %v", err)
	}
	t.Logf("screenshot: %s", path)
	return path
}
