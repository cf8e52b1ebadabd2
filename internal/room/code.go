package room

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// CodeAlphabet is what join codes are made of: capitals and digits
// without the ones that are misread or misheard (0/O, 1/I/L), so a code
// read aloud to a room or copied from a projector arrives intact.
const CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLength is a join code's length: 31⁶ ≈ 887 million codes, so a
// random guess at a server with a thousand rooms hits one about once in
// 887,000 tries, and room creation per address is rate limited.
const CodeLength = 6

// newCode draws a join code from crypto/rand. Bytes at or above the
// largest multiple of the alphabet's size are redrawn, so every letter is
// equally likely.
func newCode() (string, error) {
	const n = len(CodeAlphabet)
	limit := byte(256 - 256%n)
	out := make([]byte, 0, CodeLength)
	buf := make([]byte, 16)
	for len(out) < CodeLength {
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			if b < limit && len(out) < CodeLength {
				out = append(out, CodeAlphabet[int(b)%n])
			}
		}
	}
	return string(out), nil
}

// NormaliseCode reads a code as a person types it: any case, with spaces
// or dashes between groups. It reports false for anything that cannot be
// a code, so a handler never looks up a malformed one.
func NormaliseCode(s string) (string, bool) {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s)))
	if len(s) != CodeLength {
		return "", false
	}
	for _, c := range s {
		if !strings.ContainsRune(CodeAlphabet, c) {
			return "", false
		}
	}
	return s, true
}

// newToken draws a presenter token: 256 bits from crypto/rand, URL-safe.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// tokenHash is what a hub stores: a leaked store does not hand out
// control of its rooms.
func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// tokenMatches compares in constant time, so response timing says
// nothing about how much of a guess was right.
func tokenMatches(stored []byte, token string) bool {
	return subtle.ConstantTimeCompare(stored, tokenHash(token)) == 1
}

// newParticipantID names a participant: random, so one participant
// cannot leave on another's behalf by guessing.
func newParticipantID() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
