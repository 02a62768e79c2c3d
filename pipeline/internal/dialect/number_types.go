package dialect

import (
	"strconv"
	"strings"
)

// Number types are what the translator knows of a number's warehouse type:
// INTEGER, REAL (a DOUBLE), FLOAT (DuckDB's 32-bit FLOAT) or "DECIMAL s", a
// DECIMAL with s digits after the point. SQLite holds a DECIMAL as the real
// nearest to it; DuckDB's DECIMAL arithmetic is exact, so where the type is
// known the translator rounds results back to their scale (round_scale):
// 0.1 + 0.2 = 0.3 holds, round(1.005, 2) is 1.01. DuckDB's result scales:
// + - % keep the larger scale, * adds them, / gives a DOUBLE, sum, min, max,
// abs and the conditionals keep the scale, round(x, n) makes it n when n is
// smaller, floor and ceil 0. A FLOAT operand with anything but a DOUBLE
// gives a FLOAT, rounded to 32 bits (to_float32).

// decimalType starts the numberType of a DECIMAL with its digits after
// the point: "DECIMAL 2" for 1.25 or a cast to decimal(10, 2).
const decimalType = "DECIMAL "

// maxExactScale is the largest scale kept exact: a real holds about 17
// digits, so larger scales are read as reals.
const maxExactScale = 17

// numberScale is the digits after the point of number type num: 0 for an
// INTEGER; false for a REAL, a FLOAT or an unknown type.
func numberScale(num string) (int, bool) {
	if num == "INTEGER" {
		return 0, true
	}
	s, ok := strings.CutPrefix(num, decimalType)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// decimalOf is the number type of a DECIMAL of scale s, a REAL when the
// scale is beyond what a real holds exactly.
func decimalOf(s int) string {
	if s > maxExactScale {
		return "REAL"
	}
	return decimalType + strconv.Itoa(s)
}

// mergeNumbers is the number type of values of types a and b together (a
// column of VALUES or of a UNION, the branches of CASE): DuckDB widens an
// INTEGER and a DECIMAL to the larger scale, anything with a DOUBLE to a
// DOUBLE.
func mergeNumbers(a, b string) string {
	switch {
	case a == b:
		return a
	case a == "" || b == "":
		return ""
	case a == "REAL" || b == "REAL":
		return "REAL"
	case a == "FLOAT" || b == "FLOAT":
		return "FLOAT"
	}
	x, _ := numberScale(a)
	y, _ := numberScale(b)
	return decimalOf(max(x, y))
}

// commonNumber merges the number types of list, NULL literals (and
// Snowflake's columns of them) aside.
func (t *translator) commonNumber(list []*node) string {
	common, seen := "", false
	for _, x := range list {
		if t.nullValue(x) {
			continue
		}
		if !seen {
			common, seen = t.numberType(x), true
			continue
		}
		common = mergeNumbers(common, t.numberType(x))
	}
	return common
}

// rankingIntegers are the window functions numbering rows, whose values
// are the warehouse's integers (DuckDB's BIGINT, BigQuery's INT64,
// Snowflake's NUMBER(38, 0)).
var rankingIntegers = map[string]bool{"row_number": true, "rank": true, "dense_rank": true, "ntile": true}

// numberType is the number type of n where it is known: a number literal,
// a cast to a number, count(...), arithmetic and aggregates of those, and
// the columns of CTEs, subqueries and VALUES holding them; "" otherwise.
func (t *translator) numberType(n *node) string {
	return t.memoized(n, &n.numMemo, &t.numMemo, t.numberTypeOf)
}

func (t *translator) numberTypeOf(n *node) string {
	if t.d == BigQuery {
		if num, ok := t.bigQueryNumber(n); ok {
			return num
		}
	}
	switch n.kind {
	case nParen:
		return t.numberType(n.x)
	case nLit:
		if n.start+1 != n.end || t.toks[n.start].kind != kNumber {
			return ""
		}
		lit := t.toks[n.start].text
		if strings.ContainsAny(lit, "eE") {
			return "REAL" // a DOUBLE
		}
		if _, frac, ok := strings.Cut(lit, "."); ok {
			return decimalOf(len(frac))
		}
		return "INTEGER"
	case nUnary:
		if n.name == "-" || n.name == "+" {
			return t.numberType(n.x)
		}
		if n.name == "~" && t.d == DuckDB && t.numberType(n.x) == "INTEGER" {
			return "INTEGER"
		}
	case nCast:
		typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
		if prob == nil && !typ.boolean && typ.fn == "" && (typ.affinity == "INTEGER" || typ.affinity == "REAL") {
			typ = defaultScale(t.d, typ)
			if typ.scale != "" {
				s, _ := strconv.Atoi(typ.scale)
				return decimalOf(s)
			}
			if t.d == DuckDB && typ.affinity == "INTEGER" && typ.precision != "" {
				// DECIMAL(p, 0): whole numbers, but a DECIMAL's median
				// and quantiles are too, cut off towards zero
				return decimalOf(0)
			}
			if t.d == DuckDB && isFloat32(typ) {
				return "FLOAT"
			}
			return typ.affinity
		}
	case nCall:
		if len(n.parts) <= 1 && (n.name == "count" || rankingIntegers[n.name]) {
			return "INTEGER"
		}
		if len(n.parts) <= 1 && (n.name == "percent_rank" || n.name == "cume_dist") && len(n.list) == 0 {
			return "REAL" // a DOUBLE, FLOAT64, FLOAT
		}
		if t.d == DuckDB && len(n.parts) <= 1 {
			return t.callNumber(n)
		}
		if t.d == Snowflake && len(n.parts) <= 1 && len(n.list) == 1 && (n.name == "sum" || n.name == "min" || n.name == "max") && t.numberType(n.list[0]) == "INTEGER" {
			return "INTEGER" // a NUMBER(38, 0): divided, it has 6 digits (decimals.go)
		}
		if s, ok := t.roundingScale(n); t.d == Snowflake && len(n.parts) <= 1 && ok && s == 0 {
			return "INTEGER" // CEIL(amount): a NUMBER(p, 0)
		}
		if t.d == Snowflake && len(n.parts) <= 1 && (n.name == "count_if" || integerBranches(t, snowflakeBranches(n)) ||
			(n.name == "greatest" || n.name == "least") && integerBranches(t, n.list)) {
			return "INTEGER" // COUNT_IF, IFF(c, amount, 0), GREATEST(a, b)...: a NUMBER(38, 0)
		}
		if t.d == Snowflake && len(n.parts) <= 1 && len(n.list) > 0 && (n.name == "first_value" || n.name == "last_value" || n.name == "nth_value" ||
			(n.name == "lag" || n.name == "lead") && len(n.list) <= 2) {
			return t.numberType(n.list[0]) // a value of another row: of its type
		}
		if t.d == Snowflake && len(n.parts) <= 1 && n.x == nil && snowflakeIntegerCalls[n.name] {
			return "INTEGER" // DATE_PART, YEAR(...), DATEDIFF: a NUMBER(38, 0)
		}
		if c, ok := numberConversions[n.name]; ok && t.d == Snowflake && len(n.parts) <= 1 && c.real {
			return "REAL" // TO_DOUBLE: a FLOAT
		}
		if t.d == Snowflake && len(n.parts) <= 1 && t.textNumberMix(t.snowflakeNumberValues(n)) {
			return "REAL" // IFF(c, '10', 9): the text converted to a number (compare_literals.go)
		}
	case nExtract:
		if t.d == Snowflake {
			return "INTEGER" // a NUMBER(38, 0), as DATE_PART's
		}
		if t.d == DuckDB {
			return duckPartNumber(n.name)
		}
	case nCase:
		if t.d == DuckDB {
			return t.commonNumber(caseBranches(n))
		}
		if t.d == Snowflake && t.textNumberMix(caseBranches(n)) {
			return "REAL" // THEN '10' ELSE 9: the text converted to a number
		}
		if t.d == Snowflake && integerBranches(t, caseBranches(n)) {
			return "INTEGER"
		}
	case nBinary:
		if t.d == DuckDB && duckBitOperators[n.name] {
			if t.numberType(n.x) == "INTEGER" && t.numberType(n.y) == "INTEGER" {
				return "INTEGER" // of the wider operand's type
			}
			return ""
		}
		if !arithmetic[n.name] {
			return "" // || and comparisons give no number: their operands need not be asked
		}
		if t.d == DuckDB && n.name == "-" && t.dateOf(n.x) && t.dateOf(n.y) {
			return "INTEGER" // the days between two DATEs: a BIGINT
		}
		x, y := t.numberType(n.x), t.numberType(n.y)
		if t.d == DuckDB && n.name == "/" && x != "" && x != "FLOAT" && y == "" {
			return "REAL" // a number divided: a DOUBLE whatever the divisor
		}
		if x == "" || y == "" {
			return ""
		}
		if t.d == DuckDB {
			return duckArithmetic(n.name, x, y)
		}
		switch n.name {
		case "/", "^":
			return "REAL"
		case "//":
			return "INTEGER"
		case "+", "-", "*", "%":
			if x == "INTEGER" && y == "INTEGER" {
				return "INTEGER"
			}
			return "REAL" // DECIMAL arithmetic changes the scale: read as a real
		}
	case nName:
		if num, ok := t.lambdaParamNumber(n); ok {
			return num
		}
		if num := t.columnNumber(n); num != "" || t.d != DuckDB || len(n.parts) < 2 {
			return num
		}
		return t.shapeNumber(n) // s.a of a struct column s
	case nField, nIndex:
		// a field or element of a struct or list whose leaves are known
		return t.shapeNumber(n)
	case nSubquery:
		return t.subqueryColumn(n).num
	}
	return ""
}

// snowflakeIntegerCalls are Snowflake's functions whose result is an
// integer, a NUMBER(38, 0), whatever their arguments: the date parts and
// the differences of dates.
var snowflakeIntegerCalls = map[string]bool{
	"date_part": true, "datediff": true, "timediff": true, "timestampdiff": true,
	"year": true, "quarter": true, "month": true, "week": true, "weekofyear": true, "weekiso": true,
	"day": true, "dayofmonth": true, "dayofweek": true, "dayofweekiso": true, "dayofyear": true,
	"yearofweek": true, "yearofweekiso": true, "hour": true, "minute": true, "second": true,
	// counts and positions in text and arrays, and edit distances
	"length": true, "len": true, "char_length": true, "character_length": true, "octet_length": true, "bit_length": true,
	"editdistance": true, "jarowinkler_similarity": true, "charindex": true, "position": true, "regexp_count": true,
	"regexp_instr": true, "ascii": true, "array_size": true,
}

// duckBitOperators are DuckDB's bitwise operators, which give an integer
// of integers.
var duckBitOperators = map[string]bool{"<<": true, ">>": true, "&": true, "|": true}

// arithmetic are the binary operators that give a number of numbers.
var arithmetic = map[string]bool{"+": true, "-": true, "*": true, "/": true, "//": true, "%": true, "^": true, "**": true}

// isFloat32 tells whether a cast's type is DuckDB's 32-bit FLOAT (float,
// float4, real); double and float8 are 64-bit.
func isFloat32(typ sqlType) bool {
	return typ.name == "float" || typ.name == "float4" || typ.name == "real"
}

// duckArithmetic is the number type of x op y in DuckDB.
func duckArithmetic(op, x, y string) string {
	switch op {
	case "^", "**":
		return "REAL"
	case "//":
		// a DECIMAL or a DOUBLE is divided as by /
		if x == "INTEGER" && y == "INTEGER" {
			return "INTEGER"
		}
		return duckArithmetic("/", x, y)
	case "+", "-", "*", "%", "/":
	default:
		return ""
	}
	switch {
	case x == "REAL" || y == "REAL":
		return "REAL"
	case x == "FLOAT" || y == "FLOAT":
		return "FLOAT"
	case op == "/":
		return "REAL"
	}
	a, _ := numberScale(x)
	b, _ := numberScale(y)
	switch {
	case x == "INTEGER" && y == "INTEGER":
		return "INTEGER"
	case op == "*":
		return decimalOf(a + b)
	}
	return decimalOf(max(a, b))
}

// callNumber is the number type of a DuckDB function call.
func (t *translator) callNumber(n *node) string {
	args := n.list
	if duckDoubleResults[n.name] {
		return "REAL"
	}
	if duckIntegerResults[n.name] {
		return "INTEGER"
	}
	switch n.name {
	case "struct_extract", "list_extract", "list_element", "array_extract":
		return t.shapeNumber(n) // a field or element whose leaves are known
	case "xor", "gcd", "lcm", "greatest_common_divisor", "least_common_multiple":
		if len(args) == 2 && t.numberType(args[0]) == "INTEGER" && t.numberType(args[1]) == "INTEGER" {
			return "INTEGER" // of the wider argument's type
		}
	case "epoch_ms":
		if len(args) == 1 && t.timestampOf(args[0]) != "" {
			return "INTEGER" // a TIMESTAMP's milliseconds
		}
	case "date_part", "datepart":
		if len(args) == 2 && args[0].kind == nString {
			return duckPartNumber(stringValue(t.d, t.toks[args[0].tok].text))
		}
	case "sum":
		if len(args) == 1 {
			switch x := t.numberType(args[0]); x {
			case "FLOAT":
				return "REAL"
			default:
				return x
			}
		}
	case "list_reduce", "array_reduce", "reduce":
		// the lambda's body, to whose type every step is cast
		if len(args) >= 2 && args[1].kind == nLambda {
			return t.numberType(args[1].x)
		}
	case "list_sum", "list_min", "list_max", "list_avg":
		if len(args) != 1 {
			return ""
		}
		num, _ := listNumber(t.staticType(args[0]))
		switch {
		case num == "":
			return ""
		case n.name == "list_avg":
			return "REAL"
		case num == "FLOAT" && n.name == "list_sum":
			return "REAL"
		}
		return num
	case "avg", "mean":
		if len(args) == 1 && t.numberType(args[0]) != "" {
			return "REAL"
		}
	case "percentile_cont":
		// WITHIN GROUP (ORDER BY x): a DECIMAL's keeps its scale
		if w := withinOf(n); w != nil && len(w.list) == 1 {
			if num := t.numberType(w.list[0].x); num != "" && num != "INTEGER" && num != "FLOAT" {
				return num
			}
			return "REAL"
		}
	case "mad":
		// a DECIMAL's keeps its type; any other number's is a DOUBLE
		if len(args) == 1 && !n.flag {
			if num := t.numberType(args[0]); num == "INTEGER" {
				return "REAL"
			} else if _, ok := numberScale(num); ok {
				return num
			}
		}
	case "median", "quantile_cont":
		// a DECIMAL's keeps its scale; any other number's is a DOUBLE
		if len(args) == 2 && args[1].kind == nArray {
			return "" // of a list of quantiles: a list
		}
		if s, ok := t.medianScale(n); ok {
			return decimalOf(s)
		}
		if len(args) > 0 && t.numberType(args[0]) != "" && (n.name == "median") == (len(args) == 1) {
			return "REAL"
		}
	case "min", "max", "any_value", "first", "last", "arbitrary", "abs",
		"coalesce", "ifnull", "greatest", "least":
		if (n.name == "min" || n.name == "max") && len(args) == 2 {
			return "" // max(x, n): a list
		}
		return t.commonNumber(args)
	case "nullif", "first_value", "last_value", "nth_value":
		if len(args) > 0 {
			return t.numberType(args[0])
		}
	case "max_by", "min_by", "arg_max", "arg_min", "argmax", "argmin", "arg_max_null", "arg_min_null":
		// the first argument's value at the row of the extreme second
		// one (with a count, a list of them)
		if len(args) == 2 {
			return t.numberType(args[0])
		}
	case "lag", "lead":
		// a value of the first argument, or the default
		if len(args) == 3 {
			return t.commonNumber([]*node{args[0], args[2]})
		}
		if len(args) > 0 {
			return t.numberType(args[0])
		}
	case "if":
		if len(args) == 3 {
			return t.commonNumber(args[1:])
		}
	case "floor", "ceil", "ceiling", "trunc":
		if len(args) == 1 {
			if x := t.numberType(args[0]); t.duckIntegerFloor(n.name, args[0]) {
				return "REAL" // DuckDB's floor and ceil of an integer are DOUBLEs
			} else if strings.HasPrefix(x, decimalType) {
				return decimalOf(0)
			} else {
				return x
			}
		}
	case "round":
		if len(args) == 0 || len(args) > 2 {
			return ""
		}
		x := t.numberType(args[0])
		s, isDec := numberScale(x)
		if !isDec || x == "INTEGER" {
			return x
		}
		if len(args) == 1 {
			return decimalOf(0)
		}
		d, ok := t.intLiteral(args[1])
		if !ok {
			return ""
		}
		return decimalOf(max(0, min(s, d)))
	}
	return ""
}

// duckDoubleResults are DuckDB's functions whose result is a DOUBLE
// whatever their arguments (sqrt(4) is 2.0), checked with typeof on
// DuckDB: written as text they are DOUBLEs (concat(”, sqrt(1.5)) is
// 1.224744871391589, where SQLite's text has 17 digits).
var duckDoubleResults = map[string]bool{
	"sqrt": true, "cbrt": true, "power": true, "pow": true, "exp": true, "ln": true, "log": true, "log2": true, "log10": true,
	"sin": true, "cos": true, "tan": true, "cot": true, "asin": true, "acos": true, "atan": true, "atan2": true,
	"sinh": true, "cosh": true, "tanh": true, "asinh": true, "acosh": true, "atanh": true,
	"pi": true, "radians": true, "degrees": true, "epoch": true, "gamma": true, "lgamma": true, "even": true, "random": true,
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true, "var_pop": true,
	"corr": true, "covar_pop": true, "covar_samp": true, "regr_slope": true, "regr_intercept": true, "regr_r2": true,
	"regr_avgx": true, "regr_avgy": true, "regr_sxx": true, "regr_syy": true, "regr_sxy": true,
	"entropy": true, "kurtosis": true, "kurtosis_pop": true, "skewness": true,
}

// duckIntegerResults are DuckDB's functions whose result is a whole
// number (a BIGINT, INTEGER or TINYINT) whatever their arguments, checked
// with typeof on DuckDB: a DECIMAL times one is a DECIMAL. (epoch_ms is
// not: of a number it is a TIMESTAMP.)
var duckIntegerResults = map[string]bool{
	"year": true, "month": true, "day": true, "dayofmonth": true, "dayofweek": true, "dayofyear": true, "isodow": true,
	"week": true, "weekofyear": true, "yearweek": true, "quarter": true, "hour": true, "minute": true, "second": true,
	"millisecond": true, "microsecond": true, "era": true, "century": true, "decade": true, "millennium": true, "isoyear": true,
	"date_diff": true, "datediff": true, "date_sub": true, "datesub": true,
	"length": true, "len": true, "strlen": true, "strpos": true, "instr": true, "position": true, "ascii": true, "ord": true, "unicode": true,
	"array_length": true, "bit_length": true, "octet_length": true, "levenshtein": true, "hamming": true, "list_position": true,
	"sign": true, "bit_count": true,
}

// duckPartNumber is the number type of DuckDB's date_part or EXTRACT of
// part: the epoch and the julian day are DOUBLEs, the others BIGINTs.
func duckPartNumber(part string) string {
	switch strings.ToLower(part) {
	case "epoch", "julian":
		return "REAL"
	}
	return "INTEGER"
}

// intLiteral is the value of an integer literal, signed or not.
func (t *translator) intLiteral(n *node) (int, bool) {
	sign := 1
	for n.kind == nParen || n.kind == nUnary && n.name == "-" {
		if n.kind == nUnary {
			sign = -sign
		}
		n = n.x
	}
	if n.kind != nLit || n.start+1 != n.end || t.toks[n.start].kind != kNumber {
		return 0, false
	}
	v, err := strconv.Atoi(t.toks[n.start].text)
	return sign * v, err == nil
}

// caseBranches are the values a CASE can give.
// snowflakeBranches are the values a Snowflake conditional call may give:
// IFF's and NVL2's two, NVL's, IFNULL's, COALESCE's, ZEROIFNULL's and
// NULLIFZERO's arguments; nil for other calls.
func snowflakeBranches(n *node) []*node {
	switch {
	case (n.name == "iff" || n.name == "nvl2") && len(n.list) == 3:
		return n.list[1:]
	case n.name == "nvl" || n.name == "ifnull" || n.name == "coalesce" || n.name == "zeroifnull" || n.name == "nullifzero":
		return n.list
	}
	return nil
}

// integerBranches tells whether the values of a conditional are all
// integers (a NUMBER(38, 0) in Snowflake) or NULL, at least one not NULL.
func integerBranches(t *translator, branches []*node) bool {
	return len(branches) > 0 && t.commonNumber(branches) == "INTEGER"
}

func caseBranches(n *node) []*node {
	k := n.kids
	if n.x != nil {
		k = k[1:]
	}
	var branches []*node
	for i := 1; i < len(k); i += 2 {
		branches = append(branches, k[i])
	}
	if len(k)%2 == 1 {
		branches = append(branches, k[len(k)-1])
	}
	return branches
}

// exactNumbers rounds a DuckDB expression's value to its number type
// where SQLite's arithmetic would leave it elsewhere: decimal arithmetic
// and sums to their scale, round(decimal, n) exactly, FLOAT results to 32
// bits, and the conditionals mixing an INTEGER with a DECIMAL or a DOUBLE
// to a real (coalesce(sum(amount), 0) is 0.0 in DuckDB).
func (t *translator) exactNumbers(n *node) {
	if t.d == BigQuery {
		t.floatBranches(n)
		return
	}
	if t.d != DuckDB {
		return
	}
	num := t.numberType(n)
	s, isDec := numberScale(num)
	isDec = isDec && num != "INTEGER"
	wrap := func(fn, args string) {
		n.pre = fn + "(" + n.pre
		n.post += args + ")"
	}
	switch n.kind {
	case nBinary:
		switch {
		case isDec && (n.name == "+" || n.name == "-" || n.name == "*" || n.name == "%"):
			wrap("round_scale", ", "+strconv.Itoa(s))
		case num == "FLOAT":
			wrap("to_float32", "")
		case num == "INTEGER" && (n.name == "+" || n.name == "-" || n.name == "*"):
			t.integerOverflow(n) // duck_integer_ranges.go
		}
	case nUnary:
		if num == "INTEGER" {
			t.integerEdge(n) // duck_integer_ranges.go
		}
	case nCast:
		if num == "FLOAT" {
			wrap("to_float32", "")
		}
	case nCall:
		switch {
		case n.name == "abs" && num == "INTEGER" && len(n.parts) <= 1:
			t.integerEdge(n)
		case n.name == "round" && isDec && len(n.list) > 0 && t.roundsToDigits(n):
			// round_scale rounds the decimal's digits, halves away from zero
			x := n.list[0]
			n.print = func(pr *printer, n *node) string {
				return "round_scale(" + pr.text(x) + ", " + strconv.Itoa(s) + ")" + pr.carry(n, x)
			}
		case n.name == "sum" && isDec:
			wrap("round_scale", ", "+strconv.Itoa(s))
		case n.name == "sum" && num == "INTEGER" && len(n.list) == 1 && len(n.parts) <= 1 && !n.flag:
			// a HUGEINT: added in 128 bits (sqlfunc/duck_sum.go)
			t.pr.setTok(n.tok, "duck_sum_int")
			t.addArgument(n, itoa(t.toks[n.tok].line))
		case (n.name == "ceil" || n.name == "ceiling" || n.name == "floor" || n.name == "trunc") && isDec && len(n.list) == 1:
			// a DECIMAL has no negative zero: ceil(-0.99) is 0, where
			// SQLite's ceil of the real is -0.0. Printed inside what other
			// rewrites put around the call (decimal_text of a concat).
			old := n.print
			n.print = func(pr *printer, n *node) string {
				text := pr.plain(n)
				if old != nil {
					text = old(pr, n)
				}
				return "round_scale(" + text + ", " + strconv.Itoa(s) + ")"
			}
		case n.name == "round" && num == "FLOAT":
			// a FLOAT rounded is a FLOAT: round(0.934::float, 2) is 0.93 to 32 bits
			wrap("to_float32", "")
		case (n.name == "sum" || n.name == "avg" || n.name == "mean") && len(n.list) == 1 && len(n.parts) <= 1 && t.addsAsDoubles(n.list[0]):
			// DuckDB adds DOUBLEs one by one, without SQLite's compensation
			if n.name == "sum" {
				t.pr.setTok(n.tok, "duck_sum")
			} else {
				t.pr.setTok(n.tok, "duck_avg")
			}
		case (n.name == "avg" || n.name == "mean") && len(n.list) == 1 && !n.flag:
			// the average of exact decimals, divided once
			if s, ok := numberScale(t.numberType(n.list[0])); ok && t.numberType(n.list[0]) != "INTEGER" {
				t.pr.setTok(n.tok, "decimal_avg")
				t.addArgument(n, strconv.Itoa(s))
			}
		case n.name == "mad" && isDec && len(n.list) == 1 && !n.flag:
			// the medians cut off at the DECIMAL's scale
			t.pr.setTok(n.tok, "mad_decimal")
			t.addArgument(n, strconv.Itoa(s))
		case (n.name == "median" || n.name == "quantile_cont") && isDec:
			// interpolated at the DECIMAL's scale, cut off towards zero
			if s, ok := t.medianScale(n); ok {
				t.pr.setTok(n.tok, n.name+"_decimal")
				t.addArgument(n, strconv.Itoa(s))
			}
		case n.name == "concat" || n.name == "concat_ws":
			// numbers joined as DuckDB writes them (|| does the same)
			args := n.list
			if n.name == "concat_ws" && len(args) > 0 {
				args = t.concatWSLists(args[0], args[1:])
			}
			t.concatText(args...)
		case (n.name == "string_agg" || n.name == "listagg" || n.name == "group_concat") && len(n.list) > 0:
			t.concatText(n.list[0])
		case (n.name == "format" || n.name == "printf") && len(n.list) > 1 && len(n.parts) <= 1:
			t.formatBooleans(n)
		case n.name == "coalesce" || n.name == "ifnull" || n.name == "greatest" || n.name == "least" || n.name == "if":
			t.realBranches(n, n.list, num, s, isDec)
		case (n.name == "lag" || n.name == "lead") && len(n.list) == 3:
			t.realBranches(n, []*node{n.list[0], n.list[2]}, num, s, isDec)
		}
	case nCase:
		t.realBranches(n, caseBranches(n), num, s, isDec)
	}
}

// realBranches makes a conditional of a DECIMAL or DOUBLE type give a real
// where one of its values is an INTEGER.
func (t *translator) realBranches(n *node, values []*node, num string, s int, isDec bool) {
	if !isDec && num != "REAL" && num != "FLOAT" {
		return
	}
	if num == "FLOAT" {
		// a FLOAT with a DECIMAL or an INTEGER is a FLOAT: each value is
		// rounded to 32 bits (one that is a FLOAT already stays as it is)
		for _, v := range values {
			if !t.isNull(v) && t.numberType(v) != "FLOAT" {
				n.pre = "to_float32(" + n.pre
				n.post += ")"
				return
			}
		}
		return
	}
	for _, v := range values {
		if t.numberType(v) == "INTEGER" {
			// inside what the parent put around the value (concat's
			// decimal_text writes the scale of the rounded value)
			if isDec {
				n.pre += "round_scale("
				n.post = ", " + strconv.Itoa(s) + ")" + n.post
			} else {
				n.pre += "CAST("
				n.post = " AS REAL)" + n.post
			}
			return
		}
	}
}

// roundsToDigits tells whether round(x[, n]) keeps n >= 0 digits after the
// point; round(x, -1) rounds to tens as round_duckdb does.
func (t *translator) roundsToDigits(n *node) bool {
	if len(n.list) == 1 {
		return true
	}
	d, ok := t.intLiteral(n.list[1])
	return ok && d >= 0
}

// realColumns makes the INTEGER values of a column DuckDB types as a
// DECIMAL or a DOUBLE reals, as DuckDB gives them: the rows of VALUES and
// the bodies of a UNION (values (1), (2.5) is 1.0 and 2.5 there).
func (t *translator) realColumns(q *node) {
	if t.d != DuckDB || hasByName(q) {
		return
	}
	cols, complete := t.queryTypes(q)
	if !complete {
		return
	}
	wantsReal := func(i int) bool {
		if i >= len(cols) {
			return false
		}
		_, dec := numberScale(cols[i].num)
		return cols[i].num != "" && cols[i].num != "INTEGER" && (dec || cols[i].num == "REAL" || cols[i].num == "FLOAT")
	}
	toReal := func(x *node) {
		x.pre = "CAST(" + x.pre
		x.post += " AS REAL)"
	}
	// a column of FLOAT and DECIMAL or INTEGER values is a FLOAT: the
	// others are rounded to 32 bits
	isFloat := func(i int) bool { return i < len(cols) && cols[i].num == "FLOAT" }
	toFloat32 := func(x *node) {
		x.pre = "to_float32(" + x.pre
		x.post += ")"
	}
	for _, b := range q.list {
		b = setBranchBody(b)
		switch b.kind {
		case nValues:
			saved := t.sc
			t.sc = nil
			for _, row := range b.kids {
				vals := []*node{row}
				switch row.kind {
				case nTuple:
					vals = row.list
				case nParen:
					vals = []*node{row.x}
				}
				for i, x := range vals {
					switch {
					case isFloat(i) && !t.isNull(x) && t.numberType(x) != "FLOAT":
						toFloat32(x)
					case wantsReal(i) && t.numberType(x) == "INTEGER":
						toReal(x)
					}
				}
			}
			t.sc = saved
		case nSelect:
			own, _ := t.selectTypes(b)
			for i, it := range b.sel.items {
				if it.kind == nStar {
					break
				}
				wrapped := true
				switch {
				case isFloat(i) && i < len(own) && own[i].num != "FLOAT" && !t.isNull(it.x):
					toFloat32(it.x)
				case wantsReal(i) && i < len(own) && own[i].num == "INTEGER":
					toReal(it.x)
				default:
					wrapped = false
				}
				if wrapped && it.name == "" && it.x.kind == nName && len(it.x.parts) > 0 && !strings.Contains(it.post, " AS ") {
					// a column keeps its name, which SQLite would take
					// from the wrapping call
					it.post += " AS " + t.toks[it.x.parts[len(it.x.parts)-1]].text
				}
			}
		}
	}
}

// floatBranches makes a BigQuery conditional with a FLOAT64 value give a
// real: the values' supertype is FLOAT64 (conversion_rules#supertypes), so
// COALESCE(seats, 0.5) is 12.0 where seats holds 12. A value whose type is
// not known is an INT64, NUMERIC or FLOAT64 there: anything else has no
// supertype with a FLOAT64, and BigQuery refuses it.
func (t *translator) floatBranches(n *node) {
	var values []*node
	switch {
	case n.kind == nCase:
		values = caseBranches(n)
	case n.kind == nCall && len(n.parts) <= 1 && (n.name == "coalesce" || n.name == "ifnull" || n.name == "greatest" || n.name == "least"):
		values = n.list
	case n.kind == nCall && len(n.parts) <= 1 && n.name == "if" && len(n.list) == 3:
		values = n.list[1:]
	}
	float, other := false, false
	for _, v := range values {
		switch {
		case t.isNull(v):
		case t.numberType(v) == "REAL":
			float = true
		default:
			other = true
		}
	}
	if float && other {
		n.pre = "CAST(" + n.pre
		n.post += " AS REAL)"
	}
}

// medianScale is the scale of the DECIMAL whose median or quantile_cont
// (of one quantile, not a list of them) call n takes: DuckDB's result is a
// DECIMAL of that scale.
func (t *translator) medianScale(n *node) (int, bool) {
	if n.flag || n.name == "median" && len(n.list) != 1 || n.name == "quantile_cont" && (len(n.list) != 2 || n.list[1].kind == nArray) {
		return 0, false
	}
	num := t.numberType(n.list[0])
	if num == "INTEGER" {
		return 0, false
	}
	return numberScale(num)
}

// addsAsDoubles tells whether DuckDB's sum and avg of x add DOUBLEs: x is
// not known to be an INTEGER or a DECIMAL (whose sums are exact), nor an
// INTERVAL.
func (t *translator) addsAsDoubles(x *node) bool {
	_, exact := numberScale(t.numberType(x))
	typ := t.staticType(x)
	return !exact && typ != TypeInterval && typ != TypeMaybeInterval
}

// addArgument adds arg after the last argument of call n, before its
// closing parenthesis, where rewrites of that argument (a round_scale
// around it, made before or after) cannot come between.
func (t *translator) addArgument(n *node, arg string) {
	last := n.list[len(n.list)-1]
	i := last.end
	for i < n.end && (t.toks[i].kind == kSpace || t.toks[i].kind == kComment) {
		i++
	}
	if i < n.end && t.toks[i].text == ")" {
		t.pr.setTok(i, ", "+arg+t.pr.tokText(i))
		return
	}
	last.post += ", " + arg
}

// duckIntegerFloor tells whether DuckDB's floor, ceil or ceiling of arg is
// of an integer, which DuckDB answers as a DOUBLE (floor(5)::varchar is
// '5.0'); its trunc and round of an integer stay integers.
func (t *translator) duckIntegerFloor(name string, arg *node) bool {
	return t.d == DuckDB && (name == "floor" || name == "ceil" || name == "ceiling") && t.numberType(arg) == "INTEGER"
}

// formatBooleans writes the booleans and timestamps DuckDB's format and
// printf write as text as their casts to VARCHAR write them (true, false;
// 2024-01-02 03:04:05): every one of format's ({} of a BOOLEAN is true),
// printf's given to a %s of a format written out (its %d gives 1).
func (t *translator) formatBooleans(n *node) {
	args := n.list[1:]
	// a list, struct or MAP is written as its cast to VARCHAR writes it:
	// [1, 2], {'a': 1}, {a=1}
	asText := func(a *node) {
		typ := t.staticType(a)
		if !nested(typ) || typ == TypeJSON {
			if t.booleanOf(a) {
				t.concatText(a)
			}
			t.concatTimestamps(a)
			return
		}
		num := t.nestedTextKind(a)
		a.pre = "nested_text(" + a.pre
		a.post += ", " + sqlString(num) + ")"
	}
	if n.name == "format" {
		for _, a := range args {
			asText(a)
		}
		return
	}
	f := n.list[0]
	if f.kind != nString {
		return
	}
	convs := printfConversions(stringValue(t.d, t.toks[f.tok].text))
	for i, a := range args {
		if i < len(convs) && convs[i] == 's' {
			asText(a)
		}
		if i < len(convs) && strings.IndexByte("fFeEgGaA", convs[i]) >= 0 && t.numberType(a) == "INTEGER" {
			// a known integer, which SQLite cannot tell from a whole
			// DOUBLE: DuckDB's {fmt} takes no %f of it
			a.pre = "printf_integer(" + a.pre
			a.post += ", '" + string(convs[i]) + "', " + itoa(t.toks[n.tok].line) + ")"
		}
	}
}

// printfConversions are the conversion letters of a printf format, one
// per argument it takes (%% takes none; a * width or precision takes one,
// written as '*').
func printfConversions(f string) []byte {
	var out []byte
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		for i < len(f) && strings.IndexByte("-+ #0123456789.*'lhLqjzt", f[i]) >= 0 {
			if f[i] == '*' {
				out = append(out, '*')
			}
			i++
		}
		if i < len(f) && f[i] != '%' {
			out = append(out, f[i])
		}
	}
	return out
}

// ReadsBackAsDouble tells whether static type typ is a DuckDB DECIMAL or
// FLOAT, whose values a JSON file holds as numbers that DuckDB's JSON
// reader reads back as DOUBLEs.
func ReadsBackAsDouble(typ string) bool {
	num, ok := strings.CutPrefix(typ, typeNumber)
	return ok && (num == "FLOAT" || strings.HasPrefix(num, decimalType))
}
