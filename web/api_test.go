package web

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The API serves the model's canonical serialisation, so its answers are
// compared with the topology package's golden files, byte for byte.
func TestResolveAPIMatchesGoldenFiles(t *testing.T) {
	tests := []struct{ query, golden string }{
		{"public=true&private=false", "resolve-public"},
		{"public=true&private=true", "resolve-public-private"},
		{"public=false&private=true", "resolve-private"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			resp := get(t, "/api/v1/resolve?"+tt.query)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			body, _ := io.ReadAll(resp.Body)
			want, err := os.ReadFile("../internal/topology/testdata/" + tt.golden + ".golden.json")
			require.NoError(t, err)
			assert.Equal(t, string(want), string(body))
		})
	}
}

func TestResolveAPIOptionalParameters(t *testing.T) {
	var res struct {
		Config struct {
			Client string `json:"client"`
			Nodes  string `json:"nodes"`
		} `json:"config"`
		Flows []struct {
			ID        string `json:"id"`
			Reachable bool   `json:"reachable"`
			Blocked   *struct {
				At string `json:"at"`
			} `json:"blocked"`
		} `json:"flows"`
	}
	resp := get(t, "/api/v1/resolve?public=false&private=true&client=internet&node_subnet=public")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&res))
	assert.Equal(t, "internet", res.Config.Client)
	assert.Equal(t, "public", res.Config.Nodes, "the old node_subnet=public still means public subnets")
	assert.Equal(t, "kubectl-to-apiserver", res.Flows[0].ID)
	assert.False(t, res.Flows[0].Reachable, "a private endpoint is out of reach from the internet")
	require.NotNil(t, res.Flows[0].Blocked)
}

func TestResolveAPIRejectsBadParameters(t *testing.T) {
	type bad struct{ name, problem, reason string }
	tests := []struct {
		query string
		want  []bad
	}{
		{"public=false&private=false", []bad{
			{"public", "conflict", "public=false and private=false turn both endpoints off; EKS needs at least one of them on."},
			{"private", "conflict", "public=false and private=false turn both endpoints off; EKS needs at least one of them on."}}},
		{"public=yes", []bad{{"public", "invalid", `public="yes" is not accepted (accepted: true, false).`}}},
		{"pubic=true", []bad{{"pubic", "unknown", `"pubic" is not a parameter of this address (accepted: public, private, cidrs, client, client_ip, nodes, nat_ip, dns_hostnames, dns_support, endpoints, sg443, node_subnet).`}}},
		{"client=moon&node_subnet=dmz", []bad{
			{"client", "invalid", `client="moon" is not accepted (accepted: internet, vpc, connected, connected-dns).`},
			{"node_subnet", "invalid", `node_subnet="dmz" is not accepted (accepted: public, private).`}}},
		{"public=true&public=false", []bad{{"public", "repeated", "public is given 2 times; give it once."}}},
		{"cidrs=2001:db8::/32,10.0.0.0/33&nodes=dmz", []bad{
			{"cidrs", "invalid", "cidrs: 2001:db8::/32 is an IPv6 block, and this IPv4 cluster accepts only IPv4 public access CIDRs (EKS refuses IPv6 ones): give IPv4 blocks, e.g. 203.0.113.0/24."},
			{"cidrs", "invalid", `cidrs: "10.0.0.0/33" is not a CIDR block: write an IPv4 address, a slash and a prefix length from 0 to 32, e.g. 203.0.113.0/24.`},
			{"nodes", "invalid", `nodes="dmz" is not accepted (accepted: public, private-nat, private-isolated).`}}},
		{"client=%zz", []bad{{"client", "malformed", `client has a broken %-escape ("%zz"): a % must start %XX with two hex digits, e.g. %25 for % itself.`}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp := get(t, "/api/v1/resolve?"+tt.query)
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
			var p problemDetails
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
			assert.Equal(t, 400, p.Status)
			var got []bad
			for _, ip := range p.InvalidParams {
				got = append(got, bad{ip.Name, ip.Problem, ip.Reason})
				assert.Contains(t, p.Detail, ip.Name)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAPIErrorsSpeakTheClientsLanguage(t *testing.T) {
	resp := get(t, "/api/v1/resolve?public=maybe", "Accept-Language", "ko-KR,ko;q=0.9")
	var p problemDetails
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
	require.Len(t, p.InvalidParams, 1)
	assert.Equal(t, `public="maybe" 값은 쓸 수 없습니다(가능한 값: true, false).`, p.InvalidParams[0].Reason)
	assert.Contains(t, resp.Header.Get("Vary"), "Accept-Language")
}
