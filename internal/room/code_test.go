package room

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodesAreEasyToReadAloud(t *testing.T) {
	assert.NotContains(t, CodeAlphabet, "0")
	for _, c := range "0O1IL" {
		assert.False(t, strings.ContainsRune(CodeAlphabet, c), "%c is ambiguous", c)
	}
	seen := map[string]bool{}
	for range 2000 {
		c, err := newCode()
		require.NoError(t, err)
		require.Len(t, c, CodeLength)
		got, ok := NormaliseCode(c)
		require.True(t, ok && got == c, c)
		seen[c] = true
	}
	assert.Greater(t, len(seen), 1990, "codes repeat far too often")
}

func TestNormaliseCode(t *testing.T) {
	for in, want := range map[string]string{"abc-def": "ABCDEF", " ab cd ef ": "ABCDEF", "K7M2PQ": "K7M2PQ"} {
		got, ok := NormaliseCode(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got)
	}
	for _, in := range []string{"", "ABCDE", "ABCDEFG", "ABCDE0", "ABCDEO", "ABCDE1", "../../x"} {
		_, ok := NormaliseCode(in)
		assert.False(t, ok, in)
	}
}

func TestTokensAreLongAndCompareExactly(t *testing.T) {
	tok, err := newToken()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(tok)*6, 128, "at least 128 bits")
	h := tokenHash(tok)
	assert.True(t, tokenMatches(h, tok))
	assert.False(t, tokenMatches(h, tok+"x"))
	assert.False(t, tokenMatches(h, ""))
}
