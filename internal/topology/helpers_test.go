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

// allConfigs lists every valid configuration: each mode, client location
// and node subnet kind.
func allConfigs() []Config {
	var cs []Config
	for _, m := range Modes() {
		for _, loc := range []Location{LocInternet, LocVPC, LocConnected} {
			for _, sub := range []SubnetKind{SubnetPrivate, SubnetPublic} {
				c := Config{Client: loc, NodeSubnet: sub}
				c.PublicAccess = m != ModePrivate
				c.PrivateAccess = m != ModePublic
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// name labels a configuration in subtest names.
func name(c Config) string {
	return fmt.Sprintf("%s/client=%s/nodes=%s", c.Mode(), c.Client, c.NodeSubnet)
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
