package iac

// Readers of a node's value: each refuses a reference or function it
// cannot evaluate (NOT_LITERAL) and a value of the wrong kind (BAD_TYPE).

func (r *reading) boolAt(n *node, w where) (bool, error) {
	if err := r.literal(n, w); err != nil {
		return false, err
	}
	if n.kind == scalarNode && (n.tag == "bool" || n.tag == "string") {
		switch n.value {
		case "true", "True", "TRUE":
			return true, nil
		case "false", "False", "FALSE":
			return false, nil
		}
	}
	return false, r.fail(CodeBadType, w, show(n), WantBool)
}

func (r *reading) stringAt(n *node, w where) (string, error) {
	if err := r.literal(n, w); err != nil {
		return "", err
	}
	if n.kind != scalarNode || n.tag == "null" {
		return "", r.fail(CodeBadType, w, show(n), WantString)
	}
	return n.value, nil
}

func (r *reading) stringsAt(n *node, w where) ([]string, error) {
	if err := r.literal(n, w); err != nil {
		return nil, err
	}
	if n.kind != listNode {
		return nil, r.fail(CodeBadType, w, show(n), WantList)
	}
	out := []string{}
	for _, it := range n.items {
		s, err := r.stringAt(it, where{it.line, w.path})
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (r *reading) literal(n *node, w where) error {
	if fn, ok := n.intrinsic(); ok {
		return r.fail(CodeNotLiteral, w, fn, WantLiteral)
	}
	return nil
}

// show is a value as the paste wrote it, for messages.
func show(n *node) string {
	switch n.kind {
	case mapNode:
		return "{...}"
	case listNode:
		return "[...]"
	}
	return n.value
}
