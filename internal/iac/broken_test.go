package iac

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/params"
)

const eksctlHead = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n"

// Each broken paste is refused with its code, and where known its line,
// path and value, so the page can point at it.
func TestImportRefusesBrokenPastes(t *testing.T) {
	for _, tc := range []struct {
		name, paste string
		code        Code
		format      Format
		line        int
		path, value string
		fields      map[string]params.Problem // for BAD_VALUE
	}{
		{name: "empty", paste: " \n\t\n", code: CodeEmpty},
		{name: "too large", paste: strings.Repeat("#", MaxPasteBytes+1), code: CodeTooLarge},
		{name: "not utf-8", paste: "\xff\xfe{", code: CodeSyntax},
		{name: "plain words", paste: "hello, my cluster is slow", code: CodeUnknownFormat},
		{name: "json array", paste: `[1, 2]`, code: CodeUnknownFormat},
		{name: "kubeconfig", paste: "apiVersion: v1\nkind: Config\nclusters: []\n", code: CodeUnknownFormat},
		{name: "json syntax", paste: "{\n  \"cluster\": {\n    \"name\": \"x\",,\n  }\n}", code: CodeSyntax, line: 3},
		{name: "json cut short", paste: `{"cluster": {"resourcesVpcConfig": {`, code: CodeSyntax},
		{name: "json trailing", paste: `{"cluster": {}} {}`, code: CodeSyntax},
		{name: "json duplicate key", paste: "{\"cluster\": {\"resourcesVpcConfig\": {\n\"endpointPublicAccess\": true,\n\"endpointPublicAccess\": false}}}", code: CodeSyntax, line: 3},
		{name: "yaml syntax", paste: eksctlHead + "vpc:\n  clusterEndpoints:\n\tpublicAccess: true\n", code: CodeSyntax, line: 5},
		{name: "hcl syntax", paste: "resource \"aws_eks_cluster\" \"x\" {\n  vpc_config {\n    endpoint_public_access = \n}\n", code: CodeSyntax, format: Terraform, line: 3},
		{name: "shell syntax", paste: "aws eks update-cluster-config --name 'my-cluster\n", code: CodeSyntax, format: AWSCLI, line: 1},
		{name: "describe without vpc config", paste: `{"cluster": {"name": "x"}}`, code: CodeNoCluster, format: AWSCLI},
		{name: "template without cluster", paste: "Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n", code: CodeNoCluster, format: CloudFormation},
		{name: "terraform without cluster", paste: "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n", code: CodeNoCluster, format: Terraform},
		{name: "commands without cluster", paste: "aws ec2 describe-vpcs\n", code: CodeNoCluster, format: AWSCLI},
		{name: "two clusters", paste: "Resources:\n  A:\n    Type: AWS::EKS::Cluster\n  B:\n    Type: AWS::EKS::Cluster\n", code: CodeManyClusters, format: CloudFormation, line: 5, path: "Resources.B"},
		{name: "two terraform clusters", paste: "resource \"aws_eks_cluster\" \"a\" {}\nresource \"aws_eks_cluster\" \"b\" {}\n", code: CodeManyClusters, format: Terraform, line: 2, path: "aws_eks_cluster.b"},
		{name: "string for a boolean", paste: `{"cluster": {"resourcesVpcConfig": {"endpointPublicAccess": "yes"}}}`, code: CodeBadType, format: AWSCLI,
			path: "cluster.resourcesVpcConfig.endpointPublicAccess", value: "yes"},
		{name: "cidrs not a list", paste: eksctlHead + "vpc:\n  publicAccessCIDRs: 10.0.0.0/8\n", code: CodeBadType, format: Eksctl, line: 4, path: "vpc.publicAccessCIDRs"},
		{name: "terraform number for a boolean", paste: "resource \"aws_eks_cluster\" \"x\" {\n  vpc_config {\n    endpoint_public_access = 1\n  }\n}\n", code: CodeBadType, format: Terraform, line: 3, value: "1"},
		{name: "terraform variable", paste: "resource \"aws_eks_cluster\" \"x\" {\n  vpc_config {\n    endpoint_private_access = var.private\n  }\n}\n", code: CodeNotLiteral, format: Terraform, line: 3,
			path: "aws_eks_cluster.x.vpc_config.endpoint_private_access", value: "var.private"},
		{name: "cloudformation ref", paste: "Resources:\n  C:\n    Type: AWS::EKS::Cluster\n    Properties:\n      ResourcesVpcConfig:\n        EndpointPublicAccess: !Ref Public\n", code: CodeNotLiteral, format: CloudFormation, line: 6, value: "Ref"},
		{name: "shell variable", paste: "aws eks update-cluster-config --name x --resources-vpc-config \"$VPC_CONFIG\"\n", code: CodeNotLiteral, format: AWSCLI, line: 1},
		{name: "shell option without value", paste: "aws eks update-cluster-config --name x --resources-vpc-config\n", code: CodeBadType, format: AWSCLI},
		{name: "shorthand without key", paste: "aws eks update-cluster-config --resources-vpc-config true,false\n", code: CodeSyntax, format: AWSCLI},
		{name: "node groups disagree", paste: eksctlHead + "managedNodeGroups:\n  - name: a\n    privateNetworking: true\n  - name: b\n", code: CodeConflict, format: Eksctl, line: 6, path: "managedNodeGroups[1].privateNetworking"},
		{name: "two updates disagree", paste: "aws eks update-cluster-config --resources-vpc-config endpointPrivateAccess=true\naws eks update-cluster-config --resources-vpc-config endpointPrivateAccess=false\n", code: CodeConflict, format: AWSCLI, line: 2},
		{name: "unknown nat gateway", paste: eksctlHead + "vpc:\n  nat:\n    gateway: Double\nnodeGroups:\n  - privateNetworking: true\n", code: CodeBadValue, format: Eksctl, line: 5, value: "Double"},
		{name: "both endpoints off", paste: `{"cluster": {"resourcesVpcConfig": {"endpointPublicAccess": false, "endpointPrivateAccess": false}}}`, code: CodeBadValue, format: AWSCLI,
			path: "cluster.resourcesVpcConfig.endpointPublicAccess", fields: map[string]params.Problem{"public": params.Conflict, "private": params.Conflict}},
		{name: "bad and ipv6 cidrs", paste: eksctlHead + "vpc:\n  publicAccessCIDRs: [\"10.0.0.1/8\", \"2001:db8::/32\"]\n", code: CodeBadValue, format: Eksctl, line: 4,
			path: "vpc.publicAccessCIDRs", fields: map[string]params.Problem{"cidrs": params.Invalid}},
		{name: "more than 40 cidrs", paste: "resource \"aws_eks_cluster\" \"x\" {\n  vpc_config {\n    public_access_cidrs = [" + manyCIDRs(41) + "]\n  }\n}\n",
			code: CodeBadValue, format: Terraform, line: 3, fields: map[string]params.Problem{"cidrs": params.Invalid}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import([]byte(tc.paste))
			var e *Error
			require.True(t, errors.As(err, &e), "want *iac.Error, got %v", err)
			assert.Equal(t, tc.code, e.Code, e.Error())
			assert.Equal(t, tc.format, e.Format, e.Error())
			if tc.line != 0 {
				assert.Equal(t, tc.line, e.Line, e.Error())
			}
			if tc.path != "" {
				assert.Equal(t, tc.path, e.Path)
			}
			if tc.value != "" {
				assert.Equal(t, tc.value, e.Value)
			}
			if tc.code == CodeConflict {
				assert.NotEmpty(t, e.Other)
				assert.Less(t, e.OtherLine, e.Line, "the first place said it first")
			}
			if tc.fields != nil {
				got := map[string]params.Problem{}
				for _, f := range e.Fields {
					got[f.Name] = f.Problem
					assert.NotEmpty(t, f.Message.KO)
				}
				assert.Equal(t, tc.fields, got)
			}
			if tc.code == CodeSyntax {
				assert.NotEmpty(t, e.Detail, "the parser's own words")
			}
		})
	}
}

// manyCIDRs lists n distinct /32 blocks, quoted for HCL.
func manyCIDRs(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`"192.0.2.%d/32"`, i)
	}
	return strings.Join(parts, ", ")
}
