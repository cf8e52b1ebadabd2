package diagram

// spotter finds room for callouts (DNS tags, blocked reasons) that does
// not cover a component or another callout.
type spotter struct {
	w, h      int // the area callouts may use
	obstacles []Box
}

func newSpotter(s *scene, legendY int) *spotter {
	sp := &spotter{w: s.w, h: legendY}
	for _, p := range s.comps {
		sp.obstacles = append(sp.obstacles, p.box)
	}
	return sp
}

// take returns the first candidate that is inside the area and clear of
// every obstacle; if none is, the first that is at least inside the area
// (a callout may cover another but is never cut off), else the first
// candidate. It marks the one it returns taken.
func (sp *spotter) take(cands ...Box) Box {
	pick, found := cands[0], false
	for _, c := range cands {
		if sp.fits(c) {
			pick, found = c, true
			break
		}
	}
	for _, c := range cands {
		if !found && sp.inside(c) {
			pick, found = c, true
		}
	}
	sp.obstacles = append(sp.obstacles, pick)
	return pick
}

func (sp *spotter) inside(b Box) bool {
	return b.X >= 8 && b.Y >= 8 && b.X2() <= sp.w-8 && b.Y2() <= sp.h-8
}

func (sp *spotter) fits(b Box) bool {
	if !sp.inside(b) {
		return false
	}
	for _, o := range sp.obstacles {
		if overlaps(b, o, 4) {
			return false
		}
	}
	return true
}

// overlaps reports whether a and b come within pad of each other.
func overlaps(a, b Box, pad int) bool {
	return a.X < b.X2()+pad && b.X < a.X2()+pad && a.Y < b.Y2()+pad && b.Y < a.Y2()+pad
}
