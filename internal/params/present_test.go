package params

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestWantsPresenter(t *testing.T) {
	for raw, want := range map[string]bool{
		"": false, "present=1": true, "mode=public&present=0": true, "present": true,
		"pre%73ent=1": true, "presenter=1": false, "mode=public&step=2": false, "x=present": false,
	} {
		assert.Equal(t, want, WantsPresenter(raw), raw)
	}
}

// Every state presenter mode can show encodes to one address that decodes
// back to it, whatever the page's default.
func TestPresentStatesRoundTrip(t *testing.T) {
	defs := []PresentState{{}, {View: topology.ViewOverview}, {View: topology.ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubeletToAPIServer}}
	n := 0
	for _, v := range topology.Views() {
		var states []PresentState
		if v != topology.ViewEndpoints {
			states = append(states, PresentState{View: v})
		}
		for _, m := range topology.Modes() {
			for _, f := range topology.Flows() {
				for s := 0; v == topology.ViewEndpoints && s <= (PlayerState{Mode: m, Flow: f}).Steps(); s++ {
					states = append(states, PresentState{View: v, Mode: m, Flow: f, Step: s})
				}
			}
		}
		for _, st := range states {
			raw := EncodePresent(st)
			for _, def := range defs {
				got, err := DecodePresent(raw, def)
				require.NoError(t, err, raw)
				assert.Equal(t, st, got, raw)
			}
			n++
		}
	}
	assert.Greater(t, n, 30)
}

func TestDecodePresentDefaults(t *testing.T) {
	player := PresentState{View: topology.ViewEndpoints, Mode: topology.ModePublicPrivate, Flow: topology.FlowKubectlToAPIServer}
	st, err := DecodePresent("present=1", player)
	require.NoError(t, err)
	assert.Equal(t, player, st, "the page's own diagram")

	st, err = DecodePresent("present=1&step=2", player)
	require.NoError(t, err)
	assert.Equal(t, 2, st.Step)

	st, err = DecodePresent("present=true&view=overview", player)
	require.NoError(t, err)
	assert.Equal(t, PresentState{View: topology.ViewOverview}, st, "another view drops the page's mode and flow")

	st, err = DecodePresent("present=1&view=endpoints", PresentState{View: topology.ViewDataPlane})
	require.NoError(t, err)
	assert.Equal(t, PresentState{View: topology.ViewEndpoints, Mode: topology.Modes()[0], Flow: topology.Flows()[0]}, st,
		"the endpoints view from a page without one opens at the first mode and flow")
}

func TestDecodePresentReportsEveryProblem(t *testing.T) {
	steps := PlayerState{Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}.Steps()
	for _, tt := range []struct {
		raw   string
		def   PresentState
		names []string
	}{
		{"present=1", PresentState{}, []string{"view"}},
		{"view=overview", PresentState{}, []string{"present"}},
		{"present=0&view=nope", PresentState{}, []string{"present", "view"}},
		{"present=1&view=control-plane&mode=public&flow=kubelet-to-apiserver&step=1", PresentState{}, []string{"mode", "flow", "step"}},
		{"present=1&view=endpoints&mode=public&flow=kubelet-to-apiserver&step=" + strconv.Itoa(steps+1), PresentState{}, []string{"step"}},
		{"present=1&present=1&x=1&step=01", PresentState{View: topology.ViewEndpoints}, []string{"present", "x", "step"}},
	} {
		_, err := DecodePresent(tt.raw, tt.def)
		var errs Errors
		require.ErrorAs(t, err, &errs, tt.raw)
		var names []string
		for _, e := range errs {
			names = append(names, e.Name)
			assert.NotEmpty(t, e.Message.EN, tt.raw)
			assert.NotEmpty(t, e.Message.KO, tt.raw)
		}
		assert.ElementsMatch(t, tt.names, names, tt.raw)
	}
}
