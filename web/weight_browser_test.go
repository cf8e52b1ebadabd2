package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/browsertest"
)

// Page-weight budget (issue 11): everything the browser fetches for one
// page, compressed as sent, headers included; for JavaScript, the
// compressed bodies (its share of the headers is the server's, not the
// code's).
const (
	pageBudget = 60 << 10
	jsBudget   = 20 << 10
)

// weightPages are the page types a learner opens, each with an element
// that says the page is ready (and its scripts have run).
type weightPage struct{ name, path, ready string }

var weightPages = []weightPage{
	{"home", "/ko/", `[data-testid="chapter-list"]`},
	{"chapter", "/ko/control-plane", `[data-testid="chapter"] svg`},
	{"endpoint chapter", "/ko/endpoint-access", `[data-testid="player"].player--js svg`},
	{"glossary", "/en/glossary", `[data-testid="glossary"]`},
	{"compare", "/ko/compare", `[data-testid="compare-table"]`},
	{"search", "/ko/search?q=" + url.QueryEscape("노드를"), `[data-testid="search-result"]`},
	{"progress", "/en/progress", `main`},
	{"presenter", "/en/endpoint-access?present=1&step=2", `[data-testid="presenter"]`},
	{"exercise", "/ko/exercises/public-kubelet", `[data-testid="exercise"]`},
	{"exercises", "/ko/exercises", `[data-testid="exercises"]`},
	{"lab", "/ko/lab?public=false&private=true&nodes=private-isolated", `[data-testid="verdict"]`},
	{"rooms", "/ko/rooms", `main`},
}

type fetched struct {
	url, kind string
	head      int64 // bytes received with the response headers
	bytes     int64 // all bytes received: headers and compressed body
}

func (f *fetched) body() int64 { return f.bytes - f.head }

// TestBrowserPageWeight loads each page type with the cache off and sums
// what crossed the wire: at most 60 KB a page, 20 KB of it JavaScript,
// and not one request to another origin.
func TestBrowserPageWeight(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browsertest.New(t)
	srv := httptest.NewServer(mustApp(t))
	// The room follower's page keeps an event stream open: leave it and
	// drop the connections, or Close waits for the stream forever.
	defer func() {
		_ = chromedp.Do(b.Ctx, chromedp.Navigate("about:blank"))
		srv.CloseClientConnections()
		srv.Close()
	}()

	var mu sync.Mutex
	byID := map[network.RequestID]*fetched{}
	require.NoError(t, chromedp.Listen(b.Ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			byID[ev.RequestID] = &fetched{url: ev.Response.URL, kind: string(ev.Type), head: int64(ev.Response.EncodedDataLength)}
		case *network.EventLoadingFinished:
			if f, ok := byID[ev.RequestID]; ok {
				f.bytes = int64(ev.EncodedDataLength)
			}
		}
	}))
	_, err := chromedp.Call(b.Ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(b.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	require.NoError(t, err)

	// A room follower's page: a room made through the API first.
	resp, err := http.Post(srv.URL+"/api/v1/rooms", "application/json", nil)
	require.NoError(t, err)
	var created struct{ Code string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&created))
	resp.Body.Close()
	require.NotEmpty(t, created.Code)
	pages := append(weightPages[:len(weightPages):len(weightPages)],
		weightPage{"room follower", "/ko/r/" + created.Code, `[data-testid="room-follower"]`})

	var report strings.Builder
	fmt.Fprintf(&report, "\n%-17s %9s %12s %8s\n", "page", "total B", "JS bodies B", "requests")
	for _, pg := range pages {
		mu.Lock()
		clear(byID)
		mu.Unlock()
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+pg.path)), pg.name)
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.WaitVisible(chromedp.CSS(pg.ready))), pg.name)
		time.Sleep(300 * time.Millisecond) // late module imports and icons finish
		mu.Lock()
		var total, js int64
		for _, f := range byID {
			total += f.bytes
			if f.kind == "Script" || strings.HasSuffix(strings.SplitN(f.url, "?", 2)[0], ".js") {
				js += f.body()
			}
			if !strings.HasPrefix(f.url, srv.URL+"/") && !strings.HasPrefix(f.url, "data:") {
				t.Errorf("%s: a request to another origin: %s", pg.name, f.url)
			}
			if f.bytes == 0 && !strings.HasPrefix(f.url, "data:") {
				t.Logf("%s: %s finished with 0 bytes recorded", pg.name, f.url)
			}
		}
		n := len(byID)
		if total > pageBudget || js > jsBudget {
			for _, f := range byID {
				t.Logf("%s: %6d B (%d of headers) %s", pg.name, f.bytes, f.head, f.url)
			}
		}
		mu.Unlock()
		fmt.Fprintf(&report, "%-17s %9d %12d %8d\n", pg.name, total, js, n)
		assert.LessOrEqual(t, total, int64(pageBudget), "%s: page weight", pg.name)
		assert.LessOrEqual(t, js, int64(jsBudget), "%s: JavaScript weight", pg.name)
		assert.Greater(t, total, int64(1000), "%s: the page itself was counted", pg.name)
	}
	t.Log("bytes over the wire (gzip, headers included, cache off):" + report.String())
}
