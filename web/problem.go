package web

import (
	"encoding/json"
	"errors"
	"net/http"
)

// problemDetails is an RFC 9457 problem body for the JSON API: what was
// wrong, which parameter, and what is accepted.
type problemDetails struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail"`
	Instance      string         `json:"instance,omitempty"`
	InvalidParams []invalidParam `json:"invalid_params,omitempty"`
}

type invalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// paramError is a bad query parameter; API handlers return it and
// handleAPI turns it into a problem body.
type paramError struct {
	name, reason string
}

func (e *paramError) Error() string { return "parameter " + e.name + ": " + e.reason }

// handleAPI adapts a JSON handler: parameter errors become 400 problem
// bodies naming the parameter; anything else is logged and becomes a 500
// problem without internal detail.
func (s *server) handleAPI(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		p := problemDetails{Type: "about:blank", Instance: r.URL.RequestURI()}
		var he *httpError
		if pe, ok := err.(*paramError); ok {
			p.Status, p.Title = http.StatusBadRequest, "Bad Request"
			p.Detail = "The query parameter " + pe.name + " is invalid: " + pe.reason
			p.InvalidParams = []invalidParam{{Name: pe.name, Reason: pe.reason}}
		} else if errors.As(err, &he) {
			p.Status, p.Title, p.Detail = he.status, http.StatusText(he.status), he.detail
			if he.status == http.StatusMethodNotAllowed {
				w.Header().Set("Allow", "GET, HEAD")
			}
		} else {
			s.log.ErrorContext(r.Context(), "api request failed", "path", r.URL.Path, "err", err)
			p.Status, p.Title, p.Detail = http.StatusInternalServerError, "Internal Server Error", "The error has been logged."
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(p.Status)
		_ = json.NewEncoder(w).Encode(p)
	}
}

// writeJSON writes v as indented JSON (the API is also read by people).
func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(append(b, '\n'))
	return err
}
