package web

import (
	"bytes"
	"fmt"
)

// A small JavaScript tokenizer, just enough to find import specifiers
// without being fooled by comments, strings, template literals or regular
// expressions that merely contain the word "import". It does not parse
// JavaScript; it only has to know where each token starts and ends.

type jsTokenKind int

const (
	jsIdent  jsTokenKind = iota // identifiers and keywords
	jsString                    // '...' or "...", quotes included
	jsPunct                     // one punctuation character, or "${"
	jsOther                     // numbers, regular expressions, template chunks
)

type jsToken struct {
	kind       jsTokenKind
	text       string // the source text of the token
	start, end int    // byte offsets in the source
}

// keywordsBeforeExpression are the keywords after which a "/" starts a
// regular expression rather than a division.
var keywordsBeforeExpression = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "case": true, "do": true, "else": true,
	"yield": true, "await": true,
}

type jsLexer struct {
	src    []byte
	i      int
	toks   []jsToken
	braces []int // open "{" count inside each enclosing template ${...}
}

// lexJS splits JavaScript source into tokens. Unterminated comments,
// strings, templates and regular expressions are errors: hashing a file
// we cannot read reliably would risk rewriting the wrong bytes.
func lexJS(src []byte) ([]jsToken, error) {
	l := &jsLexer{src: src}
	for l.i < len(src) {
		if err := l.next(); err != nil {
			return nil, err
		}
	}
	if len(l.braces) > 0 {
		return nil, l.errorf(len(src), "unterminated template literal")
	}
	return l.toks, nil
}

func (l *jsLexer) next() error {
	c, start := l.src[l.i], l.i
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		l.i++
	case c == '/' && l.peek(1) == '/':
		for l.i < len(l.src) && l.src[l.i] != '\n' {
			l.i++
		}
	case c == '/' && l.peek(1) == '*':
		end := bytes.Index(l.src[l.i+2:], []byte("*/"))
		if end < 0 {
			return l.errorf(start, "unterminated comment")
		}
		l.i += 2 + end + 2
	case c == '\'' || c == '"':
		return l.quoted(c)
	case c == '`':
		l.i++
		return l.template(start)
	case c == '/' && l.regexAllowed():
		return l.regex()
	case isIdentStart(c):
		for l.i < len(l.src) && isIdentPart(l.src[l.i]) {
			l.i++
		}
		l.emit(jsIdent, start)
	case c >= '0' && c <= '9':
		for l.i < len(l.src) && (isIdentPart(l.src[l.i]) || l.src[l.i] == '.') {
			l.i++
		}
		l.emit(jsOther, start)
	case c == '{' && len(l.braces) > 0:
		l.braces[len(l.braces)-1]++
		l.i++
		l.emit(jsPunct, start)
	case c == '}' && len(l.braces) > 0 && l.braces[len(l.braces)-1] == 0:
		// The end of a ${...}: the template literal goes on.
		l.braces = l.braces[:len(l.braces)-1]
		l.i++
		return l.template(start)
	case c == '}' && len(l.braces) > 0:
		l.braces[len(l.braces)-1]--
		l.i++
		l.emit(jsPunct, start)
	default:
		l.i++
		l.emit(jsPunct, start)
	}
	return nil
}

func (l *jsLexer) quoted(q byte) error {
	start := l.i
	for l.i++; l.i < len(l.src); l.i++ {
		switch l.src[l.i] {
		case '\\':
			l.i++
		case '\n':
			return l.errorf(start, "unterminated string")
		case q:
			l.i++
			l.emit(jsString, start)
			return nil
		}
	}
	return l.errorf(start, "unterminated string")
}

// template reads a template literal's text up to its closing backtick or
// the next "${", whose expression is then lexed as ordinary tokens.
func (l *jsLexer) template(start int) error {
	for ; l.i < len(l.src); l.i++ {
		switch l.src[l.i] {
		case '\\':
			l.i++
		case '`':
			l.i++
			l.emit(jsOther, start)
			return nil
		case '$':
			if l.peek(1) == '{' {
				l.i += 2
				l.emit(jsOther, start)
				l.braces = append(l.braces, 0)
				// "${" is followed by an expression: a "/" there is a regex.
				l.toks = append(l.toks, jsToken{kind: jsPunct, text: "${", start: l.i - 2, end: l.i})
				return nil
			}
		}
	}
	return l.errorf(start, "unterminated template literal")
}

func (l *jsLexer) regex() error {
	start, inClass := l.i, false
	for l.i++; l.i < len(l.src); l.i++ {
		switch c := l.src[l.i]; {
		case c == '\\':
			l.i++
		case c == '\n':
			return l.errorf(start, "unterminated regular expression")
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			for l.i++; l.i < len(l.src) && isIdentPart(l.src[l.i]); l.i++ { // flags
			}
			l.emit(jsOther, start)
			return nil
		}
	}
	return l.errorf(start, "unterminated regular expression")
}

// regexAllowed tells a regular expression from a division by the token
// before it: after a value (a name, a number, ")" or "]") it divides.
func (l *jsLexer) regexAllowed() bool {
	if len(l.toks) == 0 {
		return true
	}
	prev := l.toks[len(l.toks)-1]
	switch prev.kind {
	case jsIdent:
		return keywordsBeforeExpression[prev.text]
	case jsPunct:
		return prev.text != ")" && prev.text != "]" && prev.text != "}"
	}
	return false
}

func (l *jsLexer) emit(kind jsTokenKind, start int) {
	l.toks = append(l.toks, jsToken{kind: kind, text: string(l.src[start:l.i]), start: start, end: l.i})
}

func (l *jsLexer) peek(n int) byte {
	if l.i+n < len(l.src) {
		return l.src[l.i+n]
	}
	return 0
}

// errorf reports a position as line:column, the way editors show it.
func (l *jsLexer) errorf(at int, msg string) error {
	line, col := 1, 1
	for _, c := range l.src[:at] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%d:%d: %s", line, col, msg)
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isIdentPart(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }
