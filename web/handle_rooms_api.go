package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The rooms' JSON API, for scripts, integrations and the load tool. Its
// errors are problem JSON (handleAPI).

// roomCode reads {code} from the route: any case and dashes are fine,
// anything that cannot be a code is 404 at once.
func roomCode(r *http.Request) (string, error) {
	code, ok := room.NormaliseCode(chi.URLParam(r, "code"))
	if !ok {
		return "", roomError(room.ErrNotFound)
	}
	return code, nil
}

// bearer reads the presenter token of Authorization: Bearer; without
// one the answer is 401 with the challenge, as RFC 6750 says.
func bearer(w http.ResponseWriter, r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if tok = strings.TrimSpace(tok); !ok || tok == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="ekstutor rooms"`)
		return "", &Error{Status: http.StatusUnauthorized, Detail: topology.Text{
			EN: "Send the presenter token as Authorization: Bearer <presenter_token>.",
			KO: "발표자 토큰을 Authorization: Bearer <presenter_token> 헤더로 보내 주세요.",
		}}
	}
	return tok, nil
}

type createdJSON struct {
	Code           string `json:"code"`
	PresenterToken string `json:"presenter_token"`
	JoinURL        string `json:"join_url"`
}

// apiCreateRoom is POST /api/v1/rooms.
func (s *server) apiCreateRoom(w http.ResponseWriter, r *http.Request) error {
	c, err := s.createRoom(w, r)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/rooms/"+c.Code)
	return writeJSONStatus(w, http.StatusCreated, createdJSON{Code: c.Code, PresenterToken: c.Token, JoinURL: s.joinURL(r, c.Code)})
}

// apiGetRoom is GET /api/v1/rooms/{code}: the current state.
func (s *server) apiGetRoom(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	snap, err := s.rooms.hub.Get(r.Context(), code)
	if err != nil {
		return roomError(err)
	}
	return writeJSON(w, snap)
}

// apiPutState is PUT /api/v1/rooms/{code}/state with the presenter token.
func (s *server) apiPutState(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	tok, err := bearer(w, r)
	if err != nil {
		return err
	}
	var st room.State
	if err := decodeJSON(r, &st); err != nil {
		return err
	}
	return s.drive(w, r, code, tok, st, func(snap room.Snapshot) error { return writeJSON(w, snap) })
}

// drive checks the token first (so a stranger learns nothing about
// what states are valid), then the state, then moves the room.
func (s *server) drive(w http.ResponseWriter, r *http.Request, code, tok string, st room.State, done func(room.Snapshot) error) error {
	if err := s.rooms.hub.Authorise(r.Context(), code, tok); err != nil {
		return retryAfter(w, roomError(err))
	}
	if err := st.Validate(s.rooms.contents); err != nil {
		return err
	}
	ev, err := s.rooms.hub.Drive(r.Context(), code, tok, st)
	if err != nil {
		return retryAfter(w, roomError(err))
	}
	return done(room.Snapshot{Code: code, State: ev.State, Followers: ev.Followers, ID: ev.ID})
}

// decodeJSON reads one JSON object with only known fields.
func decodeJSON(r *http.Request, v any) error {
	return decodeJSONShape(r, v, `{"chapter","section","view","mode","flow","step"}`)
}

// decodeJSONShape is decodeJSON for a body whose fields are shape.
func decodeJSONShape(r *http.Request, v any, shape string) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	return &Error{Status: http.StatusBadRequest, Detail: topology.Text{
		EN: "The body is not the JSON this address takes: " + jsonProblem(err) + ". Send " + shape + ".",
		KO: "본문이 이 주소가 받는 JSON이 아닙니다: " + jsonProblem(err) + ". " + shape + " 형식으로 보내 주세요.",
	}}
}

// jsonProblem names what is wrong without echoing the body.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return "the body must be a JSON " + jsonKind(te.Type)
	case errors.As(err, &te):
		return te.Field + " must be a JSON " + jsonKind(te.Type)
	case errors.As(err, &se), errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON"
	case errors.Is(err, io.EOF):
		return "empty body"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	return "malformed JSON"
}

// jsonKind names a Go type as JSON calls its values: a message speaks
// of the body the client wrote, not of the server's types.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	}
	return "number"
}

type joinedJSON struct {
	ParticipantID string `json:"participant_id"`
	EventsURL     string `json:"events_url"`
}

// apiJoin is POST /api/v1/rooms/{code}/join with an optional {"name"}.
func (s *server) apiJoin(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	var body struct {
		Name string `json:"name"`
	}
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &body); err != nil {
			return err
		}
	}
	id, err := s.rooms.hub.Join(r.Context(), code, body.Name)
	if err != nil {
		return retryAfter(w, roomError(err))
	}
	return writeJSONStatus(w, http.StatusCreated, joinedJSON{ParticipantID: id, EventsURL: "/r/" + code + "/events?p=" + id})
}

// apiEndRoom is DELETE /api/v1/rooms/{code} with the presenter token.
func (s *server) apiEndRoom(w http.ResponseWriter, r *http.Request) error {
	code, err := roomCode(r)
	if err != nil {
		return err
	}
	tok, err := bearer(w, r)
	if err != nil {
		return err
	}
	if err := s.rooms.hub.End(r.Context(), code, tok); err != nil {
		return retryAfter(w, roomError(err))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
