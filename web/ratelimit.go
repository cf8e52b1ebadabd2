package web

import (
	"net/http"
	"net/netip"
	"strconv"
	"time"

	"golang.org/x/time/rate"

	"github.com/ekstutor/ekstutor/internal/cache"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// clientLimits are token buckets per client address. They live in the
// bounded LRU: a server facing many addresses keeps the most recent
// clients (a forgotten client starts again with a full bucket, which is
// the generous way to fail).
type clientLimits struct {
	every rate.Limit
	burst int
	byIP  *cache.LRU[netip.Addr, *bucket]
}

type bucket struct{ *rate.Limiter }

// Size: a limiter and its map slot, about 128 bytes.
func (*bucket) Size() int { return 128 }

// limitClients keeps up to about 100,000 clients' buckets.
const limiterBudget = 100_000 * 128

func newClientLimits(every rate.Limit, burst int) *clientLimits {
	return &clientLimits{every: every, burst: burst, byIP: cache.New[netip.Addr, *bucket](limiterBudget)}
}

// allow takes a token for client, or says how long until one is there.
func (l *clientLimits) allow(client netip.Addr, now time.Time) (bool, time.Duration) {
	b, _ := l.byIP.GetOrAdd(client, func() (*bucket, error) {
		return &bucket{rate.NewLimiter(l.every, l.burst)}, nil
	})
	res := b.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

// errTooMany is the 429 a client gets past its limit, with when to retry.
func errTooMany(retry time.Duration) *Error {
	secs := int(retry/time.Second) + 1
	n := strconv.Itoa(secs)
	return &Error{Status: http.StatusTooManyRequests, RetryAfter: secs, Detail: topology.Text{
		EN: "Too many submissions from your address in a short time. Wait " + n + " s and send it again; nothing you entered was lost.",
		KO: "짧은 시간에 이 주소에서 너무 많이 보냈습니다. " + n + "초 뒤에 다시 보내 주세요. 입력한 내용은 그대로 있습니다.",
	}}
}
