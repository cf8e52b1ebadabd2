package web

import (
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// presentURL is the figure's "Present" link: its page's own address in
// presenter mode at step. Pages whose figures presenter mode can show set
// it (the chapters, the comparison, the player); a figure of another
// configuration (the lab) has none. It is a query alone ("?present=1&view=…"), so
// a figure drawn once for a chapter (at load, before any page asks for
// it) points at whichever page shows it; presentLinksAt fixes it up on a
// page that sits deeper than its chapter.
func (f figureSpec) presentURL(step int) string {
	st := params.PresentState{View: f.View, Mode: f.Mode, Flow: f.Flow, Step: step}
	if st.HasSteps() && st.Flow == "" {
		// Presenter mode narrates a flow: a figure that shows none opens
		// at the first, before its first step.
		st.Flow, st.Step = topology.Flows()[0], 0
	}
	if !st.HasSteps() {
		st.Mode, st.Flow, st.Step = "", "", 0
	}
	return "?" + params.EncodePresent(st)
}

// presentLinksAt makes the figures' Present links of body absolute under
// path, for a page whose own address is not the chapter's (the quiz's
// answer, at /{lang}/{slug}/quiz).
func presentLinksAt(path, body string) string {
	return strings.ReplaceAll(body, `href="?present=`, `href="`+path+`?present=`)
}
