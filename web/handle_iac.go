package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// exportConfig is GET /api/v1/export/{format}?<lab parameters>: the
// configuration as copy-ready text (deterministic, so the documents
// group caches it).
func (s *server) exportConfig(w http.ResponseWriter, r *http.Request) error {
	f, ok := iac.ParseFormat(chi.URLParam(r, "format"))
	if !ok {
		return unknownFormat(chi.URLParam(r, "format"))
	}
	cfg, err := params.DecodeConfig(r.URL.RawQuery)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err = io.WriteString(w, iac.Export(f, cfg))
	return err
}

func unknownFormat(name string) error {
	names := make([]string, len(iac.Formats()))
	for i, f := range iac.Formats() {
		names[i] = string(f)
	}
	list := strings.Join(names, ", ")
	name = params.Shown(name)
	return &Error{Status: http.StatusNotFound, Detail: topology.Text{
		EN: i18n.Tf(i18n.EN, "iac.error.export", name, list),
		KO: i18n.Tf(i18n.KO, "iac.error.export", name, list),
	}}
}

// importAnswer is the JSON of POST /api/v1/import.
type importAnswer struct {
	Format  iac.Format      `json:"format"`
	Config  topology.Config `json:"config"`
	Query   string          `json:"query"` // the lab's address for it: params.EncodeConfig
	Read    []string        `json:"read"`
	Assumed []string        `json:"assumed"`
	Ignored []string        `json:"ignored"`
}

// importConfig is POST /api/v1/import: the body is the paste, or JSON
// {"text": "..."} holding it. Nothing is stored.
func (s *server) importConfig(w http.ResponseWriter, r *http.Request) error {
	paste, err := readPaste(r)
	if err != nil {
		return err
	}
	res, err := iac.Import(paste)
	if err != nil {
		return importFailure(err)
	}
	return writeJSON(w, importAnswer{Format: res.Format, Config: res.Config, Query: params.EncodeConfig(res.Config),
		Read: res.Read, Assumed: res.Assumed, Ignored: res.Ignored})
}

// readPaste reads the request body (the forms group has capped it). A
// JSON body that is exactly {"text": "..."} carries the paste; any other
// body, JSON included (describe-cluster's answer piped straight in), is
// the paste itself. A form sends it as text=.
func readPaste(r *http.Request) ([]byte, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data" {
		if err := r.ParseMultipartForm(maxFormBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
			return nil, formError(err)
		}
		return []byte(r.PostFormValue("text")), nil
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if mt == "application/json" {
		var wrapper map[string]json.RawMessage
		if json.Unmarshal(body, &wrapper) == nil && len(wrapper) == 1 {
			if raw, ok := wrapper["text"]; ok {
				var text string
				if json.Unmarshal(raw, &text) != nil {
					return nil, noText()
				}
				return []byte(text), nil
			}
		}
	}
	return body, nil
}

func noText() error {
	msg := topology.Text{EN: i18n.T(i18n.EN, "iac.error.noText"), KO: i18n.T(i18n.KO, "iac.error.noText")}
	return &Error{Status: http.StatusBadRequest, Detail: msg,
		Fields: []params.FieldError{{Name: "text", Problem: params.Invalid, Message: msg}}}
}

// importFailure turns Import's error into the HTTP layer's: 413 for an
// oversized paste, otherwise 400, with one sentence in each language.
// For a value the lab refuses, Fields are the lab's own (named like the
// lab's fields, so a form marks each); otherwise one field, text: the
// paste. The lab page's import form uses it too.
func importFailure(err error) error {
	var e *iac.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := topology.Text{EN: importMessage(i18n.EN, e), KO: importMessage(i18n.KO, e)}
	he := &Error{Status: http.StatusBadRequest, Detail: msg, cause: e}
	if e.Code == iac.CodeTooLarge {
		he.Status = http.StatusRequestEntityTooLarge
	}
	he.Fields = e.Fields
	if len(he.Fields) == 0 {
		he.Fields = []params.FieldError{{Name: "text", Value: e.Value, Problem: params.Invalid, Message: msg}}
	}
	return he
}

// importMessage words an import error in lang: where (the line), then
// the code's sentence with the error's fields.
func importMessage(lang i18n.Lang, e *iac.Error) string {
	key := "iac.error." + string(e.Code)
	var s string
	switch e.Code {
	case iac.CodeTooLarge:
		s = i18n.Tf(lang, key, e.Value, e.Want)
	case iac.CodeSyntax:
		s = i18n.Tf(lang, key, e.Detail)
	case iac.CodeNoCluster:
		s = i18n.Tf(lang, key, i18n.T(lang, "iac.format."+string(e.Format)), e.Path)
	case iac.CodeManyClusters:
		s = i18n.Tf(lang, key, e.Other, e.Path)
	case iac.CodeBadType:
		s = i18n.Tf(lang, key, e.Path, e.Value, want(lang, e.Want))
	case iac.CodeNotLiteral:
		s = i18n.Tf(lang, key, e.Path, e.Value)
	case iac.CodeConflict:
		other := e.Other
		if e.OtherLine > 0 {
			other += " (" + i18n.Tf(lang, "iac.at.line", e.OtherLine) + ")"
		}
		s = i18n.Tf(lang, key, e.Path, e.Value, other, e.Want)
	case iac.CodeBadValue:
		if len(e.Fields) > 0 {
			s = i18n.T(lang, key+".lab")
		} else {
			s = i18n.Tf(lang, key, e.Path, e.Value, want(lang, e.Want))
		}
	default:
		s = i18n.T(lang, key)
	}
	if e.Line > 0 {
		s = i18n.Tf(lang, "iac.at.line", e.Line) + ": " + s
	}
	return s
}

// want words a kind of value, or passes the format's own accepted
// values through.
func want(lang i18n.Lang, kind string) string {
	for _, k := range iac.WantKinds() {
		if k == kind {
			return i18n.T(lang, "iac.want."+kind)
		}
	}
	return kind
}

// importProblem is the problem body of a refused paste: RFC 9457's
// members plus the import's own, so a client can act on code and line
// without reading the sentence.
type importProblem struct {
	problemDetails
	Code string `json:"code,omitempty"`
	Line int    `json:"line,omitempty"`
	Path string `json:"path,omitempty"`
}

// handleImportAPI is handleAPI for the import: a refused paste's problem
// carries its code.
func (s *server) handleImportAPI(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var ie *iac.Error
		if !errors.As(err, &ie) {
			s.serveProblem(w, r, err)
			return
		}
		f, ok := s.describe(r, err)
		if !ok {
			return
		}
		p := importProblem{Code: string(ie.Code), Line: ie.Line, Path: ie.Path, problemDetails: problemDetails{
			Type: "about:blank", Title: http.StatusText(f.Status), Status: f.Status, Detail: f.detail, Instance: r.URL.RequestURI()}}
		for _, fe := range f.Fields {
			p.InvalidParams = append(p.InvalidParams, invalidParam{Name: fe.Name, Problem: string(fe.Problem), Reason: fe.Message.In(f.lang), Accepted: fe.Accepted})
		}
		var buf bytes.Buffer
		_ = json.NewEncoder(&buf).Encode(p)
		s.errorHeaders(w, r, f.Error)
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		w.WriteHeader(f.Status)
		_, _ = w.Write(buf.Bytes())
	}
}
