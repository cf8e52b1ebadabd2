package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// key names one drawn instance of a component: az is the AZ index for
// per-AZ components and -1 otherwise.
type key struct {
	id topology.ComponentID
	az int
}

// placed is a component instance with its box on the page.
type placed struct {
	key
	comp topology.Component
	box  Box
}

// zoneBox is a group outline with its caption.
type zoneBox struct {
	box    Box
	class  string
	label  string
	bottom bool // caption in the bottom-left corner instead of the top-left
}

// scene is a laid-out model: what to draw and where. Views build one and
// then add their own decorations.
type scene struct {
	w, h  int
	zones []zoneBox
	comps []placed // in model order, so output is deterministic
	index map[key]int
	areas map[topology.ZoneID]Box // where each model zone is drawn
}

func newScene(w, h int) *scene {
	return &scene{w: w, h: h, index: map[key]int{}, areas: map[topology.ZoneID]Box{}}
}

func (s *scene) addZone(b Box, class, label string) {
	s.zones = append(s.zones, zoneBox{box: b, class: class, label: label})
}

// addZoneBottom adds a zone captioned in its bottom-left corner.
func (s *scene) addZoneBottom(b Box, class, label string) {
	s.zones = append(s.zones, zoneBox{box: b, class: class, label: label, bottom: true})
}

func (s *scene) addComp(c topology.Component, az int, b Box) {
	k := key{c.ID, az}
	if _, dup := s.index[k]; dup {
		return
	}
	s.index[k] = len(s.comps)
	s.comps = append(s.comps, placed{key: k, comp: c, box: b})
}

// at finds an instance; az -1 asks for a component that is not per AZ.
func (s *scene) at(id topology.ComponentID, az int) (placed, bool) {
	i, ok := s.index[key{id, az}]
	if !ok {
		return placed{}, false
	}
	return s.comps[i], true
}

// instances lists the AZ indexes a component is drawn at (-1 if not per AZ).
func (s *scene) instances(id topology.ComponentID) []int {
	var out []int
	for _, p := range s.comps {
		if p.id == id {
			out = append(out, p.az)
		}
	}
	return out
}

// zoneOf returns the model zone with the given ID.
func zoneOf(t topology.Topology, id topology.ZoneID) (topology.Zone, bool) {
	for _, z := range t.Zones {
		if z.ID == id {
			return z, true
		}
	}
	return topology.Zone{}, false
}

// azCount is how many AZ columns a zone gets, clamped to what the layout holds.
func azCount(t topology.Topology, id topology.ZoneID, max int) int {
	z, ok := zoneOf(t, id)
	n := z.AZs
	if !ok || n <= 0 {
		n = max
	}
	if n > max {
		n = max
	}
	return n
}

// azName is "AZ a", "AZ b", … (가용 영역 a in Korean).
func azName(lang string, i int) string {
	return lblAZ.In(lang) + " " + string(rune('a'+i))
}

// placeAll places every component of t that slot has a place for, one
// instance per AZ of its zone for per-AZ components, in model order.
func placeAll(s *scene, t topology.Topology, awsAZs, custAZs int, slot func(c topology.Component, az int) (Box, bool)) {
	for _, c := range t.Components {
		n, first := 1, -1
		if c.PerAZ {
			n, first = awsAZs, 0
			if c.Zone == topology.ZoneCustomerVPC {
				n = custAZs
			}
		}
		for az := first; az < first+n; az++ {
			if b, ok := slot(c, az); ok {
				s.addComp(c, az, b)
			}
		}
	}
}
