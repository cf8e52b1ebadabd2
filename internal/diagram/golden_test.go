package diagram

import (
	"bytes"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/golden"
	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// goldenCases lists every view in both languages, every endpoint mode
// with no flow and with each flow, and a few standalone, animated and lab
// (blocked) variants.
func goldenCases() []Options {
	var cs []Options
	for _, lang := range i18n.List() {
		for _, v := range []topology.View{topology.ViewOverview, topology.ViewControlPlane, topology.ViewDataPlane} {
			cs = append(cs, Options{View: v, Lang: lang})
		}
		cs = append(cs, Options{View: topology.ViewEndpoints, Mode: topology.ModePublicPrivate, Lang: lang})
	}
	for _, m := range topology.Modes() {
		for _, f := range topology.Flows() {
			cs = append(cs, Options{View: topology.ViewEndpoints, Mode: m, Flow: f, Lang: "en"})
		}
		if m != topology.ModePublicPrivate {
			cs = append(cs, Options{View: topology.ViewEndpoints, Mode: m, Lang: "en"})
		}
	}
	return append(cs,
		Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Lang: "ko"},
		Options{View: topology.ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Lang: "ko"},
		Options{View: topology.ViewOverview, Lang: "en", Standalone: true},
		Options{View: topology.ViewDataPlane, Lang: "ko", Standalone: true},
		Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Lang: "en", Standalone: true},
		Options{View: topology.ViewEndpoints, Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer, Lang: "en", Standalone: true, Animate: true},
		Options{View: topology.ViewEndpoints, Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Lang: "ko", Standalone: true, Animate: true},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Lang: "en", Config: labBlocked()},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Lang: "ko", Config: labBlocked()},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Lang: "en", Config: labConnected()},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Lang: "en", Config: labBastionPublic()},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubeletToAPIServer, Lang: "en", Config: labLockedOut()},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowNodeToECR, Lang: "en", Config: labIsolated(nil)},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowNodeToECR, Lang: "ko", Config: labIsolated(topology.Services())},
		Options{View: topology.ViewEndpoints, Flow: topology.FlowNodeToECR, Lang: "en", Config: labConfig(true, false, topology.LocInternet, topology.NodesPublic)},
		// The bastion's ENI sits at the right edge: the reason must stay on the canvas.
		Options{View: topology.ViewEndpoints, Flow: topology.FlowKubectlToAPIServer, Lang: "en", Config: labSG443Closed()},
	)
}

// labLockedOut is public-only with CIDRs that leave out the NAT gateway.
func labLockedOut() *topology.Config {
	c := labConfig(true, false, topology.LocInternet, topology.NodesPrivateNAT)
	c.PublicAccessCIDRs = []netip.Prefix{netip.MustParsePrefix("203.0.113.10/32")}
	return c
}

// labIsolated is private-only with isolated nodes and the given endpoints.
func labIsolated(eps []topology.Service) *topology.Config {
	c := labConfig(false, true, topology.LocVPC, topology.NodesPrivateIsolated)
	c.Endpoints = append([]topology.Service{}, eps...)
	return c
}

// labBlocked is a private-only cluster with kubectl on the internet: the
// admin's laptop cannot reach the API server.
func labBlocked() *topology.Config {
	return labConfig(false, true, topology.LocInternet, topology.NodesPrivateNAT)
}

// labConnected has kubectl on a connected network and nodes in public subnets.
func labConnected() *topology.Config {
	return labConfig(true, false, topology.LocConnected, topology.NodesPublic)
}

// labBastionPublic has a bastion host in the VPC and a public-only endpoint.
func labBastionPublic() *topology.Config {
	return labConfig(true, false, topology.LocVPC, topology.NodesPrivateNAT)
}

// labSG443Closed has a bastion, both endpoints, and no 443 from it on
// the cluster security group.
func labSG443Closed() *topology.Config {
	c := labConfig(true, true, topology.LocVPC, topology.NodesPrivateNAT)
	c.SG443 = false
	return c
}

// labConfig is the EKS default with the given flags, client and nodes.
func labConfig(public, private bool, loc topology.Location, nodes topology.NodePlacement) *topology.Config {
	c := topology.DefaultConfig()
	c.PublicAccess, c.PrivateAccess, c.Client, c.Nodes = public, private, loc, nodes
	return &c
}

// goldenName names a case's file, e.g. endpoints-public-kubelet-to-apiserver-en.golden.svg.
func goldenName(o Options) string {
	parts := []string{string(o.View)}
	if o.Config != nil {
		parts = append(parts, "lab", string(o.Config.Mode()), string(o.Config.Client), string(o.Config.Nodes))
		if len(o.Config.PublicAccessCIDRs) != 1 || o.Config.PublicAccessCIDRs[0].Bits() != 0 {
			parts = append(parts, "cidrs")
		}
		if len(o.Config.Endpoints) > 0 {
			parts = append(parts, "endpoints")
		}
		if !o.Config.SG443 {
			parts = append(parts, "sg443-closed")
		}
	} else if o.Mode != "" {
		parts = append(parts, string(o.Mode))
	}
	if o.Flow != "" {
		parts = append(parts, string(o.Flow))
	}
	parts = append(parts, o.lang())
	if o.Standalone {
		parts = append(parts, "standalone")
	}
	if o.Animate {
		parts = append(parts, "animate")
	}
	return strings.Join(parts, "-") + ".golden.svg"
}

func mustRender(tb testing.TB, o Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	require.NoError(tb, Render(&b, o))
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, o := range goldenCases() {
		name := goldenName(o)
		o = withShippedNotes(t, o)
		t.Run(strings.TrimSuffix(name, ".golden.svg"), func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", name), mustRender(t, o))
		})
	}
}

func TestGoldenFilesAllUsed(t *testing.T) {
	used := map[string]bool{}
	for _, o := range goldenCases() {
		used[goldenName(o)] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.golden.svg"))
	require.NoError(t, err)
	for _, f := range files {
		assert.True(t, used[filepath.Base(f)], "stale golden file %s", f)
	}
}
