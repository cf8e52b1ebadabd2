package topology

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildZones(t *testing.T) {
	top := Build(mustConfig(t, ModePublic))
	tests := []struct {
		id  ZoneID
		azs int
		ko  string
	}{
		{ZoneInternet, 0, "인터넷"},
		{ZoneConnected, 0, "연결된 네트워크(VPN, Direct Connect, 피어링)"},
		{ZoneAWSManaged, 3, "AWS 관리형 VPC"},
		{ZoneCustomerVPC, 2, "사용자 VPC"},
		{ZoneAWSServices, 0, "리전의 AWS 서비스"},
	}
	require.Len(t, top.Zones, len(tests))
	for i, tt := range tests {
		z := top.Zones[i]
		assert.Equal(t, tt.id, z.ID, "zones are ordered outside to inside")
		assert.Equal(t, tt.azs, z.AZs, tt.id)
		assert.Equal(t, tt.ko, z.Name.KO, tt.id)
		assert.NotEmpty(t, z.Name.EN, tt.id)
	}
}

func TestBuildComponents(t *testing.T) {
	top := Build(mustConfig(t, ModePublic))
	tests := []struct {
		id     ComponentID
		zone   ZoneID
		subnet SubnetKind
		perAZ  bool
	}{
		{Kubectl, ZoneInternet, "", false},
		{PublicDNS, ZoneInternet, "", false},
		{VPCDNS, ZoneCustomerVPC, "", false},
		{NLB, ZoneAWSManaged, "", false},
		{APIServer, ZoneAWSManaged, "", true},
		{Etcd, ZoneAWSManaged, "", true},
		{EKSENI, ZoneCustomerVPC, SubnetPrivate, true},
		{Kubelet, ZoneCustomerVPC, SubnetPrivate, true},
		{IGW, ZoneCustomerVPC, "", false},
		{NATGateway, ZoneCustomerVPC, SubnetPublic, true},
		{InterfaceEndpoints, ZoneCustomerVPC, SubnetPrivate, false},
		{S3Gateway, ZoneCustomerVPC, "", false},
		{ECRAPI, ZoneAWSServices, "", false},
		{ECRRegistry, ZoneAWSServices, "", false},
		{S3, ZoneAWSServices, "", false},
	}
	require.Len(t, top.Components, len(tests))
	for i, tt := range tests {
		c := top.Components[i]
		assert.Equal(t, tt.id, c.ID, "fixed order")
		assert.Equal(t, tt.zone, c.Zone, tt.id)
		assert.Equal(t, tt.subnet, c.Subnet, tt.id)
		assert.Equal(t, tt.perAZ, c.PerAZ, tt.id)
		assert.NotEmpty(t, c.Name.EN, tt.id)
		assert.NotEmpty(t, c.Name.KO, tt.id)
		_, ok := top.Zone(c.Zone)
		assert.True(t, ok, "%s: zone %s exists", tt.id, c.Zone)
	}
}

func TestBuildPlacesKubectlAndNodes(t *testing.T) {
	tests := []struct {
		client     Location
		nodes      NodePlacement
		kubectlZ   ZoneID
		kubectlSub SubnetKind
	}{
		{LocInternet, NodesPrivateNAT, ZoneInternet, ""},
		{LocVPC, NodesPrivateIsolated, ZoneCustomerVPC, SubnetPublic},
		{LocConnected, NodesPublic, ZoneConnected, ""},
		{LocConnectedDNS, NodesPrivateNAT, ZoneConnected, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.client), func(t *testing.T) {
			top := Build(cfgOf(true, false, tt.client, tt.nodes))
			k, _ := top.Component(Kubectl)
			assert.Equal(t, tt.kubectlZ, k.Zone)
			assert.Equal(t, tt.kubectlSub, k.Subnet)
			n, _ := top.Component(Kubelet)
			e, _ := top.Component(EKSENI)
			assert.Equal(t, tt.nodes.Subnet(), n.Subnet)
			assert.Equal(t, tt.nodes.Subnet(), e.Subnet, "EKS-owned ENIs share the node subnets")
		})
	}
}

func TestBuildLinksFollowConfig(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		present []Link
		absent  [][2]ComponentID
	}{
		{
			name: "public, internet client, private nodes",
			cfg:  cfgOf(true, false, LocInternet, NodesPrivateNAT),
			present: []Link{
				{Kubectl, PublicDNS, NetInternet}, {Kubectl, NLB, NetInternet}, {IGW, NLB, NetAWSPublic},
				{Kubelet, NATGateway, NetVPC}, {NATGateway, IGW, NetVPC},
			},
			absent: [][2]ComponentID{{Kubelet, IGW}, {Kubectl, EKSENI}, {Kubectl, VPCDNS}},
		},
		{
			name:    "public nodes route to the IGW directly",
			cfg:     cfgOf(true, false, LocInternet, NodesPublic),
			present: []Link{{Kubelet, IGW, NetVPC}},
			absent:  [][2]ComponentID{{Kubelet, NATGateway}},
		},
		{
			name:   "no public address while public access is off",
			cfg:    cfgOf(false, true, LocInternet, NodesPrivateNAT),
			absent: [][2]ComponentID{{Kubectl, NLB}, {IGW, NLB}},
		},
		{
			name:    "bastion in the VPC",
			cfg:     cfgOf(false, true, LocVPC, NodesPrivateNAT),
			present: []Link{{Kubectl, VPCDNS, NetVPC}, {Kubectl, EKSENI, NetVPC}, {Kubectl, IGW, NetVPC}},
			absent:  [][2]ComponentID{{Kubectl, PublicDNS}},
		},
		{
			name: "connected network with DNS forwarding",
			cfg:  cfgOf(true, true, LocConnectedDNS, NodesPrivateNAT),
			present: []Link{
				{Kubectl, VPCDNS, NetConnected}, {Kubectl, EKSENI, NetConnected}, {Kubectl, NLB, NetInternet},
			},
			absent: [][2]ComponentID{{Kubectl, PublicDNS}},
		},
		{
			name: "connected network with its own DNS asks public DNS",
			cfg:  cfgOf(true, true, LocConnected, NodesPrivateNAT),
			present: []Link{
				{Kubectl, PublicDNS, NetInternet}, {Kubectl, EKSENI, NetConnected}, {Kubectl, NLB, NetInternet},
			},
			absent: [][2]ComponentID{{Kubectl, VPCDNS}},
		},
		{
			name:   "isolated nodes have no way out",
			cfg:    cfgOf(false, true, LocVPC, NodesPrivateIsolated),
			absent: [][2]ComponentID{{Kubelet, NATGateway}, {Kubelet, IGW}},
		},
	}
	always := []Link{
		{Kubelet, VPCDNS, NetVPC}, {NLB, APIServer, NetAWS}, {APIServer, Etcd, NetAWS},
		{APIServer, EKSENI, NetAWS}, {EKSENI, Kubelet, NetVPC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := Build(tt.cfg)
			for _, want := range append(always, tt.present...) {
				got, ok := top.LinkBetween(want.B, want.A) // either direction
				if assert.True(t, ok, "%s-%s missing", want.A, want.B) {
					assert.Equal(t, want.Network, got.Network, "%s-%s", want.A, want.B)
				}
			}
			for _, pair := range tt.absent {
				_, ok := top.LinkBetween(pair[0], pair[1])
				assert.False(t, ok, "%s-%s should not exist", pair[0], pair[1])
			}
		})
	}
}

func TestBuildLinksAreWellFormed(t *testing.T) {
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			top := Build(cfg)
			seen := map[[2]ComponentID]bool{}
			for _, l := range top.Links {
				_, okA := top.Component(l.A)
				_, okB := top.Component(l.B)
				assert.True(t, okA && okB, "%s-%s joins unknown components", l.A, l.B)
				assert.NotEqual(t, l.A, l.B)
				assert.NotEmpty(t, l.Network)
				key := [2]ComponentID{min(l.A, l.B), max(l.A, l.B)}
				assert.False(t, seen[key], "%s-%s linked twice", l.A, l.B)
				seen[key] = true
			}
		})
	}
}

func TestTopologyLookupsMiss(t *testing.T) {
	top := Build(mustConfig(t, ModePrivate))
	_, ok := top.Zone("moon")
	assert.False(t, ok)
	_, ok = top.Component("moon")
	assert.False(t, ok)
	_, ok = top.LinkBetween(Etcd, PublicDNS)
	assert.False(t, ok)
}
