package room

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// State is what a room shows. It names things, never words: a chapter by
// slug, a section by its anchor (both the same in every language), a
// view, mode and flow from the topology vocabulary. So one presenter
// drives a mixed Korean/English group.
type State struct {
	Chapter string          `json:"chapter"`
	Section string          `json:"section"`
	View    topology.View   `json:"view"`
	Mode    topology.Mode   `json:"mode,omitempty"`
	Flow    topology.FlowID `json:"flow,omitempty"`
	Step    int             `json:"step"`
}

// Contents says which chapters and sections exist. The web layer passes
// the loaded library; the room package does not read content itself.
type Contents interface {
	// Sections lists the section anchors of the chapter with slug, and
	// whether there is such a chapter.
	Sections(slug string) ([]string, bool)
	// First is the slug of the first chapter, where a new room opens.
	First() string
}

// Initial is the state a new room opens at: the first chapter, and the
// endpoint player at the first mode and flow, before the first step.
func Initial(c Contents) State {
	st := State{View: topology.ViewEndpoints, Mode: topology.Modes()[0], Flow: topology.Flows()[0]}
	if c != nil {
		st.Chapter = c.First()
	}
	return st
}

// Player is the state's endpoint player position.
func (s State) Player() params.PlayerState {
	return params.PlayerState{Mode: s.Mode, Flow: s.Flow, Step: s.Step}
}

// Validate reports every problem of s at once, as params.Errors named
// after the JSON fields. Views, modes and flows are checked through the
// topology vocabulary and the step through the flow's length, so a room
// accepts exactly what a page's address accepts. Only the endpoint view
// takes a mode and a flow (as with /diagrams). c may be nil, which skips
// the chapter checks.
func (s State) Validate(c Contents) error {
	var errs params.Errors
	if c != nil {
		errs = append(errs, checkChapter(c, s.Chapter, s.Section)...)
	}
	if _, err := topology.ParseView(string(s.View)); err != nil {
		errs = append(errs, vocabError(err))
	}
	if s.View == topology.ViewEndpoints {
		errs = append(errs, checkPlayer(s)...)
	} else {
		for _, f := range []struct{ name, value string }{{"mode", string(s.Mode)}, {"flow", string(s.Flow)}} {
			if f.value != "" {
				errs = append(errs, conflict(f.name, f.value))
			}
		}
		if s.Step != 0 {
			errs = append(errs, conflict("step", strconv.Itoa(s.Step)))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func checkPlayer(s State) params.Errors {
	var errs params.Errors
	_, modeErr := topology.ParseMode(string(s.Mode))
	_, flowErr := topology.ParseFlow(string(s.Flow))
	for _, err := range []error{modeErr, flowErr} {
		if err != nil {
			errs = append(errs, vocabError(err))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if max := s.Player().Steps(); s.Step < 0 || s.Step > max {
		accepted := "0–" + strconv.Itoa(max)
		errs = append(errs, params.FieldError{Name: "step", Value: strconv.Itoa(s.Step), Problem: params.Invalid, Accepted: accepted,
			Message: topology.Text{
				EN: "step " + strconv.Itoa(s.Step) + " is outside this flow (accepted: " + accepted + ").",
				KO: "step " + strconv.Itoa(s.Step) + " 값은 이 흐름에 없습니다(가능한 값: " + accepted + ").",
			}})
	}
	return errs
}

func checkChapter(c Contents, chapter, section string) params.Errors {
	sections, ok := c.Sections(chapter)
	if !ok {
		return params.Errors{{Name: "chapter", Value: chapter, Problem: params.Invalid, Message: topology.Text{
			EN: "chapter " + strconv.Quote(params.Shown(chapter)) + " is not a chapter of the course: give a chapter's slug, e.g. " + c.First() + ".",
			KO: "chapter " + strconv.Quote(params.Shown(chapter)) + " 값은 강좌에 없는 장입니다. " + c.First() + "처럼 장의 슬러그를 넣어 주세요.",
		}}}
	}
	if section == "" {
		return nil
	}
	for _, id := range sections {
		if id == section {
			return nil
		}
	}
	return params.Errors{{Name: "section", Value: section, Problem: params.Invalid, Message: topology.Text{
		EN: "section " + strconv.Quote(params.Shown(section)) + " is not a section of " + params.Shown(chapter) + ": give a section's anchor, or leave it empty for the chapter's start.",
		KO: "section " + strconv.Quote(params.Shown(section)) + " 값은 " + params.Shown(chapter) + " 장에 없는 절입니다. 절의 앵커를 넣거나, 장의 처음이면 비워 두세요.",
	}}}
}

// vocabError turns the topology's refusal into a field error in both
// languages; the accepted values are the vocabulary's own list.
func vocabError(err error) params.FieldError {
	var fe *topology.FieldError
	if !errors.As(err, &fe) {
		return params.FieldError{Name: "state", Problem: params.Invalid, Message: topology.Text{EN: err.Error(), KO: err.Error()}}
	}
	accepted := strings.Join(fe.Accepted, ", ")
	return params.FieldError{Name: fe.Field, Value: fe.Value, Problem: params.Invalid, Accepted: accepted, Message: topology.Text{
		EN: fe.Field + "=" + strconv.Quote(params.Shown(fe.Value)) + " is not accepted (accepted: " + accepted + ").",
		KO: fe.Field + "=" + strconv.Quote(params.Shown(fe.Value)) + " 값은 쓸 수 없습니다(가능한 값: " + accepted + ").",
	}}
}

func conflict(name, value string) params.FieldError {
	return params.FieldError{Name: name, Value: value, Problem: params.Conflict, Message: topology.Text{
		EN: "Only the endpoints view takes " + name + "; leave it out for this view.",
		KO: name + " 값은 endpoints 뷰에서만 씁니다. 이 뷰에서는 빼 주세요.",
	}}
}
