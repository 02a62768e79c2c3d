package jinja

import (
	"reflect"
	"unsafe"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// passErrors makes every filter give back a failed value it is applied
// to: gonja hands a failed macro call or expression to the filter, which
// then reported its own complaint ("trim: not a string") in place of the
// failure. The filters are reached through the set's map, which gonja
// keeps unexported and offers no way to list.
func passErrors(f *exec.FilterSet) {
	field := reflect.ValueOf(f).Elem().FieldByName("filters")
	filters := *(*map[string]exec.FilterFunction)(unsafe.Pointer(field.UnsafeAddr()))
	for name, fn := range filters {
		filters[name] = func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
			if in.IsError() {
				return in
			}
			return fn(e, in, params)
		}
	}
}
