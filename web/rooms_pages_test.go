package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func parse(t *testing.T, body string) doc {
	t.Helper()
	root, err := html.Parse(strings.NewReader(body))
	require.NoError(t, err)
	return doc{root}
}

// openRoomByForm presses "new room" and returns the code and the cookie.
func openRoomByForm(t *testing.T, base, lang string) (string, *http.Cookie) {
	t.Helper()
	resp, _ := call(t, http.MethodPost, base+"/"+lang+"/rooms", "", "Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	loc := resp.Header.Get("Location")
	require.True(t, strings.HasPrefix(loc, "/"+lang+"/r/") && strings.HasSuffix(loc, "/present"), loc)
	code := strings.TrimSuffix(strings.TrimPrefix(loc, "/"+lang+"/r/"), "/present")
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Path == "/"+lang+"/r/"+code {
			cookie = c
		}
	}
	require.NotNil(t, cookie, "a presenter cookie scoped to the room's pages")
	assert.True(t, cookie.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, cookie.SameSite)
	assert.NotContains(t, loc, cookie.Value, "the token is not in the address")
	return code, cookie
}

func form(t *testing.T, url string, vals url.Values, cookie *http.Cookie, header ...string) (*http.Response, string) {
	t.Helper()
	h := append([]string{"Content-Type", "application/x-www-form-urlencoded"}, header...)
	if cookie != nil {
		h = append(h, "Cookie", cookie.Name+"="+cookie.Value)
	}
	req := vals.Encode()
	return call(t, http.MethodPost, url, req, h...)
}

func TestRoomPagesPresenterAndFollowers(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	resp, body := call(t, http.MethodGet, srv.URL+"/en/rooms", "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	d := parse(t, body)
	assert.Len(t, d.byTestID("new-room"), 1)
	assert.Len(t, d.byTestID("join-room"), 1)

	code, cookie := openRoomByForm(t, srv.URL, "en")
	present := srv.URL + "/en/r/" + code + "/present"
	_, body = call(t, http.MethodGet, present, "", "Cookie", cookie.Name+"="+cookie.Value)
	d = parse(t, body)
	require.Len(t, d.byTestID("room-controls"), 1, "the cookie makes this the presenter")
	assert.Equal(t, srv.URL+"/r/"+code, text(d.byTestID("room-join-url")[0]))
	assert.Contains(t, attr(d.byTestID("room-handover")[0], "value"), "/present#token="+cookie.Value)
	_, body = call(t, http.MethodGet, present, "")
	assert.Len(t, parse(t, body).byTestID("room-claim"), 1, "without the cookie: the token form")
	assert.NotContains(t, body, cookie.Value)

	// The presenter steps with the plain form (no JavaScript).
	st := url.Values{"where": {"endpoint-access/three-settings"}, "view": {"endpoints"}, "mode": {"public"},
		"flow": {"kubectl-to-apiserver"}, "step": {"0"}, "move": {"next"}}
	resp, body = form(t, srv.URL+"/en/r/"+code+"/state", st, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, body)
	resp, _ = form(t, srv.URL+"/en/r/"+code+"/state", st, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "no cookie, no driving")

	// Each follower reads the same moment in their own language.
	for lang, title := range map[string]string{"en": "endpoint access", "ko": "엔드포인트"} {
		resp, body = call(t, http.MethodGet, srv.URL+"/"+lang+"/r/"+code, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		d = parse(t, body)
		v := d.byTestID("room-view")[0]
		assert.Equal(t, "1", attr(v, "data-step"))
		assert.Equal(t, "three-settings", attr(v, "data-section"))
		assert.Contains(t, text(d.byTestID("room-chapter")[0]), title, lang)
		assert.Len(t, d.byTestID("player"), 1)
		assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	}

	// A view without a player.
	st.Set("view", "overview")
	resp, _ = form(t, srv.URL+"/ko/r/"+code+"/state", st, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	_, body = call(t, http.MethodGet, srv.URL+"/ko/r/"+code, "")
	d = parse(t, body)
	assert.Equal(t, "overview", attr(d.byTestID("room-view")[0], "data-view"))
	assert.Empty(t, d.byTestID("player"))

	// The join link picks the language; the join form finds the room.
	resp, _ = call(t, http.MethodGet, srv.URL+"/r/"+strings.ToLower(code), "", "Accept-Language", "ko")
	assert.Equal(t, "/ko/r/"+code, resp.Header.Get("Location"))
	resp, _ = call(t, http.MethodGet, srv.URL+"/en/rooms/join?code="+code[:3]+"-"+code[3:]+"&name=Ana+B", "")
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.Equal(t, "/en/r/"+code+"#name=Ana+B", resp.Header.Get("Location"))
	resp, body = call(t, http.MethodGet, srv.URL+"/ko/rooms/join?code=0O1IL0", "")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, body, "참여 코드는")

	// The QR code is the join link's, drawn from rsc.io/qr's modules.
	resp, body = call(t, http.MethodGet, srv.URL+"/r/"+code+"/qr.svg", "")
	assert.Equal(t, "image/svg+xml", resp.Header.Get("Content-Type"))
	assert.True(t, strings.HasPrefix(body, "<svg"))
	assert.Contains(t, body, "M4 4h1v1h-1z", "the finder pattern's corner, inside the quiet zone")
	assert.Contains(t, body, srv.URL+"/r/"+code)

	// Ending the room.
	resp, _ = form(t, srv.URL+"/en/r/"+code+"/end", url.Values{}, cookie)
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode)
	resp, _ = call(t, http.MethodGet, srv.URL+"/en/r/"+code, "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestRoomClaimWithPresenterToken(t *testing.T) {
	srv := roomServer(t, RoomOptions{})
	c := mustCreateRoom(t, srv.URL)
	resp, _ := form(t, srv.URL+"/en/r/"+c.Code+"/claim", url.Values{"token": {"wrong"}}, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	resp, _ = form(t, srv.URL+"/en/r/"+c.Code+"/claim", url.Values{"token": {c.PresenterToken}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.NotEmpty(t, resp.Cookies())
}
