package exercise

import (
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Result is the verdict on one answer. WrongAt is the index of the first
// wrong (or missing, or extra) pick, nil when the answer is right. Reason
// explains that index: the reason text of the step that should have been
// there, or, past the end of a blocked flow and for a stop exercise, why
// the flow stops. A right answer carries the Blocked reason of a blocked
// flow (why it stops where the learner said) and no reason otherwise.
type Result struct {
	Correct bool
	WrongAt *int
	Reason  topology.Text
}

// Check compares path, component IDs in the order the learner picked
// them, with the resolver's answer for ex.
func Check(ex *Exercise, path []topology.ComponentID) Result {
	if ex.Kind == KindStop {
		return checkStop(ex, path)
	}
	return checkPath(ex, path)
}

func checkStop(ex *Exercise, path []topology.ComponentID) Result {
	b := ex.flow.Blocked // Load admits a stop exercise only on a blocked flow
	switch {
	case len(path) == 0 || path[0] != b.At:
		return wrong(0, b.Reason)
	case len(path) > 1:
		return wrong(1, b.Reason)
	}
	return Result{Correct: true, Reason: b.Reason}
}

func checkPath(ex *Exercise, path []topology.ComponentID) Result {
	want, reasons := hopPath(ex.flow), hopReasons(ex.flow)
	for i := 0; i < max(len(want), len(path)); i++ {
		switch {
		case i >= len(want):
			return wrong(i, ex.endReason(want[len(want)-1]))
		case i >= len(path) || path[i] != want[i]:
			if i == 0 {
				return wrong(0, ex.startReason())
			}
			return wrong(i, reasons[i-1])
		}
	}
	r := Result{Correct: true}
	if b := ex.flow.Blocked; b != nil {
		r.Reason = b.Reason
	}
	return r
}

func wrong(i int, reason topology.Text) Result {
	return Result{WrongAt: &i, Reason: reason}
}

// startReason says where the flow starts, for a path that does not start there.
func (ex *Exercise) startReason() topology.Text {
	src := ex.name(ex.Source())
	return topology.Text{
		EN: "The packet of " + ex.Flow.Label().EN + " starts at " + src.EN + ".",
		KO: ex.Flow.Label().KO + " 패킷은 " + src.KO + "에서 출발합니다.",
	}
}

// endReason explains why nothing comes after the last component: the
// flow is blocked there, or the packet has arrived.
func (ex *Exercise) endReason(last topology.ComponentID) topology.Text {
	if b := ex.flow.Blocked; b != nil {
		return b.Reason
	}
	n := ex.name(last)
	return topology.Text{
		EN: "The packet has arrived at " + n.EN + ": the path ends there.",
		KO: "패킷은 " + n.KO + "에 도착했고, 경로는 거기서 끝납니다.",
	}
}

func (ex *Exercise) name(id topology.ComponentID) topology.Text {
	if c, ok := ex.Component(id); ok {
		return c.Name
	}
	return topology.Text{EN: string(id), KO: string(id)}
}
