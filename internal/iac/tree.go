package iac

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// node is a parsed JSON or YAML document in one shape, so the
// describe-cluster, eksctl and CloudFormation readers walk either with
// the same code and can always say which line a value is on.
type node struct {
	kind  nodeKind
	line  int
	tag   string // scalars: "bool", "string", "number" or "null"
	value string // a scalar's text
	keys  []string
	vals  []*node // a mapping's values, in the order of keys
	items []*node // a sequence's items
}

type nodeKind int

const (
	scalarNode nodeKind = iota
	mapNode
	listNode
)

// get is the value of a mapping's key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != mapNode {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// intrinsic reports whether n is a CloudFormation intrinsic function or
// reference ({"Ref": ...}, {"Fn::Sub": ...}, or YAML's !Ref, !Sub), and
// which.
func (n *node) intrinsic() (string, bool) {
	if n == nil || n.kind != mapNode || len(n.keys) != 1 {
		return "", false
	}
	k := n.keys[0]
	return k, k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::")
}

// lineIndex maps byte offsets to 1-based lines.
type lineIndex []int

func newLineIndex(b []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range b {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) line(offset int64) int {
	return sort.Search(len(l), func(i int) bool { return int64(l[i]) > offset })
}

// parseJSON reads one JSON value with encoding/json's tokenizer, keeping
// each value's line. A key given twice is refused, as YAML refuses it:
// two answers for one setting hide which one AWS would use.
func parseJSON(b []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	lines := newLineIndex(b)
	n, err := jsonValue(d, lines)
	if err != nil {
		return nil, jsonError(err, d, lines)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, &Error{Code: CodeSyntax, Line: lines.line(d.InputOffset()), Detail: "unexpected data after the JSON value"}
	}
	return n, nil
}

func jsonError(err error, d *json.Decoder, lines lineIndex) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var se *json.SyntaxError
	off := d.InputOffset()
	if errors.As(err, &se) {
		off = se.Offset
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = io.ErrUnexpectedEOF
	}
	return &Error{Code: CodeSyntax, Line: lines.line(off), Detail: err.Error()}
}

func jsonValue(d *json.Decoder, lines lineIndex) (*node, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	// The offset after a token is on the token's line (JSON tokens span
	// no lines); the offset before it may still be on the previous one.
	n := &node{line: lines.line(d.InputOffset() - 1)}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			n.kind = mapNode
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				if n.get(k) != nil {
					return nil, &Error{Code: CodeSyntax, Line: lines.line(d.InputOffset()), Value: k, Detail: "key " + k + " is given twice"}
				}
				v, err := jsonValue(d, lines)
				if err != nil {
					return nil, err
				}
				n.keys, n.vals = append(n.keys, k), append(n.vals, v)
			}
		} else {
			n.kind = listNode
			for d.More() {
				v, err := jsonValue(d, lines)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, err := d.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case bool:
		n.tag, n.value = "bool", boolWord(t)
	case string:
		n.tag, n.value = "string", t
	case json.Number:
		n.tag, n.value = "number", t.String()
	case nil:
		n.tag, n.value = "null", "null"
	}
	return n, nil
}

// parseYAML reads one YAML document with yaml.v3, turning CloudFormation's
// short tags (!Ref X, !Sub s) into their long form ({"Ref": X}).
func parseYAML(b []byte) (n *node, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input before; a paste is
		// untrusted, so a parser panic is that paste's syntax error.
		if p := recover(); p != nil {
			n, err = nil, &Error{Code: CodeSyntax, Detail: fmt.Sprint("the YAML parser failed: ", p)}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, yamlError(err)
	}
	if len(doc.Content) == 0 {
		return &node{tag: "null"}, nil
	}
	return fromYAML(doc.Content[0], map[*yaml.Node]*node{}), nil
}

// yamlError keeps the parser's message and finds its line ("yaml: line
// 3: ..."); yaml.v3 says lines only in its messages.
func yamlError(err error) error {
	msg := err.Error()
	e := &Error{Code: CodeSyntax, Detail: msg}
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		n := 0
		for _, c := range rest {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
			if n > 1<<24 {
				break
			}
		}
		e.Line = n
	}
	return e
}

// fromYAML converts a yaml.v3 node; seen shares the conversion of a node
// that aliases refer to, so a chain of aliases cannot grow the tree.
func fromYAML(y *yaml.Node, seen map[*yaml.Node]*node) *node {
	if n, ok := seen[y]; ok {
		return n
	}
	n := &node{line: y.Line}
	seen[y] = n
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias != nil {
			*n = *fromYAML(y.Alias, seen)
		}
		return n
	case yaml.DocumentNode:
		if len(y.Content) > 0 {
			*n = *fromYAML(y.Content[0], seen)
		}
		return n
	case yaml.MappingNode:
		n.kind = mapNode
		for i := 0; i+1 < len(y.Content); i += 2 {
			n.keys = append(n.keys, y.Content[i].Value)
			n.vals = append(n.vals, fromYAML(y.Content[i+1], seen))
		}
	case yaml.SequenceNode:
		n.kind = listNode
		for _, c := range y.Content {
			n.items = append(n.items, fromYAML(c, seen))
		}
	case yaml.ScalarNode:
		n.value = y.Value
		switch y.ShortTag() {
		case "!!bool":
			n.tag = "bool"
		case "!!int", "!!float":
			n.tag = "number"
		case "!!null":
			n.tag = "null"
		default:
			n.tag = "string"
		}
	}
	if t := y.Tag; strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "!!") {
		return cfnShortForm(t[1:], n)
	}
	return n
}

// cfnShortForm is CloudFormation's long form of a short-form tag: !Ref X
// is {"Ref": X}, !GetAtt A.B is {"Fn::GetAtt": ...}, !Sub s is
// {"Fn::Sub": s}.
func cfnShortForm(name string, v *node) *node {
	key := "Fn::" + name
	if name == "Ref" || name == "Condition" {
		key = name
	}
	return &node{kind: mapNode, line: v.line, keys: []string{key}, vals: []*node{v}}
}
