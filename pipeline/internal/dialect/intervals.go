package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB's INTERVAL values: the difference of two timestamps, age(a, b),
// INTERVAL '1 day' and to_days(n) standing alone. An interval is the text
// DuckDB prints for it ('1 day 02:30:00'); sqlfunc/interval.go reads it.
// Text does not order as durations do, so a comparison, ORDER BY, min and
// max of a value known to be an INTERVAL (statictypes.go) go through
// interval_key() and the interval aggregates.

// BigQuery's INTERVAL values are the same months, days and microseconds
// (date - date, timestamp - timestamp, INTERVAL n part standing alone,
// MAKE_INTERVAL, the JUSTIFY functions), written in BigQuery's text
// '0-0 1 2:0:0' (sqlfunc/interval_bigquery.go), which the functions of
// interval.go read and write back.

// TypeInterval is the static type of a DuckDB or BigQuery INTERVAL;
// TypeMaybeInterval that of DuckDB's b - a of values of no known type
// (date_arith), an INTERVAL when they hold timestamps, else a number.
const (
	TypeInterval      = "INTERVAL"
	TypeMaybeInterval = "INTERVAL?"
)

func (t *translator) intervalOf(n *node) bool { return t.staticType(n) == TypeInterval }

// intervalKey is the function ordering and grouping n as DuckDB does when
// n is or may be an interval: interval_key, interval_sort_key (which
// leaves other values as they are); "" for other values.
func (t *translator) intervalKey(n *node) string {
	switch t.staticType(n) {
	case TypeInterval:
		return "interval_key"
	case TypeMaybeInterval:
		return "interval_sort_key"
	}
	return ""
}

// maybeIntervalMinus tells whether n is DuckDB's b - a of values of no
// known type (but not d - 1), which date_arith() computes.
func (t *translator) maybeIntervalMinus(n *node) bool {
	if t.d != DuckDB || n.name != "-" || isIntegerLiteral(t, n.y) || t.dateOf(n.x) || t.dateOf(n.y) || t.intervalOf(n.x) || t.intervalOf(n.y) {
		return false
	}
	return t.maybeDateArithmetic(n)
}

// intervalType is the static type of the DuckDB expressions giving an
// INTERVAL, "" for the others.
func (t *translator) intervalType(n *node) string {
	if !t.hasIntervals() {
		return ""
	}
	switch n.kind {
	case nInterval:
		return TypeInterval
	case nCast:
		if castsToInterval(t, n) {
			return TypeInterval
		}
	case nCall:
		if len(n.parts) > 1 {
			return ""
		}
		if _, ok := durationUnits[n.name]; t.d == DuckDB && (ok || n.name == "age" && len(n.list) == 2) {
			return TypeInterval
		}
		if t.d == BigQuery && bigQueryIntervalFuncs[n.name] {
			return TypeInterval
		}
		if n.name == "avg" && len(n.list) == 1 {
			if typ := t.staticType(n.list[0]); typ == TypeInterval || typ == TypeMaybeInterval {
				return typ
			}
		}
	case nUnary:
		if n.name == "-" && t.intervalOf(n.x) {
			return TypeInterval
		}
	case nBinary:
		x, y := n.x, n.y
		switch n.name {
		case "-":
			if t.timestampMinus(n) {
				return TypeInterval
			}
			fallthrough
		case "+":
			xi, yi := t.intervalOf(x), t.intervalOf(y)
			if xi && yi {
				return TypeInterval
			}
			// a timestamp (a DATE's midnight) moved by an interval
			if xi != yi {
				other := x
				if xi {
					other = y
				}
				if k := t.timestampOf(other); k != "" && (yi || n.name == "+") {
					return k
				}
				if t.dateOf(other) && (yi || n.name == "+") {
					return sqlfunc.KindWallClock
				}
			}
		case "*":
			if t.intervalOf(x) != t.intervalOf(y) {
				return TypeInterval
			}
		case "/":
			if t.intervalOf(x) && !t.intervalOf(y) {
				return TypeInterval
			}
		}
		if t.maybeIntervalMinus(n) {
			return TypeMaybeInterval
		}
	}
	return ""
}

// castsToInterval tells whether n is x::interval or CAST(x AS INTERVAL).
func castsToInterval(t *translator, n *node) bool {
	return n.y != nil && n.y.end == n.y.start+1 && t.toks[n.y.start].lower == "interval"
}

// timestampMinus tells whether n is DuckDB's timestamp - timestamp (a DATE
// on one side is its midnight), or BigQuery's of two timestamps, two
// datetimes or two dates.
func (t *translator) timestampMinus(n *node) bool {
	if t.d == BigQuery && n.name == "-" {
		return t.dateOf(n.x) && t.dateOf(n.y) || t.timestampOf(n.x) != "" && t.timestampOf(n.y) != ""
	}
	if t.d != DuckDB || n.name != "-" {
		return false
	}
	xt, yt := t.timestampOf(n.x) != "", t.timestampOf(n.y) != ""
	return xt && (yt || t.dateOf(n.y)) || yt && t.dateOf(n.x)
}

// rewriteIntervalBinary writes the DuckDB operators on intervals: a - b of
// timestamps, interval ± interval, x ± interval value, interval * n and /
// n, and comparisons of intervals. It tells whether n was one of these.
func (t *translator) rewriteIntervalBinary(n *node) bool {
	if !t.hasIntervals() {
		return false
	}
	x, y := n.x, n.y
	sign := ", 1"
	if n.name == "-" {
		sign = ", -1"
	}
	call := func(fn, last string, args ...*node) func(*printer, *node) string {
		return func(pr *printer, n *node) string {
			var s []string
			for _, a := range args {
				s = append(s, pr.text(a))
			}
			return fn + "(" + strings.Join(s, ", ") + last + ")" + pr.carry(n, args...)
		}
	}
	xi, yi := t.intervalOf(x), t.intervalOf(y)
	switch {
	case comparisons[n.name]:
		return t.compareIntervals(x, y)
	case t.timestampMinus(n) && t.d == BigQuery && t.dateOf(x):
		n.print = call("date_minus_bigquery", "", x, y)
		return true
	case t.timestampMinus(n) && t.d == BigQuery:
		n.print = call("timestamp_minus_bigquery", "", x, y)
		return true
	case t.timestampMinus(n):
		n.print = call("timestamp_minus", "", x, y)
		return true
	case (n.name == "+" || n.name == "-") && xi && yi:
		n.print = call("interval_add", sign, x, y)
		return true
	case (n.name == "+" || n.name == "-") && yi && (y.kind != nInterval || y.tok2 >= 0):
		// x ± a value: ts - started_at + (b - a)
		n.print = call("datetime_add_interval", sign, x, y)
		return true
	case n.name == "+" && xi && (x.kind != nInterval || x.tok2 >= 0):
		n.print = call("datetime_add_interval", sign, y, x)
		return true
	case n.name == "-" && xi && !yi:
		t.refuse(x.start, refInterval) // INTERVAL - x
	case n.name == "*" && xi != yi:
		iv, f := x, y
		if yi {
			iv, f = y, x
		}
		n.print = func(pr *printer, n *node) string {
			return "interval_mul(" + pr.text(iv) + ", " + pr.text(f) + ")" + pr.carry(n, x, y)
		}
		return true
	case n.name == "/" && xi && !yi:
		n.print = func(pr *printer, n *node) string {
			return "interval_mul(" + pr.text(x) + ", 1.0 / (" + pr.text(y) + "))" + pr.carry(n, x, y)
		}
		return true
	}
	return false
}

// rewriteIntervalCall writes age(a, b), to_days(n) and the other duration
// functions standing alone, date_part and epoch of an interval, and the
// aggregates of intervals. It tells whether n was one of these.
func (t *translator) rewriteIntervalCall(n *node) bool {
	if !t.hasIntervals() || n.x != nil && n.name != "min" && n.name != "max" && n.name != "avg" {
		return false
	}
	if t.d == BigQuery {
		return t.rewriteBigQueryIntervalCall(n)
	}
	args := n.list
	to := func(fn string, pre string) {
		t.pr.setTok(n.tok, fn)
		if pre != "" {
			args[0].pre = pre + args[0].pre
		}
	}
	switch {
	case n.name == "date_add" && len(args) == 2 && args[1].kind != nInterval && t.intervalOf(args[1]):
		// date_add(x, an interval value)
		to("datetime_add_interval", "")
		args[1].post += ", 1"
	case n.name == "age" && len(args) == 2:
		to("age_interval", "")
	case durationUnits[n.name] != "" && len(args) == 1:
		to("interval_of", "")
		args[0].post += ", " + sqlString(durationUnits[n.name])
	case (n.name == "date_part" || n.name == "datepart") && len(args) == 2 && t.intervalOf(args[1]):
		to("interval_part", "")
	case n.name == "epoch" && len(args) == 1 && t.intervalOf(args[0]):
		to("interval_part", "'epoch', ")
	case (datePartShorthands[n.name] || (n.name == "decade" || n.name == "century" || n.name == "millennium")) && len(args) == 1 && t.intervalOf(args[0]):
		part := n.name
		if part == "dayofmonth" {
			part = "day"
		}
		to("interval_part", sqlString(part)+", ")
	case (n.name == "greatest" || n.name == "least") && len(args) > 0 && t.commonType(args) == TypeInterval:
		to("interval_"+n.name, "")
	case n.name == "count" && n.flag && n.x == nil && len(args) == 1 && t.intervalKey(args[0]) != "":
		// count(DISTINCT x): equal intervals once (interval_groups.go)
		args[0].pre = t.intervalKey(args[0]) + "(" + args[0].pre
		args[0].post += ")"
	case (n.name == "min" || n.name == "max" || n.name == "avg") && len(args) == 1 && !n.flag && t.staticType(args[0]) == TypeMaybeInterval:
		to("maybe_interval_"+n.name, "")
	case (n.name == "min" || n.name == "max" || n.name == "avg") && len(args) == 1 && !n.flag && t.intervalOf(args[0]):
		to("interval_"+n.name, "")
	case n.name == "sum" && len(args) == 1 && t.intervalOf(args[0]):
		t.refuse(n.tok, refIntervalSum)
	default:
		return false
	}
	return true
}

// intervalValueArgs are the functions taking an INTERVAL as a value, not
// as the n, 'unit' of the date functions.
var intervalValueArgs = map[string]bool{
	"coalesce": true, "ifnull": true, "nullif": true, "if": true, "iff": true, "greatest": true, "least": true,
	"min": true, "max": true, "avg": true, "any_value": true, "first": true, "last": true, "epoch": true, "date_part": true, "datepart": true,
	"range": true, "generate_series": true, // the step of a series of timestamps
	"justify_days": true, "justify_hours": true, "justify_interval": true, "sum": true, "to_json_string": true, "string": true,
	// DuckDB's to_json, and the lists and structs holding one
	"to_json": true, "array_to_json": true, "row_to_json": true, "json_quote": true, "list_value": true, "list_pack": true,
	"array_value": true, "row": true, "struct_pack": true,
}

// rewriteIntervalNeg writes -x of an interval.
func (t *translator) rewriteIntervalNeg(n *node) {
	if n.name == "-" && t.intervalOf(n.x) {
		x := n.x
		n.print = func(pr *printer, n *node) string { return "interval_mul(" + pr.text(x) + ", -1)" + pr.carry(n, x) }
	}
}

// rewriteIntervalValue writes INTERVAL n unit, INTERVAL '...' and
// '...'::interval where they stand for a value (not added to a date, not an
// argument of a date function): interval_of(n, 'unit'), interval_of('...').
// It tells whether n was written so.
func (t *translator) rewriteIntervalValue(n *node) bool {
	if t.d == BigQuery {
		return t.rewriteBigQueryInterval(n)
	}
	if t.d != DuckDB {
		return false
	}
	x := n.x
	if n.kind == nCast {
		n.print = func(pr *printer, n *node) string { return "interval_of(" + pr.text(x) + ")" + pr.carry(n, x) }
		return true
	}
	unit := ""
	if n.tok >= 0 {
		unit = singularUnit(t.toks[n.tok].lower)
	}
	if n.names != nil {
		unit = n.names[0]
	}
	var factor *node
	if n.list != nil {
		factor = n.list[0]
	}
	n.print = func(pr *printer, n *node) string {
		s := "interval_of(" + pr.text(x)
		if unit != "" {
			s += ", " + sqlString(unit)
		}
		s += ")"
		if factor != nil {
			s = "interval_mul(" + s + ", " + pr.text(factor) + ")"
		}
		return s + pr.carry(n, x, factor)
	}
	return true
}

// compareIntervals makes the operands of a comparison or BETWEEN with an
// interval compare as DuckDB compares intervals. It tells whether one was.
func (t *translator) compareIntervals(operands ...*node) bool {
	if !t.hasIntervals() {
		return false
	}
	known := false
	for _, o := range operands {
		known = known || t.intervalOf(o)
	}
	key := "interval_key("
	if !known {
		if !t.maybeIntervals(operands) {
			return false
		}
		key = "interval_sort_key("
	}
	for _, o := range operands {
		o.pre = key + o.pre
		o.post += ")"
	}
	return true
}

// maybeIntervals tells whether operands are DuckDB's b - a of values of no
// known type (TypeMaybeInterval) and string literals, one at least of the
// former: intervals when the query runs compare as intervals, and numbers
// as numbers, when all go through interval_sort_key.
func (t *translator) maybeIntervals(operands []*node) bool {
	if t.d != DuckDB {
		return false
	}
	maybe := false
	for _, o := range operands {
		switch {
		case t.staticType(o) == TypeMaybeInterval:
			maybe = true
		case o.kind != nString:
			return false
		}
	}
	return maybe
}

// orderInterval orders an ORDER BY item known to be an interval as DuckDB
// does.
func (t *translator) orderInterval(o *node) {
	if !t.hasIntervals() || o.x == nil {
		return
	}
	x := o.x
	key := t.intervalKey(x)
	if it := t.orderedItem(x); it != nil {
		if key = t.intervalKey(it.x); key == "" {
			return
		}
		if x.kind == nLit {
			// ORDER BY 2: the select item itself, by its alias if it has one
			x.print = func(pr *printer, n *node) string {
				if it.name != "" {
					return quoteIdent(it.name)
				}
				return pr.text(it.x)
			}
		}
	} else if key == "" {
		return
	}
	x.pre = key + "(" + x.pre
	x.post += ")"
}

// orderedItem is the select item an ORDER BY item names: by its alias or
// its position; nil for another expression.
func (t *translator) orderedItem(x *node) *node {
	s := t.sc
	if s == nil || s.sel == nil || x.start < s.sel.end {
		return nil // not the query's ORDER BY: a window's reads columns
	}
	items := s.sel.sel.items
	switch {
	case x.kind == nName && len(x.parts) == 1:
		name := identName(t.toks[x.parts[0]])
		for _, it := range items {
			if it.kind == nItem && it.name == name {
				return it
			}
		}
	case isIntegerLiteral(t, x):
		for _, it := range items {
			if it.kind == nStar {
				return nil // the position depends on the relations' columns
			}
		}
		if k := literalPosition(t, x, len(items)); k >= 0 && items[k].kind == nItem {
			return items[k]
		}
	}
	return nil
}

// refuseTextInterval refuses text ± an interval in DuckDB, as DuckDB does:
// its + takes a DATE, TIMESTAMP or TIME there, a string literal could be
// any of them ('2018-01-01' + INTERVAL 1 DAY: "could not choose a best
// candidate function") and a VARCHAR is none. It tells whether it did.
func (t *translator) refuseTextInterval(text, iv *node) bool {
	if t.d != DuckDB || !t.textOf(text) || iv.kind != nInterval && !t.intervalOf(iv) {
		return false
	}
	t.refuse(skipSpace(t.toks, text.start), refTextInterval)
	return true
}

// duckDBDaysAdded writes DuckDB's date_add(d, n), which DuckDB binds as
// d + n, as n days after the DATE d (n + d too). It tells whether n was
// one: an INTERVAL argument is the other date_add.
func (t *translator) duckDBDaysAdded(n *node) bool {
	if len(n.list) != 2 || n.x != nil {
		return false
	}
	d, days := n.list[0], n.list[1]
	for _, a := range n.list {
		if a.kind == nInterval || a.kind == nStar || t.staticType(a) == TypeInterval || t.staticType(a) == TypeMaybeInterval {
			return false
		}
	}
	if t.numberType(d) != "" && t.numberType(days) == "" {
		d, days = days, d
	}
	n.print = func(pr *printer, n *node) string {
		return "date(" + pr.text(d) + ", (" + pr.text(days) + ") || ' days')" + pr.carry(n, d, days)
	}
	return true
}
