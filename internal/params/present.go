package params

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Presenter mode is a page's own address with present=1: the endpoint
// chapter, any chapter with a diagram, /compare. view= picks the diagram
// (the page's own by default); for the endpoints view mode=, flow= and
// step= say which moment of which flow is on the screen, as on the player.

var (
	fieldPresent = Field{
		Name: "present", Values: []string{"1"}, Aliases: map[string]string{"true": "1", "on": "1"},
		Label: text{EN: "Presenter mode", KO: "발표자 모드"},
		Help: text{
			EN: "1 shows one diagram full screen for a projector: large type, high contrast, the current step's caption under it.",
			KO: "1이면 다이어그램 하나를 프로젝터용 전체 화면으로 보여 줍니다. 큰 글자와 높은 대비로 그리고, 현재 단계의 설명을 아래에 크게 씁니다.",
		},
	}
	fieldView = Field{
		Name: "view", Values: names(topology.Views()),
		Label: text{EN: "Diagram view", KO: "다이어그램 뷰"},
		Help: text{
			EN: "Which diagram to present; default: the page's own (the player on the endpoint chapter, the endpoint view on the comparison).",
			KO: "발표할 다이어그램입니다. 기본값은 그 페이지의 다이어그램입니다(엔드포인트 장에서는 플레이어, 비교 페이지에서는 엔드포인트 뷰).",
		},
	}
)

// PresentSchema is the query of a page in presenter mode.
var PresentSchema = Schema{Fields: []Field{fieldPresent, fieldView, fieldMode, fieldFlow, fieldStep}}

// PresentState is what presenter mode shows: one view and, for the
// endpoints view, the moment of a flow (the other views have no steps).
type PresentState struct {
	View topology.View
	Mode topology.Mode
	Flow topology.FlowID
	Step int
}

// HasSteps says whether the state narrates a flow: only the endpoints
// view is drawn per mode and flow.
func (st PresentState) HasSteps() bool { return st.View == topology.ViewEndpoints }

// Player is the state's moment of a flow, as the player keeps it.
func (st PresentState) Player() PlayerState {
	return PlayerState{Mode: st.Mode, Flow: st.Flow, Step: st.Step}
}

// WantsPresenter reports whether a raw query asks for presenter mode (it
// names present=, whatever its value): such a page answers under
// PresentSchema, which then judges every parameter, present= included.
func WantsPresenter(raw string) bool {
	v, _ := Schema{Fields: []Field{{Name: fieldPresent.Name, Accept: func(string) bool { return true }}}}.Decode(raw)
	_, ok := v[fieldPresent.Name]
	return ok
}

// DecodePresent reads a presenter query against the page's own diagram
// def (View "" when the page has none, so view= is required). Every
// problem comes back at once: unknown or bad values, a mode, flow or step
// on a view that has none, a step past the flow's end.
func DecodePresent(raw string, def PresentState) (PresentState, error) {
	v, err := PresentSchema.Decode(raw)
	errs, _ := err.(Errors)
	st := def
	if _, ok := v[fieldPresent.Name]; !ok && !errs.has(fieldPresent.Name) {
		errs = append(errs, FieldError{Name: fieldPresent.Name, Problem: Invalid, Accepted: "1", Message: text{
			EN: "Presenter mode needs present=1.", KO: "발표자 모드에는 present=1이 필요합니다.",
		}})
	}
	if view, ok := v[fieldView.Name]; ok && topology.View(view) != def.View {
		st = PresentState{View: topology.View(view)}
	}
	if st.View == "" && !errs.has(fieldView.Name) {
		errs = append(errs, FieldError{Name: fieldView.Name, Problem: Invalid, Accepted: fieldView.accepted(), Message: text{
			EN: "This page has no diagram of its own to present: add view= (accepted: " + fieldView.accepted() + ").",
			KO: "이 페이지에는 발표할 자체 다이어그램이 없습니다. view=를 넣어 주세요(가능한 값: " + fieldView.accepted() + ").",
		}})
	}
	if !st.HasSteps() {
		for _, f := range []Field{fieldMode, fieldFlow, fieldStep} {
			if _, given := v[f.Name]; given && st.View != "" {
				errs = append(errs, FieldError{Name: f.Name, Value: v[f.Name], Problem: Conflict, Message: text{
					EN: "Only the endpoints view takes " + f.Name + "=; leave it out for view=" + string(st.View) + ".",
					KO: f.Name + "=는 엔드포인트 뷰에서만 씁니다. view=" + string(st.View) + "에서는 빼 주세요.",
				}})
			}
		}
		return presentResult(PresentState{View: st.View}, errs)
	}
	if m, ok := v[fieldMode.Name]; ok {
		st.Mode = topology.Mode(m)
	} else if st.Mode == "" {
		st.Mode = topology.Modes()[0]
	}
	if f, ok := v[fieldFlow.Name]; ok {
		st.Flow = topology.FlowID(f)
	} else if st.Flow == "" {
		st.Flow = topology.Flows()[0]
	}
	if s, ok := v[fieldStep.Name]; ok {
		n, _ := strconv.Atoi(s) // the field accepted it, so it parses
		if max := st.Player().Steps(); n > max {
			errs = append(errs, invalidValue(fieldStep.Name, s, "0–"+strconv.Itoa(max)))
		}
		st.Step = n
	}
	return presentResult(st, errs)
}

func presentResult(st PresentState, errs Errors) (PresentState, error) {
	if len(errs) > 0 {
		return st, errs
	}
	return st, nil
}

// EncodePresent is the canonical presenter query of a state: present=1
// and the view, then for the endpoints view mode, flow and step, always
// all three, as EncodePlayer writes them.
func EncodePresent(st PresentState) string {
	v := Values{fieldPresent.Name: "1", fieldView.Name: string(st.View)}
	if st.HasSteps() {
		v[fieldMode.Name], v[fieldFlow.Name], v[fieldStep.Name] = string(st.Mode), string(st.Flow), strconv.Itoa(st.Step)
	}
	return PresentSchema.Encode(v)
}
