package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Benchmarks of whole requests through the route table, with gzip as a
// browser asks for it. /healthz is the baseline: routing, middleware and
// the buffer, with no page to render.
func benchmarkGet(b *testing.B, path string) {
	h := mustApp(b)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, rec.Code)
		}
	}
}

func BenchmarkServeHealthz(b *testing.B) { benchmarkGet(b, "/healthz") }
func BenchmarkServeChapter(b *testing.B) { benchmarkGet(b, "/ko/control-plane") }
func BenchmarkServePlayerChapter(b *testing.B) {
	benchmarkGet(b, "/en/endpoint-access?mode=public&flow=kubelet-to-apiserver&step=3")
}
func BenchmarkServeDiagramSVG(b *testing.B) {
	benchmarkGet(b, "/diagrams/endpoints.svg?mode=public&flow=kubelet-to-apiserver&animate=1")
}
func BenchmarkServeResolveAPI(b *testing.B) {
	benchmarkGet(b, "/api/v1/resolve?public=true&private=false")
}
