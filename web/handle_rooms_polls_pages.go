package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/web/view"
)

// The poll on the room pages: the presenter's panel, the follower's
// form, and the forms' handlers (plain POSTs; room.js sends them with
// Accept: application/json and gets the room back).

// pollView draws p in lang: a quiz question in the reader's language, a
// typed one as typed.
func (s *server) pollView(lang string, p *room.Poll, answered string) *view.PollView {
	if p == nil {
		return nil
	}
	v := &view.PollView{Lang: lang, Question: p.Question, Prompt: p.Text, Total: p.Total(), Revealed: p.Revealed,
		HasRight: len(p.Answer) > 0, Answered: answered, Key: strconv.FormatUint(p.Opened, 10) + "|" + strconv.FormatBool(p.Revealed)}
	texts := p.Options
	if q, _, ok := s.quizQuestion(p.Question); ok && p.Question != "" {
		t := q.Text(lang)
		v.Prompt = t.Prompt
		texts = nil
		for _, c := range t.Choices {
			texts = append(texts, c.Text)
		}
		if p.Revealed {
			v.Explain = t.Explain
		}
	}
	for i, k := range p.Keys {
		o := view.PollOption{Key: k, Count: p.Counts[i], Right: p.Right(k)}
		if i < len(texts) {
			o.Text = texts[i]
		}
		if v.Total > 0 {
			o.Percent = (o.Count*100/v.Total + 2) / 5 * 5
		}
		v.Options = append(v.Options, o)
	}
	return v
}

// pollPanel fills the presenter's poll panel: the quizzes' questions
// grouped by chapter, in lang.
func (s *server) pollPanel(lang, code string, snap room.Snapshot) view.PollPanelModel {
	m := view.PollPanelModel{Lang: lang, Action: roomPath(lang, code) + "/poll", Poll: s.pollView(lang, snap.Poll, "")}
	for _, z := range s.lib.Quizzes() {
		ch, ok := s.lib.Chapter(lang, z.Slug)
		if !ok {
			continue
		}
		g := view.OptGroup{Label: ch.Title}
		for _, q := range z.Questions {
			g.Options = append(g.Options, view.Option{Value: q.ID, Label: q.Text(lang).Prompt,
				Selected: snap.Poll != nil && snap.Poll.Question == q.ID})
		}
		m.Questions = append(m.Questions, g)
	}
	return m
}

func (s *server) pollFollower(lang, code string, snap room.Snapshot, notice string) view.PollFollowerModel {
	return view.PollFollowerModel{Lang: lang, Action: roomPath(lang, code) + "/poll/answer", Notice: notice,
		Poll: s.pollView(lang, snap.Poll, "")}
}

// participantCookie holds a follower's participant ID in the browser, so
// the poll form answers as the follower the room counts, and a reload, a
// reconnect or a second tab is the same participant again (one answer
// per participant): the event stream sets it when it joins the
// follower, the answer form when a follower without JavaScript answers
// first. It is set on each language's room pages and on /r/{code}, the
// event stream's path.
const participantCookie = "ekstutor_participant"

func (s *server) setParticipantCookie(w http.ResponseWriter, r *http.Request, code, id string) {
	paths := []string{"/r/" + code}
	for _, lang := range i18n.List() {
		paths = append(paths, roomPath(lang, code))
	}
	for _, path := range paths {
		http.SetCookie(w, &http.Cookie{Name: participantCookie, Value: id, Path: path,
			HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	}
}

// participantID is the ID the request's participant cookie holds, or "".
func participantID(r *http.Request) string {
	if c, err := r.Cookie(participantCookie); err == nil {
		return c.Value
	}
	return ""
}

// participant counts the sender as a participant of code and returns its
// ID: the one its cookie names if the room knows it (room.Hub.Rejoin),
// otherwise a new one, whose cookie goes with the answer. A cookie
// naming an ID the room never gave out (forged, or from an ended room of
// the same code) gets a new participant like no cookie; one naming
// another follower's real ID acts as that follower, which holding the ID
// allows anyway (the answer form takes it as it is), and nothing more:
// it cannot drive, poll, or answer twice.
func (s *server) participant(w http.ResponseWriter, r *http.Request, code, name string) (string, error) {
	if id := participantID(r); id != "" {
		err := s.rooms.hub.Rejoin(r.Context(), code, id, name)
		if err == nil {
			s.setParticipantCookie(w, r, code, id)
			return id, nil
		}
		if !errors.Is(err, room.ErrNotParticipant) {
			return "", err
		}
	}
	id, err := s.rooms.hub.Join(r.Context(), code, name)
	if err == nil {
		s.setParticipantCookie(w, r, code, id)
	}
	return id, err
}

// formReply answers a room form: JSON for room.js, otherwise done.
func (s *server) formReply(w http.ResponseWriter, r *http.Request, h func(wantsJSON bool) error) {
	wantsJSON := strings.Contains(r.Header.Get("Accept"), "application/json")
	if err := h(wantsJSON); err != nil {
		if wantsJSON {
			s.serveProblem(w, r, err)
		} else {
			s.serveError(w, r, err)
		}
	}
}

// pollForm is POST /{lang}/r/{code}/poll, the presenter's poll panel:
// action=open (question, or text, option×6 and answer), reveal or close.
func (s *server) pollForm(w http.ResponseWriter, r *http.Request) {
	s.formReply(w, r, func(wantsJSON bool) error {
		code, err := roomCode(r)
		if err != nil {
			return err
		}
		if err := r.ParseForm(); err != nil {
			return err
		}
		f, tok := r.PostForm, presenterToken(r)
		snap, err := s.presenterPoll(w, r, code, tok, func() (room.Event, error) {
			switch f.Get("action") {
			case "reveal":
				return s.rooms.hub.RevealPoll(r.Context(), code, tok)
			case "close":
				return s.rooms.hub.ClosePoll(r.Context(), code, tok)
			}
			body := pollJSON{Question: f.Get("question")}
			if body.Question == "" {
				body.Text, body.Options = f.Get("text"), f["option"]
				if a := f.Get("answer"); a != "" {
					body.Answer = []string{a}
				}
			}
			p, err := s.poll(body)
			if err != nil {
				return room.Event{}, err
			}
			ev, err := s.rooms.hub.OpenPoll(r.Context(), code, tok, p)
			if err == nil {
				s.metrics.polls.Inc()
			}
			return ev, err
		})
		if err != nil {
			return err
		}
		if wantsJSON {
			return writeJSON(w, snap)
		}
		http.Redirect(w, r, roomPath(pathLang(r), code)+"/present", http.StatusSeeOther)
		return nil
	})
}

// answerForm is POST /{lang}/r/{code}/poll/answer with choice, a
// follower's answer. A follower not here now joins here: one without
// JavaScript (so no event stream) as a new participant, one whose
// streams have all left as the participant its cookie names, so the
// answer it gave counts once.
func (s *server) answerForm(w http.ResponseWriter, r *http.Request) {
	s.formReply(w, r, func(wantsJSON bool) error {
		lang := pathLang(r)
		code, err := roomCode(r)
		if err != nil {
			return err
		}
		choice := r.PostFormValue("choice")
		ev, err := s.rooms.hub.Answer(r.Context(), code, participantID(r), choice)
		if errors.Is(err, room.ErrNotParticipant) {
			var id string
			if id, err = s.participant(w, r, code, ""); err != nil {
				return retryAfter(w, roomError(err))
			}
			ev, err = s.rooms.hub.Answer(r.Context(), code, id, choice)
		}
		if err != nil {
			return retryAfter(w, pollError(err))
		}
		s.metrics.answers.Inc()
		if wantsJSON {
			return writeJSON(w, ev.Snapshot(code))
		}
		return s.renderFollower(w, r, lang, code, ev.Snapshot(code), view.T(lang, "poll.counted"))
	})
}
