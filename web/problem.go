package web

import (
	"encoding/json"
	"net/http"
	"strings"
)

// problemDetails is an RFC 9457 problem body for the JSON API: what was
// wrong, which parameters, and what each accepts, in the client's
// language (Accept-Language).
type problemDetails struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail"`
	Instance      string         `json:"instance,omitempty"`
	InvalidParams []invalidParam `json:"invalid_params,omitempty"`
}

type invalidParam struct {
	Name     string `json:"name"`
	Problem  string `json:"problem"`
	Reason   string `json:"reason"`
	Accepted string `json:"accepted,omitempty"`
}

// handleAPI adapts a JSON handler: its error becomes a problem body.
func (s *server) handleAPI(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveProblem(w, r, err)
		}
	}
}

// serveErrorByPath answers err as problem JSON where the route speaks it
// and as the error page elsewhere: for middleware that runs before a
// route's own adapter (405s, the forms group's limits).
func (s *server) serveErrorByPath(w http.ResponseWriter, r *http.Request, err error) {
	if speaksProblemJSON(r.URL.Path) {
		s.serveProblem(w, r, err)
		return
	}
	s.serveError(w, r, err)
}

// speaksProblemJSON says whether the route at path answers its errors as
// problem JSON: the API, and the rooms' event stream (/r/{code}/events),
// which scripts read too.
func speaksProblemJSON(path string) bool {
	if strings.HasPrefix(path, "/api/") {
		return true
	}
	rest, ok := strings.CutPrefix(path, "/r/")
	return ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/events")
}

func (s *server) serveProblem(w http.ResponseWriter, r *http.Request, err error) {
	f, ok := s.describe(r, err)
	if !ok {
		return
	}
	e, lang := f.Error, f.lang
	p := problemDetails{Type: "about:blank", Title: http.StatusText(e.Status), Status: e.Status,
		Detail: f.detail, Instance: r.URL.RequestURI()}
	for _, f := range e.Fields {
		p.InvalidParams = append(p.InvalidParams, invalidParam{Name: f.Name, Problem: string(f.Problem), Reason: f.Message.In(lang), Accepted: f.Accepted})
	}
	s.errorHeaders(w, r, e)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON writes v as indented JSON (the API is also read by people).
func writeJSON(w http.ResponseWriter, v any) error {
	return writeJSONStatus(w, http.StatusOK, v)
}

// writeJSONStatus is writeJSON with another status (201 for a room made).
func writeJSONStatus(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Cache-Control", "no-store")
	return writeJSONBody(w, status, v)
}

// writeDocumentJSON writes JSON that is a pure function of the URL (the
// resolver's answer for a configuration): the response cache keeps it and
// clients revalidate it by its ETag, as they do pages.
func writeDocumentJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Cache-Control", "no-cache")
	return writeJSONBody(w, http.StatusOK, v)
}

func writeJSONBody(w http.ResponseWriter, status int, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}
