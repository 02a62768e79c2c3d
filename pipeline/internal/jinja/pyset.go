package jinja

import (
	"slices"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// pySet is Python's set(...), which dbt puts in its context: its distinct
// values, kept in the order first seen (Python's own order is its hashes').
// It iterates and filters as a list does; == and != compare the values
// regardless of order (dbt_utils' equality test compares two column sets),
// <= and >= test subsets, - is the difference.
type pySet []any

func newSet(vals []any) *pySet {
	s := pySet{}
	for _, v := range vals {
		if !s.has(v) {
			s = append(s, v)
		}
	}
	return &s
}

func (s pySet) has(v any) bool {
	return slices.ContainsFunc(s, func(x any) bool { return exec.AsValue(x).EqualValueTo(exec.AsValue(v)) })
}

func (s pySet) subsetOf(o pySet) bool {
	for _, v := range s {
		if !o.has(v) {
			return false
		}
	}
	return true
}

func setOf(v *exec.Value) (pySet, bool) {
	switch s := v.Interface().(type) {
	case *pySet:
		return *s, true
	case pySet:
		return s, true
	}
	return nil, false
}

// setOp is the overload of ==, !=, <, <=, >, >= and - for sets. A set
// equals no list, as in Python.
func setOp(op string, l, r *exec.Value) (any, bool, error) {
	a, okA := setOf(l)
	b, okB := setOf(r)
	if !okA && !okB {
		return nil, false, nil
	}
	if !okA || !okB {
		switch op {
		case "==":
			return false, true, nil
		case "!=":
			return true, true, nil
		}
		return nil, false, nil
	}
	switch op {
	case "==", "!=":
		eq := len(a) == len(b) && a.subsetOf(b)
		return eq == (op == "=="), true, nil
	case "<=":
		return a.subsetOf(b), true, nil
	case "<":
		return len(a) < len(b) && a.subsetOf(b), true, nil
	case ">=":
		return b.subsetOf(a), true, nil
	case ">":
		return len(b) < len(a) && b.subsetOf(a), true, nil
	case "-":
		out := pySet{}
		for _, v := range a {
			if !b.has(v) {
				out = append(out, v)
			}
		}
		return &out, true, nil
	}
	return nil, false, nil
}

// String is how Python prints a set.
func (s pySet) String() string {
	if len(s) == 0 {
		return "set()"
	}
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = pyRepr(exec.AsValue(v))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
