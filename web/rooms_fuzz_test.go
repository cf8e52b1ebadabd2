package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/time/rate"
)

// roomOps are the room requests FuzzRoomRequests sends, each with the
// fuzzed body. In bodies and headers, TOKEN stands for the room's real
// presenter token and PID for a real participant's ID, so the fuzzer
// reaches the checks behind authorisation too. Ending the room is left
// out: one lucky input would leave every later one a 404.
var roomOps = []struct {
	method, path string // path: CODE is the room code, LANG the language
	json         bool   // a JSON API route (problem JSON on errors)
}{
	{http.MethodPut, "/api/v1/rooms/CODE/state", true},
	{http.MethodPost, "/api/v1/rooms/CODE/join", true},
	{http.MethodPost, "/api/v1/rooms/CODE/polls", true},
	{http.MethodPost, "/api/v1/rooms/CODE/polls/answer", true},
	{http.MethodPost, "/api/v1/rooms/CODE/polls/reveal", true},
	{http.MethodGet, "/api/v1/rooms/CODE", true},
	{http.MethodPost, "/LANG/r/CODE/state", false},
	{http.MethodPost, "/LANG/r/CODE/poll", false},
	{http.MethodPost, "/LANG/r/CODE/poll/answer", false},
	{http.MethodPost, "/LANG/r/CODE/claim", false},
	{http.MethodGet, "/LANG/r/CODE", false},
	{http.MethodGet, "/r/CODE/qr.svg", false},
}

// FuzzRoomRequests: any room code, presenter token, participant ID,
// state, poll or answer, through the API or the no-JavaScript forms, is
// done or refused with a 4xx that says why (problem JSON on the API);
// never a 5xx. code "" means the real room.
func FuzzRoomRequests(f *testing.F) {
	states := []string{stateJSON(2), `{"chapter":"nope"}`, `{"step":-1}`, `{"step":1e99}`, `{`, `[]`, `null`, `"x"`,
		`{"chapter":"endpoint-access","section":"three-settings","view":"endpoints","mode":"private","flow":"zzz","step":2}`}
	polls := []string{`{"question":"cp-instances"}`, `{"question":"nope"}`, `{"text":"Which?","options":["a","b"],"answer":["a"]}`,
		`{"text":"","options":[]}`, `{"text":"x","options":["` + strings.Repeat("o", 500) + `","b"]}`, `{"text":"<script>","options":["<b>","c"],"answer":["z"]}`}
	answers := []string{`{"participant_id":"PID","choice":"a"}`, `{"participant_id":"PID","choice":"zz"}`, `{"participant_id":"nope","choice":"a"}`, `{}`}
	forms := []string{"where=endpoint-access/three-settings&view=endpoints&mode=public&flow=kubectl-to-apiserver&step=1&move=next",
		"where=%zz", "view=zzz", "step=-5&view=endpoints", "action=open&question=cp-instances", "action=open&text=Q&option=a&option=b&answer=a",
		"action=reveal", "action=close", "choice=a", "choice=", "token=TOKEN", "token=nope", "name=" + strings.Repeat("가", 100)}
	for i := range roomOps {
		for _, b := range append(append(append(append(states, polls...), answers...), forms...), "") {
			f.Add(uint8(i), "", "Bearer TOKEN", b)
		}
		f.Add(uint8(i), "abcd-ef", "Bearer nope", "")
		f.Add(uint8(i), "%zz", "", "{}")
		f.Add(uint8(i), strings.Repeat("A", 300), "Basic x", "")
	}

	d := roomDepsFor(f, RoomOptions{})
	d.Edge.PostRate = rate.Inf // the fuzzer is one client sending thousands of POSTs
	h := New(d)
	f.Cleanup(d.Streams.Close)
	send := func(method, path, body, ctype string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	rec := send(http.MethodPost, "/api/v1/rooms", "", "application/json")
	var c createdRoom
	if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil || rec.Code != http.StatusCreated {
		f.Fatalf("create a room: %d %s", rec.Code, rec.Body)
	}
	rec = send(http.MethodPost, "/api/v1/rooms/"+c.Code+"/join", `{"name":"Ana"}`, "application/json")
	var joined struct {
		ID string `json:"participant_id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &joined); err != nil || joined.ID == "" {
		f.Fatalf("join: %d %s", rec.Code, rec.Body)
	}
	fill := strings.NewReplacer("TOKEN", c.PresenterToken, "PID", joined.ID).Replace
	var n atomic.Uint64

	f.Fuzz(func(t *testing.T, op uint8, code, auth, body string) {
		o := roomOps[int(op)%len(roomOps)]
		lang := []string{"en", "ko"}[n.Add(1)%2]
		seg := c.Code
		if code != "" {
			seg = url.PathEscape(code)
		}
		path := strings.NewReplacer("CODE", seg, "LANG", lang).Replace(o.path)
		ctype := "application/x-www-form-urlencoded"
		if o.json {
			ctype = "application/json"
		}
		rec := send(o.method, path, fill(body), ctype, "Authorization", fill(auth), "Accept-Language", lang,
			"Cookie", fmt.Sprintf("%s=%s; %s=%s", participantCookie, joined.ID, presenterCookie, fill(auth)))
		desc := fmt.Sprintf("%s %s (%s) %q auth %q", o.method, path, lang, body, auth)
		switch {
		case rec.Code >= 500:
			t.Fatalf("%s: %d %s", desc, rec.Code, rec.Body)
		case rec.Code >= 400 && rec.Body.Len() == 0:
			t.Fatalf("%s: %d with no message", desc, rec.Code)
		case rec.Code >= 400 && o.json && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/problem+json"):
			t.Fatalf("%s: %d as %q, not problem JSON", desc, rec.Code, rec.Header().Get("Content-Type"))
		}
	})
}
