package sqlfunc

import (
	"errors"
	"strconv"
	"sync"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's SAFE.f(...): f gives NULL where it would fail. The translator
// writes a call of a registered function inside SAFE. as
// safe_call(args..., 'name'); every failure of a function goes through
// resultError, which gives NULL while its call runs under safe_call. The
// name comes last so that each argument keeps its place, where a function
// keeps what it derived from a constant argument (SetAuxData).

func init() {
	// Volatile: it may call a volatile function (the name decides).
	add(Func{Name: "safe_call", NArgs: -1, Scalar: safeCall, Volatile: true})
}

// safeCalls are the calls running under safe_call, by their context.
var safeCalls sync.Map

// resultError makes err the result of the call of ctx, or NULL when the
// call runs under safe_call.
func resultError(ctx sqlite3.Context, err error) {
	if _, safe := safeCalls.Load(ctx); safe {
		ctx.ResultNull()
		return
	}
	ctx.ResultError(err)
}

var (
	scalarsOnce sync.Once
	scalars     map[string]map[int]func(sqlite3.Context, ...sqlite3.Value)
)

// scalarOf is the registered scalar function name taking n arguments.
func scalarOf(name string, n int) func(sqlite3.Context, ...sqlite3.Value) {
	scalarsOnce.Do(func() {
		scalars = map[string]map[int]func(sqlite3.Context, ...sqlite3.Value){}
		for _, f := range registry {
			if f.Scalar == nil || f.Name == "safe_call" {
				continue
			}
			if scalars[f.Name] == nil {
				scalars[f.Name] = map[int]func(sqlite3.Context, ...sqlite3.Value){}
			}
			scalars[f.Name][f.NArgs] = f.Scalar
		}
	})
	if f := scalars[name][n]; f != nil {
		return f
	}
	return scalars[name][-1]
}

// IsScalar tells whether name is a registered scalar function (of any
// number of arguments), which safe_call can run.
func IsScalar(name string) bool {
	scalarOf(name, 0)
	return scalars[name] != nil
}

func safeCall(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if len(arg) == 0 {
		ctx.ResultError(errors.New("safe_call: takes the arguments and the function's name"))
		return
	}
	name := arg[len(arg)-1].Text()
	f := scalarOf(name, len(arg)-1)
	if f == nil {
		ctx.ResultError(errors.New("safe_call: no function " + name + " of " + strconv.Itoa(len(arg)-1) + " arguments"))
		return
	}
	safeCalls.Store(ctx, struct{}{})
	defer safeCalls.Delete(ctx)
	f(ctx, arg[:len(arg)-1]...)
}
