package params

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestPresetsAreCanonicalAndDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, p := range Presets() {
		t.Run(p.ID, func(t *testing.T) {
			c, err := p.Config()
			require.NoError(t, err)
			require.NoError(t, c.Validate())
			assert.Equal(t, p.Query, EncodeConfig(c), "the preset's query is canonical")
			for _, txt := range []text{p.Label, p.Note} {
				assert.NotEmpty(t, txt.EN)
				assert.NotEmpty(t, txt.KO)
			}
			if other, dup := seen[p.Query]; dup {
				t.Errorf("%s and %s are the same configuration", p.ID, other)
			}
			seen[p.Query] = p.ID
		})
	}
	assert.Len(t, Presets(), 7)
}

// Each preset shows what its label promises.
func TestPresetsShowTheirPitfall(t *testing.T) {
	type want struct {
		kubectl, join, pull bool
		blocked             map[topology.FlowID]topology.Code
	}
	wants := map[string]want{
		"eks-default":              {true, true, true, nil},
		"public-and-private":       {true, true, true, nil},
		"private-bastion":          {true, true, true, nil},
		"locked-out-nodes":         {true, false, true, map[topology.FlowID]topology.Code{topology.FlowKubeletToAPIServer: topology.CodeCIDRNodesNotAllowed}},
		"isolated-no-endpoints":    {true, false, false, map[topology.FlowID]topology.Code{topology.FlowNodeToECR: topology.CodeEndpointMissing}},
		"private-admin-internet":   {false, true, true, map[topology.FlowID]topology.Code{topology.FlowKubectlToAPIServer: topology.CodePrivateEndpointFromInternet}},
		"onprem-no-dns-forwarding": {false, true, true, map[topology.FlowID]topology.Code{topology.FlowKubectlToAPIServer: topology.CodeCIDRClientNotAllowed}},
	}
	for _, p := range Presets() {
		w, ok := wants[p.ID]
		require.True(t, ok, p.ID)
		c, err := p.Config()
		require.NoError(t, err)
		r, err := topology.Resolve(c)
		require.NoError(t, err)
		assert.Equal(t, w.kubectl, r.Verdict.Kubectl, p.ID)
		assert.Equal(t, w.join, r.Verdict.NodesCanJoin, p.ID)
		assert.Equal(t, w.pull, r.Verdict.ImagesPull, p.ID)
		for _, f := range r.Flows {
			if code, blocked := w.blocked[f.ID]; blocked {
				if assert.NotNil(t, f.Blocked, "%s %s", p.ID, f.ID) {
					assert.Equal(t, code, f.Blocked.Code, "%s %s", p.ID, f.ID)
				}
			} else {
				assert.True(t, f.Reachable, "%s %s", p.ID, f.ID)
			}
		}
	}
	onprem, _ := Presets()[6].Config()
	r, _ := topology.Resolve(onprem)
	f, _ := r.Flow(topology.FlowKubectlToAPIServer)
	assert.True(t, f.CrossesInternet && f.PublicPath, "without DNS forwarding the office takes the public path over the internet")
}
