package sqlfunc

import (
	"cmp"
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Functions behind the dialect translator's rewrites where the warehouses
// and SQLite differ in meaning: casts that give NULL instead of a wrong
// value, boolean casts, case-sensitive LIKE, and aggregates SQLite takes
// only with one argument or without DISTINCT in a window.

func init() {
	add(
		Func{Name: "try_cast", NArgs: 2, Scalar: tryCast}, // try_cast(x, type): BigQuery's rules
		Func{Name: "cast_bool", NArgs: 1, Scalar: castBool},
		Func{Name: "cast_bool", NArgs: 2, Scalar: castBool}, // cast_bool(x, 'duckdb')
		Func{Name: "like_case_sensitive", NArgs: 2, Scalar: likeCaseSensitive},
		Func{Name: "like_case_sensitive", NArgs: 3, Scalar: likeCaseSensitive},
		Func{Name: "like_ignoring_case", NArgs: 2, Scalar: likeIgnoringCase},
		Func{Name: "like_ignoring_case", NArgs: 3, Scalar: likeIgnoringCase},
		Func{Name: "count_distinct", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &countDistinct{seen: map[string]int{}} }},
		Func{Name: "string_agg_distinct", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &stringAggDistinct{seen: map[string]bool{}} }},
		Func{Name: "first_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &firstAgg{} }},
		Func{Name: "round_scale", NArgs: 2, Scalar: roundScale},
		Func{Name: "round_scale", NArgs: 3, Scalar: roundScale},   // round_scale(x, s, 1): SAFE_CAST / TRY_CAST
		Func{Name: "decimal_fits", NArgs: 3, Scalar: decimalFits}, // decimal_fits(x, p, s): SAFE_CAST / TRY_CAST
		Func{Name: "decimal_fits", NArgs: 4, Scalar: decimalFits}, // decimal_fits(x, p, s, line)
		Func{Name: "varchar_fits", NArgs: 2, Scalar: varcharFits}, // varchar_fits(x, n): TRY_CAST
		Func{Name: "varchar_fits", NArgs: 3, Scalar: varcharFits}, // varchar_fits(x, n, line)
	)
	rename("first_agg", "first", "duckdb")
	rename("first_agg", "arbitrary", "duckdb")
}

// toBool reads a number (non-zero is true) or text as a BOOL: 'true' and
// 'false' in any case, spaces around them aside; DuckDB also takes t, f,
// yes, no, y, n, 1 and 0 in any case, and no spaces; Snowflake t, f, yes,
// no, y, n, on, off, 1 and 0 in any case.
func toBool[V cell](v V, dialect string) (bool, bool) {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return v.Float() != 0, true
	}
	if dialect == "duckdb" {
		switch strings.ToLower(v.Text()) {
		case "true", "t", "yes", "y", "1":
			return true, true
		case "false", "f", "no", "n", "0":
			return false, true
		}
		return false, false
	}
	if dialect == "snowflake" {
		// Snowflake's text to BOOLEAN, in any case
		switch strings.ToLower(strings.TrimSpace(v.Text())) {
		case "true", "t", "yes", "y", "on", "1":
			return true, true
		case "false", "f", "no", "n", "off", "0":
			return false, true
		}
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(v.Text())) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// castBool is cast_bool(x[, dialect]), CAST(x AS BOOL) by toBool's rules;
// other text is an error, as in the warehouses.
func castBool(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	dialect := ""
	if len(arg) > 1 {
		dialect = arg[1].Text()
	}
	b, ok := toBool(arg[0], dialect)
	if !ok {
		write := "write 'true' or 'false'"
		switch dialect {
		case "duckdb":
			write = "write true, false, t, f, yes, no, y, n, 1 or 0"
		case "snowflake":
			write = "write true, false, t, f, yes, no, y, n, on, off, 1 or 0"
		}
		resultError(ctx, errors.New("cannot cast "+strconv.Quote(arg[0].Text())+" to BOOL: "+write))
		return
	}
	ctx.ResultBool(b)
}

// likeCaseSensitive is the warehouses' LIKE: % any run, _ one character,
// letters compared with their case; an optional escape character.
func likeCaseSensitive(ctx sqlite3.Context, arg ...sqlite3.Value) {
	likeCall(ctx, arg, func(s string, _ rune) []rune { return []rune(s) })
}

// likeIgnoringCase is DuckDB's ILIKE: LIKE with every letter's case
// ignored (SQLite's LIKE ignores the case of ASCII letters only).
func likeIgnoringCase(ctx sqlite3.Context, arg ...sqlite3.Value) {
	likeCall(ctx, arg, foldedRunes)
}

// foldedRunes are s's characters, lower case but for the escape.
func foldedRunes(s string, esc rune) []rune {
	r := []rune(s)
	for i, c := range r {
		if c != esc {
			r[i] = unicode.ToLower(c)
		}
	}
	return r
}

// notLikeEscape is DuckDB's not_like_escape(s, p, e) (fold: not_ilike_escape).
func notLikeEscape(fold bool) func(sqlite3.Context, ...sqlite3.Value) {
	runes := func(s string, _ rune) []rune { return []rune(s) }
	if fold {
		runes = foldedRunes
	}
	return func(ctx sqlite3.Context, arg ...sqlite3.Value) { likeMatch(ctx, arg, runes, true) }
}

// likeCall matches text against pattern (and an optional escape
// character), both read through runes; NULL when either is NULL.
func likeCall(ctx sqlite3.Context, arg []sqlite3.Value, runes func(s string, esc rune) []rune) {
	likeMatch(ctx, arg, runes, false)
}

// likeMatch is likeCall, its result negated when not is set (DuckDB's
// not_like_escape and not_ilike_escape).
func likeMatch(ctx sqlite3.Context, arg []sqlite3.Value, runes func(s string, esc rune) []rune, not bool) {
	if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	esc := rune(-1)
	if len(arg) == 3 && arg[2].Type() != sqlite3.NULL {
		if e := []rune(arg[2].Text()); len(e) == 1 {
			esc = e[0]
		}
	}
	ctx.ResultBool(like(runes(arg[0].Text(), esc), runes(arg[1].Text(), esc), esc) != not)
}

// ILike matches s against a LIKE pattern with letter case ignored and a
// backslash escaping the next character, as Snowflake's ILIKE reads it.
func ILike(s, pattern string) bool {
	return like([]rune(strings.ToLower(s)), []rune(strings.ToLower(pattern)), '\\')
}

// like matches s against pattern p in O(len(s)*len(p)) time at worst,
// backtracking only to the last %.
func like(s, p []rune, esc rune) bool {
	si, pi := 0, 0
	starP, starS := -1, -1
	for si < len(s) {
		if pi < len(p) {
			c := p[pi]
			switch {
			case c == esc && pi+1 < len(p):
				if s[si] == p[pi+1] {
					si++
					pi += 2
					continue
				}
			case c == '%':
				starP, starS = pi, si
				pi++
				continue
			case c == '_' || c == s[si]:
				si++
				pi++
				continue
			}
		}
		if starP < 0 {
			return false
		}
		starS++
		si, pi = starS, starP+1
	}
	for pi < len(p) && p[pi] == '%' {
		pi++
	}
	return pi == len(p)
}

// countDistinct is COUNT(DISTINCT x) usable as a window function: SQLite
// refuses DISTINCT in windows.
type countDistinct struct{ seen map[string]int }

func valueKey(v sqlite3.Value) (string, bool) {
	switch v.Type() {
	case sqlite3.NULL:
		return "", false
	case sqlite3.INTEGER:
		return "n" + strconv.FormatFloat(float64(v.Int64()), 'g', -1, 64), true
	case sqlite3.FLOAT:
		return "n" + strconv.FormatFloat(v.Float(), 'g', -1, 64), true
	case sqlite3.BLOB:
		return "b" + string(v.RawBlob()), true
	}
	return "t" + v.Text(), true
}

func (c *countDistinct) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if k, ok := valueKey(arg[0]); ok {
		c.seen[k]++
	}
}

func (c *countDistinct) Inverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if k, ok := valueKey(arg[0]); ok {
		if c.seen[k]--; c.seen[k] <= 0 {
			delete(c.seen, k)
		}
	}
}

func (c *countDistinct) Value(ctx sqlite3.Context) { ctx.ResultInt(len(c.seen)) }

// stringAggDistinct is STRING_AGG / LISTAGG (DISTINCT x, separator): the
// distinct non-NULL values in the order first met, joined.
type stringAggDistinct struct {
	seen  map[string]bool
	parts []string
	sep   string
}

func (a *stringAggDistinct) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	a.sep = arg[1].Text()
	s := arg[0].Text()
	if !a.seen[s] {
		a.seen[s] = true
		a.parts = append(a.parts, s)
	}
}

func (a *stringAggDistinct) Value(ctx sqlite3.Context) {
	if len(a.parts) == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(strings.Join(a.parts, a.sep))
}

// firstAgg is DuckDB's first(x): the value of the first row aggregated,
// NULL included.
type firstAgg struct {
	set  bool
	typ  sqlite3.Datatype
	i    int64
	f    float64
	text string
}

func (a *firstAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.set {
		return
	}
	a.set, a.typ = true, arg[0].Type()
	switch a.typ {
	case sqlite3.INTEGER:
		a.i = arg[0].Int64()
	case sqlite3.FLOAT:
		a.f = arg[0].Float()
	case sqlite3.TEXT, sqlite3.BLOB:
		a.text = string(arg[0].RawBlob())
	}
}

func (a *firstAgg) Value(ctx sqlite3.Context) {
	switch a.typ {
	case sqlite3.INTEGER:
		ctx.ResultInt64(a.i)
	case sqlite3.FLOAT:
		ctx.ResultFloat(a.f)
	case sqlite3.TEXT:
		ctx.ResultText(a.text)
	case sqlite3.BLOB:
		ctx.ResultBlob([]byte(a.text))
	default:
		ctx.ResultNull()
	}
}

// roundScale is a cast to numeric(p, s): x rounded to s digits after the
// point, halves away from zero, on x's shortest decimal text, so 1.005
// gives 1.01 as the warehouses' decimals do (the double below 1.005 gives
// 1.0 with SQLite's round).
func roundScale(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL || args[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	if math.IsInf(args[0].Float(), 0) {
		// the warehouses' decimals hold no infinity: CAST('inf' AS NUMERIC)
		// fails, SAFE_CAST and TRY_CAST give NULL
		if len(args) == 3 {
			ctx.ResultNull()
			return
		}
		resultError(ctx, errorString("a NUMERIC or DECIMAL cannot hold "+strconv.FormatFloat(args[0].Float(), 'g', -1, 64)+", as in the warehouse; cast to FLOAT64 or DOUBLE to keep it"))
		return
	}
	scale := int(args[1].Int64())
	f, err := roundedAt(args[0].Float(), scale)
	if err != nil {
		fail(ctx, "CAST", "%v", err)
		return
	}
	if !belowPow10(f, maxDecimalDigits-scale) {
		// beyond the widest decimal: an overflow error in the warehouses
		if len(args) == 3 {
			ctx.ResultNull()
			return
		}
		resultError(ctx, errorString(strconv.FormatFloat(f, 'f', -1, 64)+" is out of range for DECIMAL(38, "+strconv.Itoa(scale)+"), the widest decimal, as in the warehouse (BigQuery's NUMERIC holds 29 digits before the point); use a FLOAT64 or DOUBLE"))
		return
	}
	if f == 0 {
		f = 0 // a decimal has no negative zero: -0.4 rounds to 0
	}
	ctx.ResultFloat(f)
}

// maxDecimalDigits is the precision of the warehouses' widest DECIMAL,
// NUMBER and NUMERIC.
const maxDecimalDigits = 38

// roundedAt is x rounded at scale digits after the point, halves away from
// zero, reading x as its shortest decimal text.
func roundedAt(x float64, scale int) (float64, error) {
	text := strconv.FormatFloat(x, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(text, "-") {
		sign, text = "-", text[1:]
	}
	whole, frac, _ := strings.Cut(text, ".")
	if scale < 0 || len(frac) <= scale {
		return x, nil
	}
	whole, frac = RoundDecimalDigits(whole, frac, scale)
	return strconv.ParseFloat(sign+cmp.Or(whole, "0")+"."+frac, 64)
}

// RoundDecimalDigits rounds the unsigned decimal whole.frac (digits only,
// either may be empty) to scale digits after the point, halves away from
// zero, as the warehouses round a DECIMAL: it gives the digits before the
// point without leading zeros, and the scale digits after it.
func RoundDecimalDigits(whole, frac string, scale int) (string, string) {
	padded := frac + strings.Repeat("0", max(0, scale-len(frac)+1))
	digits := []byte(whole + padded[:scale])
	if padded[scale] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	n := len(digits) - scale
	return strings.TrimLeft(string(digits[:n]), "0"), string(digits[n:])
}

// decimalFits is decimal_fits(x, p, s[, line]): x, already at scale s,
// when it fits a DECIMAL(p, s), whose values have at most p - s digits
// before the point. A value that does not is an error in the warehouses
// (DuckDB: "Could not cast value 1000 to DECIMAL(3,1)"), here too, naming
// the line; without a line (a safe cast) it is NULL.
func decimalFits(ctx sqlite3.Context, args ...sqlite3.Value) {
	x := args[0]
	p, _ := integer(args[1])
	s, _ := integer(args[2])
	if x.Type() == sqlite3.NULL || fitsDigits(x, p-s) {
		ctx.ResultValue(x)
		return
	}
	if len(args) < 4 {
		ctx.ResultNull()
		return
	}
	lineError(ctx, args[3], "%s is out of range for DECIMAL(%d, %d), which holds at most %d digits before the point, as in the warehouse; cast to a wider type", x.Text(), p, s, max(p-s, 0))
}

// varcharFits is varchar_fits(x, n[, line]): text x when it has at most n
// characters, as Snowflake's VARCHAR(n) holds; a longer one is an error
// there ("String '...' is too long and would be truncated"), a cast to a
// VARCHAR(n) does not cut it, here too, naming the line; without a line
// (TRY_CAST) it is NULL.
func varcharFits(ctx sqlite3.Context, args ...sqlite3.Value) {
	x := args[0]
	n, _ := integer(args[1])
	if x.Type() == sqlite3.NULL || int64(utf8.RuneCountInString(x.Text())) <= n {
		ctx.ResultValue(x)
		return
	}
	if len(args) < 3 {
		ctx.ResultNull()
		return
	}
	lineError(ctx, args[2], "String '%s' is too long and would be truncated: it has %d characters, and VARCHAR(%d) holds %d, as in Snowflake; cast to a longer VARCHAR or cut it with LEFT(x, %d)", x.Text(), utf8.RuneCountInString(x.Text()), n, n, n)
}

// fitsDigits tells whether number x has at most digits digits before the
// point; values that are no number are left to the cast.
func fitsDigits(x sqlite3.Value, digits int64) bool {
	switch x.Type() {
	case sqlite3.INTEGER:
		if digits >= 19 {
			return true
		}
		v := x.Int64()
		return v > -pow10Int[max(digits, 0)] && v < pow10Int[max(digits, 0)]
	case sqlite3.FLOAT:
		return belowPow10(x.Float(), int(max(digits, 0)))
	}
	return true
}

// belowPow10 tells whether |f| < 10^d, exactly: the real nearest
// 99999999999999999999999999999999999999 is below 10^38 and fits a
// DECIMAL(38, 0), though it prints as 1e38.
func belowPow10(f float64, d int) bool {
	if d <= 22 { // 10^d is a real exactly
		return math.Abs(f) < math.Pow10(d)
	}
	limit := new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil))
	return new(big.Float).SetFloat64(math.Abs(f)).Cmp(limit) < 0
}

// pow10Int are the powers of 10 an int64 holds.
var pow10Int = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()
