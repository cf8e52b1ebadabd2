// Package cache is the tutor's one bounded cache: a least-recently-used
// map capped by the bytes its values hold, safe for concurrent use. Rendered
// players, standalone SVGs, compressed page bodies and /compare all live in
// one of these, so memory stays flat whatever a crawler asks for.
package cache

import (
	"sync"
	"sync/atomic"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// Sizer is a value that knows roughly how many bytes it holds.
type Sizer interface{ Size() int }

// Bytes is a byte slice that reports its own size.
type Bytes []byte

// Size reports len(b).
func (b Bytes) Size() int { return len(b) }

// LRU is a least-recently-used cache of values of type V, bounded by the
// sum of their sizes. A value larger than the whole budget is not kept.
type LRU[K comparable, V Sizer] struct {
	mu     sync.Mutex
	lru    *simplelru.LRU[K, V]
	used   int
	budget int

	hits, misses atomic.Uint64
}

// New returns an LRU that holds at most budget bytes of values.
func New[K comparable, V Sizer](budget int) *LRU[K, V] {
	c := &LRU[K, V]{budget: budget}
	// The entry count is bounded by the byte budget, not by simplelru: a
	// huge count limit leaves eviction to Add below.
	l, err := simplelru.NewLRU[K, V](1<<30, func(_ K, v V) { c.used -= v.Size() })
	if err != nil {
		panic(err) // only for a non-positive size, which 1<<30 is not
	}
	c.lru = l
	return c
}

// Get returns the value for key and whether it was there, and counts the
// hit or miss.
func (c *LRU[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	v, ok := c.lru.Get(key)
	c.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return v, ok
}

// Add stores v under key, evicting the least recently used values until
// the budget holds.
func (c *LRU[K, V]) Add(key K, v V) {
	size := v.Size()
	if size > c.budget {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key) // a replaced value gives its bytes back first
	c.lru.Add(key, v)
	c.used += size
	for c.used > c.budget {
		c.lru.RemoveOldest()
	}
}

// GetOrAdd returns the cached value for key, or computes, stores and
// returns it. Two callers that miss at once may both compute; the values
// are deterministic, so either result is right.
func (c *LRU[K, V]) GetOrAdd(key K, compute func() (V, error)) (V, error) {
	if v, ok := c.Get(key); ok {
		return v, nil
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	c.Add(key, v)
	return v, nil
}

// Stats is a snapshot of a cache's use, for metrics and tests.
type Stats struct {
	Hits, Misses uint64
	Entries      int
	Bytes        int
	Budget       int
}

// Stats reports hits, misses, entries and bytes held.
func (c *LRU[K, V]) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Stats{Hits: c.hits.Load(), Misses: c.misses.Load(), Entries: c.lru.Len(), Bytes: c.used, Budget: c.budget}
}
