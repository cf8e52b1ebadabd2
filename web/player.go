package web

import (
	"bytes"
	"context"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// playerHTML is the player at st for the page at path, from the fragment
// cache: only valid states reach it (params.DecodePlayer rejects the
// rest), so it holds at most languages × modes × flows × steps entries.
func (s *server) playerHTML(ctx context.Context, lang, path string, st params.PlayerState) (string, error) {
	key := "player|" + path + "?" + params.EncodePlayer(st)
	b, err := s.fragments.GetOrAdd(key, func() (cache.Bytes, error) {
		html, err := renderPlayer(ctx, lang, path, st)
		return cache.Bytes(html), err
	})
	return string(b), err
}

// renderPlayer draws the player at st for a page at path.
func renderPlayer(ctx context.Context, lang, path string, st params.PlayerState) (string, error) {
	f := figureSpec{View: topology.ViewEndpoints, Mode: st.Mode, Flow: st.Flow}
	href := func(n int) string {
		at := st
		at.Step = n
		return path + "?" + params.EncodePlayer(at) + "#player"
	}
	m, err := buildFigure(lang, "player", f, st.Step, href)
	if err != nil {
		return "", err
	}
	m.PresentURL = f.presentURL(st.Step)
	p := &view.PlayerModel{Action: path, Mode: string(st.Mode), Flow: string(st.Flow), Step: st.Step}
	for _, md := range topology.Modes() {
		p.Modes = append(p.Modes, view.Option{Value: string(md), Label: md.Label().In(lang), Selected: md == st.Mode})
	}
	for _, fl := range topology.Flows() {
		p.Flows = append(p.Flows, view.Option{Value: string(fl), Label: fl.Label().In(lang), Selected: fl == st.Flow})
	}
	p.LabURL = labModeURL(lang, st.Mode)
	m.Player = p
	var b bytes.Buffer
	if err := view.Figure(m).Render(ctx, &b); err != nil {
		return "", err
	}
	return b.String(), nil
}
