package dialect

import (
	"reflect"
	"testing"
)

// DuckDB's DECIMAL results are rounded back to the scale DuckDB gives
// them; the values are checked on DuckDB itself in sqlfunc's conformance
// table.
func TestDuckDBDecimalScales(t *testing.T) {
	expectTranslated(t, duckdb, "select 0.1 + 0.2, 1.25 * 0.3, 1.5 - 2, 10.25 % 3 from t",
		"select round_scale(0.1 + 0.2, 1), round_scale(1.25 * 0.3, 3), round_scale(1.5 - 2, 1), round_scale(modulo(10.25, 3, 'duckdb', 1, 2), 2) from t")
	expectTranslated(t, duckdb, "select 1 + 2, a + 0.5, 1.5 / 3 from t", "select 1 + 2, a + 0.5, 1.5 / 3 from t")
	// an integer beside a DECIMAL in a conditional is written with the scale
	expectRows(t, duckdb, "with c as (select 7 as i) select concat('a', coalesce(i, 0.10)), concat('a', coalesce(i, 1.5::double)) from c", "a7.00|a7.0")
	// a column of VALUES has the largest scale of its rows
	expectTranslated(t, duckdb, "select sum(x), avg(x), round(x, 1), round(x), round(x, -1) from (values (1.25), (2.5)) v(x) group by x",
		"select round_scale(sum(x), 2), decimal_avg(x, 2), round_scale(x, 1), round_scale(x, 0), round_duckdb(x, -1) from (WITH _nexus_cols1(x) AS (values (1.25), (2.5)) SELECT * FROM _nexus_cols1) AS v group by x")
	expectTranslated(t, duckdb, "with o as (select 1 as id, 10.5 as amount) select coalesce(sum(amount), 0), case when id > 1 then amount else 0 end from o group by id, amount",
		"with o as (select 1 as id, 10.5 as amount) select round_scale(coalesce(round_scale(sum(amount), 1), 0), 1), round_scale(case when id > 1 then amount else 0 end, 1) from o group by id, amount")
	expectTranslated(t, duckdb, "select coalesce(10 / b, 0), coalesce(a / b, 0), coalesce(a, 0) from t", "select CAST(coalesce(divide(10, b, 'duckdb', 1), 0) AS REAL), coalesce(divide(a, b, 'duckdb', 1), 0), coalesce(a, 0) from t")
	expectTranslated(t, duckdb, "select 7.5 // 2, 7 // 2, a // b from t", "select 7.5 / 2, 7 / 2, divide_whole(a, b, 2, 1) from t")
	expectTranslated(t, duckdb, "select x - lag(x) over (order by x), lead(x, 1, 0) over (order by x) from (select 1.5 as x)",
		"select round_scale(x - lag(x) over (order by x NULLS LAST), 1), round_scale(lead(x, 1, 0) over (order by x NULLS LAST), 1) from (select 1.5 as x)")
	// median and quantile_cont of a DECIMAL keep its scale, an INTEGER's is a DOUBLE
	expectTranslated(t, duckdb, "select median(x), quantile_cont(x, 0.25), median(n) over () from (select 1.25 as x, 2 as n) group by n",
		"select median_decimal(x, 2), quantile_cont_decimal(x, 0.25, 2), median_of(n) over () from (select 1.25 as x, 2 as n) group by n")
	// the scale goes after a rounded argument, whichever is rewritten first
	expectTranslated(t, duckdb, "select avg(a - coalesce(b, 0)) over (order by a), median(a - b) from (select 1.50 as a, 2.25 as b) group by a, b",
		"select decimal_avg(round_scale(a - round_scale(coalesce(b, 0), 2), 2), 2) over (order by a NULLS LAST), median_decimal(round_scale(a - b, 2), 2) from (select 1.50 as a, 2.25 as b) group by a, b")
	// a FLOAT rounded stays a FLOAT
	expectTranslated(t, duckdb, "select round(f, 2), round(f * 2) from (select 0.934::float as f)",
		"select to_float32(round_duckdb(f, 2)), to_float32(round_duckdb(to_float32(f * 2))) from (select to_float32(cast_to('0.934', 'REAL', 'duckdb', 1)) as f)")
	// an INTEGER or DECIMAL compared with a FLOAT is rounded to 32 bits; a DOUBLE widens the FLOAT
	expectTranslated(t, duckdb, "select f > 1.1, f between 1 and 1.1, f in (1.1, 2), f > 1.1::double from (select 1.1::float as f)",
		"select f > to_float32(1.1), f between to_float32(1) and to_float32(1.1), f in (to_float32(1.1), to_float32(2)), f > cast_to('1.1', 'REAL', 'duckdb', 1) from (select to_float32(cast_to('1.1', 'REAL', 'duckdb', 1)) as f)")
	// a DATE beside a timestamp is that timestamp
	expectTranslated(t, duckdb, "select coalesce(ts, current_date), case when ts is null then d else ts end from (select '2024-01-01 10:00'::timestamp as ts, date '2024-02-01' as d)",
		"select coalesce(ts, cast_to(date('now'), 'DATETIME', 'duckdb', 1)), case when ts is null then cast_to(d, 'DATETIME', 'duckdb', 1) else ts end from (select cast_to('2024-01-01 10:00', 'DATETIME', 'duckdb', 1) as ts, date('2024-02-01') as d)")
	// percentile_cont WITHIN GROUP of a DECIMAL keeps its scale too
	expectTranslated(t, duckdb, "select percentile_cont(0.5) within group (order by x desc) + 1, percentile_cont(0.5) within group (order by n) from (select 1.25 as x, 2 as n)",
		"select round_scale(quantile_cont_decimal(x, 1 - (0.5), 2) + 1, 2), quantile_cont_of(n, 0.5) from (select 1.25 as x, 2 as n)")
	// a DECIMAL cast to an integer rounds halves away from zero, a DOUBLE to even
	expectTranslated(t, duckdb, "select x::int, try_cast(x as bigint), (x * 1.0)::int, n::int from (select 2.5 as x, 2.5::double as n)",
		"select integer_in_range(cast_to(round_scale(x, 0), 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), try_cast(round_scale(x, 0), 'INTEGER', 'duckdb'), integer_in_range(cast_to(round_scale((round_scale(x * 1.0, 2)), 0), 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), integer_in_range(cast_to(n, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1) from (select 2.5 as x, cast_to('2.5', 'REAL', 'duckdb', 1) as n)")
	// Snowflake's scales are its own (TestSnowflakeArithmeticScales)
}

// A DOUBLE or FLOAT as text is written as DuckDB writes it; a FLOAT is 32
// bits.
func TestDuckDBNumberText(t *testing.T) {
	expectTranslated(t, duckdb, "select (1 / 3)::varchar, 2.50::varchar, 1e20 || 'x', 3::varchar from t",
		"select double_text((CAST(1 AS REAL) / 3)), decimal_text(2.50, 2), double_text(1e20) || 'x', CAST(3 AS TEXT) from t")
	expectTranslated(t, duckdb, "select concat('a', 2.50, 1 / 4, 3), concat_ws(1.5, 'a', 1.5) from t",
		"select concat('a', decimal_text(2.50, 2), double_text(CAST(1 AS REAL) / 4), 3), concat_ws(1.5, 'a', decimal_text(1.5, 1)) from t")
	expectTranslated(t, duckdb, "select string_agg(x, ',') from (select 2.50 as x)", "select group_concat(decimal_text(x, 2), ',') from (select 2.50 as x)")
	// a value of unknown type: a real is taken for a DOUBLE when it runs
	expectTranslated(t, duckdb, "select a::varchar, 'a'::varchar, (a = 1)::varchar from t",
		"select cast_to(a, 'TEXT', 'duckdb', 1), CAST('a' AS TEXT), CASE WHEN (a = 1) THEN 'true' WHEN NOT (a = 1) THEN 'false' END from t")
	expectTranslated(t, duckdb, "select a::float / 3, a::double / 3 from t",
		"select to_float32(to_float32(CAST(cast_to(a, 'REAL', 'duckdb', 1) AS REAL)) / 3), CAST(cast_to(a, 'REAL', 'duckdb', 1) AS REAL) / 3 from t")
}

// A model's number columns carry their DuckDB types to the models reading
// it, so a sum over a staging model's DECIMAL column stays exact.
func TestDuckDBNumberTypesOfTables(t *testing.T) {
	o := testOptions(duckdb)
	_, types, err := TranslateTyped("select id, (cents / 100)::decimal(16, 2) as amount, count(*) / 100 as ratio, 1.5::float as f, name from raw", o)
	want := map[string]string{"amount": "NUMBER DECIMAL 2", "ratio": "NUMBER REAL", "f": "NUMBER FLOAT"}
	if err != nil || !reflect.DeepEqual(types, want) {
		t.Fatalf("output types %v, %v; want %v", types, err, want)
	}
	o.Types = func(schema, table string) map[string]string {
		if table == "stg" {
			return types
		}
		return nil
	}
	got, _, err := TranslateTyped("select sum(amount), coalesce(ratio, 0), amount::varchar from main.stg", o)
	if out := "select round_scale(sum(amount), 2), CAST(coalesce(ratio, 0) AS REAL), decimal_text(amount, 2) from main.stg"; err != nil || got != out {
		t.Errorf("got %q, %v; want %q", got, err, out)
	}
}

// A seed's column_types give its number columns their DuckDB types.
func TestDuckDBDeclaredNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"decimal(10, 2)": "NUMBER DECIMAL 2", "NUMERIC(12,4)": "NUMBER DECIMAL 4", "decimal": "NUMBER DECIMAL 3",
		"decimal(10, 0)": "NUMBER INTEGER", "bigint": "NUMBER INTEGER", "double": "NUMBER REAL", "float": "NUMBER FLOAT",
		"varchar": TypeText, "boolean": TypeBool, "date": TypeDate,
	} {
		if got := StaticType(DuckDB, in); got != want {
			t.Errorf("StaticType(duckdb, %q) = %q; want %q", in, got, want)
		}
	}
	// BigQuery's seed numbers are INT64 or FLOAT64, as dbt-bigquery loads them
	for in, want := range map[string]string{"int64": "NUMBER INTEGER", "FLOAT64": "NUMBER REAL", "string": ""} {
		if got := StaticType(BigQuery, in); got != want {
			t.Errorf("StaticType(bigquery, %q) = %q; want %q", in, got, want)
		}
	}
	// Snowflake's is its own (TestStaticTypeSnowflakeNumber)
	if got := StaticType(Snowflake, "decimal(10, 2)"); got != typeDecimal+"2" {
		t.Errorf("StaticType(snowflake, decimal(10, 2)) = %q; want %q", got, typeDecimal+"2")
	}
}

// An INTEGER in a column DuckDB types as a DECIMAL or a DOUBLE is a real,
// as DuckDB gives it (1.0, not 1).
func TestDuckDBRealColumns(t *testing.T) {
	expectTranslated(t, duckdb, "select 1 as a, 'x' as b union all select 2.5, 'y' union all select 3, 'z'",
		"select CAST(1 AS REAL) as a, 'x' as b union all select 2.5, 'y' union all select CAST(3 AS REAL), 'z'")
	expectTranslated(t, duckdb, "select * from (values (1, 2), (2.5, 3))", "select * from (SELECT column1 AS col0, column2 AS col1 FROM (values (CAST(1 AS REAL), 2), (2.5, 3)))")
	expectTranslated(t, duckdb, "select 1 as a union all select 2", "select 1 as a union all select 2")
	expectTranslated(t, snowflake, "select 1 as a union all select 2.5", "select 1 as a union all select 2.5")
}

// BigQuery's NUMERIC arithmetic gives a NUMERIC, rounded to its 9 digits,
// and a model's NUMERIC columns stay NUMERICs for the models reading them.
func TestBigQueryNumericArithmetic(t *testing.T) {
	expectTranslated(t, bigquery, "select numeric '5' / 3, 5 / 3, numeric '1' / 3.0", "select round_scale(CAST((5) AS REAL) / 3, 9), CAST(5 AS REAL) / 3, CAST((1) AS REAL) / 3.0")
	expectTranslated(t, bigquery, "select avg(cast(a as numeric)), sum(b) from t", "select round_scale(avg(decimal_fits(round_scale(cast_to(a, 'REAL', 'bigquery', 1), 9), 38, 9, 1)), 9), sum(b) from t")
	o := testOptions(bigquery)
	o.Types = func(schema, table string) map[string]string {
		return map[string]string{"d": typeNumber + numericType}
	}
	// n's type is not known: an INT64 or a FLOAT64
	got, types, err := TranslateTyped("select d / n as q, d * 2 as r, d * 1.5 as f from main.s", o)
	if want := "select divide(d, n, 'bigquery', 1) as q, round_scale(d * 2, 9) as r, d * 1.5 as f from main.s"; err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	if want := map[string]string{"r": typeNumber + numericType, "f": typeNumber + "REAL"}; !reflect.DeepEqual(types, want) {
		t.Errorf("output types %v, want %v", types, want)
	}
}
