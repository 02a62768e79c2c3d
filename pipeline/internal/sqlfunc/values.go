package sqlfunc

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/ncruces/go-sqlite3"
)

// fail reports err as the SQL error of the call, naming the function as the
// warehouse spells it so the message points at what the user wrote.
func fail(ctx sqlite3.Context, fn string, format string, args ...any) {
	resultError(ctx, fmt.Errorf("%s: %s", fn, fmt.Sprintf(format, args...)))
}

// anyNull tells whether one of args is NULL: most warehouse functions
// return NULL then.
func anyNull(args []sqlite3.Value) bool {
	for _, a := range args {
		if a.Type() == sqlite3.NULL {
			return true
		}
	}
	return false
}

// called checks a call of fn before it computes: an argument count outside
// [lo, hi] fails saying what fn takes, and a NULL argument makes the result
// NULL, as most warehouse functions do. It reports whether to go on.
func called(ctx sqlite3.Context, fn string, args []sqlite3.Value, lo, hi int, takes string) bool {
	if len(args) < lo || len(args) > hi {
		fail(ctx, fn, "%s", takes)
		return false
	}
	return !nullCall(ctx, args)
}

// nullCall gives NULL as the result when an argument is NULL, and reports
// whether it did.
func nullCall(ctx sqlite3.Context, args []sqlite3.Value) bool {
	if anyNull(args) {
		ctx.ResultNull()
		return true
	}
	return false
}

// positiveArg reads argument i of a call, a positive integer named what
// (a position, an occurrence); 1 when the call has no argument i.
func positiveArg(ctx sqlite3.Context, fn, what string, args []sqlite3.Value, i int) (int64, bool) {
	if len(args) <= i {
		return 1, true
	}
	n, ok := integer(args[i])
	if !ok || n < 1 {
		fail(ctx, fn, "%s must be a positive integer, not %s", what, args[i].Text())
		return 0, false
	}
	return n, true
}

// text is the value as text, the way SQLite casts it.
func text(v sqlite3.Value) string { return v.Text() }

// integers reads every value as a whole number, as integer does; false when
// one is not.
func integers(vs []sqlite3.Value) ([]int64, bool) {
	out := make([]int64, len(vs))
	for i, v := range vs {
		n, ok := integer(v)
		if !ok {
			return nil, false
		}
		out[i] = n
	}
	return out, true
}

// integer reads v as a whole number: integers as they are, reals when they
// have no fraction, text when it spells an integer.
// cell is a value convert reads: an SQLite value, or a JSON value held
// in an array or a struct (cast_nested_bigquery).
type cell interface {
	Type() sqlite3.Datatype
	Int64() int64
	Float() float64
	Text() string
	RawText() []byte
	RawBlob() []byte
}

func integer[V cell](v V) (int64, bool) {
	switch v.Type() {
	case sqlite3.INTEGER:
		return v.Int64(), true
	case sqlite3.FLOAT:
		f := v.Float()
		if f == math.Trunc(f) && math.Abs(f) < 1<<62 {
			return int64(f), true
		}
	case sqlite3.TEXT:
		n, err := strconv.ParseInt(strings.TrimSpace(v.Text()), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// number reads v as a number; text must spell one.
func number(v sqlite3.Value) (float64, bool) {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return v.Float(), true
	case sqlite3.TEXT:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.Text()), 64)
		return f, err == nil
	}
	return 0, false
}

// truth reads v as a SQL condition: NULL is unknown (ok false), numbers are
// true when not zero, and text 'true'/'false' reads as the warehouses read
// it; other text as SQLite casts it.
func truth(v sqlite3.Value) (val, ok bool) {
	switch v.Type() {
	case sqlite3.NULL:
		return false, false
	case sqlite3.TEXT:
		switch strings.ToLower(strings.TrimSpace(v.Text())) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return v.Float() != 0, true
}

// boundedCache maps a key (a pattern or format text) to what was compiled
// from it. It is cleared when full: queries use few distinct patterns, and
// a query that builds patterns from data must not grow memory without end.
type boundedCache[V any] struct {
	mu sync.Mutex
	m  map[string]V
}

const cacheLimit = 512

func (c *boundedCache[V]) get(key string, build func(string) (V, error)) (V, error) {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := build(key)
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= cacheLimit {
		c.m = make(map[string]V)
	}
	c.m[key] = v
	c.mu.Unlock()
	return v, nil
}

// compiled returns what build makes of argument i of the call, from the
// statement's auxiliary data when SQLite kept it (a constant argument), or
// else from cache, and keeps it for the next row.
func compiled[V any](ctx sqlite3.Context, i int, key string, cache *boundedCache[V], build func(string) (V, error)) (V, error) {
	if aux, ok := ctx.GetAuxData(i).(auxEntry[V]); ok && aux.key == key {
		return aux.val, nil
	}
	v, err := cache.get(key, build)
	if err == nil {
		ctx.SetAuxData(i, auxEntry[V]{key, v})
	}
	return v, err
}

type auxEntry[V any] struct {
	key string
	val V
}
