package topology

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The invariants of chapter 5, checked over the three teaching modes and,
// where they hold more widely, over every valid configuration.

func TestInvariantAPIServerToKubeletSameInEveryMode(t *testing.T) {
	want := mustFlow(t, mustResolve(t, mustConfig(t, ModePublic)), FlowAPIServerToKubelet)
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			got := mustFlow(t, mustResolve(t, cfg), FlowAPIServerToKubelet)
			assert.Equal(t, want, got)
			assert.True(t, got.Reachable)
			assert.False(t, got.CrossesInternet)
		})
	}
}

func TestInvariantPublicKubeletTakesThePublicPath(t *testing.T) {
	tests := []struct {
		nodes NodePlacement
		out   []ComponentID // where the packet leaves the VPC
	}{
		{NodesPrivateNAT, []ComponentID{Kubelet, NATGateway, IGW, NLB, APIServer}},
		{NodesPublic, []ComponentID{Kubelet, IGW, NLB, APIServer}},
	}
	for _, tt := range tests {
		t.Run(string(tt.nodes), func(t *testing.T) {
			cfg := mustConfig(t, ModePublic)
			cfg.Nodes = tt.nodes
			f := mustFlow(t, mustResolve(t, cfg), FlowKubeletToAPIServer)
			require.True(t, f.Reachable)
			assert.True(t, f.PublicPath)
			// It leaves the VPC but not Amazon's network (the truth fix of
			// issue 8): the public path, never the public internet.
			assert.False(t, f.CrossesInternet)
			assert.Equal(t, AnswerPublic, f.Steps[0].Answer)
			assert.Equal(t, tt.out, hopPath(f))
			// It re-enters through the NLB's public address.
			assert.Contains(t, f.Steps, stepOf(f, IGW, NLB))
			assert.Equal(t, NetAWSPublic, stepOf(f, IGW, NLB).Network)
		})
	}
}

func TestInvariantPrivateAccessKeepsKubeletInside(t *testing.T) {
	for _, m := range []Mode{ModePublicPrivate, ModePrivate} {
		for _, n := range NodePlacements() {
			t.Run(string(m)+"/"+string(n), func(t *testing.T) {
				cfg := mustConfig(t, m)
				cfg.Nodes = n
				f := mustFlow(t, mustResolve(t, cfg), FlowKubeletToAPIServer)
				require.True(t, f.Reachable)
				dns := f.Steps[0]
				assert.Equal(t, StepDNS, dns.Kind)
				assert.Equal(t, VPCDNS, dns.To)
				assert.Equal(t, AnswerPrivate, dns.Answer)
				assert.False(t, f.CrossesInternet)
				for _, s := range f.Steps {
					assert.NotEqual(t, NetInternet, s.Network, "%s>%s", s.From, s.To)
				}
			})
		}
	}
}

func TestInvariantPrivateModeNeverCrossesInternet(t *testing.T) {
	for _, f := range mustResolve(t, mustConfig(t, ModePrivate)).Flows {
		assert.True(t, f.Reachable, f.ID)
		assert.False(t, f.CrossesInternet, f.ID)
		for _, s := range f.Steps {
			assert.NotEqual(t, NetInternet, s.Network, "%s: %s>%s", f.ID, s.From, s.To)
		}
	}
}

func TestInvariantKubectlFromInternetUsesNLB(t *testing.T) {
	for _, m := range []Mode{ModePublic, ModePublicPrivate} {
		t.Run(string(m), func(t *testing.T) {
			cfg := mustConfig(t, m)
			require.Equal(t, LocInternet, cfg.Client)
			f := mustFlow(t, mustResolve(t, cfg), FlowKubectlToAPIServer)
			require.True(t, f.Reachable)
			assert.True(t, f.CrossesInternet)
			s := stepOf(f, Kubectl, NLB)
			assert.Equal(t, NetInternet, s.Network)
		})
	}
}

func TestInvariantNoEndpoint(t *testing.T) {
	for _, loc := range Locations() {
		_, err := Resolve(cfgOf(false, false, loc, NodesPrivateNAT))
		assert.ErrorIs(t, err, ErrNoEndpoint, loc)
	}
}

// TestInvariantStepsFollowLinks proves the paths come from the topology:
// every step joins two components of Build(cfg) along a link on the
// step's own network.
func TestInvariantStepsFollowLinks(t *testing.T) {
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			top := Build(cfg)
			for _, f := range mustResolve(t, cfg).Flows {
				for i, s := range f.Steps {
					_, ok := top.Component(s.From)
					assert.True(t, ok, "%s step %d: from %s not in topology", f.ID, i, s.From)
					_, ok = top.Component(s.To)
					assert.True(t, ok, "%s step %d: to %s not in topology", f.ID, i, s.To)
					l, ok := top.LinkBetween(s.From, s.To)
					if assert.True(t, ok, "%s step %d: no link %s-%s", f.ID, i, s.From, s.To) {
						assert.Equal(t, l.Network, s.Network, "%s step %d", f.ID, i)
					}
				}
			}
		})
	}
}

// TestInvariantFlowShape checks what holds for every flow of every valid
// configuration: hops chain, reachable flows end at their target, blocked
// ones say where, and CrossesInternet agrees with the steps.
func TestInvariantFlowShape(t *testing.T) {
	target := map[FlowID]ComponentID{
		FlowKubectlToAPIServer: APIServer, FlowKubeletToAPIServer: APIServer, FlowAPIServerToKubelet: Kubelet,
	}
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			for _, f := range mustResolve(t, cfg).Flows {
				require.NotEmpty(t, f.Steps, f.ID)
				assert.Equal(t, f.Blocked == nil, f.Reachable, f.ID)
				crosses := false
				var last ComponentID
				for i, s := range f.Steps {
					crosses = crosses || s.Network == NetInternet
					assert.Equal(t, s.Kind == StepDNS, s.Answer != "", "%s step %d: answer only on DNS", f.ID, i)
					if s.Kind == StepHop {
						if last != "" {
							assert.Equal(t, last, s.From, "%s step %d does not continue the path", f.ID, i)
						}
						last = s.To
					}
				}
				assert.Equal(t, crosses, f.CrossesInternet, f.ID)
				if f.Reachable {
					assert.Equal(t, target[f.ID], last, f.ID)
				} else {
					assert.NotEmpty(t, f.Blocked.At, f.ID)
					assertBilingual(t, f.Blocked.Reason, string(f.ID)+" blocked")
				}
			}
		})
	}
}

func TestInvariantEveryStepExplainedInBothLanguages(t *testing.T) {
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			for _, f := range mustResolve(t, cfg).Flows {
				for i, s := range f.Steps {
					assertBilingual(t, s.Reason, fmt.Sprintf("%s step %d", f.ID, i))
				}
			}
		})
	}
}

// assertBilingual checks a learner-facing sentence: English ending in a
// full stop, Korean in Hangul and in the 합니다체 register, or ~하십시오 where
// the sentence ends in advice (the style guide's register for it).
func assertBilingual(t *testing.T, txt Text, where string) {
	t.Helper()
	assert.NotEmpty(t, txt.EN, where)
	assert.True(t, strings.HasSuffix(txt.EN, "."), "%s: EN should end with a full stop: %q", where, txt.EN)
	assert.True(t, strings.ContainsFunc(txt.KO, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }),
		"%s: KO should be Korean: %q", where, txt.KO)
	ko := strings.TrimSuffix(strings.TrimSuffix(txt.KO, "."), ")")
	assert.True(t, strings.HasSuffix(ko, "니다") || strings.HasSuffix(ko, "십시오"),
		"%s: KO should be 합니다체 (advice ~하십시오): %q", where, txt.KO)
	assert.NotContains(t, txt.KO, "%!", where)
	assert.NotContains(t, txt.EN, "%!", where)
}

// hopPath lists the components the hops of f visit, in order.
func hopPath(f Flow) []ComponentID {
	var path []ComponentID
	for _, s := range f.Steps {
		if s.Kind != StepHop {
			continue
		}
		if len(path) == 0 {
			path = append(path, s.From)
		}
		path = append(path, s.To)
	}
	return path
}

// stepOf returns the hop of f from a to b, or a zero Step.
func stepOf(f Flow, a, b ComponentID) Step {
	for _, s := range f.Steps {
		if s.Kind == StepHop && s.From == a && s.To == b {
			return s
		}
	}
	return Step{}
}
