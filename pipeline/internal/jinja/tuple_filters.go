package jinja

import (
	"cmp"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// tupleKey is a tuple as unique tracks it: Python hashes a tuple by its
// items, so equal tuples are one value.
type tupleKey string

// uniqueFilter is gonja's unique, which refuses tuples as unhashable. A
// sequence holding tuples is deduplicated here, each tuple by its items
// (its strings as they are, whatever case_sensitive says: Jinja2's
// ignore_case leaves a tuple alone); the first of equal values stays.
func uniqueFilter(orig exec.FilterFunction) exec.FilterFunction {
	return func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
		if in.IsError() || len(params.Args) > 1 || params.KwArgs["attribute"] != nil || !holdsTuple(in) {
			return orig(e, in, params)
		}
		caseSensitive := false
		if len(params.Args) == 1 {
			caseSensitive = params.Args[0].Bool()
		} else if v := params.KwArgs["case_sensitive"]; v != nil {
			caseSensitive = v.Bool()
		}
		out := []any{}
		seen := map[any]bool{}
		var err error
		in.Iterate(func(_, _ int, k, _ *exec.Value) bool {
			key := k.Interface()
			switch _, tuple := key.(exec.ValuesList); {
			case tuple:
				key = tupleKey(pyRepr(k))
			case k.IsInteger():
				key = k.Integer()
			case k.IsFloat():
				key = k.Float()
			case k.IsString() && !caseSensitive:
				key = strings.ToLower(k.String())
			}
			if t := reflect.TypeOf(key); t != nil && !t.Comparable() {
				err = fmt.Errorf("unhashable type: '%s'", pyTypeName(k))
				return false
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, k.Interface())
			}
			return true
		}, func() {})
		if err != nil {
			return exec.AsValue(exec.ErrInvalidCall(err))
		}
		return exec.AsValue(out)
	}
}

func holdsTuple(in *exec.Value) bool {
	found := false
	in.Iterate(func(_, _ int, k, _ *exec.Value) bool {
		_, found = k.Interface().(exec.ValuesList)
		return !found
	}, func() {})
	return found
}

// holdsSequence tells whether a sequence holds a tuple or a list.
func holdsSequence(in *exec.Value) bool {
	found := false
	in.Iterate(func(_, _ int, k, _ *exec.Value) bool {
		_, found = sequenceItems(k)
		return !found
	}, func() {})
	return found
}

// sortFilter is gonja's sort, which compares tuples and lists as their
// lower-cased text. Python compares them item by item (numbers as numbers,
// strings by code point, whatever case_sensitive says: Jinja2's
// ignore_case leaves them alone); a sequence holding them is sorted so
// here, stably, as Python's sorted is.
func sortFilter(orig exec.FilterFunction) exec.FilterFunction {
	return func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
		if in.IsError() || len(params.Args) > 0 || params.KwArgs["attribute"] != nil || !holdsSequence(in) {
			return orig(e, in, params)
		}
		reverse := false
		if v := params.KwArgs["reverse"]; v != nil {
			reverse = v.Bool()
		}
		var items []*exec.Value
		in.Iterate(func(_, _ int, k, _ *exec.Value) bool {
			items = append(items, k)
			return true
		}, func() {})
		var err error
		sort.SliceStable(items, func(i, j int) bool {
			a, b := items[i], items[j]
			if reverse {
				a, b = b, a
			}
			c, cerr := pyCompare(a, b)
			if cerr != nil && err == nil {
				err = cerr
			}
			return c < 0
		})
		if err != nil {
			return exec.AsValue(err)
		}
		out := make([]any, len(items))
		for i, v := range items {
			out[i] = v.Interface()
		}
		return exec.AsValue(out)
	}
}

// pyCompare orders two values as Python's < does for numbers, strings and
// sequences of them; other pairs cannot be ordered.
func pyCompare(a, b *exec.Value) (int, error) {
	as, aSeq := sequenceItems(a)
	bs, bSeq := sequenceItems(b)
	switch {
	case aSeq && bSeq:
		for i := 0; i < len(as) && i < len(bs); i++ {
			if as[i].EqualValueTo(bs[i]) {
				continue
			}
			return pyCompare(as[i], bs[i])
		}
		return cmp.Compare(len(as), len(bs)), nil
	case a.IsNumber() && b.IsNumber():
		return cmp.Compare(a.Float(), b.Float()), nil
	case a.IsString() && b.IsString():
		return strings.Compare(a.String(), b.String()), nil
	}
	return 0, fmt.Errorf("'<' not supported between instances of '%s' and '%s'", pyTypeName(a), pyTypeName(b))
}

// sequenceItems are the items of a tuple or list.
func sequenceItems(v *exec.Value) ([]*exec.Value, bool) {
	switch x := v.Interface().(type) {
	case exec.ValuesList:
		return x, true
	case *[]any, []any:
		if !v.IsList() {
			return nil, false
		}
		out := make([]*exec.Value, v.Len())
		for i := range out {
			out[i] = v.Index(i)
		}
		return out, true
	}
	return nil, false
}
