package dialect

import "strings"

// duckTemporalArgs are DuckDB functions of a DATE, a TIMESTAMP (and other
// types), by the places of those arguments. DuckDB cannot choose among its
// versions when each of those arguments is a string literal
// (year('2018-01-01'): "could not choose a best candidate function") and
// refuses it; a typed argument beside one decides (date_diff('day',
// '2018-01-01', DATE '2018-01-03') runs).
var duckTemporalArgs = map[string][]int{
	"date_part": {1}, "datepart": {1}, "date_trunc": {1}, "datetrunc": {1},
	"date_diff": {1, 2}, "datediff": {1, 2}, "date_sub": {1, 2}, "datesub": {1, 2},
	"time_bucket": {1}, "strftime": {0}, "last_day": {0}, "epoch": {0}, "epoch_ms": {0},
	"year": {0}, "quarter": {0}, "month": {0}, "week": {0}, "day": {0}, "hour": {0},
	"dayofweek": {0}, "isodow": {0}, "dayname": {0}, "monthname": {0},
}

// refuseLiteralDates refuses a call of duckTemporalArgs (EXTRACT: rewriteExtract) in DuckDB whose
// date or timestamp arguments are all string literals, as DuckDB does. It
// tells whether it did.
func (t *translator) refuseLiteralDates(n *node) bool {
	places, ok := duckTemporalArgs[n.name]
	if t.d != DuckDB || !ok || len(n.parts) > 1 {
		return false
	}
	for _, i := range places {
		if i >= len(n.list) {
			return false
		}
		a := n.list[i]
		for a.kind == nParen && a.x != nil {
			a = a.x
		}
		if a.kind != nString {
			return false
		}
	}
	t.refuse(skipSpace(t.toks, n.list[places[0]].start), refLiteralDate, strings.ToUpper(n.name))
	return true
}

// duckFormatFirst takes DuckDB's strftime(format, x), its other order: a
// string literal first and an expression that is not one second is the
// format and the date or timestamp (strftime('%B', d)), as DuckDB chooses
// strftime(VARCHAR, DATE) for them. It tells whether it did.
func (t *translator) duckFormatFirst(n *node, qualified bool) bool {
	if t.d != DuckDB || qualified || n.name != "strftime" || len(n.list) != 2 || n.x != nil {
		return false
	}
	isText := func(a *node) bool {
		for a.kind == nParen && a.x != nil {
			a = a.x
		}
		return a.kind == nString
	}
	if !isText(n.list[0]) || isText(n.list[1]) {
		return false
	}
	t.pr.setTok(n.tok, "strftime_format_first")
	return true
}
