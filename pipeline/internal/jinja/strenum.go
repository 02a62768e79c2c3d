package jinja

import "github.com/nikolalohinski/gonja/v2/exec"

// StrEnum is a value of one of dbt's string enums (NodeType, RunStatus,
// TestStatus), as a result's node.resource_type and status are: a string
// everywhere (==, in, filters, methods, printing), whose .value is the
// string itself, as a Python StrEnum member's is (re_data reads
// el.node.resource_type.value).
type StrEnum string

// GetAttribute answers .value; anything else is left to the string.
func (s StrEnum) GetAttribute(name string) (*exec.Value, bool) {
	if name == "value" {
		return exec.AsValue(string(s)), true
	}
	return exec.AsValue(nil), false
}

// sameStrEnum compares a StrEnum with a string (or another StrEnum) by
// their text, as Python's StrEnum compares equal to its value.
func sameStrEnum(l, r *exec.Value) (equal, applies bool) {
	_, okL := l.Interface().(StrEnum)
	_, okR := r.Interface().(StrEnum)
	if !okL && !okR {
		return false, false
	}
	if !l.IsString() || !r.IsString() {
		return false, true
	}
	return l.String() == r.String(), true
}

// plainStrEnum is v as a plain string when it holds a StrEnum, else v.
func plainStrEnum(v *exec.Value) *exec.Value {
	if s, ok := v.Interface().(StrEnum); ok {
		return exec.AsValue(string(s))
	}
	return v
}
