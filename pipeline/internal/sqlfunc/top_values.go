package sqlfunc

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's APPROX_TOP_COUNT(x, n) and APPROX_TOP_SUM(x, weight, n),
// computed exactly: the n values of x with the most rows (the largest sum
// of weight), as an array of structs {value, count} ({value, sum}), most
// first, ties in the order the values were first met. NULL is a value
// like any other; a NULL weight adds nothing, and a value with only NULL
// weights has a NULL sum, ranked last.

func init() {
	add(Func{Name: "approx_top_count", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &topValues{} }},
		Func{Name: "approx_top_sum", NArgs: 3, Window: func() sqlite3.AggregateFunction { return &topValues{sum: true} }})
}

type topValues struct {
	sum    bool
	n      int64
	order  []string // the values' keys, in the order met
	vals   map[string]json.RawMessage
	totals map[string]float64
	summed map[string]bool // a weight that is not NULL was added
	ints   bool            // every weight a whole number
	err    bool
}

func (a *topValues) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.err {
		return
	}
	fn, nArg := "APPROX_TOP_COUNT", arg[1]
	if a.sum {
		fn, nArg = "APPROX_TOP_SUM", arg[2]
	}
	if a.vals == nil {
		n, ok := integer(nArg)
		if !ok || n < 1 || nArg.Type() != sqlite3.INTEGER {
			a.err = true
			resultError(ctx, fmt.Errorf("%s: the number of values must be a positive INT64, not %s", fn, nArg.Text()))
			return
		}
		a.n, a.vals, a.totals, a.summed, a.ints = n, map[string]json.RawMessage{}, map[string]float64{}, map[string]bool{}, true
	}
	v := valueJSON(arg[0])
	k := jsonKey(v)
	if _, seen := a.vals[k]; !seen {
		a.vals[k] = v
		a.order = append(a.order, k)
	}
	w := 1.0
	if a.sum {
		if arg[1].Type() == sqlite3.NULL {
			return
		}
		f, ok := number(arg[1])
		if !ok || arg[1].Type() == sqlite3.TEXT {
			a.err = true
			resultError(ctx, fmt.Errorf("%s: the weight must be a number, not %s", fn, arg[1].Text()))
			return
		}
		if arg[1].Type() != sqlite3.INTEGER {
			a.ints = false
		}
		w = f
	}
	a.totals[k] += w
	a.summed[k] = true
}

func (a *topValues) Value(ctx sqlite3.Context) {
	keys := slices.Clone(a.order)
	slices.SortStableFunc(keys, func(x, y string) int {
		switch tx, ty := a.totals[x], a.totals[y]; {
		case a.summed[x] != a.summed[y]:
			if a.summed[x] {
				return -1
			}
			return 1
		case tx > ty:
			return -1
		case tx < ty:
			return 1
		}
		return 0
	})
	if int64(len(keys)) > a.n {
		keys = keys[:a.n]
	}
	field := "count"
	if a.sum {
		field = "sum"
	}
	items := make([]json.RawMessage, 0, len(keys))
	for _, k := range keys {
		total := any(a.totals[k])
		if a.ints || !a.sum {
			total = int64(a.totals[k])
		}
		if !a.summed[k] {
			total = nil
		}
		t, _ := json.Marshal(total)
		items = append(items, json.RawMessage(`{"value":`+string(a.vals[k])+`,"`+field+`":`+string(t)+`}`))
	}
	resultArray(ctx, items)
	ctx.ResultSubtype(jsonSubtype)
}
