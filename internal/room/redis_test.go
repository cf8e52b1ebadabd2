package room

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/room/redistest"
)

// TestRedisRoomRecoversAfterRedisRestarts kills Redis mid-session: the
// hub says so with *UnavailableError, the stream hears "trouble", and
// once Redis is back (with its append-only file) the room carries on and
// the stream resynchronises.
func TestRedisRoomRecoversAfterRedisRestarts(t *testing.T) {
	srv := redistest.Start(t)
	h := newRedisHub(t, srv, opts())
	ctx := ctxT(t)
	c, err := h.Create(ctx, step(0))
	require.NoError(t, err)
	ch, err := h.Subscribe(ctx, c.Code, 0)
	require.NoError(t, err)
	next(t, ch)
	_, err = h.Drive(ctx, c.Code, c.Token, step(1))
	require.NoError(t, err)
	assert.Equal(t, step(1), next(t, ch).State)

	srv.Kill()
	_, err = h.Drive(ctx, c.Code, c.Token, step(2))
	var ue *UnavailableError
	require.ErrorAs(t, err, &ue, "a Redis that is gone is a typed error, not a hang")
	assert.Error(t, h.Ping(ctx))
	assert.Equal(t, KindTrouble, next(t, ch).Kind, "followers are told")

	require.NoError(t, srv.Start())
	require.Eventually(t, func() bool {
		_, err = h.Drive(ctx, c.Code, c.Token, step(2))
		return err == nil
	}, 10*time.Second, 100*time.Millisecond, "the room drives again once Redis is back: %v", err)
	deadline := time.After(5 * time.Second)
	for {
		select {
		case ev := <-ch:
			if ev.Kind == KindState && ev.State == step(2) {
				snap, err := h.Get(ctx, c.Code)
				require.NoError(t, err)
				assert.Equal(t, step(2), snap.State)
				return
			}
		case <-deadline:
			t.Fatal("the stream did not resynchronise after Redis came back")
		}
	}
}

// TestRedisReplicasShareARoom: a presenter on one hub, a follower on
// another (two replicas behind a load balancer), one Redis.
func TestRedisReplicasShareARoom(t *testing.T) {
	srv := redistest.Start(t)
	a, err := NewRedis(srv.URL(), "shared:", opts())
	require.NoError(t, err)
	t.Cleanup(func() { _ = a.Close() })
	b, err := NewRedis(srv.URL(), "shared:", opts())
	require.NoError(t, err)
	t.Cleanup(func() { _ = b.Close() })
	ctx := ctxT(t)
	c, err := a.Create(ctx, step(0))
	require.NoError(t, err)
	_, err = b.Join(ctx, c.Code, "on b")
	require.NoError(t, err)
	ch, err := b.Subscribe(ctx, c.Code, 0)
	require.NoError(t, err)
	assert.Equal(t, 1, next(t, ch).Followers)
	for n := 1; n <= 3; n++ {
		_, err := a.Drive(ctx, c.Code, c.Token, step(n))
		require.NoError(t, err)
		assert.Equal(t, step(n), next(t, ch).State)
	}
	_, err = b.Drive(ctx, c.Code, "not the token", step(0))
	assert.ErrorIs(t, err, ErrForbidden)
	for _, h := range []Hub{a, b} {
		n, err := h.OpenRooms(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, n, "every replica counts the room")
	}
}

// TestRedisUnreachableAtStart: a server whose Redis is down still starts;
// its calls fail fast with the typed error.
func TestRedisUnreachableAtStart(t *testing.T) {
	h, err := NewRedis("redis://127.0.0.1:1/0", "", opts())
	require.NoError(t, err)
	defer h.Close()
	start := time.Now()
	_, err = h.Create(context.Background(), step(0))
	var ue *UnavailableError
	assert.True(t, errors.As(err, &ue), "got %v", err)
	assert.Less(t, time.Since(start), 5*time.Second)
}
