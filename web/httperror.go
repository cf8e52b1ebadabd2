package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// handlerFunc is a handler that returns its failure instead of writing
// it, so one place decides what the user sees.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// Error is the HTTP layer's one error type: a status, what was wrong in
// each language, and each offending parameter or form field. The HTML and
// the JSON adapters both find it with errors.As, so a handler returns the
// same error whichever kind of page it serves.
type Error struct {
	Status int
	Detail topology.Text       // one sentence; empty for the status's stock sentence
	Fields []params.FieldError // every bad parameter or field, in order
	Allow  string              // for 405: the methods the route answers
	// RetryAfter is for 429 and 503: seconds until trying again makes sense.
	RetryAfter int
	cause      error // for 5xx: what to log
}

func (e *Error) Error() string {
	s := http.StatusText(e.Status)
	if e.Detail.EN != "" {
		s += ": " + e.Detail.EN
	}
	if len(e.Fields) > 0 {
		s += ": " + params.Errors(e.Fields).Error()
	}
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.cause }

// errNotFound is the answer for an address with no page.
func errNotFound() error { return &Error{Status: http.StatusNotFound} }

// statusClientClosed is what the log records for a client that left
// before the answer (nginx's convention); it is never sent.
const statusClientClosed = 499

// asError finds the *Error in err, turning the typed errors of other
// packages into one: parameter errors are 400, an oversized body is 413,
// a client that went away is 499; anything else is a 500 that keeps err
// as its cause for the log.
func asError(err error) *Error {
	var he *Error
	var pe params.Errors
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &pe):
		return &Error{Status: http.StatusBadRequest, Fields: pe, Detail: fieldSummary(pe)}
	case errors.As(err, &mb):
		return &Error{Status: http.StatusRequestEntityTooLarge, Detail: topology.Text{
			EN: fmt.Sprintf("The form sent more than %d bytes; send less.", mb.Limit),
			KO: fmt.Sprintf("양식이 %d바이트를 넘었습니다. 더 적게 보내 주세요.", mb.Limit),
		}}
	case errors.Is(err, context.Canceled):
		return &Error{Status: statusClientClosed, cause: err}
	}
	return &Error{Status: http.StatusInternalServerError, cause: err}
}

// methodNotAllowed names the methods the route does answer.
func methodNotAllowed(allow []string) *Error {
	list := strings.Join(allow, ", ")
	return &Error{Status: http.StatusMethodNotAllowed, Allow: list, Detail: topology.Text{
		EN: "This address answers " + list + " requests only.",
		KO: "이 주소는 " + list + " 요청에만 응답합니다.",
	}}
}

// fieldSummary names every bad parameter in one sentence, above the list
// that says what is wrong with each.
func fieldSummary(errs params.Errors) topology.Text {
	var names []string
	for _, f := range errs {
		if !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	list := strings.Join(names, ", ")
	return topology.Text{
		EN: "Parameters to fix: " + list + ". Each is listed below with what it accepts.",
		KO: "고쳐야 할 매개변수: " + list + ". 매개변수마다 가능한 값을 아래에 적었습니다.",
	}
}

// catalogText is a catalogue sentence in every language, for an Error's
// Detail: args fill the sentence's verbs in each.
func catalogText(key string, args ...any) topology.Text {
	return topology.Text{EN: i18n.Tf(i18n.EN, key, args...), KO: i18n.Tf(i18n.KO, key, args...)}
}
