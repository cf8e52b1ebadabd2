package web

import (
	"net/http"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// compare puts the three endpoint modes side by side. The flow rows come
// from the resolver, so the table cannot disagree with the diagrams.
func (s *server) compare(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if params.WantsPresenter(r.URL.RawQuery) {
		return s.presentCompare(w, r, lang)
	}
	if err := noParams(r); err != nil {
		return err
	}
	m := view.CompareModel{Page: s.page(r, lang, view.T(lang, "compareTitle"), "/"+lang+"/compare")}
	if ch, _, ok := s.lib.PlayerChapter(lang); ok {
		m.PlayerURL = "/" + lang + "/" + ch.Slug
	}
	m.DiagramsHeading = topology.ViewEndpoints.Label().In(lang)
	m.Page.Description = view.T(lang, "compareIntro")
	m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"))
	results := make([]topology.Result, 0, 3)
	for _, md := range topology.Modes() {
		m.Modes = append(m.Modes, view.Option{Value: string(md), Label: md.Label().In(lang)})
		cfg, err := topology.ConfigFor(md)
		if err != nil {
			return err
		}
		res, err := topology.Resolve(cfg)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	for _, fl := range topology.Flows() {
		row := view.CompareRow{Flow: fl.Label().In(lang)}
		for _, res := range results {
			row.Cells = append(row.Cells, compareCell(res, fl, lang))
		}
		m.Rows = append(m.Rows, row)
	}
	for _, to := range s.lib.TradeOffs(lang) {
		tr := view.CompareTradeOff{Aspect: to.Label}
		for _, md := range topology.Modes() {
			tr.Cells = append(tr.Cells, to.Modes[md])
		}
		m.TradeOffs = append(m.TradeOffs, tr)
	}
	for _, md := range topology.Modes() {
		spec := figureSpec{View: topology.ViewEndpoints, Mode: md, Flow: topology.FlowKubeletToAPIServer}
		f, err := buildFigure(lang, spec.id(), spec, 0, nil)
		if err != nil {
			return err
		}
		f.PresentURL = spec.presentURL(0)
		m.Figures = append(m.Figures, f)
	}
	ex, err := s.pageExercise(&m.Page, 1)
	if err != nil {
		return err
	}
	m.Exercise = ex
	return render(w, r.Context(), http.StatusOK, view.Compare(m))
}

func compareCell(res topology.Result, id topology.FlowID, lang string) view.CompareCell {
	f, _ := res.Flow(id)
	names := componentNames(res.Config, lang)
	var path []string
	var c view.CompareCell
	for _, st := range f.Steps {
		if st.Kind == topology.StepDNS {
			c.Answer = "DNS: " + names[st.To] + " → " + view.T(lang, "answer") + ": " + st.Answer.Label().In(lang)
			continue
		}
		if len(path) == 0 {
			path = append(path, names[st.From])
		}
		path = append(path, names[st.To])
	}
	c.Path = strings.Join(path, " → ")
	c.CrossesInternet, c.PublicPath = f.CrossesInternet, f.PublicPath
	if f.Blocked != nil {
		c.Blocked, c.BlockedFix = f.Blocked.Reason.In(lang), f.Blocked.Fix.In(lang)
	}
	return c
}
