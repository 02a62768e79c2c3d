package jinja

import (
	"fmt"
	"math"
	"reflect"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja applies arithmetic and comparison operators to numbers, strings and
// lists only, while Python applies them to any type that defines them (dbt
// templates subtract timedeltas from dates and compare datetimes). After
// parsing, rewriteOperators turns every operator listed in overloads into a
// call of opFuncName, which asks each overload in turn and falls back to
// gonja's own semantics when none takes the operands.
const (
	opFuncName  = "__op__"
	negFuncName = "__neg__"
)

// overload computes `l op r` for the operand types it knows; ok false leaves
// the operands to the next overload, and finally to gonja.
type overload func(op string, l, r *exec.Value) (v any, ok bool, err error)

// overloads lists, per operator, the overloads tried in order.
var overloads = map[string][]overload{
	"+":  {intArith, decimalOp, datetimeOp, tupleConcat, listConcat, boolArith},
	"-":  {intArith, decimalOp, datetimeOp, setOp, boolArith},
	"*":  {intArith, decimalOp, datetimeOp, seqRepeat, boolArith},
	"<":  {decimalOp, datetimeOp, setOp, seqCompare},
	"<=": {decimalOp, datetimeOp, setOp, seqCompare},
	">":  {decimalOp, datetimeOp, setOp, seqCompare},
	">=": {decimalOp, datetimeOp, setOp, seqCompare},
	"==": {decimalOp, datetimeOp, setOp, boolNumberEq, sameEq(sameMacro), sameEq(sameColumn), sameEq(sameStrEnum)},
	"~":  {concatOp},
	"!=": {decimalOp, datetimeOp, setOp, boolNumberEq, sameEq(sameMacro), sameEq(sameColumn), sameEq(sameStrEnum)},
	"/":  {decimalOp, pythonArith},
	"//": {decimalOp, pythonArith},
	"%":  {decimalOp, pythonArith},
	"**": {decimalOp, pythonArith},
}

// negations compute unary minus for types gonja does not negate.
var negations = []func(v *exec.Value) (any, bool){decimalNeg, datetimeNeg}

// rewriteOperators rewrites, in place, each binary expression whose operator
// has overloads into `true and __op__('op', left, right)` (the `and` keeps
// the node a BinaryExpression, so nothing that holds it needs to change),
// each unary minus into `__neg__(term)` and each output `{{ x }}` into
// `{{ __print__(x) }}` (none.go). Nodes are walked by reflection:
// gonja's control structures keep their expressions in unexported fields.
func rewriteOperators(root nodes.Node) {
	seen := map[uintptr]bool{}
	binType := reflect.TypeFor[*nodes.BinaryExpression]()
	unType := reflect.TypeFor[*nodes.UnaryExpression]()
	outType := reflect.TypeFor[*nodes.Output]()
	callType := reflect.TypeFor[*nodes.Call]()
	getItemType := reflect.TypeFor[*nodes.GetItem]()
	getAttrType := reflect.TypeFor[*nodes.GetAttribute]()
	tokType := reflect.TypeFor[*tokens.Token]()
	envType := reflect.TypeFor[*Env]() // held by our control structures; not part of the tree
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() || v.Type() == tokType || v.Type() == envType || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
			// v may come from an unexported field: NewAt gives the same
			// pointer without that mark
			rewriteTruth(reflect.NewAt(v.Type().Elem(), v.UnsafePointer()).Interface())
			switch v.Type() {
			case binType:
				rewriteBinary((*nodes.BinaryExpression)(v.UnsafePointer()))
			case unType:
				rewriteUnary((*nodes.UnaryExpression)(v.UnsafePointer()))
			case outType:
				wrapOutput((*nodes.Output)(v.UnsafePointer()))
			case callType:
				setMethodReceiver((*nodes.Call)(v.UnsafePointer()))
				rewriteSpreadCall((*nodes.Call)(v.UnsafePointer()))
				rewriteMethodCall((*nodes.Call)(v.UnsafePointer()))
				orderKwargs((*nodes.Call)(v.UnsafePointer()))
			case getAttrType:
				rewriteNoneAttr((*nodes.GetAttribute)(v.UnsafePointer()))
			case getItemType:
				rewriteGetItem((*nodes.GetItem)(v.UnsafePointer()))
			}
		case reflect.Struct:
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

func rewriteBinary(b *nodes.BinaryExpression) {
	if b.Operator == nil || b.Operator.Token == nil {
		return
	}
	op := b.Operator.Token
	if _, ok := overloads[op.Val]; !ok {
		return
	}
	at := func(t tokens.Type, v string) *tokens.Token {
		return &tokens.Token{Type: t, Val: v, Pos: op.Pos, Line: op.Line, Col: op.Col}
	}
	call := &nodes.Call{
		Location: op,
		Func:     &nodes.Name{Name: at(tokens.Name, opFuncName)},
		Args:     []nodes.Expression{&nodes.String{Location: op, Val: op.Val}, b.Left, b.Right},
		Kwargs:   map[string]nodes.Expression{},
	}
	b.Left = &nodes.Bool{Location: op, Val: true}
	b.Operator = &nodes.BinOperator{Token: at(tokens.And, "and")}
	b.Right = call
}

func rewriteUnary(u *nodes.UnaryExpression) {
	if !u.Negative || u.Operator == nil {
		return
	}
	op := u.Operator
	u.Term = &nodes.Call{
		Location: op,
		Func:     &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: negFuncName, Pos: op.Pos, Line: op.Line, Col: op.Col}},
		Args:     []nodes.Expression{u.Term},
		Kwargs:   map[string]nodes.Expression{},
	}
	u.Negative = false
}

// applyOperator is __op__: the overloads of op, else gonja's operator.
func applyOperator(e *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 3 {
		return nil, fmt.Errorf("%s needs an operator and two operands", opFuncName)
	}
	op, l, r := a.Args[0].String(), a.Args[1], a.Args[2]
	for _, f := range overloads[op] {
		v, ok, err := f(op, l, r)
		if err != nil {
			return nil, err
		}
		if ok {
			return exec.AsValue(v), nil
		}
	}
	return gonjaBinary(e, op, l, r)
}

// applyNegation is __neg__: a negation, else minus of a number.
func applyNegation(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 1 {
		return nil, fmt.Errorf("%s needs one operand", negFuncName)
	}
	for _, f := range negations {
		if v, ok := f(a.Args[0]); ok {
			return exec.AsValue(v), nil
		}
	}
	switch x := a.Args[0]; {
	case x.IsBool():
		return exec.AsValue(-map[bool]int{false: 0, true: 1}[x.Bool()]), nil
	case x.IsInteger():
		if x.Integer() == math.MinInt {
			return nil, fmt.Errorf("-(%d) does not fit in a 64-bit integer", x.Integer())
		}
		return exec.AsValue(-x.Integer()), nil
	case x.IsFloat():
		return exec.AsValue(-x.Float()), nil
	default:
		return nil, fmt.Errorf("TypeError: bad operand type for unary -: '%s'", pyTypeName(x))
	}
}

// operatorTypes maps an operator's text to its token type.
var operatorTypes = map[string]tokens.Type{
	"+": tokens.Addition, "-": tokens.Subtraction, "*": tokens.Multiply, "/": tokens.Division,
	"//": tokens.FloorDivision, "%": tokens.Modulo, "**": tokens.Power, "~": tokens.Tilde,
	"<": tokens.LowerThan, "<=": tokens.LowerThanOrEqual, ">": tokens.GreaterThan, ">=": tokens.GreaterThanOrEqual,
	"==": tokens.Equals, "!=": tokens.Ne,
}

// gonjaBinary evaluates `l op r` with gonja's evaluator, on the values
// already computed.
func gonjaBinary(e *exec.Evaluator, op string, l, r *exec.Value) (*exec.Value, error) {
	node := &nodes.BinaryExpression{
		Left:     operandName("__l__"),
		Right:    operandName("__r__"),
		Operator: &nodes.BinOperator{Token: &tokens.Token{Type: operatorTypes[op], Val: op}},
	}
	v := evalWith(e, node, map[string]any{"__l__": l, "__r__": r})
	if v.IsError() {
		return nil, v
	}
	return v, nil
}

func operandName(n string) *nodes.Name {
	return &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: n}}
}

// evalWith evaluates node where names are only the given values.
func evalWith(e *exec.Evaluator, node nodes.Expression, names map[string]any) *exec.Value {
	env := *e.Environment
	env.Context = exec.NewContext(names)
	ev := &exec.Evaluator{Config: e.Config, Environment: &env, Loader: e.Loader}
	return ev.Eval(node)
}
