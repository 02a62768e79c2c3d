package jinja

import "github.com/nikolalohinski/gonja/v2/exec"

// trimAnyValue makes trim take any value, as Jinja2's does: it trims the
// value's text (False is "False", None "None", an undefined value ""),
// where gonja refused what is not a string.
func trimAnyValue(f *exec.FilterSet) {
	orig, ok := f.Get("trim")
	if !ok {
		return
	}
	_ = f.Replace("trim", func(e *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
		if !in.IsString() && !in.IsError() {
			in = exec.AsValue(printText(in))
		}
		return orig(e, in, params)
	})
}
