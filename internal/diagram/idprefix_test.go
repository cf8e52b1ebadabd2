package diagram

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/topology"
)

func TestIDPrefixAppliesToEveryID(t *testing.T) {
	var b bytes.Buffer
	o := Options{View: topology.ViewEndpoints, Mode: "public", Flow: "kubelet-to-apiserver", IDPrefix: "fig-a-"}
	require.NoError(t, Render(&b, o))
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(b.String(), -1)
	require.NotEmpty(t, ids)
	for _, m := range ids {
		assert.Regexp(t, `^fig-a-`, m[1])
	}
	for _, m := range regexp.MustCompile(`url\(#([^)]+)\)`).FindAllStringSubmatch(b.String(), -1) {
		assert.Regexp(t, `^fig-a-`, m[1])
	}
	assert.Contains(t, b.String(), `aria-labelledby="fig-a-eks-diagram-title fig-a-eks-diagram-desc"`)

	err := Options{View: topology.ViewOverview, IDPrefix: "Bad Prefix"}.Validate()
	assert.EqualError(t, err, `invalid id prefix: "Bad Prefix" may hold only lowercase letters, digits and hyphens`)
}
