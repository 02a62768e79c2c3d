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
