package web

import (
	"slices"
	"sort"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// How the sweep makes its cases: each fixture's valid requests, then the
// faults (sweep_faults_test.go) one at a time, the odd methods and the bad
// path values.

// casesFor is every case of one route in every language: its valid
// requests, each fault of each, its odd methods and bad path values.
func (e *sweepEnv) casesFor(route, method string, methods []string, fix sweepFixture) []sweepCase {
	pattern := strings.SplitN(route, " ", 2)[1]
	var out []sweepCase
	for _, lang := range i18n.List() {
		valid := func() []sweepReq {
			reqs := fix.valid(e, lang)
			for i := range reqs {
				reqs[i] = reqs[i].clone()
				reqs[i].method, reqs[i].lang = method, lang
				// A course page's language is its path's: the header
				// asks for the other one, which must not win.
				al := lang
				if strings.HasPrefix(pattern, "/{lang}/") {
					al = i18n.Other(lang)
				}
				if reqs[i].header.Get("Accept-Language") == "" {
					reqs[i].header.Set("Accept-Language", al)
				}
			}
			return reqs
		}
		for _, q := range valid() {
			out = append(out, sweepCase{route: route, input: "valid " + q.describe(), req: q, valid: true})
		}
		faults := slices.Concat(sweepQueryFaults, sweepHeaderFaults, sweepAuthFaults, sweepBodyFaults)
		// Each fault goes to one of the valid requests in turn: every
		// chapter, exercise or preset meets some of the faults, and the
		// sweep stays linear in routes, not in routes × values.
		n := 0
		for _, f := range faults {
			if f.on != nil && !f.on(method, fix.body) {
				continue
			}
			reqs := valid()
			q := reqs[n%len(reqs)]
			n++
			names := f.apply(&q)
			out = append(out, sweepCase{route: route, input: f.name + " " + q.describe(), req: q, names: names})
		}
		if method == methods[0] { // a pattern's odd methods once, not once per method
			for _, m := range sweepMethods {
				if slices.Contains(methods, m) {
					continue
				}
				q := valid()[0]
				q.method = m
				out = append(out, sweepCase{route: route, input: "method " + m, req: q, allow: true})
			}
		}
		for param, bad := range sweepBadPathValues {
			if _, has := valid()[0].vals[param]; !has {
				continue
			}
			for _, v := range bad {
				q := valid()[0]
				q.vals[param] = v
				out = append(out, sweepCase{route: route, input: "path " + param + "=" + clip(v, 30), req: q, names: pathNames(param, v)})
			}
		}
	}
	return out
}

// describe names a request's path values for the report.
func (q sweepReq) describe() string {
	var parts []string
	for k, v := range q.vals {
		parts = append(parts, k+"="+clip(v, 40))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
