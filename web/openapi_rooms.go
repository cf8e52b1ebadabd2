package web

import (
	"net/http"
	"reflect"

	"github.com/ekstutor/ekstutor/internal/room"
)

// roomCodeParam is the {code} of every room address.
var roomCodeParam = apiPathParam{Name: "code", Pattern: "^[" + room.CodeAlphabet + "]{" + itoa(room.CodeLength) + "}$",
	Description: "The room's join code (case and spaces are forgiven)."}

// roomOperations are the rooms' JSON API and event stream (handle_rooms_api.go,
// handle_rooms_events.go). Driving and ending need the presenter token as
// Authorization: Bearer.
func roomOperations() []apiOperation {
	stateBody := map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/room.State"}}}
	return []apiOperation{
		{
			Method: http.MethodPost, Path: "/api/v1/rooms", ID: "createRoom",
			Summary: "Open a room at the course's start. The answer's presenter_token drives it; give learners the join_url or the code.",
			Response: apiResponse{Status: http.StatusCreated, MediaType: "application/json", Schema: reflect.TypeFor[createdJSON](),
				Description: "The new room."},
			Errors: []int{http.StatusForbidden, http.StatusTooManyRequests, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodGet, Path: "/api/v1/rooms/{code}", ID: "getRoom",
			Summary:    "The room's current state (language-independent) and follower count.",
			PathParams: []apiPathParam{roomCodeParam},
			Response:   apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](), Description: "The state."},
			Errors:     []int{http.StatusNotFound, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodPut, Path: "/api/v1/rooms/{code}/state", ID: "driveRoom",
			Summary:    "Move the room (presenter token as Authorization: Bearer): chapter, section, view, mode, flow and step. Every follower gets it within a second.",
			PathParams: []apiPathParam{roomCodeParam},
			Body:       stateBody,
			Response:   apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](), Description: "The state after the move."},
			Errors: []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound,
				http.StatusRequestEntityTooLarge, http.StatusTooManyRequests, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodPost, Path: "/api/v1/rooms/{code}/join", ID: "joinRoom",
			Summary:    "Join as a follower, optionally with {\"name\"}; the answer names the event stream to follow.",
			PathParams: []apiPathParam{roomCodeParam},
			Body: map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object",
				"properties": map[string]any{"name": map[string]any{"type": "string"}}}}},
			Response: apiResponse{Status: http.StatusCreated, MediaType: "application/json", Schema: reflect.TypeFor[joinedJSON](),
				Description: "The participant ID and the event stream's address."},
			Errors: []int{http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound, http.StatusTooManyRequests, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodDelete, Path: "/api/v1/rooms/{code}", ID: "endRoom",
			Summary:    "End the room (presenter token as Authorization: Bearer); followers get an end event.",
			PathParams: []apiPathParam{roomCodeParam},
			Response:   apiResponse{Status: http.StatusNoContent, Description: "Ended."},
			Errors:     []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodPost, Path: "/api/v1/rooms/{code}/polls", ID: "openPoll",
			Summary: "Open a live poll (presenter token as Authorization: Bearer), replacing an open one: {\"question\"} a quiz question's ID, " +
				"or {\"text\",\"options\",\"answer\"} a typed question of up to 300 characters with 2 to 6 options (keys a, b, …) and optionally the right keys. " +
				"Every follower gets a poll event; the answer stays hidden until the reveal.",
			PathParams: []apiPathParam{roomCodeParam},
			Body:       jsonBody(pollBodySchema()),
			Response: apiResponse{Status: http.StatusCreated, MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](),
				Description: "The room with the open poll."},
			Errors: presenterErrors(http.StatusBadRequest, http.StatusRequestEntityTooLarge),
		},
		{
			Method: http.MethodPost, Path: "/api/v1/rooms/{code}/polls/answer", ID: "answerPoll",
			Summary: "Answer the open poll as a participant (an ID from joinRoom) with a choice's key. One answer per participant: " +
				"a second one is refused (409), and so is one after the reveal.",
			PathParams: []apiPathParam{roomCodeParam},
			Body: jsonBody(map[string]any{"type": "object", "required": []string{"participant_id", "choice"},
				"properties": map[string]any{"participant_id": map[string]any{"type": "string"}, "choice": map[string]any{"type": "string"}}}),
			Response: apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](), Description: "The room with the counted answer."},
			Errors: []int{http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound, http.StatusConflict,
				http.StatusRequestEntityTooLarge, http.StatusTooManyRequests, http.StatusServiceUnavailable},
		},
		{
			Method: http.MethodPost, Path: "/api/v1/rooms/{code}/polls/reveal", ID: "revealPoll",
			Summary:    "Reveal the open poll's right answer to everyone (presenter token as Authorization: Bearer); it takes no more answers.",
			PathParams: []apiPathParam{roomCodeParam},
			Response:   apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](), Description: "The room with the revealed poll."},
			Errors:     presenterErrors(http.StatusConflict),
		},
		{
			Method: http.MethodDelete, Path: "/api/v1/rooms/{code}/polls", ID: "closePoll",
			Summary:    "Close the open poll (presenter token as Authorization: Bearer); followers' pages drop it.",
			PathParams: []apiPathParam{roomCodeParam},
			Response:   apiResponse{MediaType: "application/json", Schema: reflect.TypeFor[room.Snapshot](), Description: "The room without a poll."},
			Errors:     presenterErrors(http.StatusConflict),
		},
		{
			Method: http.MethodGet, Path: "/r/{code}/events", ID: "roomEvents",
			Summary: "Server-sent events: the first is always the current state (with an id); send Last-Event-ID to resume. " +
				"Events: state and poll (JSON room.Snapshot, the poll's with the open poll), trouble, full, end; a comment heartbeat every 15 s.",
			PathParams: []apiPathParam{roomCodeParam},
			Response:   apiResponse{MediaType: "text/event-stream", Description: "The stream; it stays open."},
			Errors:     []int{http.StatusNotFound, http.StatusServiceUnavailable},
		},
	}
}

func jsonBody(schema map[string]any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

// presenterErrors are the refusals of a presenter's operation, plus extra.
func presenterErrors(extra ...int) []int {
	return append([]int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusServiceUnavailable}, extra...)
}

func pollBodySchema() map[string]any {
	str := map[string]any{"type": "string"}
	return map[string]any{"type": "object", "properties": map[string]any{
		"question": map[string]any{"type": "string", "description": "A quiz question's stable ID (content/quiz/*.yaml)."},
		"text":     map[string]any{"type": "string", "maxLength": room.MaxPollTextRunes},
		"options": map[string]any{"type": "array", "items": map[string]any{"type": "string", "maxLength": room.MaxPollOptionRunes},
			"minItems": room.MinPollOptions, "maxItems": room.MaxPollOptions},
		"answer": map[string]any{"type": "array", "items": str},
	}}
}
