package params

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// PlayerState is one moment of a flow in an endpoint mode: what a page
// with a player shows, and what its address says.
type PlayerState struct {
	Mode topology.Mode
	Flow topology.FlowID
	Step int // 0 before the first step, then 1..Steps()
}

// Steps is how many steps the state's flow has in its mode.
func (st PlayerState) Steps() int {
	cfg, err := topology.ConfigFor(st.Mode)
	if err != nil {
		return 0
	}
	res, err := topology.Resolve(cfg)
	if err != nil {
		return 0
	}
	f, _ := res.Flow(st.Flow)
	return len(f.Steps)
}

// DecodePlayer applies a raw query to a page's default state: mode and
// flow from their sets, step within the chosen flow.
func DecodePlayer(raw string, def PlayerState) (PlayerState, error) {
	v, err := PlayerSchema.Decode(raw)
	if err != nil {
		return def, err
	}
	st := def
	if m, ok := v[fieldMode.Name]; ok {
		st.Mode = topology.Mode(m)
	}
	if f, ok := v[fieldFlow.Name]; ok {
		st.Flow = topology.FlowID(f)
	}
	if s, ok := v[fieldStep.Name]; ok {
		n, _ := strconv.Atoi(s) // the field accepted it, so it parses
		if max := st.Steps(); n > max {
			return def, Errors{invalidValue(fieldStep.Name, s, "0–"+strconv.Itoa(max))}
		}
		st.Step = n
	}
	return st, nil
}

// EncodePlayer is the canonical query of a state: mode, flow and step,
// always all three, so a shared link keeps its meaning if a page's
// default changes.
func EncodePlayer(st PlayerState) string {
	return PlayerSchema.Encode(Values{
		fieldMode.Name: string(st.Mode), fieldFlow.Name: string(st.Flow), fieldStep.Name: strconv.Itoa(st.Step),
	})
}
