package room

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Poll is a room's live poll as everyone sees it. It names a quiz
// question by ID (its words come from the content, in each follower's
// language) or carries a typed question with its options, which are
// shown as typed. Every event of the room carries the whole poll, so a
// late joiner or a slow reader who missed an answer's event loses
// nothing: the first event of a stream shows the open poll.
type Poll struct {
	Opened   uint64   `json:"opened"`             // the ID of the event that opened it: tells one poll from the next
	Question string   `json:"question,omitempty"` // a quiz question's stable ID
	Text     string   `json:"text,omitempty"`     // a typed question
	Options  []string `json:"options,omitempty"`  // a typed question's options, in Keys' order
	Keys     []string `json:"keys"`               // the choices' keys, in order
	Counts   []int    `json:"counts"`             // answers per key, in Keys' order
	Revealed bool     `json:"revealed"`
	// Answer is the right choices' keys. Hubs keep it apart and put it in
	// the poll only once it is revealed, so no follower reads it early.
	Answer []string `json:"answer,omitempty"`
}

// Limits of a typed poll.
const (
	MaxPollTextRunes   = 300
	MaxPollOptionRunes = 120
	MinPollOptions     = 2
	MaxPollOptions     = 6
)

// optionKeys are the keys of a typed poll's options, as a quiz's are.
var optionKeys = []string{"a", "b", "c", "d", "e", "f"}

// Errors of polls.
var (
	ErrNoPoll = errors.New("room: no poll is open")
	// ErrAnswered is a participant's second answer to one poll: refused,
	// so the first answer counts and a count never moves backwards.
	ErrAnswered = errors.New("room: this participant has answered this poll already")
	// ErrRevealed is an answer after the reveal, refused for the same reason.
	ErrRevealed = errors.New("room: the poll's answer is revealed; it takes no more answers")
	// ErrNotParticipant is an answer from an ID that is not here now (it
	// never joined, or it left; Rejoin brings it back), or a Rejoin of an
	// ID the room never gave out or has forgotten.
	ErrNotParticipant = errors.New("room: no such participant in this room")
)

// QuizPoll is a poll on the quiz question id with choices keys and the
// right keys answer (the web layer reads them from the content).
func QuizPoll(id string, keys, answer []string) Poll {
	return Poll{Question: id, Keys: keys, Answer: answer}
}

// TypedPoll is a poll on a typed question. answer may be empty (an
// opinion poll); otherwise it names right options by key ("a", "b", …).
func TypedPoll(text string, options []string, answer []string) Poll {
	p := Poll{Text: strings.TrimSpace(text), Answer: answer}
	for _, o := range options {
		if o = strings.TrimSpace(o); o != "" {
			p.Options = append(p.Options, o)
		}
	}
	p.Keys = optionKeys[:min(len(p.Options), len(optionKeys))]
	return p
}

// ready checks p as a poll to open and returns it with zero counts and
// the answer kept aside, every problem at once as params.Errors.
func (p Poll) ready() (open Poll, answer []string, err error) {
	var errs params.Errors
	bad := func(name, value, en, ko string) {
		errs = append(errs, params.FieldError{Name: name, Value: value, Problem: params.Invalid, Message: topology.Text{EN: en, KO: ko}})
	}
	switch {
	case p.Question != "" && (p.Text != "" || len(p.Options) > 0):
		errs = append(errs, params.FieldError{Name: "text", Value: p.Text, Problem: params.Conflict, Message: topology.Text{
			EN: "Give either a quiz question's ID or a typed question with options, not both.",
			KO: "퀴즈 문항 ID와 직접 쓴 질문 중 하나만 넣어 주세요.",
		}})
	case p.Question != "":
		if len(p.Keys) < MinPollOptions {
			bad("question", p.Question, "This quiz question has too few choices for a poll.", "이 퀴즈 문항은 선택지가 너무 적어 투표로 쓸 수 없습니다.")
		}
	default:
		n := utf8.RuneCountInString(p.Text)
		if n == 0 || n > MaxPollTextRunes {
			bad("text", "", "Type a question of 1 to "+strconv.Itoa(MaxPollTextRunes)+" characters, or pick a quiz question.",
				"질문을 1~"+strconv.Itoa(MaxPollTextRunes)+"자로 쓰거나 퀴즈 문항을 골라 주세요.")
		}
		if len(p.Options) < MinPollOptions || len(p.Options) > MaxPollOptions {
			bad("options", strconv.Itoa(len(p.Options)), "A typed question takes 2 to 6 options that are not empty.",
				"직접 쓴 질문에는 비어 있지 않은 선택지를 2~6개 넣어 주세요.")
		}
		for _, o := range p.Options {
			if utf8.RuneCountInString(o) > MaxPollOptionRunes {
				bad("options", "", "An option has at most "+strconv.Itoa(MaxPollOptionRunes)+" characters.",
					"선택지는 "+strconv.Itoa(MaxPollOptionRunes)+"자까지 쓸 수 있습니다.")
				break
			}
		}
	}
	for _, k := range p.Answer {
		if !slices.Contains(p.Keys, k) {
			bad("answer", k, "The right answer must be one of the options' keys: "+strings.Join(p.Keys, ", ")+".",
				"정답은 선택지의 키 중 하나여야 합니다: "+strings.Join(p.Keys, ", ")+".")
		}
	}
	if len(errs) > 0 {
		return Poll{}, nil, errs
	}
	open = Poll{Opened: p.Opened, Question: p.Question, Text: p.Text, Options: p.Options, Keys: p.Keys, Counts: make([]int, len(p.Keys))}
	return open, p.Answer, nil
}

// choiceError is a choice that is not one of the poll's keys.
func choiceError(choice string, keys []string) error {
	accepted := strings.Join(keys, ", ")
	return params.Errors{{Name: "choice", Value: choice, Problem: params.Invalid, Accepted: accepted, Message: topology.Text{
		EN: "choice " + strconv.Quote(choice) + " is not an option of this poll (accepted: " + accepted + ").",
		KO: "choice " + strconv.Quote(choice) + " 값은 이 투표의 선택지가 아닙니다(가능한 값: " + accepted + ").",
	}}}
}

// Total is how many participants answered.
func (p *Poll) Total() int {
	n := 0
	for _, c := range p.Counts {
		n += c
	}
	return n
}

// Right reports whether key is a revealed right answer.
func (p *Poll) Right(key string) bool { return p.Revealed && slices.Contains(p.Answer, key) }
