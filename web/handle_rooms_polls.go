package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// A room's live poll, as JSON API and as the pages' forms. The hub keeps
// the poll (internal/room); here a quiz question's ID is resolved to its
// choices and answer from the content, so the hub needs no quizzes.

// pollJSON opens a poll: a quiz question's ID, or a typed question with
// its options (answer optional: the right options' keys, a, b, …).
type pollJSON struct {
	Question string   `json:"question,omitempty"`
	Text     string   `json:"text,omitempty"`
	Options  []string `json:"options,omitempty"`
	Answer   []string `json:"answer,omitempty"`
}

const pollShape = `{"question"} or {"text","options","answer"}`

// answerJSON is one participant's answer.
type answerJSON struct {
	ParticipantID string `json:"participant_id"`
	Choice        string `json:"choice"`
}

// quizQuestion finds a question of any chapter's quiz by its stable ID.
func (s *server) quizQuestion(id string) (*content.Question, *content.Quiz, bool) {
	for _, z := range s.lib.Quizzes() {
		if q, ok := z.Question(id); ok {
			return q, z, true
		}
	}
	return nil, nil, false
}

// poll turns the request's poll into the hub's: a quiz question's
// choices and answer come from the content.
func (s *server) poll(p pollJSON) (room.Poll, error) {
	if p.Question == "" {
		return room.TypedPoll(p.Text, p.Options, p.Answer), nil
	}
	q, _, ok := s.quizQuestion(p.Question)
	if !ok {
		return room.Poll{}, params.Errors{{Name: "question", Value: p.Question, Problem: params.Invalid, Message: topology.Text{
			EN: "question " + strconv.Quote(params.Shown(p.Question)) + " is not a quiz question's ID: pick one of the quizzes' questions, or type one.",
			KO: "question " + strconv.Quote(params.Shown(p.Question)) + " 값은 퀴즈 문항 ID가 아닙니다. 퀴즈 문항을 고르거나 질문을 직접 써 주세요.",
		}}}
	}
	if p.Text != "" || len(p.Options) > 0 || len(p.Answer) > 0 {
		return room.Poll{}, params.Errors{{Name: "text", Problem: params.Conflict, Message: topology.Text{
			EN: "A quiz question brings its own words, options and answer: send only its ID, or type a question instead.",
			KO: "퀴즈 문항은 질문과 선택지, 정답을 함께 가져옵니다. ID만 보내거나 질문을 직접 써 주세요.",
		}}}
	}
	return room.QuizPoll(q.ID, q.ChoiceKeys(), q.Answer), nil
}

// pollError says what a poll refusal means, in both languages.
func pollError(err error) error {
	conflict := func(en, ko string) error {
		return &Error{Status: http.StatusConflict, Detail: topology.Text{EN: en, KO: ko}}
	}
	switch {
	case errors.Is(err, room.ErrNoPoll):
		return conflict("No poll is open in this room: the presenter may have closed it.",
			"이 방에 열린 투표가 없습니다. 발표자가 닫았을 수 있습니다.")
	case errors.Is(err, room.ErrAnswered):
		return conflict("You have answered this poll already: one answer per participant, and the first one counts.",
			"이 투표에 이미 답했습니다. 참여자마다 한 번만 답할 수 있고 처음 답이 집계됩니다.")
	case errors.Is(err, room.ErrRevealed):
		return conflict("The answer is revealed, so this poll takes no more answers.",
			"정답이 공개되어 이 투표는 더 이상 답을 받지 않습니다.")
	case errors.Is(err, room.ErrNotParticipant):
		return &Error{Status: http.StatusForbidden, Detail: topology.Text{
			EN: "This participant ID is not in the room: join first (POST /api/v1/rooms/{code}/join) and answer with the ID you get.",
			KO: "이 참여자 ID는 방에 없습니다. 먼저 참여(POST /api/v1/rooms/{code}/join)하고 받은 ID로 답해 주세요.",
		}}
	}
	return roomError(err)
}

// presenterPoll runs one of the presenter's poll operations: the token
// first (so a stranger learns nothing), then op.
func (s *server) presenterPoll(w http.ResponseWriter, r *http.Request, code, tok string, op func() (room.Event, error)) (room.Snapshot, error) {
	if err := s.rooms.hub.Authorise(r.Context(), code, tok); err != nil {
		return room.Snapshot{}, retryAfter(w, roomError(err))
	}
	ev, err := op()
	if err != nil {
		return room.Snapshot{}, retryAfter(w, pollError(err))
	}
	return ev.Snapshot(code), nil
}

// apiOpenPoll is POST /api/v1/rooms/{code}/polls with the presenter token.
func (s *server) apiOpenPoll(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	tok, err := bearer(w, r)
	if err != nil {
		return err
	}
	var body pollJSON
	if err := decodeJSONShape(r, &body, pollShape); err != nil {
		return err
	}
	snap, err := s.presenterPoll(w, r, code, tok, func() (room.Event, error) {
		p, err := s.poll(body)
		if err != nil {
			return room.Event{}, err
		}
		return s.rooms.hub.OpenPoll(r.Context(), code, tok, p)
	})
	if err != nil {
		return err
	}
	s.metrics.polls.Inc()
	return writeJSONStatus(w, http.StatusCreated, snap)
}

// apiRevealPoll is POST /api/v1/rooms/{code}/polls/reveal.
func (s *server) apiRevealPoll(w http.ResponseWriter, r *http.Request) error {
	return s.apiPresenterPoll(w, r, s.rooms.hub.RevealPoll)
}

// apiClosePoll is DELETE /api/v1/rooms/{code}/polls.
func (s *server) apiClosePoll(w http.ResponseWriter, r *http.Request) error {
	return s.apiPresenterPoll(w, r, s.rooms.hub.ClosePoll)
}

func (s *server) apiPresenterPoll(w http.ResponseWriter, r *http.Request, op func(ctx context.Context, code, tok string) (room.Event, error)) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	tok, err := bearer(w, r)
	if err != nil {
		return err
	}
	snap, err := s.presenterPoll(w, r, code, tok, func() (room.Event, error) { return op(r.Context(), code, tok) })
	if err != nil {
		return err
	}
	return writeJSON(w, snap)
}

// apiAnswerPoll is POST /api/v1/rooms/{code}/polls/answer.
func (s *server) apiAnswerPoll(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	var body answerJSON
	if err := decodeJSONShape(r, &body, `{"participant_id","choice"}`); err != nil {
		return err
	}
	var missing params.Errors
	for _, f := range []struct{ name, value string }{{"participant_id", body.ParticipantID}, {"choice", body.Choice}} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, params.FieldError{Name: f.name, Problem: params.Invalid, Message: topology.Text{
				EN: f.name + " is required.", KO: f.name + " 값을 넣어 주세요.",
			}})
		}
	}
	if len(missing) > 0 {
		return missing
	}
	ev, err := s.rooms.hub.Answer(r.Context(), code, body.ParticipantID, body.Choice)
	if err != nil {
		return retryAfter(w, pollError(err))
	}
	s.metrics.answers.Inc()
	return writeJSON(w, ev.Snapshot(code))
}
