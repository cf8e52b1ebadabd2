package params

import (
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

var fieldLang = Field{
	Name: "lang", Values: i18n.List(),
	Label: text{EN: "Label language", KO: "레이블 언어"},
	Help:  text{EN: "The language of the diagram's labels; default: the client's preference.", KO: "다이어그램 레이블의 언어입니다. 기본값은 클라이언트가 선호하는 언어입니다."},
}

// DiagramSchema is the query of a standalone diagram, /diagrams/{view}.svg.
var DiagramSchema = Schema{Fields: []Field{fieldMode, fieldFlow, fieldLang, fieldAnimate}}

// DiagramQuery is what a standalone diagram's address asks for.
type DiagramQuery struct {
	Mode    topology.Mode
	Flow    topology.FlowID
	Lang    i18n.Lang
	Animate bool
}

// DecodeDiagram reads a standalone diagram's query. endpoints says
// whether the view is the endpoint view, the only one drawn per mode: it
// needs a mode and may take a flow; the other views take neither.
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
	if endpoints && q.Mode == "" && !errs.has(fieldMode.Name) {
		errs = append(errs, FieldError{Name: fieldMode.Name, Problem: Invalid, Accepted: fieldMode.accepted(), Message: text{
			EN: "The endpoints view is drawn per mode: add mode= (accepted: " + fieldMode.accepted() + ").",
			KO: "엔드포인트 뷰는 모드마다 그립니다. mode=를 넣어 주세요(가능한 값: " + fieldMode.accepted() + ").",
		}})
	}
	if !endpoints {
		for _, f := range []Field{fieldMode, fieldFlow} {
			if _, given := v[f.Name]; given {
				errs = append(errs, FieldError{Name: f.Name, Value: v[f.Name], Problem: Conflict, Message: text{
					EN: "Only the endpoints view takes " + f.Name + "=; leave it out for this view.",
					KO: f.Name + "=는 엔드포인트 뷰에서만 씁니다. 이 뷰에서는 빼 주세요.",
				}})
			}
		}
	}
	if len(errs) > 0 {
		return q, errs
	}
	return q, nil
}

func (e Errors) has(name string) bool {
	for _, f := range e {
		if f.Name == name {
			return true
		}
	}
	return false
}
