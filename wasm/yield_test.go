//go:build js && wasm

package main

import (
	"context"
	"syscall/js"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/wasm/bridge"
)

// TestCancelFromTheEventLoopStopsSQLite cancels a runaway query from a
// JavaScript timer, as the worker's cancel message does. The timer can only
// fire if the query hands the event loop a turn, which is what
// yieldingContext is for; without it this test would never end.
func TestCancelFromTheEventLoopStopsSQLite(t *testing.T) {
	b := bridge.New(":memory:")
	// Open the database first: its one-off start-up is not the cancel's cost.
	if warm := b.Handle(context.Background(), bridge.Request{Op: "query", SQL: "select 1"}, nil); !warm.OK {
		t.Fatalf("first query: %+v", warm.Error)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var timer js.Func
	timer = js.FuncOf(func(js.Value, []js.Value) any {
		cancel()
		timer.Release()
		return nil
	})
	js.Global().Call("setTimeout", timer, 300)

	start := time.Now()
	resp := b.Handle(newYieldingContext(ctx), bridge.Request{
		Op:  "query",
		SQL: "with recursive r(n) as (select 1 union all select n+1 from r) select count(*) from r",
	}, nil)
	took := time.Since(start)
	if resp.OK || resp.Error == nil || resp.Error.Message != "stopped" {
		t.Fatalf("want the query stopped, got %+v", resp)
	}
	// The query never ends by itself, so its return is the proof that the
	// cancel landed: without the yield it would hang until go test's limit.
	// How fast Stop feels is measured by the browser test, not here: a
	// loaded machine delays the timer by seconds.
	t.Logf("the cancel landed %v after the query started (the timer fires at 300ms)", took)
	// The database still answers.
	if again := b.Handle(context.Background(), bridge.Request{Op: "query", SQL: "select 1"}, nil); !again.OK {
		t.Fatalf("query after the cancel: %+v", again.Error)
	}
}
