package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]encoding{
		"":                        identity,
		"gzip":                    gzipEnc,
		"gzip, deflate, br, zstd": brEnc,
		"br;q=0.5, gzip":          gzipEnc,
		"gzip;q=0":                identity,
		"gzip; q=0.0":             identity,
		"GZIP;Q=0.000":            identity,
		"br;q=0, gzip;q=0.1":      gzipEnc,
		"*":                       brEnc,
		"*;q=0":                   identity,
		"gzip, *;q=0":             gzipEnc,
		"identity":                identity,
		"deflate":                 identity,
		"gzip;q=bogus":            identity,
		"x-gzip":                  gzipEnc,
	} {
		assert.Equal(t, want, negotiate(header), "Accept-Encoding %q", header)
	}
}

func TestEncodeRoundTripsAtEachEffort(t *testing.T) {
	body := []byte(strings.Repeat("<p>EKS 컨트롤 플레인</p>\n", 200))
	for _, how := range []effort{effortKept, effortOnce} {
		gz, err := gzip.NewReader(bytes.NewReader(encode(gzipEnc, body, how)))
		require.NoError(t, err)
		got, err := io.ReadAll(gz)
		require.NoError(t, err)
		assert.Equal(t, body, got, "gzip, effort %d", how)
		got, err = io.ReadAll(brotli.NewReader(bytes.NewReader(encode(brEnc, body, how))))
		require.NoError(t, err)
		assert.Equal(t, body, got, "br, effort %d", how)
		assert.Equal(t, body, encode(identity, body, how))
	}
}
