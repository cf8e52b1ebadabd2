package web

import (
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/diagram"
)

// NewApp wires the whole tutor from its two file trees: it loads and
// validates the content, hashes the static files and returns the routes.
// main and the end-to-end tests share it.
func NewApp(contentFS, staticFS fs.FS, log *slog.Logger) (http.Handler, error) {
	// The data loads first: chapter diagrams carry its notes.
	data, err := content.LoadData(contentFS)
	if err != nil {
		return nil, err
	}
	lib, err := content.Load(contentFS, content.Options{Diagrams: figureEmbedder{notes: data}, Data: data})
	if err != nil {
		return nil, err
	}
	assets, err := NewAssets(staticFS, map[string][]byte{"css/diagram.css": []byte(diagram.CSS)})
	if err != nil {
		return nil, err
	}
	return New(Deps{Library: lib, Assets: assets, Logger: log}), nil
}
