package topology

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/golden"
)

// outcome is what a flow comes to: "ok", or "CODE@component".
func outcome(f Flow) string {
	if f.Blocked == nil {
		return "ok"
	}
	return string(f.Blocked.Code) + "@" + string(f.Blocked.At)
}

// labCase is one pitfall (or preset) of the endpoint chapter, and what
// each flow comes to, in Flows() order, with the verdict.
type labCase struct {
	name    string
	cfg     Config
	flows   [4]string // kubectl, apiserver→kubelet, kubelet, node-to-ecr
	verdict Verdict
}

func with(c Config, change func(*Config)) Config { change(&c); return c }

func labCases() []labCase {
	def := DefaultConfig()
	both := with(def, func(c *Config) { c.PrivateAccess = true })
	private := mustConfigFor(ModePrivate)
	isolated := with(private, func(c *Config) { c.Nodes = NodesPrivateIsolated })
	join := Verdict{Kubectl: true, NodesCanJoin: true, ImagesPull: true, EndpointsNeeded: []Service{}}
	return []labCase{
		{"the EKS default", def, [4]string{"ok", "ok", "ok", "ok"}, join},
		{"public and private", both, [4]string{"ok", "ok", "ok", "ok"}, join},
		{"private with a bastion", private, [4]string{"ok", "ok", "ok", "ok"}, join},
		{
			"locked-out nodes: public only, CIDRs without the NAT IP",
			with(def, func(c *Config) { c.PublicAccessCIDRs = prefixes("203.0.113.10/32") }),
			[4]string{"ok", "ok", "CIDR_NODES_NOT_ALLOWED@nlb", "ok"},
			Verdict{Kubectl: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"locked-out nodes in public subnets",
			with(def, func(c *Config) { c.Nodes, c.PublicAccessCIDRs = NodesPublic, prefixes("203.0.113.0/24") }),
			[4]string{"ok", "ok", "CIDR_NODES_NOT_ALLOWED@nlb", "ok"},
			Verdict{Kubectl: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"CIDRs with the NAT IP but not the admin's",
			with(def, func(c *Config) { c.PublicAccessCIDRs = prefixes("198.51.100.7/32") }),
			[4]string{"CIDR_CLIENT_NOT_ALLOWED@nlb", "ok", "ok", "ok"},
			Verdict{NodesCanJoin: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"narrow CIDRs do not matter to nodes with private access",
			with(both, func(c *Config) { c.PublicAccessCIDRs = prefixes("203.0.113.10/32") }),
			[4]string{"ok", "ok", "ok", "ok"}, join,
		},
		{
			"isolated nodes without endpoints",
			isolated,
			[4]string{"ok", "ok", "ok", "ENDPOINT_MISSING@kubelet"},
			Verdict{Kubectl: true, EndpointsNeeded: []Service{SvcECRAPI, SvcECRDKR, SvcS3, SvcEC2}},
		},
		{
			"isolated nodes with the image endpoints but not ec2",
			with(isolated, func(c *Config) { c.Endpoints = []Service{SvcECRAPI, SvcECRDKR, SvcS3} }),
			[4]string{"ok", "ok", "ok", "ok"},
			Verdict{Kubectl: true, ImagesPull: true, EndpointsNeeded: []Service{SvcEC2}},
		},
		{
			"isolated nodes with the registry endpoint but not S3",
			with(isolated, func(c *Config) { c.Endpoints = []Service{SvcECRAPI, SvcECRDKR, SvcEC2} }),
			[4]string{"ok", "ok", "ok", "ENDPOINT_MISSING@kubelet"},
			Verdict{Kubectl: true, EndpointsNeeded: []Service{SvcS3}},
		},
		{
			"isolated nodes with every endpoint they need",
			with(isolated, func(c *Config) { c.Endpoints = []Service{SvcECRAPI, SvcECRDKR, SvcS3, SvcEC2} }),
			[4]string{"ok", "ok", "ok", "ok"}, join,
		},
		{
			"isolated nodes with a public-only endpoint",
			with(def, func(c *Config) { c.Nodes = NodesPrivateIsolated }),
			[4]string{"ok", "ok", "NODES_NO_INTERNET_ROUTE@kubelet", "ENDPOINT_MISSING@kubelet"},
			Verdict{Kubectl: true, EndpointsNeeded: []Service{SvcECRAPI, SvcECRDKR, SvcS3, SvcEC2}},
		},
		{
			"private cluster, admin on the internet",
			with(private, func(c *Config) { c.Client = LocInternet }),
			[4]string{"PRIVATE_ENDPOINT_FROM_INTERNET@kubectl", "ok", "ok", "ok"},
			Verdict{NodesCanJoin: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"on premises without DNS forwarding takes the public path into the CIDRs",
			with(both, func(c *Config) {
				c.Client, c.ClientIP, c.PublicAccessCIDRs = LocConnected, netipAddr("192.0.2.44"), prefixes("203.0.113.10/32")
			}),
			[4]string{"CIDR_CLIENT_NOT_ALLOWED@nlb", "ok", "ok", "ok"},
			Verdict{NodesCanJoin: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"on premises with DNS forwarding takes the private path",
			with(both, func(c *Config) {
				c.Client, c.ClientIP, c.PublicAccessCIDRs = LocConnectedDNS, netipAddr("192.0.2.44"), prefixes("203.0.113.10/32")
			}),
			[4]string{"ok", "ok", "ok", "ok"}, join,
		},
		{
			"on premises, private only: public DNS gives the private IPs",
			with(private, func(c *Config) { c.Client = LocConnected }),
			[4]string{"ok", "ok", "ok", "ok"}, join,
		},
		{
			"bastion without 443 on the cluster security group",
			with(private, func(c *Config) { c.SG443 = false }),
			[4]string{"SG_443_CLOSED@eks-eni", "ok", "ok", "ok"},
			Verdict{NodesCanJoin: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"sg443 does not guard the public path",
			with(def, func(c *Config) { c.SG443 = false }),
			[4]string{"ok", "ok", "ok", "ok"}, join,
		},
		{
			"DNS resolution off",
			with(both, func(c *Config) { c.DNSSupport = false }),
			[4]string{"ok", "ok", "VPC_DNS_RESOLUTION_OFF@vpc-dns", "VPC_DNS_RESOLUTION_OFF@vpc-dns"},
			Verdict{Kubectl: true, EndpointsNeeded: []Service{}},
		},
		{
			"DNS hostnames off: nodes can't register",
			with(both, func(c *Config) { c.DNSHostnames = false }),
			[4]string{"ok", "ok", "VPC_DNS_HOSTNAMES_OFF@kubelet", "ok"},
			Verdict{Kubectl: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
		{
			"DNS hostnames off: isolated nodes' interface endpoints do not resolve",
			with(isolated, func(c *Config) {
				c.DNSHostnames, c.Endpoints = false, []Service{SvcECRAPI, SvcECRDKR, SvcS3, SvcEC2}
			}),
			[4]string{"ok", "ok", "VPC_DNS_HOSTNAMES_OFF@kubelet", "VPC_DNS_HOSTNAMES_OFF@kubelet"},
			Verdict{Kubectl: true, EndpointsNeeded: []Service{}},
		},
		{
			"DNS hostnames off: the bastion gets the public answer and takes the public path",
			with(both, func(c *Config) { c.DNSHostnames, c.Client = false, LocVPC }),
			[4]string{"ok", "ok", "VPC_DNS_HOSTNAMES_OFF@kubelet", "ok"},
			Verdict{Kubectl: true, ImagesPull: true, EndpointsNeeded: []Service{}},
		},
	}
}

func mustConfigFor(m Mode) Config {
	c, err := ConfigFor(m)
	if err != nil {
		panic(err)
	}
	return c
}

func TestLabPitfalls(t *testing.T) {
	for _, tt := range labCases() {
		t.Run(tt.name, func(t *testing.T) {
			r := mustResolve(t, tt.cfg)
			var got [4]string
			for i, f := range r.Flows {
				got[i] = outcome(f)
			}
			assert.Equal(t, tt.flows, got)
			assert.Equal(t, tt.verdict, r.Verdict)
		})
	}
}

// The reason and fix carry the configuration's own values.
func TestBlockedNamesTheValues(t *testing.T) {
	cfg := with(DefaultConfig(), func(c *Config) { c.PublicAccessCIDRs = prefixes("203.0.113.10/32") })
	b := mustFlow(t, mustResolve(t, cfg), FlowKubeletToAPIServer).Blocked
	require.NotNil(t, b)
	assert.Equal(t, "The nodes leave through the NAT gateway 198.51.100.7, which is not in the public access CIDRs (203.0.113.10/32), so the public endpoint refuses them and the nodes cannot register.", b.Reason.EN)
	assert.Equal(t, "Add 198.51.100.7/32 to the public access CIDRs, or turn on private access so the nodes' traffic stays inside the VPC.", b.Fix.EN)
	assert.Contains(t, b.Fix.KO, "198.51.100.7/32")
	assert.Contains(t, b.Fix.KO, "프라이빗 액세스를 켜십시오")

	cfg.PublicAccessCIDRs = prefixes("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16")
	b = mustFlow(t, mustResolve(t, cfg), FlowKubectlToAPIServer).Blocked
	require.NotNil(t, b)
	assert.Contains(t, b.Reason.EN, "203.0.113.10, which is not in the public access CIDRs (10.0.0.0/16, 10.1.0.0/16, 10.2.0.0/16, … 5 in all)")
	assert.Contains(t, b.Fix.EN, "Add 203.0.113.10/32")

	iso := with(mustConfigFor(ModePrivate), func(c *Config) { c.Nodes = NodesPrivateIsolated })
	b = mustFlow(t, mustResolve(t, iso), FlowNodeToECR).Blocked
	require.NotNil(t, b)
	assert.Contains(t, b.Fix.EN, "ecr.api interface endpoint (com.amazonaws.<region>.ecr.api)")
}

// Every code is documented in both languages, with a label of its own.
func TestCodesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes() {
		assert.Regexp(t, `^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`, string(c))
		assertBilingual(t, c.Describe(), string(c))
		for _, l := range []string{c.Label().EN, c.Label().KO} {
			assert.NotEmpty(t, l, c)
			assert.False(t, seen[l], "%s: label %q is shared", c, l)
			seen[l] = true
		}
	}
}

// Every code is reached by some configuration of the lessons, so none is
// dead and none is missing from Codes().
func TestEveryCodeIsReachable(t *testing.T) {
	used := map[Code]bool{}
	for _, cfg := range lessonConfigs() {
		for _, f := range mustResolve(t, cfg).Flows {
			if f.Blocked != nil {
				used[f.Blocked.Code] = true
			}
		}
	}
	for _, tt := range labCases() {
		for _, f := range mustResolve(t, tt.cfg).Flows {
			if f.Blocked != nil {
				used[f.Blocked.Code] = true
			}
		}
	}
	for _, c := range Codes() {
		if c == CodeNoRoute {
			continue // the fallback for links a future configuration may lack
		}
		assert.True(t, used[c], "no configuration reaches %s", c)
	}
}

// The lab's blocked configurations have golden files too, so the JSON of
// blocked, code, reason, fix and verdict is pinned.
func TestLabGolden(t *testing.T) {
	pinned := map[string]bool{
		"locked-out nodes: public only, CIDRs without the NAT IP": true, "isolated nodes without endpoints": true,
		"private cluster, admin on the internet": true, "on premises without DNS forwarding takes the public path into the CIDRs": true,
		"bastion without 443 on the cluster security group": true, "DNS resolution off": true,
		"DNS hostnames off: isolated nodes' interface endpoints do not resolve": true,
	}
	for _, tt := range labCases() {
		if !pinned[tt.name] {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.MarshalIndent(mustResolve(t, tt.cfg), "", "  ")
			require.NoError(t, err)
			golden.Check(t, filepath.Join("testdata", "lab", slug(tt.name)+".golden.json"), append(got, '\n'))
		})
	}
}

func slug(s string) string {
	out := make([]rune, 0, len(s))
	dash := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if r >= 'A' && r <= 'Z' {
			r, ok = r+'a'-'A', true
		}
		if ok {
			out = append(out, r)
			dash = false
		} else if !dash && len(out) > 0 {
			out = append(out, '-')
			dash = true
		}
	}
	if dash {
		out = out[:len(out)-1]
	}
	return string(out)
}
