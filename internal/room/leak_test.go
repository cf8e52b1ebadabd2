package room

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestManyJoinsAndDisconnectsLeakNothing opens and drops hundreds of
// streams on each hub, with drives in between, then checks that every
// forwarder ended and every participant left.
func TestManyJoinsAndDisconnectsLeakNothing(t *testing.T) {
	for name, prepare := range hubMakers() {
		t.Run(name, func(t *testing.T) {
			mk := prepare(t)
			before := goleak.IgnoreCurrent() // what ran before this hub existed
			h := mk(t, opts())
			ctx := ctxT(t)
			c, err := h.Create(ctx, step(0))
			require.NoError(t, err)
			var wg sync.WaitGroup
			for i := range 300 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sctx, cancel := context.WithCancel(ctx)
					defer cancel()
					id, err := h.Join(ctx, c.Code, "")
					if !assert.NoError(t, err) {
						return
					}
					ch, err := h.Subscribe(sctx, c.Code, 0)
					if !assert.NoError(t, err) {
						return
					}
					<-ch
					if i%3 == 0 { // some leave without reading further
						cancel()
					}
					assert.NoError(t, h.Leave(ctx, c.Code, id))
				}()
				if i%50 == 0 {
					_, err := h.Drive(ctx, c.Code, c.Token, step(i/50%4))
					require.NoError(t, err)
				}
			}
			wg.Wait()
			snap, err := h.Get(ctx, c.Code)
			require.NoError(t, err)
			assert.Equal(t, 0, snap.Followers)
			fan := fanOf(h)
			require.Eventually(t, func() bool { return fan.count() == 0 }, ctxDeadline, tick)
			require.NoError(t, h.Close())
			goleak.VerifyNone(t, before)
		})
	}
}
