package jinja

import (
	"strings"
	"testing"
)

// Python's str.format refuses these, each with the message below; the
// answers of formats it accepts are in testdata/golden/string_methods_unicode.
func TestStrFormatRefuses(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{{ "{}{1}".format(1, 2) }}`, "cannot switch from automatic field numbering to manual field specification"},
		{`{{ "{0}{}".format(1, 2) }}`, "cannot switch from manual field specification to automatic field numbering"},
		{`{{ "{2}".format(1) }}`, "Replacement index 2 out of range"},
		{`{{ "{name}".format(1) }}`, "KeyError: 'name'"},
		{`{{ "{:d}".format("a") }}`, "Unknown format code 'd' for object of type 'str'"},
		{`{{ "{:+}".format("a") }}`, "Sign not allowed in string format specifier"},
		{`{{ "{:.2d}".format(3) }}`, "Precision not allowed in integer format specifier"},
		{`{{ "{:,x}".format(3) }}`, "Cannot specify ',' with 'x'."},
		{`{{ "{:>5}".format(none) }}`, "unsupported format string passed to NoneType.__format__"},
		{`{{ "a}b".format() }}`, "Single '}' encountered in format string"},
		{`{{ "{0".format(1) }}`, "expected '}' before end of string"},
		{`{{ "{!x}".format(1) }}`, "Unknown conversion specifier x"},
		{`{{ "{:.}".format(1.5) }}`, "Format specifier missing precision"},
		{`{{ "{:{:{}}}".format(1, 2, 3) }}`, "Max string recursion exceeded"},
	} {
		_, err := renderFor(t, "duckdb", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.src, err, c.want)
		}
	}
}
