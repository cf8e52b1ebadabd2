package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room"
)

func stateJSON(step int) string {
	return `{"chapter":"endpoint-access","section":"three-settings","view":"endpoints","mode":"public","flow":"kubectl-to-apiserver","step":` + string(rune('0'+step)) + `}`
}

func TestRoomAPIRoundTrip(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	_, ok := room.NormaliseCode(c.Code)
	assert.True(t, ok)
	assert.Equal(t, srv.URL+"/r/"+c.Code, c.JoinURL)
	assert.NotContains(t, c.JoinURL, c.PresenterToken, "the join link never carries the token")

	resp, body := call(t, http.MethodGet, srv.URL+"/api/v1/rooms/"+c.Code, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, body, `"view": "endpoints"`)
	assert.NotContains(t, body, c.PresenterToken)

	resp, body = call(t, http.MethodPut, srv.URL+"/api/v1/rooms/"+c.Code+"/state", stateJSON(2), "Authorization", "Bearer "+c.PresenterToken)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	var snap room.Snapshot
	require.NoError(t, json.Unmarshal([]byte(body), &snap))
	assert.Equal(t, 2, snap.State.Step)
	assert.Equal(t, "three-settings", snap.State.Section)

	resp, body = call(t, http.MethodPost, srv.URL+"/api/v1/rooms/"+strings.ToLower(c.Code)+"/join", `{"name":"Ana"}`)
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	assert.Contains(t, body, "participant_id")
	_, body = call(t, http.MethodGet, srv.URL+"/api/v1/rooms/"+c.Code, "")
	assert.Contains(t, body, `"followers": 1`)

	resp, _ = call(t, http.MethodDelete, srv.URL+"/api/v1/rooms/"+c.Code, "", "Authorization", "Bearer "+c.PresenterToken)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	resp, _ = call(t, http.MethodGet, srv.URL+"/api/v1/rooms/"+c.Code, "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestRoomAPIErrorsAreProblemJSONInTheRequestLanguage(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	put := srv.URL + "/api/v1/rooms/" + c.Code + "/state"
	cases := []struct {
		name   string
		method string
		url    string
		body   string
		header []string
		status int
		detail string // a Korean fragment of the detail
	}{
		{"no token", http.MethodPut, put, stateJSON(1), nil, http.StatusUnauthorized, "Authorization: Bearer"},
		{"wrong token", http.MethodPut, put, stateJSON(1), []string{"Authorization", "Bearer nope"}, http.StatusForbidden, "발표자 토큰이 맞지 않습니다"},
		{"another room's token", http.MethodPut, put, stateJSON(1), []string{"Authorization", "Bearer " + mustCreateRoom(t, srv.URL).PresenterToken}, http.StatusForbidden, "발표자만"},
		{"bad JSON", http.MethodPut, put, `{"step":"two"}`, []string{"Authorization", "Bearer " + c.PresenterToken}, http.StatusBadRequest, "step must be a JSON number"},
		{"unknown field", http.MethodPut, put, `{"slide":3}`, []string{"Authorization", "Bearer " + c.PresenterToken}, http.StatusBadRequest, "unknown field"},
		{"bad values", http.MethodPut, put, `{"chapter":"nope","view":"endpoints","mode":"sideways","flow":"kubectl-to-apiserver"}`, []string{"Authorization", "Bearer " + c.PresenterToken}, http.StatusBadRequest, "chapter, mode"},
		{"no such room", http.MethodGet, srv.URL + "/api/v1/rooms/ABCDEF", "", nil, http.StatusNotFound, "이 코드의 방이 없습니다"},
		{"not a code", http.MethodGet, srv.URL + "/api/v1/rooms/0000", "", nil, http.StatusNotFound, "코드를 확인"},
		{"join no room", http.MethodPost, srv.URL + "/api/v1/rooms/ABCDEF/join", "", nil, http.StatusNotFound, "방이 없습니다"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := append([]string{"Accept-Language", "ko"}, tc.header...)
			resp, body := call(t, tc.method, tc.url, tc.body, h...)
			assert.Equal(t, tc.status, resp.StatusCode, body)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p problemDetails
			require.NoError(t, json.Unmarshal([]byte(body), &p))
			assert.Equal(t, tc.status, p.Status)
			assert.Contains(t, p.Detail+" "+body, tc.detail)
			assert.NotContains(t, body, c.PresenterToken)
		})
	}
	resp, _ := call(t, http.MethodPut, put, stateJSON(1))
	assert.Contains(t, resp.Header.Get("WWW-Authenticate"), "Bearer")
}

func TestRoomLimitsAnswerClearly(t *testing.T) {
	srv := roomServer(t, RoomOptions{CreatePerMinute: 2, Hub: room.NewMemory(room.Options{MaxRooms: 50, MaxParticipants: 1})})
	c := mustCreateRoom(t, srv.URL)
	mustCreateRoom(t, srv.URL)
	resp, body := call(t, http.MethodPost, srv.URL+"/api/v1/rooms", "", "Accept-Language", "en")
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	// Two a minute: the next token comes back within 30 s.
	retry, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	require.NoError(t, err)
	assert.True(t, retry >= 1 && retry <= 31, "Retry-After %d", retry)
	assert.Contains(t, body, "at most 2 a minute")

	resp, _ = call(t, http.MethodPost, srv.URL+"/api/v1/rooms/"+c.Code+"/join", "")
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	resp, body = call(t, http.MethodPost, srv.URL+"/api/v1/rooms/"+c.Code+"/join", "")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, body, "This room is full (1 participants)")

	full := roomServer(t, RoomOptions{Hub: room.NewMemory(room.Options{MaxRooms: 1})})
	mustCreateRoom(t, full.URL)
	resp, body = call(t, http.MethodPost, full.URL+"/api/v1/rooms", "")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	assert.Contains(t, body, "as many open rooms as it allows (1)")
}

func TestReadyz(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	resp, body := call(t, http.MethodGet, srv.URL+"/readyz", "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "ready\n", body)
	down, err := room.NewRedis("redis://127.0.0.1:1/0", "", room.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = down.Close() })
	srv = roomServer(t, RoomOptions{Hub: down})
	resp, body = call(t, http.MethodGet, srv.URL+"/readyz", "")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, body, "room store")
	resp, _ = call(t, http.MethodGet, srv.URL+"/en/", "")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "pages still serve without Redis")
	resp, body = call(t, http.MethodPost, srv.URL+"/api/v1/rooms", "")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, body, "unavailable for the moment")
}
