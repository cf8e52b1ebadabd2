package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/static"
)

// moduleTree is a small import graph:
//
//	js/app.js → js/lib/ui.js → js/lib/dom.js
//	          ⇢ js/lazy.js (dynamic) → ../js/lib/dom.js
func moduleTree(dom string) fstest.MapFS {
	return fstest.MapFS{
		"js/app.js":     {Data: []byte("import { ui } from './lib/ui.js';\nconst lazy = () => import(\"./lazy.js\");\n")},
		"js/lib/ui.js":  {Data: []byte("import { el } from './dom.js';\nexport const ui = el;\n")},
		"js/lib/dom.js": {Data: []byte(dom)},
		"js/lazy.js":    {Data: []byte("export * from '../js/lib/dom.js';\n")},
		"css/site.css":  {Data: []byte("body{}")},
	}
}

func mustAssets(t *testing.T, fsys fstest.MapFS) *Assets {
	t.Helper()
	a, err := NewAssets(fsys, nil)
	require.NoError(t, err)
	return a
}

// body fetches a hashed URL through Serve, as the browser would.
func body(t *testing.T, a *Assets, url string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	require.True(t, a.Serve(rec, httptest.NewRequest(http.MethodGet, url, nil)), url)
	b, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return string(b)
}

func TestAssetsRewriteImportsToHashedURLs(t *testing.T) {
	a := mustAssets(t, moduleTree("export const el = 1;\n"))
	app := body(t, a, a.URL("js/app.js"))
	assert.Contains(t, app, "from '"+a.URL("js/lib/ui.js")+"'", "static import, quote kept")
	assert.Contains(t, app, `import("`+a.URL("js/lazy.js")+`")`, "dynamic import, quote kept")
	assert.Contains(t, body(t, a, a.URL("js/lib/ui.js")), "from '"+a.URL("js/lib/dom.js")+"'")
	assert.Contains(t, body(t, a, a.URL("js/lazy.js")), "from '"+a.URL("js/lib/dom.js")+"'", "../ resolves against the importer's folder")
	for _, name := range []string{"js/app.js", "js/lib/ui.js", "js/lazy.js"} {
		assert.NotRegexp(t, `'\.\.?/`, body(t, a, a.URL(name)), "%s keeps no relative specifier", name)
	}
	assert.Regexp(t, `^/static/js/lib/dom\.[0-9a-f]{10}\.js$`, a.URL("js/lib/dom.js"))
}

func TestAssetsChangedLeafChangesEveryImportersURL(t *testing.T) {
	before := mustAssets(t, moduleTree("export const el = 1;\n"))
	after := mustAssets(t, moduleTree("export const el = 2;\n"))
	for _, name := range []string{"js/lib/dom.js", "js/lib/ui.js", "js/app.js", "js/lazy.js"} {
		assert.NotEqual(t, before.URL(name), after.URL(name), "%s imports the changed file, directly or not", name)
	}
	assert.Equal(t, before.URL("css/site.css"), after.URL("css/site.css"), "an unrelated file keeps its URL")
	// The importer's new body names the new leaf, so old and new never mix.
	assert.Contains(t, body(t, after, after.URL("js/lib/ui.js")), after.URL("js/lib/dom.js"))
	assert.NotContains(t, body(t, after, after.URL("js/lib/ui.js")), before.URL("js/lib/dom.js"))
}

func TestAssetsPreloadsAreTheStaticDependencies(t *testing.T) {
	a := mustAssets(t, moduleTree("export const el = 1;\n"))
	assert.Equal(t, []string{a.URL("js/lib/dom.js"), a.URL("js/lib/ui.js")}, a.Preloads("js/app.js"),
		"deepest first, without the dynamic import js/lazy.js")
	assert.Equal(t, []string{a.URL("js/lib/dom.js")}, a.Preloads("js/lazy.js"), "a re-export is a static import")
	assert.Empty(t, a.Preloads("js/lib/dom.js"))
	assert.Empty(t, a.Preloads("js/nope.js"))
}

func TestAssetsStartUpErrorsNameTheFiles(t *testing.T) {
	for name, tc := range map[string]struct {
		files fstest.MapFS
		want  []string
	}{
		"missing target": {fstest.MapFS{
			"js/a.js": {Data: []byte("import './gone.js';")},
		}, []string{"js/a.js", "./gone.js", "js/gone.js"}},
		"outside the root": {fstest.MapFS{
			"js/a.js": {Data: []byte("import '../../a.js';")},
		}, []string{"js/a.js", "../../a.js"}},
		"bare specifier": {fstest.MapFS{
			"js/a.js": {Data: []byte("import x from 'lodash';")},
		}, []string{"js/a.js", "lodash", "relative"}},
		"cycle": {fstest.MapFS{
			"js/a.js": {Data: []byte("import './b.js';")},
			"js/b.js": {Data: []byte("import './c.js';")},
			"js/c.js": {Data: []byte("export * from './a.js';")},
		}, []string{"import cycle js/a.js → js/b.js → js/c.js → js/a.js"}},
		"dynamic cycle": {fstest.MapFS{
			"js/a.js": {Data: []byte("import('./a.js');")},
		}, []string{"import cycle js/a.js → js/a.js"}},
		"unlexable file": {fstest.MapFS{
			"js/a.js": {Data: []byte("const s = 'open;\n")},
		}, []string{"js/a.js:1:11: unterminated string"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewAssets(tc.files, nil)
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestStaticModulesImportHashedURLs checks the real tree: every module the
// player needs is reachable from the page's entry, and no served module
// imports anything but a served hashed URL (a relative specifier left
// over would resolve to a 404).
func TestStaticModulesImportHashedURLs(t *testing.T) {
	a, err := NewAssets(static.FS, nil)
	require.NoError(t, err)
	preloads := a.Preloads("js/player.js")
	for _, name := range []string{"js/player/player.js", "js/keymap.js", "js/player/packet.js", "js/player/fetch-figure.js", "js/player/url-state.js"} {
		assert.Contains(t, preloads, a.URL(name), "the player page preloads %s", name)
	}
	assert.NotContains(t, preloads, a.URL("js/player/png.js"), "PNG export loads on demand")
	assert.Contains(t, string(a.byName["js/player/player.js"].body), "import('"+a.URL("js/player/png.js")+"')")
	for name, as := range a.byName {
		if path.Ext(name) != ".js" {
			continue
		}
		refs, err := findImports(as.body)
		require.NoError(t, err, name)
		for _, ref := range refs {
			_, served := a.byURL[ref.spec]
			assert.True(t, served, "%s imports %s, which must be a served hashed URL", name, ref.spec)
		}
	}
}
