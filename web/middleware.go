package web

import (
	"log/slog"
	"net/http"
	"time"
)

// statusRecorder remembers the status and size of a response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
	cached bool   // documents answered from its response cache
	route  string // a cache hit's route pattern (the router did not run)
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *statusRecorder) servedFromCache(route string) { r.cached, r.route = true, route }

// Unwrap lets http.ResponseController reach the real writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests writes one structured log line per request and gives the
// same observation to the metrics (nil for none).
//
// The level is the choice that keeps a cached page at the speed of a bare
// handler: a 2xx or 3xx document served from the response cache is logged
// at Debug, everything else (renders, errors, API, assets on a miss,
// streams) at Info. Measured with wrk over loopback, an Info line per
// request costs a formatted record and a write(2) to stderr under the
// handler's mutex, about 10–25% of a cached page's throughput; the cache
// hits it drops are the repetitive, known-good part of the traffic, and
// -log-level debug brings them back. The attributes are only built when
// the level is enabled, so a suppressed line costs nothing but a clock read.
func logRequests(log *slog.Logger, m *metrics) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			defer func() {
				// Also when the server aborts the response (ErrAbortHandler).
				m.observe(r, rec, time.Since(start))
				status, n, cached := rec.status, rec.bytes, rec.cached
				level := slog.LevelInfo
				if cached && status < 400 {
					level = slog.LevelDebug
				}
				ctx := r.Context()
				if !log.Enabled(ctx, level) {
					return
				}
				log.LogAttrs(ctx, level, "request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Int("status", status), slog.Int("bytes", n), slog.Bool("cached", cached),
					slog.Duration("duration", time.Since(start)))
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// recoverPanics turns a panic into a logged 500 instead of a dropped
// connection, so one bad request cannot take the page down with it.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "panic", "path", r.URL.Path, "panic", v)
				s.serveError(w, r, errPanic)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type panicError struct{}

func (panicError) Error() string { return "handler panicked" }

var errPanic error = panicError{}
