package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room"
)

func joinRoom(t *testing.T, base, code string) string {
	t.Helper()
	resp, body := call(t, http.MethodPost, base+"/api/v1/rooms/"+code+"/join", "")
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	var j joinedJSON
	require.NoError(t, json.Unmarshal([]byte(body), &j))
	return j.ParticipantID
}

func snapshotOf(t *testing.T, body string) room.Snapshot {
	t.Helper()
	var s room.Snapshot
	require.NoError(t, json.Unmarshal([]byte(body), &s), body)
	return s
}

func TestRoomPollAPIRoundTrip(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	auth := []string{"Authorization", "Bearer " + c.PresenterToken}
	polls := srv.URL + "/api/v1/rooms/" + c.Code + "/polls"
	ana, bo := joinRoom(t, srv.URL, c.Code), joinRoom(t, srv.URL, c.Code)
	stream := openStream(t, srv.URL+"/r/"+c.Code+"/events?presenter=1")
	stream.next(t, "state")

	resp, body := call(t, http.MethodPost, polls, `{"question":"cp-instances"}`, auth...)
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	snap := snapshotOf(t, body)
	require.NotNil(t, snap.Poll)
	assert.Equal(t, []string{"a", "b", "c"}, snap.Poll.Keys)
	assert.Empty(t, snap.Poll.Answer)
	assert.NotContains(t, body, `"answer"`, "the answer is not sent before the reveal")
	ev := stream.next(t, "poll")
	assert.NotEmpty(t, ev.ID, "poll events carry IDs, so Last-Event-ID covers them")
	assert.Contains(t, ev.Data, `"question":"cp-instances"`)

	resp, body = call(t, http.MethodPost, polls+"/answer", `{"participant_id":"`+ana+`","choice":"c"}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, []int{0, 0, 1}, snapshotOf(t, body).Poll.Counts)
	assert.Contains(t, stream.next(t, "poll").Data, `"counts":[0,0,1]`)
	resp, body = call(t, http.MethodPost, polls+"/answer", `{"participant_id":"`+ana+`","choice":"a"}`)
	assert.Equal(t, http.StatusConflict, resp.StatusCode, body)
	resp, body = call(t, http.MethodPost, polls+"/answer", `{"participant_id":"`+bo+`","choice":"a"}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)

	// A late joiner's first event is the room with the open poll.
	late := openStream(t, srv.URL+"/r/"+c.Code+"/events?presenter=1")
	assert.Contains(t, late.next(t, "state").Data, `"counts":[1,0,1]`)

	resp, body = call(t, http.MethodPost, polls+"/reveal", "", auth...)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, []string{"c"}, snapshotOf(t, body).Poll.Answer)
	assert.Contains(t, late.next(t, "poll").Data, `"answer":["c"]`)

	resp, body = call(t, http.MethodDelete, polls, "", auth...)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Nil(t, snapshotOf(t, body).Poll)
	assert.NotContains(t, late.next(t, "poll").Data, `"poll":{`, "the close event has no poll")

	_, metrics := call(t, http.MethodGet, srv.URL+"/metrics", "")
	assert.Contains(t, metrics, "ekstutor_polls_opened_total 1\n")
	assert.Contains(t, metrics, "ekstutor_poll_answers_total 2\n", "the refused second answer is not counted")
}

func TestRoomPollAPIErrorsInTheRequestLanguage(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	ended := mustCreateRoom(t, srv.URL)
	resp, _ := call(t, http.MethodDelete, srv.URL+"/api/v1/rooms/"+ended.Code, "", "Authorization", "Bearer "+ended.PresenterToken)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	polls := srv.URL + "/api/v1/rooms/" + c.Code + "/polls"
	auth := []string{"Authorization", "Bearer " + c.PresenterToken}
	ana := joinRoom(t, srv.URL, c.Code)
	cases := []struct {
		name, method, url, body string
		header                  []string
		status                  int
		detail                  []string // Korean fragments of the answer
	}{
		{"answer before any poll", http.MethodPost, polls + "/answer", `{"participant_id":"` + ana + `","choice":"a"}`, nil, http.StatusConflict, []string{"열린 투표가 없습니다"}},
		{"reveal before any poll", http.MethodPost, polls + "/reveal", "", auth, http.StatusConflict, []string{"열린 투표가 없습니다"}},
		{"no token", http.MethodPost, polls, `{"question":"cp-instances"}`, nil, http.StatusUnauthorized, []string{"Authorization: Bearer"}},
		{"wrong token", http.MethodPost, polls, `{"question":"cp-instances"}`, []string{"Authorization", "Bearer " + ended.PresenterToken}, http.StatusForbidden, []string{"발표자 토큰이 맞지 않습니다"}},
		{"stranger reveals", http.MethodPost, polls + "/reveal", "", []string{"Authorization", "Bearer nope"}, http.StatusForbidden, []string{"발표자만"}},
		{"stranger closes", http.MethodDelete, polls, "", []string{"Authorization", "Bearer nope"}, http.StatusForbidden, []string{"발표자만"}},
		{"unknown question", http.MethodPost, polls, `{"question":"no-such-id"}`, auth, http.StatusBadRequest, []string{"퀴즈 문항 ID가 아닙니다"}},
		{"quiz and typed at once", http.MethodPost, polls, `{"question":"cp-instances","text":"also"}`, auth, http.StatusBadRequest, []string{"ID만 보내거나"}},
		{"every bad typed field", http.MethodPost, polls, `{"text":"","options":["one"],"answer":["z"]}`, auth, http.StatusBadRequest, []string{"text", "options", "answer", "2~6개"}},
		{"too long", http.MethodPost, polls, `{"text":"` + strings.Repeat("가", 301) + `","options":["a","b"]}`, auth, http.StatusBadRequest, []string{"300자"}},
		{"unknown field", http.MethodPost, polls, `{"slide":1}`, auth, http.StatusBadRequest, []string{"unknown field", `{\"question\"} or {\"text\",\"options\",\"answer\"}`}},
		{"poll on an ended room", http.MethodPost, srv.URL + "/api/v1/rooms/" + ended.Code + "/polls", `{"question":"cp-instances"}`, []string{"Authorization", "Bearer " + ended.PresenterToken}, http.StatusNotFound, []string{"이 코드의 방이 없습니다"}},
		{"answer on an ended room", http.MethodPost, srv.URL + "/api/v1/rooms/" + ended.Code + "/polls/answer", `{"participant_id":"x","choice":"a"}`, nil, http.StatusNotFound, []string{"방이 없습니다"}},
		{"answer without fields", http.MethodPost, polls + "/answer", `{}`, nil, http.StatusBadRequest, []string{"participant_id", "choice"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := append([]string{"Accept-Language", "ko"}, tc.header...)
			resp, body := call(t, tc.method, tc.url, tc.body, h...)
			assert.Equal(t, tc.status, resp.StatusCode, body)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			for _, d := range tc.detail {
				assert.Contains(t, body, d)
			}
			assert.NotContains(t, body, c.PresenterToken)
		})
	}

	// With a poll open: a stranger, a bad choice, a second answer, one after the reveal.
	resp, body := call(t, http.MethodPost, polls, `{"text":"Ready?","options":["yes","no"]}`, auth...)
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	for _, tc := range []struct {
		body   string
		status int
		detail string
	}{
		{`{"participant_id":"p-nobody","choice":"a"}`, http.StatusForbidden, "이 참여자 ID는 방에 없습니다"},
		{`{"participant_id":"` + ana + `","choice":"z"}`, http.StatusBadRequest, "가능한 값: a, b"},
		{`{"participant_id":"` + ana + `","choice":"a"}`, http.StatusOK, ""},
		{`{"participant_id":"` + ana + `","choice":"b"}`, http.StatusConflict, "이미 답했습니다"},
	} {
		resp, body := call(t, http.MethodPost, polls+"/answer", tc.body, "Accept-Language", "ko")
		assert.Equal(t, tc.status, resp.StatusCode, body)
		assert.Contains(t, body, tc.detail)
	}
	resp, _ = call(t, http.MethodPost, polls+"/reveal", "", auth...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	resp, body = call(t, http.MethodPost, polls+"/answer", `{"participant_id":"`+joinRoom(t, srv.URL, c.Code)+`","choice":"b"}`, "Accept-Language", "en")
	assert.Equal(t, http.StatusConflict, resp.StatusCode)
	assert.Contains(t, body, "takes no more answers")
}

// A typed question is shown as typed: markup in it is text on both pages.
func TestRoomPollTypedTextIsEscaped(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	code, cookie := openRoomByForm(t, srv.URL, "en")
	question := `<script>alert(1)</script>`
	option := `<img src=x onerror=alert(2)>`
	resp, body := form(t, srv.URL+"/en/r/"+code+"/poll", url.Values{"action": {"open"}, "text": {question},
		"option": {option, "plain", "", "", "", ""}}, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, body)

	_, follower := call(t, http.MethodGet, srv.URL+"/en/r/"+code, "")
	_, presenter := call(t, http.MethodGet, srv.URL+"/en/r/"+code+"/present", "", "Cookie", cookie.Name+"="+cookie.Value)
	for name, page := range map[string]string{"follower": follower, "presenter": presenter} {
		assert.NotContains(t, page, question, name)
		assert.NotContains(t, page, "<img src=x", name)
		assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;", name)
		d := parse(t, page)
		prompts := d.byTestID("poll-prompt")
		require.Len(t, prompts, 1, name)
		assert.Equal(t, question, strings.TrimSpace(text(prompts[0])), name)
		for _, n := range d.tag("script") {
			assert.NotContains(t, text(n), "alert", name)
		}
		for _, n := range d.tag("img") {
			assert.NotEqual(t, "x", attr(n, "src"), "%s: the typed option made no image", name)
		}
	}
	assert.Contains(t, follower, "&lt;img src=x onerror=alert(2)&gt;")
}

// Without JavaScript: the presenter opens a quiz question by form, a
// follower answers by form (joining on the way), the second answer is
// refused in the follower's language, the reveal shows the right answer.
func TestRoomPollFormsWithoutJavaScript(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	code, cookie := openRoomByForm(t, srv.URL, "en")
	resp, body := form(t, srv.URL+"/en/r/"+code+"/poll", url.Values{"action": {"open"}, "question": {"cp-instances"}}, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, body)

	_, page := call(t, http.MethodGet, srv.URL+"/ko/r/"+code, "")
	d := parse(t, page)
	require.Len(t, d.byTestID("poll-form"), 1)
	assert.Contains(t, text(d.byTestID("poll-prompt")[0]), "EKS 컨트롤 플레인은", "a quiz question in the follower's language")
	assert.Len(t, d.byTestID("poll-choice-c"), 1)

	resp, page = form(t, srv.URL+"/ko/r/"+code+"/poll/answer", url.Values{"choice": {"c"}}, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "답이 집계되었습니다")
	var p *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == participantCookie && c.Path == "/ko/r/"+code {
			p = c
		}
	}
	require.NotNil(t, p, "the follower got a participant cookie")
	assert.True(t, p.HttpOnly)
	resp, page = form(t, srv.URL+"/ko/r/"+code+"/poll/answer", url.Values{"choice": {"a"}}, p)
	assert.Equal(t, http.StatusConflict, resp.StatusCode)
	assert.Contains(t, page, "이미 답했습니다")

	_, presenter := call(t, http.MethodGet, srv.URL+"/en/r/"+code+"/present", "", "Cookie", cookie.Name+"="+cookie.Value)
	d = parse(t, presenter)
	require.Len(t, d.byTestID("poll-count-c"), 1)
	assert.Equal(t, "1 answered", text(d.byTestID("poll-count-c")[0]))
	assert.Len(t, d.byTestID("poll-reveal"), 1)

	resp, _ = form(t, srv.URL+"/en/r/"+code+"/poll", url.Values{"action": {"reveal"}}, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	_, page = call(t, http.MethodGet, srv.URL+"/ko/r/"+code, "")
	d = parse(t, page)
	assert.Empty(t, d.byTestID("poll-form"), "no more answers after the reveal")
	require.Len(t, d.byTestID("poll-right"), 1)
	assert.Contains(t, text(d.byTestID("poll-row-c")[0]), "정답")
	assert.Len(t, d.byTestID("poll-explain"), 1)

	resp, page = form(t, srv.URL+"/en/r/"+code+"/poll", url.Values{"action": {"reveal"}}, nil, "Accept-Language", "ko")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "no presenter cookie")
	resp, _ = form(t, srv.URL+"/en/r/"+code+"/poll", url.Values{"action": {"close"}}, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	_, page = call(t, http.MethodGet, srv.URL+"/ko/r/"+code, "")
	assert.Empty(t, parse(t, page).byTestID("poll-prompt"))
}
