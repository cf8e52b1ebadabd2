package iac

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// carriedOnly is c as format f can say it: its carried fields, and the
// EKS default for every other.
func carriedOnly(tb testing.TB, f Format, c topology.Config) topology.Config {
	tb.Helper()
	v := params.Values{}
	for _, n := range Carried(f, c) {
		v[n] = fieldValue(n, c)
	}
	want, err := params.DecodeConfig(params.ConfigSchema.Encode(v))
	require.NoError(tb, err)
	return want
}

// configs are the presets and a few more that set every carried field
// away from its default.
func configs(tb testing.TB) map[string]topology.Config {
	tb.Helper()
	out := map[string]topology.Config{}
	for _, p := range params.Presets() {
		c, err := p.Config()
		require.NoError(tb, err)
		out[p.ID] = c
	}
	for id, q := range map[string]string{
		"everything-off": "public=false&private=true&nodes=private-isolated&dns_hostnames=false&dns_support=false" +
			"&endpoints=ecr.api,ecr.dkr,s3,sts,ec2,logs,elasticloadbalancing&sg443=false&client=connected-dns",
		"many-cidrs":   "private=true&cidrs=203.0.113.0/24,198.51.100.7/32,192.0.2.0/28&nodes=public&endpoints=s3",
		"private-cidr": "public=false&private=true&cidrs=203.0.113.10/32",
	} {
		c, err := params.DecodeConfig(q)
		require.NoError(tb, err, q)
		out[id] = c
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for id, c := range configs(t) {
		for _, f := range Formats() {
			t.Run(id+"/"+string(f), func(t *testing.T) {
				if f == Terraform || f == AWSCLI {
					t.Skip("importer lands in the next commit")
				}
				text := Export(f, c)
				res, err := Import([]byte(text))
				require.NoError(t, err, text)
				assert.Equal(t, f, res.Format)
				assert.Equal(t, carriedOnly(t, f, c), res.Config, text)
				assert.Equal(t, Export(f, c), text, "deterministic")
				for _, n := range res.Assumed {
					assert.NotContains(t, res.Read, n)
				}
				assert.Len(t, append(res.Read, res.Assumed...), len(configFields()))
			})
		}
	}
}

func equalConfig(a, b topology.Config) bool {
	return params.EncodeConfig(a) == params.EncodeConfig(b)
}
