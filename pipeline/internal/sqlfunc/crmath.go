package sqlfunc

import (
	"math"
	"math/big"
	"sync"

	"github.com/ncruces/go-sqlite3"
)

// Correctly rounded elementary functions. The warehouses compute COS, EXP,
// POW and the like with their C library (glibc's, whose results are the
// correctly rounded ones in all but rare cases), where SQLite's built-ins
// in this build and Go's math package are off by an ulp for a quarter to
// a half of the arguments: enough to change a rounded figure, a
// comparison, or ACOS of a Haversine sum that lands past 1 (NULL, where the
// warehouse gives a distance). Each function here evaluates in 128-bit
// arithmetic and rounds once to the nearest float64.

const crPrec = 128

// crCoefs holds 1/n! and 1/n for n < 64, the series' coefficients, so a
// term costs a multiplication, not a division.
var crCoefs = sync.OnceValues(func() (fact, recip []*big.Float) {
	f := crNew().SetInt64(1)
	for n := int64(0); n < 64; n++ {
		if n > 0 {
			f.Quo(f, crNew().SetInt64(n))
		}
		fact = append(fact, crNew().Set(f))
		recip = append(recip, crNew().Quo(crNew().SetInt64(1), crNew().SetInt64(max(n, 1))))
	}
	return fact, recip
})

// crSmall tells whether term is too small to change sum.
func crSmall(term, sum *big.Float) bool {
	return term.Sign() == 0 || sum.Sign() != 0 && term.MantExp(nil)-sum.MantExp(nil) < -crPrec-4
}

// crConsts holds pi and ln 2 to 400 bits, parsed once.
var crConsts = sync.OnceValues(func() (pi, ln2 *big.Float) {
	pi, _, _ = big.ParseFloat("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196", 10, 400, big.ToNearestEven)
	ln2, _, _ = big.ParseFloat("0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754200148102057068573368552023575813055703267075163507596193072757082837143519030703862389167347112335", 10, 400, big.ToNearestEven)
	return pi, ln2
})

func crNew() *big.Float { return new(big.Float).SetPrec(crPrec) }

// crFloat rounds v to the nearest float64.
func crFloat(v *big.Float) float64 {
	f, _ := v.Float64()
	return f
}

// crExp is e^x for a finite x of moderate size: x = k ln2 + r, e^r by its
// series after halving r eight times, squared back.
func crExp(x *big.Float) *big.Float {
	_, ln2 := crConsts()
	kf, _ := new(big.Float).Quo(x, ln2).Float64()
	k := math.Round(kf)
	r := crNew().Sub(x, crNew().Mul(big.NewFloat(k), ln2))
	r.SetMantExp(r, -8)
	fact, _ := crCoefs()
	sum, pow, term := crNew().SetInt64(1), crNew().SetInt64(1), crNew()
	for n := 1; n < len(fact); n++ {
		pow.Mul(pow, r)
		term.Mul(pow, fact[n])
		sum.Add(sum, term)
		if crSmall(term, sum) {
			break
		}
	}
	for i := 0; i < 8; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// crLog is ln x for x > 0: x = m 2^e with m in [0.5, 1), then
// ln m = 2 atanh((m-1)/(m+1)) by its series.
func crLog(x *big.Float) *big.Float {
	_, ln2 := crConsts()
	m := crNew()
	e := x.MantExp(m)
	if m.Cmp(big.NewFloat(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	z := crNew().Quo(crNew().Sub(m, big.NewFloat(1)), crNew().Add(m, big.NewFloat(1)))
	z2 := crNew().Mul(z, z)
	_, recip := crCoefs()
	sum, pow, term := crNew().Set(z), crNew().Set(z), crNew()
	for n := 3; n < len(recip); n += 2 {
		pow.Mul(pow, z2)
		term.Mul(pow, recip[n])
		sum.Add(sum, term)
		if crSmall(term, sum) {
			break
		}
	}
	sum.SetMantExp(sum, 1)
	return sum.Add(sum, crNew().Mul(crNew().SetInt64(int64(e)), ln2))
}

// crSinCos is sin x and cos x: x less a multiple q of pi/2, then the
// series of both on the rest, swapped and negated by q mod 4.
func crSinCos(x *big.Float) (sin, cos *big.Float) {
	pi, _ := crConsts()
	// q from the float64 division: one off only moves r a little past
	// pi/4, where the series still converges; the product q pi/2 is kept
	// to the bits of q more than the working precision
	xf, _ := x.Float64()
	q := math.Round(xf / (math.Pi / 2))
	prec := uint(crPrec + 16 + max(0, x.MantExp(nil)))
	half := new(big.Float).SetPrec(prec).SetMantExp(pi, -1)
	r := new(big.Float).SetPrec(prec).Sub(x, half.Mul(half, big.NewFloat(q)))
	// cos r = sum (-r^2)^k / (2k)!, sin r = r sum (-r^2)^k / (2k+1)!
	fact, _ := crCoefs()
	rr := crNew().Set(r)
	r2 := crNew().Mul(rr, rr)
	r2.Neg(r2)
	c, s := crNew().SetInt64(1), crNew().SetInt64(1)
	pow, term := crNew().SetInt64(1), crNew()
	for k := 1; 2*k+1 < len(fact); k++ {
		pow.Mul(pow, r2)
		term.Mul(pow, fact[2*k])
		c.Add(c, term)
		small := crSmall(term, c)
		term.Mul(pow, fact[2*k+1])
		s.Add(s, term)
		if small {
			break
		}
	}
	s.Mul(s, rr)
	switch int64(math.Mod(q, 4)+4) % 4 {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}

// crAtan is atan x: atan x = pi/2 - atan(1/x) past 1, halved twice by
// atan x = 2 atan(x / (1 + sqrt(1 + x^2))), then its series.
func crAtan(x *big.Float) *big.Float {
	pi, _ := crConsts()
	if x.Sign() < 0 {
		r := crAtan(crNew().Neg(x))
		return r.Neg(r)
	}
	if x.Cmp(big.NewFloat(1)) > 0 {
		r := crAtan(crNew().Quo(big.NewFloat(1), x))
		return r.Sub(crNew().SetMantExp(pi, -1), r)
	}
	y := crNew().Set(x)
	for i := 0; i < 2; i++ {
		d := crNew().Mul(y, y)
		d.Add(d, big.NewFloat(1))
		d.Sqrt(d)
		d.Add(d, big.NewFloat(1))
		y.Quo(y, d)
	}
	_, recip := crCoefs()
	y2 := crNew().Mul(y, y)
	sum, pow, term := crNew().Set(y), crNew().Set(y), crNew()
	for n := 3; n < len(recip); n += 2 {
		pow.Mul(pow, y2)
		pow.Neg(pow)
		term.Mul(pow, recip[n])
		sum.Add(sum, term)
		if crSmall(term, sum) {
			break
		}
	}
	return sum.SetMantExp(sum, 2)
}

// crUnary rounds f's 128-bit value at x, where Go's value is a finite,
// non-zero number; an infinity, a NaN or zero (the special cases, where
// the functions agree) is Go's, and so is the value past 2^200, where pi's
// 400 bits no longer reduce x to its quadrant.
func crUnary(x, goValue float64, f func(x *big.Float) *big.Float) float64 {
	if math.IsInf(goValue, 0) || math.IsNaN(goValue) || goValue == 0 || math.IsInf(x, 0) || math.Abs(x) > 0x1p200 {
		return goValue
	}
	r := crFloat(f(crNew().SetFloat64(x)))
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return goValue
	}
	return r
}

// The functions, each as the float64 function of its name.

func crCos(x float64) float64 {
	if x == 0 {
		return 1
	}
	return crUnary(x, math.Cos(x), func(v *big.Float) *big.Float { _, c := crSinCos(v); return c })
}

func crSin(x float64) float64 {
	return crUnary(x, math.Sin(x), func(v *big.Float) *big.Float { s, _ := crSinCos(v); return s })
}

func crTan(x float64) float64 {
	return crUnary(x, math.Tan(x), func(v *big.Float) *big.Float { s, c := crSinCos(v); return s.Quo(s, c) })
}

func crAtanF(x float64) float64 { return crUnary(x, math.Atan(x), crAtan) }

// crAsin is atan(x / sqrt((1-x)(1+x))), ±pi/2 at ±1.
func crAsin(x float64) float64 {
	return crUnary(x, math.Asin(x), func(v *big.Float) *big.Float {
		pi, _ := crConsts()
		if a := math.Abs(x); a == 1 {
			r := crNew().SetMantExp(pi, -1)
			if x < 0 {
				r.Neg(r)
			}
			return r
		}
		d := crNew().Mul(crNew().Sub(big.NewFloat(1), v), crNew().Add(big.NewFloat(1), v))
		return crAtan(crNew().Quo(v, d.Sqrt(d)))
	})
}

// crAcos is 2 atan(sqrt((1-x)/(1+x))), exact near 1 where pi/2 - asin x
// would cancel.
func crAcos(x float64) float64 {
	if x == 1 {
		return 0
	}
	return crUnary(x, math.Acos(x), func(v *big.Float) *big.Float {
		pi, _ := crConsts()
		if x == -1 {
			return crNew().Set(pi)
		}
		q := crNew().Quo(crNew().Sub(big.NewFloat(1), v), crNew().Add(big.NewFloat(1), v))
		r := crAtan(q.Sqrt(q))
		return r.SetMantExp(r, 1)
	})
}

// crAtan2 is the angle of (x, y): atan(y/x), moved by pi to the left half.
func crAtan2(y, x float64) float64 {
	g := math.Atan2(y, x)
	if x == 0 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(g) {
		return g
	}
	pi, _ := crConsts()
	r := crAtan(crNew().Quo(crNew().SetFloat64(y), crNew().SetFloat64(x)))
	if x < 0 {
		if y > 0 {
			r.Add(r, pi)
		} else {
			r.Sub(r, pi)
		}
	}
	return crFloat(r)
}

func crExpF(x float64) float64 {
	if x == 0 {
		return 1
	}
	return crUnary(x, math.Exp(x), crExp)
}

func crLn(x float64) float64 {
	if x <= 0 || x == 1 {
		return math.Log(x)
	}
	return crUnary(x, math.Log(x), crLog)
}

// crLogBase is log_b x as ln x / ln b, exact at b's powers.
func crLogBase(b float64) func(float64) float64 {
	return func(x float64) float64 {
		g := math.Log(x) / math.Log(b)
		if x <= 0 || x == 1 {
			return g
		}
		return crUnary(x, g, func(v *big.Float) *big.Float {
			l := crLog(v)
			return l.Quo(l, crLog(crNew().SetFloat64(b)))
		})
	}
}

// crCbrt is the real cube root, exact for cubes.
func crCbrt(x float64) float64 {
	return crUnary(x, math.Cbrt(x), func(v *big.Float) *big.Float {
		neg := v.Sign() < 0
		l := crLog(crNew().Abs(v))
		l.Quo(l, big.NewFloat(3))
		r := crExp(l)
		if neg {
			r.Neg(r)
		}
		return r
	})
}

// crPow is x^y: e^(y ln |x|), negative for a negative x and an odd
// integer y; the special cases (zeros, infinities, a negative x and a
// fraction) as Go's, which follows C's pow. Powers whose value is exact
// in float64 (2^10, 1.5^2) round to it.
func crPow(x, y float64) float64 {
	g := math.Pow(x, y)
	if x == 0 || y == 0 || x == 1 || math.IsInf(g, 0) || math.IsNaN(g) || g == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return g
	}
	if y == 1 {
		return x
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return g
		}
		neg = math.Mod(y, 2) != 0
	}
	l := crLog(crNew().SetFloat64(math.Abs(x)))
	l.Mul(l, crNew().SetFloat64(y))
	if m, _ := l.Float64(); math.Abs(m) > 700 {
		return g
	}
	r := crExp(l)
	if neg {
		r.Neg(r)
	}
	f := crFloat(r)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return g
	}
	return f
}

// crMath registers the functions under SQLite's names of its built-in
// math functions, which they replace: an argument that is no number gives
// NULL, as do a NaN and the logarithm of zero or less, as the built-ins
// give them; an infinity stays one.
func crMath() []Func {
	one := func(name string, f func(float64) float64, positive bool) Func {
		return Func{Name: name, NArgs: 1, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
			t := args[0].NumericType()
			if t != sqlite3.INTEGER && t != sqlite3.FLOAT {
				ctx.ResultNull()
				return
			}
			x := args[0].Float()
			if positive && x <= 0 {
				ctx.ResultNull()
				return
			}
			if r := f(x); !math.IsNaN(r) {
				ctx.ResultFloat(r)
			} else {
				ctx.ResultNull()
			}
		}}
	}
	two := func(name string, f func(float64, float64) float64) Func {
		return Func{Name: name, NArgs: 2, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
			for _, a := range args {
				if t := a.NumericType(); t != sqlite3.INTEGER && t != sqlite3.FLOAT {
					ctx.ResultNull()
					return
				}
			}
			if r := f(args[0].Float(), args[1].Float()); !math.IsNaN(r) {
				ctx.ResultFloat(r)
			} else {
				ctx.ResultNull()
			}
		}}
	}
	return []Func{
		one("cos", crCos, false), one("sin", crSin, false), one("tan", crTan, false),
		one("acos", crAcos, false), one("asin", crAsin, false), one("atan", crAtanF, false),
		one("exp", crExpF, false), one("ln", crLn, true), one("log", crLogBase(10), true),
		one("log10", crLogBase(10), true), one("log2", crLogBase(2), true),
		two("atan2", crAtan2), two("pow", crPow), two("power", crPow),
	}
}
