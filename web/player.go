package web

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// playerState is what the URL of a page with a player says:
// ?mode=public&flow=kubelet-to-apiserver&step=3. Any moment of a flow is a
// link, and the server renders that moment, so it works without JS too.
type playerState struct {
	Mode topology.Mode
	Flow topology.FlowID
	Step int
}

func badParam(lang, name, value, accepted string) error {
	return badRequest(view.Tf(lang, "badParam", name, value, accepted))
}

// readPlayerState applies the URL's mode, flow and step to the chapter's
// defaults, rejecting values that name nothing.
func readPlayerState(lang string, q url.Values, def playerState) (playerState, error) {
	st := def
	if v := q.Get("mode"); v != "" {
		m, err := topology.ParseMode(v)
		if err != nil {
			return st, badParam(lang, "mode", v, joinIDs(topology.Modes()))
		}
		st.Mode = m
	}
	if v := q.Get("flow"); v != "" {
		f, err := topology.ParseFlow(v)
		if err != nil {
			return st, badParam(lang, "flow", v, joinIDs(topology.Flows()))
		}
		st.Flow = f
	}
	if v := q.Get("step"); v != "" {
		n, err := strconv.Atoi(v)
		max := stepCount(st)
		if err != nil || n < 0 || n > max {
			return st, badParam(lang, "step", v, fmt.Sprintf("0–%d", max))
		}
		st.Step = n
	}
	return st, nil
}

func stepCount(st playerState) int {
	cfg, _ := topology.ConfigFor(st.Mode)
	res, err := topology.Resolve(cfg)
	if err != nil {
		return 0
	}
	f, _ := res.Flow(st.Flow)
	return len(f.Steps)
}

func joinIDs[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// parsePlayerMarker reads the default state the chapter's block gave.
func parsePlayerMarker(html string) (before, after string, def playerState, ok bool) {
	i := strings.Index(html, playerMarker)
	if i < 0 {
		return html, "", def, false
	}
	end := strings.Index(html[i:], "-->")
	fields := strings.Fields(html[i+len(playerMarker) : i+end])
	if len(fields) != 2 {
		return html, "", def, false
	}
	def = playerState{Mode: topology.Mode(fields[0]), Flow: topology.FlowID(fields[1])}
	return html[:i], html[i+end+3:], def, true
}

// renderPlayer draws the player at st for a page at path.
func renderPlayer(ctx context.Context, lang, path string, st playerState) (string, error) {
	f := figureSpec{View: topology.ViewEndpoints, Mode: st.Mode, Flow: st.Flow}
	href := func(n int) string {
		return path + "?" + url.Values{"mode": {string(st.Mode)}, "flow": {string(st.Flow)}, "step": {itoa(n)}}.Encode() + "#player"
	}
	m, err := buildFigure(lang, "player", f, st.Step, href)
	if err != nil {
		return "", err
	}
	p := &view.PlayerModel{Action: path, Mode: string(st.Mode), Flow: string(st.Flow), Step: st.Step}
	for _, md := range topology.Modes() {
		p.Modes = append(p.Modes, view.Option{Value: string(md), Label: md.Label().In(lang), Selected: md == st.Mode})
	}
	for _, fl := range topology.Flows() {
		p.Flows = append(p.Flows, view.Option{Value: string(fl), Label: fl.Label().In(lang), Selected: fl == st.Flow})
	}
	m.Player = p
	var b bytes.Buffer
	if err := view.Figure(m).Render(ctx, &b); err != nil {
		return "", err
	}
	return b.String(), nil
}
