package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// The lab's bridge to real configuration (internal/iac): the export panel
// and the import form. A successful import answers 303 to the lab at the
// imported configuration, and the note of what was read, assumed and
// ignored travels in that address: imported= (the format), read= (the
// fields the paste set; every other field is assumed, the EKS default)
// and ignored= (the paste's paths the tutor does not model, at most
// maxIgnoredShown, then a count). The note is about that import only:
// the next change of a field drops it from the address.
const (
	labImportedParam = "imported"
	labReadParam     = "read"
	labIgnoredParam  = "ignored"
	maxIgnoredShown  = 12
)

// labExports is the configuration in every format, for the export panel.
func labExports(cfg topology.Config, lang string) []view.LabExport {
	var out []view.LabExport
	for _, f := range iac.Formats() {
		out = append(out, view.LabExport{Format: string(f), Label: view.T(lang, "iac.format."+string(f)), Text: iac.Export(f, cfg)})
	}
	return out
}

// labImport reads a pasted configuration (POST /{lang}/lab/import): a
// good paste is a 303 to the lab at that configuration with the note in
// the address; a bad one is the lab again, 400, the paste still in the
// box and the reason in the page's language.
func (s *server) labImport(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	// The form takes no query: without this check a broken escape in the
	// address would be blamed on the form (ParseForm reads both).
	if err := noParams(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return formError(err)
	}
	paste := r.PostForm.Get("config")
	res, err := iac.Import([]byte(paste))
	if err != nil {
		var he *Error
		if !errors.As(importFailure(err), &he) {
			return err
		}
		return s.labImportFailed(w, r, lang, paste, he)
	}
	q := params.EncodeConfig(res.Config)
	note := url.Values{labImportedParam: {string(res.Format)}, labReadParam: {strings.Join(res.Read, ",")}}
	if ig := shownIgnored(res.Ignored); ig != "" {
		note.Set(labIgnoredParam, ig)
	}
	target := "/" + lang + "/lab?"
	if q != "" {
		target += q + "&"
	}
	http.Redirect(w, r, target+note.Encode(), http.StatusSeeOther)
	return nil
}

// shownIgnored lists the ignored paths for the address, cut short.
func shownIgnored(paths []string) string {
	if len(paths) <= maxIgnoredShown {
		return strings.Join(paths, ",")
	}
	return strings.Join(paths[:maxIgnoredShown], ",") + ",+" + strconv.Itoa(len(paths)-maxIgnoredShown)
}

// labImportFailed renders the lab at the EKS defaults with the import
// form holding the paste and its problem.
func (s *server) labImportFailed(w http.ResponseWriter, r *http.Request, lang, paste string, he *Error) error {
	path := "/" + lang + "/lab"
	q := decodeLab("")
	m := view.LabModel{Page: s.page(r, lang, view.T(lang, "labTitle"), path), Action: path}
	m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"))
	m.Page.NoIndex = true
	s.assets.addModule(&m.Page, "js/lab.js")
	if err := s.labResult(&m, &q, lang, path); err != nil {
		return err
	}
	m.Fields, m.Problems = labFields(q, lang)
	m.Presets = labPresets(lang, path, m.Query, true)
	m.Exports = labExports(q.cfg, lang)
	m.Import = &view.LabImport{Action: path + "/import", Paste: paste, Error: he.Detail.In(lang)}
	for _, f := range he.Fields {
		if f.Name != "text" { // the paste itself: the sentence above says it
			m.Import.Fields = append(m.Import.Fields, f.Message.In(lang))
		}
	}
	return render(w, r.Context(), he.Status, view.Lab(m))
}

// importNote is what an import read, assumed and ignored, from the lab's
// address after the redirect.
func importNote(q labQuery, lang string) string {
	f, ok := iac.ParseFormat(q.imported)
	if !ok {
		return ""
	}
	read := map[string]bool{}
	var readList, assumed []string
	for _, n := range splitList(q.read) {
		read[n] = true
		readList = append(readList, n)
	}
	for _, fl := range labFormFields() {
		if !read[fl.Name] {
			assumed = append(assumed, fl.Name)
		}
	}
	parts := []string{view.Tf(lang, "labImported", view.T(lang, "iac.format."+string(f)))}
	if len(readList) > 0 {
		parts = append(parts, view.Tf(lang, "labImportRead", strings.Join(readList, ", ")))
	}
	if len(assumed) > 0 {
		parts = append(parts, view.Tf(lang, "labImportAssumed", strings.Join(assumed, ", ")))
	}
	if q.ignored != "" {
		ignored := splitList(q.ignored)
		if last := ignored[len(ignored)-1]; strings.HasPrefix(last, "+") {
			n, _ := strconv.Atoi(last[1:])
			ignored[len(ignored)-1] = view.Tf(lang, "labImportMore", n)
		}
		parts = append(parts, view.Tf(lang, "labImportIgnored", strings.Join(ignored, ", ")))
	}
	return strings.Join(parts, " ")
}

// formatNames are the formats' address names, the values of imported=.
func formatNames() []string {
	var out []string
	for _, f := range iac.Formats() {
		out = append(out, string(f))
	}
	return out
}

// checkReadFields accepts a list of configuration parameter names.
func checkReadFields(v string) (string, []topology.Text) {
	var bad []string
	for _, n := range splitList(v) {
		if !isConfigParam(n) {
			bad = append(bad, n)
		}
	}
	if len(bad) == 0 {
		return v, nil
	}
	list := strings.Join(bad, ", ")
	return "", []topology.Text{{
		EN: "read= lists " + list + ", which are not configuration parameters.",
		KO: "read=: " + list + " 값은 구성 매개변수가 아닙니다.",
	}}
}
