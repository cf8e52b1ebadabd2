package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// The trace-the-path exercises over HTTP: the list and the check as JSON
// (exercise.js, and anything else that wants them), each exercise's own
// page, and its no-JavaScript form. The server is the only checker, and
// it checks against the resolver (internal/exercise).

// exerciseJSON is an exercise as GET /api/v1/exercises lists it.
type exerciseJSON struct {
	ID     string          `json:"id"`
	Mode   topology.Mode   `json:"mode,omitempty"`
	Lab    *string         `json:"lab,omitempty"` // the lab query; "" is the EKS default
	Preset string          `json:"preset,omitempty"`
	Label  *topology.Text  `json:"label,omitempty"` // names a lab query without a preset
	Flow   topology.FlowID `json:"flow"`
	Kind   exercise.Kind   `json:"kind"`
	Source string          `json:"source"` // where a path answer starts
	Prompt topology.Text   `json:"prompt"`
	Check  string          `json:"check"` // where to POST an answer
}

// checkJSON is the verdict on one answer.
type checkJSON struct {
	Correct bool   `json:"correct"`
	WrongAt *int   `json:"wrong_at"`
	Reason  string `json:"reason"`
}

func checkPath(id string) string { return "/api/v1/exercises/" + id + "/check" }

// exercisesAPI is GET /api/v1/exercises: every exercise, both languages.
func (s *server) exercisesAPI(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	out := []exerciseJSON{}
	for _, ex := range s.exercises.All() {
		j := exerciseJSON{ID: ex.ID, Mode: ex.Mode, Preset: ex.Preset, Flow: ex.Flow, Kind: ex.Kind,
			Source: string(ex.Source()), Prompt: ex.Prompt, Check: checkPath(ex.ID)}
		if ex.Mode == "" {
			lab := ex.Lab
			j.Lab = &lab
			if ex.Preset == "" {
				j.Label = &ex.Label
			}
		}
		out = append(out, j)
	}
	return writeJSON(w, out)
}

// exerciseCheckAPI is POST /api/v1/exercises/{id}/check with
// {"path": ["kubelet", ...]}: the verdict in the request's language.
func (s *server) exerciseCheckAPI(w http.ResponseWriter, r *http.Request) error {
	ex, err := s.exerciseByID(chi.URLParam(r, "id"))
	if err != nil {
		return err
	}
	var body struct {
		Path *[]string `json:"path"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return badJSON(jsonProblem(err))
	}
	if dec.Decode(&struct{}{}) != io.EOF {
		return badJSON("more than one JSON value")
	}
	if body.Path == nil {
		return badJSON("no path")
	}
	path, err := componentPath(ex, *body.Path)
	if err != nil {
		return err
	}
	res := exercise.Check(ex, path)
	return writeJSON(w, checkJSON{Correct: res.Correct, WrongAt: res.WrongAt, Reason: res.Reason.In(requestLang(r))})
}

// badJSON says what is wrong with an answer's body (problem, in the
// words of jsonProblem) and what to send instead.
func badJSON(problem string) error {
	return &Error{Status: http.StatusBadRequest, Detail: catalogText("request.error.answerJSON", problem)}
}

func (s *server) exerciseByID(id string) (*exercise.Exercise, error) {
	ex, ok := s.exercises.Get(id)
	if !ok {
		ids := strings.Join(s.exercises.IDs(), ", ")
		id = params.Shown(id)
		return nil, &Error{Status: http.StatusNotFound, Detail: topology.Text{
			EN: "There is no exercise " + `"` + id + `"` + " (exercises: " + ids + ").",
			KO: `"` + id + `"` + ": 이런 연습은 없습니다(연습: " + ids + ").",
		}}
	}
	return ex, nil
}

// componentPath reads the picks as components of the exercise's
// configuration; every unknown one is reported at once, by its step.
func componentPath(ex *exercise.Exercise, picks []string) ([]topology.ComponentID, error) {
	var accepted []string
	for _, c := range ex.Components() {
		accepted = append(accepted, string(c.ID))
	}
	list := strings.Join(accepted, ", ")
	var errs params.Errors
	path := make([]topology.ComponentID, len(picks))
	for i, p := range picks {
		path[i] = topology.ComponentID(p)
		if _, ok := ex.Component(path[i]); !ok {
			n, p := itoa(i+1), params.Shown(p)
			errs = append(errs, params.FieldError{Name: "path[" + itoa(i) + "]", Value: p, Problem: params.Invalid, Accepted: list, Message: topology.Text{
				EN: "Step " + n + ": " + `"` + p + `"` + " is not a component of this diagram (components: " + list + ").",
				KO: n + "단계: " + `"` + p + `"` + ": 이 다이어그램에 없는 구성 요소입니다(구성 요소: " + list + ").",
			}})
		}
	}
	if len(errs) > 0 {
		return nil, &Error{Status: http.StatusBadRequest, Fields: errs, Detail: topology.Text{
			EN: "The path names components this exercise does not have. Fields to fix: " + fieldNames(errs) + ".",
			KO: "경로에 이 연습에 없는 구성 요소가 있습니다. 고쳐야 할 항목: " + fieldNames(errs) + ".",
		}}
	}
	return path, nil
}

// exercisePage is GET /{lang}/exercises/{id}.
func (s *server) exercisePage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	ex, err := s.exerciseByID(chi.URLParam(r, "id"))
	if err != nil {
		return err
	}
	if err := noParams(r); err != nil {
		return err
	}
	m, err := s.exercisePageModel(r, lang, ex, nil, nil)
	if err != nil {
		return err
	}
	return render(w, r.Context(), http.StatusOK, view.ExercisePage(m))
}

// exerciseAnswer is POST /{lang}/exercises/{id}, the form without
// JavaScript: the page again with the verdict (never cached).
func (s *server) exerciseAnswer(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	ex, err := s.exerciseByID(chi.URLParam(r, "id"))
	if err != nil {
		return err
	}
	if err := noParams(r); err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	picks, err := formPicks(form)
	if err != nil {
		return err
	}
	path, err := componentPath(ex, picks)
	if err != nil {
		return err
	}
	res := exercise.Check(ex, path)
	m, err := s.exercisePageModel(r, lang, ex, picks, &res)
	if err != nil {
		return err
	}
	m.Page.NoIndex = true
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r.Context(), http.StatusOK, view.ExercisePage(m))
}

// formPicks reads the step selects: empty ones at the end are steps not
// needed; an empty one before a chosen one is a gap, and so is any other field.
func formPicks(form url.Values) ([]string, error) {
	var errs params.Errors
	for name := range form {
		if name != "step" {
			errs = append(errs, params.FieldError{Name: name, Problem: params.Unknown, Accepted: "step", Message: topology.Text{
				EN: "This form has no such field (its field: step).",
				KO: "이 양식에 없는 항목입니다(항목: step).",
			}})
		}
	}
	steps := form["step"]
	for len(steps) > 0 && steps[len(steps)-1] == "" {
		steps = steps[:len(steps)-1]
	}
	for i, p := range steps {
		if p == "" {
			n := itoa(i + 1)
			errs = append(errs, params.FieldError{Name: "step", Problem: problemMissing, Message: topology.Text{
				EN: "Step " + n + " is empty but a later step is chosen; fill the steps in order.",
				KO: n + "단계가 비어 있는데 뒤의 단계가 골라져 있습니다. 단계를 순서대로 채워 주세요.",
			}})
		}
	}
	if len(errs) > 0 {
		return nil, &Error{Status: http.StatusBadRequest, Fields: errs, Detail: topology.Text{
			EN: "The answer could not be checked. Fields to fix: " + fieldNames(errs) + ".",
			KO: "답을 확인할 수 없습니다. 고쳐야 할 항목: " + fieldNames(errs) + ".",
		}}
	}
	return steps, nil
}

func (s *server) exercisePageModel(r *http.Request, lang string, ex *exercise.Exercise, picks []string, res *exercise.Result) (view.ExercisePageModel, error) {
	box, err := s.exerciseBox(lang, ex, picks, res)
	if err != nil {
		return view.ExercisePageModel{}, err
	}
	title := view.T(lang, "exerciseTitle") + " · " + box.Setting // the setting holds its own colon
	m := view.ExercisePageModel{Page: s.page(r, lang, title, "/"+lang+"/exercises/"+ex.ID), Exercise: box}
	m.Page.Description = box.Prompt
	s.exerciseAssets(&m.Page)
	return m, nil
}

// exerciseAssets adds what a page with an exercise box needs.
func (s *server) exerciseAssets(p *view.Page) {
	css := s.assets.URL("css/diagram.css")
	if !strings.Contains(strings.Join(p.CSS, " "), css) {
		p.CSS = append(p.CSS, css)
	}
	s.assets.addModule(p, "js/exercise.js")
	p.Shortcuts = append(p.Shortcuts,
		view.Shortcut{Keys: []string{"Tab", "←", "→"}, What: view.T(p.Lang, "keyExerciseMove")},
		view.Shortcut{Keys: []string{"Enter", "Space"}, What: view.T(p.Lang, "keyExercisePick")},
		view.Shortcut{Keys: []string{"Backspace"}, What: view.T(p.Lang, "keyExerciseUndo")})
}

// pageExercise is the box a page shows (the nth exercise of the file:
// the endpoint chapter's is the first, the compare page's the second),
// and adds its assets; nil when there is none.
func (s *server) pageExercise(p *view.Page, n int) (*view.ExerciseModel, error) {
	all := s.exercises.All()
	if n >= len(all) {
		return nil, nil
	}
	box, err := s.exerciseBox(p.Lang, all[n], nil, nil)
	if err != nil {
		return nil, err
	}
	s.exerciseAssets(p)
	return &box, nil
}

// exerciseBox is the view model of ex in lang, with the picks and the
// verdict of a checked answer.
func (s *server) exerciseBox(lang string, ex *exercise.Exercise, picks []string, res *exercise.Result) (view.ExerciseModel, error) {
	fig, err := s.exerciseFigure(lang, ex)
	if err != nil {
		return view.ExerciseModel{}, err
	}
	m := view.ExerciseModel{
		Lang: lang, ID: ex.ID, Kind: string(ex.Kind), Prompt: ex.Prompt.In(lang),
		Setting: exerciseSetting(lang, ex), Flow: ex.Flow.Label().In(lang), Figure: fig,
		Action: "/" + lang + "/exercises/" + ex.ID, CheckURL: checkPath(ex.ID) + "?lang=" + lang,
		Selects: 1, Picked: picks,
	}
	if ex.Kind == exercise.KindPath {
		// A few more selects than the answer needs, so the form does not
		// tell the length of the path; more if the learner sent more.
		m.Selects = max(ex.Picks()+2, len(picks))
	}
	names := map[topology.ComponentID]string{}
	for _, c := range ex.Components() {
		names[c.ID] = c.Name.In(lang)
		m.Options = append(m.Options, view.Option{Value: string(c.ID), Label: c.Name.In(lang)})
	}
	for _, o := range s.exercises.All() {
		m.Others = append(m.Others, exerciseLink(lang, o, ex.ID))
	}
	if res != nil {
		r := &view.ExerciseResult{Correct: res.Correct, WrongAt: -1, Reason: res.Reason.In(lang)}
		if res.WrongAt != nil {
			r.WrongAt = *res.WrongAt
		}
		for i, p := range picks {
			st := view.ExerciseStep{Name: names[topology.ComponentID(p)], State: "right"}
			switch {
			case i == r.WrongAt:
				st.State = "wrong"
			case r.WrongAt >= 0 && i > r.WrongAt:
				st.State = ""
			}
			r.Steps = append(r.Steps, st)
		}
		m.Result = r
	}
	return m, nil
}

// exerciseSetting names the exercise's configuration as the learner
// knows it: a mode, a lab preset, or the lab query itself.
func exerciseSetting(lang string, ex *exercise.Exercise) string {
	switch {
	case ex.Mode != "":
		return view.Tf(lang, "exerciseMode", ex.Mode.Label().In(lang))
	case ex.Preset != "":
		for _, p := range params.Presets() {
			if p.ID == ex.Preset {
				return view.Tf(lang, "exerciseLab", p.Label.In(lang))
			}
		}
	}
	return view.Tf(lang, "exerciseLab", ex.Label.In(lang))
}

// exerciseFigure draws the exercise's configuration with no flow
// selected (a numbered flow would be the answer), from the fragment cache.
func (s *server) exerciseFigure(lang string, ex *exercise.Exercise) (view.FigureModel, error) {
	id := "ex-" + ex.ID
	cfg := ex.Config
	o := diagram.Options{View: topology.ViewEndpoints, Config: &cfg, Lang: lang, IDPrefix: id + "-"}
	svg, err := s.fragments.GetOrAdd("exercise|"+lang+"|"+ex.ID, func() (cache.Bytes, error) {
		var buf bytes.Buffer
		err := diagram.Render(&buf, o)
		return buf.Bytes(), err
	})
	if err != nil {
		return view.FigureModel{}, err
	}
	title := topology.ViewEndpoints.Label().In(lang) + " · " + exerciseSetting(lang, ex)
	return view.FigureModel{Lang: lang, ID: id, Title: title, SVG: string(svg),
		SVGURL: exerciseSVGURL(lang, ex), DownloadName: "eks-" + id}, nil
}

// exerciseSVGURL is the standalone SVG of exactly the configuration the
// exercise draws: its mode, and for a lab configuration its lab query
// (where the client and the nodes sit, the endpoints it has), which the
// endpoints view takes as well.
func exerciseSVGURL(lang string, ex *exercise.Exercise) string {
	u := "/diagrams/endpoints.svg?" + url.Values{"lang": {lang}, "mode": {string(ex.Config.Mode())}}.Encode()
	if q := params.EncodeConfig(ex.Config); ex.Mode == "" && q != "" {
		u += "&" + q
	}
	return u
}
