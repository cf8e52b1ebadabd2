package topology

// Zone returns the zone with the given ID, if the topology has it.
func (t Topology) Zone(id ZoneID) (Zone, bool) {
	for _, z := range t.Zones {
		if z.ID == id {
			return z, true
		}
	}
	return Zone{}, false
}

// Component returns the component with the given ID, if the topology has it.
func (t Topology) Component(id ComponentID) (Component, bool) {
	for _, c := range t.Components {
		if c.ID == id {
			return c, true
		}
	}
	return Component{}, false
}

// LinkBetween returns the link joining a and b in either direction, if any.
// Build never joins two components twice, so the answer is unique.
func (t Topology) LinkBetween(a, b ComponentID) (Link, bool) {
	for _, l := range t.Links {
		if (l.A == a && l.B == b) || (l.A == b && l.B == a) {
			return l, true
		}
	}
	return Link{}, false
}
