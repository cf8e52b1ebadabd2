package cache

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLRUEvictsLeastRecentlyUsedByBytes(t *testing.T) {
	c := New[string, Bytes](10)
	c.Add("a", Bytes("aaaa"))
	c.Add("b", Bytes("bbbb"))
	_, _ = c.Get("a") // a is now more recent than b
	c.Add("c", Bytes("cccc"))
	_, okA := c.Get("a")
	_, okB := c.Get("b")
	_, okC := c.Get("c")
	assert.True(t, okA)
	assert.False(t, okB, "b was least recently used")
	assert.True(t, okC)
	st := c.Stats()
	assert.Equal(t, 8, st.Bytes)
	assert.Equal(t, 2, st.Entries)
	assert.Equal(t, uint64(3), st.Hits)
	assert.Equal(t, uint64(1), st.Misses)
}

func TestLRUReplaceAndOversize(t *testing.T) {
	c := New[string, Bytes](10)
	c.Add("a", Bytes("aaaa"))
	c.Add("a", Bytes("aaaaaa"))
	assert.Equal(t, 6, c.Stats().Bytes, "a replaced value gives its bytes back")
	c.Add("huge", Bytes(strings.Repeat("x", 11)))
	_, ok := c.Get("huge")
	assert.False(t, ok, "a value over the budget is not kept")
	v, _ := c.Get("a")
	assert.Equal(t, "aaaaaa", string(v))
}

func TestGetOrAdd(t *testing.T) {
	c := New[int, Bytes](100)
	calls := 0
	f := func() (Bytes, error) { calls++; return Bytes("v"), nil }
	for range 3 {
		v, err := c.GetOrAdd(1, f)
		require.NoError(t, err)
		assert.Equal(t, "v", string(v))
	}
	assert.Equal(t, 1, calls)
	_, err := c.GetOrAdd(2, func() (Bytes, error) { return nil, errors.New("boom") })
	require.Error(t, err)
	_, ok := c.Get(2)
	assert.False(t, ok, "a failed computation is not cached")
}

func TestLRUConcurrentUseStaysInBudget(t *testing.T) {
	c := New[int, Bytes](64)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				c.Add(g*1000+i, Bytes("12345678"))
				_, _ = c.Get(i)
			}
		}()
	}
	wg.Wait()
	st := c.Stats()
	assert.LessOrEqual(t, st.Bytes, 64)
	assert.Equal(t, st.Entries*8, st.Bytes)
}
