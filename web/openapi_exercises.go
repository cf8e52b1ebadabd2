package web

import (
	"net/http"
	"reflect"
)

// exerciseOperations are the trace-the-path exercises' API
// (handle_exercise.go): the list, and the server's check of an answer
// against the resolver.
func exerciseOperations() []apiOperation {
	return []apiOperation{
		{
			Method: http.MethodGet, Path: "/api/v1/exercises", ID: "exercises",
			Summary: "Every trace-the-path exercise: its mode or lab configuration, flow, kind (a whole path, or where the flow stops), where the packet starts, the prompt in both languages and where to check an answer.",
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[[]exerciseJSON](),
				Description: "The exercises, in teaching order."},
			Errors: []int{http.StatusBadRequest},
		},
		{
			Method: http.MethodPost, Path: "/api/v1/exercises/{id}/check", ID: "checkExercise",
			Summary:    "Check an answer: the component IDs the packet visits in order, from the flow's source. The answer comes from the resolver; reason is the reason of the step that should have been there, in the request's language (?lang= or Accept-Language).",
			PathParams: []apiPathParam{{Name: "id", Pattern: "^[a-z0-9-]+$", Description: "The exercise's ID, as the list gives it."}},
			Body: map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object", "required": []string{"path"},
				"properties": map[string]any{"path": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}}}}},
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[checkJSON](),
				Description: "The verdict: correct, the index of the first wrong step (or null), and why."},
			Errors: []int{http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound, http.StatusRequestEntityTooLarge, http.StatusTooManyRequests},
		},
	}
}
