package iac

import (
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// exportCloudFormation writes a YAML template: AWS::EC2::VPC with its
// DNS attributes, AWS::EKS::Cluster with its ResourcesVpcConfig, and an
// AWS::EC2::VPCEndpoint per chosen endpoint. What the lab does not model
// comes in as parameters.
func exportCloudFormation(b *strings.Builder, c topology.Config) {
	b.WriteString(`AWSTemplateFormatVersion: "2010-09-09"
Description: EKS cluster endpoint configuration from the EKS Tutor lab
Parameters:
  ClusterRoleArn:
    Type: String
  SubnetIds:
    Type: List<AWS::EC2::Subnet::Id>
`)
	if len(c.Endpoints) > 0 {
		b.WriteString(`  EndpointSecurityGroupIds:
    Type: List<AWS::EC2::SecurityGroup::Id>
  RouteTableIds:
    Type: CommaDelimitedList
`)
	}
	b.WriteString(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      EnableDnsSupport: ` + strconv.FormatBool(c.DNSSupport) + `
      EnableDnsHostnames: ` + strconv.FormatBool(c.DNSHostnames) + `
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: ` + clusterName + `
      RoleArn: !Ref ClusterRoleArn
      ResourcesVpcConfig:
        SubnetIds: !Ref SubnetIds
        EndpointPublicAccess: ` + strconv.FormatBool(c.PublicAccess) + `
        EndpointPrivateAccess: ` + strconv.FormatBool(c.PrivateAccess) + "\n")
	if c.PublicAccess {
		b.WriteString("        PublicAccessCidrs:\n")
		for _, p := range cidrStrings(c) {
			b.WriteString("          - " + strconv.Quote(p) + "\n")
		}
	}
	for _, s := range serviceStrings(c) {
		svc := topology.Service(s)
		b.WriteString("  " + logicalID(svc) + ":\n")
		b.WriteString("    Type: AWS::EC2::VPCEndpoint\n")
		b.WriteString("    Properties:\n")
		b.WriteString("      VpcId: !Ref VPC\n")
		b.WriteString("      ServiceName: !Sub com.amazonaws.${AWS::Region}." + s + "\n")
		if svc.Gateway() {
			b.WriteString("      VpcEndpointType: Gateway\n")
			b.WriteString("      RouteTableIds: !Ref RouteTableIds\n")
			continue
		}
		b.WriteString("      VpcEndpointType: Interface\n")
		b.WriteString("      SubnetIds: !Ref SubnetIds\n")
		b.WriteString("      SecurityGroupIds: !Ref EndpointSecurityGroupIds\n")
		b.WriteString("      PrivateDnsEnabled: true\n")
	}
}

// logicalID names an endpoint's resource: EcrApiEndpoint for ecr.api.
func logicalID(s topology.Service) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(string(s), func(r rune) bool { return r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String() + "Endpoint"
}
