package params

import (
	"slices"
	"strconv"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

var fieldLang = Field{
	Name: "lang", Values: i18n.List(),
	Label: text{EN: "Label language", KO: "레이블 언어"},
	Help:  text{EN: "The language of the diagram's labels; default: the client's preference.", KO: "다이어그램 레이블의 언어입니다. 기본값은 클라이언트가 선호하는 언어입니다."},
}

// DiagramSchema is the query of a standalone diagram, /diagrams/{view}.svg:
// the view's own fields, then, for the endpoints view, the cluster
// configuration of ConfigSchema, so any configuration the lab or an
// exercise shows has its own standalone file.
var DiagramSchema = Schema{Fields: slices.Concat([]Field{fieldMode, fieldFlow, fieldLang, fieldAnimate}, ConfigSchema.Fields)}

// DiagramQuery is what a standalone diagram's address asks for.
type DiagramQuery struct {
	Mode    topology.Mode
	Flow    topology.FlowID
	Lang    i18n.Lang
	Animate bool
	// Config is the configuration to draw when the query gives any of its
	// fields; nil draws Mode's teaching configuration.
	Config *topology.Config
}

// DecodeDiagram reads a standalone diagram's query. endpoints says
// whether the view is the endpoint view, the only one drawn per
// configuration: it needs a mode or configuration fields and may take a
// flow; the other views take none of them. With configuration fields,
// mode= (if given) stands for its public and private access, and must
// agree with them.
func DecodeDiagram(raw string, endpoints bool, defaultLang i18n.Lang) (DiagramQuery, error) {
	v, err := DiagramSchema.Decode(raw)
	errs, _ := err.(Errors)
	q := DiagramQuery{
		Mode: topology.Mode(v[fieldMode.Name]), Flow: topology.FlowID(v[fieldFlow.Name]),
		Lang: defaultLang, Animate: v[fieldAnimate.Name] == "1",
	}
	if l, ok := v[fieldLang.Name]; ok {
		q.Lang = l
	}
	cv := configValues(v)
	switch {
	case !endpoints:
		for _, f := range DiagramSchema.Fields {
			_, isConfig := cv[f.Name]
			if _, given := v[f.Name]; given && (f.Name == fieldMode.Name || f.Name == fieldFlow.Name || isConfig) {
				errs = append(errs, FieldError{Name: f.Name, Value: v[f.Name], Problem: Conflict, Message: text{
					EN: "Only the endpoints view takes " + f.Name + "=; leave it out for this view.",
					KO: f.Name + "=는 엔드포인트 뷰에서만 씁니다. 이 뷰에서는 빼 주세요.",
				}})
			}
		}
	case len(cv) > 0:
		c, cerrs := diagramConfig(q.Mode, cv)
		errs = append(errs, cerrs...)
		q.Config = &c
	case q.Mode == "" && !errs.has(fieldMode.Name):
		errs = append(errs, FieldError{Name: fieldMode.Name, Problem: Invalid, Accepted: fieldMode.accepted(), Message: text{
			EN: "The endpoints view is drawn per mode: add mode= (accepted: " + fieldMode.accepted() + "), or the lab's configuration fields (public=, private=, …).",
			KO: "엔드포인트 뷰는 모드마다 그립니다. mode=를 넣어 주세요(가능한 값: " + fieldMode.accepted() + "). 실습의 구성 항목(public=, private= 등)을 넣어도 됩니다.",
		}})
	}
	if len(errs) > 0 {
		return q, errs
	}
	return q, nil
}

// configValues are the configuration fields among the decoded values.
func configValues(v Values) Values {
	cv := Values{}
	for _, f := range ConfigSchema.Fields {
		if s, ok := v[f.Name]; ok {
			cv[f.Name] = s
		}
	}
	return cv
}

// diagramConfig is the configuration of the fields cv, public and
// private access defaulting to mode's; a mode the fields contradict is
// a conflict.
func diagramConfig(mode topology.Mode, cv Values) (topology.Config, Errors) {
	if mc, err := topology.ConfigFor(mode); err == nil {
		for name, on := range map[string]bool{fieldPublic.Name: mc.PublicAccess, fieldPrivate.Name: mc.PrivateAccess} {
			if _, given := cv[name]; !given {
				cv[name] = strconv.FormatBool(on)
			}
		}
	}
	c, errs := configFrom(cv)
	if mode != "" && c.Mode() != "" && c.Mode() != mode {
		errs = append(errs, FieldError{Name: fieldMode.Name, Value: string(mode), Problem: Conflict, Message: text{
			EN: "mode=" + string(mode) + " disagrees with public= and private=, which make the mode " + string(c.Mode()) + "; give one or the other.",
			KO: "mode=" + string(mode) + " 값이 public=, private=로 정해지는 모드(" + string(c.Mode()) + ")와 맞지 않습니다. 둘 중 하나만 넣어 주세요.",
		}})
	}
	return c, errs
}

func (e Errors) has(name string) bool {
	for _, f := range e {
		if f.Name == name {
			return true
		}
	}
	return false
}
