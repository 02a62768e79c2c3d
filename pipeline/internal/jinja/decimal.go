package jinja

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"unsafe"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// Decimal is a fixed-point number as a warehouse gives it to dbt's Python
// adapter, its text with every digit after the point ("1.50" of a
// NUMBER(3, 2)): run_query's table holds it as Python's decimal.Decimal,
// which prints those digits, where a float would print 1.5.
type Decimal string

// A decimal in a template is a *decFloat: gonja reads it as the float it
// points to, so filters (int, float, round), truth and tests take it as a
// number, while it prints, and its operators compute, as Python's Decimal
// (decimalOp). The float is the first field of a pyDecimal, so the pointer
// is one to the whole decimal too.
type decFloat float64

type pyDecimal struct {
	f    decFloat // first: a *decFloat points to its pyDecimal
	coef *big.Int // the value is coef × 10^exp
	exp  int
}

// decimalPrec is the digits Python's default decimal context keeps.
const decimalPrec = 28

func isDecimal(v *exec.Value) bool {
	_, ok := v.Interface().(*decFloat)
	return ok
}

func (f *decFloat) dec() *pyDecimal { return (*pyDecimal)(unsafe.Pointer(f)) }

func (f *decFloat) String() string { return f.dec().String() }

// newDecimal is the template value of coef × 10^exp.
func newDecimal(coef *big.Int, exp int) *decFloat {
	d := &pyDecimal{coef: coef, exp: exp}
	fl, _ := new(big.Rat).Mul(new(big.Rat).SetInt(coef), pow10Rat(exp)).Float64()
	d.f = decFloat(fl)
	return &d.f
}

// parseDecimal reads text such as -12.50; false when it is no decimal.
func parseDecimal(s string) (*decFloat, bool) {
	s = strings.TrimSpace(s)
	whole, frac, _ := strings.Cut(s, ".")
	coef, ok := new(big.Int).SetString(whole+frac, 10)
	if !ok || strings.ContainsAny(s, "eE_") {
		return nil, false
	}
	return newDecimal(coef, -len(frac)), true
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

func pow10Rat(exp int) *big.Rat {
	if exp >= 0 {
		return new(big.Rat).SetInt(pow10(exp))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), pow10(-exp))
}

// String is Python's str() of the Decimal: plain digits with the point
// where the exponent puts it, scientific notation for an exponent above 0
// or a value below 1E-6.
func (d *pyDecimal) String() string {
	digits := new(big.Int).Abs(d.coef).String()
	sign := ""
	if d.coef.Sign() < 0 {
		sign = "-"
	}
	adjusted := d.exp + len(digits) - 1
	if d.exp <= 0 && adjusted >= -6 {
		if d.exp == 0 {
			return sign + digits
		}
		at := len(digits) + d.exp
		if at > 0 {
			return sign + digits[:at] + "." + digits[at:]
		}
		return sign + "0." + strings.Repeat("0", -at) + digits
	}
	mant := digits[:1]
	if len(digits) > 1 {
		mant += "." + digits[1:]
	}
	return fmt.Sprintf("%s%sE%+d", sign, mant, adjusted)
}

func (d *pyDecimal) rat() *big.Rat {
	return new(big.Rat).Mul(new(big.Rat).SetInt(d.coef), pow10Rat(d.exp))
}

// asDecimal reads a decimal operand; ints and bools are decimals of
// exponent 0, as Python converts them.
func asDecimal(v *exec.Value) (*pyDecimal, bool) {
	if f, ok := v.Interface().(*decFloat); ok {
		return f.dec(), true
	}
	if b, ok := v.Interface().(bool); ok {
		return &pyDecimal{coef: big.NewInt(map[bool]int64{false: 0, true: 1}[b])}, true
	}
	if v.IsInteger() {
		return &pyDecimal{coef: big.NewInt(int64(v.Integer()))}, true
	}
	return nil, false
}

// rounded is d rounded to Python's 28 digits, halves to even.
func rounded(coef *big.Int, exp int) *decFloat {
	abs := new(big.Int).Abs(coef)
	if n := len(abs.String()); n > decimalPrec {
		drop := n - decimalPrec
		q, r := new(big.Int).QuoRem(abs, pow10(drop), new(big.Int))
		half := new(big.Int).Mul(big.NewInt(5), pow10(drop-1))
		if c := r.Cmp(half); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		exp += drop
		if len(q.String()) > decimalPrec {
			q.Quo(q, big.NewInt(10))
			exp++
		}
		if coef.Sign() < 0 {
			q.Neg(q)
		}
		coef = q
	}
	return newDecimal(coef, exp)
}

// aligned are a's and b's coefficients at their smaller exponent.
func aligned(a, b *pyDecimal) (x, y *big.Int, exp int) {
	exp = min(a.exp, b.exp)
	x = new(big.Int).Mul(a.coef, pow10(a.exp-exp))
	y = new(big.Int).Mul(b.coef, pow10(b.exp-exp))
	return x, y, exp
}

// decimalOp is the overload of operators for decimals, as Python's
// Decimal computes them with an int or another Decimal; with a float
// Python's arithmetic raises TypeError, and its comparisons are exact.
func decimalOp(op string, l, r *exec.Value) (any, bool, error) {
	_, lDec := l.Interface().(*decFloat)
	_, rDec := r.Interface().(*decFloat)
	if !lDec && !rDec || op == "%" && l.IsString() {
		return nil, false, nil // a string's % formats it
	}
	a, okA := asDecimal(l)
	b, okB := asDecimal(r)
	switch op {
	case "==", "!=", "<", "<=", ">", ">=":
		return decimalCompare(op, l, r)
	}
	if !okA || !okB {
		return nil, false, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, pyTypeName(l), pyTypeName(r))
	}
	switch op {
	case "+", "-":
		x, y, exp := aligned(a, b)
		if op == "-" {
			y.Neg(y)
		}
		return rounded(x.Add(x, y), exp), true, nil
	case "*":
		return rounded(new(big.Int).Mul(a.coef, b.coef), a.exp+b.exp), true, nil
	case "/":
		v, err := divideDecimal(a, b)
		return v, err == nil, err
	case "//", "%":
		if b.coef.Sign() == 0 {
			return nil, false, errors.New("decimal.DivisionByZero: division by zero")
		}
		x, y, exp := aligned(a, b)
		q, m := new(big.Int).QuoRem(x, y, new(big.Int)) // toward zero, as Decimal
		if op == "//" {
			return rounded(q, 0), true, nil
		}
		return rounded(m, exp), true, nil
	}
	return nil, false, fmt.Errorf("%s of a decimal.Decimal is not computed here", op)
}

// divideDecimal is Python's Decimal a / b: exact when the quotient has at
// most 28 digits, with the exponent nearest a's minus b's that keeps it
// exact; else 28 digits, halves to even.
func divideDecimal(a, b *pyDecimal) (*decFloat, error) {
	if b.coef.Sign() == 0 {
		if a.coef.Sign() == 0 {
			return nil, errors.New("decimal.InvalidOperation: 0 / 0")
		}
		return nil, errors.New("decimal.DivisionByZero: division by zero")
	}
	ideal := a.exp - b.exp
	if a.coef.Sign() == 0 {
		return newDecimal(new(big.Int), ideal), nil
	}
	la, lb := len(new(big.Int).Abs(a.coef).String()), len(new(big.Int).Abs(b.coef).String())
	shift := lb - la + decimalPrec + 1
	exp := ideal - shift
	x, y := new(big.Int).Set(a.coef), new(big.Int).Set(b.coef)
	if shift >= 0 {
		x.Mul(x, pow10(shift))
	} else {
		y.Mul(y, pow10(-shift))
	}
	q, m := new(big.Int).QuoRem(x, y, new(big.Int))
	if m.Sign() != 0 {
		// inexact: a last digit of 0 or 5 would read as exact when rounded
		if new(big.Int).Rem(q, big.NewInt(5)).Sign() == 0 {
			if q.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	} else {
		ten := big.NewInt(10)
		for exp < ideal && new(big.Int).Rem(q, ten).Sign() == 0 {
			q.Quo(q, ten)
			exp++
		}
	}
	return rounded(q, exp), nil
}

// decimalCompare compares a decimal with a number exactly; == and != with
// anything else are false and true, the order operators a TypeError.
func decimalCompare(op string, l, r *exec.Value) (any, bool, error) {
	ratOf := func(v *exec.Value) (*big.Rat, bool) {
		if d, ok := asDecimal(v); ok {
			return d.rat(), true
		}
		if v.IsFloat() {
			x := new(big.Rat)
			if x.SetFloat64(v.Float()) == nil {
				return nil, false // nan or inf
			}
			return x, true
		}
		return nil, false
	}
	x, okX := ratOf(l)
	y, okY := ratOf(r)
	if !okX || !okY {
		switch op {
		case "==":
			return false, true, nil
		case "!=":
			return true, true, nil
		}
		return nil, false, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, pyTypeName(l), pyTypeName(r))
	}
	c := x.Cmp(y)
	return map[string]bool{"==": c == 0, "!=": c != 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[op], true, nil
}

// decimalNeg is -d.
func decimalNeg(v *exec.Value) (any, bool) {
	f, ok := v.Interface().(*decFloat)
	if !ok {
		return nil, false
	}
	d := f.dec()
	return newDecimal(new(big.Int).Neg(d.coef), d.exp), true
}

// decimalFilters make abs and round of decimals Decimals, as Python's
// abs() and round() give them; other values keep gonja's filters (sum is
// pyfilters.go's, with Python's + for every item).
func decimalFilters(f *exec.FilterSet) {
	wrap := func(name string, dec func(in *exec.Value, params *exec.VarArgs) (*exec.Value, bool)) {
		orig, _ := f.Get(name)
		_ = f.Replace(name, func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
			if v, ok := dec(in, params); ok {
				return v
			}
			return orig(e, in, params)
		})
	}
	wrap("abs", func(in *exec.Value, params *exec.VarArgs) (*exec.Value, bool) {
		x, ok := in.Interface().(*decFloat)
		if !ok || len(params.Args)+len(params.KwArgs) > 0 {
			return nil, false
		}
		d := x.dec()
		return exec.AsValue(newDecimal(new(big.Int).Abs(d.coef), d.exp)), true
	})
	wrap("round", func(in *exec.Value, params *exec.VarArgs) (*exec.Value, bool) {
		x, ok := in.Interface().(*decFloat)
		if !ok {
			return nil, false
		}
		precision, method := arg(params, 0, "precision"), arg(params, 1, "method")
		if method != nil && method.String() != "common" || precision != nil && !precision.IsInteger() {
			return nil, false // floor and ceil give a float in Jinja2 too
		}
		n := 0
		if precision != nil {
			n = precision.Integer()
		}
		return exec.AsValue(quantize(x.dec(), -n)), true
	})
}

// quantize is Python's round(d, n) of a Decimal, exp being -n: d at that
// exponent, halves to even.
func quantize(d *pyDecimal, exp int) *decFloat {
	if exp <= d.exp {
		return newDecimal(new(big.Int).Mul(d.coef, pow10(d.exp-exp)), exp)
	}
	abs := new(big.Int).Abs(d.coef)
	q, r := new(big.Int).QuoRem(abs, pow10(exp-d.exp), new(big.Int))
	half := new(big.Int).Mul(big.NewInt(5), pow10(exp-d.exp-1))
	if c := r.Cmp(half); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	if d.coef.Sign() < 0 {
		q.Neg(q)
	}
	return newDecimal(q, exp)
}
