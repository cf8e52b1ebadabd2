package content

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testTerms = map[string][]Term{
	"en": {
		{ID: "nlb", Term: "Network Load Balancer (NLB)", Def: "A layer-4 load balancer."},
		{ID: "nat-gateway", Term: "NAT gateway", Def: "Lets private subnets out."},
		{ID: "eni", Term: "ENI (elastic network interface)", Def: "A virtual network card."},
		{ID: "eks-owned-eni", Term: "EKS-owned ENI", Def: "An ENI EKS puts in your subnets."},
		{ID: "service", Term: "Service", Def: "A stable address for pods."},
		{ID: "control-plane", Term: "Control plane", Def: "What AWS runs."},
		{ID: "subnet", Term: "Subnet (public/private)", Def: "A slice of a VPC."},
	},
	"ko": {
		{ID: "nlb", Term: "Network Load Balancer(NLB)", Def: "4계층 로드 밸런서입니다."},
		{ID: "nat-gateway", Term: "NAT 게이트웨이", Def: "프라이빗 서브넷이 밖으로 나가게 합니다."},
		{ID: "pod", Term: "파드", Def: "컨테이너 묶음입니다."},
		{ID: "eks-owned-eni", Term: "EKS 소유 ENI(EKS owned ENI)", Def: "EKS가 사용자 서브넷에 두는 ENI입니다."},
		{ID: "eni", Term: "ENI(탄력적 네트워크 인터페이스)", Def: "가상 네트워크 카드입니다."},
	},
}

// marked lists the terms a body marks, in order, as id=text.
func marked(t *testing.T, lang, body string) []string {
	t.Helper()
	r := renderMarkdown(lang, []byte(body), nil, testTerms[lang]...)
	require.Empty(t, r.Problems)
	html := bodyHTML(r)
	var out []string
	for _, part := range strings.Split(html, `<a class="term__link" data-testid="term-link" href="/`+lang+`/glossary#`)[1:] {
		id, rest, _ := strings.Cut(part, `"`)
		_, rest, _ = strings.Cut(rest, ">")
		txt, _, _ := strings.Cut(rest, "</a>")
		out = append(out, id+"="+txt)
	}
	return out
}

func TestInlineGlossaryMarksFirstUse(t *testing.T) {
	tests := []struct {
		name, lang, body string
		want             []string
	}{
		{"first use only", "en", "The NLB answers. The NLB again.\n\nAnd NLB.", []string{"nlb=NLB"}},
		{"every spelling of a term", "en", "A Network Load Balancer, then NLB.", []string{"nlb=Network Load Balancer"}},
		{"longest term wins, and hides the shorter inside it", "en", "An EKS-owned ENI. Later an EKS-owned ENI and an ENI.",
			[]string{"eks-owned-eni=EKS-owned ENI", "eni=ENI"}},
		{"plural", "en", "Two NAT gateways.", []string{"nat-gateway=NAT gateways"}},
		{"first letter in any case", "en", "the control plane runs", []string{"control-plane=control plane"}},
		{"a capitalised one-word name keeps its case", "en", "a managed service, then a Service", []string{"service=Service"}},
		{"whole words only", "en", "NLBs are fine but XNLB and NLBX are not. ENIfoo.", []string{"nlb=NLBs"}},
		{"a parenthesis of variants is no alias", "en", "public/private, then a Subnet", []string{"subnet=Subnet"}},
		{"not in headings", "en", "## The NLB {#nlb}\n\nThe NLB.", []string{"nlb=NLB"}},
		{"not in links", "en", "[the NLB](https://example.com) and the NLB.", []string{"nlb=NLB"}},
		{"a glossary link counts as the first use", "en", "[NLB](glossary#nlb), then NLB.", nil},
		{"not in code", "en", "`NLB` and\n\n```\nNLB\n```\n\nthe NLB", []string{"nlb=NLB"}},
		{"inside emphasis and tables", "en", "| a |\n| - |\n| **NLB** |\n", []string{"nlb=NLB"}},
		{"Korean particle after an acronym", "ko", "NLB가 요청을 받습니다. NLB는 또 받습니다.", []string{"nlb=NLB"}},
		{"Korean particle after Hangul", "ko", "파드를 띄우고 NAT 게이트웨이를 지납니다.", []string{"pod=파드", "nat-gateway=NAT 게이트웨이"}},
		{"Korean word start only", "ko", "슈퍼파드는 아닙니다.", nil},
		{"Korean longest first", "ko", "EKS 소유 ENI와 ENI는 다릅니다.", []string{"eks-owned-eni=EKS 소유 ENI", "eni=ENI"}},
		{"Korean heading", "ko", "## NLB의 역할 {#nlb}\n\nNLB입니다.", []string{"nlb=NLB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, marked(t, tt.lang, tt.body))
		})
	}
}

func TestInlineGlossaryMarkup(t *testing.T) {
	r := renderMarkdown("ko", []byte("NLB가\n다음 줄입니다.\n"), nil, testTerms["ko"]...)
	html := bodyHTML(r)
	assert.Contains(t, html, `<span class="term"><a class="term__link" data-testid="term-link" href="/ko/glossary#nlb" aria-describedby="def-nlb">NLB</a>`+
		`<span class="term__pop" id="def-nlb" role="tooltip"><strong>Network Load Balancer(NLB)</strong> 4계층 로드 밸런서입니다.</span></span>가`+"\n다음 줄입니다.")
	assert.NotContains(t, html, "style=", "strict CSP: no inline style")
	// The definition is not prose the reader reads: reading time and
	// search see the text as written.
	assert.Equal(t, "NLB가 다음 줄입니다.", r.Sections[0].Text)
}

func TestTermAliases(t *testing.T) {
	assert.Equal(t, []string{"Network Load Balancer (NLB)", "Network Load Balancer", "NLB"}, termAliases("Network Load Balancer (NLB)"))
	assert.Equal(t, []string{"서브넷(퍼블릭/프라이빗)", "서브넷"}, termAliases("서브넷(퍼블릭/프라이빗)"))
	assert.Equal(t, []string{"kubelet"}, termAliases("kubelet"))
}

func TestSectionsSplitAtSecondLevelHeadings(t *testing.T) {
	r := renderMarkdown("en", []byte("Opening words.\n\n## One {#one}\n\nFirst *part*\nwraps.\n\n### Deeper\n\nStill one.\n\n```sh\ncode\n```\n\n## Two {#two}\n\n- a\n- b\n"), nil)
	require.Len(t, r.Sections, 3)
	assert.Equal(t, Section{Text: "Opening words."}, r.Sections[0])
	assert.Equal(t, Section{ID: "one", Title: "One", Text: "First part wraps. Deeper Still one."}, r.Sections[1])
	assert.Equal(t, Section{ID: "two", Title: "Two", Text: "a b"}, r.Sections[2])
}
