package sqlfunc

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/text/unicode/norm"
)

// Numbers and text where SQLite's own functions answer otherwise than
// BigQuery and Snowflake: ROUND to a negative scale or half to even, CEIL
// and FLOOR to a scale (Snowflake), BigQuery's LOG (natural by default, the
// base second; SQLite's LOG(x) is base 10 and LOG(b, x) takes the base
// first), BigQuery's and Snowflake's SUBSTR (position 0 is 1), UPPER and
// LOWER of every letter (SQLite's change ASCII letters only), Snowflake's
// EDITDISTANCE and its CONCAT_WS (NULL when any argument is NULL; SQLite's
// skips NULLs).

func init() {
	add(
		Func{Name: "round_to", NArgs: -1, Scalar: roundTo("ROUND", modeHalfAway, false)},
		Func{Name: "round_real_to", NArgs: -1, Scalar: roundTo("ROUND", modeHalfAway, true)},
		Func{Name: "ceil_to", NArgs: -1, Scalar: roundTo("CEIL", modeCeil, false)},
		Func{Name: "floor_to", NArgs: -1, Scalar: roundTo("FLOOR", modeFloor, false)},
		Func{Name: "trunc_to", NArgs: -1, Scalar: roundTo("TRUNC", modeTrunc, false)},
		Func{Name: "trunc_real_to", NArgs: -1, Scalar: roundTo("TRUNC", modeTrunc, true)},
		Func{Name: "ascii_code", NArgs: 1, Scalar: asciiCode},
		Func{Name: "code_point_char", NArgs: 1, Scalar: codePointChar},
		Func{Name: "absolute_value", NArgs: 1, Scalar: absoluteValue},
		Func{Name: "log_base_second", NArgs: -1, Scalar: logBaseSecond},
		Func{Name: "substr_bigquery", NArgs: -1, Scalar: substrFrom(false)},
		Func{Name: "substr_snowflake", NArgs: -1, Scalar: substrFrom(true)},
		Func{Name: "upper_text", NArgs: 1, Scalar: mapText(strings.ToUpper)},
		Func{Name: "lower_text", NArgs: 1, Scalar: mapText(strings.ToLower)},
		Func{Name: "edit_distance", NArgs: -1, Scalar: editDistance},
		Func{Name: "concat_ws_or_null", NArgs: -1, Scalar: concatWSOrNull},
		Func{Name: "contains_folded", NArgs: 2, Scalar: containsFolded},
		Func{Name: "soundex_code", NArgs: 1, Scalar: soundex},
	)
	rename("soundex_code", "soundex", "bigquery")
	rename("contains_folded", "contains_substr", "bigquery")
	rename("concat_ws_or_null", "concat_ws", "snowflake")
	// BigQuery's ROUND gives a FLOAT64, Snowflake's keeps a whole number whole
	rename("round_real_to", "round", "bigquery")
	rename("round_to", "round", "snowflake")
	rename("ceil_to", "ceil", "snowflake")
	rename("ceil_to", "ceiling", "snowflake")
	rename("floor_to", "floor", "snowflake")
	rename("trunc_real_to", "trunc", "bigquery")
	rename("log_base_second", "log", "bigquery")
	rename("substr_bigquery", "substr", "bigquery")
	rename("substr_bigquery", "substring", "bigquery")
	rename("substr_snowflake", "substr", "snowflake")
	rename("substr_snowflake", "substring", "snowflake")
	rename("upper_text", "upper", "bigquery", "snowflake")
	rename("lower_text", "lower", "bigquery", "snowflake")
	rename("edit_distance", "editdistance", "snowflake")
	rename("edit_distance", "levenshtein", "duckdb")
	rename("ascii_code", "ascii", "bigquery", "snowflake")
	rename("code_point_char", "chr", "bigquery", "snowflake", "duckdb")
	rename("absolute_value", "abs", "bigquery", "snowflake", "duckdb")
}

// Rounding modes of decimalRound.
const (
	modeHalfAway = iota
	modeHalfEven
	modeCeil
	modeFloor
	modeTrunc
)

// roundTo is ROUND(x[, scale[, mode]]), CEIL(x[, scale]) and FLOOR(x[,
// scale]): x at scale digits after the point (before it when negative),
// read as its shortest decimal text, so 1.005 rounds to 1.01 as a decimal
// does. Whole numbers stay whole, and so does a result to a scale of 0 or
// less (Snowflake's NUMBER of scale 0), unless real says the result is a
// real (BigQuery's FLOAT64).
func roundTo(fn string, mode int, real bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 3, "takes a number, an optional scale and, for ROUND, an optional rounding mode") {
			return
		}
		m := mode
		if len(args) == 3 {
			switch strings.ToUpper(strings.TrimSpace(args[2].Text())) {
			case "ROUND_HALF_AWAY_FROM_ZERO", "HALF_AWAY_FROM_ZERO":
				m = modeHalfAway
			case "ROUND_HALF_EVEN", "HALF_TO_EVEN":
				m = modeHalfEven
			default:
				fail(ctx, fn, "the rounding mode %q is not one of ROUND_HALF_AWAY_FROM_ZERO and ROUND_HALF_EVEN (HALF_AWAY_FROM_ZERO and HALF_TO_EVEN in Snowflake)", args[2].Text())
				return
			}
			if fn != "ROUND" {
				fail(ctx, fn, "takes no rounding mode")
				return
			}
		}
		scale := int64(0)
		if len(args) > 1 {
			var ok bool
			if scale, ok = integer(args[1]); !ok || scale < -308 || scale > 308 {
				fail(ctx, fn, "the scale must be a whole number, not %s", args[1].Text())
				return
			}
		}
		x, ok := number(args[0])
		if !ok {
			fail(ctx, fn, "%q is not a number", args[0].Text())
			return
		}
		whole := args[0].NumericType() == sqlite3.INTEGER && !real
		if whole && scale >= 0 {
			ctx.ResultInt64(args[0].Int64())
			return
		}
		r := decimalRound(x, int(scale), m)
		if (whole || !real && scale <= 0) && math.Abs(r) < 1<<62 {
			ctx.ResultInt64(int64(r))
			return
		}
		ctx.ResultFloat(r)
	}
}

// decimalRound rounds x at scale digits after the decimal point (before it
// when scale is negative), reading x as its shortest decimal text.
func decimalRound(x float64, scale, mode int) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	neg := x < 0
	s := strconv.FormatFloat(math.Abs(x), 'e', -1, 64) // d.ddde±x
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	digits := strings.Replace(mant, ".", "", 1) // x = 0.digits × 10^(exp+1)
	keep := exp + 1 + scale                     // the digits before the cut
	if keep >= len(digits) {
		return x
	}
	var kept int64
	rest := digits
	if keep > 0 {
		kept, _ = strconv.ParseInt(digits[:keep], 10, 64)
		rest = digits[keep:]
	}
	first := byte('0') // the first digit cut off
	if keep >= 0 {
		first = rest[0]
	}
	nonZero := strings.Trim(rest, "0") != ""
	up := false
	switch mode {
	case modeHalfAway:
		up = first >= '5'
	case modeHalfEven:
		up = first > '5' || first == '5' && (strings.Trim(rest[1:], "0") != "" || kept%2 == 1)
	case modeCeil:
		up = nonZero && !neg
	case modeFloor:
		up = nonZero && neg
	}
	if up {
		kept++
	}
	r, _ := strconv.ParseFloat(strconv.FormatInt(kept, 10)+"e"+strconv.Itoa(-scale), 64)
	if neg {
		return -r
	}
	return r
}

// logBaseSecond is BigQuery's LOG(x[, base]): the natural logarithm, or
// to base; x and the base must be positive (and the base not 1).
func logBaseSecond(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "LOG"
	if !called(ctx, fn, args, 1, 2, "takes a number and an optional base") {
		return
	}
	x, ok := number(args[0])
	if !ok || x <= 0 {
		fail(ctx, fn, "the argument must be a positive number, not %s", args[0].Text())
		return
	}
	if len(args) == 1 {
		ctx.ResultFloat(math.Log(x))
		return
	}
	b, ok := number(args[1])
	if !ok || b <= 0 || b == 1 {
		fail(ctx, fn, "the base must be a positive number other than 1, not %s", args[1].Text())
		return
	}
	ctx.ResultFloat(math.Log(x) / math.Log(b))
}

// substrFrom is SUBSTR(value, position[, length]) on text (characters)
// and bytes: position 0 is 1, a negative position counts from the end.
// BigQuery starts a position before the start at the start and fails on a
// negative length; Snowflake gives an empty
// value for both.
func substrFrom(snowflake bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		const fn = "SUBSTR"
		if !called(ctx, fn, args, 2, 3, "takes a value, a position and an optional length") {
			return
		}
		ints, ok := integers(args[1:])
		if !ok {
			fail(ctx, fn, "the position and length must be whole numbers (%s)", argList(args))
			return
		}
		blob := args[0].Type() == sqlite3.BLOB
		var runes []rune
		var b []byte
		n := 0
		if blob {
			b = args[0].RawBlob()
			n = len(b)
		} else {
			runes = []rune(args[0].Text())
			n = len(runes)
		}
		pos := ints[0]
		switch {
		case pos == 0:
			pos = 1
		case pos < 0 && snowflake && -pos > int64(n):
			pos = int64(n) + 1 // nothing
		case pos < 0:
			pos = max(int64(n)+pos+1, 1)
		}
		end := int64(n) + 1
		if len(ints) == 2 {
			if ints[1] < 0 && !snowflake {
				fail(ctx, fn, "the length must not be negative, not %d", ints[1])
				return
			}
			end = min(end, pos+max(ints[1], 0))
		}
		if pos > int64(n) || end <= pos {
			if blob {
				ctx.ResultBlob([]byte{})
			} else {
				ctx.ResultText("")
			}
			return
		}
		if blob {
			ctx.ResultBlob(b[pos-1 : end-1])
			return
		}
		ctx.ResultText(string(runes[pos-1 : end-1]))
	}
}

func mapText(f func(string) string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if args[0].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		ctx.ResultText(f(args[0].Text()))
	}
}

// editDistance is Snowflake's EDITDISTANCE(a, b[, max]): the Levenshtein
// distance between the characters of a and b, at most max (0 when max is
// negative).
func editDistance(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "EDITDISTANCE"
	if !called(ctx, fn, args, 2, 3, "takes two strings and an optional maximum distance") {
		return
	}
	if !utf8.ValidString(args[0].Text()) || !utf8.ValidString(args[1].Text()) {
		fail(ctx, fn, "the arguments must be text")
		return
	}
	d := int64(Levenshtein(args[0].Text(), args[1].Text()))
	if len(args) == 3 {
		m, ok := integer(args[2])
		if !ok {
			fail(ctx, fn, "the maximum distance must be a whole number, not %s", args[2].Text())
			return
		}
		d = min(d, max(m, 0))
	}
	ctx.ResultInt64(d)
}

// Levenshtein is the edit distance between the characters of a and b: the
// fewest insertions, deletions and substitutions that turn a into b.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// concatWSOrNull is Snowflake's CONCAT_WS(sep, a, ...): the arguments
// joined by sep, NULL when any of them is NULL.
func concatWSOrNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "CONCAT_WS", args, 2, 1<<16, "takes a separator and one or more values") {
		return
	}
	parts := make([]string, len(args)-1)
	for i, a := range args[1:] {
		parts[i] = a.Text()
	}
	ctx.ResultText(strings.Join(parts, args[0].Text()))
}

// asciiCode is ASCII(s): the code of the first character, 0 for ”
// (SQLite's unicode(”) is NULL).
func asciiCode(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	r, _ := utf8.DecodeRuneInString(args[0].Text())
	if r == utf8.RuneError {
		r = 0
	}
	ctx.ResultInt64(int64(r))
}

// absoluteValue is ABS(x) as the warehouses compute it: of -0.0 it is 0.0
// (IEEE fabs), where SQLite's abs keeps the sign of a negative zero; an
// integer's stays an integer (the most negative one overflows, as in
// SQLite); text is read as a number, as SQLite's abs reads it.
func absoluteValue(ctx sqlite3.Context, args ...sqlite3.Value) {
	switch args[0].Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER:
		n := args[0].Int64()
		if n == math.MinInt64 {
			fail(ctx, "ABS", "integer overflow")
			return
		}
		if n < 0 {
			n = -n
		}
		ctx.ResultInt64(n)
	default:
		ctx.ResultFloat(math.Abs(args[0].Float()))
	}
}

// codePointChar is CHR(n): the character of code point n, NULL of NULL
// (SQLite's char(NULL) is "\x00"); a number that is no code point fails,
// as it fails in the warehouses.
func codePointChar(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	n, ok := integer(args[0])
	if !ok || n < 0 || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		fail(ctx, "CHR", "%s is not a Unicode code point", args[0].Text())
		return
	}
	ctx.ResultText(string(rune(n)))
}

// containsFolded is BigQuery's CONTAINS_SUBSTR(value, text) on a string:
// whether value holds text, both normalized (NFKC) and their case folded,
// as NORMALIZE_AND_CASEFOLD(x, NFKC) does (normalize.go).
func containsFolded(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultBool(strings.Contains(foldNormal(norm.NFKC, args[0].Text()), foldNormal(norm.NFKC, args[1].Text())))
}

// soundex is American Soundex as BigQuery's SOUNDEX computes it: the
// first letter, then the codes of the letters after it, a code repeated
// by the next letter or across H and W written once, vowels separating
// repeats, padded with 0 to four characters; characters that are not
// Latin letters are skipped, and an empty string has no code. (SQLite's soundex does
// not join codes across H and W: 'Ashcraft' is A226 there, A261 here.)
func soundex(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	const codes = "01230120022455012623010202" // a..z
	var out []byte
	last := byte(0)
	for _, r := range strings.ToLower(args[0].Text()) {
		if r < 'a' || r > 'z' {
			continue
		}
		c := codes[r-'a']
		if out == nil {
			out = []byte{byte(r - 'a' + 'A')}
			last = c
			continue
		}
		switch {
		case r == 'h' || r == 'w':
			// keeps last: the same code on both sides is written once
		case c == '0':
			last = 0 // a vowel separates
		case c != last:
			if len(out) < 4 {
				out = append(out, c)
			}
			last = c
		}
	}
	if out == nil {
		ctx.ResultText("")
		return
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	ctx.ResultText(string(out))
}
