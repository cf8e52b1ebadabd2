package params

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func problems(t *testing.T, err error) map[string]Problem {
	t.Helper()
	var errs Errors
	require.True(t, errors.As(err, &errs), "want params.Errors, got %v", err)
	out := map[string]Problem{}
	for _, e := range errs {
		out[e.Name] = e.Problem
		assert.NotEmpty(t, e.Message.EN, e.Name)
		assert.NotEmpty(t, e.Message.KO, e.Name)
	}
	return out
}

func TestDecodeConfigDefaultsAreEKSDefaults(t *testing.T) {
	c, err := DecodeConfig("")
	require.NoError(t, err)
	assert.Equal(t, topology.Config{PublicAccess: true, Client: topology.LocInternet, NodeSubnet: topology.SubnetPrivate}, c)
	c, err = DecodeConfig("public=false&private=true")
	require.NoError(t, err)
	assert.Equal(t, topology.LocVPC, c.Client, "without public access kubectl defaults to a bastion")
	c, err = DecodeConfig("private=on&client=connected&node_subnet=public")
	require.NoError(t, err)
	assert.Equal(t, topology.Config{PublicAccess: true, PrivateAccess: true, Client: topology.LocConnected, NodeSubnet: topology.SubnetPublic}, c)
}

func TestDecodeReportsEveryProblemAtOnce(t *testing.T) {
	_, err := DecodeConfig("pubic=true&private=maybe&client=%zz&node_subnet=private&node_subnet=public&node_subnet=x")
	assert.Equal(t, map[string]Problem{
		"pubic": Unknown, "private": Invalid, "client": Malformed, "node_subnet": Repeated,
	}, problems(t, err))
	var errs Errors
	require.ErrorAs(t, err, &errs)
	for _, e := range errs {
		if e.Problem == Repeated {
			assert.Contains(t, e.Message.EN, "3 times")
		}
		if e.Problem == Unknown {
			assert.Contains(t, e.Message.EN, "public, private, client, node_subnet")
		}
	}
}

func TestBothEndpointsOffIsAConflictOnBoth(t *testing.T) {
	_, err := DecodeConfig("public=false&private=false")
	assert.Equal(t, map[string]Problem{"public": Conflict, "private": Conflict}, problems(t, err))
	_, err = DecodeConfig("public=false&private=false&client=moon")
	assert.Equal(t, map[string]Problem{"public": Conflict, "private": Conflict, "client": Invalid}, problems(t, err),
		"a bad value elsewhere does not hide the conflict")
}

func TestEncodeConfigIsCanonicalAndRoundTrips(t *testing.T) {
	for _, raw := range []string{"", "private=true", "public=false&private=true", "client=connected&private=1", "node_subnet=public&public=on"} {
		c, err := DecodeConfig(raw)
		require.NoError(t, err, raw)
		enc := EncodeConfig(c)
		back, err := DecodeConfig(enc)
		require.NoError(t, err, enc)
		assert.Equal(t, c, back, "%q -> %q", raw, enc)
	}
	assert.Equal(t, "", EncodeConfig(topology.Config{PublicAccess: true, Client: topology.LocInternet, NodeSubnet: topology.SubnetPrivate}))
	assert.Equal(t, "private=true&client=connected", EncodeConfig(topology.Config{PublicAccess: true, PrivateAccess: true, Client: topology.LocConnected, NodeSubnet: topology.SubnetPrivate}))
}

func TestDecodePlayer(t *testing.T) {
	def := PlayerState{Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}
	st, err := DecodePlayer("", def)
	require.NoError(t, err)
	assert.Equal(t, def, st)
	st, err = DecodePlayer("flow=kubectl-to-apiserver&mode=private&step=2", def)
	require.NoError(t, err)
	assert.Equal(t, PlayerState{Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Step: 2}, st)
	assert.Equal(t, "mode=private&flow=kubectl-to-apiserver&step=2", EncodePlayer(st))

	for raw, want := range map[string]map[string]Problem{
		"mode=%zz":                 {"mode": Malformed},
		"step=01":                  {"step": Invalid},
		"step=-1":                  {"step": Invalid},
		"step=99":                  {"step": Invalid},
		"mode=public&mode=private": {"mode": Repeated},
		"speed=2":                  {"speed": Unknown},
		"mode=nope&flow=nope":      {"mode": Invalid, "flow": Invalid},
	} {
		_, err := DecodePlayer(raw, def)
		assert.Equal(t, want, problems(t, err), raw)
	}
}

func TestDecodeDiagram(t *testing.T) {
	q, err := DecodeDiagram("mode=private&flow=kubectl-to-apiserver&lang=ko&animate=1", true, "en")
	require.NoError(t, err)
	assert.Equal(t, DiagramQuery{Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Lang: "ko", Animate: true}, q)
	q, err = DecodeDiagram("", false, "ko")
	require.NoError(t, err)
	assert.Equal(t, "ko", q.Lang)
	_, err = DecodeDiagram("", true, "en")
	assert.Equal(t, map[string]Problem{"mode": Invalid}, problems(t, err))
	_, err = DecodeDiagram("mode=public&lang=fr&animate=2", false, "en")
	assert.Equal(t, map[string]Problem{"mode": Conflict, "lang": Invalid, "animate": Invalid}, problems(t, err))
}
