package params

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func problems(t *testing.T, err error) map[string]Problem {
	t.Helper()
	var errs Errors
	require.True(t, errors.As(err, &errs), "want params.Errors, got %v", err)
	out := map[string]Problem{}
	for _, e := range errs {
		out[e.Name] = e.Problem
		assert.NotEmpty(t, e.Message.EN, e.Name)
		assert.NotEmpty(t, e.Message.KO, e.Name)
	}
	return out
}

func TestDecodeConfigDefaultsAreEKSDefaults(t *testing.T) {
	c, err := DecodeConfig("")
	require.NoError(t, err)
	assert.Equal(t, topology.DefaultConfig(), c)
	assert.Equal(t, "0.0.0.0/0", c.PublicAccessCIDRs[0].String())
	assert.Equal(t, "203.0.113.10", c.ClientIP.String())
	assert.Equal(t, "198.51.100.7", c.NATIP.String())
	assert.Equal(t, topology.NodesPrivateNAT, c.Nodes)
	assert.True(t, c.DNSHostnames && c.DNSSupport && c.SG443)
	assert.Empty(t, c.Endpoints)

	c, err = DecodeConfig("public=false&private=true")
	require.NoError(t, err)
	assert.Equal(t, topology.LocVPC, c.Client, "without public access kubectl defaults to a bastion")
	c, err = DecodeConfig("private=on&client=connected&node_subnet=public")
	require.NoError(t, err)
	want := topology.DefaultConfig()
	want.PrivateAccess, want.Client, want.Nodes = true, topology.LocConnected, topology.NodesPublic
	assert.Equal(t, want, c)
}

func TestDecodeConfigReadsEveryField(t *testing.T) {
	c, err := DecodeConfig("public=false&private=true&cidrs=203.0.113.0/24,198.51.100.7/32&client=connected-dns" +
		"&client_ip=192.0.2.44&nodes=private-isolated&nat_ip=198.51.100.9&dns_hostnames=false&dns_support=0" +
		"&endpoints=s3,ecr.dkr,ec2,ecr.api&sg443=off")
	require.NoError(t, err)
	assert.False(t, c.PublicAccess)
	assert.True(t, c.PrivateAccess)
	assert.Equal(t, []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("198.51.100.7/32")}, c.PublicAccessCIDRs)
	assert.Equal(t, topology.LocConnectedDNS, c.Client)
	assert.Equal(t, netip.MustParseAddr("192.0.2.44"), c.ClientIP)
	assert.Equal(t, topology.NodesPrivateIsolated, c.Nodes)
	assert.Equal(t, netip.MustParseAddr("198.51.100.9"), c.NATIP)
	assert.False(t, c.DNSHostnames)
	assert.False(t, c.DNSSupport)
	assert.False(t, c.SG443)
	assert.Equal(t, []topology.Service{topology.SvcECRAPI, topology.SvcECRDKR, topology.SvcS3, topology.SvcEC2}, c.Endpoints,
		"endpoints come back in the enumerator's order")
	require.NoError(t, c.Validate())
}

func TestLegacyNodeSubnetKeepsItsMeaning(t *testing.T) {
	for raw, want := range map[string]topology.NodePlacement{
		"node_subnet=public": topology.NodesPublic, "node_subnet=private": topology.NodesPrivateNAT,
		"node_subnet=public&nodes=public": topology.NodesPublic,
	} {
		c, err := DecodeConfig(raw)
		require.NoError(t, err, raw)
		assert.Equal(t, want, c.Nodes, raw)
		assert.NotContains(t, EncodeConfig(c), "node_subnet", "canonical links use nodes=")
	}
	_, err := DecodeConfig("node_subnet=public&nodes=private-isolated")
	assert.Equal(t, map[string]Problem{"nodes": Conflict, "node_subnet": Conflict}, problems(t, err))
	f, ok := ConfigSchema.Field("node_subnet")
	require.True(t, ok)
	assert.Equal(t, "nodes", f.ReplacedBy)
}

func TestDecodeReportsEveryProblemAtOnce(t *testing.T) {
	_, err := DecodeConfig("pubic=true&private=maybe&client=%zz&node_subnet=private&node_subnet=public&node_subnet=x")
	assert.Equal(t, map[string]Problem{
		"pubic": Unknown, "private": Invalid, "client": Malformed, "node_subnet": Repeated,
	}, problems(t, err))
	var errs Errors
	require.ErrorAs(t, err, &errs)
	for _, e := range errs {
		if e.Problem == Repeated {
			assert.Contains(t, e.Message.EN, "3 times")
		}
		if e.Problem == Unknown {
			assert.Contains(t, e.Message.EN, "public, private, cidrs, client, client_ip, nodes, nat_ip, dns_hostnames, dns_support, endpoints, sg443, node_subnet")
		}
	}
}

// Every bad CIDR is its own problem naming cidrs, with what is accepted,
// beside the problems of the other fields.
func TestCIDRProblems(t *testing.T) {
	tests := []struct {
		cidrs string
		want  []string // a phrase of each English message, in order
	}{
		{"", []string{"cidrs is empty"}},
		{"2001:db8::/32", []string{"2001:db8::/32 is an IPv6 block"}},
		{"10.0.0.0/33", []string{`"10.0.0.0/33" is not a CIDR block`}},
		{"banana", []string{`"banana" is not a CIDR block`}},
		{"198.51.100.7", []string{"write 198.51.100.7/32"}},
		{"10.0.0.1/24", []string{"write the block's network address, 10.0.0.0/24"}},
		{"10.0.0.0/8,,10.1.0.0/16", []string{"empty entry between commas"}},
		{"10.0.0.0/8,10.0.0.0/8", []string{"lists 10.0.0.0/8 twice"}},
		{"2001:db8::/32,10.0.0.0/33,::1", []string{"IPv6", "not a CIDR block", "IPv6"}},
		{manyCIDRs(41), []string{"lists 41 blocks"}},
	}
	for _, tt := range tests {
		t.Run(tt.cidrs, func(t *testing.T) {
			_, err := DecodeConfig("cidrs=" + tt.cidrs + "&client_ip=1.2.3")
			var errs Errors
			require.ErrorAs(t, err, &errs)
			var cidrs []FieldError
			for _, e := range errs {
				if e.Name == "cidrs" {
					cidrs = append(cidrs, e)
				}
			}
			require.Len(t, cidrs, len(tt.want))
			for i, e := range cidrs {
				assert.Equal(t, Invalid, e.Problem)
				assert.Contains(t, e.Message.EN, tt.want[i])
				assert.Contains(t, e.Accepted, "IPv4 CIDR blocks")
				assert.Contains(t, e.Message.KO, "cidrs")
				assert.Contains(t, e.Message.KO, "주세요", "system messages ask with ~해 주세요")
			}
			assert.True(t, errs.has("client_ip"), "the other field's problem comes back too")
		})
	}
	c, err := DecodeConfig("cidrs=" + manyCIDRs(40))
	require.NoError(t, err)
	assert.Len(t, c.PublicAccessCIDRs, topology.MaxPublicAccessCIDRs)
}

func manyCIDRs(n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("10.%d.0.0/16", i)
	}
	return strings.Join(out, ",")
}

func TestAddressAndEndpointProblems(t *testing.T) {
	for raw, want := range map[string]map[string]Problem{
		"client_ip=2001:db8::1":         {"client_ip": Invalid},
		"client_ip=203.0.113.010":       {"client_ip": Invalid},
		"nat_ip=999.1.1.1":              {"nat_ip": Invalid},
		"endpoints=ecr,s3":              {"endpoints": Invalid},
		"endpoints=ecr,eks&nodes=cloud": {"endpoints": Invalid, "nodes": Invalid},
		"dns_support=maybe&sg443=2":     {"dns_support": Invalid, "sg443": Invalid},
	} {
		_, err := DecodeConfig(raw)
		assert.Equal(t, want, problems(t, err), raw)
	}
	_, err := DecodeConfig("endpoints=ecr,eks")
	var errs Errors
	require.ErrorAs(t, err, &errs)
	assert.Len(t, errs, 2, "each unknown endpoint is its own problem")
	c, err := DecodeConfig("endpoints=")
	require.NoError(t, err)
	assert.Empty(t, c.Endpoints, "an empty list is none")
}

func TestEveryConfigFieldIsDocumented(t *testing.T) {
	for _, f := range ConfigSchema.Fields {
		assert.NotEmpty(t, f.Label.EN, f.Name)
		assert.NotEmpty(t, f.Label.KO, f.Name)
		assert.NotEmpty(t, f.Help.EN, f.Name)
		assert.NotEmpty(t, f.Help.KO, f.Name)
		assert.True(t, f.Values != nil || f.AcceptedText != "", "%s says what it accepts", f.Name)
	}
}

func TestBothEndpointsOffIsAConflictOnBoth(t *testing.T) {
	_, err := DecodeConfig("public=false&private=false")
	assert.Equal(t, map[string]Problem{"public": Conflict, "private": Conflict}, problems(t, err))
	_, err = DecodeConfig("public=false&private=false&client=moon")
	assert.Equal(t, map[string]Problem{"public": Conflict, "private": Conflict, "client": Invalid}, problems(t, err),
		"a bad value elsewhere does not hide the conflict")
}

func TestEncodeConfigIsCanonicalAndRoundTrips(t *testing.T) {
	for _, raw := range []string{
		"", "private=true", "public=false&private=true", "client=connected&private=1", "node_subnet=public&public=on",
		"cidrs=203.0.113.0/24,%20198.51.100.7/32&endpoints=s3,ecr.api,s3", "dns_support=0&sg443=off&nat_ip=198.51.100.9",
	} {
		c, err := DecodeConfig(raw)
		require.NoError(t, err, raw)
		enc := EncodeConfig(c)
		back, err := DecodeConfig(enc)
		require.NoError(t, err, enc)
		assert.Equal(t, c, back, "%q -> %q", raw, enc)
	}
	assert.Equal(t, "", EncodeConfig(topology.DefaultConfig()))
	c := topology.DefaultConfig()
	c.PrivateAccess, c.Client = true, topology.LocConnected
	assert.Equal(t, "private=true&client=connected", EncodeConfig(c))
	c.PublicAccessCIDRs = []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("198.51.100.7/32")}
	c.Endpoints = []topology.Service{topology.SvcS3, topology.SvcECRAPI}
	c.DNSHostnames = false
	assert.Equal(t, "private=true&cidrs=203.0.113.0/24,198.51.100.7/32&client=connected&dns_hostnames=false&endpoints=ecr.api,s3", EncodeConfig(c),
		"schema order, readable commas and slashes, endpoints in the enumerator's order")
}

func TestDecodePlayer(t *testing.T) {
	def := PlayerState{Mode: topology.ModePublic, Flow: topology.FlowKubeletToAPIServer}
	st, err := DecodePlayer("", def)
	require.NoError(t, err)
	assert.Equal(t, def, st)
	st, err = DecodePlayer("flow=kubectl-to-apiserver&mode=private&step=2", def)
	require.NoError(t, err)
	assert.Equal(t, PlayerState{Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Step: 2}, st)
	assert.Equal(t, "mode=private&flow=kubectl-to-apiserver&step=2", EncodePlayer(st))

	for raw, want := range map[string]map[string]Problem{
		"mode=%zz":                 {"mode": Malformed},
		"step=01":                  {"step": Invalid},
		"step=-1":                  {"step": Invalid},
		"step=99":                  {"step": Invalid},
		"mode=public&mode=private": {"mode": Repeated},
		"speed=2":                  {"speed": Unknown},
		"mode=nope&flow=nope":      {"mode": Invalid, "flow": Invalid},
	} {
		_, err := DecodePlayer(raw, def)
		assert.Equal(t, want, problems(t, err), raw)
	}
}

func TestDecodeDiagram(t *testing.T) {
	q, err := DecodeDiagram("mode=private&flow=kubectl-to-apiserver&lang=ko&animate=1", true, "en")
	require.NoError(t, err)
	assert.Equal(t, DiagramQuery{Mode: topology.ModePrivate, Flow: topology.FlowKubectlToAPIServer, Lang: "ko", Animate: true}, q)
	q, err = DecodeDiagram("", false, "ko")
	require.NoError(t, err)
	assert.Equal(t, "ko", q.Lang)
	_, err = DecodeDiagram("", true, "en")
	assert.Equal(t, map[string]Problem{"mode": Invalid}, problems(t, err))
	_, err = DecodeDiagram("mode=public&lang=fr&animate=2", false, "en")
	assert.Equal(t, map[string]Problem{"mode": Conflict, "lang": Invalid, "animate": Invalid}, problems(t, err))
}

// A message quotes at most maxShown characters of what it names, so a
// megabyte value cannot bury the sentence; short ones stay whole.
func TestShownQuotesTheStartOfALongValue(t *testing.T) {
	long := strings.Repeat("가", maxShown)
	tests := []struct{ in, want string }{
		{"", ""},
		{"public", "public"},
		{long, long},
		{long + "나다", long + "…"},
		{strings.Repeat("a", 1<<20), strings.Repeat("a", maxShown) + "…"},
		{"\xff\xfe", "\xff\xfe"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Shown(tt.in), "%.20q", tt.in)
	}
	_, err := ConfigSchema.Decode(strings.Repeat("a", 1<<20) + "=1&public=" + strings.Repeat("b", 1<<20))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 1000, "a huge name and a huge value are quoted, not echoed")
}

// The endpoints view draws any configuration the lab takes: its fields,
// with mode= standing for public and private access.
func TestDecodeDiagramConfiguration(t *testing.T) {
	q, err := DecodeDiagram("mode=public", true, "en")
	require.NoError(t, err)
	assert.Nil(t, q.Config, "a mode alone draws its teaching configuration")

	lab := "public=false&private=true&sg443=false"
	want, err := DecodeConfig(lab)
	require.NoError(t, err)
	for _, raw := range []string{lab, "mode=private&" + lab, "mode=private&sg443=false"} {
		q, err := DecodeDiagram(raw, true, "en")
		require.NoError(t, err, raw)
		require.NotNil(t, q.Config, raw)
		assert.Equal(t, want, *q.Config, raw)
	}

	for raw, want := range map[string]map[string]Problem{
		"mode=public&public=false&private=true": {"mode": Conflict},
		"public=false&private=false":            {"public": Conflict, "private": Conflict},
		"mode=private&nodes=nowhere":            {"nodes": Invalid},
	} {
		_, err := DecodeDiagram(raw, true, "en")
		assert.Equal(t, want, problems(t, err), raw)
	}
	_, err = DecodeDiagram("sg443=false&endpoints=", false, "en")
	assert.Equal(t, map[string]Problem{"sg443": Conflict, "endpoints": Conflict}, problems(t, err), "only the endpoints view draws a configuration")
}
