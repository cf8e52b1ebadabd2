package web

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/content"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/search"
	"github.com/ekstutor/ekstutor/web/view"
)

// Deps is everything the HTTP layer needs, handed in by main.
type Deps struct {
	// Exercises are the trace-the-path exercises; nil shows none.
	Exercises *exercise.Set

	Library *content.Library
	Assets  *Assets
	Logger  *slog.Logger
	// BaseURL is the public origin (scheme://host[:port]) for absolute
	// canonical and hreflang links; "" derives it from each request.
	BaseURL string
	// Streams is the stream group's shutdown switch; nil makes one.
	Streams *Streams
	// CacheBytes bounds the response cache; 0 means DefaultCacheBytes.
	CacheBytes int
	// Search is the index built at start; nil indexes Library here.
	Search *search.Index
	// Edge is what stands in front: trusted proxies, HSTS, framing, the
	// per-client POST limit.
	Edge Edge
	// Rooms configures live rooms; the zero value is in memory.
	Rooms RoomOptions
	// Metrics is the registry /metrics serves; nil makes one per server
	// (with the Go and process collectors), so tests never share counters.
	Metrics *prometheus.Registry
	// MetricsApart leaves /metrics off these routes (a 404): main serves
	// Metrics on a port of its own (-metrics-addr).
	MetricsApart bool
}

// DefaultCacheBytes bounds the one response cache: every page of the
// course in both languages and encodings fits many times over.
const DefaultCacheBytes = 64 << 20

type server struct {
	exercises *exercise.Set

	lib      *content.Library
	assets   *Assets
	log      *slog.Logger
	origin   origin
	docs     *documents
	streams  *Streams
	fallback map[i18n.Lang][]byte
	search   searcher
	rooms    *rooms
	// fragments caches rendered parts that several pages share (players,
	// standalone SVGs, the compare page's figures) by their canonical key.
	fragments *cache.LRU[string, cache.Bytes]
	edge      Edge
	csp       string        // the page policy, with the operator's frame-ancestors
	posts     *clientLimits // POSTs per client address
	metrics   *metrics
	// metricsHere is /metrics on the public routes (not MetricsApart).
	metricsHere bool
}

func newServer(d Deps) *server {
	s := &server{lib: d.Library, assets: d.Assets, log: d.Logger, origin: origin{base: d.BaseURL, edge: d.Edge}, streams: d.Streams,
		edge: d.Edge, csp: d.Edge.csp()}
	s.posts = newClientLimits(d.Edge.postLimit())
	s.metrics, s.metricsHere = newMetrics(d.Metrics), !d.MetricsApart
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.streams == nil {
		s.streams = NewStreams(streamWriteTimeout)
	}
	budget := d.CacheBytes
	if budget <= 0 {
		budget = DefaultCacheBytes
	}
	s.docs = &documents{cache: cache.New[string, *entry](budget * 3 / 4), origin: s.origin.of}
	s.fragments = cache.New[string, cache.Bytes](budget / 4)
	s.fallback = fallbackPages()
	s.rooms = newRooms(d.Rooms, d.Library)
	s.metrics.countRooms(s.rooms.hub)
	s.search = d.Search
	s.exercises = d.Exercises
	if d.Search == nil {
		s.search = search.New(search.LibraryDocuments(d.Library))
	}
	return s
}

// streamWriteTimeout is how long one event may take to reach a client
// before the stream is given up.
const streamWriteTimeout = 15 * time.Second

// page fills the layout's view model for the page at path in lang.
func (s *server) page(r *http.Request, lang, title, path string) view.Page {
	base := s.origin.of(r)
	p := view.Page{
		Lang:      lang,
		Title:     title,
		Path:      path,
		Canonical: base + path,
		AltPath:   "/" + i18n.Other(lang) + path[min(len(path), 3):],
		CSS:       []string{s.assets.URL("css/site.css"), s.assets.URL("css/code.css")},
		JS:        []string{s.assets.URL("js/site.js")},
		Icon:      s.assets.URL("img/favicon.svg"),
	}
	for _, l := range i18n.List() {
		p.Alternates = append(p.Alternates, view.Alternate{Lang: l, Href: base + "/" + l + path[min(len(path), 3):]})
	}
	p.Nav = navLinks(lang, path, s.isChapter)
	s.learningAids(&p)
	return p
}
