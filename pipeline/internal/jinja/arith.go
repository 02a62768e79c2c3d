package jinja

import (
	"errors"
	"fmt"
	"math"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// gonja evaluates `/`, `//`, `%` and `**` its own way: `-7 // 2` is -3,
// `'%s' % x` panics, `7 ** 2` is a float. pythonArith is Python's, for every
// operand type these operators take in dbt templates (numbers, and a string
// left of % for printf-style formatting); it is their overload in
// operators.go.
func pythonArith(op string, l, r *exec.Value) (any, bool, error) {
	var v any
	var err error
	switch op {
	case "/":
		v, err = trueDiv(l, r)
	case "//":
		v, err = floorDiv(l, r)
	case "%":
		v, err = modulo(l, r)
	case "**":
		v, err = power(l, r)
	default:
		return nil, false, nil
	}
	return v, true, err
}

// number reads an int or a float operand; a bool counts as 0 or 1, as in
// Python.
func number(v *exec.Value) (i int, f float64, isFloat, ok bool) {
	switch x := v.Interface().(type) {
	case bool:
		if x {
			return 1, 1, false, true
		}
		return 0, 0, false, true
	}
	switch {
	case v.IsInteger():
		return v.Integer(), float64(v.Integer()), false, true
	case v.IsFloat():
		return 0, v.Float(), true, true
	}
	return 0, 0, false, false
}

func operandError(op string, l, r *exec.Value) error {
	return fmt.Errorf("unsupported operand type(s) for %s: '%s' and '%s'", op, pyTypeName(l), pyTypeName(r))
}

func trueDiv(l, r *exec.Value) (any, error) {
	_, a, _, okA := number(l)
	_, b, _, okB := number(r)
	if !okA || !okB {
		return nil, operandError("/", l, r)
	}
	if b == 0 {
		return nil, errors.New("division by zero")
	}
	return a / b, nil
}

func floorDiv(l, r *exec.Value) (any, error) {
	ai, af, aFloat, okA := number(l)
	bi, bf, bFloat, okB := number(r)
	if !okA || !okB {
		return nil, operandError("//", l, r)
	}
	if aFloat || bFloat {
		if bf == 0 {
			return nil, errors.New("float floor division by zero")
		}
		return math.Floor(af / bf), nil
	}
	if bi == 0 {
		return nil, errors.New("integer division or modulo by zero")
	}
	q := ai / bi
	if ai%bi != 0 && (ai < 0) != (bi < 0) {
		q--
	}
	return q, nil
}

// modulo is Python's %: string formatting when the left side is a string,
// else a remainder with the sign of the divisor.
func modulo(l, r *exec.Value) (any, error) {
	if l.IsString() {
		return pyFormat(l.String(), r)
	}
	ai, af, aFloat, okA := number(l)
	bi, bf, bFloat, okB := number(r)
	if !okA || !okB {
		return nil, operandError("%", l, r)
	}
	if aFloat || bFloat {
		if bf == 0 {
			return nil, errors.New("float modulo")
		}
		m := math.Mod(af, bf)
		if m != 0 && (m < 0) != (bf < 0) {
			m += bf
		}
		return m, nil
	}
	if bi == 0 {
		return nil, errors.New("integer division or modulo by zero")
	}
	m := ai % bi
	if m != 0 && (m < 0) != (bi < 0) {
		m += bi
	}
	return m, nil
}

// power is Python's **: an int raised to a non-negative int is an int.
func power(l, r *exec.Value) (any, error) {
	ai, af, aFloat, okA := number(l)
	bi, bf, bFloat, okB := number(r)
	if !okA || !okB {
		return nil, operandError("** or pow()", l, r)
	}
	if !aFloat && !bFloat && bi >= 0 {
		out, base, ok := 1, ai, true
		for exp := bi; exp > 0 && ok; exp >>= 1 {
			if exp&1 == 1 {
				out, ok = mulInt(out, base)
			}
			if exp > 1 && ok {
				base, ok = mulInt(base, base)
			}
		}
		if !ok {
			return nil, fmt.Errorf("%d ** %d does not fit in a 64-bit integer", ai, bi)
		}
		return out, nil
	}
	if af == 0 && bf < 0 {
		return nil, errors.New("0.0 cannot be raised to a negative power")
	}
	if af < 0 && bf != math.Trunc(bf) {
		return nil, fmt.Errorf("%s ** %s is a complex number", exec.AsValue(af).String(), exec.AsValue(bf).String())
	}
	return math.Pow(af, bf), nil
}

// intArith is Python's +, - and * of two ints; Python's ints have no
// bound, these have 64 bits, and a result beyond them fails with a
// message where gonja's wrapped around (9223372036854775807 + 1 was
// -9223372036854775808).
func intArith(op string, l, r *exec.Value) (any, bool, error) {
	if !l.IsInteger() || !r.IsInteger() {
		return nil, false, nil
	}
	a, b := l.Integer(), r.Integer()
	var c int
	ok := true
	switch op {
	case "+":
		c = a + b
		ok = (c > a) == (b > 0)
	case "-":
		c = a - b
		ok = (c < a) == (b > 0)
	case "*":
		c, ok = mulInt(a, b)
	default:
		return nil, false, nil
	}
	if !ok {
		return nil, true, fmt.Errorf("%d %s %d does not fit in a 64-bit integer", a, op, b)
	}
	return c, true, nil
}

// mulInt multiplies, reporting overflow.
func mulInt(a, b int) (int, bool) {
	c := a * b
	if a != 0 && (c/a != b || a == -1 && b == math.MinInt) {
		return 0, false
	}
	return c, true
}
