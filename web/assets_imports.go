package web

// importRef is one module specifier in a JavaScript file: the string
// literal after import/export ... from, import '...', or import('...').
type importRef struct {
	spec       string // the specifier without its quotes
	start, end int    // the string literal's bytes in the source, quotes included
	dynamic    bool   // import('...'): loaded on demand, so not preloaded
}

// findImports lists the module specifiers of a JavaScript file. Only
// string literals count: import(expression) is left alone, since no one
// can know at start-up which file it names.
func findImports(src []byte) ([]importRef, error) {
	toks, err := lexJS(src)
	if err != nil {
		return nil, err
	}
	var refs []importRef
	for k, t := range toks {
		if t.kind != jsIdent || (k > 0 && toks[k-1].text == ".") { // obj.import is a property
			continue
		}
		var ref *importRef
		switch t.text {
		case "import":
			ref = importAt(toks, k+1)
		case "export":
			ref = exportFromAt(toks, k+1)
		}
		if ref != nil {
			refs = append(refs, *ref)
		}
	}
	return refs, nil
}

// importAt reads what follows the keyword import at toks[j]:
//
//	import './x.js'                         side effects only
//	import('./x.js')  import('./x.js', {})  dynamic
//	import a, { b as c } from './x.js'      and the other clause forms
//
// import.meta and anything unrecognised yield nil.
func importAt(toks []jsToken, j int) *importRef {
	switch {
	case at(toks, j, jsString, ""):
		return refOf(toks[j], false)
	case at(toks, j, jsPunct, "("):
		if at(toks, j+1, jsString, "") && (at(toks, j+2, jsPunct, ")") || at(toks, j+2, jsPunct, ",")) {
			return refOf(toks[j+1], true)
		}
		return nil
	}
	if at(toks, j, jsIdent, "") && !at(toks, j, jsIdent, "from") { // default binding
		j++
		if !at(toks, j, jsPunct, ",") {
			return fromAt(toks, j)
		}
		j++
	}
	return fromAt(toks, clauseEnd(toks, j))
}

// exportFromAt reads a re-export after the keyword export at toks[j]:
// export * from '...', export * as ns from '...', export { a } from '...'.
// Every other export (a declaration, export { a } alone) yields nil.
func exportFromAt(toks []jsToken, j int) *importRef {
	if !at(toks, j, jsPunct, "*") && !at(toks, j, jsPunct, "{") {
		return nil
	}
	return fromAt(toks, clauseEnd(toks, j))
}

// clauseEnd skips a named-bindings clause, "{ ... }" or "* as name",
// starting at toks[j], and returns where the clause ends; -1 if toks[j]
// starts neither.
func clauseEnd(toks []jsToken, j int) int {
	switch {
	case at(toks, j, jsPunct, "*"):
		if at(toks, j+1, jsIdent, "as") && at(toks, j+2, jsIdent, "") {
			return j + 3
		}
		return j + 1 // export * from
	case at(toks, j, jsPunct, "{"):
		for j++; j < len(toks); j++ {
			if toks[j].text == "}" {
				return j + 1
			}
			if toks[j].kind != jsIdent && toks[j].kind != jsString && toks[j].text != "," {
				return -1
			}
		}
	}
	return -1
}

// fromAt expects "from '<specifier>'" at toks[j].
func fromAt(toks []jsToken, j int) *importRef {
	if j >= 0 && at(toks, j, jsIdent, "from") && at(toks, j+1, jsString, "") {
		return refOf(toks[j+1], false)
	}
	return nil
}

// at reports whether toks[j] exists, is of kind and, unless text is "",
// reads text.
func at(toks []jsToken, j int, kind jsTokenKind, text string) bool {
	return j >= 0 && j < len(toks) && toks[j].kind == kind && (text == "" || toks[j].text == text)
}

func refOf(t jsToken, dynamic bool) *importRef {
	return &importRef{spec: t.text[1 : len(t.text)-1], start: t.start, end: t.end, dynamic: dynamic}
}
