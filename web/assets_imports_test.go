package web

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindImportsReadsEveryImportForm(t *testing.T) {
	src := `import './side-effect.js';
import def from "./default.js";
import def2, { a, b as c } from './mixed.js';
import * as ns from './namespace.js';
import { from } from './named-from.js';
import {
  x,
  y,
} from './multiline.js';
export * from './reexport-all.js';
export * as re from './reexport-ns.js';
export { d, e as f } from './reexport-named.js';
const lazy = () => import('./dynamic.js');
const withOptions = import("./dynamic-options.js", {});
`
	refs, err := findImports([]byte(src))
	require.NoError(t, err)
	var got []string
	for _, r := range refs {
		assert.Equal(t, `'`+r.spec+`'`, replaceQuotes(src[r.start:r.end]), "offsets cover the literal of %s", r.spec)
		if r.dynamic {
			got = append(got, "dynamic "+r.spec)
		} else {
			got = append(got, r.spec)
		}
	}
	assert.Equal(t, []string{
		"./side-effect.js", "./default.js", "./mixed.js", "./namespace.js", "./named-from.js",
		"./multiline.js", "./reexport-all.js", "./reexport-ns.js", "./reexport-named.js",
		"dynamic ./dynamic.js", "dynamic ./dynamic-options.js",
	}, got)
}

func replaceQuotes(lit string) string { return "'" + lit[1:len(lit)-1] + "'" }

func TestFindImportsIgnoresLookalikes(t *testing.T) {
	for name, src := range map[string]string{
		"line comment":        "// import './a.js'\n",
		"block comment":       "/* import x from './a.js' */",
		"string":              `const s = "import './a.js'";`,
		"template":            "const s = `import x from './a.js' ${1 + 2} import('./b.js')`;",
		"regex":               `const r = /import '.\/a.js'/g;`,
		"regex with quote":    `if (/'/.test(s)) x = 1; const t = "import('./a.js')";`,
		"import.meta":         `const u = import.meta.url;`,
		"property":            `loader.import('./a.js');`,
		"dynamic expression":  `import('./' + name + '.js');`,
		"plain export":        `export { a, b }; export const from = 1;`,
		"export default":      `export default function () {}`,
		"division, not regex": `const q = (total) / 2; import('./ok.js'); const r = a[0] / 4 + 'x' / 8;`,
	} {
		t.Run(name, func(t *testing.T) {
			refs, err := findImports([]byte(src))
			require.NoError(t, err)
			var specs []string
			for _, r := range refs {
				specs = append(specs, r.spec)
			}
			if name == "division, not regex" {
				assert.Equal(t, []string{"./ok.js"}, specs, "a division must not swallow what follows as a regex")
				return
			}
			assert.Empty(t, specs)
		})
	}
}

func TestFindImportsTemplateExpressions(t *testing.T) {
	// An import after a template with nested braces and strings must be
	// seen: the lexer has to find where the template ends.
	src := "const s = `a ${ {k: '}'}.k } b ${`inner ${1}`} c`;\nimport x from './after.js';"
	refs, err := findImports([]byte(src))
	require.NoError(t, err)
	require.Len(t, refs, 1)
	assert.Equal(t, "./after.js", refs[0].spec)
}

func TestFindImportsRejectsUnterminated(t *testing.T) {
	for name, src := range map[string]string{
		"string":   "import x from './a.js;\n",
		"comment":  "/* import x from './a.js'",
		"template": "const s = `abc ${x}",
		"regex":    "const r = /abc\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := findImports([]byte(src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "unterminated")
			assert.Regexp(t, `^\d+:\d+: `, err.Error(), "the error says where")
		})
	}
}
