package diagram

// spotter finds room for callouts (hop numbers, DNS tags, blocked
// reasons, the packet's resting places) that covers no text and, for a
// callout with a background, no component either.
type spotter struct {
	w, h int // the area callouts may use
	// obstacles are what a tag may not cover: components and texts.
	obstacles []Box
	// texts are every label drawn and every callout placed: what no
	// other text may cover.
	texts []Box
	// tokens are where the packet rests after each step. It is one
	// token, shown in one place at a time, so tokens may share a spot,
	// but no text may take one.
	tokens []Box
}

// newSpotter starts from the scene's components and the labels drawn so
// far (zone captions, component names).
func newSpotter(s *scene, legendY int, labels []Box) *spotter {
	sp := &spotter{w: s.w, h: legendY, texts: append([]Box(nil), labels...)}
	for _, p := range s.comps {
		sp.obstacles = append(sp.obstacles, p.box)
	}
	sp.obstacles = append(sp.obstacles, labels...)
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
	sp.addText(pick)
	return pick
}

// addText marks b taken by a text.
func (sp *spotter) addText(b Box) {
	sp.obstacles = append(sp.obstacles, b)
	sp.texts = append(sp.texts, b)
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

// addToken marks b as a resting place of the packet.
func (sp *spotter) addToken(b Box) {
	sp.obstacles = append(sp.obstacles, b)
	sp.tokens = append(sp.tokens, b)
}

// clearOfText reports whether b keeps pad away from every text.
func (sp *spotter) clearOfText(b Box, pad int) bool { return clearOf(b, sp.texts, pad) }

// clearOfAll reports whether b keeps pad away from every text and every
// resting place of the packet.
func (sp *spotter) clearOfAll(b Box, pad int) bool {
	return clearOf(b, sp.texts, pad) && clearOf(b, sp.tokens, pad)
}

func clearOf(b Box, others []Box, pad int) bool {
	for _, o := range others {
		if overlaps(b, o, pad) {
			return false
		}
	}
	return true
}

// overlaps reports whether a and b come within pad of each other.
func overlaps(a, b Box, pad int) bool {
	return a.X < b.X2()+pad && b.X < a.X2()+pad && a.Y < b.Y2()+pad && b.Y < a.Y2()+pad
}
