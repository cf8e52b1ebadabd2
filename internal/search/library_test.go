package search

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/content"
	icontent "github.com/ekstutor/ekstutor/internal/content"
)

var (
	realOnce sync.Once
	realIx   *Index
	realErr  error
)

// mustRealIndex indexes the course itself, as the server does at start.
func mustRealIndex(tb testing.TB) *Index {
	tb.Helper()
	realOnce.Do(func() {
		var lib *icontent.Library
		lib, realErr = icontent.Load(content.FS, icontent.Options{Blocks: figureStub{}})
		if realErr == nil {
			realIx = New(LibraryDocuments(lib))
		}
	})
	require.NoError(tb, realErr)
	return realIx
}

// figureStub stands in for the web layer's diagram renderer.
type figureStub struct{}

func (figureStub) RenderBlock(string, icontent.Block) (string, error) {
	return "<figure></figure>", nil
}

func joined(parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

func TestTheCourseIsIndexed(t *testing.T) {
	ix := mustRealIndex(t)
	kinds := map[Kind]int{}
	for _, d := range ix.docs {
		kinds[d.Kind]++
	}
	assert.Greater(t, kinds[KindSection], 100, "every section of every chapter")
	assert.Greater(t, kinds[KindGlossary], 120, "every term, both languages")
	assert.Equal(t, 18, kinds[KindTradeOff], "3 aspects × 3 modes × 2 languages")
	assert.Equal(t, 12, kinds[KindDiagramNote], "3 notes × 2 views × 2 languages")
}

func TestCourseSearches(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		name, lang, q string
		wantURL       string // some result links here
		wantText      string // and its snippet or title holds this
	}{
		{"노드를 finds 노드", "ko", "노드를", "/ko/data-plane#worker-nodes", "워커 노드"},
		{"kubelet inside Korean", "ko", "KUBELET", "/ko/glossary#kubelet", "kubelet"},
		{"NAT inside Korean", "ko", "nat", "/ko/glossary#nat-gateway", "NAT 게이트웨이"},
		{"a diagram note, in the section that draws it", "ko", "봉투 암호화", "/ko/control-plane", "봉투 암호화"},
		{"a trade-off, on the compare page", "en", "bastion VPN", "/en/compare", "bastion"},
		{"English sections", "en", "public access CIDRs", "/en/endpoint-access", "CIDR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ix.Search(tt.lang, tt.q, 50)
			require.NotEmpty(t, rs)
			found := false
			for _, r := range rs {
				assert.True(t, strings.HasPrefix(r.URL, "/"+tt.lang+"/"), r.URL)
				text := joined(r.Title) + " " + joined(r.Snippet)
				if strings.HasPrefix(r.URL, tt.wantURL) && strings.Contains(text, tt.wantText) {
					found = true
				}
			}
			assert.True(t, found, "no result at %q holding %q", tt.wantURL, tt.wantText)
		})
	}
}

// Every section that writes the word with a particle is found by the bare
// word, and the other way round.
func TestParticlesOnTheCourse(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct{ q, inText string }{
		{"엔드포인트", "엔드포인트를"},
		{"엔드포인트", "엔드포인트는"},
		{"노드를", "노드 "},
		{"게이트웨이", "게이트웨이를"},
		{"kubelet", "kubelet이"},
	}
	for _, tt := range tests {
		t.Run(tt.q+" finds "+tt.inText, func(t *testing.T) {
			got := map[string]bool{}
			for _, r := range ix.Search("ko", tt.q, 1000) {
				got[r.URL] = true
			}
			n := 0
			for _, d := range ix.docs {
				if d.Lang == "ko" && strings.Contains(d.Body, tt.inText) {
					n++
					assert.True(t, got[d.URL], "%s: %s holds %q", tt.q, d.URL, tt.inText)
				}
			}
			assert.Positive(t, n, "the course writes %q somewhere", tt.inText)
		})
	}
}

// BenchmarkSearch is a typical query, on the whole course in Korean.
func BenchmarkSearch(b *testing.B) {
	ix := mustRealIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = ix.Search("ko", "NAT 게이트웨이", 20)
	}
}

// BenchmarkSearchCommonWord is a word on almost every page.
func BenchmarkSearchCommonWord(b *testing.B) {
	ix := mustRealIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = ix.Search("ko", "노드", 20)
	}
}

func BenchmarkNew(b *testing.B) {
	mustRealIndex(b)
	var lib *icontent.Library
	lib, _ = icontent.Load(content.FS, icontent.Options{Blocks: figureStub{}})
	docs := LibraryDocuments(lib)
	b.ReportAllocs()
	for b.Loop() {
		_ = New(docs)
	}
}
