//go:build js && wasm

// Command wasm is the playground's WebAssembly entry. It runs inside a Web
// Worker and exposes one object to JavaScript:
//
//	nexusBridge.call(requestJSON, onSteps, id, files) -> Promise<responseJSON>
//	nexusBridge.cancel(id)
//
// Requests and responses are the JSON of package bridge; id is the
// request's id (cancel names it); files, when given, is the request's files
// as an object of path to text, read string by string (decoding them from
// JSON costs more in js/wasm). onSteps receives the run-log steps while
// a build runs, as a JSON array of the steps that finished since the last
// call: one call per step would cost a message to the page per step. This
// file only converts values between JavaScript and Go.
package main

import (
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

// stepsAfter is when a build sends its first steps: a quicker build sends
// none, and the page shows its log from the result, laying the page out
// once instead of while the result is on its way.
const stepsAfter = 100 * time.Millisecond

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
		var files map[string]string
		if len(args) > 3 && args[3].Type() == js.TypeObject {
			files = jsFiles(args[3])
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
				var stepsMu sync.Mutex
				var steps []pipeline.Step
				sent := time.Now().Add(stepsAfter - stepsEvery)
				flush := func() {
					stepsMu.Lock()
					defer stepsMu.Unlock()
					if len(steps) > 0 {
						if data, err := json.Marshal(steps); err == nil {
							onStep.Invoke(string(data))
						}
						steps, sent = nil, time.Now()
					}
				}
				// The steps done before a long node are sent while it runs
				// (the timer fires when SQLite yields, see yield.go).
				timer := time.AfterFunc(stepsAfter, flush)
				progress := func(s pipeline.Step) {
					if onStep.Type() != js.TypeFunction {
						return
					}
					stepsMu.Lock()
					steps = append(steps, s)
					due := time.Since(sent) >= stepsEvery
					stepsMu.Unlock()
					if due {
						flush()
					}
				}
				out, ok := b.HandleJSON(newYieldingContext(ctx), in, files, progress)
				timer.Stop()
				// A successful build's result holds all its steps, and the
				// page shows the ones it has not had from it.
				if !ok {
					flush()
				}
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

// jsFiles reads an object of path to text.
func jsFiles(obj js.Value) map[string]string {
	keys := js.Global().Get("Object").Call("keys", obj)
	files := make(map[string]string, keys.Length())
	for i := range keys.Length() {
		k := keys.Index(i).String()
		files[k] = obj.Get(k).String()
	}
	return files
}
