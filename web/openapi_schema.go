package web

import (
	stdencoding "encoding"
	"path"
	"reflect"
	"strings"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// schemaEnums are the closed vocabularies of the model: a response field
// of one of these types lists its values in the document, so the
// explanation codes, modes and flows are documented from the enumerators
// themselves.
var schemaEnums = map[reflect.Type][]string{
	reflect.TypeFor[topology.Code]():          enumValues(topology.Codes()),
	reflect.TypeFor[topology.Mode]():          enumValues(topology.Modes()),
	reflect.TypeFor[topology.FlowID]():        enumValues(topology.Flows()),
	reflect.TypeFor[topology.Location]():      enumValues(topology.Locations()),
	reflect.TypeFor[topology.NodePlacement](): enumValues(topology.NodePlacements()),
	reflect.TypeFor[topology.Service]():       enumValues(topology.Services()),
	reflect.TypeFor[topology.Network]():       enumValues(topology.Networks()),
	reflect.TypeFor[iac.Format]():             enumValues(iac.Formats()),
}

func enumValues[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// schemas builds JSON Schemas (OpenAPI 3.1 uses JSON Schema 2020-12)
// from Go types by their json tags; each named struct becomes a
// component, referenced where it is used.
type schemas map[string]any

var textMarshaler = reflect.TypeFor[stdencoding.TextMarshaler]()

func (c schemas) of(t reflect.Type) map[string]any {
	if vals, ok := schemaEnums[t]; ok {
		return map[string]any{"type": "string", "enum": vals}
	}
	if t.Implements(textMarshaler) { // netip.Addr, netip.Prefix
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return map[string]any{"oneOf": []any{c.of(t.Elem()), map[string]any{"type": "null"}}}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": c.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": c.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Uint32:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Struct:
		// Qualified, since search.Result and topology.Result are both
		// Result.
		name := path.Base(t.PkgPath()) + "." + t.Name()
		if t.Name() == "" {
			return c.object(t)
		}
		if _, done := c[name]; !done {
			c[name] = nil // placeholder against recursion
			c[name] = c.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func (c schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			// encoding/json lifts an embedded struct's members.
			inner := c.object(f.Type)
			for k, v := range inner["properties"].(map[string]any) {
				props[k] = v
			}
			if r, ok := inner["required"].([]string); ok {
				required = append(required, r...)
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = c.of(f.Type)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}
