package diagram

import (
	"os"
	"testing"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestZZPreview(t *testing.T) {
	dir := os.Getenv("PREVIEW_DIR")
	if dir == "" {
		t.Skip()
	}
	for _, o := range []Options{
		{View: ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Standalone: true},
		{View: ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Standalone: true, Animate: true, Lang: "anim"},
		{View: ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubectlToAPIServer, Standalone: true},
		{View: ViewEndpoints, Mode: topology.ModePublicPrivate, Flow: topology.FlowKubeletToAPIServer, Standalone: true, Lang: "ko"},
		{View: ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Standalone: true},
		{View: ViewEndpoints, Mode: topology.ModePrivate, Standalone: true},
		{View: ViewOverview, Standalone: true},
		{View: ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Config: labBlocked(), Standalone: true, Lang: "ko"},
		{View: ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Config: labConnected(), Standalone: true},
		{View: ViewEndpoints, Flow: topology.FlowKubeletToAPIServer, Config: labConnected(), Standalone: true, Lang: "anim"},
		{View: ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Config: labBastionPublic(), Standalone: true},
		{View: ViewOverview, Standalone: true, Lang: "ko"},
		{View: ViewControlPlane, Standalone: true},
		{View: ViewDataPlane, Standalone: true},
		{View: ViewDataPlane, Standalone: true, Lang: "ko"},
	} {
		f, err := os.Create(dir + "/" + goldenName(o) + string(o.View) + "-" + string(o.Mode) + "-" + string(o.Flow) + "-" + o.Lang + ".svg")
		if err != nil {
			t.Fatal(err)
		}
		if o.Lang == "anim" {
			o.Lang = ""
		}
		if err := Render(f, o); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
