package dialect

import (
	"strconv"
	"strings"
)

// rewriteBinary makes / divide as the warehouses do: BigQuery, Snowflake
// and DuckDB divide integers as real numbers (2999/100 is 29.99, not 29);
// DuckDB's // is integer division. A divisor that is not a non-zero number
// goes through divide(), which fails on zero as BigQuery and Snowflake do.
// duckSetOperators are DuckDB's operators of lists (and ^@ of text), by
// the function each is.
var duckSetOperators = map[string]string{"&&": "list_has_any_json", "@>": "list_has_all_json", "<@": "list_has_all_json", "^@": "starts_with_text"}

func (t *translator) rewriteBinary(n *node) {
	if fn := duckSetOperators[n.name]; fn != "" && t.d == DuckDB {
		// l && m, l @> m, l <@ m, s ^@ p: list_has_any(l, m),
		// list_has_all(l, m), list_has_all(m, l), starts_with(s, p)
		x, y := n.x, n.y
		if n.name == "<@" {
			x, y = y, x
		}
		n.print = func(pr *printer, n *node) string {
			return fn + "(" + strings.TrimSpace(pr.text(x)) + ", " + strings.TrimSpace(pr.text(y)) + ")" + pr.carry(n, x, y)
		}
		return
	}
	if t.rewriteAnyAll(n) {
		return
	}
	if comparisons[n.name] {
		t.refuseJSONText(n.x, n.y)
		t.refuseJSONText(n.y, n.x)
	}
	if n.name == "->>" && t.d == DuckDB {
		// DuckDB's ->> gives VARCHAR, as json_extract_string does:
		// '5', 'true' (SQLite's gives the number 5 and 1, which never
		// equal the text '5' and 'true')
		path := func(pr *printer) string { return strings.TrimSpace(pr.text(n.y)) }
		if n.y.kind == nLit && t.toks[n.y.start].kind == kNumber {
			p := sqlString("$[" + t.toks[n.y.start].text + "]")
			path = func(*printer) string { return p }
		}
		n.print = func(pr *printer, n *node) string {
			carry := pr.carry(n) // before flat, which carries nothing
			pr.flat++
			defer func() { pr.flat-- }()
			return "json_get_text_duckdb(" + strings.TrimSpace(pr.text(n.x)) + ", " + path(pr) + ")" + carry
		}
		return
	}
	if n.name == "->" && t.d == DuckDB && n.y.kind == nString && strings.Contains(t.toks[skipSpace(t.toks, n.y.start)].text, "[*]") {
		// a path with [*] gives a list (json_wildcard.go), which SQLite's
		// -> does not read
		n.print = func(pr *printer, n *node) string {
			carry := pr.carry(n)
			pr.flat++
			defer func() { pr.flat-- }()
			return "json_get_json(" + strings.TrimSpace(pr.text(n.x)) + ", " + strings.TrimSpace(pr.text(n.y)) + ")" + carry
		}
		return
	}
	if n.name == "at time zone" {
		t.atTimeZone(n, n.x, n.y)
		return
	}
	if (n.name == "+" || n.name == "-") && t.d != SQLite {
		t.intervalOperand(n.x)
		t.intervalOperand(n.y)
		if t.refuseTextInterval(n.x, n.y) || n.name == "+" && t.refuseTextInterval(n.y, n.x) {
			return
		}
		if t.hasIntervals() && t.intervalOf(n.x) && t.intervalOf(n.y) || n.y.kind == nInterval && n.y.tok2 >= 0 || n.x.kind == nInterval && n.x.tok2 >= 0 {
			t.rewriteIntervalBinary(n) // interval ± interval
			return
		}
		if n.name == "+" && n.x.kind == nInterval && n.y.kind != nInterval {
			// INTERVAL 1 DAY + x is x + INTERVAL 1 DAY
			n.x, n.y = n.y, n.x
		}
		if n.y.kind == nInterval {
			t.addInterval(n)
			return
		}
	}
	if t.rewriteIntervalBinary(n) {
		return
	}
	if comparisons[n.name] {
		t.refuseListComparison(n)
		if t.d == BigQuery && (t.staticType(n.x) == TypeJSON || t.staticType(n.y) == TypeJSON) {
			// JSON is no comparable type in BigQuery
			t.refuse(n.tok, refJSONCompare)
		}
		t.refuseTextNumber(n.name, n.x, n.y)
		t.compareVariants(n.x, n.y)
		t.compareTimestamps(n.x, n.y)
		if n.name == "<" || n.name == ">" || n.name == "<=" || n.name == ">=" {
			t.orderCompared(n.x, n.y)
			t.refuseTextOrder(n.x, n.y)
		}
		t.compareLiterals(n.x, n.y)
		return
	}
	if (n.name == "||" || n.name == "+" && t.d == DuckDB) && t.concatsLists(n) {
		// DuckDB's || (and +) of two lists is one list, and BigQuery's || of arrays
		x, y := n.x, n.y
		n.print = func(pr *printer, n *node) string {
			return "array_concat(" + pr.text(x) + ", " + pr.text(y) + ")" + pr.carry(n, x, y)
		}
		return
	}
	if n.name == "||" && t.d != SQLite {
		// each warehouse joins a timestamp, a boolean or a number as its
		// CAST to a string writes it (BigQuery's || is CONCAT, which casts)
		t.concatTimestamps(n.x, n.y)
		t.concatText(n.x, n.y)
		return
	}
	if (n.name == "+" || n.name == "-") && t.d != SQLite && t.dateArithmetic(n) {
		return
	}
	if (n.name == "+" || n.name == "-") && t.d == DuckDB && t.maybeDateArithmetic(n) {
		x, y, op, line := n.x, n.y, n.name, itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "date_arith(" + pr.text(x) + ", " + pr.text(y) + ", '" + op + "', " + line + ")" + pr.carry(n, x, y)
		}
		return
	}
	switch {
	case n.name == "^":
		// DuckDB's x ^ y and x ** y: a DOUBLE, as SQLite's pow gives
		x, y := n.x, n.y
		n.print = func(pr *printer, n *node) string {
			return "pow(" + pr.text(x) + ", " + pr.text(y) + ")" + pr.carry(n, x, y)
		}
	case (n.name == "<<" || n.name == ">>") && t.d == DuckDB:
		// DuckDB's shifts fail where bits would be lost, and one by a
		// negative count does not shift the other way
		x, y, op, line := n.x, n.y, n.name, itoa(t.toks[n.tok].line)
		if w := t.duckIntegerWidth(n); w > 0 && w < 64 {
			line += ", " + strconv.Itoa(w) // the bits of the operands' type
		}
		n.print = func(pr *printer, n *node) string {
			return "shift_duck(" + pr.text(x) + ", " + pr.text(y) + ", '" + op + "', " + line + ")" + pr.carry(n, x, y)
		}
	case n.name == "/" && t.d != SQLite:
		t.divideAsReal(n)
	case n.name == "//" && t.d == DuckDB:
		t.duckWholeDivide(n)
	case n.name == "%" && (t.d == DuckDB || t.d == Snowflake):
		// modulo() keeps a real's fraction and fails on zero in DuckDB;
		// of DuckDB DECIMALs it is exact at their scale (-4 % 0.01 is 0)
		x, y, line := n.x, n.y, itoa(t.toks[n.tok].line)
		scale := ""
		if num := t.numberType(n); t.d == DuckDB && num != "INTEGER" {
			if s, ok := numberScale(num); ok {
				scale = ", " + strconv.Itoa(s)
			}
		} else if w := t.duckIntegerWidth(n); t.d == DuckDB && w > 0 && w < 64 {
			scale = ", NULL, " + strconv.Itoa(w) // the minimum % -1 overflows
		}
		n.print = func(pr *printer, n *node) string {
			return "modulo(" + pr.text(x) + ", " + pr.text(y) + ", " + sqlString(string(t.d)) + ", " + line + scale + ")" + pr.carry(n, x, y)
		}
	case n.name == "//":
		t.pr.setTok(n.tok, "/")
		n.x.pre = "CAST(" + n.x.pre
		n.x.post += " AS INTEGER)"
		n.y.pre = "CAST(" + n.y.pre
		n.y.post += " AS INTEGER)"
	}
}

// duckWholeDivide writes DuckDB's x // y: of integers, a quotient that
// truncates toward zero; of a DECIMAL or a DOUBLE, x / y (7.5 // 2 is
// 3.75). Where an operand's type is not known here, the values decide.
// A zero divisor fails, as in DuckDB.
func (t *translator) duckWholeDivide(n *node) {
	x, y := t.numberType(n.x), t.numberType(n.y)
	whole := "2" // decided by the values
	switch {
	case x != "" && x != "INTEGER" || y != "" && y != "INTEGER":
		whole = "0"
	case x == "INTEGER" && y == "INTEGER":
		whole = "1"
	}
	if whole == "0" && nonZeroNumber(t, n.y) {
		t.pr.setTok(n.tok, "/")
		t.divideAsReal(n)
		return
	}
	if whole == "1" && nonZeroNumber(t, n.y) {
		t.pr.setTok(n.tok, "/") // SQLite's / of integers truncates toward zero too
		return
	}
	line := itoa(t.toks[n.tok].line)
	if w := t.duckIntegerWidth(n); w > 0 && w < 64 {
		line += ", " + strconv.Itoa(w) // the minimum // -1 overflows
	}
	n.print = func(pr *printer, n *node) string {
		return "divide_whole(" + pr.text(n.x) + ", " + pr.text(n.y) + ", " + whole + ", " + line + ")" + pr.carry(n, n.x, n.y)
	}
}

// divideAsReal writes x / y dividing as reals; a divisor that may be zero
// goes through divide(), which fails where the warehouse fails.
func (t *translator) divideAsReal(n *node) {
	if !nonZeroNumber(t, n.y) {
		x, y, line := n.x, n.y, itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "divide(" + pr.text(x) + ", " + pr.text(y) + ", " + sqlString(string(t.d)) + ", " + line + ")" + pr.carry(n, x, y)
		}
		return
	}
	if n.x.kind == nLit && hasFraction(t.toks[n.x.start].text) {
		return
	}
	n.x.pre = "CAST(" + n.x.pre
	n.x.post += " AS REAL)"
}

// nonZeroNumber tells whether n is a number literal other than zero, a
// divisor SQLite's own / can take.
func nonZeroNumber(t *translator, n *node) bool {
	if n.kind != nLit || n.start+1 != n.end {
		return false
	}
	lit := t.toks[n.start].text
	if lit == "" || !isDigit(lit[0]) && lit[0] != '.' {
		return false
	}
	for i := 0; i < len(lit) && lit[i] != 'e' && lit[i] != 'E'; i++ {
		if lit[i] >= '1' && lit[i] <= '9' {
			return true
		}
	}
	return false
}

func hasFraction(num string) bool {
	for i := 0; i < len(num); i++ {
		if num[i] == '.' || num[i] == 'e' || num[i] == 'E' {
			return true
		}
	}
	return false
}

// rewriteLike makes LIKE case-sensitive where the warehouse's is (SQLite's
// LIKE ignores ASCII case) and ILIKE the case-insensitive LIKE of SQLite,
// or in DuckDB like_ignoring_case, which ignores every letter's case.
// BigQuery and Snowflake patterns take \ as their escape character.
func (t *translator) rewriteLike(n *node) {
	t.refuseLikeText(n)
	if n.tok2 >= 0 {
		t.rewriteLikeAny(n)
		return
	}
	switch n.name {
	case "ilike":
		if t.d == DuckDB {
			t.likeCall(n, "like_ignoring_case")
			return
		}
		if t.toks[n.tok].text == "ILIKE" {
			t.pr.setTok(n.tok, "LIKE")
		} else {
			t.pr.setTok(n.tok, "like")
		}
		return
	case "like":
	case "regexp", "rlike":
		if t.d == Snowflake {
			// Snowflake's x RLIKE p and x REGEXP p: p matches all of x
			t.matchCall(n, "regexp_full_match")
		}
		return
	case "similar":
		// DuckDB's SIMILAR TO takes a regular expression (RE2, as Go's
		// regexp) that must match all of x; x ~ p a part of x.
		t.matchCall(n, "regexp_full_match")
		return
	case "regexp_matches":
		t.matchCall(n, "regexp_contains")
		return
	case "glob":
		if t.d == DuckDB {
			// DuckDB's GLOB negates a class with [!...] and escapes with
			// \; SQLite's with [^...] and no escape.
			t.matchCall(n, "glob_match")
		}
		return
	default:
		return
	}
	if t.d == SQLite {
		return
	}
	t.likeCall(n, "like_case_sensitive")
}

// likeCall writes x [NOT] LIKE y [ESCAPE z] as fn(x, y[, z]); BigQuery's
// and Snowflake's escape is a backslash unless told.
func (t *translator) likeCall(n *node, fn string) {
	x, y, z := n.x, n.y, n.z
	escape := ""
	if t.d == BigQuery || t.d == Snowflake {
		escape = `, '\'`
	}
	not := n.flag
	n.print = func(pr *printer, n *node) string {
		s := fn + "(" + pr.text(x) + ", " + pr.text(y)
		if z != nil {
			s += ", " + pr.text(z)
		} else {
			s += escape
		}
		s += ")"
		if not {
			s = "(NOT " + s + ")"
		}
		return s + pr.carry(n, x, y, z)
	}
}

// matchCall writes x [NOT] op y as fn(x, y); an ESCAPE is refused, the
// function having its own.
func (t *translator) matchCall(n *node, fn string) {
	if n.z != nil {
		t.refuse(n.z.start, refEscape, strings.ToUpper(t.toks[n.tok].text))
	}
	x, y, not := n.x, n.y, n.flag
	n.print = func(pr *printer, n *node) string {
		s := fn + "(" + pr.text(x) + ", " + pr.text(y) + ")"
		if not {
			s = "(NOT " + s + ")"
		}
		return s + pr.carry(n, x, y)
	}
}

// rewriteLikeAny writes x [NOT] LIKE ANY (p1, p2) as one LIKE per pattern
// joined by OR (AND for ALL), keeping SQL's NULL logic; NOT negates each
// LIKE ('a' NOT LIKE ANY ('a', 'b') is true), as BigQuery documents it.
// ILIKE is SQLite's LIKE, which ignores case. BigQuery's patterns from a
// subquery or UNNEST(array) go through likeAnyOfArray.
func (t *translator) rewriteLikeAny(n *node) {
	x, z, pats := n.x, n.z, n.list
	all := t.toks[n.tok2].lower == "all"
	join := " OR "
	if all {
		join = " AND "
	}
	ilike, not := n.name == "ilike", n.flag
	like := func(pr *printer, xs, p string) string {
		s := "like_case_sensitive(" + xs + ", " + p + `, '\')`
		if z != nil {
			s = "like_case_sensitive(" + xs + ", " + p + ", " + pr.text(z) + ")"
		}
		if ilike {
			s = xs + " LIKE " + p
			if z != nil {
				s += " ESCAPE " + pr.text(z)
			}
		}
		if not {
			s = "NOT (" + s + ")"
		}
		return s
	}
	if n.y != nil {
		t.likeAnyOfArray(n, all, like)
		return
	}
	n.print = func(pr *printer, n *node) string {
		xs := pr.text(x)
		parts := make([]string, len(pats))
		for i, p := range pats {
			parts[i] = like(pr, xs, pr.text(p))
		}
		return "(" + strings.Join(parts, join) + ")" + pr.carry(n, append([]*node{x, z}, pats...)...)
	}
}

// likeAnyOfArray writes BigQuery's x [NOT] LIKE ANY|ALL UNNEST(arr) and
// (subquery) (here an array) as one query over the array's elements, with
// the documented rules: an empty set of patterns gives FALSE for LIKE ANY,
// TRUE for NOT LIKE ANY, and for ALL FALSE (TRUE with NOT) from an array
// but TRUE (FALSE with NOT) from a subquery; then a match decides, then a
// NULL pattern or value gives NULL.
func (t *translator) likeAnyOfArray(n *node, all bool, like func(pr *printer, xs, p string) string) {
	x, z, arr := n.x, n.z, n.y
	t.insideEach(x, z, arr)
	if arr.kind == nCall {
		arr.kind = nRaw // read below, not a call: no unknown-function check
		if len(arr.list) != 1 {
			t.refuse(arr.start, refUnnestArgs)
			return
		}
	}
	empty := (all && arr.kind == nArraySub) != n.flag
	decide := "WHEN max(m) THEN 1"
	if all {
		decide = "WHEN min(m) = 0 THEN 0"
	}
	undecided := "0"
	if all {
		undecided = "1"
	}
	n.print = func(pr *printer, n *node) string {
		a := arr
		if a.kind == nRaw {
			a = a.list[0]
		}
		return "(SELECT CASE WHEN count(*) = 0 THEN " + boolText(empty) + " " + decide + " WHEN count(m) < count(*) THEN NULL ELSE " + undecided +
			" END FROM (SELECT " + like(pr, pr.text(x), "value") + " AS m FROM json_each(" + pr.text(a) + ")))" + pr.carry(n, x, z, a)
	}
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// durationUnits are DuckDB's functions giving an INTERVAL of n units.
var durationUnits = map[string]string{
	"to_years": "year", "to_months": "month", "to_weeks": "week", "to_days": "day", "to_hours": "hour",
	"to_minutes": "minute", "to_seconds": "second", "to_milliseconds": "millisecond", "to_microseconds": "microsecond",
	"to_quarters": "quarter", "to_decades": "decade", "to_centuries": "century", "to_millennia": "millennium",
}

// singularUnit is an interval's unit without its plural s: centuries is
// century.
func singularUnit(u string) string {
	if u == "centuries" {
		return "century"
	}
	return strings.TrimSuffix(u, "s")
}

// yearMultiples are the units of DuckDB's durations that are a number of
// years.
var yearMultiples = map[string]string{"decade": "10", "century": "100", "millennium": "1000"}

// intervalOperand makes an operand of + or - that stands for an INTERVAL
// one: DuckDB's to_days(n) (and to_hours ...) is INTERVAL (n) DAY, its
// '1 day'::interval is INTERVAL '1 day', and INTERVAL 1 DAY * n (or
// n * INTERVAL 1 DAY) is n days.
func (t *translator) intervalOperand(n *node) {
	switch {
	case n.kind == nCall && t.d == DuckDB:
		unit, ok := durationUnits[n.name]
		if years := yearMultiples[unit]; ok && years != "" && len(n.parts) <= 1 && len(n.list) == 1 && n.x == nil {
			// to_decades(n) is 10 * n years, which the date functions add
			unit = "year"
			n.list[0].pre = "(" + n.list[0].pre
			n.list[0].post += ") * " + years
		}
		if ok && len(n.parts) <= 1 && len(n.list) == 1 && n.x == nil {
			n.kind, n.x, n.names, n.list = nInterval, n.list[0], []string{unit}, nil
		}
	case n.kind == nCast && t.d == DuckDB && n.x.kind == nString && n.y != nil && n.y.end == n.y.start+1 && t.toks[n.y.start].lower == "interval":
		n.kind, n.tok, n.names = nInterval, -1, nil
		n.kids = []*node{n.x}
		n.y = nil
	case n.kind == nBinary && n.name == "*":
		iv, factor := n.x, n.y
		if iv.kind != nInterval {
			iv, factor = factor, iv
		}
		if iv.kind != nInterval || factor.kind == nInterval || (iv.tok < 0 && iv.names == nil) {
			return
		}
		iv.name = "parts" // printed by the product
		n.kind, n.x, n.tok, n.names, n.list = nInterval, iv.x, iv.tok, iv.names, []*node{factor}
	}
}

// intervalParts reads the text of INTERVAL '1 day', '1 month 2 days' or
// Snowflake's '1 day, 2 hours' as numbers and units; nil when it is not
// such a list.
func intervalParts(text string) (nums, units []string) {
	f := strings.Fields(strings.ReplaceAll(text, ",", " "))
	if len(f) == 0 || len(f)%2 != 0 {
		return nil, nil
	}
	for i := 0; i < len(f); i += 2 {
		num := strings.TrimPrefix(f[i], "-")
		if num == "" || strings.Trim(num, "0123456789") != "" {
			return nil, nil
		}
		nums = append(nums, f[i])
		units = append(units, singularUnit(strings.ToLower(f[i+1])))
	}
	return nums, units
}

// duckdbIntervalOrder orders an interval's parts as DuckDB adds them:
// months (and years, quarters), then days (and weeks), then the rest.
func duckdbIntervalOrder(nums, units []string) ([]string, []string) {
	rank := func(u string) int {
		switch u {
		case "year", "quarter", "month", "mon", "y", "yr":
			return 0
		case "day", "week", "d", "w":
			return 1
		}
		return 2
	}
	var n2, u2 []string
	for r := 0; r <= 2; r++ {
		for i, u := range units {
			if rank(u) == r {
				n2, u2 = append(n2, nums[i]), append(u2, u)
			}
		}
	}
	return n2, u2
}

// addInterval writes x + INTERVAL n unit (and -) as
// datetime_add_to_timestamp(x, n, 'unit'): the timestamp n units later,
// months clamped to the month's last day. An interval of several parts,
// INTERVAL '1 month 2 days', adds them in turn: in the order written
// (Snowflake), or months, then days, then time (DuckDB, whatever the order).
func (t *translator) addInterval(n *node) {
	x, iv := n.x, n.y
	sign := ""
	if n.name == "-" {
		sign = "-"
	}
	// DuckDB's DATE + INTERVAL is a TIMESTAMP (BigQuery's a DATETIME, the
	// same text); Snowflake's stays a DATE for parts of a day or longer
	// (TO_DATE('2018-04-15') + INTERVAL '1 year' is 2019-04-15), as
	// datetime_add keeps it, and a TIMESTAMP_TZ keeps its offset.
	fn := "datetime_add_to_timestamp("
	if t.d == Snowflake {
		fn = "datetime_add_snowflake("
	}
	if iv.x != nil && iv.x.kind == nString && iv.tok < 0 && iv.names == nil {
		if nums, units := intervalParts(stringValue(t.d, t.toks[iv.x.tok].text)); len(nums) > 0 {
			if t.d == DuckDB {
				nums, units = duckdbIntervalOrder(nums, units)
			}
			iv.name = "parts" // printed here
			n.print = func(pr *printer, n *node) string {
				s := pr.text(x)
				for i, num := range nums {
					if sign != "" {
						num = "-(" + num + ")" // never --1, a comment
					}
					s = fn + s + ", " + num + ", " + sqlString(units[i]) + ")"
				}
				return s + pr.carry(n, x)
			}
			return
		}
	}
	iv.name = "arg" // printed as n, 'unit'
	n.print = func(pr *printer, n *node) string {
		args := pr.text(iv)
		if sign != "" {
			args = "-(" + strings.Replace(args, ",", "),", 1)
		}
		return fn + pr.text(x) + ", " + args + ")" + pr.carry(n, x, iv)
	}
}

// dateResults are the functions that return a DATE in DuckDB and Snowflake.
var dateResults = map[string]bool{
	"current_date": true, "to_date": true, "try_to_date": true, "make_date": true,
	"date_from_parts": true, "datefromparts": true, "last_day": true,
}

// booleanResults are the warehouses' functions that give a BOOLEAN (1 or
// 0 here), which a cast to a string writes 'true' or 'false'.
var booleanResults = map[string]bool{
	"starts_with": true, "ends_with": true, "startswith": true, "endswith": true, "prefix": true, "suffix": true,
	"contains": true, "contains_substr": true, "regexp_matches": true, "regexp_full_match": true,
	"regexp_contains": true, "regexp_like": true, "rlike": true, "isnan": true, "isinf": true, "isfinite": true,
	"is_nan": true, "is_inf": true, "logical_and": true, "logical_or": true, "bool_and": true, "bool_or": true,
	"booland_agg": true, "boolor_agg": true, "boolxor_agg": true, "list_contains": true, "list_has": true, "array_has": true,
	"array_contains": true, "list_has_any": true, "list_has_all": true, "array_has_any": true, "array_has_all": true,
	"equal_null": true, "json_valid": true, "signbit": true,
}

// bigQueryDateResults are BigQuery's functions that give a DATE (DATE_ADD
// and DATE_SUB take a DATE only; LAST_DAY of a DATETIME is a DATE too).
var bigQueryDateResults = map[string]bool{
	"parse_date": true, "date": true, "date_add": true, "date_sub": true,
	"date_from_unix_date": true,
}

// dateOf tells whether n is known to be a DATE: a DATE literal, a cast to
// DATE, CURRENT_DATE, a function returning a date, a column of dates
// (statictypes.go).
func (t *translator) dateOf(n *node) bool { return t.staticType(n) == TypeDate }

// valueCalls are the functions giving one of their arguments' values,
// which may be a DATE.
var valueCalls = map[string]bool{
	"lag": true, "lead": true, "first_value": true, "last_value": true, "nth_value": true,
	"min": true, "max": true, "any_value": true, "first": true, "last": true, "arg_max": true,
	"arg_min": true, "max_by": true, "min_by": true, "arg_max_null": true, "arg_min_null": true, "coalesce": true, "ifnull": true,
}

// mayBeDate tells whether n may hold a DATE the translator cannot see: a
// column, or a function passing a value on.
func (t *translator) mayBeDate(n *node) bool {
	if t.d == DuckDB && t.numberType(n) != "" {
		return false // a known number
	}
	switch n.kind {
	case nParen:
		return n.x != nil && t.mayBeDate(n.x)
	case nName:
		return !t.dateOf(n) && t.timestampOf(n) == ""
	case nCall:
		return len(n.parts) <= 1 && valueCalls[n.name]
	}
	return false
}

// literalPosition is the 0-based column an integer literal names among n
// (ORDER BY 2 names the second), or -1 when it names none.
func literalPosition(t *translator, x *node, n int) int {
	k := 0
	for _, c := range t.toks[x.start].text {
		if k = k*10 + int(c-'0'); k > n {
			return -1 // stops before a long literal overflows into range
		}
	}
	return k - 1
}

func isIntegerLiteral(t *translator, n *node) bool {
	if n.kind != nLit || n.start+1 != n.end {
		return false
	}
	for _, c := range []byte(t.toks[n.start].text) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// maybeDateArithmetic tells whether x - y or x + n may be DuckDB's DATE
// arithmetic on a column: d - 1, d + 7, b - a, d - lag(d) OVER (...).
// date_arith() tells dates from numbers when the query runs.
func (t *translator) maybeDateArithmetic(n *node) bool {
	x, y := n.x, n.y
	if n.name == "-" {
		// a timestamp less a column: an INTERVAL when that holds one too
		ts := t.timestampOf(x) != "" && t.mayBeDate(y) || t.mayBeDate(x) && t.timestampOf(y) != ""
		return ts || t.mayBeDate(x) && (t.mayBeDate(y) || isIntegerLiteral(t, y))
	}
	return t.mayBeDate(x) && isIntegerLiteral(t, y) || isIntegerLiteral(t, x) && t.mayBeDate(y)
}

// dateArithmetic writes date ± n days as a date (BigQuery, DuckDB,
// Snowflake) and DuckDB's and Snowflake's date - date as the whole days
// between (SQLite would add to the year and give 0); timestamp - timestamp,
// an INTERVAL in DuckDB and BigQuery (date - date too) and an error in
// Snowflake, is refused. It tells whether n was one of these.
func (t *translator) dateArithmetic(n *node) bool {
	x, y := n.x, n.y
	xd, yd := t.dateOf(x), t.dateOf(y)
	switch {
	case n.name == "-" && t.timestampOf(x) != "" && (t.timestampOf(y) != "" || yd):
		t.refuse(n.tok, refTimestampMinus, dialectName(t.d))
		return true
	case n.name == "-" && t.d == BigQuery && (xd && yd || t.timestampOf(x) != "" && t.timestampOf(y) != ""):
		// an INTERVAL in BigQuery too
		t.refuse(n.tok, refTimestampMinus, dialectName(t.d))
		return true
	case t.d == DuckDB && (t.timestampOf(x) != "" && t.numberType(y) != "" || t.numberType(x) != "" && t.timestampOf(y) != ""):
		// DuckDB has no TIMESTAMP ± INTEGER (nor DOUBLE, DECIMAL)
		t.refuse(n.tok, refTimestampNumber, n.name)
		return true
	case (t.d == BigQuery || t.d == Snowflake) && (t.timestampOf(x) != "" && t.numberType(y) != "" || t.numberType(x) != "" && t.timestampOf(y) != ""):
		// nor BigQuery and Snowflake: a count of days goes to a DATE only
		// (SQLite would add it to the year)
		name := dialectName(t.d)
		t.refuse(n.tok, refTimestampNumberWarehouse, n.name, name, name)
		return true
	case t.d == DuckDB && n.name == "+" && (xd && t.staticType(y) == TypeTime || yd && t.staticType(x) == TypeTime):
		// DuckDB's DATE + TIME: the TIMESTAMP of that day at that time
		d, tm := x, y
		if yd {
			d, tm = y, x
		}
		line := itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "cast_to((" + pr.text(d) + ") || ' ' || (" + pr.text(tm) + "), 'DATETIME', 'duckdb', " + line + ")" + pr.carry(n, x, y)
		}
		return true
	case xd && yd && n.name == "-":
		n.print = func(pr *printer, n *node) string {
			return "CAST(julianday(" + pr.text(x) + ") - julianday(" + pr.text(y) + ") AS INTEGER)" + pr.carry(n, x, y)
		}
		return true
	case xd && !yd && t.timestampOf(y) == "" || yd && !xd && n.name == "+" && t.timestampOf(x) == "":
		d, days := x, y
		if yd {
			d, days = y, x
		}
		if typ := t.duckDayCount(days); typ != "" {
			// DuckDB adds an INTEGER's days only: DATE + BIGINT has no function
			a, b := "DATE", typ
			if yd {
				a, b = b, a
			}
			t.refuse(n.tok, refDateDays, a, n.name, b)
			return true
		}
		sign := ""
		if n.name == "-" {
			sign = "-"
		}
		n.print = func(pr *printer, n *node) string {
			return "date(" + pr.text(d) + ", (" + sign + "(" + pr.text(days) + ")) || ' days')" + pr.carry(n, x, y)
		}
		return true
	}
	return false
}

// duckDayCount names the type of days, a DuckDB count of days added to
// or subtracted from a DATE, where DuckDB has no such function: a BIGINT
// or HUGEINT (a date part, a count, date - date, a literal beyond 32
// bits), a DECIMAL or a DOUBLE; "" for an INTEGER or what is not known.
func (t *translator) duckDayCount(days *node) string {
	if t.d != DuckDB {
		return ""
	}
	if w := t.duckIntegerWidth(days); w > 32 {
		return duckIntegerOfWidth[w]
	}
	switch num := t.numberType(days); {
	case num == "REAL":
		return "DOUBLE"
	case num == "FLOAT":
		return "FLOAT"
	case num != "" && num != "INTEGER":
		return "DECIMAL"
	}
	return ""
}

// concatsLists tells whether n, a ||, joins lists: in DuckDB both sides are
// known to be lists; in BigQuery one side is known to be an ARRAY, which
// makes || ARRAY concatenation (operators#concatenation_operator).
// The answer is kept for the translation: asked of each || of a chain
// a || b || ..., each answer asking its operand's, it would cost the square
// of the chain's length.
func (t *translator) concatsLists(n *node) bool {
	if t.d != DuckDB && t.d != BigQuery {
		return false
	}
	key := typeKey{n, t.sc}
	if lists, ok := t.concatMemo[key]; ok {
		return lists
	}
	x, y := strings.HasPrefix(t.staticType(n.x), TypeList), strings.HasPrefix(t.staticType(n.y), TypeList)
	lists := t.d == DuckDB && x && y || t.d == BigQuery && (x || y)
	if t.concatMemo == nil {
		t.concatMemo = map[typeKey]bool{}
	}
	t.concatMemo[key] = lists
	return lists
}
