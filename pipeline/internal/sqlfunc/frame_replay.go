package sqlfunc

import (
	"io"

	"github.com/ncruces/go-sqlite3"
)

// A window frame that does not start at UNBOUNDED PRECEDING (ROWS BETWEEN
// CURRENT ROW AND UNBOUNDED FOLLOWING, 3 PRECEDING AND CURRENT ROW) makes
// SQLite remove the rows leaving it from the aggregate with xInverse. An
// aggregate that cannot remove a row is wrapped in a frameReplay, which
// keeps the rows of the frame and, once rows have left it, computes the
// value anew over the rows still in it, as the warehouses give it.
//
// An aggregate that can remove a row is handed, by a stepOrder, the
// arguments its xStep read for the row leaving, not those SQLite gives
// xInverse: every function of ours may read subtypes, so SQLite evaluates
// its arguments again for the leaving row, and a correlated subquery in
// them (list_reduce's fold) reads the current row instead, so that
// sum(list_reduce(...)) OVER (ROWS 1 PRECEDING) took away the wrong value.
// Rows leave a frame in the order they entered it.

// withInverse makes the aggregates mk builds window functions.
func withInverse(mk sqlite3.AggregateConstructor) sqlite3.AggregateConstructor {
	return func() sqlite3.AggregateFunction {
		a := mk()
		if w, ok := a.(sqlite3.WindowFunction); ok {
			return &stepOrder{inner: w}
		}
		return &frameReplay{mk: mk, inner: a}
	}
}

type stepOrder struct {
	inner sqlite3.WindowFunction
	rows  [][]*sqlite3.Value // the frame's rows, oldest first, from head
	head  int
}

func (w *stepOrder) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	w.rows = append(w.rows, dupRow(arg))
	w.inner.Step(ctx, arg...)
}

func (w *stepOrder) Inverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if w.head >= len(w.rows) {
		w.inner.Inverse(ctx, arg...)
		return
	}
	row := w.rows[w.head]
	args := make([]sqlite3.Value, len(row))
	for i, v := range row {
		args[i] = *v
	}
	w.inner.Inverse(ctx, args...)
	closeRow(row)
	w.rows[w.head] = nil
	w.head++
	if w.head > 64 && w.head*2 > len(w.rows) {
		w.rows = append(w.rows[:0], w.rows[w.head:]...)
		w.head = 0
	}
}

func (w *stepOrder) Value(ctx sqlite3.Context) { w.inner.Value(ctx) }

func (w *stepOrder) Close() error {
	for _, row := range w.rows[w.head:] {
		closeRow(row)
	}
	w.rows = nil
	return closeAgg(w.inner)
}

type frameReplay struct {
	mk    sqlite3.AggregateConstructor
	inner sqlite3.AggregateFunction
	rows  [][]*sqlite3.Value // the frame's rows, oldest first, from head
	head  int
	stale bool // rows left the frame since inner was built
}

func (w *frameReplay) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	w.rows = append(w.rows, dupRow(arg))
	if !w.stale {
		w.inner.Step(ctx, arg...)
	}
}

func (w *frameReplay) Inverse(_ sqlite3.Context, _ ...sqlite3.Value) {
	if w.head >= len(w.rows) {
		return
	}
	closeRow(w.rows[w.head])
	w.rows[w.head] = nil
	w.head++
	w.stale = true
	if w.head > 64 && w.head*2 > len(w.rows) {
		w.rows = append(w.rows[:0], w.rows[w.head:]...)
		w.head = 0
	}
}

func (w *frameReplay) Value(ctx sqlite3.Context) {
	if w.stale {
		closeAgg(w.inner)
		w.inner = w.mk()
		args := []sqlite3.Value{}
		for _, row := range w.rows[w.head:] {
			args = args[:0]
			for _, v := range row {
				args = append(args, *v)
			}
			w.inner.Step(ctx, args...)
		}
		w.stale = false
	}
	w.inner.Value(ctx)
}

func (w *frameReplay) Close() error {
	for _, row := range w.rows[w.head:] {
		closeRow(row)
	}
	w.rows = nil
	return closeAgg(w.inner)
}

func dupRow(arg []sqlite3.Value) []*sqlite3.Value {
	row := make([]*sqlite3.Value, len(arg))
	for i, a := range arg {
		row[i] = a.Dup()
	}
	return row
}

func closeRow(row []*sqlite3.Value) {
	for _, v := range row {
		v.Close()
	}
}

func closeAgg(a sqlite3.AggregateFunction) error {
	if c, ok := a.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
