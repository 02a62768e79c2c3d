package sqlfunc

import "testing"

// Number formats beyond the documented examples (testdata/conformance),
// with the answers of GoogleSQL's own tests of CAST ... FORMAT (and RN's
// test there that waits for RN to be written, FMRN of 12 is XII).
func TestNumberFormatLayout(t *testing.T) {
	for _, c := range []struct{ x, format, want string }{
		{"12.3", "99.99", " 12.30"},
		{"-1234567.89", "999,999.999", "-###,###.###"},
		{"1234.56", "9,9g9,9g.99", " 1,2,3,4,.56"},
		{"0.399", ".99", " .40"},
		{"0.999", ".9", " .#"},
		{"9.99", "9", " #"},
		{"9.99", "9eeee", " 1e+01"},
		{"123", "9d99EEEE", " 1.23E+02"},
		{"0.0123", "9d99EEEE", " 1.23E-02"},
		{"123", "090999.99EEEE", " 1.23E+02"},
		{"0", "0.00EEEE", " 0.00E+00"},
		{"123", ".99EEEE", " .######"},
		{"0", ".99EEEE", " .00E+00"},
		{"199", "9999EEEE", " 2E+02"},
		{"1.2", "090.000", " 001.200"},
		{"0.12", "999.999", "    .120"},
		{"0.12", "000.000", " 000.120"},
		{"1", "90909", "  0001"},
		{"-0.1", "99.99", "  -.10"},
		{"-0.1", "90.99", " -0.10"},
		{"-0.1", "00.99", "-00.10"},
		{"0", "999.999", "    .000"},
		{"0", "999", "   0"},
		{"0", "99.", "  0."},
		{"12", "99V99", " 1200"},
		{"12", "9V99", " ###"},
		{"0.1", "V99", " 10"},
		{"0.1", "0V99", " 010"},
		{"0", "B99V99", "     "},
		{"12", "999PR", "  12 "},
		{"-7", "S999", "  -7"},
		{"123.4", "999.99S", "123.40+"},
		{"-123.4", "9.9999eeeeS", "1.2340e+02-"},
		{"12", "S$9999", "  +$12"},
		{"-12", "C9999PR", "  <USD12>"},
		{"-123.4", "C9.9999eeeePR", "<USD1.2340e+02>"},
		{"0.1", "B$9,99.99", "         "},
		{"0.1", "BC9,99.99", "           "},
		{"-0.1", "B99.99EEEE", "-1.00E-01"},
		{"0.1", "FMB99.99", ""},
		{"-12.3", "FML9999.99", "-$12.3"},
		{"-123", "FM99999S", "123-"},
		{"0.1", "FMBL9V99PR", ""},
		{"171", "XXXX", "   AB"},
		{"-123", "XXXX", "  -7B"},
		{"123.456", "XXXX", "   7B"},
		{"123.567", "XXXX", "   7C"},
		{"2147483647", "XXXX", " ####"},
		{"43981", "xXxX", " aBcD"},
		{"43981", "00xX", " abcD"},
		{"43981", "00x0", " abcD"},
		{"43981", "x000", " aBCD"},
		{"2147483647", "XXXXXXXX", " 7FFFFFFF"},
		{"-2147483648", "XXXXXXXX", "-80000000"},
		{"18446744073709551615", "XXXXXXXXXXXXXXXX", " FFFFFFFFFFFFFFFF"},
		{"-18446744073709551615", "XXXXXXXXXXXXXXXX", "-FFFFFFFFFFFFFFFF"},
		{"18446744073709551616", "XXXXXXXXXXXXXXXX", " ################"},
		{"-18446744073709551616", "XXXXXXXXXXXXXXXX", "-################"},
		{"123", "SXXXX", "  +7B"},
		{"-123", "SXXXX", "  -7B"},
		{"123", "XXXXMI", "  7B "},
		{"-123", "XXXXMI", "  7B-"},
		{"123", "XXXXPR", "   7B "},
		{"-123", "XXXXPR", "  <7B>"},
		{"123", "FMSXXXX", "+7B"},
		{"123", "FMXXXXMI", "7B"},
		{"-123", "FMSXXXX", "-7B"},
		{"-123", "FMXXXXPR", "<7B>"},
		{"12", "FMRN", "XII"},
		{"3999", "RN", "      MMMCMXCIX"},
	} {
		nf, err := compileNumberFormat(c.format)
		if err != nil {
			t.Errorf("%s: %v", c.format, err)
			continue
		}
		abs, neg := c.x, c.x[0] == '-'
		if neg {
			abs = abs[1:]
		}
		if got, err := nf.format(abs, neg); got != c.want || err != nil {
			t.Errorf("%s as %s: got %q, %v; want %q", c.x, c.format, got, err, c.want)
		}
	}
	for _, f := range []string{"EEEE", "9EEEEEEEE", "9.9EEEE99", "9,99EEEE", "99SEEEE", "99MIEEEE", "MI99", "9.9.9", "99.9,9", "$$9", "FMFM9", "99S9", "S99S", "TM", "RN9", "rn", "X,", "XEEEE", "99X", "X.XX", "0G0X", "$XXX", "XBXX", "XSX", "XXXXXXXXXXXX0XXXX", "0000000000000000X"} {
		if _, err := compileNumberFormat(f); err == nil {
			t.Errorf("%s: compiled, want an error", f)
		}
	}
}
