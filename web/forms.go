package web

import (
	"errors"
	"net/http"
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
		// Read here, once: a body that is not form encoding (a stray %)
		// is the sender's mistake, a 400 that says so, not an error each
		// handler must remember to tell from a server fault. Later
		// ParseForm calls are no-ops; JSON bodies are left unread.
		if err := r.ParseForm(); err != nil {
			s.serveErrorByPath(w, r, formError(err))
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// formError is what a body ParseForm refused is: too long (413), or not
// form encoding (400).
func formError(err error) error {
	if mbe, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return mbe
	}
	return &Error{Status: http.StatusBadRequest, Detail: topology.Text{
		EN: "The form could not be read: it is not form encoding (a % must be followed by two hexadecimal digits). Send it again from the tutor's page.",
		KO: "양식을 읽을 수 없습니다. 양식 인코딩이 올바르지 않습니다(% 뒤에는 16진수 두 자리가 와야 합니다). 강좌 페이지에서 다시 보내 주세요.",
	}}
}
