package web

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/i18n"
)

// langPages are the pages every language has besides its chapters. Their
// slugs are reserved: content.Load refuses a chapter that takes one.
var langPages = []struct {
	slug    string
	handler func(*server) handlerFunc
}{
	{"glossary", func(s *server) handlerFunc { return s.glossary }},
	{"compare", func(s *server) handlerFunc { return s.compare }},
	{"search", func(s *server) handlerFunc { return s.searchPage }},
	{"progress", func(s *server) handlerFunc { return s.progress }},
	{"rooms", func(s *server) handlerFunc { return s.roomsPage }},
	{"lab", func(s *server) handlerFunc { return s.lab }},
	{"exercises", func(s *server) handlerFunc { return s.exercisesPage }},
}

// ReservedSlugs are the names under /{lang}/ that belong to the route
// table, not to chapters.
func ReservedSlugs() []string {
	out := make([]string, len(langPages))
	for i, p := range langPages {
		out[i] = p.slug
	}
	return out
}

// New returns the tutor's whole route table as one handler. Tests call it
// through httptest without a listener.
//
// Groups carry the plumbing so routes don't: every route gets the request
// log, panic recovery and security headers; documents (GET and HEAD) get
// ETags, 304s, compression and the response cache; forms (POST) get a body
// limit and cross-origin protection; streams go out unbuffered.
func New(d Deps) http.Handler {
	s := newServer(d)
	r := chi.NewRouter()
	// A cached document is answered before routing: the route would only
	// have looked the same entry up.
	// Metrics go first: they count cache hits too, and read the route
	// pattern once routing is done.
	r.Use(logRequests(s.log, s.metrics), s.recoverPanics, securityHeadersFor(s.edge), s.docs.cached)
	r.NotFound(s.handle(s.notFoundOrRedirect))
	r.MethodNotAllowed(s.methodNotAllowed(r))

	// Static files are precompressed at start and carry their own tags,
	// so they skip the documents buffer; HEAD reaches them as HEAD.
	// Scrapes are never cached (metrics.go sets no-store).
	if s.metricsHere {
		r.Get("/metrics", s.metrics.handler())
	}
	r.Get("/static/*", s.handle(s.static))
	r.Head("/static/*", s.handle(s.static))
	r.Group(func(r chi.Router) {
		r.Use(s.docs.wrap)
		document(r, "/", s.redirectToLang)
		document(r, "/healthz", healthz)
		document(r, "/favicon.ico", s.favicon)
		document(r, "/api/v1/exercises", s.handleAPI(s.exercisesAPI))
		document(r, "/api/v1/resolve", s.handleAPI(s.resolve))
		document(r, "/api/v1/search", s.handleAPI(s.searchAPI))
		document(r, "/api/v1/export/{format}", s.handleAPI(s.exportConfig))
		document(r, "/api/v1/openapi.json", s.handleAPI(s.openAPI))
		document(r, "/diagrams/{file}", s.handle(s.diagramSVG))
		roomDocuments(r, s)
		for _, lang := range i18n.List() {
			r.Route("/"+lang, func(r chi.Router) {
				document(r, "/", s.handle(s.home))
				for _, p := range langPages {
					document(r, "/"+p.slug, s.handle(p.handler(s)))
				}
				document(r, "/{slug}", s.handle(s.chapter))
				roomLangDocuments(r, s)
				document(r, "/exercises/{id}", s.handle(s.exercisePage))
			})
		}
	})
	r.Group(func(r chi.Router) {
		r.Use(s.forms)
		// POST routes (quizzes, the lab's import) join here.
		r.Post("/api/v1/import", s.handleImportAPI(s.importConfig))
		for _, lang := range i18n.List() {
			r.Post("/"+lang+"/{slug}/quiz", s.handle(s.quizAnswer))
			r.Post("/"+lang+"/lab/import", s.handle(s.labImport))
			r.Post("/"+lang+"/exercises/{id}", s.handle(s.exerciseAnswer))
		}
		roomPosts(r, s)
		r.Post("/api/v1/exercises/{id}/check", s.handleAPI(s.exerciseCheckAPI))
	})
	r.Group(func(r chi.Router) {
		// Server-sent event routes (rooms) join here, through s.streams.Handler.
		r.Get("/r/{code}/events", s.roomEvents)
	})
	return r
}

// document registers a GET route and its HEAD twin, which the documents
// middleware answers with GET's headers and no body. The twin's handler
// sees a GET, so it writes exactly what GET would (http.Redirect, for one,
// writes no body for a HEAD, which made HEAD's Content-Length 0); the
// middleware, which sees the HEAD, drops the body.
func document(r chi.Router, pattern string, h http.HandlerFunc) {
	r.Get(pattern, h)
	r.Head(pattern, func(w http.ResponseWriter, req *http.Request) {
		asGET := req.WithContext(req.Context())
		asGET.Method = http.MethodGet
		h(w, asGET)
	})
}

// methodsToTry are the methods a 405's Allow header may list.
var methodsToTry = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// methodNotAllowed answers 405 with the Allow header the route itself
// gives: it asks the route table which methods match the path.
func (s *server) methodNotAllowed(routes chi.Routes) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range methodsToTry {
			if routes.Match(chi.NewRouteContext(), m, r.URL.Path) {
				allow = append(allow, m)
			}
		}
		s.serveErrorByPath(w, r, methodNotAllowed(allow))
	}
}

// notFoundOrRedirect sends /en/intro/ to /en/intro (a link with a stray
// slash) and answers everything else with the friendly 404 page.
func (s *server) notFoundOrRedirect(w http.ResponseWriter, r *http.Request) error {
	p := r.URL.Path
	if trimmed, ok := strings.CutSuffix(p, "/"); ok && strings.Count(p, "/") == 3 {
		parts := strings.Split(trimmed, "/") // "", lang, slug
		if _, found := s.lib.Chapter(parts[1], parts[2]); found {
			// As GET, so a HEAD's Content-Length is GET's (this route is
			// outside the documents group; net/http drops the body).
			asGET := r.WithContext(r.Context())
			asGET.Method = http.MethodGet
			http.Redirect(w, asGET, trimmed, http.StatusMovedPermanently)
			return nil
		}
	}
	if strings.HasPrefix(p, "/api/") {
		s.serveProblem(w, r, errNotFound())
		return nil
	}
	return errNotFound()
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *server) redirectToLang(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept-Language")
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, "/"+i18n.Preferred(r.Header.Get("Accept-Language"))+"/", http.StatusFound)
}

// favicon points browsers that ask for /favicon.ico at the icon's current
// hashed URL. The redirect is temporary: the hash changes with the icon.
func (s *server) favicon(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.Redirect(w, r, s.assets.URL("img/favicon.svg"), http.StatusFound)
}

func (s *server) static(w http.ResponseWriter, r *http.Request) error {
	if !s.assets.Serve(w, r) {
		return errNotFound()
	}
	return nil
}
