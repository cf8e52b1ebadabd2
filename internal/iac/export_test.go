package iac

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
	"mvdan.cc/sh/v3/syntax"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The tests below read each export with the format's own parser, not
// with Import, and check that it says exactly the configuration.

func wantCIDRs(c topology.Config) []string {
	if !c.PublicAccess {
		return nil
	}
	return cidrStrings(c)
}

func TestEksctlExportParses(t *testing.T) {
	for id, c := range configs(t) {
		var doc struct {
			APIVersion string            `yaml:"apiVersion"`
			Kind       string            `yaml:"kind"`
			Metadata   map[string]string `yaml:"metadata"`
			VPC        struct {
				ClusterEndpoints struct {
					PublicAccess  *bool `yaml:"publicAccess"`
					PrivateAccess *bool `yaml:"privateAccess"`
				} `yaml:"clusterEndpoints"`
				PublicAccessCIDRs []string `yaml:"publicAccessCIDRs"`
				NAT               *struct {
					Gateway string `yaml:"gateway"`
				} `yaml:"nat"`
			} `yaml:"vpc"`
			ManagedNodeGroups []struct {
				Name              string `yaml:"name"`
				PrivateNetworking bool   `yaml:"privateNetworking"`
			} `yaml:"managedNodeGroups"`
		}
		d := yaml.NewDecoder(strings.NewReader(Export(Eksctl, c)))
		d.KnownFields(true)
		require.NoError(t, d.Decode(&doc), id)
		assert.Equal(t, "eksctl.io/v1alpha5", doc.APIVersion)
		assert.Equal(t, "ClusterConfig", doc.Kind)
		require.NotNil(t, doc.VPC.ClusterEndpoints.PublicAccess, id)
		assert.Equal(t, c.PublicAccess, *doc.VPC.ClusterEndpoints.PublicAccess, id)
		assert.Equal(t, c.PrivateAccess, *doc.VPC.ClusterEndpoints.PrivateAccess, id)
		assert.Equal(t, wantCIDRs(c), doc.VPC.PublicAccessCIDRs, id)
		require.Len(t, doc.ManagedNodeGroups, 1)
		assert.Equal(t, c.Nodes != topology.NodesPublic, doc.ManagedNodeGroups[0].PrivateNetworking, id)
		gateway := map[topology.NodePlacement]string{topology.NodesPrivateNAT: "Single", topology.NodesPrivateIsolated: "Disable"}[c.Nodes]
		if gateway == "" {
			assert.Nil(t, doc.VPC.NAT, id)
		} else if assert.NotNil(t, doc.VPC.NAT, id) {
			assert.Equal(t, gateway, doc.VPC.NAT.Gateway, id)
		}
	}
}

func TestCloudFormationExportParses(t *testing.T) {
	for id, c := range configs(t) {
		var doc struct {
			AWSTemplateFormatVersion string               `yaml:"AWSTemplateFormatVersion"`
			Description              string               `yaml:"Description"`
			Parameters               map[string]yaml.Node `yaml:"Parameters"`
			Resources                map[string]struct {
				Type       string               `yaml:"Type"`
				Properties map[string]yaml.Node `yaml:"Properties"`
			} `yaml:"Resources"`
		}
		d := yaml.NewDecoder(strings.NewReader(Export(CloudFormation, c)))
		d.KnownFields(true)
		require.NoError(t, d.Decode(&doc), id)
		assert.Equal(t, "2010-09-09", doc.AWSTemplateFormatVersion)
		var services []string
		for name, r := range doc.Resources {
			switch r.Type {
			case "AWS::EKS::Cluster":
				var vpc struct {
					SubnetIds             yaml.Node `yaml:"SubnetIds"`
					EndpointPublicAccess  *bool     `yaml:"EndpointPublicAccess"`
					EndpointPrivateAccess *bool     `yaml:"EndpointPrivateAccess"`
					PublicAccessCidrs     []string  `yaml:"PublicAccessCidrs"`
				}
				n := r.Properties["ResourcesVpcConfig"]
				require.NoError(t, n.Decode(&vpc))
				assert.Equal(t, c.PublicAccess, *vpc.EndpointPublicAccess, id)
				assert.Equal(t, c.PrivateAccess, *vpc.EndpointPrivateAccess, id)
				assert.Equal(t, wantCIDRs(c), vpc.PublicAccessCidrs, id)
				assert.Equal(t, "!Ref", vpc.SubnetIds.Tag)
			case "AWS::EC2::VPC":
				for prop, want := range map[string]bool{"EnableDnsSupport": c.DNSSupport, "EnableDnsHostnames": c.DNSHostnames} {
					var got bool
					n := r.Properties[prop]
					require.NoError(t, n.Decode(&got), prop)
					assert.Equal(t, want, got, "%s %s", id, prop)
				}
			case "AWS::EC2::VPCEndpoint":
				sn := r.Properties["ServiceName"]
				assert.Equal(t, "!Sub", sn.Tag, name)
				svc, ok := strings.CutPrefix(sn.Value, "com.amazonaws.${AWS::Region}.")
				require.True(t, ok, sn.Value)
				services = append(services, svc)
				typ := r.Properties["VpcEndpointType"]
				assert.Equal(t, map[bool]string{true: "Gateway", false: "Interface"}[topology.Service(svc).Gateway()], typ.Value)
			default:
				t.Errorf("%s: unexpected resource %s of type %s", id, name, r.Type)
			}
		}
		sort.Strings(services)
		want := serviceStrings(c)
		sort.Strings(want)
		assert.Equal(t, want, services, id)
	}
}

func TestTerraformExportParses(t *testing.T) {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"var": cty.ObjectVal(map[string]cty.Value{"region": cty.StringVal("us-west-2")}),
	}}
	for id, c := range configs(t) {
		file, diags := hclsyntax.ParseConfig([]byte(Export(Terraform, c)), "export.tf", hcl.InitialPos)
		require.False(t, diags.HasErrors(), "%s: %s", id, diags)
		body := file.Body.(*hclsyntax.Body)
		eval := func(b *hclsyntax.Body, name string) cty.Value {
			a, ok := b.Attributes[name]
			require.True(t, ok, "%s: %s", id, name)
			v, diags := a.Expr.Value(ctx)
			require.False(t, diags.HasErrors(), "%s: %s", id, diags)
			return v
		}
		var services []string
		clusters := 0
		for _, b := range body.Blocks {
			if b.Type != "resource" {
				assert.Equal(t, "variable", b.Type)
				continue
			}
			switch b.Labels[0] {
			case "aws_eks_cluster":
				clusters++
				require.Len(t, b.Body.Blocks, 1)
				vpc := b.Body.Blocks[0].Body
				assert.Equal(t, "vpc_config", b.Body.Blocks[0].Type)
				assert.Equal(t, cty.BoolVal(c.PublicAccess), eval(vpc, "endpoint_public_access"), id)
				assert.Equal(t, cty.BoolVal(c.PrivateAccess), eval(vpc, "endpoint_private_access"), id)
				if c.PublicAccess {
					var got []string
					for it := eval(vpc, "public_access_cidrs").ElementIterator(); it.Next(); {
						_, v := it.Element()
						got = append(got, v.AsString())
					}
					assert.Equal(t, cidrStrings(c), got, id)
				} else {
					assert.NotContains(t, vpc.Attributes, "public_access_cidrs", id)
				}
			case "aws_vpc":
				assert.Equal(t, cty.BoolVal(c.DNSSupport), eval(b.Body, "enable_dns_support"), id)
				assert.Equal(t, cty.BoolVal(c.DNSHostnames), eval(b.Body, "enable_dns_hostnames"), id)
			case "aws_vpc_endpoint":
				name := eval(b.Body, "service_name").AsString()
				svc, ok := strings.CutPrefix(name, "com.amazonaws.us-west-2.")
				require.True(t, ok, name)
				services = append(services, svc)
			default:
				t.Errorf("%s: unexpected resource %s", id, b.Labels[0])
			}
		}
		assert.Equal(t, 1, clusters)
		assert.Equal(t, serviceStrings(c), services, id)
	}
}

func TestAWSCLIExportParses(t *testing.T) {
	for id, c := range configs(t) {
		file, err := syntax.NewParser().Parse(strings.NewReader(Export(AWSCLI, c)), "export.sh")
		require.NoError(t, err, id)
		var commands [][]string
		syntax.Walk(file, func(n syntax.Node) bool {
			if call, ok := n.(*syntax.CallExpr); ok {
				var args []string
				for _, w := range call.Args {
					s, ok := wordText(w)
					require.True(t, ok, "every word is literal")
					args = append(args, s)
				}
				commands = append(commands, args)
			}
			return true
		})
		require.NotEmpty(t, commands)
		update := commands[0]
		assert.Equal(t, []string{"aws", "eks", "update-cluster-config"}, update[:3])
		vpc := "endpointPublicAccess=" + strconv.FormatBool(c.PublicAccess) + ",endpointPrivateAccess=" + strconv.FormatBool(c.PrivateAccess)
		if c.PublicAccess {
			vpc += ",publicAccessCidrs=" + strings.Join(cidrStrings(c), ",")
		}
		assert.Equal(t, vpc, update[len(update)-1], id)
		var attrs, services []string
		for _, cmd := range commands[1:] {
			switch strings.Join(cmd[:3], " ") {
			case "aws ec2 modify-vpc-attribute":
				assert.Equal(t, `{"Value":false}`, cmd[len(cmd)-1])
				attrs = append(attrs, cmd[len(cmd)-2])
			case "aws ec2 create-vpc-endpoint":
				i := indexOf(cmd, "--service-name")
				services = append(services, strings.TrimPrefix(cmd[i+1], "com.amazonaws.region-code."))
			default:
				t.Errorf("%s: unexpected command %v", id, cmd)
			}
		}
		var wantAttrs []string
		if !c.DNSSupport {
			wantAttrs = append(wantAttrs, "--enable-dns-support")
		}
		if !c.DNSHostnames {
			wantAttrs = append(wantAttrs, "--enable-dns-hostnames")
		}
		assert.Equal(t, wantAttrs, attrs, id)
		assert.Equal(t, serviceStrings(c), services, id)
	}
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// The fields no format carries are written in the header comment, with
// their values, and nothing else is.
func TestExportHeaderNamesTheRest(t *testing.T) {
	for id, c := range configs(t) {
		for _, f := range Formats() {
			text := Export(f, c)
			header, _, _ := bytes.Cut([]byte(text), []byte("\n\n"))
			lines := strings.Split(string(header), "\n")
			first := lines[len(lines)-1] // "#   client=internet ..."
			require.True(t, strings.HasPrefix(first, "#   "), first)
			carried := Carried(f, c)
			for _, n := range configFields() {
				pair := " " + n + "=" + fieldValue(n, c)
				if indexOf(carried, n) >= 0 {
					assert.NotContains(t, string(first), pair, "%s %s", id, f)
				} else {
					assert.Contains(t, string(first), pair, "%s %s", id, f)
				}
			}
		}
	}
	assert.Empty(t, Export("nope", topology.DefaultConfig()))
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		got, ok := ParseFormat(string(f))
		assert.True(t, ok)
		assert.Equal(t, f, got)
	}
	_, ok := ParseFormat("pulumi")
	assert.False(t, ok)
	assert.Equal(t, []Format{"eksctl", "aws-cli", "terraform", "cloudformation"}, Formats())
}

func TestFieldNamesAreTheParamsSchema(t *testing.T) {
	for _, n := range []string{fieldPublic, fieldPrivate, fieldCIDRs, fieldNodes, fieldDNSHostnames, fieldDNSSupport, fieldEndpoints} {
		_, ok := params.ConfigSchema.Field(n)
		assert.True(t, ok, n)
	}
}
