package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/i18n"
)

// countingDocs is the documents middleware around a handler that counts
// its calls and answers by the client's language preference.
func countingDocs(cacheControl string) (http.Handler, *int) {
	calls := 0
	d := &documents{cache: cache.New[string, *entry](1 << 20), origin: func(*http.Request) string { return "http://t" }}
	h := d.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		lang := i18n.Preferred(r.Header.Get("Accept-Language"))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Vary", "Accept-Language")
		if cacheControl != "" {
			w.Header().Set("Cache-Control", cacheControl)
		}
		_, _ = w.Write([]byte("answer in " + lang))
	}))
	return h, &calls
}

func fetch(t *testing.T, h http.Handler, path, acceptLanguage string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", acceptLanguage)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code)
	return rec.Body.String()
}

// A response that varies by Accept-Language (a standalone diagram without
// lang=) is kept once per language, and each client gets its own.
func TestCacheKeepsEachLanguageApart(t *testing.T) {
	h, calls := countingDocs("public, max-age=3600")
	assert.Equal(t, "answer in ko", fetch(t, h, "/diagrams/x.svg", "ko-KR,ko;q=0.9"))
	assert.Equal(t, "answer in en", fetch(t, h, "/diagrams/x.svg", "en-US"))
	assert.Equal(t, "answer in ko", fetch(t, h, "/diagrams/x.svg", "ko"))
	assert.Equal(t, "answer in en", fetch(t, h, "/diagrams/x.svg", "en"))
	assert.Equal(t, 2, *calls, "one render per language, then hits")
}

// A course page names its language in its path: the header does not
// split its cache entry.
func TestCachePathLanguageIgnoresTheHeader(t *testing.T) {
	h, calls := countingDocs("")
	fetch(t, h, "/en/intro", "ko")
	fetch(t, h, "/en/intro", "en")
	assert.Equal(t, 1, *calls)
}

// no-store and private answers are rendered every time.
func TestCacheSkipsNoStoreAndPrivate(t *testing.T) {
	for _, cc := range []string{"no-store", "private, no-cache"} {
		h, calls := countingDocs(cc)
		fetch(t, h, "/en/search?q=nat", "en")
		fetch(t, h, "/en/search?q=nat", "en")
		assert.Equal(t, 2, *calls, cc)
	}
}
