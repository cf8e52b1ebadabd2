package web

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserClient is a client with a cookie jar, so cookies go where a
// browser would send them (by path), not where a test puts them.
func browserClient(t *testing.T) (*http.Client, *cookiejar.Jar) {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, jar
}

// cookieAt is the participant cookie jar would send to address, or "".
func cookieAt(t *testing.T, jar *cookiejar.Jar, address string) string {
	t.Helper()
	u, err := url.Parse(address)
	require.NoError(t, err)
	for _, c := range jar.Cookies(u) {
		if c.Name == participantCookie {
			return c.Value
		}
	}
	return ""
}

// answerAs posts the follower's poll form with client, in lang.
func answerAs(t *testing.T, client *http.Client, base, lang, code, choice string) (int, string) {
	t.Helper()
	resp, err := client.PostForm(base+"/"+lang+"/r/"+code+"/poll/answer", url.Values{"choice": {choice}})
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// A follower's reload, its EventSource reconnecting and a second tab are
// one participant: counted once, and its second answer is refused. A
// cookie the room never gave out counts a new participant.
func TestRoomReloadIsTheSameParticipant(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	events := srv.URL + "/r/" + c.Code + "/events"
	followers := func() int {
		_, body := call(t, http.MethodGet, srv.URL+"/api/v1/rooms/"+c.Code, "")
		return snapshotOf(t, body).Followers
	}
	streamsOpen := func() float64 { return value(scrape(t, srv.URL), "ekstutor_room_streams_open") }
	// settled waits until n streams are open here, then holds the room
	// to want followers for a while: a leave comes just after its stream
	// closes, and the fan-out paces count events, so a count read once
	// could be early.
	settled := func(n float64, want int, msg string) {
		t.Helper()
		require.Eventually(t, func() bool { return streamsOpen() == n }, 5*time.Second, 10*time.Millisecond)
		assert.Never(t, func() bool { return followers() != want }, 400*time.Millisecond, 20*time.Millisecond, msg)
		assert.Equal(t, want, followers(), msg)
	}
	browser, jar := browserClient(t)

	first := openStreamWith(t, browser, events)
	first.next(t, "state")
	id := cookieAt(t, jar, events)
	require.NotEmpty(t, id, "the stream's path gets the participant cookie")
	assert.Equal(t, id, cookieAt(t, jar, srv.URL+"/ko/r/"+c.Code+"/poll/answer"), "so does the answer form's")
	resp, body := call(t, http.MethodPost, srv.URL+"/api/v1/rooms/"+c.Code+"/polls", `{"question":"cp-instances"}`,
		"Authorization", "Bearer "+c.PresenterToken)
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	status, page := answerAs(t, browser, srv.URL, "ko", c.Code, "c")
	require.Equal(t, http.StatusOK, status, page)

	first.cancel() // the reload: the old stream goes…
	reloaded := openStreamWith(t, browser, events)
	reloaded.next(t, "state") // …and a new one comes with the cookie
	tab := openStreamWith(t, browser, events)
	tab.next(t, "state") // a second tab of the same browser
	assert.Equal(t, id, cookieAt(t, jar, events), "the same participant, not a new one")
	settled(2, 1, "two streams of one participant are one follower")

	for lang, want := range map[string]string{"ko": "이미 답했습니다", "en": "answered this poll already"} {
		status, page = answerAs(t, browser, srv.URL, lang, c.Code, "a")
		assert.Equal(t, http.StatusConflict, status, lang)
		assert.Contains(t, page, want, lang)
	}

	tab.cancel()
	settled(1, 1, "closing one tab keeps the other counted")
	reloaded.cancel()
	settled(0, 0, "the last stream leaves")
	status, page = answerAs(t, browser, srv.URL, "en", c.Code, "b")
	assert.Equal(t, http.StatusConflict, status, "the form rejoins the participant, it does not make a new one")
	assert.Contains(t, page, "answered this poll already")

	forger, fjar := browserClient(t)
	u, _ := url.Parse(events)
	fjar.SetCookies(u, []*http.Cookie{{Name: participantCookie, Value: "forged-id", Path: "/r/" + c.Code}})
	stranger := openStreamWith(t, forger, events)
	stranger.next(t, "state")
	got := cookieAt(t, fjar, events)
	assert.NotEqual(t, "forged-id", got, "an ID the room never gave out gets a new participant")
	assert.NotEqual(t, id, got)
	assert.Len(t, got, len(id))

	_, body = call(t, http.MethodGet, srv.URL+"/api/v1/rooms/"+c.Code, "")
	snap := snapshotOf(t, body)
	assert.Equal(t, []int{0, 0, 1}, snap.Poll.Counts, "one answer counted")
	assert.Equal(t, 2, snap.Followers, "the form's rejoin and the stranger")
	assert.Equal(t, 1.0, value(scrape(t, srv.URL), "ekstutor_poll_answers_total"))
}
