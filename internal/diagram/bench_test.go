package diagram

import (
	"io"
	"testing"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func benchmarkRender(b *testing.B, o Options) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderOverview(b *testing.B) {
	benchmarkRender(b, Options{View: topology.ViewOverview, Lang: "en"})
}

func BenchmarkRenderEndpointsPublicKubelet(b *testing.B) {
	benchmarkRender(b, Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Lang: "en"})
}
