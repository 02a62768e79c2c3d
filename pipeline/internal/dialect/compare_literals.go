package dialect

import (
	"cmp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB compares a number or a boolean with a string literal by casting
// the literal to its type: 1 = '1' is true, 2 = '1.5' too (the text rounds
// to an INTEGER), 1.6 = '1.55' too (to a DECIMAL of one digit after the
// point), true = 't' too, and 1 = 'x' fails. A VARCHAR value (a column
// known to hold text) is cast so in =, <>, and IN, and refused beside a
// number in <, >, BETWEEN, as DuckDB refuses it. SQLite compares the
// storage classes, and a number (a boolean is 1 or 0) is never equal to
// text. Where the translator knows a side's type, the text goes through
// cast_to or cast_bool, which convert and fail as DuckDB's cast does.

// compareLiterals casts the string literals among the operands of a
// comparison, BETWEEN or IN list to the type of a known number or boolean
// among them.
func (t *translator) compareLiterals(operands ...*node) {
	if t.d == Snowflake {
		t.compareLiteralsSnowflake(operands)
		return
	}
	if t.d != DuckDB {
		return
	}
	for _, o := range operands {
		if t.staticType(o) == TypeBool {
			for _, s := range operands {
				if s.kind == nString || t.textOf(s) {
					s.pre = "cast_bool(" + s.pre
					s.post += ", 'duckdb')"
				}
			}
			return
		}
	}
	t.compareFloats(operands)
	typ, rank := "", 0
	for _, o := range operands {
		// a REAL decides, then a DECIMAL, then an INTEGER
		r := map[string]int{"": 0, "INTEGER": 1, "REAL": 3}[t.numberType(o)]
		if strings.HasPrefix(t.numberType(o), decimalType) {
			r = 2
		}
		if r > rank {
			typ, rank = t.numberType(o), r
		}
	}
	if typ == "" {
		return
	}
	cast, scale := typ, ""
	if s, ok := strings.CutPrefix(typ, decimalType); ok {
		cast, scale = "REAL", s
	}
	for _, o := range operands {
		if o.kind != nString && !t.textOf(o) {
			continue
		}
		o.pre = "cast_to(" + o.pre
		o.post += ", '" + cast + "', 'duckdb', " + itoa(t.toks[o.start].line) + ")"
		if scale != "" {
			o.pre = "round_scale(" + o.pre
			o.post += ", " + scale + ")"
		}
	}
}

// refuseTextOrder refuses an ordering comparison (<, >=, BETWEEN) of a
// DuckDB VARCHAR value with a number: DuckDB refuses it, where SQLite
// would compare the storage classes and find all text above all numbers.
// A string literal is cast instead (compareLiterals).
func (t *translator) refuseTextOrder(operands ...*node) {
	if t.d != DuckDB {
		return
	}
	var text, num *node
	for _, o := range operands {
		switch {
		case o.kind != nString && t.textOf(o):
			text = o
		case t.numberType(o) != "":
			num = o
		}
	}
	if text != nil && num != nil {
		t.refuse(skipSpace(t.toks, text.start), refTextOrder)
	}
}

// inSubqueryText reads x IN (SELECT y ...) where one of x and y is known
// to be text and the other a number as the warehouse does: Snowflake casts
// a VARCHAR x to a number, DuckDB refuses either.
func (t *translator) inSubqueryText(x, q *node) {
	if t.d != DuckDB && t.d != Snowflake {
		return
	}
	c := t.subqueryColumn(q)
	textX := x.kind != nString && t.textOf(x)
	numX := !t.textOf(x) && t.numberType(x) != ""
	switch {
	case textX && c.num != "" && !c.text, numX && c.text:
		if t.d == DuckDB {
			t.refuse(skipSpace(t.toks, x.start), refTextIn)
		} else if textX {
			wrapPrint(x, "cast_to(", ", 'REAL', 'snowflake', "+itoa(t.toks[x.start].line)+")")
		}
	}
}

// coalesceNumbers casts the text among the values a Snowflake conditional
// may give (COALESCE's, NVL's and IFNULL's arguments, IFF's and NVL2's two
// values, the THEN and ELSE values of CASE and DECODE) to a number when
// another is a number, as Snowflake's data type conversion reference says:
// "if one of the input expressions is a numeric type, the return type is
// also a numeric type", COALESCE('17', 1) is 17, a VARCHAR converted is a
// NUMBER(18, 5), and text that is no number fails.
func (t *translator) coalesceNumbers(args []*node) {
	if !t.knownNumber(args) {
		return
	}
	for _, a := range args {
		if a.kind == nString || t.textOf(a) {
			wrapPrint(a, "round_scale(cast_to(", ", 'REAL', 'snowflake', "+itoa(t.toks[a.start].line)+"), 5)")
		}
	}
}

// knownNumber tells whether one of values is known to be a number (not a
// NULL, not text).
func (t *translator) knownNumber(values []*node) bool {
	for _, a := range values {
		if !t.isNull(a) && a.kind != nString && !t.textOf(a) && t.numberType(a) != "" {
			return true
		}
	}
	return false
}

// textNumberMix tells whether values, those of a Snowflake conditional,
// mix text and a known number, which makes the conditional a number
// (coalesceNumbers).
func (t *translator) textNumberMix(values []*node) bool {
	if !t.knownNumber(values) {
		return false
	}
	for _, a := range values {
		if a.kind == nString || t.textOf(a) {
			return true
		}
	}
	return false
}

// snowflakeNumberValues are the values of a Snowflake call that become a
// number where one of them is: a conditional's (snowflakeBranches),
// DECODE's results, and GREATEST's and LEAST's arguments after a number.
func (t *translator) snowflakeNumberValues(n *node) []*node {
	switch n.name {
	case "decode":
		return decodeResults(n.list)
	case "greatest", "least":
		if len(n.list) > 0 && t.knownNumber(n.list[:1]) {
			return n.list
		}
		return nil
	}
	return snowflakeBranches(n)
}

// caseValues converts the WHEN values of Snowflake's CASE x WHEN v to the
// type of x, as its reference says ("The value must be the same data type
// as the expr, or must be a data type that can be cast to the data type of
// the expr"): text to a number where x is a number (CASE 1 WHEN '1' matches;
// text that is no number fails), a number to text where x is text (CASE s
// WHEN 10 matches s = '10'). SQLite compared storage classes and matched
// neither.
func (t *translator) caseValues(n *node) {
	if n.x == nil || len(n.kids) == 0 || n.kids[0] != n.x {
		return
	}
	k := n.kids[1:]
	x := n.x
	xText := x.kind == nString || t.textOf(x)
	xNumber := !xText && !t.isNull(x) && t.numberType(x) != ""
	for i := 0; i+1 < len(k); i += 2 {
		v := k[i]
		switch vText := v.kind == nString || t.textOf(v); {
		case xNumber && vText:
			wrapPrint(v, "cast_to(", ", 'REAL', 'snowflake', "+itoa(t.toks[v.start].line)+")")
		case xText && !vText && !t.isNull(v) && t.numberType(v) != "":
			t.snowflakeText(v)
		}
	}
}

// firstArgumentType converts the arguments of Snowflake's GREATEST and
// LEAST to the first one's type, as their reference says: "If the first
// type is numeric, then the return type is 'widened' according to the
// numeric types in the list of all arguments. If the first type is not
// numeric, then all other arguments must be convertible to the first
// type." After a number, text is converted to a NUMBER(18, 5) (GREATEST(9,
// '10') is 10); after text, a number is written as Snowflake casts it to
// VARCHAR and the values are compared as text (GREATEST('10', 9) is '9').
// SQLite compared storage classes, every text above every number.
func (t *translator) firstArgumentType(args []*node) {
	if len(args) < 2 || t.isNull(args[0]) {
		return
	}
	first := args[0]
	switch {
	case first.kind == nString || t.textOf(first):
		for _, a := range args[1:] {
			if !t.isNull(a) && a.kind != nString && !t.textOf(a) && t.numberType(a) != "" {
				t.snowflakeText(a)
			}
		}
	case t.numberType(first) != "":
		t.coalesceNumbers(args)
	}
}

// snowflakeText writes the number x as Snowflake casts it to VARCHAR: a
// NUMBER(p, s) with its s digits after the point, a FLOAT as
// float_text_snowflake writes it, an integer as it is.
func (t *translator) snowflakeText(x *node) {
	if fn, args, ok := t.numberText(x); ok {
		wrapPrint(x, fn+"(", args+")")
		return
	}
	wrapPrint(x, "CAST(", " AS TEXT)")
}

// compareLiteralsSnowflake casts the string literals and VARCHAR values
// compared with a known number, boolean or TIME as Snowflake does: to the
// number the text holds (1 = '1.0' is true, 1 = 'x' fails, a CTE's '10' >
// 9 holds), to a boolean as TO_BOOLEAN reads it (true = 'yes' is true), to
// a TIME ('10:00'::time = '10:00' is true).
func (t *translator) compareLiteralsSnowflake(operands []*node) {
	pre, post := "", ""
	for _, o := range operands {
		switch {
		case t.staticType(o) == TypeBool:
			pre, post = "to_boolean_snowflake(", ")"
		case t.staticType(o) == TypeTime:
			pre, post = "cast_to(", ", 'TIME', 'snowflake', "+itoa(t.toks[o.start].line)+")"
		case pre == "" && (t.numberType(o) != "" || t.isDecimal(o)):
			// a NUMBER(p, s) too: a column's scale is its static type
			pre, post = "cast_to(", ", 'REAL', 'snowflake', "+itoa(t.toks[o.start].line)+")"
		}
	}
	if pre == "" {
		return
	}
	for _, o := range operands {
		if o.kind == nString || t.textOf(o) {
			o.pre = pre + o.pre
			o.post += post
		}
	}
}

// arithmeticLiterals casts a string literal to an INTEGER where DuckDB
// binds the arithmetic to its INTEGER operator: the other operand is an
// INTEGER and the operator * or % (either side) or - (the literal on the
// right). 2 * '1.5' is 4 and 2 - '1.5' is 0, as '1.5' rounds to 2; SQLite
// read the text as 1.5. DuckDB refuses '1' + 1, 1 + '1' and '1' - 2 (it
// cannot choose between DATE and INTEGER arithmetic): refused here too,
// where SQLite added the numbers.
func (t *translator) arithmeticLiterals(n *node) {
	if t.d != DuckDB || n.x == nil || n.y == nil {
		return
	}
	var lit, other *node
	switch {
	case n.x.kind == nString && n.y.kind != nString && n.name == "-" && t.numberType(n.y) == "INTEGER":
		t.refuse(n.tok, refLiteralArith, "-")
		return
	case n.y.kind == nString && n.x.kind != nString:
		lit, other = n.y, n.x
	case n.x.kind == nString && n.y.kind != nString && n.name != "-":
		lit, other = n.x, n.y
	default:
		return
	}
	if n.name == "+" && t.numberType(other) == "INTEGER" {
		t.refuse(n.tok, refLiteralArith, "+")
		return
	}
	if n.name != "*" && n.name != "%" && n.name != "-" || t.numberType(other) != "INTEGER" {
		return
	}
	lit.pre = "cast_to(" + lit.pre
	lit.post += ", 'INTEGER', 'duckdb', " + itoa(t.toks[lit.start].line) + ")"
}

// compareFloats rounds the INTEGERs and DECIMALs compared with a FLOAT
// (DuckDB's 32-bit float) to 32 bits, as DuckDB casts them to the FLOAT's
// type: a FLOAT holding 1.1 is not > 1.1 there, and = 1.1 holds, where
// SQLite compares the 64-bit reals (1.100000023841858 > 1.1). With a
// DOUBLE among them, the FLOAT is widened instead and nothing changes.
func (t *translator) compareFloats(operands []*node) {
	float := false
	for _, o := range operands {
		switch t.numberType(o) {
		case "FLOAT":
			float = true
		case "REAL":
			return
		}
	}
	if !float {
		return
	}
	for _, o := range operands {
		if num := t.numberType(o); num == "INTEGER" || strings.HasPrefix(num, decimalType) {
			o.pre = "to_float32(" + o.pre
			o.post += ")"
		}
	}
}

// BigQuery coerces no STRING to a number and no number to a STRING: s = 1,
// '1' < n, s IN (1, 2) and s BETWEEN 1 AND 2 fail there ("No matching
// signature for operator = for argument types: STRING, INT64"), where
// SQLite would compare the storage classes and find them unequal. A string
// literal is coerced to a DATE, DATETIME, TIME or TIMESTAMP only, and a
// number literal to a NUMERIC or FLOAT64: those comparisons are left as
// they are. Only operands whose types are known are refused.

// bigQueryString is the full type of x where it is known to be a BigQuery
// STRING or BYTES (a string literal, a cast, a function giving text, a
// CTE's or model's column holding it), and no number; "" otherwise.
func (t *translator) bigQueryString(x *node) string {
	if full := t.fullType(x); (full == "STRING" || full == "BYTES") && t.numberType(x) == "" {
		return full
	}
	return ""
}

// bigQueryNumberOf is the full type of x where it is known to be a BigQuery
// number (INT64, NUMERIC, FLOAT64); "" otherwise.
func (t *translator) bigQueryNumberOf(x *node) string {
	if t.numberType(x) == "" {
		return ""
	}
	switch full := t.fullType(x); full {
	case "STRING", "BYTES", "":
		return ""
	default:
		return full
	}
}

// refuseTextNumber refuses op (=, <, BETWEEN, IN) among operands of which
// one is a known BigQuery STRING, BYTES, date or time and another a known
// number, or one a known BOOL and another a known STRING, BYTES or number
// (BigQuery coerces nothing to a BOOL: b = 'false' and b = 0 fail there),
// and in DuckDB a known date or time beside a number.
func (t *translator) refuseTextNumber(op string, operands ...*node) {
	if t.d == DuckDB {
		t.refuseDuckTimeNumber(op, operands...)
		return
	}
	if t.d != BigQuery {
		return
	}
	var text, date, boolean *node
	textType, numType, dateType := "", "", ""
	for _, o := range operands {
		if t.fullType(o) == "BOOL" {
			if boolean == nil {
				boolean = o
			}
		} else if s := t.bigQueryString(o); s != "" {
			if text == nil {
				text, textType = o, s
			}
		} else if n := t.bigQueryNumberOf(o); n != "" && numType == "" {
			numType = n
		} else if d := t.fullType(o); bigQueryTimeTypes[d] && date == nil {
			date, dateType = o, d
		}
	}
	if other := cmp.Or(textType, numType); boolean != nil && other != "" {
		// b NOT IN ('False'), dbt's accepted_values of [false]: "No
		// matching signature for operator IN for argument types: BOOL, STRING"
		t.refuse(skipSpace(t.toks, boolean.start), refBigQueryBoolCompare, strings.ToUpper(op), other)
	} else if text != nil && numType != "" {
		t.refuse(skipSpace(t.toks, text.start), refBigQueryTextNumber, strings.ToUpper(op), textType, numType)
	} else if date != nil && numType != "" {
		// DATE >= 2020-01-01 (the number 2018): "No matching signature"
		t.refuse(skipSpace(t.toks, date.start), refBigQueryTimeNumber, strings.ToUpper(op), dateType, numType)
	}
}

// refuseDuckTimeNumber refuses op among operands of which one is a known
// DuckDB DATE, TIME or TIMESTAMP and another a known number: DuckDB's
// binder cannot compare them without an explicit cast.
func (t *translator) refuseDuckTimeNumber(op string, operands ...*node) {
	var date *node
	dateType, numType := "", ""
	for _, o := range operands {
		if name := duckTimeNames[t.staticType(o)]; name != "" && date == nil {
			date, dateType = o, name
		} else if t.numberType(o) != "" && numType == "" {
			numType = cmp.Or(t.fullType(o), "a number")
		}
	}
	if date != nil && numType != "" {
		t.refuse(skipSpace(t.toks, date.start), refDuckTimeNumber, strings.ToUpper(op), dateType, numType)
	}
}

// duckTimeNames name DuckDB's date and time types by their static type.
var duckTimeNames = map[string]string{TypeDate: "DATE", TypeTime: "TIME", sqlfunc.KindWallClock: "TIMESTAMP", sqlfunc.KindInstant: "TIMESTAMP WITH TIME ZONE"}

// bigQueryTimeTypes are BigQuery's types of dates and times, which no
// number is coerced to.
var bigQueryTimeTypes = map[string]bool{"DATE": true, "DATETIME": true, "TIME": true, "TIMESTAMP": true}

// refuseInSubqueryNumber refuses x IN (SELECT y ...) in BigQuery where one
// of x and y is known to be a STRING and the other a number, or one a BOOL
// and the other a STRING or a number.
func (t *translator) refuseInSubqueryNumber(x, q *node) {
	if t.d != BigQuery {
		return
	}
	c := t.subqueryColumn(q)
	colText := (c.full == "STRING" || c.full == "BYTES") && c.num == ""
	colNum := c.num != "" && c.full != "" && c.full != "STRING" && c.full != "BYTES"
	xBool := t.fullType(x) == "BOOL"
	switch s, n := t.bigQueryString(x), t.bigQueryNumberOf(x); {
	case xBool && (colText || colNum):
		t.refuse(skipSpace(t.toks, x.start), refBigQueryBoolCompare, "IN", c.full)
	case c.full == "BOOL" && !xBool && cmp.Or(s, n) != "":
		t.refuse(skipSpace(t.toks, x.start), refBigQueryBoolCompare, "IN", cmp.Or(s, n))
	case s != "" && colNum:
		t.refuse(skipSpace(t.toks, x.start), refBigQueryTextNumber, "IN", s, c.full)
	case n != "" && colText:
		t.refuse(skipSpace(t.toks, x.start), refBigQueryTextNumber, "IN", n, c.full)
	}
}
