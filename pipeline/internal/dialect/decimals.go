package dialect

import (
	"strconv"
	"strings"
)

// Snowflake writes a NUMBER(p, s) as text with all s digits after the point
// (10.50::number(10,2)::varchar is '10.50'), where SQLite writes the
// shortest real (10.5). The scale is a static type, "DECIMAL:s", known from
// a literal with a point (10.50 is a NUMBER(4, 2)), a cast to number(p, s)
// and TO_NUMBER(x, p, s), and it follows columns as the other static types
// do; a CAST to a string, TO_VARCHAR(x) and || then write decimal_text(x, s).
// The scale is read while rewriting, in the scope of x.
// Arithmetic of numbers of known scales (an INTEGER's is 0) has Snowflake's
// result scale (arithmeticScale), and its value is rounded to it.

const typeDecimal = "DECIMAL:"

// decimalScale is the scale of static type typ, false when it is no
// NUMBER(p, s).
func decimalScale(typ string) (string, bool) {
	s, ok := strings.CutPrefix(typ, typeDecimal)
	return s, ok
}

// decimalLiteral is the static type of a Snowflake number literal with a
// point and no exponent, "" for others.
func (t *translator) decimalLiteral(n *node) string {
	if t.d != Snowflake || n.kind != nLit || n.start+1 != n.end || t.toks[n.start].kind != kNumber {
		return ""
	}
	text := t.toks[n.start].text
	i := strings.IndexByte(text, '.')
	if i < 0 || strings.ContainsAny(text, "eExX") || len(text)-i-1 == 0 {
		return ""
	}
	return typeDecimal + strconv.Itoa(len(text)-i-1)
}

// concatText writes operands of || and CONCAT of a known number type as
// their text (numberText; a BigQuery FLOAT64 as its CAST to STRING),
// booleans as true and false, and DuckDB's structs and MAPs as their cast
// to VARCHAR writes them, as the warehouses join them.
func (t *translator) concatText(operands ...*node) {
	for _, o := range operands {
		if typ := t.staticType(o); t.d == DuckDB && (typ == TypeStruct || isMap(typ)) {
			// a struct or MAP as its cast to VARCHAR writes it: {'a': 1}, {a=1}
			num := t.nestedTextKind(o)
			o.pre = "nested_text(" + o.pre
			o.post += ", " + sqlString(num) + ")"
			continue
		}
		if t.d == Snowflake && (o.kind == nPath || o.kind == nIndex || o.kind == nField) {
			// a VARIANT's boolean joins as true or false, as its cast to
			// VARCHAR writes it (its print is known only when printed)
			t.pr.variantText[o] = true
			continue
		}
		if t.booleanOf(o) {
			o.pre = "CASE (" + o.pre
			o.post += ") WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"
			continue
		}
		if fn, args, ok := t.numberText(o); ok {
			o.pre = fn + "(" + o.pre
			o.post += args + ")"
			continue
		}
		if t.d == BigQuery && t.numberType(o) == "REAL" {
			// a FLOAT64 as CAST(x AS STRING) writes it: 2, not 2.0
			o.pre = "cast_to(" + o.pre
			o.post += ", 'TEXT', 'bigquery', " + itoa(t.toks[o.start].line) + ")"
		}
	}
}

// numberText is the function writing x as the warehouse writes it as text,
// and the arguments after x: a Snowflake NUMBER(p, s) or a DuckDB DECIMAL
// with all s digits after the point (decimal_text), a DuckDB DOUBLE or
// FLOAT in its shortest form (double_text, float32_text); false where
// SQLite's own text is the warehouse's.
func (t *translator) numberText(x *node) (fn, args string, ok bool) {
	if s, ok := decimalScale(t.staticType(x)); ok {
		return "decimal_text", ", " + s, true
	}
	if t.d == Snowflake && t.numberType(x) == "REAL" {
		// a FLOAT: 15 digits at most, 2, not 2.0 (cast_to's text)
		return "cast_to", ", 'TEXT', 'snowflake', " + itoa(t.toks[x.start].line), true
	}
	if t.d != DuckDB {
		return "", "", false
	}
	switch num := t.numberType(x); num {
	case "REAL":
		return "double_text", "", true
	case "FLOAT":
		return "float32_text", "", true
	default:
		if s, ok := numberScale(num); ok && num != "INTEGER" {
			return "decimal_text", ", " + strconv.Itoa(s), true
		}
	}
	return "", "", false
}

// isDecimal tells whether x has a known scale.
func (t *translator) isDecimal(x *node) bool {
	_, ok := decimalScale(t.staticType(x))
	return ok
}

// snowflakeScale is the scale of a Snowflake number: its static type's, 0
// for an INTEGER; false when it is unknown (a FLOAT, a column of no known
// type).
func (t *translator) snowflakeScale(x *node) (int, bool) {
	if s, ok := decimalScale(t.staticType(x)); ok {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return 0, t.numberType(x) == "INTEGER"
}

// arithmeticScale is Snowflake's scale of the result of x + y, x - y,
// x * y, x / y, SUM(x), AVG(x), MEDIAN(x), PERCENTILE_CONT, RATIO_TO_REPORT(x) and DIV0(x, y) from the scales of x and y, as its documentation
// ("Scale and precision in arithmetic operations") gives them: the larger
// for + and -, their sum up to the larger of theirs and 12 for *, and the
// dividend's plus 6 up to 12 (or the dividend's if larger) for /. SUM
// keeps its argument's scale.
func (t *translator) arithmeticScale(n *node) (int, bool) {
	if t.d == Snowflake && n.kind == nCall && len(n.parts) == 1 {
		if n.name == "sum" && len(n.list) == 1 {
			return t.snowflakeScale(n.list[0])
		}
		if n.name == "median" && len(n.list) == 1 {
			// a NUMBER(p, s)'s median is a NUMBER(p + 3, s + 3)
			s, ok := t.snowflakeScale(n.list[0])
			return s + 3, ok
		}
		if s, ok := t.roundingScale(n); ok {
			return s, true
		}
		if w := withinOf(n); n.name == "percentile_cont" && w != nil && len(w.list) == 1 {
			// and so is PERCENTILE_CONT's, the median's general form
			// (an INTEGER's 25th percentile of 10 and 20 is 12.500)
			s, ok := t.snowflakeScale(w.list[0].x)
			return s + 3, ok
		}
		// AVG divides the sum as / does (an INTEGER's average has 6
		// digits), and so do DIV0 and DIV0NULL
		s, ok := 0, false
		switch {
		case (n.name == "avg" || n.name == "ratio_to_report") && len(n.list) == 1:
			// RATIO_TO_REPORT(x) is x / SUM(x) OVER (...)
			s, ok = t.snowflakeScale(n.list[0])
		case (n.name == "div0" || n.name == "div0null") && len(n.list) == 2:
			_, ok2 := t.snowflakeScale(n.list[1])
			s, ok = t.snowflakeScale(n.list[0])
			ok = ok && ok2
		}
		return max(s, min(s+6, 12)), ok
	}
	if t.d != Snowflake || n.kind != nBinary || n.name != "+" && n.name != "-" && n.name != "*" && n.name != "/" {
		return 0, false
	}
	s1, ok1 := t.snowflakeScale(n.x)
	s2, ok2 := t.snowflakeScale(n.y)
	if !ok1 || !ok2 {
		return 0, false
	}
	switch n.name {
	case "*":
		return min(s1+s2, max(s1, s2, 12)), true
	case "/":
		return max(s1, min(s1+6, 12)), true
	}
	return max(s1, s2), true
}

// roundingScale is Snowflake's scale of ROUND, CEIL, FLOOR and TRUNC of a
// NUMBER of known scale: the scale argument when it is a constant (0 when
// it is negative or left out; one beyond the number's own has no effect),
// else the number's own. A FLOAT's stays a FLOAT (false).
func (t *translator) roundingScale(n *node) (int, bool) {
	switch n.name {
	case "round", "ceil", "ceiling", "floor", "trunc", "truncate":
	default:
		return 0, false
	}
	if len(n.list) == 0 || len(n.list) > 3 || n.x != nil {
		return 0, false
	}
	s, ok := t.snowflakeScale(n.list[0])
	if !ok || len(n.list) == 1 {
		return 0, ok
	}
	arg := strings.TrimSpace(t.source(n.list[1]))
	if v, err := strconv.Atoi(arg); err == nil {
		return min(max(v, 0), s), true
	}
	return s, true
}

// roundToScale rounds Snowflake arithmetic of known scales to its result
// scale, as Snowflake's exact NUMBER arithmetic gives it: 1/3 is 0.333333,
// 0.1 + 0.2 is 0.3.
func (t *translator) roundToScale(n *node) {
	if s, ok := t.arithmeticScale(n); ok && s > 0 {
		n.pre = "round_scale(" + n.pre
		n.post += ", " + strconv.Itoa(s) + ")"
	}
}

// conditionalScale is the type of a Snowflake conditional (IFF, NVL, NVL2,
// COALESCE, ZEROIFNULL, NULLIFZERO, CASE) whose values are all numbers of
// known scales, one with digits after the point: Snowflake makes them one
// NUMBER of the largest scale (ZEROIFNULL of 3.14159's column is 0.00000);
// "" otherwise.
func (t *translator) conditionalScale(branches []*node) string {
	if t.d != Snowflake || len(branches) == 0 {
		return ""
	}
	scale, known := 0, false
	for _, b := range branches {
		if t.nullValue(b) {
			continue
		}
		s, ok := t.snowflakeScale(b)
		if !ok {
			return ""
		}
		scale, known = max(scale, s), true
	}
	if !known || scale == 0 {
		return ""
	}
	return typeDecimal + strconv.Itoa(scale)
}

// mergeScales is the static type of a column whose rows are a's and b's of
// different types: Snowflake makes NUMBERs of known scales (an integer's
// is 0) one NUMBER of the larger scale (SELECT 1 UNION ALL SELECT 3.14159
// writes 1.00000); "" otherwise.
func mergeScales(a, b colType) string {
	scale := func(c colType) (int, bool) {
		if s, ok := decimalScale(c.typ); ok {
			n, err := strconv.Atoi(s)
			return n, err == nil
		}
		return 0, c.typ == "" && c.num == "INTEGER"
	}
	x, ok1 := scale(a)
	y, ok2 := scale(b)
	_, dec1 := decimalScale(a.typ)
	_, dec2 := decimalScale(b.typ)
	if !ok1 || !ok2 || !dec1 && !dec2 || max(x, y) == 0 {
		return ""
	}
	return typeDecimal + strconv.Itoa(max(x, y))
}

// NumberScale is the scale of a column of static type typ that the
// warehouse gives a Python client as a fixed-point number: s digits after
// the point for a Snowflake NUMBER(p, s) or a DuckDB DECIMAL(p, s), 0 for
// their integers; false for any other type (a DOUBLE, text, unknown).
func NumberScale(typ string) (int, bool) {
	if s, ok := decimalScale(typ); ok {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	if num, ok := strings.CutPrefix(typ, typeNumber); ok {
		return numberScale(num)
	}
	return 0, false
}
