package search

import (
	"sort"
	"strings"
)

// Kind says what a document is, for clients that group or label results.
type Kind string

// The kinds of document the index holds.
const (
	KindSection     Kind = "section"      // a ## section of a chapter (or its opening)
	KindGlossary    Kind = "glossary"     // a glossary term
	KindTradeOff    Kind = "tradeoff"     // a cell of the compare page's trade-offs
	KindDiagramNote Kind = "diagram-note" // a note printed under a diagram
	KindQuiz        Kind = "quiz"         // a quiz question and its explanation
)

// Document is one searchable unit in one language. Any package can make
// them: LibraryDocuments turns the content library into documents, and the
// quizzes add theirs (KindQuiz: the question as Title, the explanation as
// Body, URL the section the explanation links to) by appending to the
// slice handed to New.
type Document struct {
	Lang  string
	Kind  Kind
	Page  string // where it lives, as the reader knows it: the chapter's title, "Glossary"
	Title string // the heading: a section's, a term's; weighs more than Body
	// Section, when Title is empty, is shown in its place but not
	// searched: a diagram note names the section it sits in without that
	// heading making every note a title match.
	Section string
	URL     string // e.g. /ko/endpoint-access#private
	Body    string // plain text
}

// Part is a piece of a highlighted text: Mark is true for a matched word.
type Part struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Result is one document that matched, with its title and a snippet of
// its body, the matched words marked.
type Result struct {
	Kind    Kind   `json:"kind"`
	Page    string `json:"page"`
	Title   []Part `json:"title"`
	URL     string `json:"url"`
	Snippet []Part `json:"snippet"`
}

// Index is an in-memory inverted index over documents, built once by New
// and read-only afterwards: safe for concurrent searches without locks.
type Index struct {
	docs     []indexed
	postings map[string][]posting // by language + "\x00" + form
}

type indexed struct {
	Document
	title, body []token
}

// posting is one word of one document under one of its forms.
type posting struct {
	doc   int32
	tok   int32 // index into the field's tokens
	title bool
	full  bool // the form is the word itself, not a stem of it
}

// MaxQueryRunes bounds a query: longer ones are refused by the web layer,
// and Search reads no further.
const MaxQueryRunes = 100

// maxTerms bounds the work of one query.
const maxTerms = 10

// New indexes docs. Their order is the tie-break of the ranking, so give
// chapters in course order, sections in page order.
func New(docs []Document) *Index {
	ix := &Index{postings: map[string][]posting{}}
	for i, d := range docs {
		in := indexed{Document: d, title: tokenize(d.Title), body: tokenize(d.Body)}
		ix.add(d.Lang, int32(i), in.title, true)
		ix.add(d.Lang, int32(i), in.body, false)
		ix.docs = append(ix.docs, in)
	}
	return ix
}

func (ix *Index) add(lang string, doc int32, toks []token, title bool) {
	for i, t := range toks {
		for j, f := range forms(t) {
			key := lang + "\x00" + f
			ix.postings[key] = append(ix.postings[key], posting{doc: doc, tok: int32(i), title: title, full: j == 0})
		}
	}
}

// Len is the number of documents indexed.
func (ix *Index) Len() int { return len(ix.docs) }

// score is what the ranking compares, most important first.
type score struct {
	doc        int32
	terms      int               // distinct query words found
	titleTerms int               // distinct query words found in the title
	exact      int               // distinct query words found as written, not through a stem
	hits       int               // matched words, up to 5 per field
	titleRest  int               // words of the title left unmatched: "NAT gateway" fits "NAT gateway" better than "Regional NAT gateway"
	marks      map[tokRef]string // each matched word and the form it matched by
}

type tokRef struct {
	tok   int32
	title bool
}

// termHit is what one query word found in one document.
type termHit struct{ title, exact bool }

// Search finds lang's documents that hold any word of q and returns at
// most limit of them, best first. Ranking, deterministic: more query words
// found first; then more of them in the title (a heading or term name);
// then, among title matches, the title with fewer other words; then
// more found as written rather than through a stem; then more
// matched words (up to 5 per field, so a long section that repeats a word
// does not bury a short one about it); then the order of New's documents.
//
// Two words match when they share a form (see forms) and that form is
// the whole of one of them, or at least two syllables long: 노드를 finds
// 노드 and 게이트웨이의 finds 게이트웨이를, but 경로 and 경도 do not meet
// on 경.
func (ix *Index) Search(lang, q string, limit int) []Result {
	scores := map[int32]*score{}
	for _, qt := range queryTerms(q) {
		found := map[int32]*termHit{}
		for j, f := range forms(qt) {
			short := runeCount(f) < 2
			for _, p := range ix.postings[lang+"\x00"+f] {
				if j != 0 && !p.full && short {
					continue
				}
				s := scores[p.doc]
				if s == nil {
					s = &score{doc: p.doc, marks: map[tokRef]string{}}
					scores[p.doc] = s
				}
				ref := tokRef{p.tok, p.title}
				if len(f) > len(s.marks[ref]) {
					s.marks[ref] = f
				}
				h := found[p.doc]
				if h == nil {
					h = &termHit{}
					found[p.doc] = h
				}
				h.title = h.title || p.title
				h.exact = h.exact || (j == 0 && p.full)
			}
		}
		for doc, h := range found {
			s := scores[doc]
			s.terms++
			s.titleTerms += boolInt(h.title)
			s.exact += boolInt(h.exact)
		}
	}
	ranked := make([]*score, 0, len(scores))
	for _, s := range scores {
		var title, body int
		for ref := range s.marks {
			if ref.title {
				title++
			} else {
				body++
			}
		}
		s.hits = min(title, 5) + min(body, 5)
		s.titleRest = len(ix.docs[s.doc].title) - title
		ranked = append(ranked, s)
	}
	sort.Slice(ranked, func(i, j int) bool { return better(ranked[i], ranked[j]) })
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	out := make([]Result, len(ranked))
	for i, s := range ranked {
		out[i] = ix.result(s)
	}
	return out
}

func better(a, b *score) bool {
	switch {
	case a.terms != b.terms:
		return a.terms > b.terms
	case a.titleTerms != b.titleTerms:
		return a.titleTerms > b.titleTerms
	case a.titleTerms > 0 && a.titleRest != b.titleRest:
		return a.titleRest < b.titleRest
	case a.exact != b.exact:
		return a.exact > b.exact
	case a.hits != b.hits:
		return a.hits > b.hits
	}
	return a.doc < b.doc
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// queryTerms are the distinct words of q, at most maxTerms of them, read
// from at most MaxQueryRunes runes.
func queryTerms(q string) []token {
	if runeCount(q) > MaxQueryRunes {
		q = string([]rune(q)[:MaxQueryRunes])
	}
	var out []token
	seen := map[string]bool{}
	for _, t := range tokenize(strings.TrimSpace(q)) {
		if !seen[t.norm] && len(out) < maxTerms {
			seen[t.norm] = true
			out = append(out, t)
		}
	}
	return out
}

// HasTerms says whether q holds any word search can look for: a query of
// only particles or stop words ("의", "the") has none.
func HasTerms(q string) bool { return len(queryTerms(q)) > 0 }
