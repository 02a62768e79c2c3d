package sqlfunc

import (
	"hash/fnv"
	"math"
	"sort"
	"sync"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's data generation functions beside UNIFORM: NORMAL, ZIPF and
// RANDSTR. As UNIFORM, each draws from its generator argument alone, so a
// constant gives one value on every row and RANDOM() a new one per row;
// the values follow the distribution but are not Snowflake's, whose
// generator is its own.

func init() {
	add(Func{Name: "normal_from", NArgs: 3, Scalar: normalFrom},
		Func{Name: "zipf_from", NArgs: 3, Scalar: zipfFrom},
		Func{Name: "randstr_from", NArgs: 2, Scalar: randstrFrom})
	rename("normal_from", "normal", "snowflake")
	rename("zipf_from", "zipf", "snowflake")
	rename("randstr_from", "randstr", "snowflake")
}

// genFraction is a number in [0, 1) drawn from the generator value gen,
// the k-th of those it gives. FNV's hash of a short value (a generator of
// 0, 1, 2 ... such as SEQ4()) has poorly mixed high bits, which skewed the
// draws; splitmix64's finalizer mixes them, so consecutive generators give
// evenly spread fractions.
func genFraction(gen sqlite3.Value, k int) float64 {
	h := fnv.New64a()
	h.Write([]byte{byte(gen.Type()), byte(k), byte(k >> 8), byte(k >> 16), byte(k >> 24)})
	h.Write(gen.RawBlob())
	z := h.Sum64()
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	z ^= z >> 31
	return float64(z>>11) / (1 << 53)
}

// normalFrom is NORMAL(mean, stddev, gen): a real from the normal
// distribution of that mean and standard deviation (Box-Muller).
func normalFrom(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	mean, ok1 := number(args[0])
	sd, ok2 := number(args[1])
	if !ok1 || !ok2 || sd < 0 {
		fail(ctx, "NORMAL", "takes a mean, a standard deviation that is not negative, and a generator such as RANDOM() (%s)", argList(args))
		return
	}
	u1 := 1 - genFraction(args[2], 0) // (0, 1]: its log is finite
	u2 := genFraction(args[2], 1)
	z := math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
	ctx.ResultFloat(mean + sd*z)
}

// zipfCDFs holds the cumulative weights of ZIPF(s, N), by s and N, as
// Snowflake's memory for N is linear too.
var zipfCDFs sync.Map

type zipfKey struct {
	s float64
	n int64
}

// zipfFrom is ZIPF(s, N, gen): a whole number from 1 to N, k drawn with a
// weight of 1 / k^s; N is at most 16777215, as in Snowflake.
func zipfFrom(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s, ok1 := number(args[0])
	n, ok2 := integer(args[1])
	if !ok1 || !ok2 || n < 1 || n > 16777215 || s < 0 {
		fail(ctx, "ZIPF", "takes an exponent that is not negative, a number of elements from 1 to 16777215, and a generator such as RANDOM() (%s)", argList(args))
		return
	}
	key := zipfKey{s, n}
	v, ok := zipfCDFs.Load(key)
	if !ok {
		cdf := make([]float64, n)
		sum := 0.0
		for k := int64(1); k <= n; k++ {
			sum += math.Pow(float64(k), -s)
			cdf[k-1] = sum
		}
		v, _ = zipfCDFs.LoadOrStore(key, cdf)
	}
	cdf := v.([]float64)
	target := genFraction(args[2], 0) * cdf[len(cdf)-1]
	k := sort.SearchFloat64s(cdf, target)
	if k < len(cdf) && cdf[k] == target {
		k++ // the draw is below the bound: the next element
	}
	ctx.ResultInt64(int64(min(k, len(cdf)-1)) + 1)
}

// randstrFrom is RANDSTR(length, gen): a string of that many characters
// drawn from 0-9, A-Z and a-z.
func randstrFrom(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	if !ok || n < 0 || n > 16777216 {
		fail(ctx, "RANDSTR", "takes a length from 0 to 16777216 and a generator such as RANDOM() (%s)", argList(args))
		return
	}
	const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[int(genFraction(args[1], i)*float64(len(chars)))]
	}
	ctx.ResultText(string(b))
}
