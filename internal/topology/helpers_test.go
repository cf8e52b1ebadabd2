package topology

import (
	"fmt"
	"net/netip"
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

// lessonConfigs adds to allConfigs the settings every pitfall of the
// chapter turns: narrowed CIDRs (with and without the NAT or client IP),
// each DNS attribute off, the cluster security group closed, and VPC
// endpoints (all of them, and the image-pull ones without ec2).
func lessonConfigs() []Config {
	variants := []func(*Config){
		func(*Config) {},
		func(c *Config) { c.PublicAccessCIDRs = prefixes("203.0.113.10/32") },
		func(c *Config) { c.PublicAccessCIDRs = prefixes("198.51.100.7/32") },
		func(c *Config) { c.DNSHostnames = false },
		func(c *Config) { c.DNSSupport = false },
		func(c *Config) { c.DNSSupport, c.DNSHostnames = false, false },
		func(c *Config) { c.SG443 = false },
		func(c *Config) { c.Endpoints = Services() },
		func(c *Config) { c.Endpoints = []Service{SvcECRAPI, SvcECRDKR, SvcS3} },
		func(c *Config) { c.Endpoints, c.DNSHostnames = Services(), false },
	}
	var out []Config
	for _, base := range allConfigs() {
		for _, v := range variants {
			c := base
			c.PublicAccessCIDRs = append([]netip.Prefix(nil), base.PublicAccessCIDRs...)
			v(&c)
			out = append(out, c)
		}
	}
	return out
}

// name labels a configuration in subtest names.
func name(c Config) string {
	s := fmt.Sprintf("%s/client=%s/nodes=%s", c.Mode(), c.Client, c.Nodes)
	if d := DefaultConfig(); len(c.PublicAccessCIDRs) != 1 || c.PublicAccessCIDRs[0] != d.PublicAccessCIDRs[0] {
		s += fmt.Sprintf("/cidrs=%v", c.PublicAccessCIDRs)
	}
	if !c.DNSHostnames {
		s += "/no-dns-hostnames"
	}
	if !c.DNSSupport {
		s += "/no-dns-support"
	}
	if !c.SG443 {
		s += "/no-sg443"
	}
	if len(c.Endpoints) > 0 {
		s += fmt.Sprintf("/endpoints=%v", c.Endpoints)
	}
	return s
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

func netipAddr(s string) netip.Addr { return netip.MustParseAddr(s) }
