// Package iac moves a lab configuration (topology.Config) to and from the
// text real clusters are described in: an eksctl ClusterConfig, AWS CLI
// commands (and the JSON of aws eks describe-cluster), Terraform and
// CloudFormation.
//
// Export writes one configuration in a format as copy-ready text,
// deterministically. Import detects the format of a paste, reads it with
// a real parser (encoding/json, gopkg.in/yaml.v3, hcl/v2's hclsyntax,
// mvdan.cc/sh's shell syntax; never a regular expression), and hands
// what it read to internal/params as a query, so a value the lab refuses
// (a malformed CIDR, both endpoints off) is refused with the lab's own
// field errors. Nothing is stored; a paste is at most MaxPasteBytes.
//
// What each format carries. The endpoint flags (public, private) are in
// every format; the public access CIDRs too, but only while public access
// is on (with it off EKS does not use them, so Export writes them only as
// a comment and Import assumes the default). Beyond those:
//
//   - eksctl: nodes, from the node groups' privateNetworking (eksctl's
//     default is false: public subnets) and vpc.nat.gateway (Disable
//     means isolated nodes). Import also reads privateCluster, eksctl's
//     fully private cluster: private access only, isolated nodes and the
//     VPC endpoints eksctl creates for them.
//   - AWS CLI commands: dns_hostnames and dns_support (aws ec2
//     modify-vpc-attribute, written only when a setting is off) and
//     endpoints (aws ec2 create-vpc-endpoint). The describe-cluster JSON
//     carries only the endpoint flags and CIDRs.
//   - Terraform and CloudFormation: dns_hostnames and dns_support on the
//     VPC resource, endpoints as VPC endpoint resources. A VPC resource
//     that leaves a DNS attribute out has the provider's default, which
//     for DNS hostnames is false (not the EKS requirement): Import reads
//     it so, because that is what such a template creates.
//
// The lab's other fields (client, client_ip, nat_ip, sg443, and nodes
// outside eksctl) describe where kubectl runs and what the network
// around the cluster looks like; no cluster format says them. Export
// writes them in a comment at the top of the text, where every one of
// these formats has comments, and Import, whose parsers drop comments,
// lists them in Result.Assumed with the EKS default the lab then uses.
package iac
