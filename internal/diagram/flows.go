package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// drawnStep is a step of a flow with the instances it joins and its route.
type drawnStep struct {
	n        int // 1-based
	step     topology.Step
	from, to placed
	pts      []Point
}

// layoutFlow picks, for every step of f, which instance of a per-AZ
// component it touches, and routes it. A flow stays in one AZ: the AZ of
// the client that starts it (a bastion host sits in the last AZ) or AZ a.
func layoutFlow(s *scene, f topology.Flow, route func(a, b placed) []Point) []drawnStep {
	ctx := 0
	if k, ok := s.at(topology.Kubectl, -1); ok && len(f.Steps) > 0 && f.Steps[0].From == topology.Kubectl &&
		k.comp.Zone == topology.ZoneCustomerVPC {
		ctx = len(s.instances(topology.Kubelet)) - 1
	}
	var out []drawnStep
	for i, st := range f.Steps {
		a, okA := instanceAt(s, st.From, ctx)
		b, okB := instanceAt(s, st.To, ctx)
		if !okA || !okB {
			continue
		}
		out = append(out, drawnStep{n: i + 1, step: st, from: a, to: b, pts: route(a, b)})
	}
	return out
}

// instanceAt returns the instance of id in AZ ctx, the last AZ it has if it
// has fewer, or its single instance.
func instanceAt(s *scene, id topology.ComponentID, ctx int) (placed, bool) {
	if p, ok := s.at(id, -1); ok {
		return p, true
	}
	azs := s.instances(id)
	if len(azs) == 0 {
		return placed{}, false
	}
	az := azs[len(azs)-1]
	if ctx < len(azs) {
		az = azs[ctx]
	}
	return s.at(id, az)
}

// flowAZ is the AZ a flow stays in, for placing its blocked mark.
func flowAZ(s *scene, steps []drawnStep) int {
	for _, d := range steps {
		if d.from.az >= 0 {
			return d.from.az
		}
		if d.to.az >= 0 {
			return d.to.az
		}
	}
	return 0
}
