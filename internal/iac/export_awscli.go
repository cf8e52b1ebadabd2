package iac

import (
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// exportAWSCLI writes the commands that set the configuration on an
// existing cluster and VPC: aws eks update-cluster-config for the
// endpoint, aws ec2 modify-vpc-attribute for each DNS setting that is
// off (one attribute per call, as EC2 requires), and aws ec2
// create-vpc-endpoint for each VPC endpoint.
func exportAWSCLI(b *strings.Builder, c topology.Config) {
	vpc := "endpointPublicAccess=" + boolWord(c.PublicAccess) + ",endpointPrivateAccess=" + boolWord(c.PrivateAccess)
	if c.PublicAccess {
		vpc += ",publicAccessCidrs=" + strings.Join(cidrStrings(c), ",")
	}
	b.WriteString("aws eks update-cluster-config \\\n")
	b.WriteString("  --region " + regionCode + " \\\n")
	b.WriteString("  --name " + clusterName + " \\\n")
	b.WriteString("  --resources-vpc-config " + vpc + "\n")
	for _, a := range []struct {
		flag string
		on   bool
	}{{"--enable-dns-support", c.DNSSupport}, {"--enable-dns-hostnames", c.DNSHostnames}} {
		if !a.on {
			b.WriteString("\naws ec2 modify-vpc-attribute --vpc-id " + vpcID + " " + a.flag + ` '{"Value":false}'` + "\n")
		}
	}
	for _, s := range serviceStrings(c) {
		svc := topology.Service(s)
		b.WriteString("\naws ec2 create-vpc-endpoint \\\n")
		b.WriteString("  --vpc-id " + vpcID + " \\\n")
		b.WriteString("  --service-name " + svc.EndpointName(regionCode) + " \\\n")
		if svc.Gateway() {
			b.WriteString("  --vpc-endpoint-type Gateway \\\n")
			b.WriteString("  --route-table-ids rtb-0123456789abcdef0\n")
			continue
		}
		b.WriteString("  --vpc-endpoint-type Interface \\\n")
		b.WriteString("  --subnet-ids subnet-0123456789abcdef0 subnet-0123456789abcdef1 \\\n")
		b.WriteString("  --security-group-ids sg-0123456789abcdef0 \\\n")
		b.WriteString("  --private-dns-enabled\n")
	}
}

func boolWord(v bool) string {
	if v {
		return "true"
	}
	return "false"
}
