package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// apiOperation is one operation of /api/v1, described as data so the
// OpenAPI document is built from the same parameter schemas the handlers
// decode with and cannot drift from them. A feature adding an API route
// adds its operation here (a test checks the route table against it).
type apiOperation struct {
	Method, Path string
	ID, Summary  string
	Query        params.Schema  // query parameters
	PathParams   []apiPathParam // {name} segments of Path
	Body         map[string]any // request body content, by media type; nil for none
	Response     apiResponse    // the 200
	Errors       []int          // the problem statuses it answers (its route group's included)
}

type apiPathParam struct {
	Name, Description string
	Enum              []string // a closed set; or
	Pattern           string   // the shape of an open one
}

type apiResponse struct {
	Status      int // 0 is 200
	MediaType   string
	Description string
	Schema      reflect.Type // nil for text
}

// apiOperations lists the API's operations in document order.
func apiOperations() []apiOperation {
	return append([]apiOperation{
		{
			Method: http.MethodGet, Path: "/api/v1/resolve", ID: "resolve",
			Summary: "Resolve a cluster configuration: every flow, where it is blocked and why (an explanation code), and the verdict.",
			Query:   params.ConfigSchema,
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[topology.Result](),
				Description: "The resolver's canonical JSON."},
			Errors: []int{http.StatusBadRequest},
		},
		{
			Method: http.MethodGet, Path: "/api/v1/search", ID: "search",
			Summary:  "Search the course in one language.",
			Query:    SearchAPISchema,
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[searchAnswer](), Description: "Matching pages and terms."},
			Errors:   []int{http.StatusBadRequest},
		},
		{
			Method: http.MethodGet, Path: "/api/v1/export/{format}", ID: "export",
			Summary: "The configuration as copy-ready text: an eksctl ClusterConfig, AWS CLI commands, Terraform or a CloudFormation template.",
			Query:   params.ConfigSchema,
			PathParams: []apiPathParam{{Name: "format", Enum: enumValues(iac.Formats()),
				Description: "The text to write."}},
			Response: apiResponse{MediaType: "text/plain", Description: "The configuration in that format; the lab's fields the format has no place for are in a comment at the top."},
			Errors:   []int{http.StatusBadRequest, http.StatusNotFound},
		},
		{
			Method: http.MethodPost, Path: "/api/v1/import", ID: "import",
			Summary: "Read a real cluster's configuration: the output of aws eks describe-cluster, AWS CLI commands, an eksctl ClusterConfig, a CloudFormation template (JSON or YAML) or Terraform. Nothing is stored.",
			Body: map[string]any{
				"text/plain": map[string]any{"schema": map[string]any{"type": "string",
					"description": "The paste. Any body that is not exactly {\"text\": ...} is the paste itself, JSON included."}},
				"application/json": map[string]any{"schema": map[string]any{"type": "object", "required": []string{"text"},
					"properties": map[string]any{"text": map[string]any{"type": "string"}}}},
			},
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[importAnswer](),
				Description: "The configuration read, its lab query, and which fields were read, assumed (EKS defaults) or ignored."},
			// The forms group refuses a cross-origin POST (403), a body over
			// its cap (413) and a client over its POST budget (429).
			Errors: []int{http.StatusBadRequest, http.StatusForbidden, http.StatusRequestEntityTooLarge, http.StatusTooManyRequests},
		},
		{
			Method: http.MethodGet, Path: "/api/v1/openapi.json", ID: "openapi",
			Summary:  "This document.",
			Response: apiResponse{MediaType: "application/json", Description: "An OpenAPI 3.1 document."},
		},
	}, append(exerciseOperations(), roomOperations()...)...)
}

// openAPIDocument is the OpenAPI 3.1 document of apiOperations.
func openAPIDocument() map[string]any {
	components := schemas{}
	paths := map[string]any{}
	for _, op := range apiOperations() {
		item, _ := paths[op.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[op.Path] = item
		}
		item[strings.ToLower(op.Method)] = operationObject(op, components)
	}
	components["Problem"] = components.object(reflect.TypeFor[importProblem]())
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "EKS Tutor API",
			"version": "1",
			"description": "The cluster endpoint model of EKS Tutor: resolve a configuration, move it to and from real configuration formats, and search the course. " +
				"Errors are RFC 9457 problem details in the client's language (Accept-Language: en or ko). Explanation codes: the enum of Blocked.code.",
		},
		"paths":      paths,
		"components": map[string]any{"schemas": map[string]any(components)},
	}
}

func operationObject(op apiOperation, components schemas) map[string]any {
	var ps []any
	for _, p := range op.PathParams {
		schema := map[string]any{"type": "string"}
		if p.Enum != nil {
			schema["enum"] = p.Enum
		}
		if p.Pattern != "" {
			schema["pattern"] = p.Pattern
		}
		ps = append(ps, map[string]any{"name": p.Name, "in": "path", "required": true, "description": p.Description, "schema": schema})
	}
	for _, f := range op.Query.Fields {
		ps = append(ps, queryParameter(f))
	}
	ok := map[string]any{"description": op.Response.Description}
	schema := map[string]any{"type": "string"}
	if op.Response.Schema != nil {
		schema = components.of(op.Response.Schema)
	} else if op.Response.MediaType == "application/json" {
		schema = map[string]any{"type": "object"}
	}
	if op.Response.MediaType != "" {
		ok["content"] = map[string]any{op.Response.MediaType: map[string]any{"schema": schema}}
	}
	status := op.Response.Status
	if status == 0 {
		status = http.StatusOK
	}
	responses := map[string]any{itoa(status): ok}
	content := func(status int) map[string]any {
		r, ok := responses[itoa(status)].(map[string]any)
		if !ok {
			r = map[string]any{"description": http.StatusText(status), "content": map[string]any{}}
			responses[itoa(status)] = r
		}
		return r["content"].(map[string]any)
	}
	for _, status := range op.Errors {
		content(status)["application/problem+json"] = map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}
	}
	o := map[string]any{"operationId": op.ID, "summary": op.Summary, "responses": responses}
	if len(ps) > 0 {
		o["parameters"] = ps
	}
	if op.Body != nil {
		o["requestBody"] = map[string]any{"required": true, "content": op.Body}
	}
	return o
}

// queryParameter documents one field of a params schema: its accepted
// values (a closed set as an enum, an open one in words), its default,
// and whether it is the old name of another.
func queryParameter(f params.Field) map[string]any {
	schema := map[string]any{"type": "string"}
	if f.Values != nil {
		vals := append([]string(nil), f.Values...)
		for alias := range f.Aliases {
			vals = append(vals, alias)
		}
		sort.Strings(vals[len(f.Values):])
		schema["enum"] = vals
	}
	if f.Default != "" {
		schema["default"] = f.Default
	}
	desc := f.Help.EN
	if f.AcceptedText != "" {
		desc += " Accepted: " + f.AcceptedText + "."
	}
	p := map[string]any{"name": f.Name, "in": "query", "required": false, "description": desc, "schema": schema}
	if f.ReplacedBy != "" {
		p["deprecated"] = true
		p["description"] = desc + " Replaced by " + f.ReplacedBy + "."
	}
	return p
}

// openAPI serves the document; it is the same for every request, so the
// documents group caches it.
func (s *server) openAPI(w http.ResponseWriter, r *http.Request) error {
	b, err := json.MarshalIndent(openAPIDocument(), "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(append(b, '\n'))
	return err
}
