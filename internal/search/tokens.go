package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: where it stands (byte offsets into the
// original, for highlighting) and its lower-cased form.
type token struct {
	start, end int
	norm       string
	hangul     bool
}

// tokenize cuts s into words: runs of letters and digits, split where the
// script changes between Hangul and anything else, so "kubelet이" is
// "kubelet" and "이", and "NAT를" is "nat" and "를". Stop words (a lone
// particle, "the") are dropped.
func tokenize(s string) []token {
	var out []token
	start, hangul := -1, false
	emit := func(end int) {
		if start < 0 {
			return
		}
		t := token{start: start, end: end, norm: strings.ToLower(s[start:end]), hangul: hangul}
		if !isStopWord(t) {
			out = append(out, t)
		}
		start = -1
	}
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		h := unicode.Is(unicode.Hangul, r)
		switch {
		case !word:
			emit(i)
		case start >= 0 && h != hangul:
			emit(i)
			start, hangul = i, h
		case start < 0:
			start, hangul = i, h
		}
	}
	emit(len(s))
	return out
}

// particles are the Korean particles and copula endings that attach to a
// noun, longest first so that 에서는 is tried before 는. The list is short
// on purpose: technical prose mostly attaches these to nouns, and a noun
// is what a learner searches for.
var particles = []string{
	"에서부터", "으로부터", "에서는", "에서도", "에서의", "으로는", "으로도", "으로의", "에게는", "이라는", "이라고", "까지는",
	"부터는", "입니다", "이에요", "이며", "이고", "이나", "이란", "이라", "이다", "에서", "으로", "에게", "에는", "에도", "에의",
	"로는", "로도", "와는", "과는", "까지", "부터", "처럼", "보다", "마다", "만큼", "라는", "라고", "이든", "조차", "밖에",
	"은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도", "만", "나", "란", "인", "들",
}

var koreanStop = map[string]bool{"및": true, "등": true, "것": true, "수": true, "그": true, "또는": true, "더": true}

var englishStop = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "by": true, "for": true,
	"from": true, "in": true, "is": true, "it": true, "of": true, "on": true, "or": true, "the": true, "to": true,
	"with": true, "s": true,
}

func isStopWord(t token) bool {
	if t.hangul {
		if koreanStop[t.norm] {
			return true
		}
		for _, p := range particles {
			if t.norm == p {
				return true
			}
		}
		return false
	}
	return englishStop[t.norm]
}

// forms are the spellings under which a word is indexed and looked up:
// the word itself and every stem left by taking off one ending.
//
// Korean attaches particles to nouns: 엔드포인트를, 엔드포인트의. Cutting
// just the longest ending would turn 게이트웨이 (a noun that happens to end
// in 이) into 게이트웨 but 게이트웨이를 into 게이트웨이, and the two would
// never meet. Keeping every candidate stem on both sides means two words
// match when they share any form: 게이트웨이 {게이트웨이, 게이트웨} meets
// 게이트웨이를 {게이트웨이를, 게이트웨이}, and 노드를 {노드를, 노드} meets 노드.
// English gets the same treatment for plurals (nodes, policies, addresses).
func forms(t token) []string {
	out := []string{t.norm}
	if t.hangul {
		for _, p := range particles {
			if stem, ok := strings.CutSuffix(t.norm, p); ok && stem != "" {
				out = appendNew(out, stem)
			}
		}
		return out
	}
	n := len(t.norm)
	switch {
	case n > 4 && strings.HasSuffix(t.norm, "ies"):
		out = append(out, t.norm[:n-3]+"y")
	case n > 4 && strings.HasSuffix(t.norm, "es") && strings.ContainsAny(t.norm[n-3:n-2], "sxz"):
		out = append(out, t.norm[:n-2])
	case n > 3 && strings.HasSuffix(t.norm, "s") && !strings.HasSuffix(t.norm, "ss"):
		out = append(out, t.norm[:n-1])
	}
	return out
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// markEnd is where the highlight of t ends when form matched it: a Korean
// stem is marked without its particle (<mark>노드</mark>를), anything else
// as the whole word.
func markEnd(t token, form string) int {
	if t.hangul && strings.HasPrefix(t.norm, form) && form != t.norm {
		return t.start + len(form)
	}
	return t.end
}

// runeCount is how long a query is, as a reader counts.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
