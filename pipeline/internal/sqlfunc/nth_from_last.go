package sqlfunc

import "github.com/ncruces/go-sqlite3"

// nth_value_from_last(x, n) OVER (...) is Snowflake's NTH_VALUE(x, n) FROM
// LAST: the n-th value of the window frame counted from its end (1 the
// last), NULL where the frame has fewer than n rows; NULLs count as values.
// It keeps the frame's rows so that rows leaving the frame (Inverse) drop
// out.
type frameFromLast struct {
	n    int64
	bad  string
	rows []*sqlite3.Value // nil for a NULL
}

func (f *frameFromLast) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if n, ok := integer(arg[1]); ok && n >= 1 && arg[1].Type() != sqlite3.TEXT {
		f.n = n
	} else {
		f.bad = arg[1].Text()
	}
	if arg[0].Type() == sqlite3.NULL {
		f.rows = append(f.rows, nil)
		return
	}
	f.rows = append(f.rows, arg[0].Dup())
}

func (f *frameFromLast) Inverse(_ sqlite3.Context, _ ...sqlite3.Value) {
	if len(f.rows) > 0 {
		if f.rows[0] != nil {
			f.rows[0].Close()
		}
		f.rows = f.rows[1:]
	}
}

func (f *frameFromLast) Value(ctx sqlite3.Context) {
	if f.bad != "" {
		resultError(ctx, errorString("NTH_VALUE: the position "+f.bad+" is not a positive integer"))
		return
	}
	j := int64(len(f.rows)) - f.n
	if f.n < 1 || j < 0 || f.rows[j] == nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*f.rows[j])
}

func (f *frameFromLast) Close() error {
	for _, v := range f.rows {
		if v != nil {
			v.Close()
		}
	}
	f.rows = nil
	return nil
}

func init() {
	add(Func{Name: "nth_value_from_last", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &frameFromLast{} }})
}
