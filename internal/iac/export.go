package iac

import (
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// Export writes c as copy-ready text in format f: the same configuration
// always gives the same bytes. An unknown format gives "".
func Export(f Format, c topology.Config) string {
	var b strings.Builder
	header(&b, f, c)
	switch f {
	case Eksctl:
		exportEksctl(&b, c)
	case AWSCLI:
		exportAWSCLI(&b, c)
	case Terraform:
		exportTerraform(&b, c)
	case CloudFormation:
		exportCloudFormation(&b, c)
	default:
		return ""
	}
	return b.String()
}

// Carried lists the lab's fields (internal/params names, schema order)
// that format f writes for c, so that importing the export gives them
// back; every other field comes back as its EKS default.
func Carried(f Format, c topology.Config) []string {
	out := []string{fieldPublic, fieldPrivate}
	if c.PublicAccess {
		out = append(out, fieldCIDRs)
	}
	switch f {
	case Eksctl:
		out = append(out, fieldNodes)
	case AWSCLI, Terraform, CloudFormation:
		out = append(out, fieldDNSHostnames, fieldDNSSupport, fieldEndpoints)
	}
	return order(out)
}

// configFields are the lab's configuration fields, without the legacy
// node_subnet, in schema order.
func configFields() []string {
	var out []string
	for _, f := range params.ConfigSchema.Fields {
		if f.ReplacedBy == "" {
			out = append(out, f.Name)
		}
	}
	return out
}

// order puts names in schema order.
func order(names []string) []string {
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	var out []string
	for _, n := range configFields() {
		if have[n] {
			out = append(out, n)
		}
	}
	return out
}

// fieldValue spells c's value of a field the way the lab's query does.
func fieldValue(name string, c topology.Config) string {
	switch name {
	case "public":
		return strconv.FormatBool(c.PublicAccess)
	case "private":
		return strconv.FormatBool(c.PrivateAccess)
	case "cidrs":
		return strings.Join(cidrStrings(c), ",")
	case "client":
		return string(c.Client)
	case "client_ip":
		return c.ClientIP.String()
	case "nodes":
		return string(c.Nodes)
	case "nat_ip":
		return c.NATIP.String()
	case "dns_hostnames":
		return strconv.FormatBool(c.DNSHostnames)
	case "dns_support":
		return strconv.FormatBool(c.DNSSupport)
	case "endpoints":
		return strings.Join(serviceStrings(c), ",")
	case "sg443":
		return strconv.FormatBool(c.SG443)
	}
	return ""
}

func cidrStrings(c topology.Config) []string {
	out := make([]string, len(c.PublicAccessCIDRs))
	for i, p := range c.PublicAccessCIDRs {
		out[i] = p.String()
	}
	return out
}

// serviceStrings lists c's VPC endpoints in topology.Services() order.
func serviceStrings(c topology.Config) []string {
	var out []string
	for _, s := range topology.Services() {
		if c.HasEndpoint(s) {
			out = append(out, string(s))
		}
	}
	return out
}

// header is the comment every export starts with: where it came from,
// what to replace, and the lab's fields the format has no place for.
// All four formats take # comments.
func header(b *strings.Builder, f Format, c topology.Config) {
	q := params.EncodeConfig(c)
	if q == "" {
		q = "(the EKS defaults)"
	}
	b.WriteString("# EKS Tutor lab configuration: " + q + "\n")
	b.WriteString("# Replace " + clusterName + ", " + regionCode + " and the example IDs (vpc-..., subnet-..., sg-..., rtb-...) with your own.\n")
	carried := map[string]bool{}
	for _, n := range Carried(f, c) {
		carried[n] = true
	}
	var rest []string
	for _, n := range configFields() {
		if !carried[n] {
			rest = append(rest, n+"="+fieldValue(n, c))
		}
	}
	b.WriteString("# Not expressed in this format (the lab's picture of the network around the cluster):\n")
	b.WriteString("#   " + strings.Join(rest, " ") + "\n")
	b.WriteString("\n")
}
