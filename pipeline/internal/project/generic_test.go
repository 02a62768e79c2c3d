package project

import "testing"

// A macro file is read as dbt reads it: its top-level macro blocks, the
// text between them keeping only its line breaks, so a top-level {{ }} or
// {% set %} defines and runs nothing, in a file of expressions only too.
func TestMacroBlocks(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"expressions only", "{{ dbt_utils.date_spine(\n  datepart=\"day\") }}\n", "\n\n"},
		{"set before a macro", "{% set x = 1 %}\n{% macro a() %}{{ x }}{% endmacro %}\n", "\n{% macro a() %}{{ x }}{% endmacro %}\n"},
		{"expression after a macro", "{% macro a() %}1{% endmacro %}\n{{ a() }}\n", "{% macro a() %}1{% endmacro %}\n\n"},
		{"plain text", "-- notes\n", "-- notes\n"},
	} {
		if got := macroBlocks(c.in); got != c.want {
			t.Errorf("%s: macroBlocks(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
