package iac

import (
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// exportTerraform writes the AWS provider's resources: the VPC with its
// DNS attributes, aws_eks_cluster with its vpc_config, and an
// aws_vpc_endpoint per chosen endpoint. What the lab does not model
// (subnets, the cluster role, security groups) comes in as variables.
func exportTerraform(b *strings.Builder, c topology.Config) {
	b.WriteString(`variable "region" {
  type    = string
  default = "` + regionCode + `"
}

variable "cluster_role_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}
`)
	if len(c.Endpoints) > 0 {
		b.WriteString(`
variable "endpoint_security_group_ids" {
  type = list(string)
}

variable "route_table_ids" {
  type = list(string)
}
`)
	}
	b.WriteString(`
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = ` + strconv.FormatBool(c.DNSSupport) + `
  enable_dns_hostnames = ` + strconv.FormatBool(c.DNSHostnames) + `
}

resource "aws_eks_cluster" "main" {
  name     = "` + clusterName + `"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_public_access  = ` + strconv.FormatBool(c.PublicAccess) + `
    endpoint_private_access = ` + strconv.FormatBool(c.PrivateAccess) + "\n")
	if c.PublicAccess {
		quoted := make([]string, 0, len(c.PublicAccessCIDRs))
		for _, p := range cidrStrings(c) {
			quoted = append(quoted, strconv.Quote(p))
		}
		b.WriteString("    public_access_cidrs     = [" + strings.Join(quoted, ", ") + "]\n")
	}
	b.WriteString("  }\n}\n")
	for _, s := range serviceStrings(c) {
		svc := topology.Service(s)
		attrs := [][2]string{
			{"vpc_id", "aws_vpc.main.id"},
			{"service_name", `"com.amazonaws.${var.region}.` + s + `"`},
		}
		if svc.Gateway() {
			attrs = append(attrs, [2]string{"vpc_endpoint_type", `"Gateway"`}, [2]string{"route_table_ids", "var.route_table_ids"})
		} else {
			attrs = append(attrs, [2]string{"vpc_endpoint_type", `"Interface"`}, [2]string{"subnet_ids", "var.subnet_ids"},
				[2]string{"security_group_ids", "var.endpoint_security_group_ids"}, [2]string{"private_dns_enabled", "true"})
		}
		b.WriteString("\nresource \"aws_vpc_endpoint\" \"" + strings.ReplaceAll(s, ".", "_") + "\" {\n")
		tfAttrs(b, attrs)
		b.WriteString("}\n")
	}
}

// tfAttrs writes attributes aligned the way terraform fmt aligns them.
func tfAttrs(b *strings.Builder, attrs [][2]string) {
	width := 0
	for _, a := range attrs {
		width = max(width, len(a[0]))
	}
	for _, a := range attrs {
		b.WriteString("  " + a[0] + strings.Repeat(" ", width-len(a[0])) + " = " + a[1] + "\n")
	}
}
