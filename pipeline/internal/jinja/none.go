package jinja

import (
	"math"
	"reflect"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja gives Python's None and an undefined name the same value, a nil
// one, while Jinja2 prints None as "None" and an undefined name as nothing,
// and `is defined`, `default()` tell the two apart. None is therefore a nil
// pointer of its own type: gonja still sees a nil value (falsy, `is none`,
// equal to none), and the places that print or test it can tell it from an
// undefined name. The literals none and None, Go nil results (vars, Funcs,
// builtins) and None-returning methods produce it.
type noneType struct{}

// none is the value of Python's None inside templates.
var none any = (*noneType)(nil)

var noneReflectType = reflect.TypeFor[*noneType]()

const printFuncName = "__print__"

// noneValue is a new template value holding None.
func noneValue() *exec.Value { return exec.AsValue(none) }

// isNone reports whether v is None (and not undefined).
func isNone(v *exec.Value) bool {
	return v != nil && v.Val.IsValid() && v.Val.Type() == noneReflectType
}

// isUndefined reports whether v is an undefined value (a name or attribute
// that does not exist), as opposed to None.
func isUndefined(v *exec.Value) bool {
	return v == nil || v.IsError() || v.IsNil() && !isNone(v)
}

// ownRepr tells whether v's repr() in a list or a dict is not its text:
// a Decimal('1.50'), a datetime.date(2024, 1, 2), a datetime.timedelta.
func ownRepr(v *exec.Value) bool {
	switch v.Interface().(type) {
	case *decFloat, pyTime, pyDelta:
		return true
	}
	return false
}

// needsRepr reports whether a list, tuple or dict holds None, a tuple or
// a value of its own repr (ownRepr) at any depth, which gonja's printing of containers shows otherwise than
// Python (None as nothing, a tuple as a list).
func needsRepr(v *exec.Value) bool {
	if v == nil || v.IsNil() {
		return isNone(v)
	}
	if _, tuple := v.Interface().(exec.ValuesList); tuple {
		return true
	}
	switch {
	case v.IsString():
		return false
	case v.IsFloat():
		f := v.Float()
		return math.IsInf(f, 0) || math.IsNaN(f) // Python's inf, not Go's +Inf
	case isDict(v):
		for _, p := range dictEntries(v) {
			if needsRepr(p.Value) || ownRepr(p.Value) {
				return true
			}
		}
	case v.IsList():
		for i := range v.Len() {
			if needsRepr(v.Index(i)) || ownRepr(v.Index(i)) {
				return true
			}
		}
	}
	return false
}

// printText is the text Jinja2 prints for v: None as "None", an undefined
// value as nothing, a tuple in parentheses.
func printText(v *exec.Value) string {
	switch {
	case isNone(v):
		return "None"
	case v.IsNil():
		return ""
	}
	if needsRepr(v) {
		return pyRepr(v)
	}
	return v.String()
}

// printValue is __print__, which every {{ }} output goes through (see
// wrapOutput): it leaves values gonja prints as Jinja2 does unchanged.
func printValue(a *exec.VarArgs) *exec.Value {
	v := a.First()
	if v.IsError() || v.IsNil() && !isNone(v) {
		return v
	}
	if needsRepr(v) {
		return exec.AsValue(printText(v))
	}
	return v
}

// concatOp is `~`: str() of both operands joined, None as "None".
func concatOp(op string, l, r *exec.Value) (any, bool, error) {
	if op != "~" {
		return nil, false, nil
	}
	return printText(l) + printText(r), true, nil
}

// wrapOutput makes an output `{{ x }}` print `__print__(x)`.
func wrapOutput(o *nodes.Output) {
	wrap := func(x nodes.Expression) nodes.Expression {
		if x == nil {
			return nil
		}
		at := o.Start
		if p := x.Position(); p != nil {
			at = p
		}
		return &nodes.Call{
			Location: at,
			Func:     &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: printFuncName, Pos: at.Pos, Line: at.Line, Col: at.Col}},
			Args:     []nodes.Expression{x},
			Kwargs:   map[string]nodes.Expression{},
		}
	}
	o.Expression = wrap(o.Expression)
	o.Alternative = wrap(o.Alternative)
}

// noneFilters replaces the filters whose result differs for None: string,
// lower and upper see the text "None" (and the text Jinja2 prints of
// values gonja prints otherwise, such as inf), and default() replaces an undefined
// value only (None too with boolean=true), as in Jinja2.
func noneFilters(f *exec.FilterSet) {
	for _, name := range []string{"string", "lower", "upper"} {
		orig, _ := f.Get(name)
		_ = f.Replace(name, func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
			if isNone(in) || !in.IsError() && needsRepr(in) {
				in = exec.AsValue(printText(in)) // "None", "inf", a tuple's repr
			}
			return orig(e, in, params)
		})
	}
	for _, name := range []string{"default", "d"} {
		orig, ok := f.Get(name)
		if !ok {
			continue
		}
		_ = f.Replace(name, func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
			if isNone(in) && !defaultBoolean(params) {
				return in
			}
			return orig(e, in, params)
		})
	}
}

// defaultBoolean reads default()'s boolean argument (second positional or
// keyword).
func defaultBoolean(params *exec.VarArgs) bool {
	if b, ok := params.KwArgs["boolean"]; ok {
		return b.IsTrue()
	}
	return len(params.Args) > 1 && params.Args[1].IsTrue()
}

// noneTests are the tests none, defined and undefined as Jinja2 has them:
// an undefined name is not none, and None is defined.
func noneTests(t *exec.TestSet) *exec.TestSet {
	out := exec.NewTestSet(map[string]exec.TestFunction{})
	out.Update(t)
	_ = out.Replace("none", func(_ *exec.Context, in *exec.Value, _ *exec.VarArgs) (bool, error) {
		return isNone(in), nil
	})
	_ = out.Replace("defined", func(_ *exec.Context, in *exec.Value, _ *exec.VarArgs) (bool, error) {
		return !isUndefined(in), nil
	})
	_ = out.Replace("undefined", func(_ *exec.Context, in *exec.Value, _ *exec.VarArgs) (bool, error) {
		return isUndefined(in), nil
	})
	// a relation is a mapping in dbt (dbt_utils' _is_relation asks it)
	_ = out.Replace("mapping", func(_ *exec.Context, in *exec.Value, _ *exec.VarArgs) (bool, error) {
		_, rel := in.Interface().(relValue)
		return rel || in.IsDict(), nil
	})
	return out
}

// noneLiteral turns the name token None into none, the global holding
// None (gonja parses None as its nil value, the same as undefined).
func noneLiteral(tok *tokens.Token) {
	if tok.Type == tokens.Name && tok.Val == "None" {
		tok.Val = "none"
	}
}
