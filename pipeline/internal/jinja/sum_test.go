package jinja

import (
	"strings"
	"testing"
)

// The sum filter fails where Python's sum fails, instead of skipping the
// items it cannot add.
func TestSumFilterTypeErrors(t *testing.T) {
	env, err := NewEnv(nil)
	if err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		`{{ [[1, 2], [3]] | sum }}`:             "unsupported operand type(s) for +: 'int' and 'list'",
		`{{ ['a', 'b'] | sum(start='') }}`:      "can't sum strings",
		`{{ [1, none] | sum }}`:                 "unsupported operand type(s) for +",
		`{{ [[1], (2,)] | sum(start=[]) }}`:     "unsupported operand type(s) for +",
		`{{ [{'a': 1}] | sum(attribute='b') }}`: "has no attribute 'b'",
	} {
		out, err := env.Render("models/m.sql", src, &Context{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %q, %v; want an error with %q", src, out, err, want)
		}
		if err != nil && !strings.Contains(err.Error(), "models/m.sql:1") {
			t.Errorf("%s: the error names no file and line: %v", src, err)
		}
	}
}
