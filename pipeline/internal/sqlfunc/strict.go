package sqlfunc

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Functions that fail where the warehouse fails: a plain CAST of a value
// that does not convert, a division by zero, an array OFFSET out of range.
// SQLite answers 0, NULL or NULL there, silently. Each takes the line of the
// construct in the SQL as its last argument and starts its error with
// "line N: " (see [LineOf]) so that the error can point at the model's line.

func init() {
	add(
		Func{Name: "cast_to", NArgs: 4, Scalar: castTo},
		Func{Name: "try_cast", NArgs: 3, Scalar: tryCast},
		Func{Name: "divide", NArgs: 4, Scalar: divideChecked},
		Func{Name: "array_at", NArgs: 4, Scalar: arrayAt},
		Func{Name: "modulo", NArgs: 4, Scalar: modulo},
		Func{Name: "modulo", NArgs: 5, Scalar: modulo},
		Func{Name: "modulo", NArgs: 6, Scalar: modulo},
		Func{Name: "divide_whole", NArgs: 4, Scalar: divideWhole},
		Func{Name: "divide_whole", NArgs: 5, Scalar: divideWhole},
		Func{Name: "series_step", NArgs: 3, Scalar: seriesStep},
	)
}

// LineOf splits an error message of these functions, "line N: what", into
// N and what; line is 0 when msg does not start with a line.
func LineOf(msg string) (line int, rest string) {
	r, ok := strings.CutPrefix(msg, "line ")
	j := strings.Index(r, ": ")
	if !ok || j <= 0 {
		return 0, msg
	}
	n, err := strconv.Atoi(r[:j])
	if err != nil || n <= 0 {
		return 0, msg
	}
	return n, r[j+2:]
}

// DataFailure tells whether what, the message of a failure of these
// functions (LineOf's rest), comes from the values of a row, which the
// warehouse checks only when it computes the row: a CAST of text that is
// no number, a division by zero, an array index out of range, a number or
// text too long for its type. Other failures (a DuckDB type that takes no
// such operand, a bad step) the warehouse finds when it reads the SQL.
func DataFailure(what string) bool {
	for _, p := range []string{"CAST of ", "division by zero: ", "array index ", "String '"} {
		if strings.HasPrefix(what, p) {
			return true
		}
	}
	return strings.Contains(what, " is out of range for DECIMAL(") || strings.HasSuffix(what, " is not an array")
}

func lineError(ctx sqlite3.Context, line sqlite3.Value, format string, args ...any) {
	resultError(ctx, errorString(fmt.Sprintf("line %d: ", line.Int64())+fmt.Sprintf(format, args...)))
}

// convert converts v to typ (INTEGER, REAL, BOOLEAN, TEXT, BLOB, DATE or
// JSON) as dialect's CAST does; ok is false when it does not convert. v is
// not NULL.
//   - Reals to INTEGER round to the nearest integer, halves away from zero in
//     BigQuery and Snowflake; DuckDB rounds a DOUBLE's halves to even (a
//     DECIMAL literal reaches here as text, whose halves go away from zero).
//   - Text to INTEGER: BigQuery takes only whole numbers (decimal or 0x
//     hex); Snowflake and DuckDB take any number and round it.
//   - DATE takes a date or a timestamp (its UTC date); DATE_STRING, a
//     BigQuery STRING, takes a date only (bigQueryStringDate).
//   - TIMESTAMP (an instant) and DATETIME (a wall clock) take timestamp
//     text and write it in the project's form (see timecast.go).
func convert[V cell](v V, typ, dialect string) (any, bool) {
	switch typ {
	case "INTEGER":
		switch v.Type() {
		case sqlite3.INTEGER:
			return v.Int64(), true
		case sqlite3.FLOAT:
			if dialect == "duckdb" {
				return roundToInt(v.Float(), math.RoundToEven)
			}
			return roundToInt(v.Float(), math.Round)
		}
		s := strings.TrimSpace(v.Text())
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, true
		}
		if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
			i, err := strconv.ParseInt(h, 16, 64)
			return i, err == nil
		}
		if dialect == "bigquery" {
			return nil, false
		}
		if f, ok := parseNumber(s); ok {
			return roundToInt(f, math.Round)
		}
	case "REAL":
		switch v.Type() {
		case sqlite3.INTEGER, sqlite3.FLOAT:
			return v.Float(), true
		}
		s := strings.TrimSpace(v.Text())
		if f, ok := infinityWord(s); ok {
			return f, true
		}
		return parseNumber(s)
	case "BOOLEAN":
		return toBool(v, dialect)
	case "TEXT", "JSON":
		if typ == "TEXT" && dialect == "bigquery" && v.Type() == sqlite3.FLOAT {
			return bigQueryFloatText(v.Float()), true
		}
		if typ == "TEXT" && dialect == "snowflake" && v.Type() == sqlite3.FLOAT {
			return SnowflakeFloatText(v.Float()), true
		}
		if typ == "TEXT" && dialect == "duckdb" && v.Type() == sqlite3.FLOAT {
			// a real of unknown type is taken for a DOUBLE
			return duckFloatText(v.Float(), 64), true
		}
		return v.Text(), true
	case "BLOB":
		return v.RawBlob(), true
	case KindInstant, KindWallClock:
		return convertTimestamp(v, typ, dialect)
	case "TIMESTAMP_TZ":
		// Snowflake's TIMESTAMP_TZ with the offset written kept, as
		// TO_TIMESTAMP_TZ keeps it
		p, ok := parseTimestampText(v.Text())
		if v.Type() != sqlite3.TEXT || !ok || p.loc == nil {
			return convertTimestamp(v, KindInstant, dialect)
		}
		return zonedInstantText(instantOf(p.wall, p.loc).In(p.loc)), true
	case "TIME":
		t, err := readTimeSnowflake(v)
		if err != nil {
			return nil, false
		}
		return t.UTC().Format(snowflakeTimeLayout), true
	case dateOfString:
		return bigQueryStringDate(v)
	case "DATE":
		if v.Type() != sqlite3.TEXT {
			return nil, false
		}
		m, err := parseISO(v.RawText())
		if err != nil {
			return nil, false
		}
		if dialect == "snowflake" {
			// a TIMESTAMP_TZ's date is the one in its own offset
			// (CONVERT_TIMEZONE('America/Los_Angeles', ts)::date)
			return strings.TrimSpace(v.Text())[:10], true
		}
		return m.t.Format("2006-01-02"), true
	}
	return nil, false
}

// bigQueryFloatText is BigQuery's CAST(FLOAT64 AS STRING): the shortest of
// 15 or 17 significant digits that reads back as f, without trailing
// zeros, in exponent form from 1e15 or below 1e-4 (1, 1.5, 1e+20), and
// nan, inf, -inf. SQLite's own text would be 1.0.
func bigQueryFloatText(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		return "0"
	}
	s := strconv.FormatFloat(f, 'g', 15, 64)
	if g, _ := strconv.ParseFloat(s, 64); g != f {
		s = strconv.FormatFloat(f, 'g', 17, 64)
	}
	return s
}

// SnowflakeFloatText writes a FLOAT as Snowflake casts it to VARCHAR: at
// most 15 significant digits (its precision, "approximately 15 digits"),
// no trailing zeros (data type conversion: 5.000 is '5'), in exponent
// notation where the exponent is below -4 or 15 and above, as TM picks the
// shorter of positional and exponent notation: 1.5e10 is '15000000000',
// 1/3 '0.333333333333333', 1e20 '1e+20'; NaN and the infinities as
// Snowflake spells them.
func SnowflakeFloatText(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'g', 15, 64)
}

// parseNumber reads decimal or exponent notation; not hex floats, Inf or
// NaN spelled as words.
func parseNumber(s string) (any, bool) {
	if s == "" || strings.ContainsAny(s, "xXnN") {
		return nil, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// infinityWord reads the warehouses' words for an infinite FLOAT, in any
// case: inf, +inf, -inf, infinity, +infinity, -infinity. SQLite stores
// ±Infinity as a REAL (it prints 9e999). NaN, which the warehouses also
// take, SQLite cannot store: see nanWord.
func infinityWord(s string) (float64, bool) {
	sign := 1.0
	switch {
	case strings.HasPrefix(s, "-"):
		sign, s = -1, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	if strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity") {
		return math.Inf(int(sign)), true
	}
	return 0, false
}

// nanWord tells whether s is the warehouses' NaN (nan, +nan, -nan in any case).
func nanWord(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "+-")
	return strings.EqualFold(s, "nan")
}

func roundToInt(f any, round func(float64) float64) (any, bool) {
	r := round(f.(float64))
	if math.IsNaN(r) || r >= math.MaxInt64 || r < math.MinInt64 {
		return nil, false
	}
	return int64(r), true
}

func resultAny(ctx sqlite3.Context, v any) {
	switch x := v.(type) {
	case int64:
		ctx.ResultInt64(x)
	case float64:
		ctx.ResultFloat(x)
	case bool:
		ctx.ResultBool(x)
	case string:
		ctx.ResultText(x)
	case []byte:
		ctx.ResultBlob(x)
	default:
		ctx.ResultNull()
	}
}

// castTo is a warehouse's plain CAST(x AS type): cast_to(x, type, dialect,
// line). A value that does not convert is an error, as in the warehouse.
func castTo(ctx sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	if v.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	typ, dialect := strings.ToUpper(arg[1].Text()), arg[2].Text()
	if r, ok := convert(v, typ, dialect); ok {
		resultAny(ctx, r)
		return
	}
	safe := "TRY_CAST"
	if dialect == "bigquery" {
		safe = "SAFE_CAST"
	}
	what := strconv.Quote(v.Text())
	numeric := v.Type() == sqlite3.FLOAT || v.Type() == sqlite3.INTEGER
	switch {
	case numeric && (typ == KindInstant || typ == KindWallClock):
		what = v.Text() + " (a number: convert seconds since the epoch with " + map[string]string{"bigquery": "TIMESTAMP_SECONDS", "duckdb": "to_timestamp"}[dialect] + ")"
	case numeric:
		what = v.Text() + " (out of range)"
	case typ == "REAL" && nanWord(v.Text()):
		lineError(ctx, arg[3], "CAST of %s to FLOAT gives NaN on %s, which SQLite cannot store (it has no NaN); keep the row out with WHERE lower(x) <> 'nan', or use %s, which gives NULL here", what, warehouseName(dialect), safe)
		return
	}
	switch typ {
	case KindInstant, KindWallClock:
		typ = timestampTypeName(typ, dialect)
	case "REAL":
		// SQLite's name for every non-integer number type (DOUBLE, FLOAT,
		// NUMERIC, DECIMAL(p, s)), which the model does not write
		typ = "a number"
	case "INTEGER":
		typ = "an integer"
	case dateOfString:
		typ = "DATE"
	}
	lineError(ctx, arg[3], "CAST of %s to %s failed, as it fails on %s; use %s to get NULL instead", what, typ, warehouseName(dialect), safe)
}

// tryCast is SAFE_CAST / TRY_CAST (x AS type): try_cast(x, type[, dialect]);
// NULL when x does not convert.
func tryCast(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	dialect := "bigquery"
	if len(arg) > 2 {
		dialect = arg[2].Text()
	}
	if r, ok := convert(arg[0], strings.ToUpper(arg[1].Text()), dialect); ok {
		resultAny(ctx, r)
		return
	}
	ctx.ResultNull()
}

func warehouseName(dialect string) string {
	switch dialect {
	case "bigquery":
		return "BigQuery"
	case "snowflake":
		return "Snowflake"
	case "duckdb":
		return "DuckDB"
	}
	return dialect
}

// divideChecked is a / b of the warehouses: divide(a, b, dialect, line), always a
// real. Dividing by zero fails in BigQuery and Snowflake; DuckDB gives
// ±Infinity (its NaN for 0/0 is NULL here: SQLite has no NaN).
func divideChecked(ctx sqlite3.Context, arg ...sqlite3.Value) {
	a, b := arg[0], arg[1]
	if a.Type() == sqlite3.NULL || b.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	x, y := a.Float(), b.Float()
	if y == 0 {
		switch dialect := arg[2].Text(); dialect {
		case "duckdb":
		case "bigquery":
			lineError(ctx, arg[3], "division by zero: %s / %s; use SAFE_DIVIDE(x, y) to get NULL instead", a.Text(), b.Text())
			return
		default:
			lineError(ctx, arg[3], "division by zero: %s / %s, which fails on %s; use DIV0(x, y) to get 0, or x / NULLIF(y, 0) to get NULL instead", a.Text(), b.Text(), warehouseName(dialect))
			return
		}
	}
	q := x / y
	if math.IsNaN(q) {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(q)
}

// divideWhole is DuckDB's a // b where it is not written as SQLite's /:
// divide_whole(a, b, whole, line[, bits]). With whole 1 both are integers and the
// quotient truncates toward zero (-7 // 2 is -3); with whole 0 (a DECIMAL
// or a DOUBLE) it divides as / does; with whole 2 the values' types
// decide. A zero divisor fails, as in DuckDB, where / of integers gives
// ±Infinity instead; so does the minimum of the integers' type (bits, a
// BIGINT's unless given) divided by -1.
func divideWhole(ctx sqlite3.Context, arg ...sqlite3.Value) {
	a, b := arg[0], arg[1]
	if a.Type() == sqlite3.NULL || b.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	whole := arg[2].Int64() == 1 || arg[2].Int64() == 2 && a.NumericType() == sqlite3.INTEGER && b.NumericType() == sqlite3.INTEGER
	if whole && b.Int64() == 0 || !whole && b.Float() == 0 {
		lineError(ctx, arg[3], "division by zero: %s // %s, which fails on DuckDB; use x // NULLIF(y, 0) to get NULL instead", a.Text(), b.Text())
		return
	}
	if !whole {
		ctx.ResultFloat(a.Float() / b.Float())
		return
	}
	if x, y := a.Int64(), b.Int64(); y == -1 && x == intMinimum(arg, 4) {
		lineError(ctx, arg[3], "Overflow in division of %d / -1: the quotient does not fit in the operands' type, which fails on DuckDB; cast an operand to a wider type (x::bigint)", x)
		return
	}
	ctx.ResultInt64(a.Int64() / b.Int64())
}

// arrayAt is BigQuery's arr[OFFSET(i)] (base 0) and arr[ORDINAL(i)]
// (base 1): array_at(arr, i, base, line), the element as json_extract gives
// it. An index outside the array fails, as in BigQuery; SAFE_OFFSET gives
// NULL instead.
func arrayAt(ctx sqlite3.Context, arg ...sqlite3.Value) {
	arr, idx := arg[0], arg[1]
	if arr.Type() == sqlite3.NULL || idx.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	base := arg[2].Int64()
	i := idx.Int64() - base
	items, ok := listItems(arr)
	if !ok {
		lineError(ctx, arg[3], "%s is not an array", strconv.Quote(arr.Text()))
		return
	}
	if i < 0 || i >= int64(len(items)) {
		word, safe := "OFFSET", "SAFE_OFFSET"
		if base == 1 {
			word, safe = "ORDINAL", "SAFE_ORDINAL"
		}
		lineError(ctx, arg[3], "array index %s(%d) is out of range: the array has %d element%s; use %s to get NULL instead", word, idx.Int64(), len(items), plural(len(items)), safe)
		return
	}
	resultElement(ctx, items[i])
}

// resultElement returns a JSON value as SQLite's json_extract does: a
// string as text, a number as a number, true and false as 1 and 0, null as
// NULL, an object or array as JSON text.
func resultElement(ctx sqlite3.Context, raw []byte) {
	switch raw[0] {
	case '{', '[':
		resultJSON(ctx, raw)
	case 'n':
		ctx.ResultNull()
	case 't':
		ctx.ResultInt(1)
	case 'f':
		ctx.ResultInt(0)
	case '"':
		s, _ := scalarText(raw)
		ctx.ResultText(s)
	default:
		if i, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			ctx.ResultInt64(i)
		} else if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
			ctx.ResultFloat(f)
		} else {
			ctx.ResultText(string(raw))
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// intMinimum is the least value of DuckDB's signed integer type of the
// bits given in arg[i] (a BIGINT's without it), which divided by -1 gives
// a value beyond the type.
func intMinimum(arg []sqlite3.Value, i int) int64 {
	if i < len(arg) && arg[i].Int64() > 0 && arg[i].Int64() < 64 {
		return -1 << (arg[i].Int64() - 1)
	}
	return math.MinInt64
}

// modulo is a % b of DuckDB and Snowflake: modulo(a, b, dialect, line[,
// scale[, bits]]): the scale of DECIMALs, NULL for integers of a signed
// type of bits (a BIGINT's unless given), whose minimum % -1 fails in
// DuckDB.
// Reals keep their fraction (5.5 % 2 is 1.5; SQLite's % makes both
// integers); the sign is a's. A zero divisor fails in DuckDB, naming the
// line; elsewhere it gives NULL, as SQLite's % does.
func modulo(ctx sqlite3.Context, arg ...sqlite3.Value) {
	a, b := arg[0], arg[1]
	if a.Type() == sqlite3.NULL || b.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	if b.Float() == 0 {
		switch arg[2].Text() {
		case "duckdb":
			lineError(ctx, arg[3], "division by zero: %s %% %s, which fails on DuckDB", a.Text(), b.Text())
			return
		case "bigquery":
			lineError(ctx, arg[3], "division by zero: MOD(%s, %s), which fails on BigQuery", a.Text(), b.Text())
			return
		}
		ctx.ResultNull()
		return
	}
	if a.Type() == sqlite3.TEXT || b.Type() == sqlite3.TEXT {
		// an integer beyond 64 bits (MD5_NUMBER_LOWER64): exact, the sign
		// of the dividend's
		if x, ok := bigInteger(a); ok {
			if y, ok := bigInteger(b); ok && y.Sign() != 0 {
				resultBigInt(ctx, new(big.Int).Rem(x, y))
				return
			}
		}
	}
	if a.NumericType() == sqlite3.INTEGER && b.NumericType() == sqlite3.INTEGER {
		x, y := a.Int64(), b.Int64()
		if y == -1 && x == intMinimum(arg, 5) && arg[2].Text() == "duckdb" {
			lineError(ctx, arg[3], "Overflow in division of %d %% -1: the quotient does not fit in the operands' type, which fails on DuckDB; cast an operand to a wider type (x::bigint)", x)
			return
		}
		if y == -1 {
			ctx.ResultInt64(0)
			return
		}
		ctx.ResultInt64(x % y)
		return
	}
	if len(arg) >= 5 && arg[4].Type() != sqlite3.NULL {
		// DECIMALs of this scale: the remainder of their scaled integers
		if p := math.Pow10(int(arg[4].Int64())); math.Abs(a.Float()*p) < 1<<53 && math.Abs(b.Float()*p) < 1<<53 {
			x, y := int64(math.Round(a.Float()*p)), int64(math.Round(b.Float()*p))
			if y != 0 {
				ctx.ResultFloat(float64(x%y) / p)
				return
			}
		}
	}
	r := math.Mod(a.Float(), b.Float())
	if d := arg[2].Text(); d == "bigquery" || d == "snowflake" {
		// their MOD and % of decimals are exact: 4.5 % 1.2 is 0.9
		r = decimalRound(r, max(decimalPlaces(a.Float()), decimalPlaces(b.Float())), modeHalfAway)
	}
	ctx.ResultFloat(r)
}

// decimalPlaces counts the digits after the point of x's shortest decimal
// text.
func decimalPlaces(x float64) int {
	_, frac, _ := strings.Cut(strconv.FormatFloat(x, 'f', -1, 64), ".")
	return len(frac)
}

// seriesStep is the step of DuckDB's range(a, b, step) and
// generate_series(...) in FROM: series_step(step, function, line). A step
// of 0 would never reach the end; DuckDB fails there, and so does this.
func seriesStep(ctx sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	zero := (v.Type() == sqlite3.INTEGER || v.Type() == sqlite3.FLOAT) && v.Float() == 0
	if v.Type() == sqlite3.TEXT {
		iv, ok := parseInterval(v.Text())
		zero = ok && iv.key() == 0 // an INTERVAL step of timestamps
	}
	if zero {
		lineError(ctx, arg[2], "%s(...) with a step of 0 never reaches its end, and fails on DuckDB; give a step other than 0", arg[1].Text())
		return
	}
	ctx.ResultValue(v)
}

// dateOfString is the cast target of a value known to be a BigQuery STRING
// cast to DATE.
const dateOfString = "DATE_STRING"

// bigQueryStringDate is BigQuery's CAST(STRING AS DATE): the text must be a
// date literal, YYYY-[M]M-[D]D, so '2024-3-5' is 2024-03-05 while a time of
// day ('2024-03-05 08:00:00') fails, as a STRING is not a TIMESTAMP there.
func bigQueryStringDate[V cell](v V) (any, bool) {
	if v.Type() != sqlite3.TEXT {
		return nil, false
	}
	parts := strings.Split(strings.TrimSpace(v.Text()), "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) < 1 || len(parts[2]) > 2 {
		return nil, false
	}
	y, ok1 := digits(parts[0])
	mo, ok2 := digits(parts[1])
	d, ok3 := digits(parts[2])
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return nil, false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
}
