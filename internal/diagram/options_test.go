package diagram

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestValidateAccepts(t *testing.T) {
	ok := []Options{
		{View: topology.ViewOverview},
		{View: topology.ViewOverview, Lang: "ko", Standalone: true},
		{View: topology.ViewControlPlane, Lang: "en"},
		{View: topology.ViewDataPlane},
		{View: topology.ViewEndpoints, Mode: topology.ModePublic},
		{View: topology.ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubeletToAPIServer},
		{View: topology.ViewEndpoints, Config: labConfig(false, true, topology.LocInternet, topology.NodesPrivateNAT)},
		{View: topology.ViewEndpoints, Mode: topology.ModePublic, Config: labConfig(true, false, topology.LocVPC, topology.NodesPublic)},
	}
	for _, o := range ok {
		assert.NoError(t, o.Validate(), "%+v", o)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name  string
		o     Options
		param string
		msg   string
	}{
		{"unknown view", Options{View: "foo"}, "view",
			`unknown view "foo" (accepted: overview, control-plane, data-plane, endpoints)`},
		{"missing view", Options{}, "view",
			`missing view (accepted: overview, control-plane, data-plane, endpoints)`},
		{"unknown lang", Options{View: topology.ViewOverview, Lang: "fr"}, "lang",
			`unknown lang "fr" (accepted: ko, en)`},
		{"missing mode", Options{View: topology.ViewEndpoints}, "mode",
			`missing mode (accepted: public, public-private, private)`},
		{"unknown mode", Options{View: topology.ViewEndpoints, Mode: "open"}, "mode",
			`unknown mode "open" (accepted: public, public-private, private)`},
		{"unknown flow", Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: "ping"}, "flow",
			`unknown flow "ping" (accepted: kubectl-to-apiserver, apiserver-to-kubelet, kubelet-to-apiserver, node-to-ecr)`},
		{"flow on overview", Options{View: topology.ViewOverview, Flow: topology.FlowKubectlToAPIServer}, "flow",
			`view "overview" takes no flow (got "kubectl-to-apiserver")`},
		{"mode on control plane", Options{View: topology.ViewControlPlane, Mode: topology.ModePublic}, "mode",
			`view "control-plane" takes no mode (got "public")`},
		{"invalid config", Options{View: topology.ViewEndpoints, Config: labConfig(false, false, topology.LocVPC, topology.NodesPrivateNAT)}, "config",
			`invalid config: at least one of public and private endpoint access must be enabled`},
		{"mode against config", Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Config: labConfig(false, true, topology.LocVPC, topology.NodesPrivateNAT)}, "mode",
			`invalid mode: mode "public" does not match the configuration's mode "private"`},
		{"config on overview", Options{View: topology.ViewOverview, Config: &topology.Config{PublicAccess: true}}, "config",
			`invalid config: view "overview" draws no configuration`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.o.Validate()
			require.Error(t, err)
			var oe *OptionError
			require.True(t, errors.As(err, &oe), "error is %T", err)
			assert.Equal(t, tt.param, oe.Param)
			assert.Equal(t, tt.msg, err.Error())
			assert.Equal(t, err, Render(io.Discard, tt.o), "Render validates first")
		})
	}
}
