//go:build js && wasm

// Command wasm is the playground's WebAssembly entry. It runs inside a Web
// Worker and exposes one object to JavaScript:
//
//	nexusBridge.call(requestJSON, onStep) -> Promise<responseJSON>
//	nexusBridge.cancel(id)
//
// Requests and responses are the JSON of package bridge; onStep receives
// each run-log step as JSON while a build runs. This file only converts
// values between JavaScript and Go.
package main

import (
	"context"
	"encoding/json"
	"sync"
	"syscall/js"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/wasm/bridge"
)

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
		var head struct {
			ID int `json:"id"`
		}
		_ = json.Unmarshal([]byte(in), &head)
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
				progress := func(s pipeline.Step) {
					if onStep.Type() == js.TypeFunction {
						if data, err := json.Marshal(s); err == nil {
							onStep.Invoke(string(data))
						}
					}
				}
				resolve.Invoke(b.HandleJSON(newYieldingContext(ctx), in, progress))
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
