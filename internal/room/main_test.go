package room

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestMain fails the package if any test leaves a goroutine behind: every
// hub's sweeper, pub/sub loop and stream forwarder must end on Close or
// on its context.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// For require.Eventually.
const (
	ctxDeadline = 5 * time.Second
	tick        = 10 * time.Millisecond
)

// fanOf reaches a hub's fanout, to count open streams.
func fanOf(h Hub) *fanout {
	switch h := h.(type) {
	case *memoryHub:
		return h.fan
	case *redisHub:
		return h.fan
	}
	panic("unknown hub")
}
