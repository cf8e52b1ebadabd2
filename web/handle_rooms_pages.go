package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// roomsPage is /{lang}/rooms.
func (s *server) roomsPage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	if err := noParams(r); err != nil {
		return err
	}
	m := view.RoomsModel{Page: s.page(r, lang, view.T(lang, "room.title"), "/"+lang+"/rooms")}
	m.Page.Description = view.T(lang, "room.intro")
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r.Context(), http.StatusOK, view.Rooms(m))
}

// roomJoinForm is the join form's GET: to the room, the display name in
// the fragment (room.js reads it; the server never needs it in a URL).
func (s *server) roomJoinForm(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	q := r.URL.Query()
	code, ok := room.NormaliseCode(q.Get("code"))
	if !ok {
		return params.Errors{{Name: "code", Value: q.Get("code"), Problem: params.Invalid,
			Accepted: strconv.Itoa(room.CodeLength) + " of " + room.CodeAlphabet, Message: topology.Text{
				EN: "A join code has " + strconv.Itoa(room.CodeLength) + " letters and digits, e.g. K7M-2PQ; check it with the presenter.",
				KO: "참여 코드는 글자와 숫자 " + strconv.Itoa(room.CodeLength) + "개입니다(예: K7M-2PQ). 발표자에게 확인해 주세요.",
			}}}
	}
	if _, err := s.rooms.hub.Get(r.Context(), code); err != nil {
		return roomError(err)
	}
	to := "/" + lang + "/r/" + code
	if name := strings.TrimSpace(q.Get("name")); name != "" {
		to += "#name=" + url.QueryEscape(name)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// roomPath is the follower page's path; the player's form and links
// point there, so a follower who looks around stays on the room's page.
func roomPath(lang, code string) string { return "/" + lang + "/r/" + code }

// roomView draws st in lang: the chapter and section it names, and its
// diagram, the player at ps for the endpoint view.
func (s *server) roomView(r *http.Request, lang, code string, snap room.Snapshot, ps params.PlayerState) (view.RoomView, error) {
	st := snap.State
	v := view.RoomView{Lang: lang, Chapter: st.Chapter, Section: st.Section, View: string(st.View),
		Mode: string(ps.Mode), Flow: string(ps.Flow), Step: ps.Step, ID: snap.ID, ViewTitle: st.View.Label().In(lang)}
	if ch, ok := s.lib.Chapter(lang, st.Chapter); ok {
		v.ChapterTitle, v.Href = ch.Title, "/"+lang+"/"+ch.Slug
		for _, h := range ch.TOC {
			if h.ID == st.Section && st.Section != "" {
				v.SectionTitle, v.Href = h.Title, v.Href+"#"+h.ID
			}
		}
	}
	if st.View == topology.ViewEndpoints {
		html, err := s.playerHTML(r.Context(), lang, roomPath(lang, code), ps)
		v.Figure = html
		return v, err
	}
	f := figureSpec{View: st.View, Notes: s.lib.DiagramNotes(lang, st.View)}
	m, err := buildFigure(lang, "room-figure", f, 0, nil)
	if err != nil {
		return v, err
	}
	var b bytes.Buffer
	err = view.Figure(m).Render(r.Context(), &b)
	v.Figure = b.String()
	return v, err
}

// roomPage fills what both room pages share.
func (s *server) roomPage(r *http.Request, lang, title, path string) view.Page {
	p := s.page(r, lang, title, path)
	p.NoIndex = true // a room is for the people in it, not for search engines
	p.Description = view.T(lang, "room.intro")
	p.CSS = append(p.CSS, s.assets.URL("css/diagram.css"), s.assets.URL("css/poll.css"))
	s.assets.addModule(&p, "js/room.js")
	p.Shortcuts = append(p.Shortcuts, playerShortcuts(lang)...)
	return p
}

// followerPage is /{lang}/r/{code}: the room's current state in the
// reader's language. mode, flow and step in the query are a follower
// looking around on their own (the player's form sends them): the page
// then says so and links back to the room's state.
func (s *server) followerPage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	snap, err := s.rooms.hub.Get(r.Context(), code)
	if err != nil {
		return roomError(err)
	}
	ps := snap.State.Player()
	if snap.State.View == topology.ViewEndpoints {
		if ps, err = params.DecodePlayer(r.URL.RawQuery, ps); err != nil {
			return err
		}
	} else if err := noParams(r); err != nil {
		return err
	}
	return s.renderFollowerAt(w, r, lang, code, snap, ps, r.URL.RawQuery != "", "")
}

// renderFollower draws the follower page at the room's own state, with
// notice (what the reader's last form did) in the poll.
func (s *server) renderFollower(w http.ResponseWriter, r *http.Request, lang, code string, snap room.Snapshot, notice string) error {
	return s.renderFollowerAt(w, r, lang, code, snap, snap.State.Player(), false, notice)
}

func (s *server) renderFollowerAt(w http.ResponseWriter, r *http.Request, lang, code string, snap room.Snapshot, ps params.PlayerState, detached bool, notice string) error {
	path := roomPath(lang, code)
	m := view.RoomFollowerModel{Page: s.roomPage(r, lang, view.T(lang, "room.followerTitle")+" "+code, path),
		Code: code, Followers: snap.Followers, Detached: detached, FollowURL: path,
		Poll: s.pollFollower(lang, code, snap, notice)}
	var err error
	if m.View, err = s.roomView(r, lang, code, snap, ps); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r.Context(), http.StatusOK, view.RoomFollower(m))
}

// presenterCookie holds the presenter token in the browser, scoped to
// the room's pages (one cookie per language's path), HttpOnly so no
// script can read it, SameSite=Strict so no other site can use it.
const presenterCookie = "ekstutor_presenter"

func (s *server) setPresenterCookie(w http.ResponseWriter, r *http.Request, code, token string, maxAge int) {
	for _, lang := range i18n.List() {
		http.SetCookie(w, &http.Cookie{Name: presenterCookie, Value: token, Path: roomPath(lang, code), MaxAge: maxAge,
			HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	}
}

func presenterToken(r *http.Request) string {
	c, err := r.Cookie(presenterCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// newRoomForm is POST /{lang}/rooms: the sender becomes the presenter.
func (s *server) newRoomForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.createRoom(w, r)
	if err != nil {
		return err
	}
	s.setPresenterCookie(w, r, c.Code, c.Token, 0)
	http.Redirect(w, r, roomPath(pathLang(r), c.Code)+"/present", http.StatusSeeOther)
	return nil
}

// claimForm is POST /{lang}/r/{code}/claim: a presenter link's token
// (room.js posts it from the fragment) or a pasted one.
func (s *server) claimForm(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	form, err := roomForm(r)
	if err != nil {
		return err
	}
	tok := form.Get("token")
	if err := s.rooms.hub.Authorise(r.Context(), code, tok); err != nil {
		return roomError(err)
	}
	s.setPresenterCookie(w, r, code, tok, 0)
	http.Redirect(w, r, roomPath(pathLang(r), code)+"/present", http.StatusSeeOther)
	return nil
}

// endForm is POST /{lang}/r/{code}/end.
func (s *server) endForm(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	if err := s.rooms.hub.End(r.Context(), code, presenterToken(r)); err != nil {
		return roomError(err)
	}
	s.setPresenterCookie(w, r, code, "", -1)
	http.Redirect(w, r, "/"+pathLang(r)+"/rooms", http.StatusSeeOther)
	return nil
}

// stateForm is POST /{lang}/r/{code}/state, the presenter's controls. A
// script asking for JSON gets the new state (or problem JSON); a form
// without script is sent back to the presenter page.
func (s *server) stateForm(w http.ResponseWriter, r *http.Request) {
	wantsJSON := strings.Contains(r.Header.Get("Accept"), "application/json")
	fail := func(err error) {
		if wantsJSON {
			s.serveProblem(w, r, err)
		} else {
			s.serveError(w, r, err)
		}
	}
	code, err := roomCode(r)
	if err != nil {
		fail(err)
		return
	}
	st, err := formState(r)
	if err != nil {
		fail(err)
		return
	}
	err = s.drive(w, r, code, presenterToken(r), st, func(snap room.Snapshot) error {
		if wantsJSON {
			return writeJSON(w, snap)
		}
		http.Redirect(w, r, roomPath(pathLang(r), code)+"/present", http.StatusSeeOther)
		return nil
	})
	if err != nil {
		fail(err)
	}
}

// formState reads the controls: where is "chapter" or "chapter/section";
// move=prev|next steps from step. The form always sends a mode and a
// flow; only the endpoint view keeps them, and a step past a newly
// chosen flow's end is its last step (a form is a person, not a script).
func formState(r *http.Request) (room.State, error) {
	f, err := roomForm(r)
	if err != nil {
		return room.State{}, err
	}
	chapter, section, _ := strings.Cut(f.Get("where"), "/")
	st := room.State{Chapter: chapter, Section: section, View: topology.View(f.Get("view"))}
	if st.View != topology.ViewEndpoints {
		return st, nil
	}
	st.Mode, st.Flow = topology.Mode(f.Get("mode")), topology.FlowID(f.Get("flow"))
	n, err := strconv.Atoi(f.Get("step"))
	if err != nil || n < 0 {
		return st, params.Errors{{Name: "step", Value: f.Get("step"), Problem: params.Invalid, Accepted: "0, 1, 2, …",
			Message: topology.Text{EN: "step must be a whole number from 0.", KO: "step은 0부터의 정수로 넣어 주세요."}}}
	}
	switch f.Get("move") {
	case "prev":
		n--
	case "next":
		n++
	}
	st.Step = max(0, min(n, st.Player().Steps()))
	return st, nil
}

// roomForm reads a room form's body. The forms take no query: one in
// the address is refused by name rather than read as the form's fault.
func roomForm(r *http.Request) (url.Values, error) {
	if err := noParams(r); err != nil {
		return nil, err
	}
	return readForm(r)
}

// presenterPage is /{lang}/r/{code}/present. Without the presenter
// cookie it asks for the token (a presenter link fills it in).
func (s *server) presenterPage(w http.ResponseWriter, r *http.Request) error {
	lang := pathLang(r)
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	if err := noParams(r); err != nil {
		return err
	}
	snap, err := s.rooms.hub.Get(r.Context(), code)
	if err != nil {
		return roomError(err)
	}
	path := roomPath(lang, code) + "/present"
	m := view.RoomPresenterModel{Page: s.roomPage(r, lang, view.T(lang, "room.presenterTitle")+" "+code, path), Code: code}
	w.Header().Set("Cache-Control", "no-store")
	tok := presenterToken(r)
	if err := s.rooms.hub.Authorise(r.Context(), code, tok); err != nil {
		if !errors.Is(err, room.ErrForbidden) {
			return roomError(err)
		}
		m.Claim, m.ClaimWrong = true, tok != ""
		return render(w, r.Context(), http.StatusOK, view.RoomPresenter(m))
	}
	s.presenterControls(r, lang, code, tok, snap, &m)
	m.Poll = s.pollPanel(lang, code, snap)
	if m.View, err = s.roomView(r, lang, code, snap, snap.State.Player()); err != nil {
		return err
	}
	return render(w, r.Context(), http.StatusOK, view.RoomPresenter(m))
}

func (s *server) presenterControls(r *http.Request, lang, code, tok string, snap room.Snapshot, m *view.RoomPresenterModel) {
	st := snap.State
	m.JoinURL = s.joinURL(r, code)
	m.QRURL = "/r/" + code + "/qr.svg"
	m.Handover = s.origin.of(r) + roomPath(lang, code) + "/present#token=" + tok
	m.Followers = snap.Followers
	m.Action = roomPath(lang, code) + "/state"
	for _, ch := range s.lib.Chapters(lang) {
		g := view.OptGroup{Label: ch.Title, Options: []view.Option{{Value: ch.Slug, Label: ch.Title, Selected: st.Chapter == ch.Slug && st.Section == ""}}}
		for _, h := range ch.TOC {
			g.Options = append(g.Options, view.Option{Value: ch.Slug + "/" + h.ID, Label: "— " + h.Title,
				Selected: st.Chapter == ch.Slug && st.Section == h.ID})
		}
		m.Where = append(m.Where, g)
	}
	for _, v := range topology.Views() {
		m.Views = append(m.Views, view.Option{Value: string(v), Label: v.Label().In(lang), Selected: v == st.View})
	}
	ps := st.Player()
	if st.View != topology.ViewEndpoints {
		ps = room.Initial(nil).Player()
	}
	for _, md := range topology.Modes() {
		m.Modes = append(m.Modes, view.Option{Value: string(md), Label: md.Label().In(lang), Selected: md == ps.Mode})
	}
	for _, fl := range topology.Flows() {
		m.Flows = append(m.Flows, view.Option{Value: string(fl), Label: fl.Label().In(lang), Selected: fl == ps.Flow})
	}
	m.Step, m.MaxStep = ps.Step, ps.Steps()
}

// roomQR is /r/{code}/qr.svg: the join link as a QR code to project.
func (s *server) roomQR(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	if _, err := s.rooms.hub.Get(r.Context(), code); err != nil {
		return roomError(err)
	}
	svg, err := qrSVG(s.joinURL(r, code))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(svg)
	return err
}
