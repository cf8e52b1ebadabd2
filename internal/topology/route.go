package topology

// hop is one packet move along a link of the topology.
type hop struct {
	from, to ComponentID
	network  Network
}

// isGateway reports whether packets may pass through c on their way to
// somewhere else. Only the VPC's gateways forward traffic; a client, a
// node, a resolver or an ENI is where a packet starts or ends. This keeps
// the search from, say, bouncing a node's packet off the bastion host.
func isGateway(c ComponentID) bool {
	return c == IGW || c == NATGateway || c == InterfaceEndpoints || c == S3Gateway
}

// route finds the shortest path from one component to another over the
// links whose network ok accepts, passing only through gateways. It is a
// breadth-first search over t.Links, in link order, so equal-length
// choices are settled by Build's fixed order and the result is
// deterministic. It reports false when no such path exists.
func route(t Topology, from, to ComponentID, ok func(Link) bool) ([]hop, bool) {
	if from == to {
		return nil, true
	}
	prev := map[ComponentID]hop{}
	seen := map[ComponentID]bool{from: true}
	queue := []ComponentID{from}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		if at != from && !isGateway(at) {
			continue
		}
		for _, l := range t.Links {
			next, linked := otherEnd(l, at)
			if !linked || seen[next] || !ok(l) {
				continue
			}
			seen[next] = true
			prev[next] = hop{from: at, to: next, network: l.Network}
			if next == to {
				return unwind(prev, from, to), true
			}
			queue = append(queue, next)
		}
	}
	return nil, false
}

// otherEnd returns the end of l opposite at, if l touches at.
func otherEnd(l Link, at ComponentID) (ComponentID, bool) {
	switch at {
	case l.A:
		return l.B, true
	case l.B:
		return l.A, true
	}
	return "", false
}

// unwind turns the search's back-pointers into hops from 'from' to 'to'.
func unwind(prev map[ComponentID]hop, from, to ComponentID) []hop {
	var rev []hop
	for at := to; at != from; {
		h := prev[at]
		rev = append(rev, h)
		at = h.from
	}
	hops := make([]hop, len(rev))
	for i, h := range rev {
		hops[len(rev)-1-i] = h
	}
	return hops
}

// onNetwork accepts links on exactly network n.
func onNetwork(n Network) func(Link) bool {
	return func(l Link) bool { return l.Network == n }
}

// toward accepts links that can carry packets to an address of kind a.
func toward(a Answer) func(Link) bool {
	return func(l Link) bool { return carries(a, l) }
}
