package web

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"time"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// maxFormBytes bounds a form body: quizzes and lab forms are a few
// hundred bytes; anything near this is not a person typing.
const maxFormBytes = 64 << 10

// forms is the middleware of the POST route group: each client address
// has a POST budget (Edge.PostRate, 429 past it), the body is capped
// (a handler reading past the cap gets *http.MaxBytesError, which the
// error adapters answer with 413) and a cross-origin POST is refused
// before any handler runs (net/http's CrossOriginProtection reads
// Sec-Fetch-Site and Origin).
func (s *server) forms(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serveErrorByPath(w, r, &Error{Status: http.StatusForbidden, Detail: topology.Text{
			EN: "This form was sent from another site, so it was not accepted. Send it from the tutor's own page.",
			KO: "다른 사이트에서 보낸 양식이라서 받지 않았습니다. 이 강좌의 페이지에서 보내 주세요.",
		}})
	}))
	return cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ok, retry := s.posts.allow(s.edge.clientAddr(r), time.Now()); !ok {
			s.serveErrorByPath(w, r, errTooMany(retry))
			return
		}
		if r.ContentLength > maxFormBytes {
			s.serveErrorByPath(w, r, &http.MaxBytesError{Limit: maxFormBytes})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		next.ServeHTTP(w, r)
	}))
}

// readForm parses a urlencoded or multipart body (fetch with FormData
// sends the latter) and returns its fields. Every form handler reads its
// body here, so a body that does not parse is a 400 that says so and an
// oversized one a 413, never the parser's error as a 500.
func readForm(r *http.Request) (url.Values, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch ct {
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	case "multipart/form-data":
		err = r.ParseMultipartForm(maxFormBytes)
	default:
		return nil, &Error{Status: http.StatusBadRequest, Detail: catalogText("request.error.formType")}
	}
	if err != nil {
		return nil, formError(err)
	}
	return r.PostForm, nil
}

// formError is a form parser's error as the sender is told it: a body
// over the limit stays itself (asError makes it a 413); anything else is
// a form that does not parse.
func formError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	return &Error{Status: http.StatusBadRequest, Detail: catalogText("request.error.formUnreadable")}
}
