package web

import (
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// encoding is a content coding the tutor can send.
type encoding uint8

// The codings, in the order of preference when a client rates them equal.
const (
	identity encoding = iota
	brEnc
	gzipEnc
)

// token is the coding's name in Content-Encoding; suffix marks its ETag.
func (e encoding) token() string {
	switch e {
	case brEnc:
		return "br"
	case gzipEnc:
		return "gzip"
	}
	return ""
}

func (e encoding) etagSuffix() string {
	switch e {
	case brEnc:
		return "-br"
	case gzipEnc:
		return "-gz"
	}
	return ""
}

// negotiate picks the coding for an Accept-Encoding header (RFC 9110
// §12.5.3): the highest q-value wins, Brotli before gzip on a tie, and
// q=0 (in any spelling) means "not this one". "*" covers codings the
// header does not name.
func negotiate(header string) encoding {
	switch header {
	case "":
		return identity
	// What browsers and common clients send, answered without parsing.
	case "gzip, deflate, br, zstd", "gzip, deflate, br", "br, gzip", "gzip, br", "br":
		return brEnc
	case "gzip", "gzip, deflate", "deflate, gzip":
		return gzipEnc
	}
	qBr, qGzip, qStar := -1.0, -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0 // an unreadable weight is no permission
				}
				q = f
			}
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "br":
			qBr = q
		case "gzip", "x-gzip":
			qGzip = q
		case "*":
			qStar = q
		}
	}
	if qBr < 0 {
		qBr = qStar
	}
	if qGzip < 0 {
		qGzip = qStar
	}
	switch {
	case qBr > 0 && qBr >= qGzip:
		return brEnc
	case qGzip > 0:
		return gzipEnc
	}
	return identity
}

// minCompressSize: below this, a coding's framing costs more than it saves.
const minCompressSize = 512

// compressible reports whether a body of this type shrinks when encoded.
func compressible(contentType string) bool {
	for _, p := range []string{"text/", "application/json", "application/problem+json", "image/svg+xml", "application/javascript", "text/javascript"} {
		if strings.HasPrefix(contentType, p) {
			return true
		}
	}
	return false
}

// effort is how hard encode works: a body the cache keeps is compressed
// once and sent many times, so it pays for the smallest output; a body
// sent once (no-store: search answers, errors, per-request JSON) must
// not cost more to compress than to compute.
type effort int

const (
	effortKept effort = iota // cached: gzip -9, Brotli 9
	effortOnce               // sent once: gzip -5, Brotli 4
)

// gzipWriters holds a pool per effort: Reset keeps a writer's level.
var gzipWriters = [...]sync.Pool{
	effortKept: {New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestCompression); return w }},
	effortOnce: {New: func() any { w, _ := gzip.NewWriterLevel(nil, 5); return w }},
}

var brotliLevel = [...]int{effortKept: 9, effortOnce: 4}

// encodeMax compresses body with e at the coding's highest level, for
// files compressed once at start.
func encodeMax(e encoding, body []byte) []byte {
	var out bytes.Buffer
	switch e {
	case gzipEnc:
		zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
		_, _ = zw.Write(body)
		_ = zw.Close()
	case brEnc:
		bw := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: brotliWindow(len(body))})
		_, _ = bw.Write(body)
		_ = bw.Close()
	default:
		return body
	}
	return out.Bytes()
}

// brotliWindow is the smallest window (log2 bytes, 10 to 24) that holds a
// body of n bytes. A window larger than the body finds nothing more, but
// at quality 11 the encoder sets up a hash table sized by the window: the
// default 4 MiB window made that setup most of the tutor's start-up time
// for files of a few kilobytes.
func brotliWindow(n int) int {
	w := 10
	for w < 24 && 1<<w < n+16 {
		w++
	}
	return w
}

// encode compresses body with e at the given effort.
func encode(e encoding, body []byte, how effort) []byte {
	var out bytes.Buffer
	switch e {
	case gzipEnc:
		zw := gzipWriters[how].Get().(*gzip.Writer)
		zw.Reset(&out)
		_, _ = zw.Write(body)
		_ = zw.Close()
		gzipWriters[how].Put(zw)
	case brEnc:
		bw := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: brotliLevel[how], LGWin: brotliWindow(len(body))})
		_, _ = bw.Write(body)
		_ = bw.Close()
	default:
		return body
	}
	return out.Bytes()
}
