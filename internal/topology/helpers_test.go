package topology

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// mustConfig returns the teaching configuration of mode m.
func mustConfig(tb testing.TB, m Mode) Config {
	tb.Helper()
	cfg, err := ConfigFor(m)
	require.NoError(tb, err)
	return cfg
}

// mustResolve resolves a configuration that must be valid.
func mustResolve(tb testing.TB, cfg Config) Result {
	tb.Helper()
	r, err := Resolve(cfg)
	require.NoError(tb, err)
	return r
}

// mustFlow returns one flow of r.
func mustFlow(tb testing.TB, r Result, id FlowID) Flow {
	tb.Helper()
	f, ok := r.Flow(id)
	require.Truef(tb, ok, "flow %s missing", id)
	return f
}

// cfgOf is the EKS default configuration with the given access flags,
// client location and node placement.
func cfgOf(public, private bool, loc Location, nodes NodePlacement) Config {
	c := DefaultConfig()
	c.PublicAccess, c.PrivateAccess, c.Client, c.Nodes = public, private, loc, nodes
	return c
}

// allConfigs lists the configurations of every mode, client location and
// node placement, with the other fields at their EKS defaults.
func allConfigs() []Config {
	var cs []Config
	for _, m := range Modes() {
		for _, loc := range Locations() {
			for _, n := range NodePlacements() {
				cs = append(cs, cfgOf(m != ModePrivate, m != ModePublic, loc, n))
			}
		}
	}
	return cs
}

// name labels a configuration in subtest names.
func name(c Config) string {
	return fmt.Sprintf("%s/client=%s/nodes=%s", c.Mode(), c.Client, c.Nodes)
}

// trace writes a flow's steps compactly, one string per step, so tables
// read like the event list: "hop kubelet>nat-gateway vpc".
func trace(f Flow) []string {
	out := make([]string, 0, len(f.Steps))
	for _, s := range f.Steps {
		line := fmt.Sprintf("%s %s>%s %s", s.Kind, s.From, s.To, s.Network)
		if s.Answer != "" {
			line += " " + string(s.Answer)
		}
		out = append(out, line)
	}
	return out
}
