package web

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/diagram"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// figureSpec names one diagram: a view and, for the endpoints view, a
// mode and optionally a flow to number and narrate.
type figureSpec struct {
	View topology.View
	Mode topology.Mode
	Flow topology.FlowID
	// Notes are the lines under the view, in the figure's language, from
	// the content data (see noteSource); only some views have them.
	Notes []string
	// Config, when set, is drawn instead of the mode's teaching
	// configuration (the lab); Mode is then Config.Mode().
	Config *topology.Config
}

// noteSource gives the notes writers keep for a view (content/data);
// *content.Data and *content.Library have it.
type noteSource interface {
	DiagramNotes(lang string, v topology.View) []string
}

func (f figureSpec) options(lang string) diagram.Options {
	return diagram.Options{View: f.View, Mode: f.Mode, Flow: f.Flow, Lang: lang, Notes: f.Notes, Config: f.Config}
}

// resolvedConfig is the configuration the figure's flows are resolved for:
// Config, or else the teaching configuration of Mode.
func (f figureSpec) resolvedConfig() (topology.Config, error) {
	if f.Config != nil {
		return *f.Config, nil
	}
	return topology.ConfigFor(f.Mode)
}

// pageOptions are the options for a diagram inside an HTML page, whose ids
// must not clash with the page's other diagrams.
func (f figureSpec) pageOptions(lang, id string) diagram.Options {
	o := f.options(lang)
	o.IDPrefix = id + "-"
	return o
}

// standaloneURL is the figure as a self-contained SVG for slides.
func (f figureSpec) standaloneURL(lang string, animate bool) string {
	q := url.Values{"lang": {lang}}
	if f.Mode != "" {
		q.Set("mode", string(f.Mode))
	}
	if f.Flow != "" {
		q.Set("flow", string(f.Flow))
	}
	if animate {
		q.Set("animate", "1")
	}
	return "/diagrams/" + string(f.View) + ".svg?" + q.Encode()
}

func (f figureSpec) id() string {
	id := "fig-" + string(f.View)
	if f.Mode != "" {
		id += "-" + string(f.Mode)
	}
	if f.Flow != "" {
		id += "-" + string(f.Flow)
	}
	return id
}

func (f figureSpec) title(lang string) string {
	t := f.View.Label().In(lang)
	if f.Mode != "" {
		t += " · " + f.Mode.Label().In(lang)
	}
	if f.Flow != "" {
		t += " · " + f.Flow.Label().In(lang)
	}
	return t
}

// buildFigure draws the diagram and, for a selected flow, its event list.
// current marks a step (0 for none); stepHref, when set, links each event.
func buildFigure(lang, id string, f figureSpec, current int, stepHref func(n int) string) (view.FigureModel, error) {
	opts := f.pageOptions(lang, id)
	if err := opts.Validate(); err != nil {
		return view.FigureModel{}, err
	}
	var svg bytes.Buffer
	if err := diagram.Render(&svg, opts); err != nil {
		return view.FigureModel{}, fmt.Errorf("rendering %s: %w", f.id(), err)
	}
	m := view.FigureModel{
		Lang: lang, ID: id, Title: f.title(lang), SVG: svg.String(),
		SVGURL: f.standaloneURL(lang, false), DownloadName: "eks-" + strings.TrimPrefix(f.id(), "fig-"),
	}
	if f.Flow == "" {
		return m, nil
	}
	m.AnimatedURL = f.standaloneURL(lang, true)
	cfg, err := f.resolvedConfig()
	if err != nil {
		return m, err
	}
	res, err := topology.Resolve(cfg)
	if err != nil {
		return m, err
	}
	flow, _ := res.Flow(f.Flow)
	names := componentNames(cfg, lang)
	for i, st := range flow.Steps {
		e := view.Event{
			N: i + 1, Kind: string(st.Kind), From: names[st.From], To: names[st.To],
			Network: string(st.Network), NetworkLabel: st.Network.Label().In(lang),
			Reason: st.Reason.In(lang), Current: i+1 == current,
		}
		if st.Kind == topology.StepDNS {
			e.Answer = view.T(lang, "answer") + ": " + st.Answer.Label().In(lang)
		}
		if stepHref != nil {
			e.Href = stepHref(i + 1)
		}
		m.Events = append(m.Events, e)
	}
	if b := flow.Blocked; b != nil {
		m.BlockedAt, m.Blocked = names[b.At], b.Reason.In(lang)
		m.BlockedCode, m.BlockedFix = string(b.Code), b.Fix.In(lang)
	}
	return m, nil
}

// componentNames are the model's own names for its components, so the
// event list says exactly what the diagram's labels say.
func componentNames(cfg topology.Config, lang string) map[topology.ComponentID]string {
	names := map[topology.ComponentID]string{}
	for _, c := range topology.Build(cfg).Components {
		names[c.ID] = c.Name.In(lang)
	}
	return names
}

func itoa(n int) string { return strconv.Itoa(n) }
