//go:build js && wasm

package main

import (
	"context"
	"time"
)

// yieldingContext lets a cancel message reach Go while SQLite is busy.
//
// Go on js/wasm has one thread: the worker's event loop, which delivers the
// page's "cancel" message, only runs when every goroutine is blocked. SQLite
// calls Err on the context it was given about every thousand virtual-machine
// steps, so Err parks the goroutine for a millisecond every yieldEvery. That
// hands the event loop a turn, the cancel lands, and the next Err reports it,
// which interrupts the statement and leaves the database usable.
type yieldingContext struct {
	context.Context
	last time.Time
}

const yieldEvery = 50 * time.Millisecond

func newYieldingContext(ctx context.Context) context.Context {
	return &yieldingContext{Context: ctx, last: time.Now()}
}

func (c *yieldingContext) Err() error {
	if now := time.Now(); now.Sub(c.last) >= yieldEvery {
		time.Sleep(time.Millisecond)
		c.last = time.Now()
	}
	return c.Context.Err()
}
