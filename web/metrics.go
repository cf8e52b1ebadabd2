package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series, on a registry of its own
// (Deps.Metrics or one made here), so two servers in one test process
// never share a counter.
//
// Requests are labelled by chi's route pattern, never the raw path: a
// path carries room codes and chapter slugs, a label set per room would
// grow without bound.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec   // route, method, status class
	latency    *prometheus.HistogramVec // route
	created    prometheus.Counter
	eventsSent prometheus.Counter
	streams    prometheus.Gauge // room event streams open here
	polls      prometheus.Counter
	answers    prometheus.Counter
}

// unmatchedRoute labels requests no route took (404s of unknown paths).
const unmatchedRoute = "unmatched"

// newMetrics registers the series on reg; nil makes a registry that also
// carries the Go runtime's and the process's collectors (memory, file
// descriptors, CPU), which a registry handed in is expected to have.
func newMetrics(reg *prometheus.Registry) *metrics {
	if reg == nil {
		reg = NewMetricsRegistry()
	}
	m := &metrics{reg: reg}
	f := registerOn(reg)
	m.requests = f.counterVec(prometheus.CounterOpts{Name: "ekstutor_http_requests_total",
		Help: "HTTP requests by route pattern, method and status class (2xx, 3xx, 4xx, 5xx)."}, "route", "method", "status")
	m.latency = f.histogramVec(prometheus.HistogramOpts{Name: "ekstutor_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by route pattern; an event stream counts its whole life.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}}, "route")
	m.created = f.counter(prometheus.CounterOpts{Name: "ekstutor_rooms_created_total", Help: "Rooms created on this server."})
	m.eventsSent = f.counter(prometheus.CounterOpts{Name: "ekstutor_room_events_sent_total",
		Help: "Room events (state, trouble, end, full) written to event streams."})
	m.streams = f.gauge(prometheus.GaugeOpts{Name: "ekstutor_room_streams_open",
		Help: "Room event streams (followers and presenters) open on this server."})
	m.polls = f.counter(prometheus.CounterOpts{Name: "ekstutor_polls_opened_total", Help: "Live polls opened through this server."})
	m.answers = f.counter(prometheus.CounterOpts{Name: "ekstutor_poll_answers_total", Help: "Poll answers counted through this server."})
	return m
}

// NewMetricsRegistry is a registry with the Go runtime's and the
// process's collectors (memory, file descriptors, CPU), for Deps.Metrics
// when main serves it on a port of its own.
func NewMetricsRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// register is a small factory that registers what it makes on one registry.
type register struct{ reg prometheus.Registerer }

func registerOn(reg prometheus.Registerer) register { return register{reg} }

func (f register) counterVec(o prometheus.CounterOpts, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(o, labels)
	f.reg.MustRegister(c)
	return c
}

func (f register) histogramVec(o prometheus.HistogramOpts, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(o, labels)
	f.reg.MustRegister(h)
	return h
}

func (f register) counter(o prometheus.CounterOpts) prometheus.Counter {
	c := prometheus.NewCounter(o)
	f.reg.MustRegister(c)
	return c
}

func (f register) gauge(o prometheus.GaugeOpts) prometheus.Gauge {
	g := prometheus.NewGauge(o)
	f.reg.MustRegister(g)
	return g
}

// handler is GET /metrics in Prometheus's text (or negotiated) format.
// It is never cached: every scrape must see the counters as they are.
func (m *metrics) handler() http.HandlerFunc { return MetricsHandler(m.reg) }

// MetricsHandler serves reg's series, uncached, wherever main mounts it.
func MetricsHandler(reg *prometheus.Registry) http.HandlerFunc {
	h := promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	}
}

// observe counts and times one request; logRequests calls it with the
// recorder it keeps anyway, so a request is wrapped and measured once.
// The route label is the pattern the router matched; a cache hit, which
// is answered before routing, carries the pattern its entry was rendered
// under (documents.markCached), so hits and misses share a label without
// routing the hit again.
func (m *metrics) observe(r *http.Request, rec *statusRecorder, elapsed time.Duration) {
	if m == nil {
		return
	}
	route := rec.route
	if route == "" {
		if rc := chi.RouteContext(r.Context()); rc != nil {
			route = rc.RoutePattern()
		}
	}
	if route == "" {
		route = unmatchedRoute
	}
	status := rec.status
	if status == 0 {
		status = http.StatusOK // nothing written: net/http sends 200
	}
	m.requests.WithLabelValues(route, r.Method, strconv.Itoa(status/100)+"xx").Inc()
	m.latency.WithLabelValues(route).Observe(elapsed.Seconds())
}

// roomCounter is what the rooms gauge reads: room.Hub has it.
type roomCounter interface {
	OpenRooms(ctx context.Context) (int, error)
}

// countRooms registers ekstutor_rooms_open, read from rooms at every
// scrape: the hub's count, so replicas sharing one Redis report the same
// number, which no replica could count from its own streams.
func (m *metrics) countRooms(rooms roomCounter) {
	m.reg.MustRegister(openRooms{rooms: rooms, desc: prometheus.NewDesc("ekstutor_rooms_open",
		"Rooms open now (created, not yet ended or expired), as the room hub counts them: with Redis, every replica's.", nil, nil)})
}

// openRooms collects the rooms gauge. While the hub's store does not
// answer it sends no sample: a missing series says "unknown", a zero
// would say "no rooms".
type openRooms struct {
	rooms roomCounter
	desc  *prometheus.Desc
}

// scrapeTimeout bounds the count's wait for the store within a scrape.
const scrapeTimeout = 2 * time.Second

func (c openRooms) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c openRooms) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	if n, err := c.rooms.OpenRooms(ctx); err == nil {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n))
	}
}
