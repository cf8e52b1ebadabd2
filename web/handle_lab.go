package web

import (
	"net/http"
	"slices"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// labFigureID is the lab figure's id: its SVG ids start with it, and the
// event links point at it.
const labFigureID = "lab-figure"

// lab serves /{lang}/lab: a GET form with every configuration field, so
// the address is the whole configuration and the page works without
// JavaScript; the endpoint diagram of one flow, a blocked one stopping
// at the component that blocks it; the verdict; the presets. A bad field
// answers 400 with this same page, every problem beside its field and
// the learner's other values kept.
func (s *server) lab(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	path := "/" + lang + "/lab"
	q := decodeLab(r.URL.RawQuery)
	m := view.LabModel{Page: s.page(r, lang, view.T(lang, "labTitle"), path), Action: path}
	m.Page.Description = view.T(lang, "labIntro")
	m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"))
	s.assets.addModule(&m.Page, "js/lab.js")
	if len(q.errs) == 0 {
		if err := s.labResult(&m, &q, lang, path); err != nil {
			return err
		}
	}
	status := http.StatusOK
	if len(q.errs) > 0 {
		status = http.StatusBadRequest
		m.Invalid, m.Figure, m.Verdict, m.Flows, m.Change = true, nil, nil, nil, ""
		m.Page.NoIndex = true
	}
	m.Fields, m.Problems = labFields(q, lang)
	m.Presets = labPresets(lang, path, m.Query, !m.Invalid)
	if !m.Invalid {
		m.Exports = labExports(q.cfg, lang)
		m.Note = importNote(q, lang)
	}
	m.Import = &view.LabImport{Action: path + "/import"}
	// The language switch keeps the configuration, without JavaScript too.
	altPath := m.Page.AltPath
	if m.Invalid && r.URL.RawQuery != "" {
		m.Page.AltPath = altPath + "?" + r.URL.RawQuery
	} else if !m.Invalid {
		m.Page.AltPath = labURL(altPath, m.Query, string(q.flow), 0)
	}
	return render(w, r.Context(), status, view.Lab(m))
}

// labResult resolves the configuration and fills what the page shows of
// it. A step past the end of the flow shown is one more field error.
func (s *server) labResult(m *view.LabModel, q *labQuery, lang, path string) error {
	cfg := q.cfg
	res, err := topology.Resolve(cfg)
	if err != nil {
		return err // DecodeConfig admits only configurations the resolver takes
	}
	m.Query = params.EncodeConfig(cfg)
	shown := shownFlow(res, q.flow)
	flow, _ := res.Flow(shown)
	q.checkStep(len(flow.Steps))
	if len(q.errs) > 0 {
		return nil
	}
	flowParam := ""
	if q.flow != "" {
		flowParam = string(q.flow)
		m.Hidden = append(m.Hidden, view.Hidden{Name: labFlowParam, Value: flowParam})
	}
	m.Hidden = append(m.Hidden, view.Hidden{Name: labWasParam, Value: m.Query})
	href := func(n int) string { return labURL(path, m.Query, flowParam, n) + "#" + labFigureID }
	spec := figureSpec{View: topology.ViewEndpoints, Mode: cfg.Mode(), Flow: shown, Config: &cfg}
	fig, err := buildFigure(lang, labFigureID, spec, q.step, href)
	if err != nil {
		return err
	}
	// The standalone SVG and its PNG draw a mode's teaching configuration,
	// not this one: the lab offers neither.
	fig.SVGURL, fig.AnimatedURL = "", ""
	fig.Player = &view.PlayerModel{Mode: string(cfg.Mode()), Flow: string(shown), Step: q.step}
	m.Figure = &fig
	m.Flows = labFlows(res, lang, path, m.Query, shown)
	m.Verdict = labVerdict(res, lang)
	if q.was != nil {
		if prev, err := topology.Resolve(*q.was); err == nil {
			m.Change = labChange(prev, res, lang)
		}
	}
	return nil
}

// labURL is the lab at the configuration query, showing flow ("" lets
// the page pick) at step (0: the whole path).
func labURL(path, query, flow string, step int) string {
	parts := []string{}
	if query != "" {
		parts = append(parts, query)
	}
	if flow != "" {
		parts = append(parts, labFlowParam+"="+flow)
	}
	if step > 0 {
		parts = append(parts, labStepParam+"="+itoa(step))
	}
	if len(parts) == 0 {
		return path
	}
	u := path + "?" + parts[0]
	for _, p := range parts[1:] {
		u += "&" + p
	}
	return u
}

// labModeURL opens the lab at the configuration the chapter teaches a
// mode with.
func labModeURL(lang string, md topology.Mode) string {
	cfg, err := topology.ConfigFor(md)
	if err != nil {
		return ""
	}
	return labURL("/"+lang+"/lab", params.EncodeConfig(cfg), "", 0)
}

// labPresets are params.Presets as links; the one the page shows is
// marked current.
func labPresets(lang, path, query string, valid bool) []view.LabPreset {
	var out []view.LabPreset
	for _, p := range params.Presets() {
		out = append(out, view.LabPreset{
			ID: p.ID, Label: p.Label.In(lang), Note: p.Note.In(lang),
			Href: labURL(path, p.Query, "", 0), Current: valid && p.Query == query,
		})
	}
	return out
}

// labFlows lists every flow of the result for the verdict.
func labFlows(res topology.Result, lang, path, query string, shown topology.FlowID) []view.LabFlow {
	names := componentNames(res.Config, lang)
	var out []view.LabFlow
	for _, f := range res.Flows {
		lf := view.LabFlow{
			ID: string(f.ID), Label: f.ID.Label().In(lang), Reachable: f.Reachable,
			CrossesInternet: f.CrossesInternet, PublicPath: f.PublicPath,
			Href: labURL(path, query, string(f.ID), 0) + "#lab-diagram", Shown: f.ID == shown,
		}
		if b := f.Blocked; b != nil {
			lf.BlockedAt, lf.Blocked, lf.Fix, lf.Code = names[b.At], b.Reason.In(lang), b.Fix.In(lang), string(b.Code)
		}
		out = append(out, lf)
	}
	return out
}

// labValues is the configuration as form values, one per field of
// params.ConfigSchema, read back from its canonical query so the form
// and the contract cannot disagree.
func labValues(c topology.Config) map[string]string {
	v, _ := params.ConfigSchema.Decode(params.EncodeConfig(c))
	out := map[string]string{}
	for _, f := range labFormFields() {
		val, ok := v[f.Name]
		switch {
		case ok:
			out[f.Name] = val
		case f.Name == "client":
			out[f.Name] = string(topology.DefaultClient(c.PublicAccess))
		default:
			out[f.Name] = f.Default
		}
	}
	return out
}

// labFormFields are the configuration fields the form shows: all of
// them but the legacy name node_subnet, which the form writes as nodes.
func labFormFields() []params.Field {
	var out []params.Field
	for _, f := range params.ConfigSchema.Fields {
		if f.ReplacedBy == "" {
			out = append(out, f)
		}
	}
	return out
}

// labShownValues are the values the form shows: the configuration's
// when it is valid; otherwise what the learner gave, over the defaults.
func labShownValues(q labQuery) map[string]string {
	if len(q.errs) == 0 {
		return labValues(q.cfg)
	}
	def := topology.DefaultConfig()
	if p, ok := q.given["public"]; ok && (p == "false" || p == "0" || p == "off") {
		def.Client = topology.DefaultClient(false)
		def.PublicAccess = false
	}
	out := labValues(def)
	if old, ok := q.given["node_subnet"]; ok {
		out["nodes"] = string(topology.NodesPrivateNAT)
		if old == string(topology.SubnetPublic) {
			out["nodes"] = string(topology.NodesPublic)
		}
	}
	for k, v := range q.given {
		if _, ok := out[k]; ok {
			out[k] = v
		}
	}
	return out
}

// labFields builds the form: each field with its value, choices and
// problems; problems of no field of the form come back on their own.
func labFields(q labQuery, lang string) ([]view.LabField, []string) {
	values := labShownValues(q)
	byField := map[string][]string{}
	var loose []string
	for _, e := range q.errs {
		name := e.Name
		if name == "node_subnet" {
			name = "nodes"
		}
		msg := e.Message.In(lang)
		if _, ok := values[name]; !ok {
			loose = appendUnique(loose, msg)
			continue
		}
		byField[name] = appendUnique(byField[name], msg)
	}
	var out []view.LabField
	for _, f := range labFormFields() {
		out = append(out, labField(f, values[f.Name], byField[f.Name], lang))
	}
	return out, loose
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
