package room

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormaliseCode: whatever a person types, a code that is accepted is
// canonical (CodeLength letters of CodeAlphabet) and reads the same again.
func FuzzNormaliseCode(f *testing.F) {
	for _, s := range []string{"", "abc-def", "ABC DEF", " k7m-p2q ", "0OIL1L", "ÄBCDEF", "ABCDEFG", "ab\x00cdef", "ＡＢＣＤＥＦ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := NormaliseCode(s)
		if !ok {
			if code != "" {
				t.Fatalf("%q: refused but gave %q", s, code)
			}
			return
		}
		if len(code) != CodeLength || strings.Trim(code, CodeAlphabet) != "" {
			t.Fatalf("%q: accepted as %q, not a code", s, code)
		}
		if again, ok := NormaliseCode(code); !ok || again != code || !validCode(code) {
			t.Fatalf("%q: %q does not read the same again", s, code)
		}
	})
}

// FuzzTokenMatches: only the token itself matches its stored hash.
func FuzzTokenMatches(f *testing.F) {
	f.Add("token", "token")
	f.Add("token", "Token")
	f.Add("", "")
	f.Add("a", "a\x00")
	f.Fuzz(func(t *testing.T, token, guess string) {
		if got := tokenMatches(tokenHash(token), guess); got != (token == guess) {
			t.Fatalf("tokenMatches(%q, %q) = %v", token, guess, got)
		}
	})
}

// FuzzTypedPoll: any typed question and options open within the limits
// or are refused; an open poll has as many keys as options, zero counts,
// and no answer in it before the reveal.
func FuzzTypedPoll(f *testing.F) {
	f.Add("Which?", "a\nb", "a")
	f.Add("", "", "")
	f.Add(strings.Repeat("질", 400), "x\ny\nz", "c")
	f.Add("Q", "1\n2\n3\n4\n5\n6\n7", "g")
	f.Add("Q", " \n \n", "")
	f.Fuzz(func(t *testing.T, text, options, answer string) {
		var ans []string
		if answer != "" {
			ans = strings.Split(answer, ",")
		}
		p := TypedPoll(text, strings.Split(options, "\n"), ans)
		p.Opened = 2
		open, right, err := p.ready()
		if err != nil {
			return
		}
		if utf8.RuneCountInString(open.Text) > MaxPollTextRunes || !utf8.ValidString(open.Text) && utf8.ValidString(text) {
			t.Fatalf("text %q opened", open.Text)
		}
		if n := len(open.Options); n < MinPollOptions || n > MaxPollOptions || len(open.Keys) != n || len(open.Counts) != n {
			t.Fatalf("%d options, %d keys, %d counts", n, len(open.Keys), len(open.Counts))
		}
		for _, o := range open.Options {
			if utf8.RuneCountInString(o) > MaxPollOptionRunes {
				t.Fatalf("option of %d runes opened", utf8.RuneCountInString(o))
			}
		}
		for _, c := range open.Counts {
			if c != 0 {
				t.Fatalf("counts %v at opening", open.Counts)
			}
		}
		if len(open.Answer) != 0 {
			t.Fatalf("answer %v in the poll before the reveal", open.Answer)
		}
		for _, k := range right {
			if !strings.Contains(strings.Join(open.Keys, ","), k) {
				t.Fatalf("right answer %q is not a key of %v", k, open.Keys)
			}
		}
	})
}
