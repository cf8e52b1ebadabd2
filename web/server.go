package web

import (
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/web/view"
)

// Deps is everything the HTTP layer needs, handed in by main.
type Deps struct {
	Library *content.Library
	Assets  *Assets
	Logger  *slog.Logger
}

type server struct {
	lib    *content.Library
	assets *Assets
	log    *slog.Logger
	// players caches rendered players by page and state. Only valid
	// states reach it (readPlayerState rejects the rest), so it holds at
	// most a few hundred entries: languages × modes × flows × steps.
	players sync.Map
	// svgs caches standalone diagrams by their (validated) options: a few
	// dozen combinations of view, mode, flow, language and animation.
	svgs sync.Map
}

// New returns the tutor's whole route table as one handler. Tests call it
// through httptest without a listener.
func New(d Deps) http.Handler {
	s := &server{lib: d.Library, assets: d.Assets, log: d.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	r := chi.NewRouter()
	r.Use(logRequests(s.log), s.recoverPanics, securityHeaders, middleware.GetHead, etagAndGzip)
	r.NotFound(s.handle(s.notFoundOrRedirect))
	r.MethodNotAllowed(s.handle(func(w http.ResponseWriter, r *http.Request) error { return errMethod }))

	r.Get("/", s.redirectToLang)
	r.Get("/healthz", healthz)
	r.Handle("/static/*", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if !s.assets.Serve(w, r) {
			return notFound()
		}
		return nil
	}))
	r.Get("/favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.assets.URL("img/favicon.svg"), http.StatusMovedPermanently)
	})
	// These two answer every method so that a POST gets 405, not the
	// /{lang} route's 404.
	r.Handle("/api/v1/resolve", s.handleAPI(onlyGET(s.resolve)))
	r.Handle("/diagrams/{file}", s.handle(onlyGET(s.diagramSVG)))
	r.Route("/{lang}", func(r chi.Router) {
		r.Use(s.requireLang)
		r.Get("/", s.handle(s.home))
		r.Get("/glossary", s.handle(s.glossary))
		r.Get("/compare", s.handle(s.compare))
		r.Get("/{slug}", s.handle(s.chapter))
	})
	return r
}

// requireLang 404s a path whose first segment is not a language, so
// /fr/intro gets the friendly page rather than a chapter lookup.
func (s *server) requireLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !i18n.Supported(chi.URLParam(r, "lang")) {
			s.serveError(w, r, notFound())
			return
		}
		next.ServeHTTP(w, r)
	})
}

// page fills the layout's view model for a page in lang at path.
func (s *server) page(lang, title, path string) view.Page {
	return view.Page{
		Lang:    lang,
		Title:   title,
		Path:    path,
		AltPath: "/" + i18n.Other(lang) + path[min(len(path), 3):],
		CSS:     []string{s.assets.URL("css/site.css"), s.assets.URL("css/code.css")},
		JS:      []string{s.assets.URL("js/site.js")},
		Icon:    s.assets.URL("img/favicon.svg"),
	}
}

// notFoundOrRedirect sends /en/intro/ to /en/intro (a link with a stray
// slash) and answers everything else with the friendly 404 page.
func (s *server) notFoundOrRedirect(w http.ResponseWriter, r *http.Request) error {
	p := r.URL.Path
	if trimmed, ok := strings.CutSuffix(p, "/"); ok && strings.Count(p, "/") == 3 {
		parts := strings.Split(trimmed, "/") // "", lang, slug
		if _, found := s.lib.Chapter(parts[1], parts[2]); found {
			http.Redirect(w, r, trimmed, http.StatusMovedPermanently)
			return nil
		}
	}
	return notFound()
}

// onlyGET refuses methods other than GET and HEAD with 405.
func onlyGET(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return errMethod
		}
		return h(w, r)
	}
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *server) redirectToLang(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept-Language")
	http.Redirect(w, r, "/"+i18n.Preferred(r.Header.Get("Accept-Language"))+"/", http.StatusFound)
}
