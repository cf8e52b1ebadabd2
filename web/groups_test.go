package web

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupRouter is the route table's global middlewares with a form route
// and a stream route of the test's own, in the groups New gives them.
func groupRouter(s *server, form handlerFunc, stream func(context.Context, *Stream) error) http.Handler {
	r := chi.NewRouter()
	r.Use(logRequests(s.log, nil), s.recoverPanics, securityHeaders)
	r.Group(func(r chi.Router) {
		r.Use(s.forms)
		r.Post("/{lang}/form", s.handle(form))
	})
	r.Group(func(r chi.Router) {
		r.Get("/events", s.streams.Handler(stream))
	})
	return r
}

// readFormBody reads the whole body, as a form handler does.
func readFormBody(w http.ResponseWriter, r *http.Request) error {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err = io.WriteString(w, "got "+string(rune('0'+len(b)%10)))
	return err
}

// TestStreamFlushesEachEventAndEndsOnClose: the first event reaches the
// client while the handler is still running, and Streams.Close (what
// shutdown calls) ends a stream that would not end by itself.
func TestStreamFlushesEachEventAndEndsOnClose(t *testing.T) {
	streams := NewStreams(5 * time.Second)
	s := testServer(t, Deps{Streams: streams})
	second := make(chan struct{})
	returned := make(chan struct{})
	srv := httptest.NewServer(groupRouter(s, readFormBody, func(ctx context.Context, st *Stream) error {
		defer close(returned)
		if err := st.Send("step", "1"); err != nil {
			return err
		}
		select {
		case <-second:
		case <-ctx.Done():
			return nil
		}
		if err := st.Send("step", "2"); err != nil {
			return err
		}
		<-ctx.Done() // a room stays open until the client or the server ends it
		return nil
	}))
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/events", nil)
	require.NoError(t, err)
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/event-stream; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	assert.NotEmpty(t, resp.Header.Get("Content-Security-Policy"), "global middlewares run on streams")

	rd := bufio.NewReader(resp.Body)
	event := func() string {
		var lines []string
		for {
			line, err := rd.ReadString('\n')
			require.NoError(t, err)
			if line == "\n" {
				return strings.Join(lines, "")
			}
			lines = append(lines, line)
		}
	}
	assert.Equal(t, "event: step\ndata: 1\n", event(), "the first event arrives while the handler blocks")
	select {
	case <-returned:
		t.Fatal("the handler returned before the first event was read")
	default:
	}
	close(second)
	assert.Equal(t, "event: step\ndata: 2\n", event())

	streams.Close()
	streams.Close() // twice is fine
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		t.Fatal("Streams.Close did not end the stream")
	}
	rest, err := io.ReadAll(rd)
	assert.NoError(t, err, "the stream ends cleanly")
	assert.Empty(t, rest)
}

// TestFormOverTheBodyLimitIs413 with a declared length and chunked.
func TestFormOverTheBodyLimitIs413(t *testing.T) {
	s := testServer(t, Deps{})
	var sawChunked []bool
	srv := httptest.NewServer(groupRouter(s, func(w http.ResponseWriter, r *http.Request) error {
		sawChunked = append(sawChunked, len(r.TransferEncoding) == 1 && r.TransferEncoding[0] == "chunked")
		return readFormBody(w, r)
	}, nil))
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()

	post := func(lang string, n int, chunked bool) *http.Response {
		var body io.Reader = strings.NewReader(strings.Repeat("a", n))
		if chunked {
			body = io.MultiReader(body) // hides the length: sent chunked
		}
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/"+lang+"/form", body)
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := client.Do(req)
		require.NoError(t, err)
		return resp
	}
	for _, chunked := range []bool{false, true} {
		resp := post("en", maxFormBytes, chunked)
		_ = bodyOf(t, resp)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "exactly the limit is accepted (chunked=%v)", chunked)

		resp = post("ko", maxFormBytes+1, chunked)
		body := bodyOf(t, resp)
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "chunked=%v", chunked)
		assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
		assert.Contains(t, body, "65536바이트", "the Korean page says the limit (chunked=%v)", chunked)
		assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	}
	// Both oversized bodies are refused before the handler runs: the
	// declared one by its length, the chunked one when the group reads
	// the form and hits the cap. Only the two at the limit reach it.
	assert.Equal(t, []bool{false, true}, sawChunked)
}

// TestCrossOriginFormIsRefused: net/http's CrossOriginProtection answers
// with the localized 403 page before the handler runs.
func TestCrossOriginFormIsRefused(t *testing.T) {
	s := testServer(t, Deps{})
	ran := 0
	h := groupRouter(s, func(w http.ResponseWriter, r *http.Request) error {
		ran++
		return readFormBody(w, r)
	}, nil)
	for _, tc := range []struct {
		name   string
		lang   string
		header []string
		ko     string
	}{
		{"sec-fetch-site", "ko", []string{"Sec-Fetch-Site", "cross-site"}, "다른 사이트에서 보낸 양식"},
		{"origin", "en", []string{"Origin", "https://evil.example"}, "sent from another site"},
		{"origin-ko", "ko", []string{"Origin", "https://evil.example"}, "다른 사이트에서 보낸 양식"},
	} {
		resp := do(t, h, http.MethodPost, "/"+tc.lang+"/form", append([]string{"Host", "tutor.test"}, tc.header...)...)
		body := bodyOf(t, resp)
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, tc.name)
		assert.Contains(t, body, tc.ko, tc.name)
		assert.Contains(t, body, `lang="`+tc.lang+`"`, tc.name)
	}
	assert.Zero(t, ran, "no refused form reached its handler")

	for _, header := range [][]string{
		{"Sec-Fetch-Site", "same-origin"},
		{"Origin", "http://tutor.test"},
		nil, // a non-browser client sends neither
	} {
		resp := do(t, h, http.MethodPost, "/en/form", append([]string{"Host", "tutor.test"}, header...)...)
		assert.Equal(t, http.StatusOK, resp.StatusCode, header)
	}
	assert.Equal(t, 3, ran)
}

// TestPanicAnswersACleanErrorPage: a document handler that panics after
// setting its own headers gets the 500 page whole: not truncated by the
// handler's Content-Length, not under its CSP, not cacheable.
func TestPanicAnswersACleanErrorPage(t *testing.T) {
	var buf syncBuf
	s := testServer(t, Deps{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	r := chi.NewRouter()
	r.Use(logRequests(s.log, nil), s.recoverPanics, securityHeaders)
	r.Group(func(r chi.Router) {
		r.Use(s.docs.wrap)
		document(r, "/ko/boom", func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Type", "image/svg+xml")
			h.Set("Content-Length", "5")
			h.Set("Content-Encoding", "gzip")
			h.Set("Content-Security-Policy", standaloneCSP)
			h.Set("Cache-Control", "public, max-age=3600")
			h.Set("ETag", `"stale"`)
			_, _ = w.Write([]byte("hello"))
			panic("boom")
		})
	})
	srv := httptest.NewServer(r)
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()
	resp, err := send(client, http.MethodGet, srv.URL+"/ko/boom", "identity")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err, "the page arrives whole")
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.Contains(t, string(body), "</html>")
	assert.Contains(t, string(body), `lang="ko"`)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	assert.Equal(t, contentSecurityPolicy, resp.Header.Get("Content-Security-Policy"))
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Empty(t, resp.Header.Get("ETag"))
	assert.Contains(t, buf.String(), "level=ERROR")
}

// A form body that is not form encoding is a 400 in the page's
// language before any handler runs, on every POST route (it was a 500
// on the room forms).
func TestMalformedFormEncodingIs400(t *testing.T) {
	h := mustApp(t)
	for _, tc := range []struct{ path, want string }{
		{"/ko/intro/quiz", "양식 인코딩이 올바르지 않습니다"},
		{"/en/intro/quiz", "it is not form encoding"},
		{"/ko/rooms", "양식 인코딩이 올바르지 않습니다"},
		{"/en/r/ABCDEF/state", "it is not form encoding"},
		{"/ko/r/ABCDEF/poll", "양식 인코딩이 올바르지 않습니다"},
	} {
		req := httptest.NewRequest(http.MethodPost, tc.path, strings.NewReader("where=%zz"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusBadRequest, rec.Code, tc.path)
		assert.Contains(t, rec.Body.String(), tc.want, tc.path)
	}
}
