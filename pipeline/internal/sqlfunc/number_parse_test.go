package sqlfunc

import "testing"

// Snowflake's lax reading of numbers with a format model, beyond the
// documented examples (testdata/conformance): each rule of "Parsing numbers
// using fixed-position formats" and "text-minimal formats".
func TestNumberParse(t *testing.T) {
	for _, c := range []struct{ format, in, want string }{
		{"999", "  42  ", "42"},   // white space around the value
		{"999", "042", "42"},      // leading zeros ignored
		{"999", "1234", ""},       // more digits than the format
		{"0999", "123", ""},       // a 0 wants its digit
		{"0999", "0123", "123"},   //
		{"99.90", "1.2", ""},      // a trailing 0 too
		{"99.90", "1.20", "1.20"}, //
		{"99.99", "12", "12"},     // the point left out before an empty fraction
		{"99.99", "12.", "12"},    //
		{"99.99", "12.345", ""},   // more fraction digits than the format
		{"9,999,999", "1,234,567", "1234567"},
		{"9,999,999", "1234567", "1234567"}, // separators left out
		{"9,999,999", "12,34567", ""},       // groups not the format's
		{"9,999", "12,345", ""},
		{"99", "- 7", "-7"},           // spaces after the sign
		{"99", "+7", ""},              // the default sign is -
		{"S99", "7", ""},              // S wants a sign
		{"99S", "7-", "-7"},           //
		{"MI99", "- 7", "-7"},         //
		{"99MI", "7", "7"},            // MI: nothing for a positive number
		{"99MI", "7+", "7"},           // or + in lax mode
		{"$999", "$12", "12"},         //
		{"$999", "12", ""},            // $ wants its sign
		{"999_\"kg\"", "12 kg", "12"}, // _ reads optional spaces, "text" itself
		{"999\"kg\"", "12KG", "12"},   // case aside
		{"999\"kg\"", "12 kg", ""},    // no space where the format has none
		{"(999)", "(12)", "12"},       // literal symbols
		{"0X", "0f", "15"},
		{"XXXX", "FFFF", "65535"},
		{"TM9", "-1234.5", "-1234.5"},
		{"TM9", "1e3", ""},
		{"TME", "1.5E-3", "0.0015"},
		{"TME", "15", ""},
		{"TM", "2.5e2", "250"},
		{"TM", "1,234", ""}, // no separators in text-minimal numbers
		{"FM999", "12", "12"},
		{"99", "-0", "0"},
	} {
		pf, err := compileNumberParse(c.format)
		if err != nil {
			t.Errorf("%s: %v", c.format, err)
			continue
		}
		got, err := pf.read(c.in)
		if c.want == "" && err == nil || c.want != "" && (err != nil || got != c.want) {
			t.Errorf("%q with %q: got %q, %v; want %q", c.in, c.format, got, err, c.want)
		}
	}
	for _, f := range []string{"FX999", "B999", "9.99EEEE", "999|9.99", "AUTO", ".99", "99,", "9G", "TM99", "S99S", "X.X", "9X", "$99$", "99$", "abc", "\"x"} {
		if _, err := compileNumberParse(f); err == nil {
			t.Errorf("%s: compiled, want an error", f)
		}
	}
}
