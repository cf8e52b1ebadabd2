package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

func mustOpenAPI(tb testing.TB) map[string]any {
	tb.Helper()
	resp := get(tb, "/api/v1/openapi.json")
	require.Equal(tb, http.StatusOK, resp.StatusCode)
	assert.Equal(tb, "application/json", resp.Header.Get("Content-Type"))
	var doc map[string]any
	require.NoError(tb, json.Unmarshal([]byte(bodyOf(tb, resp)), &doc), "the document is JSON")
	return doc
}

func TestOpenAPIDocumentHasTheRequiredKeys(t *testing.T) {
	doc := mustOpenAPI(t)
	assert.Equal(t, "3.1.0", doc["openapi"])
	info := doc["info"].(map[string]any)
	assert.NotEmpty(t, info["title"])
	assert.NotEmpty(t, info["version"])
	for path, item := range doc["paths"].(map[string]any) {
		assert.True(t, strings.HasPrefix(path, "/api/v1/") || strings.HasPrefix(path, "/r/"), path)
		for method, op := range item.(map[string]any) {
			o := op.(map[string]any)
			assert.NotEmpty(t, o["operationId"], "%s %s", method, path)
			var success bool
			for status := range o["responses"].(map[string]any) {
				success = success || strings.HasPrefix(status, "2")
			}
			assert.True(t, success, "%s %s documents a 2xx answer", method, path)
		}
	}
	// Every $ref points at a component.
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	b, _ := json.Marshal(doc)
	for _, part := range strings.Split(string(b), `"$ref":"#/components/schemas/`)[1:] {
		name, _, _ := strings.Cut(part, `"`)
		assert.Contains(t, schemas, name)
	}
}

// The route table and the document list the same operations under
// /api/v1, so a new API route cannot go undocumented (nor a removed one
// stay documented).
func TestOpenAPIDocumentsEveryAPIRoute(t *testing.T) {
	var routes []string
	all := map[string]bool{}
	require.NoError(t, chi.Walk(mustApp(t).(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		all[method+" "+route] = true
		if strings.HasPrefix(route, "/api/v1/") && method != http.MethodHead {
			routes = append(routes, method+" "+route)
		}
		return nil
	}))
	assert.True(t, all["GET /r/{code}/events"], "the documented event stream is a route")
	var documented []string
	for path, item := range mustOpenAPI(t)["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			if strings.HasPrefix(path, "/api/v1/") { // the rooms' event stream is documented too
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	assert.Equal(t, routes, documented)
	assert.Contains(t, routes, "POST /api/v1/import")
}

// Parameters come from the params schemas: every field, its accepted
// values and its default.
func TestOpenAPIParametersAreTheParamsSchema(t *testing.T) {
	paths := mustOpenAPI(t)["paths"].(map[string]any)
	for _, path := range []string{"/api/v1/resolve", "/api/v1/export/{format}"} {
		op := paths[path].(map[string]any)["get"].(map[string]any)
		byName := map[string]map[string]any{}
		for _, p := range op["parameters"].([]any) {
			pm := p.(map[string]any)
			if pm["in"] == "query" {
				byName[pm["name"].(string)] = pm
			}
		}
		require.Len(t, byName, len(params.ConfigSchema.Fields), path)
		for _, f := range params.ConfigSchema.Fields {
			p := byName[f.Name]
			require.NotNil(t, p, "%s %s", path, f.Name)
			schema := p["schema"].(map[string]any)
			if f.Default != "" {
				assert.Equal(t, f.Default, schema["default"], f.Name)
			}
			for _, v := range f.Values {
				assert.Contains(t, schema["enum"], v, f.Name)
			}
			assert.Equal(t, f.ReplacedBy != "", p["deprecated"] == true, f.Name)
		}
	}
	format := paths["/api/v1/export/{format}"].(map[string]any)["get"].(map[string]any)["parameters"].([]any)[0].(map[string]any)
	assert.Equal(t, "path", format["in"])
	assert.ElementsMatch(t, enumValues(iac.Formats()), format["schema"].(map[string]any)["enum"])
}

// The explanation codes are the enum of Blocked.code.
func TestOpenAPIListsTheExplanationCodes(t *testing.T) {
	schemas := mustOpenAPI(t)["components"].(map[string]any)["schemas"].(map[string]any)
	code := schemas["topology.Blocked"].(map[string]any)["properties"].(map[string]any)["code"].(map[string]any)
	assert.ElementsMatch(t, enumValues(topology.Codes()), code["enum"])
}

// Real responses validate against the document's schemas.
func TestOpenAPIResponsesMatchTheirSchemas(t *testing.T) {
	doc := mustOpenAPI(t)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	paths := doc["paths"].(map[string]any)
	schemaOf := func(path, method, status, media string) map[string]any {
		op := paths[path].(map[string]any)[method].(map[string]any)
		r := op["responses"].(map[string]any)[status].(map[string]any)
		return r["content"].(map[string]any)[media].(map[string]any)["schema"].(map[string]any)
	}
	check := func(name string, schema map[string]any, body string) {
		var v any
		require.NoError(t, json.Unmarshal([]byte(body), &v), name)
		for _, problem := range validate(schemas, schema, v, "$") {
			t.Errorf("%s: %s", name, problem)
		}
	}
	for _, p := range params.Presets() {
		check("resolve "+p.ID, schemaOf("/api/v1/resolve", "get", "200", "application/json"), bodyOf(t, get(t, "/api/v1/resolve?"+p.Query)))
	}
	check("search", schemaOf("/api/v1/search", "get", "200", "application/json"), bodyOf(t, get(t, "/api/v1/search?lang=en&q=endpoint")))
	describe, err := os.ReadFile("../internal/iac/testdata/samples/describe-cluster.json")
	require.NoError(t, err)
	check("import", schemaOf("/api/v1/import", "post", "200", "application/json"), bodyOf(t, postPaste(t, "/api/v1/import", "application/json", string(describe))))
	check("import problem", schemaOf("/api/v1/import", "post", "400", "application/problem+json"), bodyOf(t, postPaste(t, "/api/v1/import", "text/plain", "{,")))
	check("resolve problem", schemaOf("/api/v1/resolve", "get", "400", "application/problem+json"), bodyOf(t, get(t, "/api/v1/resolve?public=maybe")))
}

// validate checks v against the JSON Schema subset the document uses:
// $ref, oneOf, type, enum, properties, required, items,
// additionalProperties.
func validate(defs map[string]any, s map[string]any, v any, at string) []string {
	if ref, ok := s["$ref"].(string); ok {
		return validate(defs, defs[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any), v, at)
	}
	if alts, ok := s["oneOf"].([]any); ok {
		for _, a := range alts {
			if len(validate(defs, a.(map[string]any), v, at)) == 0 {
				return nil
			}
		}
		return []string{at + ": matches none of oneOf"}
	}
	var out []string
	switch s["type"] {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %T", at, v)}
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := m[r]; !ok {
				out = append(out, at+": missing "+r)
			}
		}
		for k, val := range m {
			if ps, ok := props[k].(map[string]any); ok {
				out = append(out, validate(defs, ps, val, at+"."+k)...)
			} else if ap, ok := s["additionalProperties"].(map[string]any); ok {
				out = append(out, validate(defs, ap, val, at+"."+k)...)
			} else if props != nil {
				out = append(out, at+": undocumented member "+k)
			}
		}
	case "array":
		items, ok := v.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an array, got %T", at, v)}
		}
		for i, it := range items {
			out = append(out, validate(defs, s["items"].(map[string]any), it, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return []string{fmt.Sprintf("%s: want a string, got %T", at, v)}
		}
		if enum := asStrings(s["enum"]); enum != nil && !slices.Contains(enum, str) {
			out = append(out, fmt.Sprintf("%s: %q is not in the enum", at, str))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			out = append(out, fmt.Sprintf("%s: want a boolean, got %T", at, v))
		}
	case "integer", "number":
		if _, ok := v.(float64); !ok {
			out = append(out, fmt.Sprintf("%s: want a number, got %T", at, v))
		}
	case "null":
		if v != nil {
			out = append(out, at+": want null")
		}
	}
	return out
}

func asStrings(v any) []string {
	var out []string
	switch vs := v.(type) {
	case []any:
		for _, x := range vs {
			out = append(out, x.(string))
		}
	case []string:
		out = vs
	}
	return out
}
