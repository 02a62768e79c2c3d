package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// maxRepeat caps the items `list * n` may make: a template from a stranger
// must not exhaust memory.
const maxRepeat = 10_000_000

// seqRepeat is Python's `[a, b] * n` and `n * (a, b)`: the items n times
// (none for n below 1); gonja gave a number.
func seqRepeat(op string, l, r *exec.Value) (any, bool, error) {
	seq, n := l, r
	if !isSeq(seq) {
		seq, n = r, l
	}
	if op != "*" || !isSeq(seq) || !n.IsInteger() && !n.IsBool() {
		return nil, false, nil
	}
	times, _, _, _ := number(n)
	times = max(times, 0)
	items := seqItems(seq)
	if len(items) > 0 && times > maxRepeat/len(items) {
		return nil, true, fmt.Errorf("a list repeated %d times would hold more than %d items", times, maxRepeat)
	}
	out := make([]any, 0, len(items)*times)
	for range times {
		for _, it := range items {
			out = append(out, it.Interface())
		}
	}
	if _, isTuple := seq.Interface().(exec.ValuesList); isTuple {
		return tuple(out), true, nil
	}
	return &out, true, nil
}

// isSeq tells a list or a tuple (not a string).
func isSeq(v *exec.Value) bool { return v.IsList() && !v.IsString() }

func seqItems(v *exec.Value) []*exec.Value {
	out := make([]*exec.Value, v.Len())
	for i := range out {
		out[i] = v.Index(i)
	}
	return out
}

// boolNumberEq is Python's == and != between a bool and a number: True is
// 1 and False 0 (True == 1.0); gonja found them never equal.
func boolNumberEq(op string, l, r *exec.Value) (any, bool, error) {
	if op != "==" && op != "!=" || l.IsBool() == r.IsBool() || !l.IsBool() && !l.IsNumber() || !r.IsBool() && !r.IsNumber() {
		return nil, false, nil
	}
	_, a, _, _ := number(l)
	_, b, _, _ := number(r)
	return (a == b) == (op == "=="), true, nil
}

// seqCompare is Python's <, <=, > and >= between two lists or two tuples:
// item by item, then by length; gonja refused them.
func seqCompare(op string, l, r *exec.Value) (any, bool, error) {
	if !isSeq(l) || !isSeq(r) {
		return nil, false, nil
	}
	c, err := pyCompare(l, r)
	if err != nil {
		return nil, true, err
	}
	return compare(op, c), true, nil
}

// tupleConcat is Python's tuple + tuple; gonja refused it.
func tupleConcat(op string, l, r *exec.Value) (any, bool, error) {
	a, okA := l.Interface().(exec.ValuesList)
	b, okB := r.Interface().(exec.ValuesList)
	if op != "+" || !okA || !okB {
		return nil, false, nil
	}
	return append(append(exec.ValuesList{}, a...), b...), true, nil
}

// listConcat is Python's list + list: a new list, which append and the
// other list methods then grow in place wherever the variable holding it
// is read (gonja's own concatenation gave a plain slice, which a method
// call inside a for loop grew in a copy of the loop's scope only).
func listConcat(op string, l, r *exec.Value) (any, bool, error) {
	if op != "+" || !l.IsList() || !r.IsList() {
		return nil, false, nil
	}
	if _, ok := l.Interface().(exec.ValuesList); ok {
		return nil, false, nil
	}
	if _, ok := r.Interface().(exec.ValuesList); ok {
		return nil, false, nil
	}
	out := make([]any, 0, l.Len()+r.Len())
	for _, v := range []*exec.Value{l, r} {
		for i := 0; i < v.Len(); i++ {
			out = append(out, v.Index(i).Interface())
		}
	}
	return &out, true, nil
}

// boolArith is Python's +, - and * with a bool, which counts as 0 or 1
// (1 + True is 2); gonja counted True as 0.
func boolArith(op string, l, r *exec.Value) (any, bool, error) {
	if !l.IsBool() && !r.IsBool() || !l.IsBool() && !l.IsNumber() || !r.IsBool() && !r.IsNumber() {
		return nil, false, nil
	}
	ai, af, aFloat, _ := number(l)
	bi, bf, bFloat, _ := number(r)
	if aFloat || bFloat {
		return applyArith(op, af, bf), true, nil
	}
	return applyArith(op, ai, bi), true, nil
}

func applyArith[T int | float64](op string, a, b T) T {
	switch op {
	case "+":
		return a + b
	case "-":
		return a - b
	}
	return a * b
}

// tuple is items as a Python tuple (itertools yields tuples).
func tuple(items []any) exec.ValuesList {
	t := make(exec.ValuesList, len(items))
	for i, v := range items {
		t[i] = exec.AsValue(v)
	}
	return t
}
