package jinja

import "github.com/nikolalohinski/gonja/v2/exec"

// A macro equals itself, as Python's objects do (dbt's MacroGenerator has
// no __eq__ of its own): `m == pkg.m` and `m in [a, m]` are true for the
// same macro, where gonja compared two functions and found them unequal.
// Packages keep lists of macros and test membership
// (aggfunc in zero_fill_aggregations).

// sameMacro tells whether l and r are both macros and whether they are the
// same one.
func sameMacro(l, r *exec.Value) (same, macros bool) {
	a, okA := l.Interface().(macroFn)
	b, okB := r.Interface().(macroFn)
	if !okA && !okB {
		return false, false
	}
	if !okA || !okB {
		return false, true
	}
	ia, ib := a.info(), b.info()
	return ia != nil && ia == ib, true
}

// sameEq is == and != by same, when a side is of same's kind: a macro
// (sameMacro) or a column (sameColumn, column_equality.go).
func sameEq(same func(l, r *exec.Value) (equal, applies bool)) func(op string, l, r *exec.Value) (any, bool, error) {
	return func(op string, l, r *exec.Value) (any, bool, error) {
		if op != "==" && op != "!=" {
			return nil, false, nil
		}
		equal, applies := same(l, r)
		if !applies {
			return nil, false, nil
		}
		return equal == (op == "=="), true, nil
	}
}

// macroIn is the in test: a macro is in a sequence holding it, and a
// column in one holding an equal column.
func macroIn(orig exec.TestFunction) exec.TestFunction {
	f, ok := orig.(func(*exec.Context, *exec.Value, *exec.VarArgs) (bool, error))
	if !ok {
		return orig
	}
	return func(ctx *exec.Context, in *exec.Value, params *exec.VarArgs) (bool, error) {
		in = plainStrEnum(in) // a StrEnum is in a list holding its text
		same := sameMacro
		if _, ok := in.Interface().(columnValue); ok {
			same = sameColumn // column_equality.go
		} else if _, ok := in.Interface().(macroFn); !ok {
			return f(ctx, in, params)
		}
		if len(params.Args) != 1 || !params.Args[0].IsList() {
			return f(ctx, in, params)
		}
		found := false
		params.Args[0].Iterate(func(_, _ int, item, _ *exec.Value) bool {
			found, _ = same(in, item)
			return !found
		}, func() {})
		return found, nil
	}
}
