package content

import (
	"math"
	"strings"
	"unicode"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// Reading rates for computed reading times. English is counted in words;
// Korean in Hangul syllables, with each Latin word (AWS names, kubectl,
// CIDR…) counted as the syllables it takes to read it. The rates are set
// so that a chapter and its translation come out within a minute or two.
const (
	englishWordsPerMinute    = 200
	koreanSyllablesPerMinute = 500
	syllablesPerLatinWord    = 2
)

// readingMinutes is the reading time of prose in lang, at least 1.
func readingMinutes(lang, prose string) int {
	var units, rate float64
	if lang == i18n.KO {
		hangul, latin := countKorean(prose)
		units, rate = float64(hangul+latin*syllablesPerLatinWord), koreanSyllablesPerMinute
	} else {
		units, rate = float64(len(strings.Fields(prose))), englishWordsPerMinute
	}
	return max(1, int(math.Round(units/rate)))
}

// countKorean counts Hangul syllables and runs of Latin letters or digits.
func countKorean(s string) (hangul, latinWords int) {
	inWord := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
			inWord = false
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				latinWords++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return hangul, latinWords
}
