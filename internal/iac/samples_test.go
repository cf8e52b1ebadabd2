package iac

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/params"
)

// Real-shaped pastes, written from the AWS and eksctl documentation's
// examples, with the fields the tutor does not model left in.
func TestImportSamples(t *testing.T) {
	for _, tc := range []struct {
		file    string
		format  Format
		query   string // the configuration read, canonical
		read    []string
		ignored []string // a few of the paths that must be listed
	}{
		{"describe-cluster.json", AWSCLI, "private=true&cidrs=203.0.113.5/32",
			[]string{"public", "private", "cidrs"},
			[]string{"cluster.name", "cluster.version", "cluster.resourcesVpcConfig.subnetIds", "cluster.resourcesVpcConfig.clusterSecurityGroupId", "cluster.accessConfig"}},
		{"eksctl-cluster.yaml", Eksctl, "private=true&cidrs=1.1.1.1/32,2.2.2.0/24",
			[]string{"public", "private", "cidrs", "nodes"},
			[]string{"metadata.name", "metadata.version", "vpc.cidr", "iam.withOIDC", "managedNodeGroups[].instanceType", "managedNodeGroups[].labels", "addons"}},
		{"eksctl-private-cluster.yaml", Eksctl, "public=false&private=true&nodes=private-isolated&endpoints=ecr.api,ecr.dkr,s3,sts,ec2,logs",
			[]string{"public", "private", "nodes", "endpoints"},
			[]string{"metadata.name", "privateCluster.additionalEndpointServices.autoscaling", "managedNodeGroups[].instanceType"}},
		{"cloudformation.yaml", CloudFormation, "public=false&private=true&endpoints=ecr.api,ecr.dkr,s3",
			[]string{"public", "private", "dns_hostnames", "dns_support", "endpoints"},
			[]string{"Parameters", "Outputs", "Resources.NodeGroup", "Resources.SsmEndpoint", "Resources.EKSCluster.Properties.Version", "Resources.EKSCluster.Properties.ResourcesVpcConfig.SubnetIds", "Resources.VPC.Properties.Tags"}},
		{"cloudformation.json", CloudFormation, "cidrs=203.0.113.0/24,198.51.100.7/32",
			[]string{"public", "private", "cidrs"},
			[]string{"Description", "Outputs", "Resources.myCluster.Properties.RoleArn", "Resources.myCluster.Properties.Tags"}},
		{"main.tf", Terraform, "public=false&private=true&dns_hostnames=false&endpoints=ec2",
			[]string{"public", "private", "dns_hostnames", "dns_support", "endpoints"},
			[]string{"terraform", "provider.aws", "aws_iam_role.cluster", "aws_eks_cluster.example.version", "aws_eks_cluster.example.access_config", "aws_eks_cluster.example.vpc_config.subnet_ids", "aws_vpc.this.cidr_block"}},
		{"aws-cli.sh", AWSCLI, "private=true&cidrs=203.0.113.5/32&endpoints=sts",
			[]string{"public", "private", "cidrs", "dns_hostnames", "endpoints"},
			[]string{"aws eks describe-update", "aws eks update-cluster-config --region", "aws ec2 create-vpc-endpoint --vpc-endpoint-type"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "samples", tc.file))
			require.NoError(t, err)
			res, err := Import(b)
			require.NoError(t, err)
			assert.Equal(t, tc.format, res.Format)
			assert.Equal(t, tc.query, params.EncodeConfig(res.Config))
			assert.Equal(t, tc.read, res.Read)
			for _, p := range tc.ignored {
				assert.Contains(t, res.Ignored, p)
			}
			for _, n := range tc.read {
				assert.NotContains(t, res.Assumed, n)
			}
			assert.Contains(t, res.Assumed, "client", "no cluster format says where kubectl runs")
		})
	}
}

// With skipEndpointCreation eksctl creates no VPC endpoints: the lab
// then shows isolated nodes that cannot pull images.
func TestEksctlPrivateClusterWithoutEndpoints(t *testing.T) {
	res, err := Import([]byte(eksctlHead + "privateCluster:\n  enabled: true\n  skipEndpointCreation: true\nvpc:\n  clusterEndpoints:\n    publicAccess: true\n"))
	require.NoError(t, err)
	assert.Equal(t, "public=false&private=true&nodes=private-isolated", params.EncodeConfig(res.Config))
	assert.Contains(t, res.Assumed, "endpoints")
	res, err = Import([]byte(eksctlHead + "privateCluster:\n  enabled: false\n"))
	require.NoError(t, err)
	assert.Equal(t, "", params.EncodeConfig(res.Config), "a disabled privateCluster changes nothing")
}

// A script that sets its variables first is still read as commands; the
// variables themselves are not values the lab can use.
func TestShellScriptWithVariables(t *testing.T) {
	res, err := Import([]byte("#!/bin/bash\nset -euo pipefail\nREGION=us-west-2\nexport CLUSTER=prod\n" +
		"aws eks update-cluster-config --region \"$REGION\" --name \"$CLUSTER\" --resources-vpc-config endpointPrivateAccess=true\n"))
	require.NoError(t, err)
	assert.Equal(t, AWSCLI, res.Format)
	assert.Equal(t, "private=true", params.EncodeConfig(res.Config))
	assert.Contains(t, res.Ignored, "REGION=")
	assert.Contains(t, res.Ignored, "set")
}
