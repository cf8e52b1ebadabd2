package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch: any query against a small mixed-language index gives
// results whose snippets are valid UTF-8 and whose highlights lie inside
// the snippet, within the limit; never a panic.
func FuzzSearch(f *testing.F) {
	docs := []Document{
		{Lang: "ko", Kind: KindSection, URL: "/ko/endpoint-access#dns", Page: "엔드포인트", Title: "DNS와 노드", Body: "노드를 위한 엔드포인트를 고릅니다. kubelet은 NAT 게이트웨이를 거칩니다."},
		{Lang: "en", Kind: KindSection, URL: "/en/endpoint-access#dns", Page: "Endpoint", Title: "DNS", Body: "The kubelet reaches the API server through the NAT gateway."},
		{Lang: "ko", Kind: KindGlossary, URL: "/ko/glossary#nat", Page: "용어집", Title: "NAT 게이트웨이", Body: "프라이빗 서브넷의 트래픽을 인터넷으로 내보냅니다."},
	}
	ix := New(docs)
	for _, s := range []string{"엔드포인트", "노드를", "NAT", "kubelet", "", " ", "\x00", "를를를", "a b c d e f", strings.Repeat("엔", 300), "\xff\xfe", "🙂 k8s"} {
		f.Add("ko", s)
		f.Add("en", s)
	}
	f.Fuzz(func(t *testing.T, lang, q string) {
		const limit = 5
		res := ix.Search(lang, q, limit)
		if len(res) > limit {
			t.Fatalf("%d results over the limit %d", len(res), limit)
		}
		for _, r := range res {
			for _, parts := range [][]Part{r.Title, r.Snippet} {
				for _, p := range parts {
					if !utf8.ValidString(p.Text) {
						t.Fatalf("%q: a result part is not UTF-8: %q", q, p.Text)
					}
					if p.Mark && strings.TrimSpace(p.Text) == "" {
						t.Fatalf("%q: an empty highlight in %+v", q, parts)
					}
				}
			}
			if r.URL == "" || !strings.HasPrefix(r.URL, "/"+lang+"/") {
				t.Fatalf("%q in %q: result %q is not a page of that language", q, lang, r.URL)
			}
		}
		_ = HasTerms(q)
	})
}
