package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/web/view"
)

// handle adapts a page handler: its error becomes a page in the
// request's language (4xx) or a logged 500.
func (s *server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// logError records what the user cannot fix: 5xx with their cause. A
// client that left is routine, not an error.
func (s *server) logError(r *http.Request, e *Error) {
	switch {
	case e.Status == statusClientClosed:
		s.log.DebugContext(r.Context(), "client went away", "path", r.URL.Path)
	case e.Status >= 500:
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "status", e.Status, "err", e)
	}
}

// statusHeadings are the catalog keys of each status's heading and stock
// sentence.
var statusHeadings = map[int][2]string{
	http.StatusBadRequest:            {"badRequest", "badRequestText"},
	http.StatusForbidden:             {"forbidden", "forbiddenText"},
	http.StatusNotFound:              {"notFound", "notFoundText"},
	http.StatusMethodNotAllowed:      {"methodNotAllowed", "methodNotAllowedText"},
	http.StatusRequestEntityTooLarge: {"tooLarge", "tooLargeText"},
	http.StatusUnauthorized:          {"unauthorized", "unauthorizedText"},
	http.StatusConflict:              {"conflict", "conflictText"},
	http.StatusTooManyRequests:       {"tooMany", "tooManyText"},
	http.StatusInternalServerError:   {"serverError", "serverText"},
	http.StatusServiceUnavailable:    {"unavailable", "unavailableText"},
}

func headingKeys(status int) [2]string {
	if k, ok := statusHeadings[status]; ok {
		return k
	}
	if status >= 500 {
		return statusHeadings[http.StatusInternalServerError]
	}
	return statusHeadings[http.StatusBadRequest]
}

// failure is an error as the user is told it: in the request's
// language, with a heading and one sentence.
type failure struct {
	*Error
	lang            i18n.Lang
	heading, detail string
}

// describe logs err as it deserves and words it for the request; false
// means there is nobody left to tell (the client went away).
func (s *server) describe(r *http.Request, err error) (failure, bool) {
	e := asError(err)
	s.logError(r, e)
	if e.Status == statusClientClosed {
		return failure{}, false
	}
	f := failure{Error: e, lang: requestLang(r)}
	keys := headingKeys(e.Status)
	f.heading, f.detail = view.T(f.lang, keys[0]), e.Detail.In(f.lang)
	if f.detail == "" {
		f.detail = view.T(f.lang, keys[1])
	}
	return f, true
}

// serveError writes err as the friendly error page.
func (s *server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	f, ok := s.describe(r, err)
	if !ok {
		return
	}
	e, lang := f.Error, f.lang
	m := view.ProblemModel{Page: s.page(r, lang, "", "/"+lang+"/"), Status: e.Status, Heading: f.heading, Detail: f.detail}
	for _, f := range e.Fields {
		m.Fields = append(m.Fields, view.FieldProblem{Name: f.Name, Message: f.Message.In(lang)})
	}
	m.Page.Title = m.Heading
	m.Page.NoIndex = true
	m.Page.Nav = navLinks(lang, "", s.isChapter) // an error page is in no section
	s.errorHeaders(w, r, e)
	var buf bytes.Buffer
	body := s.fallback[lang]
	if rerr := view.Problem(m).Render(r.Context(), &buf); rerr == nil {
		body = buf.Bytes()
	} else {
		s.log.ErrorContext(r.Context(), "error page failed; sent the fallback", "err", rerr)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

// errorHeaders are the same for HTML and JSON errors: never cached, the
// route's methods on 405, and Vary when the language came from the client.
func (s *server) errorHeaders(w http.ResponseWriter, r *http.Request, e *Error) {
	h := w.Header()
	// A handler that failed (or panicked) after describing its own answer
	// leaves those headers behind: none of them fits the error page, and
	// a stale Content-Length truncates it.
	for _, k := range []string{"ETag", "Content-Length", "Content-Encoding", "Last-Modified", "Content-Disposition"} {
		h.Del(k)
	}
	h.Set("Content-Security-Policy", s.csp)
	h.Set("Cache-Control", "no-store")
	if e.Allow != "" {
		h.Set("Allow", e.Allow)
	}
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	if !i18n.Supported(pathLang(r)) {
		h.Add("Vary", "Accept-Language")
	}
}

// fallbackPages are rendered at start, so a failing error page still
// leaves the user a page in their language.
func fallbackPages() map[i18n.Lang][]byte {
	out := map[i18n.Lang][]byte{}
	for _, lang := range i18n.List() {
		m := view.ProblemModel{Page: view.Page{Lang: lang, Title: view.T(lang, "serverError"), NoIndex: true, Nav: navLinks(lang, "", nil)},
			Status: 500, Heading: view.T(lang, "serverError"), Detail: view.T(lang, "serverText")}
		var buf bytes.Buffer
		if err := view.Problem(m).Render(context.Background(), &buf); err != nil {
			buf.Reset()
			buf.WriteString("<!DOCTYPE html><html lang=\"" + lang + "\"><title>500</title><h1>" + view.T(lang, "serverError") + "</h1></html>")
		}
		out[lang] = buf.Bytes()
	}
	return out
}

// render writes a component into a buffer first, so a failed render
// becomes a clean error instead of half a page.
func render(w http.ResponseWriter, ctx context.Context, status int, c interface {
	Render(context.Context, io.Writer) error
}) error {
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if _, err := w.Write(buf.Bytes()); err != nil {
		slog.DebugContext(ctx, "client went away", "err", err)
	}
	return nil
}
