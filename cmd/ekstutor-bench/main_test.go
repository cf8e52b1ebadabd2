package main

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A report as wrk 4.1 prints it with --latency.
const wrkOutput = `Running 5s test @ http://127.0.0.1:41235/ko/control-plane
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.31ms    1.02ms  21.33ms   88.10%
    Req/Sec    27.89k     2.01k   30.11k    72.00%
  Latency Distribution
     50%    2.10ms
     75%    2.55ms
     90%    3.20ms
     99%  812.00us
  138714 requests in 5.00s, 1.71GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  27742.81
Transfer/sec:    350.07MB
`

func TestParseWrk(t *testing.T) {
	r, err := parseWrk([]byte(wrkOutput))
	require.NoError(t, err)
	assert.InDelta(t, 27742.81, r.rps, 0.001)
	assert.Equal(t, 2310*time.Microsecond, r.latency)
	assert.Equal(t, 812*time.Microsecond, r.p99)
	assert.Equal(t, 7, r.errors, "2 read + 1 timeout socket errors and 4 non-2xx answers")

	_, err = parseWrk([]byte("unable to connect to 127.0.0.1:1 Connection refused\n"))
	assert.ErrorContains(t, err, "no Requests/sec")
}

func TestParseOptionsNamesWhatIsAccepted(t *testing.T) {
	_, err := parseOptions([]string{"-pages", "chapter,nope"}, io.Discard)
	assert.ErrorContains(t, err, `"nope": accepted are home, chapter, player, compare, svg, api`)
	_, err = parseOptions([]string{"-enc", "zstd"}, io.Discard)
	assert.ErrorContains(t, err, "accepted are gzip, br, identity")
	o, err := parseOptions([]string{"-d", "2s", "-pages", "svg", "-enc", "br"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"br"}, o.encodings)
	assert.Equal(t, "svg", o.pages[0].name)
}

// The bare baseline must put the same bytes on the wire as the tutor:
// every header but Date, and the body, for each page and encoding.
func TestBareSendsWhatTheTutorSent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole tutor")
	}
	tutor, err := startTutor()
	require.NoError(t, err)
	defer tutor.close()
	bodies, err := fetchAll(tutor.url, pages, []string{"gzip", "br"})
	require.NoError(t, err)
	bare, err := startBare(bodies)
	require.NoError(t, err)
	defer bare.close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, b := range bodies {
		req, _ := http.NewRequest(http.MethodGet, bare.url+b.page.path, nil)
		req.Header.Set("Accept-Encoding", b.encoding)
		resp, err := client.Do(req)
		require.NoError(t, err)
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		assert.True(t, sameBytes(b.data, got), "%s %s body", b.page.name, b.encoding)
		resp.Header.Del("Date")
		assert.Equal(t, b.header, resp.Header, "%s %s headers", b.page.name, b.encoding)
		assert.NotEmpty(t, b.header.Get("Content-Security-Policy"), "the tutor's headers are copied, not a bare minimum")
	}
}
