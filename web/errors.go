package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/web/view"
)

// handlerFunc is a handler that returns its failure instead of writing it,
// so one place (serveError) decides what the user sees.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// httpError is a failure the user caused: it carries a status and a
// message that is safe, and useful, to show.
type httpError struct {
	status int
	detail string
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + e.detail }

// errMethod is the answer to anything but GET or HEAD.
var errMethod error = &httpError{status: http.StatusMethodNotAllowed, detail: "This address only answers GET and HEAD requests."}

func notFound() error { return &httpError{status: http.StatusNotFound} }

func badRequest(detail string) error {
	return &httpError{status: http.StatusBadRequest, detail: detail}
}

// handle adapts a handlerFunc: typed 4xx errors become a page in the
// request's language; anything else is logged and becomes a plain 500.
func (s *server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

func (s *server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	lang := requestLang(r)
	m := view.ProblemModel{Page: s.page(lang, "", r.URL.Path), Status: http.StatusInternalServerError}
	var he *httpError
	switch {
	case errors.As(err, &he) && he.status == http.StatusNotFound:
		m.Status, m.Heading, m.Detail = he.status, view.T(lang, "notFound"), view.T(lang, "notFoundText")
	case errors.As(err, &he):
		m.Status, m.Heading, m.Detail = he.status, view.T(lang, "badRequest"), he.detail
	default:
		s.log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
		m.Heading, m.Detail = view.T(lang, "serverError"), view.T(lang, "serverText")
	}
	if m.Status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, HEAD")
	}
	m.Page.Title = m.Heading
	m.Page.AltPath = "/" + i18n.Other(lang) + "/"
	_ = render(w, r.Context(), m.Status, view.Problem(m))
}

// render writes a component into a buffer first, so a failed render
// becomes a clean error instead of half a page.
func render(w http.ResponseWriter, ctx context.Context, status int, c templ.Component) error {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	if err != nil {
		slog.DebugContext(ctx, "client went away", "err", err)
	}
	return nil
}
