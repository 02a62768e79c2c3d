package jinja

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"unsafe"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja parses Jinja2's arithmetic with Jinja2's precedence, but evaluates
// `/`, `//`, `%` and `**` its own way: `-7 // 2` is -3, `'%s' % x` panics,
// `7 ** 2` is a float. rewriteOperators turns each of those operations into a
// call of a Go function with Python's semantics; the parse tree keeps its
// shape, so precedence and associativity stay gonja's, which are Jinja2's.

// operatorFuncs name the function each rewritten operator calls.
var operatorFuncs = map[tokens.Type]string{
	tokens.Division:      "__truediv__",
	tokens.FloorDivision: "__floordiv__",
	tokens.Modulo:        "__mod__",
	tokens.Power:         "__pow__",
}

// installOperators defines the functions rewritten operators call.
func (e *Env) installOperators() {
	op := func(f func(l, r *exec.Value) (any, error)) func(*exec.VarArgs) (*exec.Value, error) {
		return func(a *exec.VarArgs) (*exec.Value, error) {
			v, err := f(a.Args[0], a.Args[1])
			if err != nil {
				return nil, e.fail(err.Error(), "")
			}
			return exec.AsValue(v), nil
		}
	}
	e.globals.Set(operatorFuncs[tokens.Division], op(trueDiv))
	e.globals.Set(operatorFuncs[tokens.FloorDivision], op(floorDiv))
	e.globals.Set(operatorFuncs[tokens.Modulo], op(modulo))
	e.globals.Set(operatorFuncs[tokens.Power], op(power))
}

var (
	binaryType  = reflect.TypeFor[*nodes.BinaryExpression]()
	envType     = reflect.TypeFor[*Env]()
	nodesPkg    = reflect.TypeFor[nodes.Name]().PkgPath()
	ownPkg      = reflect.TypeFor[Env]().PkgPath()
	csPkgPrefix = "github.com/nikolalohinski/gonja/v2/builtins"
)

// rewriteOperators rewrites, in place, every binary expression of the tree
// whose operator is in operatorFuncs into `true and __op__(left, right)`:
// gonja evaluates that to the call's value, whatever it is. The tree's
// control structures keep their expressions in unexported fields, so the
// walk reads them with reflection and changes only the nodes they point to.
func rewriteOperators(root *nodes.Template) {
	seen := map[unsafe.Pointer]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() || v.Type() == envType {
				return
			}
			p := v.UnsafePointer()
			if seen[p] {
				return
			}
			seen[p] = true
			if v.Type() == binaryType {
				rewriteBinary((*nodes.BinaryExpression)(p))
			}
			walk(v.Elem())
		case reflect.Struct:
			if !treePackage(v.Type().PkgPath()) {
				return
			}
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(root))
}

// treePackage reports whether structs of a package can hold parse-tree
// nodes: gonja's nodes and control structures, and ours.
func treePackage(pkg string) bool {
	return pkg == nodesPkg || pkg == ownPkg || len(pkg) >= len(csPkgPrefix) && pkg[:len(csPkgPrefix)] == csPkgPrefix
}

func rewriteBinary(b *nodes.BinaryExpression) {
	if b.Operator == nil || b.Operator.Token == nil {
		return
	}
	at := b.Operator.Token
	fn, ok := operatorFuncs[at.Type]
	if !ok {
		return
	}
	tok := func(t tokens.Type, v string) *tokens.Token {
		return &tokens.Token{Type: t, Val: v, Pos: at.Pos, Line: at.Line, Col: at.Col}
	}
	call := &nodes.Call{
		Location: at,
		Func:     &nodes.Name{Name: tok(tokens.Name, fn)},
		Args:     []nodes.Expression{b.Left, b.Right},
		Kwargs:   map[string]nodes.Expression{},
	}
	b.Left = &nodes.Bool{Location: at, Val: true}
	b.Operator = &nodes.BinOperator{Token: tok(tokens.And, "and")}
	b.Right = call
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

// mulInt multiplies, reporting overflow.
func mulInt(a, b int) (int, bool) {
	c := a * b
	if a != 0 && (c/a != b || a == -1 && b == math.MinInt) {
		return 0, false
	}
	return c, true
}
