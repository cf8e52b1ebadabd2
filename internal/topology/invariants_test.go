package topology

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The invariants of chapter 5, checked over the three teaching modes and,
// where they hold more widely, over every valid configuration.

// The API server → kubelet flow never depends on the endpoint settings
// (nor on DNS, CIDRs, endpoints or where kubectl is).
func TestInvariantAPIServerToKubeletSameInEveryMode(t *testing.T) {
	want := mustFlow(t, mustResolve(t, mustConfig(t, ModePublic)), FlowAPIServerToKubelet)
	for _, cfg := range lessonConfigs() {
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

// With public access off no packet crosses the internet: there is no
// public address to send one to. The one internet step left is the DNS
// question of a client that asks public DNS (an admin laptop, a connected
// network with its own DNS); public DNS answers with private IPs, so
// the laptop's flow stops there and the connected network's goes over its
// link.
func TestPropertyPublicOffNeverCrossesTheInternet(t *testing.T) {
	for _, cfg := range lessonConfigs() {
		if cfg.PublicAccess {
			continue
		}
		for _, f := range mustResolve(t, cfg).Flows {
			assert.False(t, f.PublicPath, "%s %s", name(cfg), f.ID)
			for _, s := range f.Steps {
				if s.Network != NetInternet {
					continue
				}
				assert.Equal(t, StepDNS, s.Kind, "%s %s: only a DNS question may cross the internet", name(cfg), f.ID)
				assert.Equal(t, PublicDNS, s.To)
				assert.Equal(t, AnswerPrivate, s.Answer)
				assert.Contains(t, []Location{LocInternet, LocConnected}, cfg.Client)
			}
			if cfg.Client != LocInternet && cfg.Client != LocConnected {
				assert.False(t, f.CrossesInternet, "%s %s", name(cfg), f.ID)
			}
		}
	}
}

// With public access on, 0.0.0.0/0 and a route to the internet (and the
// VPC's DNS attributes on, which EKS requires), nodes always join.
func TestPropertyOpenPublicEndpointNodesJoin(t *testing.T) {
	for _, cfg := range lessonConfigs() {
		if !cfg.PublicAccess || !cfg.Nodes.Egress() || !cfg.DNSHostnames || !cfg.DNSSupport ||
			len(cfg.PublicAccessCIDRs) != 1 || cfg.PublicAccessCIDRs[0].Bits() != 0 {
			continue
		}
		r := mustResolve(t, cfg)
		assert.True(t, r.Verdict.NodesCanJoin, name(cfg))
		assert.True(t, mustFlow(t, r, FlowKubeletToAPIServer).Reachable, name(cfg))
	}
}

// Narrowing the CIDR list never makes an unreachable flow reachable:
// dropping blocks, or replacing the list with a narrower one.
func TestPropertyNarrowingCIDRsNeverOpensAFlow(t *testing.T) {
	narrower := [][]string{
		{"0.0.0.0/0"}, {"0.0.0.0/1", "128.0.0.0/1"}, {"198.51.100.0/24", "203.0.113.0/24"},
		{"203.0.113.0/24"}, {"198.51.100.7/32"}, {"192.0.2.0/24"},
	}
	for _, base := range lessonConfigs() {
		var prev *Result
		for _, list := range narrower {
			cfg := base
			cfg.PublicAccessCIDRs = prefixes(list...)
			r := mustResolve(t, cfg)
			if prev != nil && subset(list, narrower) {
				for i, f := range r.Flows {
					if !prev.Flows[i].Reachable {
						assert.False(t, f.Reachable, "%s %s: %v opened a flow", name(cfg), f.ID, list)
					}
				}
			}
			prev = &r
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
	for _, cfg := range lessonConfigs() {
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
		FlowNodeToECR: S3, // the last leg: the layers
	}
	for _, cfg := range lessonConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			for _, f := range mustResolve(t, cfg).Flows {
				assert.Equal(t, f.Blocked == nil, f.Reachable, f.ID)
				if f.Reachable {
					require.NotEmpty(t, f.Steps, f.ID)
				}
				crosses, public := false, false
				var last ComponentID
				for i, s := range f.Steps {
					crosses = crosses || s.Network == NetInternet
					public = public || (s.Kind == StepHop && s.To == NLB)
					assert.Equal(t, s.Kind == StepDNS, s.Answer != "", "%s step %d: answer only on DNS", f.ID, i)
					if s.Kind == StepDNS {
						last = "" // a lookup starts a new leg from the asker
						continue
					}
					if last != "" {
						assert.Equal(t, last, s.From, "%s step %d does not continue the path", f.ID, i)
					}
					last = s.To
				}
				assert.Equal(t, crosses, f.CrossesInternet, f.ID)
				assert.Equal(t, public, f.PublicPath, f.ID)
				if f.Reachable {
					assert.Equal(t, target[f.ID], last, f.ID)
					continue
				}
				_, ok := Build(cfg).Component(f.Blocked.At)
				assert.True(t, ok, "%s blocked at %q, a component of the topology", f.ID, f.Blocked.At)
				_, err := ParseCode(string(f.Blocked.Code))
				assert.NoError(t, err, f.ID)
				assertBilingual(t, f.Blocked.Reason, string(f.ID)+" blocked reason")
				assertBilingual(t, f.Blocked.Fix, string(f.ID)+" blocked fix")
				assert.True(t, strings.HasSuffix(strings.TrimSuffix(f.Blocked.Fix.KO, "."), "십시오"),
					"%s: a fix is advice, in ~하십시오: %q", f.ID, f.Blocked.Fix.KO)
			}
		})
	}
}

func TestInvariantEveryStepExplainedInBothLanguages(t *testing.T) {
	for _, cfg := range lessonConfigs() {
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

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// subset reports whether every address the list allows is allowed by
// the list before it in the chain: true here by construction except after
// the disjoint 192.0.2.0/24, checked so the chain cannot drift.
func subset(list []string, chain [][]string) bool {
	for i := 1; i < len(chain); i++ {
		if strings.Join(chain[i], ",") != strings.Join(list, ",") {
			continue
		}
		for _, p := range prefixes(list...) {
			covered := false
			for _, q := range prefixes(chain[i-1]...) {
				covered = covered || (q.Bits() <= p.Bits() && q.Contains(p.Addr()))
			}
			if !covered {
				return false
			}
		}
		return true
	}
	return false
}
