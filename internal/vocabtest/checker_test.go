package vocabtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// owners may spell the vocabulary out: it is theirs.
var owners = []string{"internal/topology/", "internal/i18n/"}

// catalogKey is a catalog lookup of a name the model labels itself
// ("mode."+m, "flow.kubelet-to-apiserver", …).
var catalogKey = regexp.MustCompile(`^(mode|flow|net|view|answer|trade|aspect)\.[a-z-]*$`)

// vocab is what the checker knows: each list of names by what it is
// called, and the constants of the owning packages by "pkg.Name".
type vocab struct {
	lists  map[string][]string
	consts map[string]constant
}

// listOfType says which vocabulary a constant of each owner type names.
var listOfType = map[string]string{
	"Lang": "languages", "Mode": "modes", "FlowID": "flows", "View": "views",
	"Location": "locations", "SubnetKind": "subnet kinds", "Network": "networks",
	"NodePlacement": "node placements", "Service": "endpoint services",
}

func newVocab(consts map[string]constant) vocab {
	return vocab{consts: consts, lists: map[string][]string{
		"languages":         i18n.List(),
		"modes":             strs(topology.Modes()),
		"flows":             strs(topology.Flows()),
		"views":             strs(topology.Views()),
		"locations":         strs(topology.Locations()),
		"subnet kinds":      strs(topology.SubnetKinds()),
		"networks":          strs(topology.Networks()),
		"node placements":   strs(topology.NodePlacements()),
		"endpoint services": strs(topology.Services()),
	}}
}

// finding is one place that defines what the owners already define.
type finding struct {
	pos token.Position
	msg string
}

func (f finding) String() string { return fmt.Sprintf("%s: %s", f.pos, f.msg) }

// check parses one Go file and reports every second definition in it:
//   - a composite literal listing two or more languages (by literal or
//     by i18n constant), or listing names of one vocabulary: two or more
//     string literals and nothing else, or every value of the vocabulary
//     by literal or constant;
//   - a comparison or switch case against a language literal ("ko"),
//     which decides what i18n.Other or i18n.Supported decide;
//   - a string literal spelling a hyphenated name of the model
//     ("public-private", "kubelet-to-apiserver"), which only a constant
//     should spell;
//   - a string literal that is a catalog key for a model name.
func (v vocab) check(fset *token.FileSet, name string, src []byte) ([]finding, error) {
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []finding
	add := func(n ast.Node, format string, args ...any) {
		out = append(out, finding{fset.Position(n.Pos()), fmt.Sprintf(format, args...)})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			for _, msg := range v.checkList(n) {
				add(n, "%s", msg)
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if s, ok := literal(side); ok && v.in("languages", s) {
						add(n, "compares with the language %q: use i18n (Other, Supported, KO/EN)", s)
					}
				}
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if s, ok := literal(e); ok && v.in("languages", s) {
					add(e, "switches on the language %q: use i18n (Other, Supported, KO/EN)", s)
				}
			}
		case *ast.BasicLit:
			s, ok := literal(n)
			if !ok {
				break
			}
			if catalogKey.MatchString(s) {
				add(n, "catalog key %q: the model labels this itself (topology …Label) or it is content data", s)
			}
			if what := v.hyphenated(s); what != "" {
				add(n, "spells the %s name %q: use the topology constant", what, s)
			}
		}
		return true
	})
	return out, nil
}

// checkList reports a composite literal that lists a vocabulary again:
// two or more string literals and nothing else, all names of it; every
// name of it by typed constant; or every name of it by literal among
// other values, where the names are distinctive enough to mean nothing
// else (the languages, or a vocabulary of three or more). "public" and
// "private" beside "client" are query parameter names, not subnet kinds.
func (v vocab) checkList(n *ast.CompositeLit) []string {
	var lits []string
	typed := map[string][]string{} // vocabulary -> constants of its type
	others := 0
	for _, e := range elements(n) {
		if s, ok := literal(e); ok {
			lits = append(lits, s)
		} else if c, ok := v.constant(e); ok {
			typed[c.list] = append(typed[c.list], c.value)
		} else {
			others++
		}
	}
	var what []string
	for _, name := range sortedKeys(v.lists) {
		list := v.lists[name]
		inLits := distinct(lits, list)
		pure := len(lits) >= 2 && len(inLits) == len(lits) && others == 0 && len(typed) == 0
		full := len(inLits) == len(list) && (name == "languages" || len(list) >= 3)
		byConst := len(typed[name]) > 0 && len(distinct(append(typed[name], inLits...), list)) == len(list)
		if pure || full || byConst {
			what = append(what, name)
		}
	}
	if len(what) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("lists %s again: use the enumerator", strings.Join(what, " or "))}
}

// elements are the names a composite literal lists: its elements, and
// for key: value pairs the key (a map's) and the value.
func elements(n *ast.CompositeLit) []ast.Expr {
	var out []ast.Expr
	for _, e := range n.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if _, field := kv.Key.(*ast.Ident); !field {
				out = append(out, kv.Key)
			}
			out = append(out, kv.Value)
			continue
		}
		out = append(out, e)
	}
	return out
}

func (v vocab) in(what, s string) bool { return len(distinct([]string{s}, v.lists[what])) == 1 }

func (v vocab) hyphenated(s string) string {
	if !strings.Contains(s, "-") {
		return ""
	}
	for _, what := range sortedKeys(v.lists) {
		if v.in(what, s) {
			return strings.TrimSuffix(what, "s")
		}
	}
	return ""
}

// constant is a name the owners define, with the vocabulary its type
// belongs to.
type constant struct{ list, value string }

// constant resolves pkg.Name to a constant the owners declare.
func (v vocab) constant(e ast.Expr) (constant, bool) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return constant{}, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return constant{}, false
	}
	c, ok := v.consts[pkg.Name+"."+sel.Sel.Name]
	return c, ok
}

func literal(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// distinct returns the members of list found in xs, in list order.
func distinct(xs, list []string) []string {
	var out []string
	for _, l := range list {
		for _, x := range xs {
			if x == l {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
