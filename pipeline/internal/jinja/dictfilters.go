package jinja

import (
	"errors"
	"sort"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// gonja's dictsort and items read Go maps only; templates' dicts are
// ordered *exec.Dict values (values.go). These read both, as Jinja2's do.
func addDictFilters(f *exec.FilterSet) {
	_ = f.Replace("dictsort", dictsortFilter)
	_ = f.Replace("items", func(_ *exec.Evaluator, in *exec.Value, _ *exec.VarArgs) *exec.Value {
		if in.IsError() {
			return in
		}
		out := []any{}
		for _, p := range dictEntries(in) {
			out = append(out, exec.ValuesList{p.Key, p.Value})
		}
		return exec.AsValue(&out)
	})
}

// dictsortFilter is Jinja2's dictsort(case_sensitive=false, by='key',
// reverse=false): the (key, value) pairs sorted, strings compared without
// case unless case_sensitive.
func dictsortFilter(_ *exec.Evaluator, in *exec.Value, a *exec.VarArgs) *exec.Value {
	if in.IsError() {
		return in
	}
	caseSensitive, by, reverse := false, "key", false
	for k, v := range a.KwArgs {
		switch k {
		case "case_sensitive":
			caseSensitive = v.IsTrue()
		case "by":
			by = v.String()
		case "reverse":
			reverse = v.IsTrue()
		default:
			return exec.AsValue(exec.ErrInvalidCall(errors.New("dictsort() got an unexpected keyword argument '" + k + "'")))
		}
	}
	for i, v := range a.Args {
		switch i {
		case 0:
			caseSensitive = v.IsTrue()
		case 1:
			by = v.String()
		case 2:
			reverse = v.IsTrue()
		}
	}
	if by != "key" && by != "value" {
		return exec.AsValue(errors.New("You can only sort by either 'key' or 'value'"))
	}
	pairs := append([]*exec.Pair(nil), dictEntries(in)...)
	sortKey := func(p *exec.Pair) *exec.Value {
		v := p.Key
		if by == "value" {
			v = p.Value
		}
		if !caseSensitive && v.IsString() {
			return exec.AsValue(strings.ToLower(v.String()))
		}
		return v
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		l, r := sortKey(pairs[i]), sortKey(pairs[j])
		if reverse {
			l, r = r, l
		}
		return less(l, r)
	})
	out := make([]any, len(pairs))
	for i, p := range pairs {
		out[i] = exec.ValuesList{p.Key, p.Value}
	}
	return exec.AsValue(&out)
}

// less orders numbers by value and everything else by its text.
func less(l, r *exec.Value) bool {
	_, a, _, okA := number(l)
	_, b, _, okB := number(r)
	if okA && okB {
		return a < b
	}
	return l.String() < r.String()
}
