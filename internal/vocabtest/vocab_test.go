package vocabtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Nothing outside topology and i18n defines a second list of the
// vocabulary or a second label for it.
func TestNoSecondVocabulary(t *testing.T) {
	root := repoRoot(t)
	v := newVocab(ownerConstants(t, root))
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") || owned(rel) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		found, err := v.check(fset, rel, src)
		require.NoError(t, err)
		for _, f := range found {
			t.Error(f)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, files, 30, "the walk found the repository's Go files")
}

// The checker itself: each rule fires on what it is for, and stays quiet
// on the ordinary code beside it.
func TestCheckerFindsSecondDefinitions(t *testing.T) {
	v := newVocab(map[string]constant{
		"topology.NetInternet": {"networks", "internet"}, "topology.NetAWS": {"networks", "aws"}, "topology.NetAWSPublic": {"networks", "aws-public"},
		"topology.NetVPC": {"networks", "vpc"}, "topology.NetConnected": {"networks", "connected"},
		"i18n.KO": {"languages", "ko"}, "i18n.EN": {"languages", "en"},
	})
	tests := []struct {
		name, src string
		want      int
	}{
		{"language slice", `var x = []string{"ko", "en"}`, 1},
		{"language map", `var x = map[string]string{"en": "Hello", "ko": "안녕"}`, 1},
		{"language constants", `var x = []string{i18n.KO, i18n.EN}`, 1},
		{"language compare", `func f(l string) bool { return l == "ko" }`, 1},
		{"language switch", `func f(l string) { switch l { case "en": } }`, 1},
		{"mode list", `var x = []string{"public", "public-private", "private"}`, 2}, // list + hyphenated name
		{"mode list among others", `var x = []string{"", "public", "public-private", "private"}`, 2},
		{"flow name", `var x = "kubelet-to-apiserver"`, 1},
		{"subnet kinds", `var x = []string{"public", "private"}`, 1},
		{"every network by constant", `var x = []topology.Network{topology.NetInternet, topology.NetAWSPublic, topology.NetAWS, topology.NetVPC, topology.NetConnected}`, 1},
		{"catalog lookup", `func f() string { return T(lang, "mode."+m) }`, 1},
		{"some networks by constant", `var x = []topology.Network{topology.NetInternet, topology.NetAWS}`, 0},
		{"parameter names", `var x = []string{"public", "private", "client", "node_subnet"}`, 0},
		{"one language", `func f() string { return T(i18n.KO, "site") }`, 0},
		{"struct fields", `var x = Options{View: "overview", Lang: lang}`, 0},
		{"plain words", `var x = []string{"security", "cost", "convenience"}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := v.check(token.NewFileSet(), "x.go", []byte("package x\n"+tt.src+"\n"))
			require.NoError(t, err)
			assert.Len(t, got, tt.want, "%v", got)
		})
	}
}

// ownerConstants reads the typed string constants topology and i18n
// declare, so the checker also recognises topology.ModePublic or i18n.KO
// in a list. A const block's type carries over to the lines after it.
func ownerConstants(t *testing.T, root string) map[string]constant {
	out := map[string]constant{}
	for _, dir := range owners {
		pkg := filepath.Base(strings.TrimSuffix(dir, "/"))
		pkgs, err := parser.ParseDir(token.NewFileSet(), filepath.Join(root, dir), func(fi fs.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, p := range pkgs {
			for _, f := range p.Files {
				for _, d := range f.Decls {
					g, ok := d.(*ast.GenDecl)
					if !ok || g.Tok != token.CONST {
						continue
					}
					typ := ""
					for _, spec := range g.Specs {
						vs := spec.(*ast.ValueSpec)
						if id, ok := vs.Type.(*ast.Ident); ok {
							typ = id.Name
						}
						list, known := listOfType[typ]
						for i, n := range vs.Names {
							if s, ok := literal(valueAt(vs, i)); ok && known {
								out[pkg+"."+n.Name] = constant{list, s}
							}
						}
					}
				}
			}
		}
	}
	require.Contains(t, out, "topology.ModePublicPrivate")
	require.Contains(t, out, "i18n.KO")
	return out
}

func valueAt(vs *ast.ValueSpec, i int) ast.Expr {
	if i < len(vs.Values) {
		return vs.Values[i]
	}
	return nil
}

func owned(rel string) bool {
	for _, o := range owners {
		if strings.HasPrefix(rel, o) {
			return true
		}
	}
	return false
}

func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "no go.mod above the test")
		dir = parent
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
