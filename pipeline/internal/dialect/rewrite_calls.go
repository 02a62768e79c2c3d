package dialect

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Calls of the warehouses that run as other SQL: Snowflake's BOOLAND,
// BITNOT and their kin, DECODE, EQUAL_NULL, TO_NUMBER and TRY_ forms and
// TRY_PARSE_JSON, DAYNAME and MONTHNAME, TRUNC of a number,
// APPROX_COUNT_DISTINCT, and WITHIN GROUP (ORDER BY ...).

// numberConversions are Snowflake's conversions to numbers; try says which
// give NULL instead of failing, real which give reals whatever the scale.
var numberConversions = map[string]struct{ try, real bool }{
	"to_number": {}, "to_decimal": {}, "to_numeric": {},
	"try_to_number": {try: true}, "try_to_decimal": {try: true}, "try_to_numeric": {try: true},
	"to_double": {real: true}, "try_to_double": {try: true, real: true},
}

// snowflakeOperators are Snowflake's functions that are SQLite operators:
// BOOLAND and its kin read numbers as booleans (0 is FALSE) with the
// three-valued logic of AND, OR and NOT; the bit functions are ~, << and >>.
var snowflakeOperators = map[string]string{
	"booland": "((%s) <> 0 AND (%s) <> 0)", "boolor": "((%s) <> 0 OR (%s) <> 0)",
	"boolxor": "(((%s) <> 0) <> ((%s) <> 0))", "boolnot": "(NOT ((%s) <> 0))",
	"bitnot": "(~(%s))", "bitshiftleft": "((%s) << (%s))", "bitshiftright": "((%s) >> (%s))",
}

// rewriteWarehouseCall rewrites call n when it is one of those; done is
// false when n is left to the general rules.
func (t *translator) rewriteWarehouseCall(n *node) (done bool) {
	args := n.list
	if t.d == Snowflake && len(n.parts) <= 1 && n.x == nil {
		switch n.name {
		case "coalesce", "nvl", "ifnull":
			t.coalesceNumbers(args)
		case "iff", "nvl2":
			if len(args) == 3 {
				t.coalesceNumbers(args[1:])
			}
		case "decode":
			t.coalesceNumbers(decodeResults(args))
		case "greatest", "least":
			t.firstArgumentType(args)
		}
	}
	if t.d == Snowflake && len(n.parts) <= 1 && (n.name == "first_value" || n.name == "last_value" || n.name == "nth_value") {
		t.wholeWindowFrame(n)
	}
	if t.d == DuckDB && n.x != nil && (n.name == "percentile_cont" || n.name == "percentile_disc" || n.name == "mode") && hasWithinGroup(n) {
		t.refuse(n.tok, refDuckWithinOver, strings.ToUpper(t.toks[n.tok].text))
		return true
	}
	if (n.name == "percentile_cont" || n.name == "percentile_disc" && (t.d == Snowflake || t.d == DuckDB)) && t.d != SQLite && len(args) == 1 && t.rewritePercentile(n) {
		return true
	}
	if t.d == DuckDB && n.name == "mode" && len(args) == 0 && n.x == nil && t.rewriteModeWithin(n) {
		return true
	}
	if n.x != nil && hasWithinGroup(n) && !strings.HasPrefix(n.name, "percentile") {
		if t.partitionWithin(n) {
			return false // the call itself as without WITHIN GROUP
		}
		t.refuse(n.tok, refWithinOver, strings.ToUpper(t.toks[n.tok].text))
		return true
	}
	if n.x == nil && len(args) > 0 && t.rewriteWithinGroup(n) {
		return false
	}
	if lim := limitOf(n); lim != nil && n.name != "array_agg" && !(t.d == BigQuery && (n.name == "string_agg" && len(args) <= 2 || n.name == "array_concat_agg" && len(args) == 1) && !n.flag && n.x == nil) {
		t.refuse(lim.start, refAggLimit, strings.ToUpper(t.toks[n.tok].text))
		return true
	}
	for _, k := range n.kids {
		// NTH_VALUE's FROM FIRST is its default; FROM LAST counts from
		// the frame's end, which nth_value_from_last does
		if k.kind == nRaw && k.name == "from last" {
			if n.name != "nth_value" || len(args) != 2 || n.x == nil {
				t.refuse(k.start, refNthFromLast)
				return true
			}
			t.pr.setTok(n.tok, "nth_value_from_last")
			k.print = func(pr *printer, z *node) string { return pr.carry(z) }
		} else if k.kind == nRaw && k.name == "from first" {
			k.print = func(pr *printer, z *node) string { return pr.carry(z) }
		}
	}
	if n.z != nil && n.x != nil {
		switch {
		case n.z.name == "respect":
			n.z.print = func(pr *printer, z *node) string { return pr.carry(z) }
		case n.name == "first_value" || n.name == "last_value":
			t.pr.setTok(n.tok, n.name+"_ignore_nulls")
			n.z.print = func(pr *printer, z *node) string { return pr.carry(z) }
			return true
		case t.d == Snowflake && (n.name == "lag" || n.name == "lead") && n.z.name == "ignore" && t.lagIgnoreNulls(n):
			return true
		default:
			t.refuse(n.z.start, refIgnoreNulls, strings.ToUpper(t.toks[n.tok].text))
			return true
		}
	}
	if n.name == "position" && len(args) == 2 {
		// POSITION(sub IN s): the IN between the arguments is a comma
		for i := args[0].end; i < args[1].start; i++ {
			if t.toks[i].kind == kWord && t.toks[i].lower == "in" {
				t.pr.setTok(i, ",")
			}
		}
	}
	if t.d == DuckDB && n.name == "substring" && len(n.parts) <= 1 && len(args) >= 2 {
		t.substringFromFor(args)
	}
	if t.d == DuckDB && n.name == "overlay" && len(n.parts) <= 1 {
		// OVERLAY(s PLACING r FROM start [FOR count]): the words are commas
		for k := 1; k < len(args); k++ {
			for i := args[k-1].end; i < args[k].start; i++ {
				if w := t.toks[i].lower; t.toks[i].kind == kWord && (w == "placing" || w == "from" || w == "for") {
					t.pr.setTok(i, ",")
				}
			}
		}
	}
	if t.d == DuckDB && n.name == "trim" && len(n.parts) <= 1 && t.rewriteTrimFrom(n) {
		return true
	}
	t.refuseTextArgs(n, args)
	if t.d == DuckDB && n.name == "make_date" && len(n.parts) <= 1 && len(args) == 1 {
		// make_date(days) takes an INTEGER, which DuckDB casts no wider
		// integer nor DECIMAL or DOUBLE to
		if typ := t.nonText(args[0]); typ != "" && (t.duckIntegerWidth(args[0]) > 32 || t.duckIntegerWidth(args[0]) == 0 && t.numberType(args[0]) != "") {
			t.refuse(args[0].start, refMakeDateDays, strings.TrimSpace(t.source(args[0])), typ)
		}
	}
	if t.d == DuckDB && (n.name == "lpad" || n.name == "rpad") && len(n.parts) <= 1 && len(args) == 3 && t.duckIntegerWidth(args[1]) > 32 {
		// DuckDB's count is an INTEGER, which a BIGINT is not cast to
		t.refuse(args[1].start, refPadCount, n.name, strings.TrimSpace(t.source(args[1])), t.fullType(args[1]))
	}
	if t.d == DuckDB && (n.name == "strftime" || n.name == "strptime") && len(n.parts) <= 1 && n.x == nil && len(args) == 2 && args[1].kind == nString {
		// DuckDB checks a written format when it binds, whether or not a
		// row reaches the call
		if err := sqlfunc.CheckDuckDBFormat(stringValue(t.d, t.toks[args[1].tok].text)); err != nil {
			t.refuse(args[1].start, refDuckFormat, n.name, err.Error())
		}
	}
	if t.d == DuckDB && (n.name == "substr" || n.name == "substring") && len(n.parts) <= 1 && n.x == nil && (len(args) == 2 || len(args) == 3) {
		// a BIGINT offset or length may leave DuckDB's range, which fails
		for i, a := range args[1:] {
			if t.duckIntegerWidth(a) >= 64 {
				a.pre = "substring_bound(" + a.pre
				a.post += ", '" + []string{"offset", "length"}[i] + "', " + itoa(t.toks[n.tok].line) + ")"
			}
		}
	}
	if t.d == DuckDB && (n.name == "left" || n.name == "left_grapheme") && len(n.parts) <= 1 && n.x == nil && len(args) == 2 && t.duckIntegerWidth(args[1]) >= 64 {
		// left is a substring: its count may not pass 4294967295
		args[1].pre = "substring_bound(" + args[1].pre
		args[1].post += ", 'length', " + itoa(t.toks[n.tok].line) + ", 0)"
	}
	if t.d == DuckDB && n.name == "bit_count" && len(n.parts) <= 1 && len(args) == 1 && n.x == nil {
		// a negative integer's bits are those of its type's width
		x, width, line := args[0], strconv.Itoa(t.duckIntegerWidth(args[0])), itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "bit_count_duck(" + pr.text(x) + ", " + width + ", " + line + ")" + pr.carry(n, x)
		}
		return true
	}
	if op, ok := snowflakeOperators[n.name]; ok && t.d == Snowflake && len(args) == strings.Count(op, "%s") && n.x == nil {
		n.print = func(pr *printer, n *node) string {
			vals := make([]any, len(args))
			for i, a := range args {
				vals[i] = strings.TrimSpace(pr.text(a))
			}
			return fmt.Sprintf(op, vals...) + pr.carry(n, args...)
		}
		return true
	}
	switch {
	case t.d == Snowflake && n.name == "collate" && len(args) == 2 && n.x == nil && len(n.parts) <= 1:
		// COLLATE(s, spec) is s COLLATE spec: utf8 (and no spec) compare
		// by the bytes, as SQLite does; any other is refused as the
		// operator's is
		spec := args[1]
		if spec.start+1 != spec.end || t.toks[spec.start].kind != kString {
			t.refuse(spec.start, refCollate, "of a computed specification")
			return true
		}
		if v := strings.ToLower(strings.Trim(t.toks[spec.start].text, `'`)); v != "" && v != "utf8" {
			t.refuse(spec.start, refCollate, t.toks[spec.start].text)
			return true
		}
		n.print = func(pr *printer, n *node) string {
			return "(" + strings.TrimSpace(pr.text(args[0])) + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 2 && n.x == nil:
		// a numeric format model: TM9 writes all the digits of the
		// NUMBER's scale, which the call is given where it is known
		if s, ok := t.snowflakeScale(args[0]); ok {
			t.addArgument(n, strconv.Itoa(s))
		}
		return false
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 1 && n.x == nil && t.timestampOf(args[0]) != "":
		// TO_VARCHAR of a timestamp without a format writes it as its
		// cast to VARCHAR does (2024-03-10 20:00:00.000)
		t.concatTimestamps(args[0])
		n.print = func(pr *printer, n *node) string { return pr.text(args[0]) + pr.carry(n, args...) }
		return true
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 1 && n.x == nil && t.isDecimal(args[0]):
		// TO_VARCHAR of a NUMBER(p, s): all s digits after the point
		s, _ := decimalScale(t.staticType(args[0]))
		n.print = func(pr *printer, n *node) string {
			return "decimal_text(" + pr.text(args[0]) + ", " + s + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 1 && n.x == nil && args[0].kind == nCall && (args[0].name == "get" || args[0].name == "get_path"):
		t.variantValue(args[0])
		return false
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 1 && n.x == nil &&
		(args[0].kind == nPath || args[0].kind == nIndex || args[0].kind == nField):
		// TO_VARCHAR of a VARIANT's value (v:a, v['a'], v[0]) writes a
		// boolean as true or false, as its cast does
		n.print = func(pr *printer, n *node) string {
			v := pr.text(args[0])
			if x, ok := extractArgs(strings.TrimSpace(v)); ok {
				return variantBooleanText(x, "to_char_snowflake("+v+")") + pr.carry(n, args...)
			}
			return "to_char_snowflake(" + v + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && (n.name == "to_varchar" || n.name == "to_char") && len(args) == 1 && n.x == nil && t.booleanOf(args[0]):
		// TO_VARCHAR of a boolean is 'true' or 'false', as its cast is
		n.print = func(pr *printer, n *node) string {
			v := pr.text(args[0])
			return "CASE WHEN " + v + " THEN 'true' WHEN NOT " + v + " THEN 'false' END" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && n.name == "count" && len(args) > 1:
		// COUNT([DISTINCT] a, b) [OVER (...)]: the rows, or distinct
		// tuples, where no value is NULL; SQLite's count takes one
		// argument, and DISTINCT in a window only as count_distinct
		n.print = func(pr *printer, n *node) string {
			pr.flat++ // each value is printed twice
			vals := make([]string, len(args))
			conds := make([]string, len(args))
			for i, a := range args {
				vals[i] = strings.TrimSpace(pr.text(a))
				conds[i] = "(" + vals[i] + ") IS NOT NULL"
			}
			window := ""
			if n.x != nil {
				window = " " + strings.TrimSpace(pr.text(n.x))
			}
			pr.flat--
			when := "CASE WHEN " + strings.Join(conds, " AND ") + " THEN "
			switch {
			case n.flag && n.x != nil:
				return "count_distinct(" + when + "json_array(" + strings.Join(vals, ", ") + ") END)" + window + pr.carry(n, append(args, n.x)...)
			case n.flag:
				return "count(DISTINCT " + when + "json_array(" + strings.Join(vals, ", ") + ") END)" + pr.carry(n, args...)
			}
			return "count(" + when + "1 END)" + window + pr.carry(n, append(args, n.x)...)
		}
		return true
	case (t.d == DuckDB || t.d == BigQuery) && n.name == "count" && len(args) > 1:
		// DuckDB's count and BigQuery's COUNT take one argument: both
		// refuse count(a, b) before running
		t.refuse(n.tok, refCountArgs)
		return true
	case t.d != SQLite && n.name == "mod" && len(args) == 2 && n.x == nil:
		// MOD(a, b): whole numbers stay whole (SQLite's mod() gives a real)
		line := itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "modulo(" + strings.TrimSpace(pr.text(args[0])) + ", " + strings.TrimSpace(pr.text(args[1])) + ", " + sqlString(string(t.d)) + ", " + line + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && (n.name == "conditional_true_event" || n.name == "conditional_change_event") && len(args) == 1 && n.x != nil:
		// counted over the rows from the partition's start to this one
		n.x.print = func(pr *printer, w *node) string {
			text := pr.plain(w)
			if i := strings.LastIndex(text, ")"); i > 0 && strings.TrimSpace(text[i+1:]) == "" {
				return text[:i] + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW" + text[i:]
			}
			return text
		}
		return false
	case t.d == Snowflake && n.name == "array_unique_agg" && len(args) == 1 && n.x != nil && !n.flag:
		// over a window: SQLite takes no DISTINCT there
		t.pr.setTok(n.tok, "array_agg_distinct_of")
		return true
	case t.d == Snowflake && n.name == "array_unique_agg" && len(args) == 1 && n.x == nil && !n.flag:
		// the distinct values, NULL left out
		t.pr.setTok(n.tok, "json_group_array")
		args[0].pre = "DISTINCT " + args[0].pre
		n.print = func(pr *printer, c *node) string {
			pr.flat++
			text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(pr.text(args[0])), "DISTINCT "))
			pr.flat--
			return pr.plain(c) + " FILTER (WHERE " + text + " IS NOT NULL)"
		}
		return true
	case t.d == Snowflake && n.name == "array_to_string" && len(args) == 2 && n.x == nil:
		// a NULL element is an empty string
		args[1].post += ", ''"
		return false
	case t.d == Snowflake && n.name == "decode" && len(args) >= 3 && n.x == nil:
		// DECODE(x, s1, r1, ..., default): NULL matches NULL, as IS does
		compared := []*node{args[0]}
		for i := 1; i+1 < len(args); i += 2 {
			compared = append(compared, args[i])
		}
		t.compareTimestamps(compared...)
		n.print = func(pr *printer, n *node) string {
			x := strings.TrimSpace(pr.text(args[0]))
			var b strings.Builder
			b.WriteString("CASE")
			i := 1
			for ; i+1 < len(args); i += 2 {
				b.WriteString(" WHEN " + x + " IS " + strings.TrimSpace(pr.text(args[i])) + " THEN " + strings.TrimSpace(pr.text(args[i+1])))
			}
			if i < len(args) {
				b.WriteString(" ELSE " + strings.TrimSpace(pr.text(args[i])))
			}
			return b.String() + " END" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && n.name == "nullif" && len(args) == 2 && n.x == nil && (t.mayKeepOffset(args[0]) || t.mayKeepOffset(args[1])):
		// NULLIF of a TIMESTAMP_TZ compares instants and gives x as written
		n.print = func(pr *printer, n *node) string {
			a, b := strings.TrimSpace(pr.text(args[0])), strings.TrimSpace(pr.text(args[1]))
			return "CASE WHEN as_timestamp(" + a + ") = as_timestamp(" + b + ") THEN NULL ELSE " + a + " END" + pr.carry(n, args...)
		}
		return true
	case t.d != SQLite && n.name == "nullif" && len(args) == 2 && n.x == nil && t.timestampOf(args[0]) != "" && args[1].kind == nString:
		// NULLIF(ts, 'text') compares as ts = 'text' does: the text is
		// read as a timestamp
		t.compareTimestamps(args[0], args[1])
		return false
	case t.d == Snowflake && n.name == "equal_null" && len(args) == 2:
		t.compareTimestamps(args[0], args[1])
		n.print = func(pr *printer, n *node) string {
			return "(" + strings.TrimSpace(pr.text(args[0])) + " IS " + strings.TrimSpace(pr.text(args[1])) + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && n.name == "try_parse_json" && len(args) == 1:
		n.print = func(pr *printer, n *node) string {
			x := strings.TrimSpace(pr.text(args[0]))
			return "CASE WHEN json_valid(" + x + ") THEN json_keys_sorted(json(" + x + ")) END" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && n.name == "parse_json" && len(args) == 1:
		// an OBJECT's keys sorted, as Snowflake keeps them
		n.print = func(pr *printer, n *node) string {
			return "json_keys_sorted(json(" + strings.TrimSpace(pr.text(args[0])) + "))" + pr.carry(n, args...)
		}
		return true
	case (t.d == Snowflake || t.d == DuckDB) && (n.name == "dayname" || n.name == "monthname") && len(args) == 1:
		letters := "0"
		if t.d == Snowflake {
			letters = "3" // Mon, Jan
		}
		args[0].post += ", " + letters
		return false
	case t.d == Snowflake && (n.name == "trunc" || n.name == "truncate") && len(args) == 1:
		// TRUNC of a number: toward zero
		n.print = func(pr *printer, n *node) string {
			return "CAST(trunc(" + strings.TrimSpace(pr.text(args[0])) + ") AS INTEGER)" + pr.carry(n, args...)
		}
		return true
	case t.d == Snowflake && (n.name == "trunc" || n.name == "truncate") && len(args) == 2 && wholeNumber(t.source(args[1])):
		// TRUNC(x, scale) of a number, toward zero at that scale (negative
		// before the point); TRUNC(x, 'part') truncates dates
		t.pr.setTok(n.tok, "trunc_to")
		return true
	case t.d == Snowflake && n.name == "ratio_to_report" && len(args) == 1 && n.x != nil:
		// x / SUM(x) OVER (...), NULL when the sum is 0
		win := n.x
		n.print = func(pr *printer, n *node) string {
			x := strings.TrimSpace(pr.text(args[0]))
			return "(CAST(" + x + " AS REAL) / NULLIF(sum(" + x + ") " + strings.TrimSpace(pr.text(win)) + ", 0))" + pr.carry(n, args[0], win)
		}
		return true
	case (t.d == BigQuery && (n.name == "to_json_string" || n.name == "to_json") || t.d == DuckDB && n.name == "to_json") && len(args) >= 1 && n.x == nil:
		t.asJSON(args[0])
		if t.d == BigQuery && n.name == "to_json" {
			canonicalJSON(n)
		}
		return false
	case t.d == DuckDB && len(n.parts) <= 1 && (n.name == "json_group_array" || n.name == "json_array" || n.name == "json_group_object" || n.name == "json_object" || n.name == "row" || n.name == "list_value" || n.name == "list_pack"):
		// a JSON value, a list or a struct (read from a column, where it
		// is text) is put in as JSON, as DuckDB puts it, and so are the
		// elements of list_value, as those of [...]
		for i, a := range args {
			if n.name == "json_group_array" || n.name == "json_array" || n.name == "row" || n.name == "list_value" || n.name == "list_pack" || i%2 == 1 {
				t.asJSON(a)
			}
		}
		return false
	case t.d == BigQuery && n.name == "parse_json" && n.x == nil:
		if len(args) == 2 && wideNumberMode(args[1]) {
			// wide_number_mode => 'exact' | 'round': a number is kept
			// as written either way
			first := args[0]
			n.print = func(pr *printer, c *node) string {
				return strings.TrimSpace(pr.tokText(c.tok)) + "(" + strings.TrimSpace(pr.text(first)) + ")" + pr.carry(c, args...)
			}
		}
		canonicalJSON(n)
		return false
	case t.d == BigQuery && n.name == "json_object" && len(n.parts) <= 1 && n.x == nil:
		if len(args) == 2 && (args[0].kind == nArray || t.staticType(args[0]) == TypeList) {
			t.refuse(n.tok, refJSONObjectArrays)
			return true
		}
		for i := 1; i < len(args); i += 2 {
			t.asJSON(args[i])
		}
		canonicalJSON(n)
		return false
	case t.d == BigQuery && n.name == "format" && len(args) > 1 && n.x == nil:
		// a value whose type SQLite's does not tell is marked with it, for
		// %t and %T
		for _, a := range args[1:] {
			switch typ := t.staticType(a); typ {
			case TypeBool, TypeDate, sqlfunc.KindInstant, sqlfunc.KindWallClock:
				a.pre = "format_arg_typed(" + a.pre
				a.post += ", '" + typ + "')"
			}
		}
		return false
	case t.d == BigQuery && n.name == "json_keys" && len(args) > 1 && n.x == nil:
		return t.namedArgs(n, "max_depth", "mode")
	case t.d == BigQuery && (n.name == "json_array_append" || n.name == "json_array_insert") && len(args) > 3 && n.x == nil:
		// the each-element flag by name: last, after the pairs
		last := args[len(args)-1]
		if last.kind == nExpr && (last.name == "append_each_element" || last.name == "insert_each_element") && last.x != nil && len(args)%2 == 0 {
			x := last.x
			last.print = func(pr *printer, l *node) string { return strings.TrimSpace(pr.text(x)) + pr.carry(l, x) }
		}
		return false
	case t.d == BigQuery && n.name == "json_strip_nulls" && len(args) > 1 && n.x == nil:
		return t.namedArgs(n, "json_path", "include_arrays", "remove_empty")
	case t.d == DuckDB && (n.name == "length" || n.name == "repeat") && len(args) >= 1 && n.x == nil && t.isList(args[0]):
		// of a list: its elements (length([1, 2]) is 2), repeated
		// (repeat([1], 2) is [1, 1]), where text functions took its JSON
		if n.name == "length" {
			t.pr.setTok(n.tok, "json_array_length")
		} else {
			t.pr.setTok(n.tok, "list_repeat")
		}
		return true
	case t.d == DuckDB && n.name == "map_from_entries" && len(args) == 1 && n.x == nil && tupleEntries(args[0]):
		// map_from_entries([('a', 1), ('b', 2)]): each tuple's first value
		// the key, its second the value, as MAP {'a': 1, 'b': 2}
		entries := args[0].list
		for _, e := range entries {
			t.asJSON(e.list[0])
			t.asJSON(e.list[1])
		}
		n.print = func(pr *printer, n *node) string {
			parts := make([]string, len(entries))
			for i, e := range entries {
				parts[i] = "json_object('key', " + strings.TrimSpace(pr.text(e.list[0])) + ", 'value', " + strings.TrimSpace(pr.text(e.list[1])) + ")"
			}
			return "duck_map(json_array(" + strings.Join(parts, ", ") + "))" + pr.carry(n, args...)
		}
		return true
	case t.d == DuckDB && n.name == "approx_quantile" && len(args) == 2 && n.x == nil && withinOf(n) == nil && !n.flag:
		// DuckDB's t-digest read at q, its value of x's type: an
		// integer's rounded, a DECIMAL's at its scale (-1: a DOUBLE's)
		scale := "-1"
		if s, ok := numberScale(t.numberType(args[0])); ok {
			scale = strconv.Itoa(s)
		}
		qs := []*node{args[1]}
		if args[1].kind == nArray {
			qs = args[1].list
		}
		list := args[1].kind == nArray
		n.print = func(pr *printer, n *node) string {
			pr.flat++
			defer func() { pr.flat-- }()
			x := strings.TrimSpace(pr.text(args[0]))
			parts := make([]string, len(qs))
			for i, q := range qs {
				parts[i] = "approx_quantile_duck(" + x + ", " + strings.TrimSpace(pr.text(q)) + ", " + scale + ")"
			}
			if !list {
				return parts[0] + pr.carry(n, args...)
			}
			return "json_array(" + strings.Join(parts, ", ") + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == DuckDB && (n.name == "quantile_cont" || n.name == "quantile_disc" || n.name == "quantile") && len(args) == 2 && args[1].kind == nArray && len(args[1].list) > 0 && n.x == nil && withinOf(n) == nil && !n.flag:
		// quantile_cont(x, [q1, q2]): the list of each quantile's value
		fn := "quantile_disc_of("
		if n.name == "quantile_cont" {
			fn = "quantile_cont_of("
		}
		qs := args[1].list
		n.print = func(pr *printer, n *node) string {
			pr.flat++
			defer func() { pr.flat-- }()
			x := strings.TrimSpace(pr.text(args[0]))
			parts := make([]string, len(qs))
			for i, q := range qs {
				parts[i] = fn + x + ", " + strings.TrimSpace(pr.text(q)) + ")"
			}
			return "json_array(" + strings.Join(parts, ", ") + ")" + pr.carry(n, args...)
		}
		return true
	case t.d == DuckDB && topN(n) != nil && n.x == nil:
		top, sign := topN(n), "1"
		if strings.HasPrefix(n.name, "min") || strings.HasPrefix(n.name, "arg_min") || n.name == "argmin" {
			sign = "-1"
		}
		n.print = func(pr *printer, n *node) string {
			s := make([]string, 3)
			for i, a := range top {
				s[i] = strings.TrimSpace(pr.text(a))
			}
			return "extremes_of(" + strings.Join(s, ", ") + ", " + sign + ")" + pr.carry(n, n.list...)
		}
		return true
	case t.d == DuckDB && (n.name == "list_sum" || n.name == "list_avg") && len(args) == 1 && n.x == nil && t.listScale(args[0]) != "":
		// the elements are DECIMALs: summed exactly at their scale
		args[0].post += ", " + t.listScale(args[0])
		return false
	case (t.d != SQLite && n.name == "approx_count_distinct" || t.d == Snowflake && n.name == "hll") && len(args) == 1 && n.x == nil:
		t.pr.setTok(n.tok, "count")
		if !n.flag { // DISTINCT, written or not, has no effect
			args[0].pre = "DISTINCT " + args[0].pre
		}
		return true
	case t.d == Snowflake && (n.name == "approx_count_distinct" || n.name == "hll") && len(args) == 1 && partitionOnly(n.x):
		// Snowflake's window form takes PARTITION BY alone (no ORDER BY,
		// no frame): exact, as in the aggregate form
		t.pr.setTok(n.tok, "count_distinct")
		return true
	case t.d == Snowflake && (n.name == "approx_count_distinct" || n.name == "hll") && n.x != nil:
		t.refuse(n.tok, refApproxWindow, strings.ToUpper(t.toks[n.tok].text))
		return true
	}
	conv, ok := numberConversions[n.name]
	all := args
	var format *node
	if ok && t.d == Snowflake && len(args) > 1 && args[1].kind == nString {
		// TO_NUMBER(s, 'format'[, p[, s]]): s read with the format model
		// (sqlfunc/number_parse.go), then converted as without it
		if err := sqlfunc.CheckNumberParse(stringValue(t.d, t.toks[args[1].tok].text)); err != nil {
			t.refuse(args[1].start, refNumberFormat, strings.ToUpper(t.toks[n.tok].text), err.Error())
			return true
		}
		format, args = args[1], append([]*node{args[0]}, args[2:]...)
	}
	if !ok || t.d != Snowflake || len(args) == 0 || len(args) > 3 {
		return false
	}
	// TO_NUMBER(x[, precision[, scale]]): the scale is 0 unless given
	typ := sqlType{affinity: "INTEGER"}
	if !conv.real && len(args) >= 2 {
		// rounded to the scale and checked against the precision, as a
		// cast to NUMBER(p, s) is
		typ.precision = strings.TrimSpace(t.source(args[1]))
		if len(args) == 3 {
			if s := strings.TrimSpace(t.source(args[2])); strings.Trim(s, "0") != "" {
				typ.affinity, typ.scale = "REAL", s
			}
		}
		for _, v := range []string{typ.precision, typ.scale} {
			if strings.Trim(v, "0123456789") != "" {
				typ.precision, typ.scale = "", "" // not literals: converted only
			}
		}
	}
	if conv.real {
		typ.affinity = "REAL"
	}
	line := itoa(t.toks[n.tok].line)
	n.print = func(pr *printer, n *node) string {
		x := strings.TrimSpace(pr.text(args[0]))
		if format != nil && conv.try {
			x = "safe_call(" + x + ", " + pr.text(format) + ", 'parse_number_snowflake')"
		} else if format != nil {
			x = "parse_number_snowflake(" + x + ", " + pr.text(format) + ")"
		}
		if conv.try {
			return scaled(typ, "try_cast("+x+", '"+typ.affinity+"', 'snowflake')", "") + pr.carry(n, all...)
		}
		return scaled(typ, "cast_to("+x+", '"+typ.affinity+"', 'snowflake', "+line+")", line) + pr.carry(n, all...)
	}
	return true
}

// rewriteWithinGroup moves WITHIN GROUP (ORDER BY ...) of an aggregate
// into the call, where SQLite takes it: listagg(x, ',' ORDER BY x).
func (t *translator) rewriteWithinGroup(n *node) bool {
	w := withinOf(n)
	if w == nil || strings.HasPrefix(n.name, "percentile") {
		return false
	}
	last := n.list[len(n.list)-1]
	before := last.print
	closing := last.end
	for closing < n.end && (t.toks[closing].kind == kSpace || t.toks[closing].kind == kComment) {
		closing++
	}
	last.print = func(pr *printer, x *node) string {
		text := pr.plain(x)
		if before != nil {
			text = before(pr, x)
		}
		if closing < n.end && t.toks[closing].text == ")" {
			// the ORDER BY goes before the call's closing parenthesis,
			// after what other rewrites put around the argument
			// (json_keys_sorted(x) of an OBJECT_CONSTRUCT)
			pr.setTok(closing, withinOrder(pr, n)+")")
			return text
		}
		return text + withinOrder(pr, n)
	}
	w.print = func(pr *printer, w *node) string { return pr.carry(w) }
	return true
}

// partitionWithin writes Snowflake's LISTAGG(x, sep) or ARRAY_AGG(x)
// WITHIN GROUP (ORDER BY o) OVER (PARTITION BY p), which aggregates each
// whole partition in the WITHIN GROUP's order, as the window SQLite takes:
// OVER (PARTITION BY p ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND
// UNBOUNDED FOLLOWING). Snowflake takes neither an ORDER BY nor a frame in
// their OVER. LISTAGG(DISTINCT ...) keeps the first of each value in that
// order (rewriteCall's DISTINCT window).
func (t *translator) partitionWithin(n *node) bool {
	if t.d != Snowflake || n.flag && n.name != "listagg" || n.name != "listagg" && n.name != "array_agg" && n.name != "arrayagg" {
		return false
	}
	w := n.x
	if len(w.kids) != 1 || w.kids[0].kind != nExpr || w.kids[0].name != "over" {
		return false // OVER name
	}
	spec := w.kids[0]
	if len(spec.list) > 0 {
		return false
	}
	if i := skipSpace(t.toks, spec.start+1); i < spec.end && t.toks[i].kind == kWord && t.toks[i].lower != "partition" {
		return false // a named window, or a frame
	}
	for _, k := range spec.kids {
		if k.kind == nSoup {
			return false
		}
	}
	parts := spec.kids
	for _, k := range n.kids {
		if k.kind == nExpr && k.name == "within" {
			k.print = func(pr *printer, k *node) string { return pr.carry(k) }
		}
	}
	spec.print = func(pr *printer, spec *node) string {
		var b strings.Builder
		b.WriteString("(")
		for i, p := range parts {
			if i == 0 {
				b.WriteString("PARTITION BY ")
			} else {
				b.WriteString(", ")
			}
			b.WriteString(strings.TrimSpace(pr.text(p)))
		}
		b.WriteString(withinOrder(pr, n) + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)")
		return b.String() + pr.carry(spec, parts...)
	}
	return true
}

// hasWithinGroup tells whether call n has WITHIN GROUP (...).
func hasWithinGroup(n *node) bool { return withinOf(n) != nil }

// withinOf is call n's WITHIN GROUP (...), nil when it has none.
func withinOf(n *node) *node {
	for _, k := range n.kids {
		if k.kind == nExpr && k.name == "within" {
			return k
		}
	}
	return nil
}

// withinOrder is " ORDER BY ..." of call n's WITHIN GROUP as written into
// the call, "" when it has none.
func withinOrder(pr *printer, n *node) string {
	for _, w := range n.kids {
		if w.kind == nExpr && w.name == "within" {
			pr.flat++
			defer func() { pr.flat-- }()
			var items []string
			for _, o := range w.list {
				items = append(items, strings.TrimSpace(pr.text(o)))
			}
			return " ORDER BY " + strings.Join(items, ", ")
		}
	}
	return ""
}

// limitOf is the LIMIT inside call n, or nil.
func limitOf(n *node) *node {
	for _, k := range n.kids {
		if k.kind == nExpr && k.name == "limit" {
			return k
		}
	}
	return nil
}

// rewritePercentile writes PERCENTILE_CONT(q) WITHIN GROUP (ORDER BY x
// [DESC]) [OVER (...)] as quantile_cont_of(x, q), with 1 - q for DESC, and
// Snowflake's PERCENTILE_DISC as quantile_disc_of(x, q) (of -x for DESC).
func (t *translator) rewritePercentile(n *node) bool {
	w := withinOf(n)
	if w == nil || len(w.list) != 1 {
		return false
	}
	o, q, win := w.list[0], n.list[0], n.x
	// DuckDB's of a DECIMAL keeps its scale, cut off towards zero, as
	// quantile_cont(x, q) does
	scale, dec := "", false
	if t.d == DuckDB && n.name == "percentile_cont" {
		if num := t.numberType(o.x); num != "INTEGER" {
			var s int
			s, dec = numberScale(num)
			scale = strconv.Itoa(s)
		}
	}
	n.print = func(pr *printer, n *node) string {
		qt := strings.TrimSpace(pr.text(q))
		if o.flag {
			qt = "1 - (" + qt + ")"
		}
		text := "quantile_cont_of(" + strings.TrimSpace(pr.text(o.x)) + ", " + qt + ")"
		if dec {
			text = "quantile_cont_decimal(" + strings.TrimSpace(pr.text(o.x)) + ", " + qt + ", " + scale + ")"
		}
		if n.name == "percentile_disc" {
			x := strings.TrimSpace(pr.text(o.x))
			if o.flag {
				x = "-(" + x + ")" // DESC: the order of the negated numbers
				text = "-quantile_disc_of(" + x + ", " + strings.TrimSpace(pr.text(q)) + ")"
			} else {
				text = "quantile_disc_of(" + x + ", " + qt + ")"
			}
		}
		if win != nil {
			text += " " + strings.TrimSpace(pr.text(win))
		}
		return text + pr.carry(n, q, o.x, win)
	}
	return true
}

// rewriteModeWithin writes DuckDB's ordered-set mode() WITHIN GROUP (ORDER
// BY x [DESC]) as mode(x ORDER BY x [DESC]): of values read equally often
// DuckDB's answer is the first in that order (the least, or with DESC the
// greatest), as the mode of the values read in it is.
func (t *translator) rewriteModeWithin(n *node) bool {
	w := withinOf(n)
	if w == nil || len(w.list) != 1 {
		return false
	}
	fn, _ := sqlfunc.Rename(string(t.d), "mode")
	o := w.list[0]
	n.print = func(pr *printer, n *node) string {
		return fn + "(" + strings.TrimSpace(pr.text(o.x)) + withinOrder(pr, n) + ")" + pr.carry(n, o.x)
	}
	return true
}

// wholeNumber reports whether s, SQL text, is a whole number such as 2 or
// -1.
func wholeNumber(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// lagIgnoreNulls writes Snowflake's LAG(x[, 1[, default]]) IGNORE NULLS
// OVER (... ORDER BY ...) as the last non-NULL x of the rows before the
// current one, LEAD as the first of the rows after it; false (refused)
// for another offset or a window that is not written out with an ORDER BY.
func (t *translator) lagIgnoreNulls(n *node) bool {
	args, win := n.list, n.x
	if len(args) < 1 || len(args) > 3 || len(args) > 1 && strings.TrimSpace(t.source(args[1])) != "1" {
		return false
	}
	src := " " + strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(t.source(win), "(", " ( ")), " ")) + " "
	if !strings.Contains(src, " order by ") || !strings.HasSuffix(strings.TrimSpace(src), ")") ||
		strings.Contains(src, " rows ") || strings.Contains(src, " range ") || strings.Contains(src, " groups ") {
		return false
	}
	fn, frame := "last_value_ignore_nulls", " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING"
	if n.name == "lead" {
		fn, frame = "first_value_ignore_nulls", " ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING"
	}
	n.print = func(pr *printer, c *node) string {
		w := strings.TrimSpace(pr.text(win))
		i := strings.LastIndex(w, ")")
		text := fn + "(" + strings.TrimSpace(pr.text(args[0])) + ") " + w[:i] + frame + w[i:]
		if len(args) == 3 {
			text = "coalesce(" + text + ", " + strings.TrimSpace(pr.text(args[2])) + ")"
		}
		return text + pr.carry(c, append(append([]*node{}, args...), win)...)
	}
	return true
}

// namedArgs writes call n's arguments given by name (f(x, mode => 'lax'))
// in the places of params, the parameters after the first, NULL for one
// left out; false (left as written) when a name is not one of params.
func (t *translator) namedArgs(n *node, params ...string) bool {
	args := n.list
	at := map[string]*node{}
	positional := 0
	for _, a := range args {
		switch {
		case a.kind == nExpr && a.name != "" && a.x != nil:
			at[a.name] = a.x
		case len(at) > 0:
			return false // a positional argument after a named one
		default:
			positional++
		}
	}
	if len(at) == 0 {
		return false
	}
	for name := range at {
		if !slices.Contains(params, name) || slices.Index(params, name)+1 < positional {
			return false
		}
	}
	n.print = func(pr *printer, c *node) string {
		var out []string
		for _, a := range args[:positional] {
			out = append(out, strings.TrimSpace(pr.text(a)))
		}
		last := positional
		for i, p := range params {
			if at[p] != nil {
				last = i + 2
			}
		}
		for i := positional; i < last; i++ {
			if x := at[params[i-1]]; x != nil {
				out = append(out, strings.TrimSpace(pr.text(x)))
			} else {
				out = append(out, "NULL")
			}
		}
		return strings.TrimSpace(pr.tokText(c.tok)) + "(" + strings.Join(out, ", ") + ")" + pr.carry(c, args...)
	}
	return false
}

// isStar tells whether argument a is a bare *.
func isStar(t *translator, a *node) bool {
	return a.kind == nStar || a.start+1 == a.end && t.toks[a.start].text == "*"
}

// partitionOnly tells whether window w is OVER ([PARTITION BY ...]): no
// window name, ORDER BY or frame.
func partitionOnly(w *node) bool {
	if w == nil || len(w.kids) != 1 {
		return false
	}
	spec := w.kids[0]
	if spec.kind != nExpr || spec.name != "over" || spec.list != nil {
		return false
	}
	for _, k := range spec.kids {
		if k.kind == nSoup {
			return false
		}
	}
	return true
}

// canonicalJSON makes n, an expression giving a BigQuery JSON value, give
// it with its objects' keys sorted and a key given twice kept once, as
// BigQuery holds JSON (sqlfunc's json_canonical).
func canonicalJSON(n *node) {
	n.pre = "json_canonical(" + n.pre
	n.post += ")"
}

// decodeResults are the values DECODE(x, s1, r1, ..., default) may give:
// each result and the default.
func decodeResults(args []*node) []*node {
	var results []*node
	for i := 2; i < len(args); i += 2 {
		results = append(results, args[i])
	}
	if len(args) > 1 && len(args)%2 == 0 {
		results = append(results, args[len(args)-1])
	}
	return results
}

// wholeWindowFrame gives Snowflake's FIRST_VALUE, LAST_VALUE and NTH_VALUE
// over an ORDER BY without a frame the whole partition as their frame,
// ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING, as their
// reference says (not the standard's RANGE up to the current row, which
// SQLite takes: LAST_VALUE was the current row's value).
func (t *translator) wholeWindowFrame(n *node) {
	w := n.x
	if w == nil || w.kind != nWindow || len(w.kids) != 1 {
		return // OVER name: the frame is the named window's
	}
	spec := w.kids[0]
	if spec.kind != nExpr || spec.name != "over" || len(spec.list) == 0 {
		return
	}
	for _, k := range spec.kids {
		if k.kind == nSoup {
			return // a frame written out
		}
	}
	first, last := -1, -1
	for i := spec.start; i < spec.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || t.toks[first].text != "(" || t.toks[last].text != ")" {
		return
	}
	if next := skipSpace(t.toks, first+1); next < spec.end && t.toks[next].lower != "partition" && t.toks[next].lower != "order" {
		return // (w ORDER BY ...): a named window's frame may hold
	}
	t.pr.setTok(last, " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)")
}

// substringFromFor writes SUBSTRING(s FROM start FOR length), the SQL
// standard's form DuckDB takes, with commas: SUBSTRING(s, start, length);
// SUBSTRING(s FOR length) starts at 1.
func (t *translator) substringFromFor(args []*node) {
	for k := 1; k < len(args) && k < 3; k++ {
		for i := args[k-1].end; i < args[k].start; i++ {
			tok := t.toks[i]
			switch {
			case tok.kind != kWord:
			case tok.lower == "from", tok.lower == "for" && k == 2:
				t.pr.setTok(i, ",")
			case tok.lower == "for" && k == 1:
				t.pr.setTok(i, ", 1,") // no FROM: from the first character
			}
		}
	}
}

// rewriteTrimFrom writes TRIM([BOTH | LEADING | TRAILING] [chars] FROM s),
// the SQL standard's form DuckDB takes, as trim(s[, chars]), ltrim or
// rtrim, which remove the characters of chars (spaces without it) from
// both ends, the start or the end. It tells whether n was that form.
func (t *translator) rewriteTrimFrom(n *node) bool {
	args := n.list
	mode := ""
	if n.tok2 > n.start && t.toks[n.tok2].kind == kWord {
		mode = t.toks[n.tok2].lower
	}
	var s, chars *node
	switch {
	case len(args) == 2 && t.wordBetween(args[0], args[1], "from"):
		chars, s = args[0], args[1]
	case len(args) == 1 && mode != "":
		s = args[0]
	default:
		return false
	}
	fn := map[string]string{"": "trim", "both": "trim", "leading": "ltrim", "trailing": "rtrim"}[mode]
	if fn == "" {
		return false
	}
	n.print = func(pr *printer, n *node) string {
		out := fn + "(" + strings.TrimSpace(pr.text(s))
		if chars != nil {
			out += ", " + strings.TrimSpace(pr.text(chars))
		}
		return out + ")" + pr.carry(n, args...)
	}
	return true
}

// wordBetween tells whether keyword w stands between nodes a and b.
func (t *translator) wordBetween(a, b *node, w string) bool {
	for i := a.end; i < b.start; i++ {
		if t.toks[i].kind == kWord && t.toks[i].lower == w {
			return true
		}
	}
	return false
}

// tupleEntries tells whether a is a list literal of tuples of two values,
// map entries: [('a', 1), ('b', 2)].
func tupleEntries(a *node) bool {
	if a.kind != nArray || len(a.list) == 0 {
		return false
	}
	for _, e := range a.list {
		if e.kind != nTuple || len(e.list) != 2 {
			return false
		}
	}
	return true
}
