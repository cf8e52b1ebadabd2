package iac

import (
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// exportEksctl writes an eksctl ClusterConfig: the endpoint settings
// under vpc.clusterEndpoints and vpc.publicAccessCIDRs, and the nodes'
// placement as one managed node group's privateNetworking plus
// vpc.nat.gateway (Disable for nodes with no route out).
func exportEksctl(b *strings.Builder, c topology.Config) {
	if !c.PublicAccess {
		b.WriteString("# eksctl does not create a private-only cluster (it could not join the nodes):\n")
		b.WriteString("# create it with public access, then run eksctl utils update-cluster-endpoints.\n")
	}
	b.WriteString("apiVersion: eksctl.io/v1alpha5\n")
	b.WriteString("kind: ClusterConfig\n")
	b.WriteString("metadata:\n")
	b.WriteString("  name: " + clusterName + "\n")
	b.WriteString("  region: " + regionCode + "\n")
	b.WriteString("vpc:\n")
	b.WriteString("  clusterEndpoints:\n")
	b.WriteString("    publicAccess: " + strconv.FormatBool(c.PublicAccess) + "\n")
	b.WriteString("    privateAccess: " + strconv.FormatBool(c.PrivateAccess) + "\n")
	if c.PublicAccess {
		b.WriteString("  publicAccessCIDRs:\n")
		for _, p := range cidrStrings(c) {
			b.WriteString("    - " + strconv.Quote(p) + "\n")
		}
	}
	switch c.Nodes {
	case topology.NodesPrivateNAT:
		b.WriteString("  nat:\n    gateway: Single\n")
	case topology.NodesPrivateIsolated:
		b.WriteString("  nat:\n    gateway: Disable # no route to the internet: AWS services only through VPC endpoints\n")
	}
	b.WriteString("managedNodeGroups:\n")
	b.WriteString("  - name: ng-1\n")
	b.WriteString("    privateNetworking: " + strconv.FormatBool(c.Nodes != topology.NodesPublic) + "\n")
}
