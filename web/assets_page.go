package web

import "github.com/ekstutor/ekstutor/web/view"

// addModule puts the ES module name on page p, with a modulepreload link
// for each module it imports (once per page, however many entries share
// it), so the browser does not discover the import graph level by level.
func (a *Assets) addModule(p *view.Page, name string) {
	p.JS = appendNew(p.JS, a.URL(name))
	p.ModulePreloads = appendNew(p.ModulePreloads, a.Preloads(name)...)
}
