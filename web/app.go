package web

import (
	"io/fs"
	"net/http"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/search"
)

// NewApp wires the whole tutor from its two file trees: it loads and
// validates the content, hashes the static files and returns the routes.
// main and the end-to-end tests share it.
func NewApp(contentFS, staticFS fs.FS, d Deps) (http.Handler, error) {
	if err := load(contentFS, staticFS, &d); err != nil {
		return nil, err
	}
	return New(d), nil
}

// load fills d's content, assets and search index from the two trees.
func load(contentFS, staticFS fs.FS, d *Deps) error {
	// The data loads first: chapter diagrams carry its notes.
	data, err := content.LoadData(contentFS)
	if err != nil {
		return err
	}
	lib, err := content.Load(contentFS, content.Options{Blocks: blockRenderer{notes: data}, Data: data, Reserved: ReservedSlugs()})
	if err != nil {
		return err
	}
	// Stylesheets learn the theme switch's data-theme attribute (theme_css.go).
	css, err := themedStylesheets(staticFS, map[string]string{"css/diagram.css": diagram.CSS})
	if err != nil {
		return err
	}
	assets, err := NewAssets(staticFS, css)
	if err != nil {
		return err
	}
	d.Library, d.Assets = lib, assets
	// The index is built once, here. Quiz explanations join it by
	// appending their search.Documents to this slice.
	d.Search = search.New(append(search.LibraryDocuments(lib), quizDocuments(lib)...))
	ex, err := exercise.Load(contentFS)
	if err != nil {
		return err
	}
	d.Exercises = ex
	return nil
}
