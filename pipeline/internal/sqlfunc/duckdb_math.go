package sqlfunc

import (
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/text/unicode/norm"
)

// DuckDB's number and text functions without a SQLite counterpart: gcd,
// lcm, even, round_even, signbit, ord, strip_accents, url_encode and
// url_decode; and its aggregates fsum, weighted_avg, geomean, entropy and
// kurtosis_pop, each as DuckDB answers (checked on DuckDB, see
// testdata/conformance/duckdb.txt). factorial, skewness, kurtosis and the
// regr_ aggregates are Snowflake's own (snowflake_math.go, shape_stats.go,
// regression.go), which DuckDB computes alike.

func init() {
	add(
		Func{Name: "gcd_of", NArgs: 2, Scalar: gcdLcm("GCD", false)},
		Func{Name: "lcm_of", NArgs: 2, Scalar: gcdLcm("LCM", true)},
		Func{Name: "even_away", NArgs: 1, Scalar: evenAway},
		Func{Name: "round_half_even", NArgs: -1, Scalar: roundHalfEven},
		Func{Name: "sign_bit", NArgs: 1, Scalar: signBit},
		Func{Name: "ord_code", NArgs: 1, Scalar: ordCode},
		Func{Name: "strip_accents_of", NArgs: 1, Scalar: stripAccents},
		Func{Name: "url_encode_of", NArgs: 1, Scalar: urlEncode},
		Func{Name: "url_decode_of", NArgs: 1, Scalar: urlDecode},
		Func{Name: "kahan_sum_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &kahanSum{} }},
		Func{Name: "kahan_avg_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &kahanSum{avg: true} }},
		Func{Name: "weighted_avg_of", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &weightedAvg{} }},
		Func{Name: "geomean_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &geomean{} }},
		Func{Name: "entropy_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &entropy{} }},
		Func{Name: "kurtosis_pop_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &shapeAgg{kurtosis: true, pop: true} }},
	)
	rename("gcd_of", "gcd", "duckdb")
	rename("gcd_of", "greatest_common_divisor", "duckdb")
	rename("lcm_of", "lcm", "duckdb")
	rename("lcm_of", "least_common_multiple", "duckdb")
	rename("even_away", "even", "duckdb")
	rename("round_half_even", "round_even", "duckdb")
	rename("round_half_even", "roundbankers", "duckdb")
	rename("sign_bit", "signbit", "duckdb")
	rename("ord_code", "ord", "duckdb")
	rename("strip_accents_of", "strip_accents", "duckdb")
	rename("url_encode_of", "url_encode", "duckdb")
	rename("url_decode_of", "url_decode", "duckdb")
	rename("kahan_sum_of", "fsum", "duckdb")
	rename("kahan_sum_of", "sumkahan", "duckdb")
	rename("kahan_sum_of", "kahan_sum", "duckdb")
	rename("kahan_avg_of", "favg", "duckdb")
	rename("weighted_avg_of", "weighted_avg", "duckdb")
	rename("weighted_avg_of", "wavg", "duckdb")
	rename("geomean_of", "geomean", "duckdb")
	rename("geomean_of", "geometric_mean", "duckdb")
	rename("entropy_of", "entropy", "duckdb")
	rename("kurtosis_pop_of", "kurtosis_pop", "duckdb")
	rename("factorial_of", "factorial", "duckdb")
	rename("sample_skewness", "skewness", "duckdb")
	rename("sample_kurtosis", "kurtosis", "duckdb")
	for _, fn := range []string{"slope", "intercept", "r2", "count", "avgx", "avgy", "sxx", "syy", "sxy"} {
		rename("regr_"+fn+"_of", "regr_"+fn, "duckdb")
	}
}

// gcdLcm is gcd(a, b), the greatest common divisor of two whole numbers
// (0 for two zeros), or lcm(a, b), their least common multiple (0 when
// either is 0), both positive.
func gcdLcm(fn string, lcm bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ab, ok := integers(args)
		if !ok {
			fail(ctx, fn, "takes two whole numbers, not %s", argList(args))
			return
		}
		x, y := new(big.Int).Abs(big.NewInt(ab[0])), new(big.Int).Abs(big.NewInt(ab[1]))
		g := new(big.Int).GCD(nil, nil, x, y)
		if !lcm {
			ctx.ResultInt64(g.Int64())
			return
		}
		if g.Sign() == 0 {
			ctx.ResultInt64(0)
			return
		}
		m := new(big.Int).Mul(x, y)
		m.Quo(m, g)
		if !m.IsInt64() {
			fail(ctx, fn, "of %s overflows a BIGINT", argList(args))
			return
		}
		ctx.ResultInt64(m.Int64())
	}
}

// evenAway is even(x): x rounded away from zero to the next even whole
// number (even(2.5) is 4, even(-3) is -4), a DOUBLE.
func evenAway(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, ok := number(args[0])
	if !ok {
		fail(ctx, "EVEN", "takes a number, not %s", args[0].Text())
		return
	}
	v := math.Ceil(math.Abs(x))
	if math.Mod(v, 2) == 1 {
		v++
	}
	ctx.ResultFloat(math.Copysign(v, x))
}

// roundHalfEven is round_even(x[, places]): x rounded at places digits
// after the point (before it when negative), a half going to the even
// neighbour. A number is rounded as its shortest decimal spelling, as
// DuckDB rounds its DECIMALs (round_even(2.675, 2) is 2.68); a whole number
// stays whole.
func roundHalfEven(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ROUND_EVEN"
	if !called(ctx, fn, args, 1, 2, "takes a number and an optional count of places") {
		return
	}
	places := int64(0)
	if len(args) == 2 {
		p, ok := integer(args[1])
		if !ok || p < -30 || p > 30 {
			fail(ctx, fn, "takes a whole count of places, not %s", args[1].Text())
			return
		}
		places = p
	}
	whole := args[0].Type() == sqlite3.INTEGER
	if whole && places >= 0 {
		ctx.ResultInt64(args[0].Int64())
		return
	}
	x, ok := number(args[0])
	if !ok {
		fail(ctx, fn, "takes a number, not %s", args[0].Text())
		return
	}
	r := decimalRound(x, int(places), modeHalfEven)
	if whole && math.Abs(r) < 1<<62 {
		ctx.ResultInt64(int64(r))
		return
	}
	ctx.ResultFloat(r)
}

// signBit is signbit(x): whether x's sign bit is set (true for -0.0).
func signBit(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, ok := number(args[0])
	if !ok {
		fail(ctx, "SIGNBIT", "takes a number, not %s", args[0].Text())
		return
	}
	ctx.ResultBool(math.Signbit(x))
}

// ordCode is ord(s): the code point of s's first character, -1 for ”.
func ordCode(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	if s == "" {
		ctx.ResultInt64(-1)
		return
	}
	r, _ := utf8.DecodeRuneInString(s)
	ctx.ResultInt64(int64(r))
}

// stripAccents is strip_accents(s): s without its accents, the combining
// marks of its canonical decomposition ('mühleisen' is 'muhleisen');
// compatibility forms (ligatures) stay as they are.
func stripAccents(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(args[0].Text()) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	ctx.ResultText(norm.NFC.String(b.String()))
}

// urlEncode is url_encode(s): every byte of s's UTF-8 but the letters,
// digits and - _ . ~ written as %XX (a space is %20).
func urlEncode(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for _, c := range []byte(args[0].Text()) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	ctx.ResultText(b.String())
}

// urlDecode is url_decode(s): each %XX of s the byte it names; a % not
// followed by two hex digits, and +, stay as they are.
func urlDecode(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			out = append(out, byte(v))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	ctx.ResultText(string(out))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// kahanSum is fsum(x): the DOUBLE sum of the values not NULL, compensated
// for rounding as Kahan's summation does (each value less the error so
// far); NULL when there are none. With avg it is favg(x), that sum over
// the count of the values.
type kahanSum struct {
	avg    bool
	n      int
	s, c   float64
	failed bool
}

func (a *kahanSum) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || a.failed {
		return
	}
	x, ok := number(arg[0])
	if !ok {
		a.failed = true
		fn := "FSUM"
		if a.avg {
			fn = "FAVG"
		}
		fail(ctx, fn, "takes numbers, not %s", arg[0].Text())
		return
	}
	a.n++
	y := x - a.c
	t := a.s + y
	a.c = (t - a.s) - y
	a.s = t
}

func (a *kahanSum) Value(ctx sqlite3.Context) {
	switch {
	case a.n == 0:
		ctx.ResultNull()
	case a.avg:
		ctx.ResultFloat(a.s / float64(a.n))
	default:
		ctx.ResultFloat(a.s)
	}
}

// weightedAvg is weighted_avg(x, w): sum(x * w) / sum(w) over the rows
// where neither is NULL; NULL when there are none.
type weightedAvg struct {
	seen   bool
	xw, w  float64
	failed bool
}

func (a *weightedAvg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if anyNull(arg) || a.failed {
		return
	}
	x, ok1 := number(arg[0])
	w, ok2 := number(arg[1])
	if !ok1 || !ok2 {
		a.failed = true
		fail(ctx, "WEIGHTED_AVG", "takes a number and a weight, not %s", argList(arg))
		return
	}
	a.seen = true
	a.xw += x * w
	a.w += w
}

func (a *weightedAvg) Value(ctx sqlite3.Context) {
	if !a.seen {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(a.xw / a.w)
}

// geomean is geomean(x): the geometric mean of the values not NULL, the
// exponential of their logarithms' mean; NULL when there are none.
type geomean struct {
	n      int
	logs   float64
	failed bool
}

func (a *geomean) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || a.failed {
		return
	}
	x, ok := number(arg[0])
	if !ok {
		a.failed = true
		fail(ctx, "GEOMEAN", "takes numbers, not %s", arg[0].Text())
		return
	}
	a.n++
	a.logs += math.Log(x)
}

func (a *geomean) Value(ctx sqlite3.Context) {
	if a.n == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(math.Exp(a.logs / float64(a.n)))
}

// entropy is entropy(x): the Shannon entropy in bits of the values not
// NULL (each distinct value's share p, -sum(p * log2(p))); 0 when there
// are none.
type entropy struct {
	counts map[string]int
	n      int
}

func (a *entropy) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if a.counts == nil {
		a.counts = map[string]int{}
	}
	key := arg[0].Text()
	if t := arg[0].Type(); t == sqlite3.INTEGER || t == sqlite3.FLOAT {
		key = "n" + strconv.FormatFloat(arg[0].Float(), 'g', -1, 64)
	} else {
		key = "t" + key
	}
	a.counts[key]++
	a.n++
}

func (a *entropy) Value(ctx sqlite3.Context) {
	h := 0.0
	n := float64(a.n)
	for _, k := range slices.Sorted(maps.Keys(a.counts)) {
		c := a.counts[k]
		p := float64(c) / n
		h += p * math.Log2(n/float64(c))
	}
	ctx.ResultFloat(h)
}
