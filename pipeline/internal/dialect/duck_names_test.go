package dialect

import "testing"

// With ItemNames (a model's query), a DuckDB select item without an alias
// is named as DuckDB names it, not by the translated SQL; the oracle's
// duck_names project checks the names against DuckDB itself.
func TestDuckItemNames(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"select count(*) from t", `select count(*) AS "count_star()" from t`},
		{"select nanosecond(ts) from t", `select (datetime_part_duckdb('microsecond', ts) * 1000) AS "nanosecond(ts)" from t`},
		{"select id, t.name, id + 1, upper(name) from t", `select id, t.name, date_arith(id, 1, '+', 1) AS "(id + 1)", upper_duckdb(name) AS "upper(""name"")" from t`},
		{"select left(name, 1), x::int, price::decimal(10,2), name::text from t",
			`select left_duckdb(name, 1) AS """left""(""name"", 1)", integer_in_range(cast_to(x, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1) AS "CAST(x AS INTEGER)", ` +
				`decimal_fits(round_scale(cast_to(price, 'REAL', 'duckdb', 1), 2), 10, 2, 1) AS "CAST(price AS DECIMAL(10, 2))", cast_to(name, 'TEXT', 'duckdb', 1) AS "CAST(""name"" AS text)" from t`},
		{"select a = 1 and b is not null or c, case when a then 1 end from t",
			`select a = 1 and b is not null or c AS "(((a = 1) AND (b IS NOT NULL)) OR c)", case when a then 1 end AS "CASE  WHEN (a) THEN (1) ELSE NULL END" from t`},
		// a name taken twice is name_1 the second time, as in DuckDB
		{"select upper(a), upper(a) from t", `select upper_duckdb(a) AS "upper(a)", upper_duckdb(a) AS "upper(a)_1" from t`},
		// windows as DuckDB prints them: a named window is its
		// definition, the default frame left out, a frame always BETWEEN
		{"select row_number() over (order by id), sum(x) over w, count(*) over (w order by id rows 2 preceding) from t window w as (partition by g)",
			`select row_number() over (order by id NULLS LAST) AS "row_number() OVER (ORDER BY id)", duck_sum(x) over w AS "sum(x) OVER (PARTITION BY g)", ` +
				`count(*) over (w order by id NULLS LAST rows 2 preceding) AS "count() OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)" from t window w as (partition by g)`},
		{"select first_value(x ignore nulls) over (order by id desc nulls first range between unbounded preceding and current row) from t",
			`select first_value_ignore_nulls(x ) over (order by id desc nulls first range between unbounded preceding and current row) AS "first_value(x IGNORE NULLS) OVER (ORDER BY id DESC NULLS FIRST)" from t`},
		// FILTER, an aggregate's ORDER BY, WITHIN GROUP
		{"select count(*) filter (where a > 1), string_agg(b, ',' order by a desc), percentile_cont(0.5) within group (order by a) from t",
			`select count(*) filter (where a > 1) AS "count_star() FILTER (WHERE (a > 1))", group_concat(b, ',' order by a desc NULLS LAST) AS "string_agg(b, ',' ORDER BY a DESC)", ` +
				`quantile_cont_of(a, 0.5) AS "quantile_cont(0.5 ORDER BY a)" from t`},
		// intervals are calls of to_days ..., EXTRACT is date_part
		{"select d + interval 3 month, interval '2 hours', extract(year from d), extract(dow from d) from t",
			`select datetime_add_to_timestamp(d, 3, 'month') AS "(d + to_months(CAST(trunc(CAST(3 AS DOUBLE)) AS INTEGER)))", interval_of('2 hours') AS "CAST('2 hours' AS INTERVAL)", ` +
				`datetime_part_duckdb('year', d) AS "date_part('YEAR', d)", datetime_part_duckdb('dow', d) AS "date_part('dow', d)" from t`},
		// lists, structs and lambdas: list_value, struct_pack, (lambda x: e)
		{"select [a, 1], {'k': a, 'p q': 1}, list_filter(l, lambda x: x > 1) from t",
			`select json_array(a, 1) AS "list_value(a, 1)", json_object('k', a, 'p q', 1) AS "struct_pack(k := a, ""p q"" := 1)", ` +
				`json((SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT json_group_array(CASE WHEN _nexus_t IN ('array', 'object') THEN json(x) ELSE x END ORDER BY _nexus_i) FILTER (WHERE x > 1) ` +
				`FROM (SELECT key AS _nexus_i, type AS _nexus_t, value AS x FROM json_each(_nexus_list))) END FROM (SELECT l AS _nexus_list))) AS "list_filter(l, (lambda x: (x > 1)))" from t`},
		// the outer query's items only
		{"select a + 1 from (select a * 2 as a from t)", `select date_arith(a, 1, '+', 1) AS "(a + 1)" from (select a * 2 as a from t)`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: DuckDB, ItemNames: true})
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.out {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.out)
		}
	}
}

// A column reference is named as its relation spells the column, as DuckDB
// binds names case-insensitively: select client_id from a seed whose
// header says CLIENT_ID makes a column CLIENT_ID.
func TestDuckRefNames(t *testing.T) {
	cols := func(_, table string) ([]string, error) {
		switch table {
		case "seed":
			return []string{"CLIENT_ID", "Name", "amount"}, nil
		case "other":
			return []string{"client_id", "Note"}, nil
		}
		return nil, nil
	}
	for _, c := range []struct{ in, out string }{
		{"select client_id, s.name, \"amount\", amount + 1 as total from seed as s",
			`select client_id AS "CLIENT_ID", s.name AS "Name", "amount", date_arith(amount, 1, '+', 1) as total from seed as s`},
		// through a CTE, whose columns are the ones it names
		{"with src as (select * from seed), renamed as (select client_id, name as nm from src) select * from renamed",
			`with src as (select * from seed), renamed as (select client_id AS "CLIENT_ID", name as nm from src) select * from renamed`},
		// an inner or left JOIN's USING column is the left side's; one a
		// FULL JOIN merges, or two FROM items hold otherwise, is left as written
		// (the FULL JOIN is a union: full_join.go)
		{"select note, client_id from seed join other using (client_id)", `select note AS "Note", client_id AS "CLIENT_ID" from seed join other using (client_id)`},
		{"select client_id from seed full join other using (client_id)", `select client_id from seed LEFT join other using (client_id) UNION ALL select client_id from (SELECT * FROM seed WHERE 0) AS seed RIGHT join other using (client_id) WHERE NOT (((other.client_id) IN (SELECT seed.client_id FROM seed)) IS TRUE)`},
		{"select s.name, client_id from seed s join other o on s.client_id = o.client_id", `select s.name AS "Name", client_id from seed s join other o on s.client_id = o.client_id`},
		// a subquery expression names no column
		{"select (select max(client_id) from seed) as m from other", `select (select max(client_id) from seed) as m from other`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: DuckDB, ItemNames: true, Columns: cols})
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.out {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.out)
		}
	}
}
