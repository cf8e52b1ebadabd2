package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The inline glossary marks the first use of each glossary term in a
// chapter with a link to its entry and the definition beside it:
//
//	<span class="term"><a class="term__link" href="/ko/glossary#nlb"
//	  aria-describedby="def-nlb">NLB</a><span class="term__pop" id="def-nlb"
//	  role="tooltip"><strong>Network Load Balancer(NLB)</strong> …</span></span>가
//
// CSS shows the definition on hover and focus; the link reaches the
// glossary without JavaScript, and aria-describedby hands the definition
// to screen readers as the link's description. Headings, links, code and
// fenced blocks are never marked.

// KindTerm is the AST kind of a marked glossary term.
var KindTerm = ast.NewNodeKind("Term")

type termNode struct {
	ast.BaseInline
	term Term
	href string
}

func (n *termNode) Kind() ast.NodeKind { return KindTerm }
func (n *termNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"id": n.term.ID}, nil)
}

// termAlias is one spelling of a term that running text may use.
type termAlias struct {
	text  string // as the glossary writes it
	term  int    // index into glossaryExt.terms
	exact bool   // match case exactly (a capitalised one-word name: Service, Pod)
}

type glossaryExt struct {
	lang    string
	terms   []Term
	aliases []termAlias // longest first, so "EKS 소유 ENI" wins over "ENI"
}

func newGlossaryExt(lang string, terms []Term) *glossaryExt {
	g := &glossaryExt{lang: lang, terms: terms}
	for i, t := range terms {
		for _, a := range termAliases(t.Term) {
			if a == "" {
				continue // a glossary that failed validation; never match nothing
			}
			g.aliases = append(g.aliases, termAlias{text: a, term: i, exact: exactCase(a)})
		}
	}
	sortByLengthDesc(g.aliases)
	return g
}

// termAliases are the spellings of a glossary heading: "Network Load
// Balancer (NLB)" is used as itself, as "Network Load Balancer" and as
// "NLB". A parenthesis that lists variants ("public/private") is not a
// name, so it gives no alias.
func termAliases(term string) []string {
	term = strings.TrimSpace(term)
	out := []string{term}
	open := strings.IndexByte(term, '(')
	if open < 0 || !strings.HasSuffix(term, ")") {
		return out
	}
	outer := strings.TrimSpace(term[:open])
	inner := strings.TrimSpace(term[open+1 : len(term)-1])
	if outer != "" {
		out = append(out, outer)
	}
	if inner != "" && !strings.ContainsAny(inner, "/,") {
		out = append(out, inner)
	}
	return out
}

// exactCase: a single capitalised word is a proper name or a Kubernetes
// kind (Service, Deployment, Pod), and the lower-case word is ordinary
// English ("a managed service"). Other aliases match whatever the case of
// their first letter, so "Control plane" finds "the control plane".
func exactCase(alias string) bool {
	r, _ := utf8.DecodeRuneInString(alias)
	return unicode.IsUpper(r) && !strings.ContainsRune(alias, ' ') && strings.ToUpper(alias) != alias
}

func sortByLengthDesc(as []termAlias) {
	// Insertion sort keeps equal lengths in glossary order: deterministic.
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && len(as[j].text) > len(as[j-1].text); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

func (g *glossaryExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(g, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(g, 50)))
}

// Transform marks each term's first use. A term the chapter already links
// to (glossary#id) counts as used.
func (g *glossaryExt) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if len(g.terms) == 0 {
		return
	}
	src := reader.Source()
	used := make([]bool, len(g.terms))
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if id, ok := strings.CutPrefix(string(n.Destination), "glossary#"); ok {
				for i, t := range g.terms {
					used[i] = used[i] || t.ID == id
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading, *ast.AutoLink, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock,
			*ast.HTMLBlock, *ast.RawHTML, *ast.Image, *blockNode:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			joinText(n)
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		g.markText(t, src, used)
	}
}

// joinText merges the plain text nodes that follow t on the same line
// into it: the parser cuts text at spaces (linkify looks for addresses
// there), and a term of several words must be seen whole.
func joinText(t *ast.Text) {
	for {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || t.SoftLineBreak() || t.HardLineBreak() || t.IsRaw() || next.IsRaw() || t.Segment.Stop != next.Segment.Start {
			return
		}
		t.Segment = text.NewSegment(t.Segment.Start, next.Segment.Stop)
		t.SetSoftLineBreak(next.SoftLineBreak())
		t.SetHardLineBreak(next.HardLineBreak())
		t.Parent().RemoveChild(t.Parent(), next)
	}
}

// markText splits t around the first unused term it holds, then goes on
// with the rest of the text.
func (g *glossaryExt) markText(t *ast.Text, src []byte, used []bool) {
	for t != nil {
		seg := t.Segment
		s := string(seg.Value(src))
		start, end, term, ok := g.find(s, used)
		if !ok {
			return
		}
		used[term] = true
		parent := t.Parent()
		if start > 0 {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+start)))
		}
		node := &termNode{term: g.terms[term], href: "/" + g.lang + "/glossary#" + g.terms[term].ID}
		node.AppendChild(node, ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+end)))
		parent.InsertBefore(parent, t, node)
		// The rest, even when empty, keeps t's line break outside the link.
		t.Segment = text.NewSegment(seg.Start+end, seg.Stop)
		if end == len(s) {
			return
		}
	}
}

// find is the first place in s where an alias of an unused term stands
// as a word of its own. A longer alias of a used term hides the shorter
// ones inside it, so "EKS-owned ENI", once marked, does not leave "ENI" to
// be marked within a later "EKS-owned ENI".
func (g *glossaryExt) find(s string, used []bool) (start, end, term int, ok bool) {
	for i := 0; i < len(s); {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if i == 0 || !isWordRune(prev) {
			if n, a, found := g.longestAt(s[i:]); found {
				if !used[a.term] {
					return i, i + n, a.term, true
				}
				i += n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return 0, 0, 0, false
}

// longestAt is the longest alias that s starts with, as a whole word, and
// the length of the text it covers.
func (g *glossaryExt) longestAt(s string) (int, termAlias, bool) {
	for _, a := range g.aliases {
		if n, ok := matchAlias(s, a); ok {
			return n, a, true
		}
	}
	return 0, termAlias{}, false
}

// matchAlias says whether s starts with alias a standing as a word. After
// a name that ends in a Latin letter or digit, a Hangul particle may follow
// (NLB가, kubelet이) and so may an English plural (gateways); after one that
// ends in Hangul, any Hangul may follow, since particles attach (파드를).
func matchAlias(s string, a termAlias) (int, bool) {
	n := len(a.text)
	if len(s) < n {
		return 0, false
	}
	head := s[:n]
	if a.exact {
		if head != a.text {
			return 0, false
		}
	} else if !equalFoldFirst(head, a.text) {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(a.text)
	rest := s[n:]
	if isHangul(last) {
		return n, true
	}
	if p := pluralSuffix(rest); p > 0 {
		n += p
		rest = rest[p:]
	}
	next, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !isWordRune(next) || isHangul(next) {
		return n, true
	}
	return 0, false
}

// equalFoldFirst compares head with the alias, ignoring the case of the
// first letter only: "NAT gateway" must not match "nat Gateway" but
// "Control plane" matches "control plane".
func equalFoldFirst(head, alias string) bool {
	r1, s1 := utf8.DecodeRuneInString(head)
	r2, s2 := utf8.DecodeRuneInString(alias)
	return unicode.ToLower(r1) == unicode.ToLower(r2) && head[s1:] == alias[s2:]
}

func pluralSuffix(rest string) int {
	switch {
	case strings.HasPrefix(rest, "es") && !startsWord(rest[2:]):
		return 2
	case strings.HasPrefix(rest, "s") && !startsWord(rest[1:]):
		return 1
	}
	return 0
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isWordRune(r) && !isHangul(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

func (g *glossaryExt) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		t := n.(*termNode)
		id := "def-" + t.term.ID
		if entering {
			_, _ = w.WriteString(`<span class="term"><a class="term__link" data-testid="term-link" href="` +
				string(util.EscapeHTML([]byte(t.href))) + `" aria-describedby="` + id + `">`)
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`</a><span class="term__pop" id="` + id + `" role="tooltip"><strong>` +
			string(util.EscapeHTML([]byte(t.term.Term))) + `</strong> ` +
			string(util.EscapeHTML([]byte(t.term.Def))) + `</span></span>`)
		return ast.WalkContinue, nil
	})
}
