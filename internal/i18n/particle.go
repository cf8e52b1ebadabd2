package i18n

import (
	"strings"
	"unicode"
)

// Korean particles change with the sound a word ends in: NLB가 but IAM은,
// 서버로 but 443으로. A sentence template that inserts a name must pick
// the form in code, never write "이(가)" or "(으)로" (the style guide
// forbids both), so templates call WithParticle.

// final is the last sound of a word's Korean reading.
type final int

const (
	vowel     final = iota // no final consonant: 가, 는, 를, 와, 로
	consonant              // a final consonant other than ㄹ: 이, 은, 을, 과, 으로
	rieul                  // final ㄹ: 이, 은, 을, 과, but 로
)

// wordReading knows Latin names read as words, not letter by letter, or
// whose reading the letter rule gets wrong.
func wordReading(lower string) (final, bool) {
	switch lower {
	case "rbac", "nat": // 알백, 낫
		return consonant, true
	case "kubelet": // 큐블릿
		return consonant, true
	case "kubectl": // 큐브컨트롤
		return rieul, true
	}
	return vowel, false
}

// letterReading is the end of a capital letter's Korean name: 엘, 엠, 엔
// and 알 end in a consonant; every other name (에이, 비, 씨…) in a vowel.
func letterReading(r rune) final {
	switch r {
	case 'L', 'R':
		return rieul
	case 'M', 'N':
		return consonant
	}
	return vowel
}

// Particle returns the form of pair that follows word. pair is the form
// after a consonant and the form after a vowel, split by "/": "이/가",
// "은/는", "을/를", "과/와", "으로/로". For 으로/로 (and any pair whose first
// form is 으 plus the second) a final ㄹ takes the second form: 서울로.
func Particle(word, pair string) string {
	afterConsonant, afterVowel, ok := strings.Cut(pair, "/")
	if !ok {
		panic("i18n.Particle: pair " + pair + " is not two forms split by /")
	}
	switch lastSound(word) {
	case vowel:
		return afterVowel
	case rieul:
		if afterConsonant == "으"+afterVowel {
			return afterVowel
		}
	}
	return afterConsonant
}

// WithParticle returns word followed by the form of pair that fits it:
// WithParticle("NLB", "이/가") is "NLB가", WithParticle("443", "으로/로")
// is "443으로".
func WithParticle(word, pair string) string { return word + Particle(word, pair) }

// lastSound reads the end of word: a Hangul syllable's final consonant, a
// number's last spoken syllable, a Latin word's or acronym's Korean
// reading. A trailing parenthetical gloss is skipped, since the particle
// follows the word it glosses: 가용 영역(AZ)은.
func lastSound(word string) final {
	w := strings.TrimRight(strings.TrimSpace(word), ".,:;!?'\"")
	if strings.HasSuffix(w, ")") {
		if i := strings.LastIndex(w, "("); i > 0 {
			w = strings.TrimSpace(w[:i])
		}
	}
	rs := []rune(w)
	if len(rs) == 0 {
		return vowel
	}
	last := rs[len(rs)-1]
	switch {
	case last >= 0xAC00 && last <= 0xD7A3:
		switch (last - 0xAC00) % 28 {
		case 0:
			return vowel
		case 8:
			return rieul
		}
		return consonant
	case unicode.IsDigit(last):
		return numberSound(string(rs))
	case last < unicode.MaxASCII && unicode.IsLetter(last):
		return latinSound(string(rs))
	}
	return vowel
}

// numberSound reads the trailing digits of s as a Korean number does:
// 443 ends in 삼, 10 in 십, 1000 in 천, 2 in 이.
func numberSound(s string) final {
	start := len(s)
	for start > 0 && s[start-1] >= '0' && s[start-1] <= '9' {
		start--
	}
	digits := s[start:]
	zeros := len(digits) - len(strings.TrimRight(digits, "0"))
	if zeros == len(digits) { // 0 is 영
		return consonant
	}
	if zeros > 0 { // 십, 백, 천, 만 and their multiples all end in a consonant
		return consonant
	}
	switch digits[len(digits)-1] {
	case '1', '7', '8': // 일, 칠, 팔
		return rieul
	case '3', '6': // 삼, 육
		return consonant
	}
	return vowel // 이, 사, 오, 구
}

// latinSound reads the last Latin word of s: a known word, an acronym
// letter by letter, or an English word by its last letters.
func latinSound(s string) final {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || r == '-')) })
	word := s[i+1:]
	if f, ok := wordReading(strings.ToLower(word)); ok {
		return f
	}
	if word == strings.ToUpper(word) { // an acronym: the last letter's name
		return letterReading(rune(word[len(word)-1]))
	}
	lower := strings.ToLower(word)
	switch {
	case strings.HasSuffix(lower, "l"):
		return rieul // 컨트롤, 풀
	case strings.HasSuffix(lower, "m"), strings.HasSuffix(lower, "n"), strings.HasSuffix(lower, "ng"):
		return consonant // 팀, 존, 링
	}
	return vowel // 게이트, 서비스, 노드: English words mostly end in a vowel in Korean
}
