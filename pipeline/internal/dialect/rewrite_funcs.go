package dialect

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// clockName rewrites current_timestamp, current_date and current_time
// written without parentheses (and localtimestamp, BigQuery's
// current_datetime). SYSDATE, GETDATE and TODAY are functions, called
// with parentheses: the bare word is a name (with today as (...)).
func (t *translator) clockName(n *node, name string) bool {
	to, ok := clock[name]
	if !ok || t.toks[n.parts[0]].kind != kWord || name == "sysdate" || name == "getdate" || name == "today" || snowflakeClocks[name] {
		return false
	}
	n.print = printAs(t.clockIn(to))
	return true
}

// clockIn is the clock to SQL, in the dialect's precision: DuckDB's and
// BigQuery's current_timestamp have microseconds (timestampNowMicros).
func (t *translator) clockIn(to string) string {
	if (t.d == DuckDB || t.d == BigQuery) && to == timestampNow {
		return timestampNowMicros
	}
	return to
}

var clock = map[string]string{
	"current_timestamp": timestampNow,
	"current_date":      "date('now')",
	"current_time":      "strftime('%H:%M:%S', 'now')",
	"current_datetime":  timestampNow, // BigQuery: the UTC wall clock
	// Snowflake's SYSDATE() and GETDATE(), DuckDB's today()
	"sysdate": timestampNow, "getdate": timestampNow, "today": "date('now')", "localtimestamp": timestampNow,
	"systimestamp": timestampNow, // Snowflake's only (snowflakeClocks)
}

// snowflakeClocks are the clock functions only Snowflake has.
var snowflakeClocks = map[string]bool{"systimestamp": true}

// clockDigits is Snowflake's CURRENT_TIMESTAMP(p), LOCALTIMESTAMP(p) or
// CURRENT_TIME(p) (name): the clock with p digits of a second, of the
// milliseconds SQLite's clock has.
func clockDigits(name string, p int) string {
	if name == "current_time" {
		if p == 0 {
			return clock[name]
		}
		return "substr(strftime('%H:%M:%f', 'now'), 1, " + strconv.Itoa(9+min(p, 3)) + ")"
	}
	if p >= 3 {
		return timestampNow
	}
	n := 19 // YYYY-MM-DDTHH:MM:SS
	if p > 0 {
		n += 1 + p
	}
	return "as_timestamp(substr(strftime('%Y-%m-%dT%H:%M:%f', 'now'), 1, " + strconv.Itoa(n) + ") || 'Z')"
}

// datePartArgs are the functions whose date-part argument may be written as
// a bare keyword (DATE_TRUNC(x, MONTH), datediff(day, a, b)); it is passed
// as a lower-case string.
var datePartArgs = map[string]bool{
	"date_trunc": true, "timestamp_trunc": true, "datetime_trunc": true, "time_trunc": true,
	"date_diff": true, "timestamp_diff": true, "datetime_diff": true, "time_diff": true,
	"datediff": true, "timestampdiff": true, "dateadd": true, "timestampadd": true, "timeadd": true,
	"date_part": true, "datepart": true, "last_day": true, "date_add": true, "date_sub": true,
	"timestamp_add": true, "timestamp_sub": true, "datetime_add": true, "datetime_sub": true,
	"time_slice": true, "trunc": true, "truncate": true, "timediff": true,
}

var dateParts = map[string]bool{
	"microsecond": true, "millisecond": true, "second": true, "minute": true, "hour": true,
	"day": true, "dayofweek": true, "dayofyear": true, "week": true, "isoweek": true,
	"month": true, "quarter": true, "year": true, "isoyear": true, "date": true, "time": true,
	"days": true, "hours": true, "minutes": true, "seconds": true, "months": true, "years": true,
	"weeks": true, "quarters": true, "dow": true, "doy": true, "epoch": true, "ms": true, "us": true,
	"milliseconds": true, "microseconds": true, "nanosecond": true, "ns": true, "yy": true, "mm": true,
	"dd": true, "hh": true, "mi": true, "ss": true, "weekday": true, "yearofweek": true, "decade": true,
	"century": true, "millennium": true, "epoch_second": true, "epoch_millisecond": true,
	"epoch_microsecond": true, "epoch_nanosecond": true,
}

// rewriteCall rewrites a function call: clock functions, arrays and
// structs, window aggregates SQLite refuses, date-part keywords, and names
// the dialect spells differently (through sqlfunc.Rename).
func (t *translator) rewriteCall(n *node, sc *scope) {
	name := n.name
	qualified := len(n.parts) > 1
	if sub, _ := anyAllCall(n); sub != nil {
		return // the comparison it is the right side of (any_all.go)
	}
	if t.d == Snowflake && name == "match_condition" && !qualified {
		t.refuse(n.tok, refMatchCondition)
		return
	}
	if t.d == Snowflake && name == "sys_connect_by_path" && !qualified {
		// read by the query's CONNECT BY (connect_by.go), refused without one
		t.hierCalls = append(t.hierCalls, n.tok)
		return
	}
	if t.d == BigQuery && !qualified && !t.insideFrom(n, sc) {
		// BigQuery rejects a wrong number of arguments before running
		if msg := arityError(name, len(n.list)); msg != "" {
			t.refuse(n.tok, refArity, msg)
			return
		}
	}
	if t.d == DuckDB && !qualified && !t.insideFrom(n, sc) && duckArityCall(n) {
		// DuckDB rejects a wrong number of arguments before running
		if msg := duckArityError(name, len(n.list)); msg != "" {
			t.refuse(n.tok, refDuckArity, msg)
			return
		}
	}
	if t.d == DuckDB && n.x != nil && n.y != nil {
		// SQLite fails at run time on an ORDER BY inside a window's call
		t.refuse(n.tok, refWindowOrder, strings.ToUpper(t.toks[n.tok].text))
		return
	}
	if !qualified && len(n.list) == 0 && n.x == nil {
		to, ok := clock[name]
		ok = ok && (!snowflakeClocks[name] || t.d == Snowflake)
		if ok || name == "now" || t.d == DuckDB && (name == "get_current_timestamp" || name == "transaction_timestamp" ||
			name == "current_localtimestamp" || name == "current_localtime" || name == "get_current_time") {
			switch {
			case ok:
			case name == "current_localtime" || name == "get_current_time":
				to = clock["current_time"] // the session's zone is UTC
			default:
				to = timestampNow
			}
			n.print = printAs(t.clockIn(to))
			return
		}
	}
	if t.d == Snowflake && !qualified && len(n.list) == 1 && n.x == nil && n.list[0].kind == nLit && (name == "current_timestamp" || name == "localtimestamp" || name == "current_time") {
		// CURRENT_TIMESTAMP(p): the clock to p digits of a second
		if p, err := strconv.Atoi(t.toks[n.list[0].start].text); err == nil && p >= 0 && p <= 9 {
			n.print = printAs(clockDigits(name, p))
			return
		}
	}
	if t.d == BigQuery && !qualified && len(n.list) == 1 && n.x == nil && (name == "current_date" || name == "current_datetime") {
		// CURRENT_DATE(zone), CURRENT_DATETIME(zone): the clock in that zone
		fn, zone, now := "date_of", n.list[0], timestampNow
		if name == "current_datetime" {
			fn, now = "datetime_of", t.clockIn(timestampNow)
		}
		n.print = func(pr *printer, n *node) string {
			return fn + "(" + now + ", " + pr.text(zone) + ")" + pr.carry(n, zone)
		}
		return
	}
	if (t.d == BigQuery || t.d == DuckDB) && !qualified && name == "coalesce" && len(n.list) == 1 && n.x == nil {
		// COALESCE(x), its argument, which SQLite refuses with one
		x := n.list[0]
		n.print = func(pr *printer, n *node) string {
			return "coalesce(" + pr.text(x) + ", NULL)" + pr.carry(n, x)
		}
		return
	}
	if h := havingOf(n); h != nil {
		// ANY_VALUE(x HAVING MAX y): x of the row with the largest y, as
		// MAX_BY(x, y)
		if t.d != BigQuery || name != "any_value" || len(n.list) != 1 || n.x != nil {
			t.refuse(h.start, refHaving, strings.ToUpper(t.toks[n.tok].text))
			return
		}
		x, key, fn := n.list[0], h.x, "value_at_max("
		if h.name == "having min" {
			fn = "value_at_min("
		}
		n.print = func(pr *printer, n *node) string {
			return fn + pr.text(x) + ", " + pr.text(key) + ")" + pr.carry(n, x, key)
		}
		return
	}
	if t.d != SQLite && !qualified && n.x == nil && (name == "grouping" || name == "grouping_id") {
		t.grouping[n] = true // given its value by the SELECT (grouping_sets.go)
		return
	}
	if t.d == DuckDB && !qualified && (name == "from_json" || name == "json_transform") && len(n.list) == 2 && n.list[1].kind == nString {
		// a structure written out is checked where it is written
		if err := sqlfunc.CheckJSONStructure(stringValue(t.d, t.toks[n.list[1].tok].text)); err != nil {
			t.refuse(n.list[1].start, refFromJSON, err.Error())
			return
		}
	}
	if t.d == SQLite && !qualified {
		if r, ok := sqliteRefused[name]; ok {
			if _, renamed := sqlfunc.Rename(string(t.d), name); !renamed {
				t.refuse(n.tok, r, strings.ToUpper(t.toks[n.tok].text))
				return
			}
		}
	}
	if qualified && t.d == BigQuery && len(n.parts) == 2 && t.toks[n.parts[0]].lower == "safe" {
		if !t.rewriteSafe(n) {
			return
		}
		name, qualified = n.name, false
	}
	safeNamespaced := qualified && t.d == BigQuery && len(n.parts) == 3 && t.toks[n.parts[0]].lower == "safe" && bigQueryNamespaces[t.toks[n.parts[1]].lower]
	if safeNamespaced {
		// SAFE.NET.X(...): NET.X with its errors as NULL
		for i := n.parts[0]; i < n.parts[1]; i++ {
			t.pr.dropTok(i)
		}
		n.parts = n.parts[1:]
		t.safeCalls = append(t.safeCalls, n)
	}
	if qualified && t.d == BigQuery && len(n.parts) == 2 && bigQueryNamespaces[t.toks[n.parts[0]].lower] {
		full := t.toks[n.parts[0]].lower + "." + t.toks[n.parts[1]].lower
		to, ok := namespacedFunctions[full]
		if !ok {
			t.refuse(n.parts[0], refNamespaced, strings.ToUpper(full))
			return
		}
		if msg := arityError(full, len(n.list)); msg != "" {
			t.refuse(n.parts[0], refArity, msg)
			return
		}
		for i := n.parts[0]; i < n.parts[1]; i++ {
			t.pr.dropTok(i)
		}
		t.pr.setTok(n.parts[1], to)
		if to == "net_ip" {
			// one function for them all, told which by its first argument
			n.list[0].pre = sqlString(t.toks[n.parts[1]].lower) + ", " + n.list[0].pre
		}
		return
	}
	if qualified && t.d == BigQuery && !t.insideFrom(n, sc) {
		t.refuse(n.parts[0], refUDF, strings.ToUpper(t.source(n)[:strings.Index(t.source(n), "(")]))
		return
	}
	if qualified || t.insideFrom(n, sc) {
		return
	}
	if t.rewriteListFunc(n) {
		return
	}
	if t.d == Snowflake && isSeqCall(n) {
		// the row number of the query's TABLE(GENERATOR(...))
		col := seqColumn(sc)
		if col == "" && t.rowSeqs[n] {
			col = "(row_number() OVER () - 1)" // seq_rows.go
		}
		if col == "" {
			t.refuse(n.tok, refSeq, strings.ToUpper(t.toks[n.tok].text))
			return
		}
		n.print = func(pr *printer, c *node) string { return col + pr.carry(c, n.list...) }
		return
	}
	t.partitionIntervals(n)
	t.countDistinctInstants(n)
	t.refuseListExtreme(n)
	if t.rewriteIntervalCall(n) || t.rewriteSessionCall(n) || t.rewriteDuckMacro(n) || t.minMaxInstant(n) {
		return
	}
	if t.rewriteVariantTest(n) || t.rewriteVariantAccess(n) {
		return
	}
	if t.d == DuckDB && name == "timezone" && len(n.list) == 2 && n.x == nil {
		t.atTimeZone(n, n.list[1], n.list[0]) // timezone(zone, ts) is ts AT TIME ZONE zone
		return
	}
	if t.d == DuckDB && name == "histogram" && len(n.list) == 2 && !qualified {
		t.refuse(n.tok, refHistogram, strings.ToUpper(t.toks[n.tok].text))
		return
	}
	if t.d == DuckDB && seqFuncs[name] != "" && n.x == nil {
		t.sequenceCall(n)
		return
	}
	if r, ok := unfaithful[t.d][name]; ok && !t.columnsCall[n] {
		t.refuse(n.tok, r, strings.ToUpper(t.toks[n.tok].text))
		return
	}
	switch {
	case t.d == Snowflake && name == "replace" && len(n.list) == 2 && n.x == nil:
		// REPLACE(s, pattern): the replacement defaults to ''
		n.list[1].post += ", ''"
	case t.d == Snowflake && name == "is_null_value" && len(n.list) == 1 && n.x == nil:
		// IS_NULL_VALUE(v:path): SQLite's json_extract gives NULL both for a
		// JSON null and for no value, json_type tells them apart ('null' or
		// NULL), as Snowflake does (TRUE or NULL)
		arg := n.list[0]
		n.print = func(pr *printer, n *node) string {
			s := pr.text(arg)
			if args, ok := extractArgs(s); ok {
				return "(json_type(" + args + ") = 'null')" + pr.carry(n, arg)
			}
			return "is_json_null(" + s + ")" + pr.carry(n, arg)
		}
		return
	case t.d == DuckDB && name == "random" && len(n.list) == 0 && n.x == nil:
		// DuckDB's random() is a DOUBLE in [0, 1); SQLite's a 64-bit
		// integer: its top 53 bits, shifted from [-2^52, 2^52) to [0, 2^53),
		// over 2^53
		n.print = printAs("(((random() >> 11) + 4503599627370496) / 9007199254740992.0)")
		return
	case t.d == Snowflake && name == "random" && len(n.list) > 0 && n.x == nil:
		t.refuse(n.tok, refRandomSeed, strings.ToUpper(t.toks[n.tok].text))
		return
	case t.d == Snowflake && (name == "object_construct" || name == "object_construct_keep_null") && len(n.list) == 1 && isStar(t, n.list[0]):
		t.refuse(n.tok, refObjectStar, strings.ToUpper(t.toks[n.tok].text))
		return
	case t.d == Snowflake && (name == "object_construct" || name == "object_construct_keep_null") && len(n.list) > 0 && n.list[0].kind != nStar:
		// keys sorted, as Snowflake keeps an OBJECT's
		for i := 1; i < len(n.list); i += 2 {
			t.asJSON(n.list[i])
		}
		if name == "object_construct" {
			// members whose value is NULL are left out
			n.pre = objectWithoutNullsPre + n.pre
			n.post += objectWithoutNullsPost
		} else {
			n.pre = "json_keys_sorted(" + n.pre
			n.post += ")"
		}
		t.pr.setTok(n.tok, "json_object")
		return
	}
	if t.d == BigQuery && (name == "normalize" || name == "normalize_and_casefold") && len(n.list) == 2 {
		// the mode is a bare word: NORMALIZE(s, NFKC)
		if a := n.list[1]; a.kind == nName && len(a.parts) == 1 && normalModes[t.toks[a.parts[0]].lower] {
			t.pr.setTok(a.parts[0], sqlString(strings.ToUpper(t.toks[a.parts[0]].lower)))
			a.kind = nLit
		}
	}
	if t.d == DuckDB && name == "date_add" && !qualified && len(n.list) == 2 && t.refuseTextInterval(n.list[0], n.list[1]) {
		return
	}
	if t.d == DuckDB && name == "date_add" && !qualified && t.duckDBDaysAdded(n) {
		return
	}
	if t.duckFormatFirst(n, qualified) {
		return
	}
	if !qualified && len(n.list) == 1 && n.x == nil && t.duckIntegerFloor(name, n.list[0]) {
		// floor(5) is the DOUBLE 5.0 in DuckDB
		n.pre, n.post = "CAST("+n.pre, n.post+" AS REAL)"
		return
	}
	if t.refuseLiteralDates(n) || t.refuseNanosecondPart(n, false) {
		return
	}
	// DuckDB takes a part as a string only: datediff(day, a, b) and
	// date_trunc(month, x) read a column named day or month, and fail
	// where there is none, as there.
	if datePartArgs[name] && t.d != SQLite && t.d != DuckDB && len(n.list) >= 2 {
		// the part has one place, so that a column named date or day
		// elsewhere stays a column: third in BigQuery's *_DIFF and in
		// TIME_SLICE, second in BigQuery's others and in LAST_DAY and
		// TRUNC, first otherwise
		at := 0
		switch {
		case t.d == BigQuery && strings.HasSuffix(name, "_diff") || name == "time_slice":
			at = 2
		case t.d == BigQuery || name == "last_day" || name == "trunc" || name == "truncate":
			at = 1
		}
		if a := n.list[min(at, len(n.list)-1)]; a.kind == nName && len(a.parts) == 1 && t.toks[a.parts[0]].kind == kWord && (dateParts[t.toks[a.parts[0]].lower] || sqlfunc.IsDatePart(t.toks[a.parts[0]].lower)) {
			t.pr.setTok(a.parts[0], sqlString(t.toks[a.parts[0]].lower))
			a.kind = nLit
		}
		for _, a := range n.list {
			// BigQuery's WEEK(MONDAY): weeks starting on that day
			if a.kind == nCall && (a.name == "week" || a.name == "isoweek") && len(a.list) == 1 && a.list[0].kind == nName && len(a.list[0].parts) == 1 {
				day := t.toks[a.list[0].parts[0]].lower
				if weekdays[day] {
					a.print = printAs(sqlString(a.name + "(" + day + ")"))
					a.kind = nLit
				}
			}
		}
	}
	for _, a := range n.list {
		if a.kind == nInterval && !(t.hasIntervals() && intervalValueArgs[name]) {
			a.name = "arg" // printed as n, 'unit'
		}
	}
	if n.flag && n.x != nil && !(name == "count" && len(n.list) > 1) { // DISTINCT ... OVER
		if name == "count" || t.d == Snowflake && (name == "approx_count_distinct" || name == "hll") && len(n.list) == 1 && partitionOnly(n.x) {
			t.pr.setTok(n.tok, "count_distinct")
			t.pr.dropTok(n.tok2)
		} else if t.d == Snowflake && name == "listagg" && len(n.list) <= 2 && limitOf(n) == nil && partitionOnly(n.x) {
			// Snowflake's window LISTAGG takes only PARTITION BY: each
			// row gets its whole partition's distinct values, in the
			// WITHIN GROUP's order (partitionWithin), joined with '' by
			// default
			if t.equalityKey(n.list[0]) != "" {
				t.pr.setTok(n.tok, "listagg_distinct_instants")
			} else {
				t.pr.setTok(n.tok, "listagg_distinct_text")
				t.concatTimestamps(n.list[0])
			}
			t.pr.dropTok(n.tok2)
			if hasWithinGroup(n) {
				t.partitionWithin(n)
			}
		} else {
			t.refuse(n.tok, refWindowDistinct, strings.ToUpper(t.toks[n.tok].text))
		}
		return
	}
	if t.listaggDistinctInstants(n) {
		return
	}
	if t.d != SQLite && len(n.parts) <= 1 && len(n.list) > 0 && (name == "concat" || name == "concat_ws" && t.d != BigQuery) {
		// CONCAT and CONCAT_WS cast each value to a string as CAST does: a
		// timestamp as the warehouse writes it, a boolean as true or false
		// (DuckDB's numbers are written where its number types are read)
		args := n.list
		if name == "concat_ws" {
			args = args[1:]
		}
		t.concatTimestamps(args...)
		if t.d != DuckDB {
			t.concatText(args...)
		}
	}
	if (t.d == Snowflake || t.d == DuckDB) && len(n.list) > 0 && (name == "listagg" || name == "string_agg" || name == "group_concat") {
		// the warehouse casts each value to text, as CAST(ts AS VARCHAR)
		t.concatTimestamps(n.list[0])
		if t.d == Snowflake {
			// a boolean, a NUMBER(p, s), a VARIANT's value too
			t.concatText(n.list[0])
		}
	}
	if t.d == BigQuery && !qualified && name == "string_agg" && len(n.list) > 0 {
		if num := t.bigQueryNumberOf(n.list[0]); num != "" {
			t.refuse(skipSpace(t.toks, n.list[0].start), refStringAggNumber, num)
			return
		}
	}
	if n.flag && len(n.list) == 2 && (name == "string_agg" || name == "listagg" || name == "group_concat") {
		// SQLite takes DISTINCT only with one argument
		if lim := limitOf(n); lim != nil {
			t.refuse(lim.start, refAggLimit, strings.ToUpper(t.toks[n.tok].text))
			return
		}
		t.pr.setTok(n.tok, "string_agg_distinct")
		t.pr.dropTok(n.tok2)
		if n.x == nil {
			t.rewriteWithinGroup(n)
		}
		return
	}
	if t.rewriteWarehouseCall(n) {
		return
	}
	switch name {
	case "string_agg", "array_concat_agg":
		lim := limitOf(n)
		if lim == nil || t.d != BigQuery {
			break
		}
		// STRING_AGG(x[, sep] ORDER BY y LIMIT n): the count after the
		// separator, before the call's ORDER BY
		t.pr.setTok(n.tok, name+"_limit")
		limit := ", " + strings.Join(strings.Fields(t.source(lim.x)), " ")
		if len(n.list) == 1 && name == "string_agg" {
			limit = ", ','" + limit
		}
		if n.y != nil {
			n.y.pre = limit + " " + n.y.pre
		} else {
			n.list[len(n.list)-1].post += limit
		}
		lim.print = func(pr *printer, l *node) string { return pr.carry(l) }
		return
	case "array_agg", "list", "arrayagg":
		if name == "list" && t.d != DuckDB || t.d == SQLite {
			break
		}
		t.pr.setTok(n.tok, "json_group_array")
		if len(n.list) == 1 {
			t.asJSON(n.list[0])
		}
		limit := ""
		if lim := limitOf(n); lim != nil && len(n.list) == 1 {
			// the count goes before the call's ORDER BY, after its argument
			t.pr.setTok(n.tok, "array_agg_limit")
			if n.flag { // SQLite takes DISTINCT only with one argument
				t.pr.setTok(n.tok, "array_agg_distinct_limit")
				t.pr.dropTok(n.tok2)
			}
			limit = ", " + strings.Join(strings.Fields(t.source(lim.x)), " ")
			if n.y != nil {
				n.y.pre = limit + " " + n.y.pre
				limit = ""
			} else {
				n.list[0].post += limit
			}
			lim.print = func(pr *printer, l *node) string { return pr.carry(l) }
		}
		t.arrayAggDistinctInstants(n)
		if t.d == DuckDB && limit == "" && n.z == nil && len(n.list) == 1 && limitOf(n) == nil {
			// DuckDB's list over no rows (all filtered out, or an empty
			// window frame) is NULL, not []
			t.pr.setTok(n.tok, "list_or_null")
		}
		if len(n.list) == 1 && (n.z != nil && n.z.name == "ignore" || t.d == Snowflake) {
			arg, win := n.list[0], n.x
			if n.z != nil {
				n.z.print = func(pr *printer, z *node) string { return pr.carry(z) }
			}
			filter := func(pr *printer) string {
				pr.flat++
				defer func() { pr.flat-- }()
				// the argument without the ORDER BY of WITHIN GROUP
				text := strings.TrimSuffix(pr.text(arg), withinOrder(pr, n))
				return " FILTER (WHERE " + strings.TrimSpace(strings.TrimSuffix(text, limit)) + " IS NOT NULL)"
			}
			if win != nil {
				win.print = func(pr *printer, w *node) string { return filter(pr) + " " + pr.plain(w) }
			} else {
				n.print = func(pr *printer, c *node) string { return pr.plain(c) + filter(pr) }
			}
		}
		return
	case "unnest", "generate_subscripts", "regexp_split_to_table":
		switch {
		case t.unnestSeen[n]:
			return
		case name == "regexp_split_to_table" && t.d != DuckDB:
			break
		case t.d == DuckDB:
			t.refuse(n.tok, refUnnestSelect, name)
			return
		case name == "generate_subscripts":
			break
		case t.d == BigQuery:
			t.refuse(n.tok, refUnnestBigQuery)
			return
		case t.d == Snowflake:
			t.refuse(n.tok, refUnnestSnowflake)
			return
		}
	case "year", "quarter", "month", "week", "weekofyear", "day", "dayofmonth", "dayofweek", "dayofyear", "hour", "minute", "second",
		"dayofweekiso", "weekiso", "yearofweekiso", "yearofweek", "isodow", "isoyear", "weekday", "yearweek",
		"decade", "century", "millennium", "millisecond", "microsecond", "nanosecond", "timezone", "timezone_hour", "timezone_minute", "era":
		era := name == "decade" || name == "century" || name == "millennium" || name == "millisecond" || name == "microsecond" || name == "nanosecond" ||
			name == "timezone" || name == "timezone_hour" || name == "timezone_minute" || name == "era" // DuckDB's alone
		if (t.d == Snowflake && !era || t.d == DuckDB) && len(n.list) == 1 && !n.flag && n.x == nil {
			fn, _ := sqlfunc.Rename(string(t.d), "date_part")
			part := map[string]string{"dayofmonth": "day", "weekofyear": "week"}[name]
			if part == "" {
				part = name
			}
			if name == "nanosecond" {
				// the nanoseconds of the minute: its microseconds, 1,000 each
				part = "microsecond"
				n.pre, n.post = "("+n.pre, n.post+" * 1000)"
			}
			t.pr.setTok(n.tok, fn)
			n.list[0].pre = sqlString(part) + ", " + n.list[0].pre
			return
		}
	case "struct_insert", "struct_update":
		if t.d == DuckDB {
			// name := value is written 'name', value
			for _, a := range n.list[min(1, len(n.list)):] {
				if a.kind == nExpr && a.name != "" {
					a.print = func(pr *printer, a *node) string {
						return sqlString(a.name) + ", " + pr.text(a.x) + pr.carry(a, a.x)
					}
				}
			}
		}
	case "struct_pack":
		if t.d == DuckDB {
			t.pr.setTok(n.tok, "json_object")
			for _, a := range n.list {
				if a.kind == nExpr && a.name != "" {
					a.print = func(pr *printer, a *node) string {
						return sqlString(a.name) + ", " + pr.text(a.x) + pr.carry(a, a.x)
					}
				}
			}
			return
		}
	}
	if to, ok := sqlfunc.Rename(string(t.d), name); ok {
		t.pr.setTok(n.tok, to)
		name = to
	}
	if arrayResults[name] {
		// JSON built in Go: json() marks it as JSON for the functions
		// that nest it
		n.pre, n.post = "json("+n.pre, n.post+")"
	}
	if _, ok := sqlfunc.Rename(string(t.d), n.name); ok {
		return
	}
	if _, ok := durationUnits[name]; ok && t.d == DuckDB && !qualified {
		t.refuse(n.tok, refInterval) // to_days(n) outside x ± to_days(n)
		return
	}
	if t.d != SQLite && !t.insideFrom(n, sc) && !t.refuseSQLiteOnly(n, name) {
		return
	}
	if t.d != SQLite && !t.knownFunction(n.name, name) && !t.insideFrom(n, sc) && !t.columnsCall[n] && !t.resultScans[n] {
		hint := "the engine has no function of this name for %D SQL; write the computation with %D functions it has (README, SQL dialect)"
		if c := closestFunctionIn(t.d, name); c != "" {
			hint = "the closest known function is " + strings.ToUpper(c)
		}
		var others []string
		for _, o := range Dialects[1:] {
			if _, ok := sqlfunc.Rename(string(o), name); ok && o != t.d {
				others = append(others, dialectName(o))
			}
		}
		if len(others) > 0 {
			hint = strings.ToUpper(name) + " is a function of " + strings.Join(others, " and ") + " SQL; " + hint
		}
		if datePartShorthands[name] {
			hint = "write EXTRACT(" + strings.ToUpper(name) + " FROM x)"
		}
		t.refuse(n.tok, refusal{"unknown function " + strings.ToUpper(t.toks[n.tok].text) + " in %D SQL", hint})
	}
}

// datePartShorthands are Snowflake's and DuckDB's YEAR(x), MONTH(x)...:
// EXTRACT(part FROM x).
var datePartShorthands = map[string]bool{
	"year": true, "quarter": true, "month": true, "week": true, "weekofyear": true, "day": true,
	"dayofmonth": true, "dayofweek": true, "dayofyear": true, "hour": true, "minute": true, "second": true,
}

// weekdays name the first day of BigQuery's WEEK(<day>).
var weekdays = map[string]bool{"sunday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true}

// arrayResults are the sqlfunc functions that return arrays.
var arrayResults = map[string]bool{"generate_array": true, "list_sort_json": true, "list_distinct_json": true, "list_intersect_json": true, "regexp_split_json": true, "generate_date_array": true, "array_concat": true, "array_reverse": true, "array_flatten": true,
	"array_slice_snowflake": true, "array_distinct_all": true, "array_compact": true, "array_append": true, "array_prepend": true, "object_keys_sorted": true, "map_keys": true,
	"array_intersection_counted": true, "array_except_counted": true, "array_sort_snowflake": true, "array_insert_at": true, "array_remove_value": true,
	"array_remove_at": true, "array_generate_range": true, "array_construct_compact": true, "arrays_zip": true}

// insideFrom reports whether call n is a FROM item's table-valued function.
func (t *translator) insideFrom(n *node, sc *scope) bool {
	if sc == nil {
		return false
	}
	for _, r := range sc.rels {
		e := r.from.expr
		// Snowflake's TABLE(FLATTEN(...)): the call inside TABLE too
		if e == n || e != nil && e.kind == nCall && e.name == "table" && len(e.list) == 1 && e.list[0] == n {
			return true
		}
	}
	return false
}

// rewriteString writes a literal of the dialect as an SQLite string:
// BigQuery's "..." and r'...', triple quotes and backslash escapes.
func (t *translator) rewriteString(n *node) {
	if t.d == SQLite {
		return
	}
	text := t.toks[n.tok].text
	if t.d == BigQuery && strings.ContainsAny(text[:strings.IndexAny(text, `'"`)], "bB") {
		// BYTES: a blob, as FROM_HEX and MD5 give them, whatever bytes
		// its escapes write (\x00 and others no SQLite string holds)
		t.pr.setTok(n.tok, "X'"+hex.EncodeToString([]byte(stringValue(t.d, text)))+"'"+breaks(text))
		return
	}
	if out := sqlString(stringValue(t.d, text)); out != text {
		extra := breaks(text)
		out = strings.ReplaceAll(out, "\n", "' || char(10) || '")
		t.pr.setTok(n.tok, out+extra)
	}
}

// rewriteExtract writes EXTRACT(part FROM x) as a call with the part as a
// string: date(x) for DATE, otherwise the date_part function.
func (t *translator) rewriteExtract(n *node) {
	x, zone, part := n.x, n.y, n.name
	if t.refuseNanosecondPart(n, true) {
		return
	}
	if t.d == DuckDB && x != nil {
		a := x
		for a.kind == nParen && a.x != nil {
			a = a.x
		}
		if a.kind == nString {
			t.refuse(skipSpace(t.toks, x.start), refLiteralDate, "EXTRACT")
			return
		}
	}
	if zone == nil && part != "date" && t.intervalOf(x) {
		fn := "interval_part("
		if t.d == BigQuery {
			fn = "interval_part_bigquery("
		}
		n.print = func(pr *printer, n *node) string {
			return fn + sqlString(part) + ", " + pr.text(x) + ")" + pr.carry(n, x)
		}
		return
	}
	// the value, or with AT TIME ZONE its wall clock in that zone
	value := func(pr *printer) string {
		if zone != nil {
			return "datetime_of(" + pr.text(x) + ", " + pr.text(zone) + ")"
		}
		return pr.text(x)
	}
	if part == "date" {
		n.print = func(pr *printer, n *node) string { return "date(" + value(pr) + ")" + pr.carry(n, x, zone) }
		return
	}
	if t.d == BigQuery && (part == "time" || part == "datetime") {
		// BigQuery's EXTRACT(TIME | DATETIME FROM x) are TIME(x) and
		// DATETIME(x): the time of day and the wall clock, in UTC or
		// the zone given
		fn := map[string]string{"time": "time_of(", "datetime": "datetime_of("}[part]
		n.print = func(pr *printer, n *node) string {
			if zone != nil {
				return fn + pr.text(x) + ", " + pr.text(zone) + ")" + pr.carry(n, x, zone)
			}
			return fn + pr.text(x) + ")" + pr.carry(n, x)
		}
		return
	}
	fn := "date_part"
	if to, ok := sqlfunc.Rename(string(t.d), "date_part"); ok {
		fn = to
	}
	n.print = func(pr *printer, n *node) string {
		return fn + "(" + sqlString(part) + ", " + value(pr) + ")" + pr.carry(n, x, zone)
	}
}

// rewriteInterval writes INTERVAL n unit: as an argument (DATE_ADD(x,
// INTERVAL 1 DAY)) it becomes the two arguments n, 'unit' that the date
// functions take; elsewhere it is refused.
func (t *translator) rewriteInterval(n *node) {
	if n.name == "parts" {
		return // x + INTERVAL '1 month 2 days', written by addInterval
	}
	if t.refuseFractionalInterval(n) {
		return
	}
	x, unit := n.x, singularUnit(n.name)
	if n.name == "arg" {
		unit = ""
		if n.tok >= 0 {
			unit = singularUnit(t.toks[n.tok].lower)
		}
		if n.names != nil {
			unit = n.names[0] // DuckDB's to_days(n)
		}
	}
	if unit == "" && x.kind == nString {
		// DuckDB's INTERVAL '1 day'
		v := strings.Fields(stringValue(t.d, t.toks[x.tok].text))
		if len(v) == 2 {
			num, u := v[0], singularUnit(strings.ToLower(v[1]))
			n.print = func(pr *printer, n *node) string { return num + ", " + sqlString(u) + pr.carry(n) }
			if n.name != "arg" && t.rewriteIntervalValue(n) {
				return
			}
			if n.name != "arg" {
				t.refuse(n.start, refInterval)
			}
			return
		}
	}
	if n.name != "arg" && t.rewriteIntervalValue(n) {
		return
	}
	if n.name != "arg" || unit == "" {
		t.refuse(n.start, refInterval)
		return
	}
	if n.list != nil {
		// INTERVAL 1 DAY * n
		factor := n.list[0]
		n.print = func(pr *printer, n *node) string {
			return "(" + pr.text(x) + ") * (" + pr.text(factor) + "), " + sqlString(unit) + pr.carry(n, x, factor)
		}
		return
	}
	n.print = func(pr *printer, n *node) string { return pr.text(x) + ", " + sqlString(unit) + pr.carry(n, x) }
}

// numericTypes are the type names of BigQuery's typed number literals.
var numericTypes = map[string]bool{"numeric": true, "bignumeric": true, "decimal": true, "bigdecimal": true}

// rewriteTyped writes DATE '...', TIMESTAMP '...', JSON '...' and
// BigQuery's NUMERIC '...' literals.
func (t *translator) rewriteTyped(n *node) {
	lit := sqlString(stringValue(t.d, t.toks[n.tok].text))
	switch n.name {
	case "date":
		n.print = printAs("date(" + lit + ")")
	case "json":
		if t.d == BigQuery {
			n.print = printAs("json_canonical(json(" + lit + "))")
			return
		}
		n.print = printAs("json(" + lit + ")")
	case "numeric", "bignumeric", "decimal", "bigdecimal":
		// BigQuery's NUMERIC '2.5': the number, checked as a cast checks it
		text := strings.TrimSpace(stringValue(t.d, t.toks[n.tok].text))
		if _, err := strconv.ParseFloat(text, 64); err == nil && strings.Trim(text, "+-.0123456789") == "" {
			n.print = printAs("(" + text + ")")
		} else {
			n.print = printAs("cast_to(" + lit + ", 'REAL', 'bigquery', " + itoa(t.toks[n.tok].line) + ")")
		}
	default:
		if kind := timestampKind(t.d, n.name); kind != "" {
			t.rewriteTimestampLiteral(n, kind)
			return
		}
		n.print = printAs(lit)
	}
}

// refuseTokens refuses constructs met in a statement read token by token.
func (t *translator) refuseTokens(n *node) {
	i := n.start
	for _, k := range append(n.kids, &node{start: n.end, end: n.end}) {
		for ; i < k.start && i < n.end; i++ {
			tok := t.toks[i]
			if tok.kind == kPunct && tok.text == "::" {
				t.refuse(i, refNoOperand)
			}
			if tok.kind == kDot && t.d == BigQuery && i > n.start && t.toks[i-1].kind == kPunct && (t.toks[i-1].text == ")" || t.toks[i-1].text == "]") {
				// f(x).*, arr[OFFSET(0)].*: the fields of a struct value
				if nx := skipSpace(t.toks, i+1); nx < n.end && t.toks[nx].kind == kPunct && t.toks[nx].text == "*" {
					t.refuse(i, refStructStar, "(expression)")
				}
			}
			if tok.kind != kWord {
				continue
			}
			next := skipSpace(t.toks, i+1)
			nextWord := ""
			if next < len(t.toks) {
				nextWord = t.toks[next].lower
			}
			switch tok.lower {
			case "for":
				// [x + 1 for x, i, j in l]: a comprehension the parser
				// could not read
				if t.d == DuckDB && next < n.end && t.toks[next].kind == kWord {
					if after := skipSpace(t.toks, next+1); after < n.end && (t.toks[after].lower == "in" || t.toks[after].text == ",") {
						t.refuse(i, refComprehension)
					}
				}
			case "using":
				if t.d == DuckDB && nextWord == "sample" {
					t.refuse(i, refSample, "USING SAMPLE")
				}
			case "tablesample":
				t.refuse(i, refSample, "TABLESAMPLE")
			case "match_condition":
				if t.d == Snowflake {
					t.refuse(i, refMatchCondition)
				}
			case "sample":
				if t.d == Snowflake && (next < len(t.toks) && t.toks[next].text == "(" || nextWord == "bernoulli" || nextWord == "system" || nextWord == "row" || nextWord == "block") {
					t.refuse(i, refSample, "SAMPLE")
				}
			case "qualify":
				t.refuse(i, refQualifyHere)
			case "pivot":
				t.refuse(i, refPivot)
			case "unpivot":
				t.refuse(i, refUnpivot)
			case "merge":
				if nextWord == "into" {
					t.refuse(i, refMerge)
				}
			case "lateral":
				if nextWord == "flatten" {
					t.refuse(i, refFlatten)
				}
			case "full", "left", "inner", "outer":
				// BigQuery's FULL [OUTER] UNION ALL BY NAME and kin, which
				// the parser leaves: matching by name has other rules there
				op := nextWord
				if op == "outer" {
					if after := skipSpace(t.toks, next+1); after < len(t.toks) {
						op = t.toks[after].lower
					}
				}
				if setOperators[op] && !(tok.lower == "outer" && i > n.start && byNameModes[t.toks[prevWord(t.toks, i)].lower]) {
					t.refuse(i, refByNameMode, strings.ToUpper(tok.text)+" "+strings.ToUpper(nextWord)+" ...", dialectName(t.d))
				}
			}
		}
		if k.end > i {
			i = k.end
		}
	}
}

// setOperators are the words of set operations; byNameModes the words
// BigQuery writes before them.
var (
	setOperators = map[string]bool{"union": true, "intersect": true, "except": true}
	byNameModes  = map[string]bool{"full": true, "left": true, "inner": true}
)

// prevWord is the token before i that is not a space or comment, or i.
func prevWord(toks []token, i int) int {
	for j := i - 1; j >= 0; j-- {
		if toks[j].kind != kSpace && toks[j].kind != kComment {
			return j
		}
	}
	return i
}

// knownFunction reports whether a call written as written, which runs as
// name, is of a function the dialect has: in DuckDB one of its own list or
// SQLite's it shares; elsewhere, whose lists are not whole, one SQLite, the
// store or package sqlfunc has.
func (t *translator) knownFunction(written, name string) bool {
	if t.d == DuckDB {
		// DuckDB's list is whole: a name of the engine's own is not DuckDB's
		return sqliteFunctions[written] || duckDBFunction(written)
	}
	return sqliteFunctions[name] || sqlfunc.Has(name)
}

// sqliteFunctions are SQLite's own functions (core, aggregate, window,
// math, date and JSON) and the ones the store registers.
var sqliteFunctions = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(`abs changes char coalesce concat concat_ws format glob hex ifnull iif
		instr last_insert_rowid length like likelihood likely load_extension lower ltrim max min nullif
		octet_length printf quote random randomblob replace round rtrim sign soundex sqlite_compileoption_get
		sqlite_compileoption_used sqlite_offset sqlite_source_id sqlite_version substr substring total_changes
		trim typeof unhex unicode unlikely upper zeroblob avg count group_concat string_agg sum total
		row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
		acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2 mod
		pi pow power radians sin sinh sqrt tan tanh trunc date time datetime julianday unixepoch strftime
		timediff json jsonb json_array jsonb_array json_array_length json_error_position json_extract
		jsonb_extract json_insert jsonb_insert json_object jsonb_object json_patch jsonb_patch json_pretty
		json_remove jsonb_remove json_replace jsonb_replace json_set jsonb_set json_type json_valid json_quote
		json_group_array jsonb_group_array json_group_object jsonb_group_object json_each json_tree
		regexp match md5 raise cast current_timestamp current_date current_time now`) {
		m[f] = true
	}
	return m
}()

// rewriteSafe writes BigQuery's SAFE.f(...), which gives NULL where f
// fails: f's variant that gives NULL, or f rewritten as usual with the
// functions it runs as called through safe_call (safe_calls.go); ok is
// false when n is done (rewritten or refused).
func (t *translator) rewriteSafe(n *node) (ok bool) {
	fn := t.toks[n.parts[1]].lower
	for i := n.parts[0]; i < n.parts[1]; i++ {
		t.pr.dropTok(i)
	}
	if isAggregate(fn, len(n.list)) || n.x != nil {
		t.refuse(n.parts[0], refSafeScalar, strings.ToUpper(fn))
		return false
	}
	for _, a := range n.list {
		if a.kind == nLambda {
			t.refuse(n.parts[0], refSafeLambda, strings.ToUpper(fn))
			return false
		}
	}
	if msg := arityError(fn, len(n.list)); msg != "" {
		t.refuse(n.parts[0], refSafeArity, msg)
		return false
	}
	if v, has := safeVariants[fn]; has {
		t.pr.setTok(n.parts[1], v)
		if fn == "parse_json" && len(n.list) == 2 && wideNumberMode(n.list[1]) {
			x := n.list[1].x // json_or_null(x, mode)
			n.list[1].print = func(pr *printer, a *node) string { return strings.TrimSpace(pr.text(x)) + pr.carry(a, x) }
		}
		return false
	}
	n.name = fn
	t.safeCalls = append(t.safeCalls, n)
	return true
}

// bigQueryNamespaces are the prefixes of BigQuery's function families
// (NET.HOST, HLL_COUNT.MERGE); other qualified calls are the project's
// own functions (dataset.fn).
var bigQueryNamespaces = map[string]bool{"net": true, "hll_count": true, "keys": true, "aead": true, "kll_quantiles": true, "deterministic_aead": true}

// namespacedFunctions are those families' functions that run, and the
// sqlfunc function computing each.
var namespacedFunctions = map[string]string{"net.host": "net_host", "net.ip_from_string": "net_ip",
	"net.safe_ip_from_string": "net_ip", "net.ip_to_string": "net_ip", "net.ipv4_from_int64": "net_ip",
	"net.ipv4_to_int64": "net_ip", "net.ip_net_mask": "net_ip", "net.ip_trunc": "net_ip"}

// wideNumberMode tells whether a is PARSE_JSON's wide_number_mode => mode.
func wideNumberMode(a *node) bool {
	return a.kind == nExpr && a.name == "wide_number_mode" && a.x != nil
}

// safeVariants are the functions of pipeline/internal/sqlfunc computing SAFE.f.
var safeVariants = map[string]string{
	"parse_timestamp": "safe_parse_timestamp_strftime", "parse_datetime": "safe_parse_timestamp_strftime",
	"parse_date": "safe_parse_date_strftime", "divide": "safe_divide_real", "parse_json": "json_or_null",
}

// extractArgs returns the arguments of s when s is one call of
// json_extract(...) and nothing else.
func extractArgs(s string) (string, bool) {
	const pre = "json_extract("
	if !strings.HasPrefix(s, pre) {
		return "", false
	}
	depth, quote := 1, byte(0)
	for i := len(pre); i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return s[len(pre):i], i == len(s)-1
			}
		}
	}
	return "", false
}

// normalModes are the Unicode normalization forms of BigQuery's NORMALIZE.
var normalModes = map[string]bool{"nfc": true, "nfkc": true, "nfd": true, "nfkd": true}

// objectWithoutNullsPre and objectWithoutNullsPost wrap a json_object(...) as
// Snowflake's OBJECT_CONSTRUCT builds it: keys sorted, members whose value is
// NULL left out, by functions, so that the arguments are read where they
// are written (a subquery over json_each read a column named id, key,
// value or type as json_each's own).
const (
	objectWithoutNullsPre  = "json_keys_sorted(json_without_null_members("
	objectWithoutNullsPost = "))"
)

// havingOf is the HAVING MAX | MIN clause of a call, nil when it has none.
func havingOf(n *node) *node {
	for _, k := range n.kids {
		if k.kind == nExpr && strings.HasPrefix(k.name, "having ") {
			return k
		}
	}
	return nil
}

// refuseCollation refuses a warehouse's COLLATE other than SQLite's
// BINARY and NOCASE (DuckDB's nocase) and Snowflake's utf8, which compare
// as the warehouse's.
func (t *translator) refuseCollation(n *node) {
	if t.d == SQLite || n.tok < 0 || t.toks[n.tok].lower != "collate" {
		return
	}
	name := skipSpace(t.toks, n.tok+1)
	if name >= n.end {
		return
	}
	spec := strings.ToLower(strings.Trim(t.toks[name].text, `'"`))
	if spec == "binary" || spec == "nocase" && t.d == DuckDB {
		return
	}
	if t.d == Snowflake && (spec == "" || spec == "utf8") {
		// Snowflake's utf8 compares by the bytes, as SQLite does
		n.print = func(pr *printer, n *node) string { return pr.text(n.x) + pr.carry(n, n.x) }
		return
	}
	t.refuse(name, refCollate, t.toks[name].text)
}
