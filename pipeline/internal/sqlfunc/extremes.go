package sqlfunc

import (
	"encoding/json"
	"sort"

	"github.com/ncruces/go-sqlite3"
)

// extremes_of(v, k, n, sign): DuckDB's max(x, n), min(x, n),
// arg_max(v, k, n) and arg_min(v, k, n): a list of v of the n rows with
// the largest k (sign 1) or the smallest (sign -1), in that order; rows
// with a NULL k or a NULL v are left out, as DuckDB leaves them out; an
// empty group gives NULL.

func init() {
	add(Func{Name: "extremes_of", NArgs: 4, Window: func() sqlite3.AggregateFunction { return &extremes{} }})
}

type extremes struct {
	n, sign int64
	rows    []extremeRow
}

type extremeRow struct {
	v json.RawMessage
	k *sqlite3.Value
}

func (a *extremes) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[1].Type() == sqlite3.NULL || arg[0].Type() == sqlite3.NULL {
		return
	}
	if a.n == 0 {
		n, ok := integer(arg[2])
		if !ok || n <= 0 {
			fail(ctx, "MAX", "the number of values must be a whole number above 0, not %s", arg[2].Text())
			return
		}
		a.n, a.sign = n, arg[3].Int64()
	}
	a.rows = append(a.rows, extremeRow{jsonOfValue(arg[0]), arg[1].Dup()})
}

func (a *extremes) Value(ctx sqlite3.Context) {
	if len(a.rows) == 0 {
		ctx.ResultNull()
		return
	}
	rows := append([]extremeRow(nil), a.rows...)
	sort.SliceStable(rows, func(i, j int) bool { return int64(compare(*rows[i].k, *rows[j].k))*a.sign > 0 })
	if int64(len(rows)) > a.n {
		rows = rows[:a.n]
	}
	out := make([]json.RawMessage, len(rows))
	for i, r := range rows {
		out[i] = r.v
	}
	b, _ := json.Marshal(out)
	resultJSON(ctx, b)
}

func (a *extremes) Close() error {
	for _, r := range a.rows {
		r.k.Close()
	}
	a.rows = nil
	return nil
}
