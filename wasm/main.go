//go:build js && wasm

// Command wasm is the playground's WebAssembly entry. It runs inside a Web
// Worker and exposes one object to JavaScript:
//
//	nexusBridge.call(requestJSON, onSteps, id) -> Promise<responseJSON>
//	nexusBridge.cancel(id)
//
// Requests and responses are the JSON of package bridge; id is the
// request's id (cancel names it). onSteps receives the run-log steps while
// a build runs, as a JSON array of the steps that finished since the last
// call: one call per step would cost a message to the page per step. This
// file only converts values between JavaScript and Go.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"syscall/js"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/wasm/bridge"
)

// stepsEvery is how often a build's finished steps go to the page: often
// enough for the status line to count, rarely enough that a build of many
// quick steps sends a few messages, not one per step.
const stepsEvery = 40 * time.Millisecond

func main() {
	b := bridge.New(":memory:")
	var mu sync.Mutex
	cancels := map[int]context.CancelFunc{}

	call := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return js.Global().Get("Promise").Call("reject", "nexusBridge.call needs a JSON string")
		}
		in := args[0].String()
		onStep := js.Undefined()
		if len(args) > 1 && args[1].Type() == js.TypeFunction {
			onStep = args[1]
		}
		// The worker passes the id beside the request, so a large request
		// (a project's files) is not decoded once more just to find it.
		var head struct {
			ID int `json:"id"`
		}
		if len(args) > 2 && args[2].Type() == js.TypeNumber {
			head.ID = args[2].Int()
		} else {
			_ = json.Unmarshal([]byte(in), &head)
		}
		ctx, cancel := context.WithCancel(context.Background())
		mu.Lock()
		cancels[head.ID] = cancel
		mu.Unlock()

		executor := js.FuncOf(func(_ js.Value, pargs []js.Value) any {
			resolve := pargs[0]
			// The work runs on its own goroutine: a js.Func must not block,
			// and while the work waits in yieldingContext the worker's
			// event loop can deliver a cancel.
			go func() {
				defer func() {
					mu.Lock()
					delete(cancels, head.ID)
					mu.Unlock()
					cancel()
				}()
				var steps [][]byte
				var sent time.Time
				flush := func() {
					if len(steps) > 0 {
						onStep.Invoke("[" + string(bytes.Join(steps, []byte(","))) + "]")
						steps, sent = nil, time.Now()
					}
				}
				progress := func(s pipeline.Step) {
					if onStep.Type() != js.TypeFunction {
						return
					}
					if data, err := json.Marshal(s); err == nil {
						steps = append(steps, data)
					}
					if time.Since(sent) >= stepsEvery {
						flush()
					}
				}
				out := b.HandleJSON(newYieldingContext(ctx), in, progress)
				flush()
				resolve.Invoke(out)
			}()
			return nil
		})
		defer executor.Release()
		return js.Global().Get("Promise").New(executor)
	})

	cancel := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return false
		}
		mu.Lock()
		c, ok := cancels[args[0].Int()]
		mu.Unlock()
		if ok {
			c()
		}
		return ok
	})

	obj := js.Global().Get("Object").New()
	obj.Set("call", call)
	obj.Set("cancel", cancel)
	js.Global().Set("nexusBridge", obj)
	if ready := js.Global().Get("nexusReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
