package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The lab's address is the configuration query of params.ConfigSchema
// (the contract /api/v1/resolve and shared links use) plus what the page
// shows of it: flow and step, as in the chapter's player, and was, the
// configuration before the last change, so the page can say what that
// change did.
const (
	labFlowParam = "flow"
	labStepParam = "step"
	labWasParam  = "was"
)

// labQuery is one lab address, decoded.
type labQuery struct {
	// given holds each parameter as the learner gave it (unescaped), so a
	// page with errors shows their values back, not the defaults.
	given map[string]string
	cfg   topology.Config
	flow  topology.FlowID // "" lets the page pick (the first blocked flow)
	step  int
	was   *topology.Config // nil without a valid was=
	// imported, read and ignored are the note of an import (lab_iac.go).
	imported, read, ignored string
	errs                    params.Errors
}

// labViewSchema is the part of the lab's query that is not configuration.
var labViewSchema = func() params.Schema {
	flow, _ := params.PlayerSchema.Field(labFlowParam)
	step, _ := params.PlayerSchema.Field(labStepParam)
	return params.Schema{Fields: []params.Field{flow, step, {
		Name: labWasParam, AcceptedText: "a lab configuration query",
	}, {
		Name: labImportedParam, Values: formatNames(),
	}, {
		Name: labReadParam, Check: checkReadFields, AcceptedText: "configuration parameter names, comma-separated",
	}, {
		Name: labIgnoredParam, AcceptedText: "the paths an import ignored, comma-separated",
	}}}
}()

func isLabViewParam(name string) bool {
	_, ok := labViewSchema.Field(name)
	return ok
}

func isConfigParam(name string) bool {
	_, ok := params.ConfigSchema.Field(name)
	return ok
}

// labAllSchema is every parameter the lab takes, for the message about
// one it does not.
func labAllSchema() params.Schema {
	return params.Schema{Fields: append(append([]params.Field{}, params.ConfigSchema.Fields...), labViewSchema.Fields...)}
}

// decodeLab splits the raw query into configuration and view parameters
// and decodes both, collecting every problem. The form's checkboxes send
// endpoints= once per ticked box; the lab reads those as one list, as if
// the learner had typed endpoints=a,b.
func decodeLab(raw string) labQuery {
	q := labQuery{given: map[string]string{}}
	var cfgPairs, viewPairs, endpoints []string
	ticked := false
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		rawName, rawValue, _ := strings.Cut(pair, "=")
		name, nerr := url.QueryUnescape(rawName)
		value, verr := url.QueryUnescape(rawValue)
		switch {
		case nerr == nil && verr == nil && name == "endpoints":
			ticked = true
			if value != "" {
				endpoints = append(endpoints, value)
			}
			continue
		case nerr == nil && isLabViewParam(name):
			viewPairs = append(viewPairs, pair)
		case nerr == nil && !isConfigParam(name):
			// Unknown to both halves: say so once, naming every
			// parameter the lab takes.
			_, err := labAllSchema().Decode(pair)
			if pe, ok := err.(params.Errors); ok {
				q.errs = append(q.errs, pe...)
			}
			continue
		default:
			cfgPairs = append(cfgPairs, pair)
		}
		if nerr == nil && verr == nil {
			if _, seen := q.given[name]; !seen {
				q.given[name] = value
			}
		}
	}
	if ticked {
		list := strings.Join(endpoints, ",")
		q.given["endpoints"] = list
		cfgPairs = append(cfgPairs, "endpoints="+url.QueryEscape(list))
	}
	cfg, err := params.DecodeConfig(strings.Join(cfgPairs, "&"))
	if pe, ok := err.(params.Errors); ok {
		q.errs = append(q.errs, pe...)
	}
	q.cfg = cfg
	q.decodeView(strings.Join(viewPairs, "&"))
	return q
}

// decodeView reads flow, step and was; step is checked against the flow
// once the page knows which flow it shows (checkStep).
func (q *labQuery) decodeView(raw string) {
	v, err := labViewSchema.Decode(raw)
	if pe, ok := err.(params.Errors); ok {
		q.errs = append(q.errs, pe...)
	}
	if f, ok := v[labFlowParam]; ok {
		q.flow = topology.FlowID(f)
	}
	if s, ok := v[labStepParam]; ok {
		q.step, _ = strconv.Atoi(s)
	}
	q.imported, q.read, q.ignored = v[labImportedParam], v[labReadParam], v[labIgnoredParam]
	if w, ok := v[labWasParam]; ok {
		// A stale or broken was= only loses the change note: it is the
		// page's memory, not the learner's configuration.
		if c, err := params.DecodeConfig(w); err == nil {
			q.was = &c
		}
	}
}

// checkStep refuses a step past the end of the flow shown.
func (q *labQuery) checkStep(steps int) {
	if q.step <= steps {
		return
	}
	given := strconv.Itoa(q.step)
	accepted := "0 to " + strconv.Itoa(steps)
	q.errs = append(q.errs, params.FieldError{
		Name: labStepParam, Value: given, Problem: params.Invalid, Accepted: accepted,
		Message: topology.Text{
			EN: "step=" + given + " is past the end of this flow, which has " + strconv.Itoa(steps) + " steps (accepted: " + accepted + ").",
			KO: "step=" + given + " 값은 이 흐름의 끝을 넘습니다. 이 흐름은 " + strconv.Itoa(steps) + "단계입니다(가능한 값: 0부터 " + strconv.Itoa(steps) + "까지).",
		},
	})
}

// shownFlow is the flow the diagram draws: the one asked for, else the
// first blocked flow (where the lesson is), else kubectl's.
func shownFlow(res topology.Result, asked topology.FlowID) topology.FlowID {
	if asked != "" {
		return asked
	}
	for _, f := range res.Flows {
		if !f.Reachable {
			return f.ID
		}
	}
	return topology.FlowKubectlToAPIServer
}
