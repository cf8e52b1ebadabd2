package search

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture is a small index whose documents each hold one way a word can
// appear, so a table can say which ones a query must find.
func fixture() *Index {
	return New([]Document{
		{Lang: "ko", Kind: KindSection, Page: "엔드포인트", Title: "퍼블릭 엔드포인트", URL: "/ko/a#public", Body: "kubectl이 인터넷을 건너 NLB에 닿습니다."},
		{Lang: "ko", Kind: KindSection, Page: "엔드포인트", Title: "설정", URL: "/ko/a#settings", Body: "엔드포인트를 켜면 노드가 API 서버에 닿습니다."},
		{Lang: "ko", Kind: KindSection, Page: "엔드포인트", Title: "DNS", URL: "/ko/a#dns", Body: "클러스터 엔드포인트의 이름은 DNS 이름입니다."},
		{Lang: "ko", Kind: KindSection, Page: "데이터 플레인", Title: "워커 노드", URL: "/ko/b#nodes", Body: "노드 하나에 파드 여러 개가 뜹니다."},
		{Lang: "ko", Kind: KindSection, Page: "비용", Title: "NAT", URL: "/ko/c#nat", Body: "노드의 트래픽은 NAT 게이트웨이를 지납니다. Kubelet이 보내는 요청도 같습니다."},
		{Lang: "ko", Kind: KindGlossary, Page: "용어집", Title: "인터넷 게이트웨이(IGW)", URL: "/ko/glossary#igw", Body: "VPC를 인터넷에 연결합니다."},
		{Lang: "ko", Kind: KindSection, Page: "기타", Title: "경도", URL: "/ko/d#x", Body: "경도와 위도."},
		{Lang: "en", Kind: KindSection, Page: "Endpoint", Title: "Public endpoint", URL: "/en/a#public", Body: "kubectl crosses the internet to the NLB."},
		{Lang: "en", Kind: KindSection, Page: "Cost", Title: "NAT", URL: "/en/c#nat", Body: "Node traffic goes through NAT gateways; the kubelet's requests too."},
		{Lang: "en", Kind: KindGlossary, Page: "Glossary", Title: "Network policies", URL: "/en/glossary#np", Body: "Rules for pod traffic."},
	})
}

func urls(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.URL
	}
	return out
}

func TestKoreanMatching(t *testing.T) {
	ix := fixture()
	tests := []struct {
		name, lang, q string
		want          []string // in rank order
	}{
		{"a noun finds itself with any particle", "ko", "엔드포인트",
			[]string{"/ko/a#public", "/ko/a#settings", "/ko/a#dns"}},
		{"a query with a particle finds the bare noun", "ko", "노드를", []string{"/ko/b#nodes", "/ko/a#settings", "/ko/c#nat"}},
		{"a noun ending in 이 meets itself before a particle", "ko", "게이트웨이", []string{"/ko/glossary#igw", "/ko/c#nat"}},
		{"two inflected forms meet on a long stem", "ko", "게이트웨이의", []string{"/ko/glossary#igw", "/ko/c#nat"}},
		{"English inside Korean, any case", "ko", "KUBELET", []string{"/ko/c#nat"}},
		{"an acronym before a particle", "ko", "nat", []string{"/ko/c#nat"}},
		{"Latin before a particle in the text", "ko", "kubectl", []string{"/ko/a#public"}},
		{"a one-syllable stem joins no unrelated word", "ko", "경로", nil},
		{"the languages stay apart", "en", "엔드포인트", nil},
		{"a lone particle searches nothing", "ko", "를", nil},
		{"English plurals", "en", "gateway", []string{"/en/c#nat"}},
		{"English plural query", "en", "policy", []string{"/en/glossary#np"}},
		{"English possessive", "en", "kubelet", []string{"/en/c#nat"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := urls(ix.Search(tt.lang, tt.q, 10))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRanking(t *testing.T) {
	ix := fixture()
	tests := []struct {
		name, lang, q string
		want          []string
	}{
		// Both hold NAT; the section about it in its title comes first,
		// and the one that also has 노드 before those with one word only.
		{"more query words first", "ko", "노드 NAT", []string{"/ko/c#nat", "/ko/b#nodes", "/ko/a#settings"}},
		{"title before body", "ko", "퍼블릭 엔드포인트", []string{"/ko/a#public", "/ko/a#settings", "/ko/a#dns"}},
		{"exact title before a longer one", "en", "endpoint public", []string{"/en/a#public"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, urls(ix.Search(tt.lang, tt.q, 10)))
		})
	}
}

func TestRankingIsDeterministic(t *testing.T) {
	ix := fixture()
	first := ix.Search("ko", "엔드포인트 노드", 10)
	for range 20 {
		assert.Equal(t, first, ix.Search("ko", "엔드포인트 노드", 10))
	}
}

func TestHighlight(t *testing.T) {
	ix := fixture()
	rs := ix.Search("ko", "엔드포인트", 10)
	require.Len(t, rs, 3)
	assert.Equal(t, []Part{{Text: "퍼블릭 "}, {Text: "엔드포인트", Mark: true}}, rs[0].Title)
	// The particle stays outside the mark.
	assert.Equal(t, []Part{{Text: "엔드포인트", Mark: true}, {Text: "를 켜면 노드가 API 서버에 닿습니다."}}, rs[1].Snippet)
	rs = ix.Search("ko", "kubelet", 1)
	require.Len(t, rs, 1)
	assert.Contains(t, rs[0].Snippet, Part{Text: "Kubelet", Mark: true}, "the text's own case is kept")
}

func TestSnippetIsAWindowAroundTheMatch(t *testing.T) {
	long := strings.Repeat("앞 문장입니다. ", 40) + "여기에 엔드포인트가 있습니다. " + strings.Repeat("뒤 문장입니다. ", 40)
	ix := New([]Document{{Lang: "ko", Title: "제목", URL: "/ko/x", Body: long}})
	rs := ix.Search("ko", "엔드포인트", 1)
	require.Len(t, rs, 1)
	parts := rs[0].Snippet
	assert.Equal(t, Part{Text: "…"}, parts[0])
	assert.Equal(t, Part{Text: "…"}, parts[len(parts)-1])
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	assert.LessOrEqual(t, runeCount(b.String()), snippetLen+2)
	assert.Contains(t, b.String(), "엔드포인트가")
}

func TestQueryLimits(t *testing.T) {
	assert.False(t, HasTerms(""))
	assert.False(t, HasTerms("  의 the  "), "only particles and stop words")
	assert.True(t, HasTerms("노드"))
	many := strings.Repeat("노드 ", 30)
	assert.Len(t, queryTerms(many), 1, "a word counts once")
	assert.LessOrEqual(t, len(queryTerms(strings.Repeat("가나 다라 마바 사아 자차 카타 파하 ", 20))), maxTerms)
}

func TestForms(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"엔드포인트를", []string{"엔드포인트를", "엔드포인트"}},
		{"노드에서는", []string{"노드에서는", "노드에서", "노드"}},
		{"게이트웨이", []string{"게이트웨이", "게이트웨"}},
		{"nodes", []string{"nodes", "node"}},
		{"addresses", []string{"addresses", "address"}},
		{"policies", []string{"policies", "policy"}},
		{"access", []string{"access"}},
	}
	for _, tt := range tests {
		toks := tokenize(tt.word)
		require.Len(t, toks, 1, tt.word)
		assert.ElementsMatch(t, tt.want, forms(toks[0]), tt.word)
	}
}

func TestTokenizeSplitsScripts(t *testing.T) {
	var got []string
	for _, tk := range tokenize("kubelet이 NAT를 거쳐 VPC's API에") {
		got = append(got, tk.norm)
	}
	assert.Equal(t, []string{"kubelet", "nat", "거쳐", "vpc", "api"}, got)
}
