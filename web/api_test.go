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
			Client     string `json:"client"`
			NodeSubnet string `json:"node_subnet"`
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
	assert.Equal(t, "public", res.Config.NodeSubnet)
	assert.Equal(t, "kubectl-to-apiserver", res.Flows[0].ID)
	assert.False(t, res.Flows[0].Reachable, "a private endpoint is out of reach from the internet")
	require.NotNil(t, res.Flows[0].Blocked)
}

func TestResolveAPIRejectsBadParameters(t *testing.T) {
	tests := []struct{ query, param, reason string }{
		{"public=false&private=false", "public", "public and private are both false, but at least one of public and private endpoint access must be enabled"},
		{"public=yes&private=false", "public", `"yes" is not a boolean (accepted: true, false)`},
		{"private=true", "public", "missing (accepted: true, false)"},
		{"public=true&private=true&pubic=true", "pubic", "unknown parameter (accepted: public, private, client, node_subnet)"},
		{"public=true&private=true&client=moon", "client", `client "moon" is not a location (accepted: internet, vpc, connected)`},
		{"public=true&private=true&node_subnet=dmz", "node_subnet", `node_subnet "dmz" is not a subnet kind (accepted: public, private)`},
		{"public=true&public=false&private=true", "public", "given more than once"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp := get(t, "/api/v1/resolve?"+tt.query)
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p problemDetails
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
			assert.Equal(t, 400, p.Status)
			require.Len(t, p.InvalidParams, 1)
			assert.Equal(t, tt.param, p.InvalidParams[0].Name)
			assert.Equal(t, tt.reason, p.InvalidParams[0].Reason)
			assert.Contains(t, p.Detail, tt.param)
		})
	}
}
