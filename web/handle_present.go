package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// presentSource is the page presenter mode was entered from: its path,
// the diagram it presents by default and where Esc leads back to.
type presentSource struct {
	path string
	def  params.PresentState // View "" when the page has no diagram of its own
	// playerPath is the page whose player shows any moment of a flow: the
	// player's JavaScript fetches a new mode or flow from there.
	playerPath string
	// leave is the page's own address for a state: the player at that
	// moment, or the figure's anchor.
	leave func(st params.PresentState) string
}

// presentChapter answers /{lang}/{slug}?present=1&...: the chapter's
// player (or, with view=, any diagram) full screen.
func (s *server) presentChapter(w http.ResponseWriter, r *http.Request, lang, slug string) error {
	ch, ok := s.lib.Chapter(lang, slug)
	if !ok {
		return errNotFound()
	}
	src := presentSource{path: "/" + lang + "/" + slug}
	src.playerPath = s.playerPath(lang, src.path)
	player := chapterPlayer(ch)
	if player != nil {
		src.def = params.PresentState{View: topology.ViewEndpoints, Mode: player.Mode, Flow: player.Flow}
	}
	src.leave = func(st params.PresentState) string {
		if player != nil && st.HasSteps() {
			return src.path + "?" + params.EncodePlayer(st.Player()) + "#player"
		}
		return src.path + "#" + presentSpec(st).id()
	}
	return s.present(w, r, lang, ch.Title, src)
}

// presentCompare answers /{lang}/compare?present=1&...: the endpoint view
// the comparison draws per mode.
func (s *server) presentCompare(w http.ResponseWriter, r *http.Request, lang string) error {
	src := presentSource{path: "/" + lang + "/compare", def: params.PresentState{
		View: topology.ViewEndpoints, Mode: topology.Modes()[0], Flow: topology.FlowKubeletToAPIServer,
	}}
	src.playerPath = s.playerPath(lang, src.path)
	src.leave = func(st params.PresentState) string { return src.path + "#" + presentSpec(st).id() }
	return s.present(w, r, lang, view.T(lang, "compareTitle"), src)
}

// chapterPlayer is the chapter's player slot, if it has one.
func chapterPlayer(ch *content.Chapter) *content.DiagramSpec {
	for _, seg := range ch.Body {
		if seg.Slot != nil {
			if d, ok := seg.Slot.Spec.(*content.DiagramSpec); ok && d.Player {
				return d
			}
		}
	}
	return nil
}

// playerPath is the language's player chapter, or fallback without one.
func (s *server) playerPath(lang, fallback string) string {
	if ch, _, ok := s.lib.PlayerChapter(lang); ok {
		return "/" + lang + "/" + ch.Slug
	}
	return fallback
}

// presentSpec is the figure a presenter state shows.
func presentSpec(st params.PresentState) figureSpec {
	return figureSpec{View: st.View, Mode: st.Mode, Flow: st.Flow}
}

// present renders presenter mode at the state the query asks for, or the
// query's every problem as a 400.
func (s *server) present(w http.ResponseWriter, r *http.Request, lang, pageTitle string, src presentSource) error {
	st, err := params.DecodePresent(r.URL.RawQuery, src.def)
	if err != nil {
		return err
	}
	href := func(at params.PresentState) string { return src.path + "?" + params.EncodePresent(at) }
	fig, err := s.presentFigure(lang, st, src.playerPath, href)
	if err != nil {
		return err
	}
	m := view.PresentModel{
		Page:   s.page(r, lang, presentSpec(st).title(lang)+" · "+pageTitle, src.path),
		Figure: fig, Leave: src.leave(st), Step: st.Step,
	}
	// A presenter view is one way of showing a page, not a page to index.
	m.Page.NoIndex = true
	m.Page.AltPath += "?" + params.EncodePresent(st) // the same moment in the other language
	m.Page.CSS = append(m.Page.CSS, s.assets.URL("css/diagram.css"), s.assets.URL("css/present.css"))
	m.Page.Shortcuts = presentShortcuts(lang, st.HasSteps())
	// The page's only script: it brings the player, the help overlay and
	// the keys (the site header's scripts have nothing to work on here).
	m.Page.JS, m.Page.ModulePreloads = nil, nil
	s.assets.addModule(&m.Page, "js/present-page.js")
	if st.HasSteps() {
		m.Steps = st.Player().Steps()
		m.Nav = presentNav(lang, st, m.Steps, href)
		for i, md := range topology.Modes() {
			at := params.PresentState{View: st.View, Mode: md, Flow: st.Flow}
			m.Modes = append(m.Modes, view.PresentLink{
				Href: href(at), Label: md.Label().In(lang), Key: strconv.Itoa(i + 1), Value: string(md), Current: md == st.Mode,
			})
		}
		m.Flows = presentFlowNav(lang, st, href)
	}
	return render(w, r.Context(), http.StatusOK, view.Present(m))
}

// presentFigure is the figure presenter mode shows. With steps it is the
// player figure the player chapter shows (same id and markup, so the
// player's script can swap in another mode or flow fetched from there),
// its events linking to presenter states; without, the view with its
// notes, as the chapters draw it.
func (s *server) presentFigure(lang string, st params.PresentState, playerPath string, href func(params.PresentState) string) (view.FigureModel, error) {
	spec := presentSpec(st)
	if !st.HasSteps() {
		spec.Notes = s.lib.DiagramNotes(lang, st.View)
		return buildFigure(lang, "present", spec, 0, nil)
	}
	stepHref := func(n int) string {
		at := st
		at.Step = n
		return href(at)
	}
	fig, err := buildFigure(lang, "player", spec, st.Step, stepHref)
	if err != nil {
		return fig, err
	}
	fig.Player = playerModel(lang, playerPath, st.Player())
	return fig, nil
}

// playerModel is the player part of a figure at st; the form (hidden in
// presenter mode) submits to path, where the player's script also fetches
// other modes and flows. (renderPlayer builds the chapter's the same way;
// it is left as it is there, where the lab adds its link.)
func playerModel(lang, path string, st params.PlayerState) *view.PlayerModel {
	p := &view.PlayerModel{Action: path, Mode: string(st.Mode), Flow: string(st.Flow), Step: st.Step}
	for _, md := range topology.Modes() {
		p.Modes = append(p.Modes, view.Option{Value: string(md), Label: md.Label().In(lang), Selected: md == st.Mode})
	}
	for _, fl := range topology.Flows() {
		p.Flows = append(p.Flows, view.Option{Value: string(fl), Label: fl.Label().In(lang), Selected: fl == st.Flow})
	}
	return p
}

// presentNav are the step links that stand in for the keys without
// JavaScript: first, previous, next, last ("" at an edge).
func presentNav(lang string, st params.PresentState, steps int, href func(params.PresentState) string) []view.PresentLink {
	at := func(n int) string {
		if n < 0 || n > steps || n == st.Step {
			return ""
		}
		s := st
		s.Step = n
		return href(s)
	}
	return []view.PresentLink{
		{Href: at(0), Label: view.T(lang, "presentFirst"), Key: "Home", Rel: "first", Step: 0},
		{Href: at(st.Step - 1), Label: view.T(lang, "presentPrev"), Key: "←", Rel: "prev", Step: st.Step - 1},
		{Href: at(st.Step + 1), Label: view.T(lang, "presentNext"), Key: "→", Rel: "next", Step: st.Step + 1},
		{Href: at(steps), Label: view.T(lang, "presentLast"), Key: "End", Rel: "last", Step: steps},
	}
}

// presentFlowNav are the links that stand in for [ and ] without
// JavaScript: the previous and the next flow of the mode, from its first
// step. They wrap around (after the last flow comes the first), so
// neither key is ever dead: with four flows an instructor cycles through
// them rather than walks to an end.
func presentFlowNav(lang string, st params.PresentState, href func(params.PresentState) string) []view.PresentLink {
	flows := topology.Flows()
	i := slices.Index(flows, st.Flow)
	at := func(d int) (string, topology.FlowID) {
		s := st
		s.Flow, s.Step = flows[(i+d+len(flows))%len(flows)], 0
		return href(s), s.Flow
	}
	prev, prevFlow := at(-1)
	next, nextFlow := at(+1)
	return []view.PresentLink{
		{Href: prev, Label: view.T(lang, "presentPrevFlow"), Key: "[", Rel: "prev", Value: string(prevFlow), Title: prevFlow.Label().In(lang)},
		{Href: next, Label: view.T(lang, "presentNextFlow"), Key: "]", Rel: "next", Value: string(nextFlow), Title: nextFlow.Label().In(lang)},
	}
}

// presentShortcuts are presenter mode's keys (static/js/presenter.js).
func presentShortcuts(lang string, steps bool) []view.Shortcut {
	var out []view.Shortcut
	if steps {
		out = append(out,
			view.Shortcut{Keys: []string{"→", "Space"}, What: view.T(lang, "presentKeyNext")},
			view.Shortcut{Keys: []string{"←"}, What: view.T(lang, "presentKeyPrev")},
			view.Shortcut{Keys: []string{"Home", "End"}, What: view.T(lang, "presentKeyEnds")},
			view.Shortcut{Keys: []string{"1", "2", "3"}, What: view.T(lang, "keyMode")},
			view.Shortcut{Keys: []string{"[", "]"}, What: view.T(lang, "presentKeyFlow")},
		)
	}
	return append(out,
		view.Shortcut{Keys: []string{"F"}, What: view.T(lang, "presentKeyFullscreen")},
		view.Shortcut{Keys: []string{"B"}, What: view.T(lang, "presentKeyBlackout")},
		view.Shortcut{Keys: []string{"?"}, What: view.T(lang, "keyHelp")},
		view.Shortcut{Keys: []string{"Esc"}, What: view.T(lang, "presentKeyLeave")},
	)
}
