package jinja

import (
	"strings"
	"testing"
)

// Operators Python refuses on datetime values fail with Python's TypeError
// text and the template line; the values Python computes are checked
// against Jinja2 by the datetime_arithmetic golden case.
func TestDatetimeOperatorErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{{ modules.datetime.date(2024, 1, 1) < modules.datetime.datetime(2024, 1, 1) }}", "TypeError: can't compare datetime.date to datetime.datetime"},
		{"{{ modules.datetime.date(2024, 1, 1) - '2023-01-01' }}", "TypeError: unsupported operand type(s) for -: 'datetime.date' and 'str'"},
		{"{{ modules.datetime.datetime(2024, 1, 1) - modules.datetime.date(2024, 1, 1) }}", "TypeError: unsupported operand type(s) for -: 'datetime.datetime' and 'datetime.date'"},
		{"{{ modules.datetime.date(2024, 1, 1) + modules.datetime.date(2024, 1, 1) }}", "TypeError: unsupported operand type(s) for +: 'datetime.date' and 'datetime.date'"},
		{"{{ modules.datetime.timedelta(days=1) > 3 }}", "TypeError: '>' not supported between instances of 'datetime.timedelta' and 'int'"},
		{"{{ run_started_at < modules.datetime.datetime(2024, 1, 1) }}", "TypeError: can't compare offset-naive and offset-aware datetimes"},
		{"\n{{ run_started_at - modules.datetime.datetime(2024, 1, 1) }}", "TypeError: can't subtract offset-naive and offset-aware datetimes"},
		{"{{ -'x' }}", "TypeError: bad operand type for unary -: 'str'"},
		{"{{ 'x' * modules.datetime.timedelta(days=1) }}", "TypeError: unsupported operand type(s) for *: 'str' and 'datetime.timedelta'"},
	}
	for _, c := range cases {
		_, err := renderFor(t, "duckdb", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant an error with %q", c.src, err, c.want)
		}
	}
	// An aware datetime moves with a timedelta and compares with another.
	got, err := renderFor(t, "duckdb", "{{ run_started_at - modules.datetime.timedelta(days=1) < run_started_at }}|{{ (run_started_at - (run_started_at - modules.datetime.timedelta(hours=2))).total_seconds() }}")
	if err != nil || got != "True|7200.0" {
		t.Errorf("aware datetimes: %q %v", got, err)
	}
}

// Python's ints have no bound; here they have 64 bits, and a result beyond
// them fails with a message naming the file and line, where + - * and
// unary minus wrapped around.
func TestIntOverflowFails(t *testing.T) {
	env, err := NewEnv(nil)
	if err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		"{{ 9223372036854775807 + 1 }}":        "9223372036854775807 + 1 does not fit in a 64-bit integer",
		"{{ -9223372036854775807 - 2 }}":       "-9223372036854775807 - 2 does not fit in a 64-bit integer",
		"{{ 2 ** 62 * 4 }}":                    "4611686018427387904 * 4 does not fit in a 64-bit integer",
		"{{ -(-9223372036854775807 - 1) }}":    "-(-9223372036854775808) does not fit in a 64-bit integer",
		"{{ 2 ** 100 }}":                       "2 ** 100 does not fit in a 64-bit integer",
		"{{ [9223372036854775807, 1] | sum }}": "does not fit in a 64-bit integer",
	} {
		out, err := env.Render("models/m.sql", "\n"+src, &Context{})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "models/m.sql:2") {
			t.Errorf("%s: got %q, %v; want an error at models/m.sql:2 with %q", src, out, err, want)
		}
	}
	// the largest ints still compute
	got, err := env.Render("models/m.sql", "{{ 9223372036854775806 + 1 }}|{{ -9223372036854775807 - 1 }}|{{ 3037000499 * 3037000499 }}|{{ 2 ** 62 + (2 ** 62 - 1) }}", &Context{})
	if want := "9223372036854775807|-9223372036854775808|9223372030926249001|9223372036854775807"; err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}
