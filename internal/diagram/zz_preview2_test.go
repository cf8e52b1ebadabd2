package diagram

import (
	"os"
	"strings"
	"testing"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestZZPage(t *testing.T) {
	dir := os.Getenv("PREVIEW_DIR")
	if dir == "" {
		t.Skip()
	}
	var b strings.Builder
	if err := Render(&b, Options{View: ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}); err != nil {
		t.Fatal(err)
	}
	html := `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="diagram.css"><style>body{margin:0;background:#888}.eks-diagram{width:1280px;display:block}</style></head><body>` + b.String() + `</body></html>`
	os.WriteFile(dir+"/page.html", []byte(html), 0o644)
	os.WriteFile(dir+"/diagram.css", []byte(CSS), 0o644)
}
