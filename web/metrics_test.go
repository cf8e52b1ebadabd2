package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room/redistest"
)

// scrape reads /metrics and parses it as Prometheus's text format.
func scrape(t *testing.T, base string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, body := call(t, http.MethodGet, base+"/metrics", "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/plain")
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	require.NoError(t, err, "the text format parses")
	return fams
}

// value is the value of the series of name whose labels include want
// (name=value pairs); -1 if there is none.
func value(fams map[string]*dto.MetricFamily, name string, want ...string) float64 {
	f := fams[name]
	if f == nil {
		return -1
	}
next:
	for _, m := range f.GetMetric() {
		got := map[string]string{}
		for _, l := range m.GetLabel() {
			got[l.GetName()] = l.GetValue()
		}
		for i := 0; i+1 < len(want); i += 2 {
			if got[want[i]] != want[i+1] {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

func TestMetricsCountRequestsByRoutePattern(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	before := scrape(t, srv.URL)
	assert.Equal(t, -1.0, value(before, "ekstutor_http_requests_total", "route", "/en"))

	// The second /en/ is a cache hit, answered before routing: it still
	// counts under its pattern (chi's pattern for /en/ is "/en").
	for range 2 {
		resp, _ := call(t, http.MethodGet, srv.URL+"/en/", "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	resp, _ := call(t, http.MethodGet, srv.URL+"/api/v1/rooms/ZZZZZZ", "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	resp, _ = call(t, http.MethodGet, srv.URL+"/no/such/page", "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode)

	fams := scrape(t, srv.URL)
	assert.Equal(t, 2.0, value(fams, "ekstutor_http_requests_total", "route", "/en", "method", "GET", "status", "2xx"))
	assert.Equal(t, 1.0, value(fams, "ekstutor_http_requests_total", "route", "/api/v1/rooms/{code}", "status", "4xx"))
	assert.Equal(t, 1.0, value(fams, "ekstutor_http_requests_total", "route", unmatchedRoute, "status", "4xx"))
	assert.Equal(t, 2.0, value(fams, "ekstutor_http_request_duration_seconds", "route", "/en"), "two observations")
	assert.Equal(t, 1.0, value(fams, "ekstutor_http_requests_total", "route", "/metrics", "status", "2xx"), "the first scrape")
	for _, m := range fams["ekstutor_http_requests_total"].GetMetric() {
		for _, l := range m.GetLabel() {
			assert.NotContains(t, l.GetValue(), "ZZZZZZ", "never the raw path")
			assert.NotContains(t, l.GetValue(), "/no/such", "never the raw path")
		}
	}
	assert.Contains(t, fams, "process_resident_memory_bytes", "the process collector is on the server's registry")
}

func TestMetricsFollowRooms(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	fams := scrape(t, srv.URL)
	assert.Equal(t, 0.0, value(fams, "ekstutor_rooms_created_total"))
	assert.Equal(t, 0.0, value(fams, "ekstutor_room_streams_open"))
	assert.Equal(t, 0.0, value(fams, "ekstutor_rooms_open"))

	c := mustCreateRoom(t, srv.URL)
	a := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	b := openStream(t, srv.URL+"/r/"+c.Code+"/events")
	a.next(t, "state")
	b.next(t, "state")
	fams = scrape(t, srv.URL)
	assert.Equal(t, 1.0, value(fams, "ekstutor_rooms_created_total"))
	assert.Equal(t, 2.0, value(fams, "ekstutor_room_streams_open"))
	assert.Equal(t, 1.0, value(fams, "ekstutor_rooms_open"))
	// The count moves just after the write the client already read.
	sent := func() float64 { return value(scrape(t, srv.URL), "ekstutor_room_events_sent_total") }
	require.Eventually(t, func() bool { return sent() >= 2 }, 5*time.Second, 10*time.Millisecond, "each stream's first state")
	sentBefore := sent()

	resp, body := call(t, http.MethodPut, srv.URL+"/api/v1/rooms/"+c.Code+"/state", stateJSON(2), "Authorization", "Bearer "+c.PresenterToken)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	a.next(t, "state")
	b.next(t, "state")
	require.Eventually(t, func() bool { return sent() >= sentBefore+2 }, 5*time.Second, 10*time.Millisecond, "the step reached both streams")
	fams = scrape(t, srv.URL)
	assert.Equal(t, 1.0, value(fams, "ekstutor_http_requests_total", "route", "/api/v1/rooms/{code}/state", "method", "PUT", "status", "2xx"))

	a.cancel()
	b.cancel()
	require.Eventually(t, func() bool { return value(scrape(t, srv.URL), "ekstutor_room_streams_open") == 0 },
		5*time.Second, 20*time.Millisecond, "closed streams leave the gauge")
	assert.Equal(t, 1.0, value(scrape(t, srv.URL), "ekstutor_rooms_open"), "a room with no stream is still open")
	resp, _ = call(t, http.MethodDelete, srv.URL+"/api/v1/rooms/"+c.Code, "", "Authorization", "Bearer "+c.PresenterToken)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, 0.0, value(scrape(t, srv.URL), "ekstutor_rooms_open"), "an ended room is not")
}

// TestMetricsRoomsOpenAcrossReplicas: two replicas on one Redis report
// the rooms they share, wherever each was made or followed; while Redis
// is away the gauge is missing, not zero, and the rest is still served.
func TestMetricsRoomsOpenAcrossReplicas(t *testing.T) {
	redis := redistest.Start(t)
	a, b := redisReplica(t, redis, "metrics:"), redisReplica(t, redis, "metrics:")
	open := func() [2]float64 {
		return [2]float64{value(scrape(t, a), "ekstutor_rooms_open"), value(scrape(t, b), "ekstutor_rooms_open")}
	}
	assert.Equal(t, [2]float64{0, 0}, open())
	first := mustCreateRoom(t, a)
	mustCreateRoom(t, b)
	assert.Equal(t, [2]float64{2, 2}, open(), "each replica counts the room the other made")
	resp, _ := call(t, http.MethodDelete, b+"/api/v1/rooms/"+first.Code, "", "Authorization", "Bearer "+first.PresenterToken)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, [2]float64{1, 1}, open(), "a room ended on b leaves a's count too")

	redis.Kill()
	fams := scrape(t, a)
	assert.Equal(t, -1.0, value(fams, "ekstutor_rooms_open"), "no sample while Redis is away")
	assert.Contains(t, fams, "ekstutor_rooms_created_total", "the other series are still served")
}
