package web

import (
	"net/http"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// resolve serves the resolver's answer, the model's canonical JSON, e.g.
// GET /api/v1/resolve?public=true&private=false
func (s *server) resolve(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, configParams...); err != nil {
		return err
	}
	cfg, err := configFromQuery(q)
	if err != nil {
		return err
	}
	res, err := topology.Resolve(cfg)
	if err != nil {
		return &paramError{"public", err.Error()}
	}
	return writeJSON(w, res)
}
