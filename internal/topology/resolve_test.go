package topology

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolveFlows(t *testing.T) {
	public := cfgOf(true, false, LocInternet, NodesPrivateNAT)
	both := cfgOf(true, true, LocInternet, NodesPrivateNAT)
	private := cfgOf(false, true, LocVPC, NodesPrivateNAT)
	with := func(c Config, loc Location, n NodePlacement) Config { c.Client, c.Nodes = loc, n; return c }

	tests := []struct {
		name      string
		cfg       Config
		flow      FlowID
		want      []string
		blockedAt ComponentID // "" when reachable
		internet  bool
	}{
		{
			name: "public: kubectl from the internet", cfg: public, flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>public-dns internet public", "hop kubectl>nlb internet", "hop nlb>api-server aws"},
		},
		{
			name: "public: kubelet in a private subnet leaves through NAT and IGW", cfg: public, flow: FlowKubeletToAPIServer,
			want: []string{
				"dns kubelet>vpc-dns vpc public", "hop kubelet>nat-gateway vpc", "hop nat-gateway>igw vpc",
				"hop igw>nlb aws-public", "hop nlb>api-server aws",
			},
		},
		{
			name: "public: kubelet in a public subnet leaves through the IGW", cfg: with(public, LocInternet, NodesPublic),
			flow: FlowKubeletToAPIServer,
			want: []string{"dns kubelet>vpc-dns vpc public", "hop kubelet>igw vpc", "hop igw>nlb aws-public", "hop nlb>api-server aws"},
		},
		{
			name: "public: bastion in the VPC goes out through the IGW", cfg: with(public, LocVPC, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer,
			want: []string{"dns kubectl>vpc-dns vpc public", "hop kubectl>igw vpc", "hop igw>nlb aws-public", "hop nlb>api-server aws"},
		},
		{
			name: "public: connected network uses its own internet breakout", cfg: with(public, LocConnected, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>public-dns internet public", "hop kubectl>nlb internet", "hop nlb>api-server aws"},
		},
		{
			name: "public: connected network with forwarding still gets the public answer", cfg: with(public, LocConnectedDNS, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>vpc-dns connected public", "hop kubectl>nlb internet", "hop nlb>api-server aws"},
		},
		{
			name: "public-private: connected network without DNS forwarding takes the public path", cfg: with(both, LocConnected, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>public-dns internet public", "hop kubectl>nlb internet", "hop nlb>api-server aws"},
		},
		{
			name: "apiserver to kubelet goes through the EKS-owned ENI", cfg: public, flow: FlowAPIServerToKubelet,
			want: []string{"hop api-server>eks-eni aws", "hop eks-eni>kubelet vpc"},
		},
		{
			name: "public-private: kubectl from the internet takes the public path", cfg: both, flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>public-dns internet public", "hop kubectl>nlb internet", "hop nlb>api-server aws"},
		},
		{
			name: "public-private: bastion takes the private path", cfg: with(both, LocVPC, NodesPrivateNAT), flow: FlowKubectlToAPIServer,
			want: []string{"dns kubectl>vpc-dns vpc private", "hop kubectl>eks-eni vpc", "hop eks-eni>api-server aws"},
		},
		{
			name: "public-private: connected network with DNS forwarding", cfg: with(both, LocConnectedDNS, NodesPrivateNAT), flow: FlowKubectlToAPIServer,
			want: []string{"dns kubectl>vpc-dns connected private", "hop kubectl>eks-eni connected", "hop eks-eni>api-server aws"},
		},
		{
			name: "public-private: kubelet stays in the VPC", cfg: both, flow: FlowKubeletToAPIServer,
			want: []string{"dns kubelet>vpc-dns vpc private", "hop kubelet>eks-eni vpc", "hop eks-eni>api-server aws"},
		},
		{
			name: "public-private: kubelet in a public subnet stays in the VPC too", cfg: with(both, LocInternet, NodesPublic),
			flow: FlowKubeletToAPIServer,
			want: []string{"dns kubelet>vpc-dns vpc private", "hop kubelet>eks-eni vpc", "hop eks-eni>api-server aws"},
		},
		{
			name: "private: bastion in the VPC", cfg: private, flow: FlowKubectlToAPIServer,
			want: []string{"dns kubectl>vpc-dns vpc private", "hop kubectl>eks-eni vpc", "hop eks-eni>api-server aws"},
		},
		{
			name: "private: kubectl on the internet gets private IPs and stops", cfg: with(private, LocInternet, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer, blockedAt: Kubectl, internet: true,
			want: []string{"dns kubectl>public-dns internet private"},
		},
		{
			name: "private: connected network with DNS forwarding", cfg: with(private, LocConnectedDNS, NodesPrivateNAT), flow: FlowKubectlToAPIServer,
			want: []string{"dns kubectl>vpc-dns connected private", "hop kubectl>eks-eni connected", "hop eks-eni>api-server aws"},
		},
		{
			// The user guide: with public access off, public DNS resolves
			// the endpoint to the private IPs, so no forwarding is needed.
			name: "private: connected network without forwarding gets the private IPs from public DNS", cfg: with(private, LocConnected, NodesPrivateNAT),
			flow: FlowKubectlToAPIServer, internet: true,
			want: []string{"dns kubectl>public-dns internet private", "hop kubectl>eks-eni connected", "hop eks-eni>api-server aws"},
		},
		{
			name: "private: kubelet", cfg: private, flow: FlowKubeletToAPIServer,
			want: []string{"dns kubelet>vpc-dns vpc private", "hop kubelet>eks-eni vpc", "hop eks-eni>api-server aws"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustFlow(t, mustResolve(t, tt.cfg), tt.flow)
			assert.Equal(t, tt.want, trace(f))
			assert.Equal(t, tt.internet, f.CrossesInternet, "crosses_internet")
			if tt.blockedAt == "" {
				assert.True(t, f.Reachable)
				assert.Nil(t, f.Blocked)
				return
			}
			assert.False(t, f.Reachable)
			require.NotNil(t, f.Blocked)
			assert.Equal(t, tt.blockedAt, f.Blocked.At)
		})
	}
}

func TestResolveBlockedFromInternetInPrivateMode(t *testing.T) {
	cfg := mustConfig(t, ModePrivate)
	cfg.Client = LocInternet
	f := mustFlow(t, mustResolve(t, cfg), FlowKubectlToAPIServer)
	require.NotNil(t, f.Blocked)
	assert.Contains(t, f.Blocked.Reason.EN, "not routable from the internet")
	assert.Contains(t, f.Blocked.Reason.EN, "bastion")
	assert.Contains(t, f.Blocked.Reason.KO, "프라이빗 IP")
	// The node's flows do not depend on where the admin sits.
	assert.True(t, mustFlow(t, mustResolve(t, cfg), FlowKubeletToAPIServer).Reachable)
}

func TestResolveInvalidConfig(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		is      error  // errors.Is target, if any
		mention string // the field the message must name
	}{
		{"both access flags off", cfgOf(false, false, LocInternet, NodesPrivateNAT), ErrNoEndpoint, "endpoint"},
		{"both off wins over a bad client", cfgOf(false, false, "moon", NodesPrivateNAT), ErrNoEndpoint, "endpoint"},
		{"unknown client", cfgOf(true, false, "moon", NodesPrivateNAT), nil, "client"},
		{"empty client", cfgOf(true, false, "", NodesPrivateNAT), nil, "client"},
		{"unknown node placement", cfgOf(true, false, LocInternet, "dmz"), nil, "nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Resolve(tt.cfg)
			require.Error(t, err)
			assert.Equal(t, tt.cfg.Validate(), err, "Resolve returns Validate's error")
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.Contains(t, err.Error(), tt.mention)
			assert.Empty(t, r.Flows)
		})
	}
}

func TestResolveFlowOrderAndDeterminism(t *testing.T) {
	for _, cfg := range allConfigs() {
		t.Run(name(cfg), func(t *testing.T) {
			r := mustResolve(t, cfg)
			ids := make([]FlowID, 0, len(r.Flows))
			for _, f := range r.Flows {
				ids = append(ids, f.ID)
			}
			assert.Equal(t, Flows(), ids)
			assert.Equal(t, cfg, r.Config)
			assert.Equal(t, r, mustResolve(t, cfg), "same config, same result")
		})
	}
}
