package dialect

import (
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Timestamps have one text form in SQLite, the one the functions of
// pipeline/internal/sqlfunc write: 2024-05-17T10:00:00Z, UTC, a fraction
// only when there is one. A TIMESTAMP '...' literal is written in that form
// here, a CAST to a timestamp type converts at run time, a CAST of a
// timestamp to a string writes the warehouse's text, and a comparison of a
// timestamp with a value not known to be one (a column of source text, kept
// as written) reads that value as a timestamp first.

// timestampKind is the kind of timestamp the type or literal name means in
// dialect d: an instant (converted to UTC from an offset or zone) or a wall
// clock; "" when it is not a timestamp type. time is not.
func timestampKind(d Dialect, name string) string {
	switch name {
	case "timestamp_tz", "timestamp_ltz", "timestamptz":
		return sqlfunc.KindInstant
	case "timestamp_ntz", "datetime":
		return sqlfunc.KindWallClock
	case "timestamp":
		if d == BigQuery {
			return sqlfunc.KindInstant
		}
		// Snowflake's TIMESTAMP is TIMESTAMP_NTZ (its default
		// TIMESTAMP_TYPE_MAPPING); DuckDB's has no zone.
		return sqlfunc.KindWallClock
	}
	return ""
}

// castKind is the timestamp kind of a cast's type, "" when it is not a
// timestamp type.
func castKind(d Dialect, typ sqlType) string {
	if typ.withZone && typ.name == "timestamp" {
		return sqlfunc.KindInstant
	}
	return timestampKind(d, typ.name)
}

// timestampResults are the functions that return a timestamp, and its kind,
// per dialect.
var timestampResults = map[Dialect]map[string]string{
	BigQuery: {
		"current_timestamp": sqlfunc.KindInstant, "timestamp": sqlfunc.KindInstant,
		"timestamp_seconds": sqlfunc.KindInstant, "timestamp_millis": sqlfunc.KindInstant,
		"timestamp_micros": sqlfunc.KindInstant, "timestamp_trunc": sqlfunc.KindInstant,
		"timestamp_add": sqlfunc.KindInstant, "timestamp_sub": sqlfunc.KindInstant,
		"parse_timestamp":  sqlfunc.KindInstant,
		"current_datetime": sqlfunc.KindWallClock, "datetime": sqlfunc.KindWallClock,
		"datetime_trunc": sqlfunc.KindWallClock, "datetime_add": sqlfunc.KindWallClock,
		"datetime_sub": sqlfunc.KindWallClock, "parse_datetime": sqlfunc.KindWallClock,
	},
	Snowflake: {
		"current_timestamp": sqlfunc.KindInstant, "getdate": sqlfunc.KindInstant,
		"localtimestamp": sqlfunc.KindInstant, "sysdate": sqlfunc.KindWallClock, "systimestamp": sqlfunc.KindInstant,
		"to_timestamp": sqlfunc.KindWallClock, "to_timestamp_ntz": sqlfunc.KindWallClock,
		"to_timestamp_ltz": sqlfunc.KindInstant, "to_timestamp_tz": sqlfunc.KindInstant,
		"try_to_timestamp": sqlfunc.KindWallClock, "try_to_timestamp_ntz": sqlfunc.KindWallClock,
		"try_to_timestamp_ltz": sqlfunc.KindInstant, "try_to_timestamp_tz": sqlfunc.KindInstant,
		"timestamp_from_parts": sqlfunc.KindWallClock, "timestamp_ntz_from_parts": sqlfunc.KindWallClock,
	},
	DuckDB: {
		"current_timestamp": sqlfunc.KindInstant, "now": sqlfunc.KindInstant,
		"get_current_timestamp": sqlfunc.KindInstant, "to_timestamp": sqlfunc.KindInstant,
		"make_timestamp": sqlfunc.KindWallClock, "strptime": sqlfunc.KindWallClock, "make_timestamptz": sqlfunc.KindInstant,
		"ago": sqlfunc.KindInstant,
		// date_trunc gives a TIMESTAMP of a DATE too (checked on DuckDB),
		// so date_trunc('month', d) = DATE '2024-05-01' compares instants.
		"date_trunc": sqlfunc.KindWallClock, "datetrunc": sqlfunc.KindWallClock,
	},
}

// timestampOf tells whether n is known to be a timestamp, and its kind: a
// typed literal, a cast to a timestamp type, a function returning one, a
// column of one (statictypes.go).
func (t *translator) timestampOf(n *node) string {
	switch typ := t.staticType(n); typ {
	case sqlfunc.KindInstant, sqlfunc.KindWallClock:
		return typ
	}
	return ""
}

// compareTimestamps makes the operands of a comparison with a timestamp
// compare as instants: an operand not known to be a timestamp goes through
// as_timestamp(), which writes timestamp text in the one form (seeds keep
// '2024-05-17 10:00:00' as written, which as text sorts before
// '2024-05-17T00:00:00Z'); a string literal is converted here.
func (t *translator) compareTimestamps(operands ...*node) {
	kind := ""
	for _, o := range operands {
		if k := t.timestampOf(o); k == sqlfunc.KindInstant || k != "" && kind == "" {
			kind = k
		}
	}
	if kind == "" {
		t.compareDates(operands)
		return
	}
	for _, o := range operands {
		if t.timestampOf(o) != "" && !t.mayKeepOffset(o) || o.start+1 == o.end && t.toks[o.start].lower == "null" {
			continue
		}
		switch o.kind {
		case nString:
			s := stringValue(t.d, t.toks[o.tok].text)
			if c, err := sqlfunc.CanonicalTimestamp(s, sqlfunc.KindInstant, string(t.d)); err == nil {
				o.print = printAs(sqlString(c))
				continue
			}
			if t.d == DuckDB {
				// DuckDB casts the literal to the timestamp's type, and
				// fails where it is none ('' too)
				o.pre = "cast_to(" + o.pre
				o.post += ", " + sqlString(kind) + ", 'duckdb', " + itoa(t.toks[o.start].line) + ")"
				continue
			}
		case nLit, nParam:
			if !t.isPositional(o) {
				continue // numbers and NULL
			}
		}
		o.pre = "as_timestamp(" + o.pre
		o.post += ")"
	}
}

// compareDates casts a DuckDB string literal compared with a DATE to a
// DATE, as DuckDB does: date '2024-01-02' >= '2024-01-02 10:00:00+00:00'
// holds there (the literal's time goes), where the texts would compare
// otherwise. A literal that is a plain date is the DATE's text already.
func (t *translator) compareDates(operands []*node) {
	if t.d != DuckDB || !slices.ContainsFunc(operands, t.dateOf) {
		return
	}
	for _, o := range operands {
		if o.kind == nString && !isoDate.MatchString(stringValue(t.d, t.toks[o.tok].text)) {
			o.pre = "cast_to(" + o.pre
			o.post += ", 'DATE', 'duckdb', " + itoa(t.toks[o.start].line) + ")"
		}
	}
}

// inInstants makes x IN (SELECT ts ...) of a Snowflake TIMESTAMP_TZ
// compare instants: the subquery cannot go through as_timestamp() as a
// value does, so the column it selects does, (SELECT as_timestamp(ts) FROM
// (SELECT ts ...)). It tells whether it did.
func (t *translator) inInstants(x, sub *node) bool {
	if t.d != Snowflake || !t.mayKeepOffset(sub) {
		return false
	}
	cols, err := t.queryColumns(sub.x)
	if err != nil || len(cols) != 1 {
		t.refuse(sub.start, refInInstants)
		return true
	}
	if t.timestampOf(x) == "" || t.mayKeepOffset(x) {
		x.pre = "as_timestamp(" + x.pre
		x.post += ")"
	}
	sub.pre = "(SELECT as_timestamp(" + quoteIdent(cols[0]) + ") FROM " + sub.pre
	sub.post += ")"
	return true
}

// caseInstants makes Snowflake's CASE x WHEN v ... compare x with each v
// as = does: TIMESTAMP_TZ values by instant.
func (t *translator) caseInstants(n *node) {
	if t.d != Snowflake || n.x == nil {
		return
	}
	compared := []*node{n.x}
	for i := 1; i+1 < len(n.kids); i += 2 { // kids: x, when, then, ..., [else]
		compared = append(compared, n.kids[i])
	}
	t.compareTimestamps(compared...)
}

// rewriteIs writes x IS [NOT] UNKNOWN, which BigQuery and DuckDB take as
// IS [NOT] NULL (BigQuery of a BOOL), as IS [NOT] NULL: SQLite would read
// UNKNOWN as a column. It refuses SQLite's x IS y, which the warehouses
// have only as IS [NOT] NULL, TRUE, FALSE, UNKNOWN and IS [NOT] DISTINCT
// FROM, and Snowflake's IS TRUE, FALSE and UNKNOWN: Snowflake's IS takes
// NULL alone.
func (t *translator) rewriteIs(n *node) {
	if t.d == SQLite || n.y == nil || n.name == "distinct" {
		return
	}
	switch w := strings.ToLower(strings.TrimSpace(t.source(n.y))); w {
	case "null":
	case "true", "false", "unknown":
		if t.d == Snowflake {
			t.refuse(n.tok, refIsTruth, strings.ToUpper(w))
			return
		}
		if t.d == BigQuery && t.knownNotBool(n.x) {
			t.refuse(n.tok, refIsBool, strings.ToUpper(w))
			return
		}
		if w == "unknown" {
			t.pr.setTok(n.y.start, "null")
		}
	default:
		t.refuse(n.tok, refIsValue, dialectName(t.d))
	}
}

// knownNotBool reports whether x is known to be other than a BOOL: a
// number, a string literal, a date, a time, a timestamp or an interval.
func (t *translator) knownNotBool(x *node) bool {
	x = unparen(x)
	if x.kind == nString || t.numberType(x) != "" {
		return true
	}
	switch t.staticType(x) {
	case TypeDate, TypeTime, TypeInterval, sqlfunc.KindInstant, sqlfunc.KindWallClock:
		return true
	}
	return false
}

// isInstants makes Snowflake's x IS [NOT] DISTINCT FROM y compare as =
// does: TIMESTAMP_TZ values by instant.
func (t *translator) isInstants(n *node) {
	if t.d != Snowflake || n.y == nil {
		return
	}
	if w := t.toks[n.y.start].lower; n.y.start+1 == n.y.end && (w == "null" || w == "true" || w == "false") {
		return
	}
	t.compareTimestamps(n.x, n.y)
}

// orderCompared makes an ordering comparison (<, >=, BETWEEN) of a
// timestamp compare instant_key()s, after compareTimestamps: as text,
// 10:00:00.5Z is before 10:00:00Z, the form writing a fraction only when
// there is one.
func (t *translator) orderCompared(operands ...*node) {
	known := false
	for _, o := range operands {
		if o.start+1 == o.end && t.toks[o.start].lower == "null" {
			return
		}
		if t.timestampOf(o) != "" {
			known = true
		}
	}
	if !known {
		return
	}
	for _, o := range operands {
		if o.kind == nLit || o.kind == nParam && !t.isPositional(o) {
			continue // numbers and NULL
		}
		o.pre = "instant_key(" + o.pre
		o.post += ")"
	}
}

// keepsOffset tells whether n is Snowflake's TO_TIMESTAMP_TZ, a cast to
// TIMESTAMP_TZ or CONVERT_TIMEZONE(zone, ts), whose text keeps an offset (the one written
// in its input, the zone's), so it compares as an instant only through
// as_timestamp().
func (t *translator) keepsOffset(n *node) bool {
	for n.kind == nParen {
		n = n.x
	}
	if t.d == Snowflake && n.kind == nCast {
		w := typeWordAt(t, n.y)
		return w == "timestamp_tz" || w == "timestamptz"
	}
	return t.d == Snowflake && n.kind == nCall && len(n.parts) <= 1 && (n.name == "to_timestamp_tz" || n.name == "try_to_timestamp_tz" ||
		n.name == "convert_timezone" && len(n.list) == 2)
}

// mayKeepOffset tells whether n, a timestamp, may be text with an offset
// that is not UTC: Snowflake's TIMESTAMP_TZ values and the columns that
// hold them, which compare equal by instant (10:00 +02:00 = 08:00 +00:00).
func (t *translator) mayKeepOffset(n *node) bool {
	if t.keepsOffset(n) {
		return true
	}
	if n.kind == nParam && !t.isPositional(n) || (n.kind == nCall || n.kind == nName) && len(n.parts) <= 1 && timestampResults[t.d][t.toks[n.start].lower] != "" {
		return false // CURRENT_TIMESTAMP, TO_TIMESTAMP_LTZ...: UTC
	}
	return t.d == Snowflake && t.timestampOf(n) == sqlfunc.KindInstant
}

// concatTimestamps writes a timestamp joined to text with || as Snowflake
// and DuckDB cast it to a string, as CAST(ts AS VARCHAR) writes it.
func (t *translator) concatTimestamps(operands ...*node) {
	for _, o := range operands {
		if kind := t.timestampOf(o); kind != "" {
			o.pre = "timestamp_string(" + o.pre
			o.post += ", " + sqlString(kind) + ", " + sqlString(string(t.d)) + ")"
		}
	}
}

// rewriteTimestampLiteral writes TIMESTAMP '...', DATETIME '...' and the
// other timestamp literals in the one form; a literal that is not a
// timestamp is refused, as the warehouse refuses it.
func (t *translator) rewriteTimestampLiteral(n *node, kind string) {
	s := stringValue(t.d, t.toks[n.tok].text)
	c, err := sqlfunc.CanonicalTimestamp(s, kind, string(t.d))
	if err != nil {
		t.refuse(n.tok, refTimestampLiteral, strings.ToUpper(t.toks[n.start].text), err.Error())
		return
	}
	if t.d == Snowflake && (n.name == "timestamp_tz" || n.name == "timestamptz") {
		// TIMESTAMP_TZ '... -08:00' keeps the offset written
		n.print = printAs("cast_to(" + sqlString(s) + ", 'TIMESTAMP_TZ', 'snowflake', " + itoa(t.toks[n.tok].line) + ")")
		return
	}
	n.print = printAs(sqlString(c))
}

// orderInstant orders a value known to be a timestamp by instant_key(x):
// the one text form writes a fraction only when there is one, so as text
// 10:00:00.5Z sorts before 10:00:00Z; and Snowflake's TO_TIMESTAMP_TZ and
// CONVERT_TIMEZONE keep the offset written, whose texts do not sort as
// their instants.
func (t *translator) orderInstant(o *node) {
	if t.d == SQLite || o.x == nil || t.epochOrder[o] {
		return
	}
	x := o.x
	if it := t.orderedItem(x); it != nil {
		if t.timestampOf(it.x) == "" {
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
	} else if t.timestampOf(x) == "" {
		return
	}
	x.pre = "instant_key(" + x.pre
	x.post += ")"
}

// minMaxInstant makes MIN and MAX of a timestamp compare instants
// (instant_min, instant_max), as ORDER BY does (orderInstant).
func (t *translator) minMaxInstant(n *node) bool {
	if t.d == SQLite || n.name != "min" && n.name != "max" || len(n.list) != 1 || n.flag || t.timestampOf(n.list[0]) == "" {
		return false
	}
	t.pr.setTok(n.tok, "instant_"+n.name)
	return true
}

// atTimeZone writes DuckDB's ts AT TIME ZONE zone, and timezone(zone, ts),
// n: a TIMESTAMP is the wall clock of zone, which gives its instant
// (written in UTC); a TIMESTAMPTZ gives the wall clock zone shows at that
// instant. Which one ts is must be known here.
func (t *translator) atTimeZone(n, ts, zoneArg *node) {
	var from, to func(pr *printer) string
	zone := func(pr *printer) string { return strings.TrimSpace(pr.text(zoneArg)) }
	utc := func(*printer) string { return "'UTC'" }
	switch t.staticType(ts) {
	case sqlfunc.KindWallClock:
		from, to = zone, utc
	case sqlfunc.KindInstant:
		from, to = utc, zone
	default:
		t.refuse(n.tok, refAtTimeZone)
		return
	}
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n) // before flat, which carries nothing
		pr.flat++
		defer func() { pr.flat-- }()
		return "convert_timezone(" + from(pr) + ", " + to(pr) + ", " + strings.TrimSpace(pr.text(ts)) + ")" + carry
	}
}
