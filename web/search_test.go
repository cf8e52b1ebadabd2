package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

func searchPath(lang, q string) string { return "/" + lang + "/search?q=" + url.QueryEscape(q) }

func TestSearchPageFindsSections(t *testing.T) {
	tests := []struct {
		lang, q  string
		wantHref string // one result links here
		wantMark string // and marks this word
	}{
		{"ko", "엔드포인트", "/ko/endpoint-access", "엔드포인트"},
		{"ko", "노드를", "/ko/data-plane#worker-nodes", "노드"},
		{"ko", "KUBELET", "/ko/glossary#kubelet", "kubelet"},
		{"ko", "nat", "/ko/glossary#nat-gateway", "NAT"},
		{"en", "public access CIDRs", "/en/endpoint-access#", "CIDRs"},
		{"en", "envelope", "/en/control-plane", "envelope"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.q, func(t *testing.T) {
			resp := get(t, searchPath(tt.lang, tt.q))
			require.Equal(t, http.StatusOK, resp.StatusCode)
			d := mustDoc(t, resp)
			assert.Equal(t, tt.lang, attr(d.tag("html")[0], "lang"))
			results := d.byTestID("search-result")
			require.NotEmpty(t, results)
			found := false
			for _, r := range results {
				a := firstChild(r, "a")
				require.NotNil(t, a)
				href := attr(a, "href")
				assert.True(t, strings.HasPrefix(href, "/"+tt.lang+"/"), href)
				if !strings.HasPrefix(href, tt.wantHref) {
					continue
				}
				for _, m := range (doc{r}).tag("mark") {
					found = found || strings.EqualFold(text(m), tt.wantMark)
				}
			}
			assert.True(t, found, "a result at %s marks %q", tt.wantHref, tt.wantMark)
			assert.Equal(t, tt.q, attr(byID(d, "search-q"), "value"), "the box keeps the query")
			assert.Contains(t, text(d.byTestID("search-status")[0]), tt.q)
		})
	}
}

// Each result names its chapter and section and links to the section.
func TestSearchResultsShowChapterAndSection(t *testing.T) {
	d := mustDoc(t, get(t, searchPath("en", "hybrid nodes endpoint")))
	results := d.byTestID("search-result")
	require.NotEmpty(t, results)
	first := results[0]
	a := firstChild(first, "a")
	assert.Equal(t, "/en/endpoint-access#hybrid-nodes", attr(a, "href"))
	assert.Contains(t, text(first), "Cluster endpoint access", "the chapter")
	assert.NotEmpty(t, (doc{first}).tag("mark"))
}

func TestSearchPageEmptyAndUnusualQueries(t *testing.T) {
	tests := []struct {
		name, path string
		status     int
		status2    string // in search-status, or the problem page
	}{
		{"first visit", "/ko/search", 200, "용어, 구성 요소, 설정 이름을 한두 단어로 입력하십시오."},
		{"an empty box", "/en/search?q=", 200, "Type a word or two"},
		{"only spaces", "/en/search?q=+++", 200, "Type a word or two"},
		{"only a particle", searchPath("ko", "를"), 200, "검색할 단어가 없습니다"},
		{"nothing matches", searchPath("en", "zzyzx"), 200, "Nothing in the course matches “zzyzx”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, tt.path)
			require.Equal(t, tt.status, resp.StatusCode)
			d := mustDoc(t, resp)
			assert.Contains(t, text(d.byTestID("search-status")[0]), tt.status2)
			assert.Empty(t, d.byTestID("search-result"))
		})
	}
}

func TestSearchPageRejectsBadQueries(t *testing.T) {
	long := strings.Repeat("노드", 51)
	tests := []struct {
		name, path, want string
	}{
		{"too long, Korean", searchPath("ko", long), "검색어가 102자입니다. 100자 이하로 줄여 주세요."},
		{"too long, English", searchPath("en", strings.Repeat("a", 101)), "The search is 101 characters long; use at most 100."},
		{"unknown parameter", "/en/search?q=nat&page=2", `"page" is not a parameter of this address (accepted: q).`},
		{"repeated", "/en/search?q=nat&q=igw", "q is given 2 times; give it once."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, tt.path)
			require.Equal(t, http.StatusBadRequest, resp.StatusCode)
			d := mustDoc(t, resp)
			require.Len(t, d.byTestID("problem"), 1)
			assert.Contains(t, text(d.byTestID("problem")[0]), tt.want)
		})
	}
}

func TestSearchAPI(t *testing.T) {
	resp := get(t, "/api/v1/search?lang=ko&q="+url.QueryEscape("엔드포인트를"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	var body struct {
		Lang    string `json:"lang"`
		Q       string `json:"q"`
		Results []struct {
			Kind    string `json:"kind"`
			Page    string `json:"page"`
			URL     string `json:"url"`
			Title   []struct{ Text string }
			Snippet []struct {
				Text string `json:"text"`
				Mark bool   `json:"mark"`
			} `json:"snippet"`
		} `json:"results"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Equal(t, "ko", body.Lang)
	assert.Equal(t, "엔드포인트를", body.Q)
	require.NotEmpty(t, body.Results)
	kinds := map[string]bool{}
	marked := false
	for _, r := range body.Results {
		kinds[r.Kind] = true
		assert.True(t, strings.HasPrefix(r.URL, "/ko/"), r.URL)
		assert.NotEmpty(t, r.Page)
		for _, p := range r.Snippet {
			marked = marked || (p.Mark && p.Text == "엔드포인트")
		}
	}
	assert.True(t, kinds["section"] && kinds["glossary"], "sections and glossary terms: %v", kinds)
	assert.True(t, marked, "the stem is marked without its particle")

	// The page and the API give the same results, in the same order.
	d := mustDoc(t, get(t, searchPath("ko", "엔드포인트를")))
	var pageURLs, apiURLs []string
	for _, r := range d.byTestID("search-result") {
		pageURLs = append(pageURLs, attr(firstChild(r, "a"), "href"))
	}
	for _, r := range body.Results {
		apiURLs = append(apiURLs, r.URL)
	}
	assert.Equal(t, pageURLs, apiURLs)
}

func TestSearchAPILanguage(t *testing.T) {
	var body struct{ Lang string }
	resp := get(t, "/api/v1/search?q=nat", "Accept-Language", "ko-KR,ko;q=0.9")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Equal(t, "ko", body.Lang, "without lang=, the client's preference")
	assert.Contains(t, resp.Header.Get("Vary"), "Accept-Language")
}

func TestSearchAPIRejectsBadQueries(t *testing.T) {
	tests := []struct {
		query, name, problem, reason string
	}{
		{"lang=en&q=", "q", "invalid", "The search is empty; give q one or more words."},
		{"lang=ko", "q", "invalid", "검색어가 비어 있습니다. q에 단어를 하나 이상 넣어 주세요."},
		{"lang=en&q=" + strings.Repeat("x", 101), "q", "invalid", "The search is 101 characters long; use at most 100."},
		{"lang=fr&q=nat", "lang", "invalid", `lang="fr" is not accepted (accepted: ko, en).`},
		{"lang=en&q=nat&limit=5", "limit", "unknown", `"limit" is not a parameter of this address (accepted: lang, q).`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp := get(t, "/api/v1/search?"+tt.query)
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p problemDetails
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
			require.Len(t, p.InvalidParams, 1)
			assert.Equal(t, tt.name, p.InvalidParams[0].Name)
			assert.Equal(t, tt.problem, p.InvalidParams[0].Problem)
			assert.Equal(t, tt.reason, p.InvalidParams[0].Reason)
		})
	}
}

// Every page has the search box in its header: a GET form to the search
// page of the page's language, with a label.
func TestHeaderSearchBox(t *testing.T) {
	for _, lang := range i18n.List() {
		for _, path := range []string{"/", "/intro", "/glossary", "/compare", "/search", "/no-such-page"} {
			d := mustDoc(t, get(t, "/"+lang+path))
			forms := d.byTestID("site-search")
			require.Len(t, forms, 1, path)
			f := forms[0]
			assert.Equal(t, "/"+lang+"/search", attr(f, "action"))
			assert.Equal(t, "get", attr(f, "method"))
			assert.Equal(t, "search", attr(f, "role"))
			in := firstChild(f, "input")
			require.NotNil(t, in)
			assert.Equal(t, "q", attr(in, "name"))
			label := firstChild(f, "label")
			require.NotNil(t, label)
			assert.Equal(t, attr(in, "id"), attr(label, "for"))
		}
	}
}

func byID(d doc, id string) *html.Node {
	nodes := d.all(func(n *html.Node) bool { return attr(n, "id") == id })
	if len(nodes) == 0 {
		return &html.Node{}
	}
	return nodes[0]
}
