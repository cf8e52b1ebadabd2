package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A word that only a quiz explanation uses is found, and the result
// links to the section the explanation points at.
func TestSearchFindsQuizExplanations(t *testing.T) {
	tests := []struct{ lang, q, wantURL string }{
		{"en", "interruptible", "/en/cost#spot"},  // cost-spot's explanation
		{"ko", "오케스트레이터", "/ko/intro#eks-vs-ecs"}, // intro-eks-vs-ecs's: 오케스트레이터이고
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.q, func(t *testing.T) {
			resp := get(t, "/api/v1/search?lang="+tt.lang+"&q="+url.QueryEscape(tt.q))
			require.Equal(t, http.StatusOK, resp.StatusCode)
			var body struct {
				Results []struct {
					Kind, URL, Page string
				} `json:"results"`
			}
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
			found := false
			for _, r := range body.Results {
				if r.Kind == "quiz" {
					assert.Equal(t, tt.wantURL, r.URL)
					assert.NotEmpty(t, r.Page)
					found = true
				}
			}
			assert.True(t, found, "a quiz result for %q in %+v", tt.q, body.Results)
		})
	}
}
