package jinja

import (
	"regexp"
	"strings"
	"testing"
)

// dbt's Python helpers answer as Python does (expected values are Python 3's).
func TestModulesAndAPI(t *testing.T) {
	cases := []struct{ dialect, src, want string }{
		{"duckdb", "{{ modules.datetime.datetime(2024, 3, 5, 7, 8, 9).strftime('%Y-%m-%d %H:%M:%S %j %a %b') }}", "2024-03-05 07:08:09 065 Tue Mar"},
		{"duckdb", "{{ modules.datetime.date(2024, 2, 9) }}|{{ modules.datetime.datetime(2024, 2, 9, 1, 2, 3) }}", "2024-02-09|2024-02-09 01:02:03"},
		{"duckdb", "{{ modules.datetime.datetime.strptime('2024-05-06', '%Y-%m-%d').isoformat() }}", "2024-05-06T00:00:00"},
		{"duckdb", "{{ modules.datetime.datetime.fromisoformat('2024-05-06T10:11:12').hour }}", "10"},
		{"duckdb", "{{ modules.datetime.timedelta(days=1, hours=2) }}|{{ modules.datetime.timedelta(hours=3).total_seconds() }}", "1 day, 2:00:00|10800.0"},
		{"duckdb", "{{ modules.datetime.datetime.now().year > 2000 }}", "True"},
		{"duckdb", "{{ modules.re.search('(\\d+)-(\\d+)', 'ab 12-34').group(2) }}|{{ modules.re.match('\\d', 'a1') is none }}", "34|True"},
		{"duckdb", "{{ modules.re.sub('(\\w+)@(\\w+)', '\\\\2 at \\\\1', 'me@host') }}|{{ modules.re.findall('\\d', 'a1b2') | join(',') }}", "host at me|1,2"},
		{"duckdb", "{{ modules.re.split('[,;]', 'a,b;c') | join('|') }}|{{ modules.re.search('ABC', 'xabc', modules.re.I).group(0) }}", "a|b|c|abc"},
		{"duckdb", "{{ modules.re.compile('^[a-z_]+$').match('snake_case') is not none }}|{{ modules.re.escape('a.b') }}", "True|a\\.b"},
		{"duckdb", "{{ modules.itertools.chain([1, 2], [3]) | join(',') }}|{{ modules.itertools.product(['a', 'b'], [1, 2]) | map('join', '') | join(',') }}|{{ modules.itertools.combinations([1, 2, 3], 2) | length }}", "1,2,3|a1,a2,b1,b2|3"},
		{"bigquery", "{{ api.Column.translate_type('string') }} {{ api.Column.translate_type('integer') }} {{ api.Column.numeric_type('numeric', 28, 6) }}", "string INT64 numeric"},
		{"snowflake", "{{ api.Column.translate_type('string') }} {{ api.Column.numeric_type('numeric', 28, 6) }} {{ api.Column.string_type(10) }}", "TEXT numeric(28,6) character varying(10)"},
		{"duckdb", "{% set c = api.Column.create('Email Address', 'varchar') %}{{ c.name }}|{{ c.data_type }}|{{ c.quoted }}|{{ c.is_string() }}|{{ c.is_number() }}", `Email Address|varchar|"Email Address"|True|False`},
		{"duckdb", "{{ set([1, 2, 1, 3, 2]) | length }}|{{ 2 in set([1, 2]) }}", "3|True"},
		{"duckdb", "{{ modules.datetime.datetime(2024, 1, 31, 10, 5).replace(day=29, month=2, hour=0, minute=0) }}|{{ modules.datetime.date(2024, 3, 5).replace(year=2023) }}|{{ modules.datetime.datetime.today().year > 2000 }}|{{ modules.datetime.date(2024, 3, 10).isoweekday() }}",
			"2024-02-29 00:00:00|2023-03-05|True|7"},
		// pytz: a zone as tzinfo= takes its first offset, local mean time to the minute; localize() the offset in force
		{"duckdb", "{{ modules.datetime.datetime(1997, 9, 29, 6, 14, 0, tzinfo=modules.pytz.timezone('America/Los_Angeles')) }}|{{ modules.pytz.timezone('Europe/Paris').localize(modules.datetime.datetime(2024, 7, 1, 12)) }}|{{ modules.pytz.utc }}|{{ modules.datetime.datetime(2020, 1, 1, tzinfo=modules.pytz.utc) }}",
			"1997-09-29 06:14:00-07:53|2024-07-01 12:00:00+02:00|UTC|2020-01-01 00:00:00+00:00"},
		{"duckdb", "{{ fromyaml('a: 1\\nb: [x, y]\\n').b[1] }}|{{ toyaml({'k': 'v'}) | trim }}", "y|k: v"},
		// dbt's toyaml keeps a dict's order (sort_keys=False), unless asked
		{"duckdb", "{{ toyaml({'b': 1, 'a': [2, 3]}) | replace('\\n', ';') }}|{{ toyaml({'b': 1, 'a': 2}, sort_keys=true) | replace('\\n', ';') }}", "b: 1;a:;- 2;- 3;|a: 2;b: 1;"},
		// fromjson and fromyaml keep the written key order, as Python's loaders; a JSON number with a point is a float
		{"duckdb", `{{ fromyaml("b: 1\na: 2") }}|{{ fromjson('{"b": 1, "a": 2.0, "c": [1e2, 3]}') }}|{{ fromyaml("") }}|{{ fromjson("bad", "dflt") }}`, "{'b': 1, 'a': 2}|{'b': 1, 'a': 2.0, 'c': [100.0, 3]}|None|dflt"},
		// a document indented as a whole (a {% set %} block's body) reads as its lines say
		{"duckdb", "{% set y %}\n    a:\n        - x\n    b: \n        - y\n{% endset %}{{ fromyaml(y) }}", "{'a': ['x'], 'b': ['y']}"},
		// local_md5 is md5's hex digest; itertools yields tuples
		{"duckdb", `{{ local_md5("abc") }}|{{ modules.itertools.product([1, 2], ["a"])|list }}|{{ modules.itertools.combinations([1, 2, 3], 2)|list }}`, "900150983cd24fb0d6963f7d28e17f72|[(1, 'a'), (2, 'a')]|[(1, 2), (1, 3), (2, 3)]"},
		{"duckdb", "{{ env_var('NEXUS_TEST_UNSET_VAR', 'fallback') }}|{{ env_var('NEXUS_TEST_SET_VAR') }}", "fallback|from-env"},
	}
	t.Setenv("NEXUS_TEST_SET_VAR", "from-env")
	for _, c := range cases {
		got, err := renderFor(t, c.dialect, c.src)
		if err != nil || got != c.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", c.src, got, err, c.want)
		}
	}
	got, err := renderFor(t, "duckdb", "{{ invocation_id }}|{{ run_started_at.strftime('%Y') }}|{{ run_started_at }}")
	if err != nil || !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\|20\d\d\|20\d\d-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00$`).MatchString(got) {
		t.Errorf("invocation_id and run_started_at: %q %v", got, err)
	}
	_, err = renderFor(t, "duckdb", "{{ env_var('NEXUS_TEST_UNSET_VAR') }}")
	if err == nil || !regexp.MustCompile(`env_var "NEXUS_TEST_UNSET_VAR" is not set .*env_var\('NEXUS_TEST_UNSET_VAR', 'value'\)`).MatchString(err.Error()) {
		t.Errorf("unset env_var: %v", err)
	}
}

// TestRegexLookaroundRefusals: lookarounds RE2 cannot be run around are
// refused with the reason, never answered differently from Python.
func TestRegexLookaroundRefusals(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{{ modules.re.findall('a(?!b)', 'ac') }}`, `negative lookahead (?!...) is not supported`},
		{`{{ modules.re.findall('(?<!x)^a', 'a') }}`, `the pattern beside its lookarounds ^a holds ^`},
		{`{{ modules.re.findall('(?<=x\\b)a', 'xa') }}`, `the lookbehind x\b holds \b`},
		{`{{ modules.re.findall('a(?=b)c(?=d)', 'abcd') }}`, `no lookarounds or backreferences`},
		{`{{ modules.re.findall('(a)\\1', 'aa') }}`, `no lookarounds or backreferences`},
	}
	for _, tc := range tests {
		_, err := renderFor(t, "duckdb", tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.src, err, tc.want)
		}
	}
}
