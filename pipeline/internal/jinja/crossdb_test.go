package jinja

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func renderFor(t *testing.T, dialect, src string) (string, error) {
	t.Helper()
	env, err := NewEnv(nil)
	if err != nil {
		t.Fatal(err)
	}
	return env.Render("models/m.sql", src, &Context{Execute: true, Target: Target{Name: "dev", Type: dialect, Schema: "main", Database: "main"}})
}

// Each macro writes what dbt's adapter for the warehouse writes (dbt-adapters'
// global project and the bigquery/snowflake adapters, dbt-duckdb), so the
// model's SQL is the warehouse's and the translator turns it into SQLite.
func TestCrossDBMacrosPerWarehouse(t *testing.T) {
	cases := []struct{ dialect, src, want string }{
		{"bigquery", "{{ dbt.type_string() }}", "string"},
		{"snowflake", "{{ dbt.type_string() }}", "TEXT"},
		{"duckdb", "{{ type_string() }}", "TEXT"},
		{"bigquery", "{{ dbt.type_int() }} {{ dbt.type_float() }} {{ dbt.type_bigint() }} {{ dbt.type_numeric() }}", "INT64 FLOAT64 bigint numeric"},
		{"snowflake", "{{ dbt.type_int() }} {{ dbt.type_float() }} {{ dbt.type_numeric() }} {{ dbt.type_timestamp() }} {{ dbt.type_boolean() }}", "integer float numeric(28,6) timestamp boolean"},
		{"bigquery", "{{ dbt.safe_cast('x', dbt.type_int()) }}", "safe_cast(x as INT64)"},
		// dbt_utils' surrogate key casts to the target's type_string(): BigQuery has no TEXT
		{"bigquery", "{{ dbt_utils.generate_surrogate_key(['a']) }}", "to_hex(md5(cast(coalesce(cast(a as string), '_dbt_utils_surrogate_key_null_') as string)))"},
		{"snowflake", "{{ dbt_utils.generate_surrogate_key(['a']) }}", "md5(cast(coalesce(cast(a as text), '_dbt_utils_surrogate_key_null_') as text))"},
		{"snowflake", "{{ dbt.safe_cast('x', 'int') }}|{{ dbt.safe_cast(5, 'text') }}", "try_cast(x as int)|try_cast('5' as text)"},
		{"duckdb", "{{ dbt.safe_cast('x', 'int') }}", "try_cast(x as int)"},
		{"bigquery", "{{ dbt.datediff('a', 'b', 'day') }}", "datetime_diff(cast(b as datetime), cast(a as datetime), day)"},
		{"snowflake", "{{ dbt.datediff('a', 'b', 'month') }}", "datediff(month, a, b)"},
		{"duckdb", "{{ dbt.datediff(first_date='a', second_date='b', datepart='day') }}", "date_diff('day', a::timestamp, b::timestamp)"},
		{"bigquery", "{{ dbt.dateadd('day', 7, 'ts') }}", "datetime_add(cast(ts as datetime), interval 7 day)"},
		{"snowflake", "{{ dbt.dateadd('hour', -1, 'ts') }}", "dateadd(hour, -1, ts)"},
		{"duckdb", "{{ dbt.dateadd('month', 1, 'ts') }}", "date_add(ts, interval (1) month)"},
		{"bigquery", "{{ dbt.date_trunc('month', 'ts') }}", "timestamp_trunc(cast(ts as timestamp), month)"},
		{"snowflake", "{{ dbt.date_trunc('week', 'ts') }}", "date_trunc('week', ts)"},
		{"snowflake", "{{ dbt.last_day('d', 'month') }}", "cast(dateadd(day, -1, dateadd(month, 1, date_trunc('month', d))) as date)"},
		{"bigquery", "{{ dbt.split_part('s', \"','\", 2) }}|{{ dbt.split_part('s', \"','\", -1) }}", "split(s, ',')[safe_offset(1)]|split(s, ',')[safe_offset(length(s) - length(replace(s, ',', '')) + 1 + -1)]"},
		{"snowflake", "{{ dbt.split_part('s', \"'.'\", 1) }}", "split_part(s, '.', 1)"},
		{"duckdb", "{{ dbt.concat(['a', \"'-'\", 'b']) }}", "a || '-' || b"},
		{"bigquery", "{{ dbt.hash('id') }}", "to_hex(md5(cast(id as string)))"},
		{"snowflake", "{{ dbt.hash('id') }}", "md5(cast(id as TEXT))"},
		{"bigquery", "{{ dbt.listagg('x', \"', '\", 'order by x', 3) }}", "string_agg(x, ', ' order by x limit 3)"},
		{"snowflake", "{{ dbt.listagg('x') }}|{{ dbt.listagg('x', \"'|'\", 'order by y') }}", "listagg(x, ',')|listagg(x, '|') within group (order by y)"},
		{"snowflake", "{{ dbt.any_value('x') }} {{ dbt.bool_or('f') }}", "any_value(x) boolor_agg(f)"},
		{"bigquery", "{{ dbt.current_timestamp_backcompat() }}|{{ dbt.current_timestamp_in_utc_backcompat() }}", "current_timestamp|current_timestamp"},
		{"snowflake", "{{ dbt.current_timestamp_backcompat() }}|{{ dbt.current_timestamp_in_utc_backcompat() }}", "current_timestamp::timestamp|convert_timezone('UTC', current_timestamp::timestamp)::timestamp"},
		{"snowflake", "{{ dbt.snapshot_get_time() }}", "to_timestamp_ntz(convert_timezone('UTC', current_timestamp()))"},
		{"duckdb", "{{ dbt.equals('a.id', 'b.id') }}", "(a.id = b.id)"},
		{"duckdb", "{{ dbt.get_powers_of_two(1) }} {{ dbt.get_powers_of_two(5) }} {{ get_powers_of_two(8) }} {{ dbt.get_powers_of_two(9) }}", "1 3 3 4"},
		{"duckdb", "{{ dbt.run_query is defined and dbt.statement is defined }} {{ dbt.is_incremental() }}", "True False"},
		{"bigquery", "{{ dbt.bool_or('f') }}", "logical_or(f)"},
		{"duckdb", "{{ dbt.bool_or('f') }}", "bool_or(f)"},
		{"bigquery", "{{ dbt.position(\"'@'\", 'email') }}", "strpos(email, '@')"},
		{"snowflake", "{{ dbt.position(\"'@'\", 'email') }}", "position('@' in email)"},
		{"bigquery", "{{ dbt.right('s', 3) }}", "case when 3 = 0 then '' else substr(s, -1 * (3)) end"},
		{"duckdb", "{{ dbt.right('s', 3) }} {{ dbt.length('s') }} {{ dbt.replace('s', \"'a'\", \"'b'\") }}", "right(s, 3) length(s) replace(s, 'a', 'b')"},
		{"bigquery", "{{ dbt.escape_single_quotes(\"it's\") }}", `it\'s`},
		{"duckdb", "{{ dbt.escape_single_quotes(\"it's\") }}", "it''s"},
		{"bigquery", "{{ dbt.string_literal('x') }}", "'''x'''"},
		{"snowflake", "{{ dbt.string_literal('x') }} {{ dbt.cast_bool_to_text('b') }}", "'x' cast(b as TEXT)"},
		{"bigquery", "{{ dbt.array_construct(['1', '2']) }}|{{ dbt.array_construct([], 'string') }}|{{ dbt.array_append('a', '3') }}|{{ dbt.array_concat('a', 'b') }}", "[1, 2]|ARRAY<string>[]|array_concat(a, [3])|array_concat(a, b)"},
		{"snowflake", "{{ dbt.array_construct(['1', '2']) }}|{{ dbt.array_append('a', '3') }}|{{ dbt.array_concat('a', 'b') }}", "array_construct(1, 2)|array_append(a, 3)|array_cat(a, b)"},
		{"bigquery", "{{ dbt.current_timestamp() }}", "current_timestamp()"},
		{"snowflake", "{{ current_timestamp() }}", "convert_timezone('UTC', current_timestamp())"},
		{"duckdb", "{{ dbt.current_timestamp() }}", "now()"},
		{"bigquery", "{{ dbt.date(2024, 2, 9) }}", "date(2024, 2, 9)"},
		{"snowflake", "{{ dbt.date(2024, 2, 9) }}", "to_date('2024-02-09', 'YYYY-MM-DD')"},
		{"bigquery", "{{ dbt.except() }} {{ dbt.intersect() }}", "except distinct intersect distinct"},
		{"bigquery", "{{ adapter.dispatch('datediff', 'dbt')('a', 'b', 'day') }}", "datetime_diff(cast(b as datetime), cast(a as datetime), day)"},
	}
	for _, c := range cases {
		got, err := renderFor(t, c.dialect, c.src)
		if err != nil || got != c.want {
			t.Errorf("%s %s:\n got %q (%v)\nwant %q", c.dialect, c.src, got, err, c.want)
		}
	}
}

// A project macro of the same name wins over dbt's bare macro; dbt.x stays.
func TestCrossDBProjectMacroWins(t *testing.T) {
	env, err := NewEnv([]MacroFile{{Path: "macros/m.sql", Source: "{% macro hash(f) %}mine({{ f }}){% endmacro %}"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := env.Render("models/m.sql", "{{ hash('x') }} {{ dbt.hash('x') }}", &Context{Target: Target{Type: "duckdb"}})
	if err != nil || got != "mine(x) md5(cast(x as TEXT))" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestCrossDBMacroErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{{ dbt.datediff('a', 'b') }}", `dbt.datediff() is missing its argument "datepart" (call dbt.datediff(first_date, second_date, datepart))`},
		{"{{ dbt.dateadd('fortnight', 1, 'x') }}", `dateadd: date part "fortnight" is not one of`},
		{"{{ dbt.hash('a', 'b') }}", "dbt.hash() takes 1 arguments, got 2"},
		{"{{ dbt.hash(fild='a') }}", `dbt.hash() is missing its argument "field"`},
	}
	for _, c := range cases {
		_, err := renderFor(t, "sqlite", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		}
	}
}

// With target.type sqlite the macros write SQLite; run them on real SQLite
// and compare with the answers the warehouses document.
func TestCrossDBMacrosOnSQLite(t *testing.T) {
	db, err := store.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cases := []struct{ expr, want string }{
		{"{{ dbt.datediff(\"'2024-01-31'\", \"'2024-03-01'\", 'month') }}", "2"},
		{"{{ dbt.datediff(\"'2024-12-31 23:00:00'\", \"'2025-01-01 01:00:00'\", 'day') }}", "1"},
		{"{{ dbt.datediff(\"'2024-12-31 23:59:00'\", \"'2025-01-01 00:01:00'\", 'year') }}", "1"},
		{"{{ dbt.datediff(\"'2024-01-01 10:59:00'\", \"'2024-01-01 11:00:00'\", 'hour') }}", "1"},
		{"{{ dbt.datediff(\"'2024-01-07'\", \"'2024-01-08'\", 'week') }}", "1"},
		{"{{ dbt.datediff(\"'2024-01-08'\", \"'2024-01-14'\", 'week') }}", "0"},
		{"{{ dbt.datediff(\"'2024-03-31'\", \"'2024-04-01'\", 'quarter') }}", "1"},
		{"{{ dbt.dateadd('day', 7, \"'2024-02-25'\") }}", "2024-03-03 00:00:00"},
		{"{{ dbt.dateadd('month', 1, \"'2024-01-15 08:30:00'\") }}", "2024-02-15 08:30:00"},
		{"{{ dbt.dateadd('quarter', -1, \"'2024-05-10'\") }}", "2024-02-10 00:00:00"},
		{"{{ dbt.date_trunc('month', \"'2024-05-17 13:45:00'\") }}", "2024-05-01"},
		{"{{ dbt.date_trunc('week', \"'2024-05-19'\") }}", "2024-05-13"},
		{"{{ dbt.date_trunc('quarter', \"'2024-05-19'\") }}", "2024-04-01"},
		{"{{ dbt.date_trunc('hour', \"'2024-05-19 13:45:10'\") }}", "2024-05-19 13:00:00"},
		{"{{ dbt.last_day(\"'2024-02-10'\", 'month') }}", "2024-02-29"},
		{"{{ dbt.last_day(\"'2024-02-10'\", 'year') }}", "2024-12-31"},
		{"{{ dbt.right(\"'abcdef'\", 2) }}", "ef"},
		{"{{ dbt.right(\"'abcdef'\", 0) }}", ""},
		{"{{ dbt.position(\"'@'\", \"'a@b'\") }}", "2"},
		{"{{ dbt.concat([\"'a'\", \"'-'\", \"'b'\"]) }}", "a-b"},
		{"{{ dbt.safe_cast(\"'12'\", dbt.type_int()) }} + 1", "13"},
		{"{{ dbt.string_literal(dbt.escape_single_quotes(\"it's\")) }}", "it's"},
		{"{{ dbt.array_concat(dbt.array_append(dbt.array_construct(['1', '2']), '3'), dbt.array_construct(['4'])) }}", "[1,2,3,4]"},
		{"{{ dbt.date(2024, 2, 9) }}", "2024-02-09"},
		{"(select {{ dbt.listagg('v', \"'|'\", 'order by v desc') }} from (select 'a' as v union all select 'c' union all select 'b'))", "c|b|a"},
		{"(select {{ dbt.bool_or('f') }} from (select 0 as f union all select 1 union all select null))", "1"},
		{"(select {{ dbt.any_value('v') }} from (select 'x' as v union all select 'x'))", "x"},
		{"length({{ dbt.current_timestamp() }})", "19"},
	}
	for _, c := range cases {
		expr, err := renderFor(t, "sqlite", c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		q, err := db.Query(context.Background(), "select "+expr, 0)
		if err != nil {
			t.Errorf("%s -> %s: %v", c.expr, expr, err)
			continue
		}
		got := ""
		if v := q.Rows[0][0]; v != nil {
			got = fmt.Sprint(v)
		}
		if got != c.want {
			t.Errorf("%s -> %s = %q, want %q", c.expr, expr, got, c.want)
		}
	}
}
