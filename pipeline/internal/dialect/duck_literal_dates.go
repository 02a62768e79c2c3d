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

// duckNanosecondParts are the names of the nanosecond parts, which DuckDB
// refuses in its date functions on a DATE, TIMESTAMP or TIMESTAMPTZ
// ('extract specifier "nanosecond" not recognized').
var duckNanosecondParts = map[string]bool{
	"nanosecond": true, "nanoseconds": true, "ns": true, "nsec": true, "nsecs": true, "nsecond": true, "nseconds": true,
	"epoch_ns": true, "epoch_nanosecond": true, "epoch_nanoseconds": true,
}

// duckPartFirst are DuckDB's functions whose first argument is a date part.
var duckPartFirst = map[string]bool{
	"date_part": true, "datepart": true, "date_trunc": true, "datetrunc": true,
	"date_diff": true, "datediff": true, "date_sub": true, "datesub": true,
}

// refuseNanosecondPart refuses DuckDB's date function n (EXTRACT when
// extract is set) given a nanosecond part as a literal, as DuckDB refuses
// it; it tells whether it did.
func (t *translator) refuseNanosecondPart(n *node, extract bool) bool {
	if t.d != DuckDB || len(n.parts) > 1 {
		return false
	}
	part, at := "", n.start
	switch {
	case extract:
		part = n.name
	case duckPartFirst[n.name] && len(n.list) >= 2:
		a := n.list[0]
		for a.kind == nParen && a.x != nil {
			a = a.x
		}
		switch {
		case a.kind == nString:
			part = strings.ToLower(strings.TrimSpace(stringValue(t.d, t.toks[a.tok].text)))
		case a.kind == nName && len(a.parts) == 1:
			part = t.toks[a.parts[0]].lower
		}
		at = skipSpace(t.toks, a.start)
	}
	if !duckNanosecondParts[part] {
		return false
	}
	t.refuse(at, refNanosecondPart, part)
	return true
}
