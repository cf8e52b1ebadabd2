package web

import (
	"net/http"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// resolve serves the resolver's answer, the model's canonical JSON, e.g.
// GET /api/v1/resolve?public=true&private=false
func (s *server) resolve(w http.ResponseWriter, r *http.Request) error {
	cfg, err := params.DecodeConfig(r.URL.RawQuery)
	if err != nil {
		return err
	}
	res, err := topology.Resolve(cfg)
	if err != nil {
		return err // DecodeConfig admits only configurations the resolver takes
	}
	return writeDocumentJSON(w, res)
}
