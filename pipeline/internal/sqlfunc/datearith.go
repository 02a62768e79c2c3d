package sqlfunc

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// date_arith(x, y, op, line) is DuckDB's x + y or x - y where the
// translator cannot tell whether an operand is a DATE (a column, LAG(d)...).
// Dates are 'YYYY-MM-DD' text here, which SQLite's own + and - read as the
// year: a date ± n days is a date and date - date the days between, as in
// DuckDB; numbers add as SQLite adds them; timestamp - timestamp is an
// INTERVAL (interval.go). A number added to a timestamp and text that is no
// number fail, naming the line.

func init() {
	add(Func{Name: "date_arith", NArgs: 4, Scalar: dateArith})
}

func dateArith(ctx sqlite3.Context, args ...sqlite3.Value) {
	x, y, op, line := args[0], args[1], args[2].Text(), args[3]
	if x.Type() == sqlite3.NULL || y.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	xd, xIsDate := dateValue(x)
	yd, yIsDate := dateValue(y)
	if op == "-" && (xIsDate || isTimestampText(x)) && (yIsDate || isTimestampText(y)) && !(xIsDate && yIsDate) {
		// timestamps the translator could not see: an INTERVAL
		timestampMinus(ctx, x, y)
		return
	}
	switch {
	case xIsDate && yIsDate && op == "-":
		ctx.ResultInt64(int64(math.Round(xd.Sub(yd).Hours() / 24)))
		return
	case xIsDate || yIsDate && op == "+":
		d, n := xd, y
		if !xIsDate {
			d, n = yd, x
		}
		days, ok := wholeNumber(n)
		if !ok {
			lineError(ctx, line, "%s %s %s: a DATE %s a whole number of days or, for -, another DATE; write date_add(d, INTERVAL n DAY)", x.Text(), op, y.Text(), map[string]string{"+": "adds", "-": "takes"}[op])
			return
		}
		if op == "-" {
			days = -days
		}
		ctx.ResultText(d.AddDate(0, 0, int(days)).Format(time.DateOnly))
		return
	}
	if isTimestampText(x) || isTimestampText(y) {
		lineError(ctx, line, "%s %s %s: DuckDB takes no number from or to a TIMESTAMP; write ts + INTERVAL n HOUR", x.Text(), op, y.Text())
		return
	}
	a, i, aInt, ok1 := numeric(x)
	b, j, bInt, ok2 := numeric(y)
	if !ok1 || !ok2 {
		lineError(ctx, line, "%s %s %s: DuckDB adds and subtracts numbers and dates, not text", x.Text(), op, y.Text())
		return
	}
	if aInt && bInt && (op == "+" || j != math.MinInt64) {
		if op == "-" {
			j = -j
		}
		if s := i + j; (s > i) == (j > 0) {
			ctx.ResultInt64(s)
			return
		}
	}
	if op == "-" {
		b = -b
	}
	ctx.ResultFloat(a + b)
}

// dateValue reads v as a DATE: 'YYYY-MM-DD' text.
func dateValue(v sqlite3.Value) (time.Time, bool) {
	if v.Type() != sqlite3.TEXT {
		return time.Time{}, false
	}
	s := v.Text()
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, s)
	return d, err == nil
}

// isTimestampText tells whether v is text holding a date and a time.
func isTimestampText(v sqlite3.Value) bool {
	if v.Type() != sqlite3.TEXT || !strings.Contains(v.Text(), ":") {
		return false
	}
	_, ok := parseTimestampText(v.Text())
	return ok
}

// wholeNumber reads v as a whole number: an integer, a real without a
// fraction or their text.
func wholeNumber(v sqlite3.Value) (int64, bool) {
	f, i, isInt, ok := numeric(v)
	if isInt {
		return i, true
	}
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		return 0, false
	}
	return int64(f), true
}

// numeric reads v as a number: its value as a real, and as an integer
// when it is one; text is read as numeric text.
func numeric(v sqlite3.Value) (f float64, i int64, isInt, ok bool) {
	switch v.Type() {
	case sqlite3.INTEGER:
		return float64(v.Int64()), v.Int64(), true, true
	case sqlite3.FLOAT:
		return v.Float(), 0, false, true
	case sqlite3.TEXT:
		s := strings.TrimSpace(v.Text())
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return float64(i), i, true, true
		}
		f, err := strconv.ParseFloat(s, 64)
		return f, 0, false, err == nil
	}
	return 0, 0, false, false
}
