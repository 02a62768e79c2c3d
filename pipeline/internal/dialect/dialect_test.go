package dialect

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ncruces/go-sqlite3"
	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

const (
	sqlite    = SQLite
	bigquery  = BigQuery
	snowflake = Snowflake
	duckdb    = DuckDB
)

// testColumns are the tables the tests' SQL reads, for star expansion.
var testColumns = map[string][]string{
	"t": {"id", "a", "b"}, "u": {"id", "c"}, "raw.events": {"id", "kind", "payload"},
	"messages": {"id", "sender", "recipients"}, "main.s": {"d", "ts", "n"},
}

func testOptions(d Dialect) Options {
	return Options{Dialect: d, Columns: func(schema, table string) ([]string, error) {
		if schema != "" {
			table = schema + "." + table
		}
		return testColumns[table], nil
	}, Query: testQuery}
}

// testQuery runs a query over runSQL's tables, for the PIVOT that reads
// its values from the data.
func testQuery(sql string) ([][]any, error) {
	conn, err := testDB(testSetup)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stmt, _, err := conn.Prepare(sql)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var rows [][]any
	for stmt.Step() {
		row := make([]any, stmt.ColumnCount())
		for i := range row {
			switch stmt.ColumnType(i) {
			case sqlite3.INTEGER:
				row[i] = stmt.ColumnInt64(i)
			case sqlite3.FLOAT:
				row[i] = stmt.ColumnFloat(i)
			case sqlite3.TEXT:
				row[i] = stmt.ColumnText(i)
			case sqlite3.BLOB:
				row[i] = stmt.ColumnBlob(i, nil)
			}
		}
		rows = append(rows, row)
	}
	return rows, stmt.Err()
}

func expectTranslated(t *testing.T, d Dialect, in, want string) {
	t.Helper()
	got, err := TranslateWith(in, testOptions(d))
	if err != nil {
		t.Errorf("%s: %q: %v", d, in, err)
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: %q (-want +got):\n%s", d, in, diff)
	}
	if strings.Count(got, "\n") != strings.Count(in, "\n") {
		t.Errorf("%s: %q: line breaks changed in %q", d, in, got)
	}
}

func expectRefused(t *testing.T, d Dialect, in, want string) {
	t.Helper()
	got, err := TranslateWith(in, testOptions(d))
	if err == nil {
		t.Errorf("%s: %q = %q, want the error %q", d, in, got, want)
		return
	}
	var list diag.List
	var one *diag.Diagnostic
	if errors.As(err, &one) {
		list = diag.List{one}
	} else if !errors.As(err, &list) {
		t.Errorf("%s: %q: %v is not a diagnostic", d, in, err)
		return
	}
	var lines []string
	for _, e := range list {
		lines = append(lines, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Error()))
	}
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("%s: %q:\n got %q\nwant %q", d, in, got, want)
	}
}

// expectRows translates in, runs it on SQLite with the functions of
// package sqlfunc, and compares the rows, each a line of |-separated values.
func expectRows(t *testing.T, d Dialect, in, want string) {
	t.Helper()
	sql, err := TranslateWith(in, testOptions(d))
	if err != nil {
		t.Errorf("%s: %q: %v", d, in, err)
		return
	}
	got, err := runSQL(sql)
	if err != nil {
		t.Errorf("%s: %q ran as %q: %v", d, in, sql, err)
		return
	}
	if got != want {
		t.Errorf("%s: %q ran as %q\n got %q\nwant %q", d, in, sql, got, want)
	}
}

// runSQL runs sql over the tables t and messages, giving its rows as
// cells joined by | and rows by newlines, NULL as NULL.
func runSQL(sql string) (string, error) {
	return runWith(testSetup, sql)
}

// testSetup makes the tables t and messages.
const testSetup = `create table t(id integer, a text, b integer);
		insert into t values (1, 'x', 10), (2, 'Y', null), (3, null, 30);
		create table messages(id integer, sender text, recipients text);
		insert into messages values (1, '{"email":"a@x.com","domain":"x.com"}', '[{"email":"b@y.com","domain":"y.com"},{"email":"c@z.com","domain":"z.com"}]');`

// runWith runs setup, then query, giving its rows as runSQL does.
func runWith(setup, query string) (string, error) {
	conn, err := testDB(setup)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	rows, err := queryCells(conn, query)
	return joinCells(rows, "|", "\n"), err
}

// testDB is an SQLite with the engine's functions, after setup.
func testDB(setup string) (*sqlite3.Conn, error) {
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		return nil, err
	}
	if err := sqlfunc.Register(conn); err != nil {
		conn.Close()
		return nil, err
	}
	if err := conn.Exec(setup); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// queryCells are the cells of query's rows as text, NULL as NULL.
func queryCells(conn *sqlite3.Conn, query string) ([][]string, error) {
	stmt, _, err := conn.Prepare(query)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var rows [][]string
	for stmt.Step() {
		cells := make([]string, stmt.ColumnCount())
		for i := range cells {
			cells[i] = "NULL"
			if stmt.ColumnType(i) != sqlite3.NULL {
				cells[i] = stmt.ColumnText(i)
			}
		}
		rows = append(rows, cells)
	}
	return rows, stmt.Err()
}

// joinCells joins each row's cells with cellSep and the rows with rowSep.
func joinCells(rows [][]string, cellSep, rowSep string) string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Join(r, cellSep)
	}
	return strings.Join(out, rowSep)
}

func TestStatements(t *testing.T) {
	// QUALIFY: a filtered subquery
	expectTranslated(t, bigquery, "select id, a from t\nqualify row_number() over (partition by a order by id) = 1",
		"SELECT id, a FROM (select id, a, row_number() over (partition by a order by id) = 1 AS _nexus_qualify from t) WHERE _nexus_qualify\n")
	// BigQuery's WINDOW comes after QUALIFY, and names windows the inner SELECT uses
	expectTranslated(t, bigquery, "select id from t\nqualify row_number() over w = 1\nwindow w as (order by id)",
		"SELECT id FROM (select id, row_number() over w = 1 AS _nexus_qualify from t window w as (order by id)) WHERE _nexus_qualify\n\n")
	expectTranslated(t, snowflake, "select * from t qualify rn = 1", "SELECT id, a, b FROM (select *, rn = 1 AS _nexus_qualify from t) WHERE _nexus_qualify ")
	// a line comment before QUALIFY: the closing parenthesis goes on QUALIFY's line
	expectTranslated(t, duckdb, "select id from t where a > 0 -- newest\nqualify row_number() over (partition by a order by id) = 1",
		"SELECT id FROM (select id, row_number() over (partition by a order by id NULLS LAST) = 1 AS _nexus_qualify from t where a > 0 -- newest\n) WHERE _nexus_qualify")
	expectRows(t, duckdb, "select id from t where id > 1 -- newest\nqualify row_number() over (order by id desc) = 1", "3")
	expectRows(t, bigquery, "select id from t qualify row_number() over (order by b desc) = 1", "3")
	expectRows(t, duckdb, "select *, row_number() over (order by id) as rn from t qualify rn > 2", "3|NULL|30|3")
	// * EXCEPT, EXCLUDE, REPLACE
	expectTranslated(t, bigquery, "select * except (a) from t", "select id, b from t")
	expectTranslated(t, duckdb, "select * exclude (a, b) from t", "select id from t")
	expectTranslated(t, duckdb, "select * exclude a from t", "select id, b from t")
	expectTranslated(t, bigquery, "select * replace (upper(a) as a) from t", "select id, upper_text(a) AS a, b from t")
	expectTranslated(t, bigquery, "select t.* except (b), u.c from t join u using (id)", "select t.id, t.a, u.c from t join u using (id)")
	expectTranslated(t, bigquery, "with c as (select id, a as x from t) select * except (x) from c", "with c as (select id, a as x from t) select id from c")
	expectRefused(t, bigquery, "select * except (zzz) from t", "1:8: SELECT * EXCEPT cannot be expanded: column zzz of EXCEPT is not a column of the relations read (list the columns to keep)")
	expectTranslated(t, snowflake, "select column1 from values (1), (2) as v where column1 > 1", "select column1 from (values (1), (2)) as v where column1 > 1")
	// Snowflake's * ILIKE, RENAME, and EXCLUDE / REPLACE before RENAME
	expectTranslated(t, snowflake, "select * rename (a as x) from t", "select id, a AS x, b from t")
	expectTranslated(t, snowflake, "select * rename a as \"X y\" from t", "select id, a AS \"X y\", b from t")
	expectTranslated(t, snowflake, "select * ilike '%A%' from t", "select a from t")
	expectTranslated(t, snowflake, "select t.* ilike 'i_' rename id as k, u.c from t join u using (id)", "select t.id AS k, u.c from t join u using (id)")
	expectTranslated(t, snowflake, "select * exclude (b) replace (a || '!' as a) rename (a as x, id as k) from t", "select id AS k, a || '!' AS x from t")
	expectTranslated(t, snowflake, "with c as (select * rename (a as x) from t) select x from c qualify x > 0", "with c as (select id, a AS x, b from t) SELECT x FROM (select x, x > 0 AS _nexus_qualify from c) WHERE _nexus_qualify ")
	expectRows(t, snowflake, "select * exclude (b) rename (a as x) from t where id = 1", "1|x")
	expectRefused(t, snowflake, "select * ilike 'zz%' from t", "1:8: SELECT * ILIKE cannot be expanded: it leaves no column (list the columns to keep)")
	expectRefused(t, snowflake, "select * rename (zz as y) from t", "1:8: SELECT * RENAME cannot be expanded: column zz of RENAME is not a column of the relations read (list the columns to keep)")
	// set operators, trailing comma, raw and triple-quoted strings
	expectTranslated(t, bigquery, "select 1 union distinct select 2", "select 1 union select 2")
	expectTranslated(t, bigquery, "select 1 intersect distinct select 1 except distinct select 2", "select 1 intersect select 1 except select 2")
	expectTranslated(t, bigquery, "select a,\n  b,\nfrom t", "select a,\n  b\nfrom t")
	expectTranslated(t, bigquery, `select r'@(.+)', "it's", 'a\'b', '''x'y''', r"\d"`, `select '@(.+)', 'it''s', 'a''b', 'x''y', '\d'`)
	expectTranslated(t, snowflake, `select 'a\nb', $$x'y$$`, "select 'a' || char(10) || 'b', 'x''y'")
	expectTranslated(t, duckdb, `select 'a\n', "col" from t`, `select 'a\n', "col" from t`)
	expectTranslated(t, bigquery, "select * from `my-project.raw.events` e join `raw`.`events` f using (id)", `select * from raw.events e join raw.events f using (id)`)
	// DuckDB alias lists
	expectTranslated(t, duckdb, "select x from (select 1, 2) as s(x, y)", "select x from (WITH _nexus_cols1(x, y) AS (select 1, 2) SELECT * FROM _nexus_cols1) AS s")
	// a table name over two lines keeps its line break once
	expectTranslated(t, duckdb, "select x from main\n.t as s(x, y)", "select x from (WITH _nexus_cols1(x, y) AS (SELECT * FROM main\n.t) SELECT * FROM _nexus_cols1) AS s")
	expectTranslated(t, duckdb, "select x from t\ns(x, y)", "select x from (WITH _nexus_cols1(x, y) AS (SELECT * FROM t) SELECT * FROM _nexus_cols1) AS s\n")
	expectRows(t, duckdb, "select x + y from (values (1, 2)) as s(x, y)", "3")
}

func TestSemantics(t *testing.T) {
	// division
	expectTranslated(t, bigquery, "select a / b, 1.0 / 3, a / 2", "select divide(a, b, 'bigquery', 1), 1.0 / 3, CAST(a AS REAL) / 2")
	expectRows(t, bigquery, "select 2999 / 100", "29.99")
	expectRows(t, snowflake, "select 7 / 2", "3.5")
	expectRows(t, duckdb, "select 7 // 2, 7 / 2", "3|3.5")
	expectRows(t, sqlite, "select 7 / 2", "3")
	// SAFE_CAST / TRY_CAST, casts to BOOL
	expectRows(t, bigquery, "select safe_cast('x' as int64), safe_cast('12' as int64), safe_cast(2.5 as int64)", "NULL|12|3")
	expectRows(t, duckdb, "select try_cast('x' as integer), try_cast('1.5' as double), cast('true' as boolean)", "NULL|1.5|1")
	expectRows(t, bigquery, "select cast('false' as bool), cast('TRUE' as bool), safe_cast('maybe' as bool)", "0|1|NULL")
	expectTranslated(t, duckdb, "select a::boolean, try_cast(a as bool) from t", "select cast_bool(a, 'duckdb'), try_cast(a, 'BOOLEAN', 'duckdb') from t")
	expectRows(t, duckdb, "select 'YES'::boolean, 'n'::boolean, 'T'::boolean, '0'::boolean, try_cast('on' as boolean), try_cast(' true' as boolean)", "1|0|1|0|NULL|NULL")
	// Snowflake's text to BOOLEAN takes on and off too (a JSON field "0" of a VARIANT)
	expectTranslated(t, snowflake, "select a::boolean from t", "select cast_bool(a, 'snowflake') from t")
	expectRows(t, snowflake, "select 'YES'::boolean, 'n'::boolean, 'On'::boolean, '0'::boolean, parse_json('{\"s\": \"0\"}'):s::boolean, try_cast('maybe' as boolean)", "1|0|1|0|0|NULL")
	expectRows(t, bigquery, "select safe_cast('0' as bool), cast('TRUE' as bool)", "NULL|1")
	expectRows(t, bigquery, "select safe_cast('yes' as bool), cast(' true ' as bool)", "NULL|1")
	// LIKE is case-sensitive in the warehouses, ILIKE is not
	expectRows(t, bigquery, "select 'a' like 'A', 'abc' like 'a%', 'a_c' like r'a\\_c', 'abc' like r'a\\_c'", "0|1|1|0")
	expectRows(t, duckdb, "select 'a' like 'A', 'a' ilike 'A', 'a' not like 'A'", "0|1|1")
	expectRows(t, sqlite, "select 'a' like 'A'", "1")
	// NULL order: Snowflake and DuckDB sort NULLs last ascending
	expectTranslated(t, snowflake, "select b from t order by b, a desc", "select b from t order by b NULLS LAST, a desc NULLS FIRST")
	expectTranslated(t, duckdb, "select b from t order by b desc nulls first, a", "select b from t order by b desc nulls first, a NULLS LAST")
	expectRows(t, duckdb, "select b from t order by b", "10\n30\nNULL")
	expectRows(t, bigquery, "select b from t order by b", "NULL\n10\n30")
	// window aggregates SQLite refuses
	expectRows(t, duckdb, "select count(distinct a) over () from t limit 1", "2")
	expectRows(t, duckdb, "select string_agg(distinct a, ',') from (select 'x' as a union all select 'x' union all select 'y')", "x,y")
	expectRefused(t, duckdb, "select sum(distinct b) over () from t", "1:8: SUM(DISTINCT ...) OVER (...) is not supported by SQLite (COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join)")
	expectRows(t, duckdb, "select first(a) from t", "x")
	// dbt-nexus v0.13's DuckDB shapes
	expectRows(t, duckdb, "select * exclude(__nexus_rn) from (select *, row_number() over (partition by a is null order by b desc nulls last) as __nexus_rn from t) where __nexus_rn = 1 order by id", "1|x|10\n3|NULL|30")
	expectRows(t, duckdb, "select string_agg(distinct a, ', ' order by a) from t", "Y, x")
	expectRows(t, duckdb, "select id, count(distinct a) over (order by id rows between unbounded preceding and current row) from t order by id", "1|1\n2|2\n3|2")
}

func TestArraysAndStructs(t *testing.T) {
	expectTranslated(t, bigquery, "select [1, 2], struct(a as x, b), STRUCT<p INT64, q STRING>(1, 'z')",
		"select json_array(1, 2), json_object('x', a, 'b', b), json_object('p', 1, 'q', 'z')")
	expectRows(t, bigquery, "select struct(1 as x, [1, 2] as y)", `{"x":1,"y":[1,2]}`)
	expectRows(t, bigquery, "select array(select a from t where a is not null order by a)", `["Y","x"]`)
	expectRows(t, bigquery, "select array(select as struct id, a as name from t where id < 3)", `[{"id":1,"name":"x"},{"id":2,"name":"Y"}]`)
	expectRows(t, bigquery, "select (select as struct id, a as name from t where id = 2), (select as value b from t where id = 3)", `{"id":2,"name":"Y"}|30`)
	// a NULL or an empty array cast to an array or struct type is the value
	expectRows(t, bigquery, "select cast(null as array<string>), cast([] as array<struct<k string>>), safe_cast(null as struct<a int64>), to_json_string(struct(cast(null as array<int64>) as l))", `NULL|[]|NULL|{"l":null}`)
	expectRefused(t, bigquery, "select cast('x' as array<string>)", "1:20: invalid cast from STRING to ARRAY<STRING>, as BigQuery refuses it (BigQuery casts an ARRAY to the same ARRAY type only, and a STRUCT to a STRUCT of as many fields, each castable; cast the elements with ARRAY(SELECT CAST(e AS T) FROM UNNEST(a) AS e))")
	expectFails(t, bigquery, "select cast(a as array<string>) from t", `line 1: invalid cast from STRING "x" to ARRAY<STRING>, as BigQuery refuses it`)
	// an array of strings cast to ARRAY<STRING> is as it was
	expectRows(t, bigquery, "select m from unnest(cast(split('1;2', ';') as array<string>)) as m", "1\n2")
	expectRows(t, bigquery, "select array_length(cast(regexp_extract_all('a1b22', r'[0-9]+') as array < string >))", "2")
	expectRefused(t, bigquery, "select cast(split('1;2', ';') as array<int64>)", "1:34: invalid cast from ARRAY<STRING> to ARRAY<INT64>, as BigQuery refuses it (BigQuery casts an ARRAY to the same ARRAY type only, and a STRUCT to a STRUCT of as many fields, each castable; cast the elements with ARRAY(SELECT CAST(e AS T) FROM UNNEST(a) AS e))")
	expectTranslated(t, bigquery, "select any_value(a having max b), any_value(a having min b) from t", "select value_at_max(a, b), value_at_min(a, b) from t")
	expectRefused(t, bigquery, "select sum(b having max a) from t", "1:14: HAVING MAX | MIN inside SUM(...) is not supported (ANY_VALUE(x HAVING MAX y) works, as does MAX_BY(x, y); for other aggregates, keep the rows with the largest y in a subquery (qualify rank() over (partition by ... order by y desc) = 1) and aggregate those)")
	// a FROM item's alias is its row, a struct of its columns
	expectTranslated(t, bigquery, "select to_json_string(x) from t as x", "select to_json_string_bigquery(json_object('id', x.id, 'a', x.a, 'b', x.b)) from t as x")
	expectRows(t, bigquery, "with c as (select 1 as k, true as ok, [1] as l) select to_json_string(c), array_agg(c)[offset(0)].k from c", `{"k":1,"ok":true,"l":[1]}|1`)
	expectRows(t, bigquery, "with c as (select 1 as c) select c from c", "1")
	// but an UPDATE's aliases are names declared, not rows
	expectTranslated(t, bigquery, "update t as x set a = y.c from u as y where x.id = y.id", "update t as x set a = y.c from u as y where x.id = y.id")
	expectTranslated(t, bigquery, "update t x set a = 1 where x.id = 2", "update t AS x set a = 1 where x.id = 2")
	// s.* of a struct column whose fields the query selecting it names
	expectTranslated(t, bigquery, "select s.* from (select struct(1 as a) as s)", "select json_extract(s, '$.a') AS a from (select json_object('a', 1) as s)")
	expectRows(t, bigquery, "with w as (select 7 as id, struct(1 as a, 'x' as b, struct(2 as d) as c) as s) select id, s.* except (b) from w", `7|1|{"d":2}`)
	expectRows(t, bigquery, "select * from (select s.* from (select struct(3 as a, 'y' as b) as s)) where a = 3", "3|y")
	expectRefused(t, bigquery, "select s.* from (select struct(1 as a, 2) as s)", "1:8: s.* of a struct is not supported: its fields are not known here (select the fields by name: s.a, s.b (they keep their names as columns))")
	expectRefused(t, bigquery, "select s.* from t", "1:8: s.* of a struct is not supported: its fields are not known here (select the fields by name: s.a, s.b (they keep their names as columns))")
	expectRows(t, bigquery, "select x.*, t.id from t as x join t on t.id = x.id where x.id = 1", "1|x|10|1")
	// u.* of the row ARRAY_AGG keeps (dbt_utils' deduplicate): the row's columns
	expectRows(t, bigquery, "with s as (select 1 as k, 2 as v, 'a' as w union all select 1, 3, 'b') select u.* from (select array_agg(o order by v desc limit 1)[offset(0)] u from s o group by k)", "1|3|b")
	expectRows(t, bigquery, "select u.* except (k) from (select array_agg(struct(k, v) order by v limit 1)[offset(0)] as u from (select 1 as k, 2 as v) group by k)", "2")
	expectRefused(t, bigquery, "select u.* from (select array_agg(o order by v limit 1)[offset(0)] u from unknown_rel o group by k)", "1:8: u.* of a struct is not supported: its fields are not known here (select the fields by name: s.a, s.b (they keep their names as columns))")
	expectRefused(t, bigquery, "select array_agg(t order by id limit 1)[offset(0)].* from t", "1:51: (expression).* of a struct is not supported: its fields are not known here (select the fields by name: s.a, s.b (they keep their names as columns))")
	expectRefused(t, bigquery, "select event_name\nfrom `proj.analytics_1.events_*` where _table_suffix >= '20240101'", "2:6: the wildcard table proj.analytics_1.events_* cannot be read: the tables of the dataset are not known here (a wildcard reads the tables (seeds, models or sources loaded) of its dataset whose names start with its prefix, which must have the same columns; or load the rows into one table with a column for the suffix and read that)")
	// a field of the struct a scalar subquery gives
	expectRows(t, bigquery, "select (select as struct id, a as name from t where id = 2).name, (select as struct 1 as a, struct(2 as b) as s).s.b", "Y|2")
	expectTranslated(t, bigquery, "select (select as struct 1 as a).a", "select json_extract((select   json_object('a', 1) AS _nexus_value), '$.a') AS a")
	expectRows(t, bigquery, "select array(select e from unnest([3, 1]) as e order by e)", `[1,3]`)
	expectRows(t, bigquery, "select [10, 20, 30][offset(1)], [10, 20][safe_offset(5)], [10, 20][ordinal(1)]", "20|NULL|10")
	expectRows(t, duckdb, "select [10, 20, 30][1]", "10")
	expectRows(t, bigquery, "select array_length([1, 2, 3]), array_to_string(['a', 'b'], '-'), to_json_string(struct(1 as a))", `3|a-b|{"a":1}`)
	expectRows(t, bigquery, "select generate_array(1, 3)", "[1,2,3]")
	expectRows(t, bigquery, "select to_json_string(array_agg(a order by id)) from t", `["x","Y",null]`)
	expectRows(t, bigquery, "select array_agg(a ignore nulls order by id) from t", `["x","Y"]`)
	expectRows(t, duckdb, "select flatten(array_agg(x)) from (select [1, 2] as x union all select [3])", "[1,2,3]")
	// DuckDB's array_agg keeps NULLs and is NULL over no rows; over a window it stays json_group_array
	expectTranslated(t, duckdb, "select array_agg(distinct a order by a) filter (where id > 5), list(a) over (order by id) from t group by a, id",
		"select list_or_null(distinct a order by a NULLS LAST) filter (where id > 5), list_or_null(a) over (order by id NULLS LAST) from t group by a, id")
	// UNNEST, field access on struct columns and UNNEST aliases
	expectTranslated(t, bigquery, "select r.email from messages m, unnest(m.recipients) as r",
		"select json_extract(r.value, '$.email') AS email from messages m, json_each(m.recipients) as r")
	expectTranslated(t, bigquery, "select sender.domain from messages where sender.email is not null",
		"select json_extract(sender, '$.domain') AS domain from messages where json_extract(sender, '$.email') is not null")
	expectRows(t, bigquery, "select m.id, r.email, o from messages m, unnest(m.recipients) as r with offset as o order by o", "1|b@y.com|0\n1|c@z.com|1")
	expectRows(t, bigquery, "select sender.domain from messages", "x.com")
	// an aliased UNNEST of a literal array of structs is a value table: its fields are names, * lists them and WITH OFFSET's column
	expectRows(t, bigquery, "select a, u.b from unnest([struct(1 as a, 'x' as b), struct(2, 'y')]) as u where a > 1", "2|y")
	// a column of a nested SELECT's table named as the element comes first
	expectRows(t, bigquery, "with t as (select 2 as d) select count(*) from unnest([1, 2, 3]) d where d > (select max(d) from t)", "1")
	expectRows(t, bigquery, "with t as (select 2 as x) select array_agg(d order by d) from unnest([1, 2, 3]) d where d < (select max(x) from t where x >= d)", "[1]")
	expectRows(t, bigquery, "select *, u from unnest([struct(1 as a, 'x' as b)]) as u with offset o", `1|x|0|{"a":1,"b":"x"}`)
	expectRows(t, bigquery, "select * from unnest([struct(1 as a)]) with offset", "1|0")
	// a window frame's words are words, not fields of the elements
	expectRows(t, bigquery, "select a, sum(a) over (order by a rows between 1 preceding and current row), count(*) over (order by a rows between current row and unbounded following) from unnest([struct(1 as a, 'x' as b), (2, 'y'), (4, null)]) order by a", "1|1|3\n2|3|2\n4|6|1")
	expectRows(t, bigquery, "select a, sum(a) over (order by a rows between 1 preceding and current row) from unnest([struct(1 as a, 'x' as b), (2, null)]) as u order by a", "1|1\n2|3")
	expectRows(t, bigquery, "select * from unnest([10, 20]) as x with offset as o where o = 1", "20|1")
	expectRows(t, bigquery, "select u.* from unnest(['p', 'q']) as u with offset o where o = 0", "p")
	// OFFSET is no reserved word in BigQuery: WITH OFFSET's column is named offset, and a column may be called so
	expectRows(t, bigquery, "select x, offset from unnest([3, 1, 2]) as x with offset where offset > 0 order by offset desc", "2|2\n1|1")
	expectRows(t, bigquery, "with u as (select x, offset from unnest([3, 1]) as x with offset as offset order by offset) select (select offset from u where x = 1), max(u.offset) + 1 from u", "1|2")
	expectRows(t, bigquery, "select values, returning, filter from (select 1 as values, 2 as returning, 3 as filter) where values = 1", "1|2|3")
	expectRows(t, bigquery, "select id, g.k, v from t, unnest([struct('n' as k, cast(id as string) as v)]) as g where id < 3", "1|n|1\n2|n|2")
	expectRows(t, bigquery, "select x.a, (select sum(a) from unnest([struct(1 as a), struct(2)]) as u) from (select 5 as a) x", "5|3")
	expectTranslated(t, bigquery, "select * from unnest([struct(1 as a, 'x' as b)]) as u with offset",
		`select json_extract(u.value, '$.a') AS a, json_extract(u.value, '$.b') AS b, u.key AS "offset" from json_each(json_array(json_object('a', 1, 'b', 'x'))) as u `)
	expectRows(t, bigquery, "select d from unnest(['a', 'b']) as d where d != 'a'", "b")
	expectRows(t, bigquery, "select count(*) from messages where 'x.com' in unnest(['x.com', 'y.com'])", "1")
	expectRows(t, bigquery, "select * from messages m, unnest(m.recipients) as r where r.domain = 'z.com'", `1|{"email":"a@x.com","domain":"x.com"}|[{"email":"b@y.com","domain":"y.com"},{"email":"c@z.com","domain":"z.com"}]|{"email":"c@z.com","domain":"z.com"}`)
	// a, , b is refused at the second comma, as the warehouses refuse it
	expectRefused(t, snowflake, "select a,\n\n  , b from t",
		"3:3: two commas with no item between them in a select list ("+refEmptyItem.hint+")")
	expectRefused(t, bigquery, "with c as (select 1 as a, 2 as b) select a, , b from c",
		"1:45: two commas with no item between them in a select list ("+refEmptyItem.hint+")")
	// FROM ( ) is refused at the parenthesis, as the warehouses refuse it
	expectRefused(t, snowflake, "select a\nfrom (\n    \n) as s",
		"2:6: ( ) with nothing inside as a FROM item: no query, which Snowflake refuses too ("+refEmptyFrom.hint+")")
	expectRefused(t, bigquery, "select * from t join () on true",
		"1:22: ( ) with nothing inside as a FROM item: no query, which BigQuery refuses too ("+refEmptyFrom.hint+")")
	expectRows(t, snowflake, "select count(*) from (t)", "3")
	// WITH opening a set operation's operand is refused at the WITH, in a CTE too; in parentheses it runs
	withOperand := refWithOperand.message + " (" + refWithOperand.hint + ")"
	expectRefused(t, snowflake, "select 1 as a union all with x as (select 2 as a) select a from x", "1:25: "+withOperand)
	expectRefused(t, bigquery, "with m as (\n  select 1 as a\n  union all\n  with x as (select 2 as a) select a from x\n)\nselect * from m", "4:3: "+withOperand)
	expectRefused(t, duckdb, "select 1 except with x as (select 2) select * from x", "1:17: "+withOperand)
	expectRows(t, snowflake, "select 1 as a union all (with x as (select 2 as a) select a from x) order by a", "1\n2")
	// BigQuery's raw strings are no Snowflake literal; a name ending in r before a string stays a name
	expectRefused(t, snowflake, "select regexp_replace(a,\n r'[^a-z]', '') from t",
		"2:2: r'...' is a BigQuery raw string literal, which Snowflake does not have (write the string as '...' with each backslash doubled, or as $$...$$, whose text is as written)")
	expectRows(t, snowflake, "select regexp_replace('a-b', '[^a-z]', '')", "ab")
	expectRows(t, snowflake, "select f.value:email::string from messages m, lateral flatten(input => m.recipients) f order by f.index", "b@y.com\nc@z.com")
	expectRows(t, snowflake, "select sender:domain from messages", "x.com")
	// * over FLATTEN lists its columns, SEQ first, which is refused: excluded, the others are given
	expectRows(t, snowflake, `select * exclude (seq) from table(flatten(input => parse_json('{"a":[1,2]}'))) f`, `a|a|NULL|[1,2]|{"a":[1,2]}`)
	expectRows(t, snowflake, "select * exclude seq from table(split_to_table('a,b', ',')) order by index", "1|a\n2|b")
	expectRows(t, snowflake, "select * from table(flatten(input => parse_json('[1,2]'))) f", "1|NULL|[0]|0|1|[1,2]\n1|NULL|[1]|1|2|[1,2]")
	expectRows(t, snowflake, "select t.id, f.* from t, lateral flatten(input => parse_json('[' || t.id || ',0]')) f where t.id > 1 order by 1, index", "2|1|NULL|[0]|0|2|[2,0]\n2|1|NULL|[1]|1|0|[2,0]\n3|2|NULL|[0]|0|3|[3,0]\n3|2|NULL|[1]|1|0|[3,0]")
	expectRows(t, snowflake, "select * from table(split_to_table('a,b', ',')) order by index", "1|1|a\n1|2|b")
	// FLATTEN's OUTER => TRUE keeps a row for an empty or NULL array; index and key as FLATTEN gives them
	expectTranslated(t, snowflake, "select f.this from t, lateral flatten(input => t.a) f", "select json_extract(f.json, f.root) AS this from t,  json_each(t.a) f")
	expectRefused(t, snowflake, "select f.seq from t, lateral flatten(input => t.a) f", "1:8: SEQ of FLATTEN or SPLIT_TO_TABLE is not supported: SEQ numbers the input rows in an order Snowflake leaves open ("+refFlattenSeq.hint+")")
	expectRefused(t, snowflake, "select f.value from t, lateral flatten(input => t.a, recursive => true) f", "1:54: FLATTEN(..., RECURSIVE => TRUE) is not supported ("+refFlattenRecursive.hint+")")
	expectRefused(t, snowflake, "select f.value from t, lateral flatten(input => t.a, mode => 'object') f", "1:54: FLATTEN(..., MODE => 'OBJECT' | 'ARRAY') is not supported ("+refFlattenMode.hint+")")
	expectTranslated(t, snowflake, "select f.value from t, lateral flatten(input => t.a, recursive => false, mode => 'BOTH') f", "select f.value AS value from t,  json_each(t.a) f")
	expectTranslated(t, snowflake, "select f.value from t, lateral flatten(input => t.a, outer => true) f",
		"select f.value AS value from t LEFT JOIN  json_each(t.a) f ON true")
	expectTranslated(t, snowflake, "select f.value from t inner join table(flatten(t.a, outer => true)) f",
		"select f.value AS value from t  LEFT JOIN json_each(t.a) f ON true")
	expectRows(t, snowflake, "select t.id, f.value, f.index from (select 1 id, parse_json('[7, 8]') a union all select 2, parse_json('[]') union all select 3, null) t cross join lateral flatten(input => t.a, outer => true) f order by 1, 3",
		"1|7|0\n1|8|1\n2|NULL|NULL\n3|NULL|NULL")
	expectTranslated(t, snowflake, "select f.value from table(flatten(input => parse_json('[]'), outer => true)) f",
		"select f.value AS value from (SELECT NULL) AS _nexus_outer1 LEFT JOIN json_each(json_keys_sorted(json('[]'))) f ON true")
	expectRows(t, snowflake, "select f.value, f.index, f.this from lateral flatten(input => parse_json('[]'), outer => true) f", "NULL|NULL|NULL")
	expectRows(t, snowflake, "select f.value, f.index from table(flatten(input => parse_json('[7, 8]'), outer => true)) f", "7|0\n8|1")
	expectRefused(t, snowflake, "select f.value from t join table(flatten(input => t.a, outer => true)) f on true",
		"1:28: FLATTEN(..., OUTER => TRUE) is supported only first in FROM, after a comma or after a JOIN without ON (t, lateral flatten(input => t.col, outer => true) f)")
	expectRows(t, snowflake, "select f.key, f.index, f.path, f.value from lateral flatten(input => parse_json('{\"a\": [1], \"b\": 2}')) f", "a|NULL|a|[1]\nb|NULL|b|2")
	expectRows(t, snowflake, "select f.key is null, f.index, f.path from lateral flatten(input => parse_json('{\"a\": [5, 6]}'), path => 'a') f", "1|0|a[0]\n1|1|a[1]")
	expectRows(t, snowflake, "select index, value from lateral flatten(input => parse_json('[5, 6]'))", "0|5\n1|6")
	// a LATERAL subquery naming an earlier FROM item is refused (SQLite's cannot see it); one that does not runs
	expectRefused(t, snowflake, "select l.c from t, lateral (select t.a + 1 as c) l",
		"1:20: LATERAL (SELECT ...) naming the FROM items before it is not supported (select the value with a correlated subquery in the select list, (select ... where u.id = t.id) as x, or join the table and group by t's key)")
	expectRows(t, snowflake, "select l.c from (select 1 a) t, lateral (select t.c from (select 3 c) t) l", "3")
	// so is one naming an earlier item's column unqualified, and in DuckDB a subquery in FROM without LATERAL, which DuckDB reads as one
	expectRefused(t, duckdb, "select l.s from (select 1 as a) t, lateral (select a * 10 as s) l",
		"1:36: LATERAL (SELECT ...) naming the FROM items before it is not supported (select the value with a correlated subquery in the select list, (select ... where u.id = t.id) as x, or join the table and group by t's key)")
	expectRefused(t, duckdb, "select l.s from (select 1 as a) t join (select a + b as s from (select 2 as b) u) l on true",
		"1:40: LATERAL (SELECT ...) naming the FROM items before it is not supported (select the value with a correlated subquery in the select list, (select ... where u.id = t.id) as x, or join the table and group by t's key)")
	expectRows(t, duckdb, "select t.a, l.s from (select 1 as a) t, (select b * 10 as s from (select 5 as b) u order by s) l", "1|50")
	// $1, $2 ... are the columns of the one FROM item by place, and name their column $1, $2
	expectTranslated(t, snowflake, "select $2 from (select 1 as a, 'x' as b) t where $1 = 1", "select t.b AS \"$2\" from (select 1 as a, 'x' as b) t where t.a = 1")
	expectRows(t, snowflake, "select $1, $2 from (values (1, 'a'), (2, 'b'))", "1|a\n2|b")
	expectRefused(t, snowflake, "select $1 from (select 1 as a) t, (select 2 as b) u",
		"1:8: $1, $2 ... are supported only over one FROM item whose columns are known, and up to its number of columns (name the column: select t.a from t)")
	// t.$2 is column 2 of FROM item t, by alias or table name, in a join or a correlated subquery
	expectTranslated(t, snowflake, "select t.$2, u.$1 from (select 1 as a, 'x' as b) t join (select 2 as c) u on t.$1 < u.$1", "select t.b AS \"$2\", u.c AS \"$1\" from (select 1 as a, 'x' as b) t join (select 2 as c) u on t.a < u.c")
	// an item $2 without an alias is the column named $2, as Snowflake names it
	expectRows(t, snowflake, "select \"$2\" from (select $2, t.$1 as one from (select 1 as a, 'x' as b) t)", "x")
	expectRows(t, snowflake, "select t.$2, (select u.$1 from (select 7 as c) u where u.$1 > t.$1) from (values (1, 'a'), (9, 'b')) t order by t.$1", "a|7\nb|NULL")
	expectRefused(t, snowflake, "select x.$1 from (select 1 as a) t",
		"1:8: $1, $2 ... are supported only over one FROM item whose columns are known, and up to its number of columns (name the column: select t.a from t)")
	expectRefused(t, snowflake, "select t.$3 from (select 1 as a, 2 as b) t",
		"1:8: $1, $2 ... are supported only over one FROM item whose columns are known, and up to its number of columns (name the column: select t.a from t)")
	// $n has its column's type: TIMESTAMP_TZ values order, group and compare by instant
	expectRows(t, snowflake, "select t.$1, count(*) from (select '2024-01-01 10:00:00 +02:00'::timestamp_tz as x union all select '2024-01-01 08:00:00 +00:00'::timestamp_tz) t group by t.$1", "2024-01-01T10:00:00+02:00|2")
	expectRows(t, snowflake, "select $1 = $2 from (select '2024-01-01 10:00:00 +02:00'::timestamp_tz as x, '2024-01-01 08:00:00 +00:00'::timestamp_tz as y)", "1")
	expectRows(t, snowflake, "select $1 from (select '2024-01-01 10:00:00 +02:00'::timestamp_tz as x union all select '2024-01-01 09:30:00 +00:00'::timestamp_tz) order by $1", "2024-01-01T10:00:00+02:00\n2024-01-01T09:30:00Z")
	// staged files are not read here
	expectRefused(t, snowflake, "select t.$1, t.$2 from @my_stage/data/x.csv (file_format => 'csv') t",
		"1:24: querying a staged file (@stage) is not supported (put the file's rows in a seed, seeds/name.csv, and select from {{ ref('name') }})")
	expectRefused(t, snowflake, "select $1 from @~/x.csv",
		"1:16: querying a staged file (@stage) is not supported (put the file's rows in a seed, seeds/name.csv, and select from {{ ref('name') }})")
	expectRows(t, duckdb, "select x from unnest([1, 2]) as u(x)", "1\n2")
	expectRows(t, duckdb, "select u.x, u.x.k from unnest([{'k': 1}, {'k': 2}]) as u(x) order by u.x.k", "{\"k\":1}|1\n{\"k\":2}|2")
	// DuckDB names an unnest without an alias unnest, and its column too;
	// with an alias u, the column is u, and unnest as well
	expectTranslated(t, duckdb, "select unnest, unnest.unnest from t, unnest(t.a)", "select unnest.value AS unnest, unnest.value AS unnest from t, json_each(t.a) AS unnest")
	expectTranslated(t, duckdb, "select u.u, u.unnest, u.k from unnest(l) u", "select u.value AS u, u.value AS unnest, json_extract(u.value, '$.k') AS k from json_each(l) u")
	expectRows(t, duckdb, "select * from unnest([1, 2]) u, unnest([3])", "1|3\n2|3")
}

// DuckDB's unnest(list) as a select item: a row per element for each row,
// none for an empty or NULL list; what no warehouse or SQLite can give the
// same way is refused.
func TestSelectUnnest(t *testing.T) {
	translated := []struct {
		d       Dialect
		in, out string
	}{
		{duckdb, "select id, unnest(l) as x from t", "select t.id AS id, _nexus_unnest1.value as x from t, json_each(l) AS _nexus_unnest1"},
		{duckdb, "select a, unnest(value) from t as s", `select a, _nexus_unnest1.value AS "unnest(value)" from t as s, json_each(s.value) AS _nexus_unnest1`},
		{duckdb, "select unnest([1, 2])", `select _nexus_unnest1.value AS "unnest([1, 2])" FROM json_each(json_array(1, 2)) AS _nexus_unnest1`},
		{duckdb, "select id,\n  unnest(\n    l\n  ) as x -- the elements\nfrom t -- each row\nwhere id > 1", "select t.id AS id,\n  _nexus_unnest1.value\n\n as x -- the elements\nfrom t, json_each(l) AS _nexus_unnest1 -- each row\nwhere t.id > 1"},
		{duckdb, "select t.id, unnest(t.l) from t join u on u.id = t.id", `select t.id, _nexus_unnest1.value AS "unnest(t.l)" from t join u on u.id = t.id, json_each(t.l) AS _nexus_unnest1`},
		// inside an expression; several side by side, zipped by position
		{duckdb, "select upper(unnest(tags)) as tag, unnest(l) + 1 from t", `select upper_duckdb(json_extract(_nexus_unnest1.value, '$[0]')) as tag, json_extract(_nexus_unnest1.value, '$[1]') + 1 AS "unnest(l) + 1" from t, json_each(unnest_zip(tags, l)) AS _nexus_unnest1`},
		{duckdb, "select generate_subscripts(l, 1) as i, unnest(l) from t", `select json_extract(_nexus_unnest1.value, '$[0]') as i, json_extract(_nexus_unnest1.value, '$[1]') AS "unnest(l)" from t, json_each(unnest_zip(series_list(1, json_array_length(l)), l)) AS _nexus_unnest1`},
		// regexp_split_to_table is DuckDB's macro unnest(string_split_regex(s, re))
		{duckdb, "select id, regexp_split_to_table(s, ',') from t", `select t.id AS id, _nexus_unnest1.value AS "regexp_split_to_table(s, ',')" from t, json_each(regexp_split_json(s, ',')) AS _nexus_unnest1`},
		{duckdb, "select generate_subscripts(l, 1) from (select l from t) as q", `select _nexus_unnest1.value AS "generate_subscripts(l, 1)" from (select l from t) as q, json_each(series_list(1, json_array_length(l))) AS _nexus_unnest1`},
		// * beside unnest() is the FROM items' columns, not json_each's
		{duckdb, "select *, unnest(l) as x from t", "select t.id, t.a, t.b, _nexus_unnest1.value as x from t, json_each(l) AS _nexus_unnest1"},
		{duckdb, "select *, unnest(z.l) as x from zz as z", "select z.*, _nexus_unnest1.value as x from zz as z, json_each(z.l) AS _nexus_unnest1"},
		{duckdb, "select unnest(l)::date + 1 as d from t", "select date(cast_to(_nexus_unnest1.value, 'DATE', 'duckdb', 1), ((1)) || ' days') as d from t, json_each(l) AS _nexus_unnest1"},
	}
	for _, c := range translated {
		expectTranslated(t, c.d, c.in, c.out)
	}
	rows := []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select unnest([3, 1, 2]) as x", "3\n1\n2"},
		{duckdb, "select id, unnest(l) as x from (select 1 as id, [10, 20] as l union all select 2, [] union all select 3, null union all select 4, [30]) order by id, x", "1|10\n1|20\n4|30"},
		{duckdb, "select distinct unnest(['a', 'b', 'a']) as x order by x", "a\nb"},
		{duckdb, "select unnest([1, 2, 3]) as x limit 2", "1\n2"},
		{duckdb, "select unnest(r) as x from (select [[1, 2], [3]] as r)", "[1,2]\n[3]"},
		{duckdb, "select x from (select unnest(['p', 'q']) as x) where x = 'q'", "q"},
		{duckdb, "select id, unnest(a) as x, unnest(b) as y from (select 1 as id, [1, 2] as a, ['p'] as b union all select 2, [], ['q', 'r'] union all select 3, null, null) order by id, x, y", "1|1|p\n1|2|NULL\n2|NULL|q\n2|NULL|r"},
		{duckdb, "select coalesce(unnest([1, null]), 0) * 10 as x", "10\n0"},
	}
	for _, c := range rows {
		expectRows(t, c.d, c.in, c.want)
	}
	refused := []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select x from t where unnest(l) > 1", "1:23: unnest() is supported in a select item, not here (in another clause, inside another unnest() or a lambda) (select unnest(x) in the select list, or move it to FROM: from t, unnest(t.list) as u(x))"},
		{duckdb, "select unnest(unnest([[1]]))", "1:15: unnest() is supported in a select item, not here (in another clause, inside another unnest() or a lambda) (select unnest(x) in the select list, or move it to FROM: from t, unnest(t.list) as u(x))"},
		{duckdb, "select * from t using sample 10%", "1:17: USING SAMPLE is not supported: the rows it keeps are drawn at random, so they differ from the warehouse's and from run to run (filter on a column for a repeatable subset, such as where id % 10 = 0, or keep the first rows: order by id limit 100)"},
		{duckdb, "select * from t tablesample 10 rows", "1:17: TABLESAMPLE is not supported: the rows it keeps are drawn at random, so they differ from the warehouse's and from run to run (filter on a column for a repeatable subset, such as where id % 10 = 0, or keep the first rows: order by id limit 100)"},
		{snowflake, "select x from t sample (10)", "1:17: SAMPLE is not supported: the rows it keeps are drawn at random, so they differ from the warehouse's and from run to run (filter on a column for a repeatable subset, such as where id % 10 = 0, or keep the first rows: order by id limit 100)"},
		{snowflake, "select x from (select 1 as x) sample bernoulli (50 rows)", "1:31: SAMPLE is not supported: the rows it keeps are drawn at random, so they differ from the warehouse's and from run to run (filter on a column for a repeatable subset, such as where id % 10 = 0, or keep the first rows: order by id limit 100)"},
		{duckdb, "select [x + 1 for x, i, j in l] from t", "1:15: this list comprehension is not supported (name the element and at most its position: [expr for x in list if cond], [expr for x, i in list])"},
		{duckdb, "select generate_subscripts(l, 2) from t", "1:8: generate_subscripts(l, dim) numbers the elements of the first dimension only (write generate_subscripts(l, 1), or number an inner list's elements: generate_subscripts(l[i], 1))"},
		{duckdb, "with c as (select {'a': 1} as s) select unnest(s) from c", "1:41: unnest() of a struct, which DuckDB spreads into columns, is not supported (select its fields: s.a, s.b)"},
		{duckdb, "select unnest({'a': 1})", "1:8: unnest() of a struct, which DuckDB spreads into columns, is not supported (select its fields: s.a, s.b)"},
		{duckdb, "select t.k, unnest(t.l), row_number() over (order by t.k) from t", "1:13: a window function beside unnest() in one select list is not supported: DuckDB computes the window over the rows before they are unnested (compute the window in a subquery and unnest around it: select unnest(l), r from (select l, row_number() over (order by k) as r from t))"},
		{duckdb, "select unnest([[1]], recursive := true)", "1:8: unnest() of one list without options is supported, not this one (unnest one level of one list: unnest(x))"},
		{duckdb, "select k, unnest(list(x)) from t group by k", "1:11: unnest() in the select list of a grouped query is not supported (group in a subquery and unnest around it: select unnest(l) from (select list(x) as l from t group by k))"},
		{duckdb, "select count(*), unnest([1])", "1:18: unnest() in the select list of a grouped query is not supported (group in a subquery and unnest around it: select unnest(l) from (select list(x) as l from t group by k))"},
		{duckdb, "select id, unnest(l) from t, u", "1:8: the column id needs its table's name in a select with unnest() (qualify it with the table it comes from, such as t.id)"},
		{bigquery, "select id, unnest(arr) from t", "1:12: UNNEST in a select list is not BigQuery: BigQuery takes UNNEST only in FROM and after IN (move it to FROM: from t, unnest(t.arr) as x, or build an array with array(select ... from unnest(t.arr) as x))"},
		{snowflake, "select unnest(arr) from t", "1:8: Snowflake has no UNNEST (join lateral flatten(input => t.arr) as f and select f.value)"},
	}
	for _, c := range refused {
		expectRefused(t, c.d, c.in, c.want)
	}
}

func TestFunctions(t *testing.T) {
	expectTranslated(t, bigquery, "select extract(date from ts) from t", "select date(ts) from t")
	expectTranslated(t, bigquery, "select date '2024-01-02', timestamp '2024-01-02 10:00:00'", "select date('2024-01-02'), '2024-01-02T10:00:00Z'")
	expectTranslated(t, duckdb, "select d + interval 1 day, d - interval '2 months' from t", "select datetime_add_to_timestamp(d, 1, 'day'), datetime_add_to_timestamp(d, -(2), 'month') from t")
	expectTranslated(t, bigquery, "select date_trunc(d, MONTH), timestamp_diff(a, b, day) from t", "select datetime_trunc_bigquery(d, 'month'), timestamp_diff_elapsed(a, b, 'day') from t")
	expectRows(t, bigquery, "select date_trunc(date '2024-05-17', MONTH), extract(year from date '2024-05-17'), date_add(date '2024-01-31', interval 1 month)", "2024-05-01|2024|2024-02-29")
	expectRows(t, snowflake, "select datediff(day, '2024-01-01', '2024-03-01'), dateadd(day, 1, '2024-01-01')", "60|2024-01-02")
	expectRows(t, duckdb, "select date_diff('day', date '2024-01-01', date '2024-03-01')", "60")
	expectRefused(t, bigquery, "select jsn_extract(a, '$.x') from t", "1:8: unknown function JSN_EXTRACT in BigQuery SQL (the closest known function is JSON_EXTRACT)")
	expectRefused(t, bigquery, "select zeroifnull(b) from t", "1:8: unknown function ZEROIFNULL in BigQuery SQL (ZEROIFNULL is a function of Snowflake SQL; the engine has no function of this name for BigQuery SQL; write the computation with BigQuery functions it has (README, SQL dialect))")
	// the engine's own functions, which the translator writes, are not DuckDB's
	expectRefused(t, duckdb, "select zero_if_null(b), generate_array(1, 3) from t", "1:8: unknown function ZERO_IF_NULL in DuckDB SQL (the engine has no function of this name for DuckDB SQL; write the computation with DuckDB functions it has (README, SQL dialect))\n1:25: unknown function GENERATE_ARRAY in DuckDB SQL (the engine has no function of this name for DuckDB SQL; write the computation with DuckDB functions it has (README, SQL dialect))")
	expectRefused(t, snowflake, "select object_construct(*) from t", "1:8: OBJECT_CONSTRUCT(*) is not supported here (name the columns: object_construct('a', a, 'b', b, ...))")
	expectTranslated(t, snowflake, "select listagg(x, ',') within group (order by x) over (partition by g, h) from t",
		"select listagg_text(x, ',')  over (PARTITION BY g, h ORDER BY x NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) from t")
	expectTranslated(t, snowflake, "select listagg(x) within group (order by y desc) over () from t",
		"select listagg_text(x)  over ( ORDER BY y desc NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) from t")
	expectTranslated(t, snowflake, "select listagg(distinct x, ',') within group (order by x) over (partition by g) from t",
		"select listagg_distinct_text( x, ',')  over (PARTITION BY g ORDER BY x NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) from t")
	expectTranslated(t, snowflake, "select listagg(distinct x, ', ') over (partition by g) from t", "select listagg_distinct_text( x, ', ') over (partition by g) from t")
	expectTranslated(t, snowflake, "select listagg(distinct x) over () from t", "select listagg_distinct_text( x) over () from t")
	expectRefused(t, snowflake, "select listagg(distinct x, ',') over (partition by g order by y) from t", "1:8: LISTAGG(DISTINCT ...) OVER (...) is not supported by SQLite (COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join)")
	expectRefused(t, duckdb, "select string_agg(distinct x, ',') over (partition by g) from t", "1:8: STRING_AGG(DISTINCT ...) OVER (...) is not supported by SQLite (COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join)")
	expectRefused(t, snowflake, "select listagg(x, ',') within group (order by x) over w from t window w as (partition by g)", "1:8: LISTAGG ... WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by SQLite (compute the aggregate with its WITHIN GROUP in a subquery grouped by the PARTITION BY columns, and join it back)")
	expectRefused(t, duckdb, "select percentile_cont(0.5) within group (order by x) over (partition by g) from t", "1:8: PERCENTILE_CONT(...) WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by DuckDB, which refuses it too (write the aggregate with its argument over the window: quantile_cont(x, q) OVER (...), quantile_disc(x, q) OVER (...), mode(x) OVER (...))")
	expectRefused(t, duckdb, "select a, percentile_disc(0.5) within group (order by x desc) over () from t", "1:11: PERCENTILE_DISC(...) WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by DuckDB, which refuses it too (write the aggregate with its argument over the window: quantile_cont(x, q) OVER (...), quantile_disc(x, q) OVER (...), mode(x) OVER (...))")
	expectRefused(t, duckdb, "select mode() within group (order by x) over (partition by g) from t", "1:8: MODE(...) WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by DuckDB, which refuses it too (write the aggregate with its argument over the window: quantile_cont(x, q) OVER (...), quantile_disc(x, q) OVER (...), mode(x) OVER (...))")
	expectTranslated(t, duckdb, "select quantile_cont(x, 0.5) over (partition by g) from t", "select quantile_cont_of(x, 0.5) over (partition by g) from t")
	expectTranslated(t, snowflake, "select s.value, s.index from t, lateral split_to_table(t.tags, ',') s", "select s.value AS value, (s.key + 1) AS \"index\" from t,  json_each(split_to_json(t.tags, ',')) s")
	expectTranslated(t, snowflake, "select booland(a, b), bitshiftleft(a, 2) from t", "select ((a) <> 0 AND (b) <> 0), ((a) << (2)) from t")
	expectTranslated(t, snowflake, "select x::varchar, x || 'a' from (select 1.50 as x)", "select decimal_text(x, 2), decimal_text(x, 2) || 'a' from (select 1.50 as x)")
	expectTranslated(t, snowflake, "select a::variant, typeof(v:x), is_integer(v) from t", "select variant_of(a), json_type_kind(json_type(v, '$.x')), (variant_kind(v) IN ('INTEGER')) from t")
	expectTranslated(t, snowflake, "select as_varchar(v:x), as_integer(v) from t",
		"select CASE WHEN json_type_kind(json_type(v, '$.x')) IN ('VARCHAR') THEN json_extract(v, '$.x') END, CASE WHEN variant_kind(v) IN ('INTEGER', 'DECIMAL') THEN cast_to(v, 'INTEGER', 'snowflake', 1) END from t")
	expectTranslated(t, snowflake, "select as_number(get(v, 'a'), 10, 2) from t",
		"select CASE WHEN variant_kind(json_get_member(v, 'a')) IN ('INTEGER', 'DECIMAL') THEN round_scale(cast_to(json_extract(json_get_member(v, 'a'), '$'), 'REAL', 'snowflake', 1), 2) END from t")
	expectRefused(t, snowflake, "select as_timestamp_ntz(v:ts) from t", "1:8: AS_TIMESTAMP_NTZ is not supported: a VARIANT here never holds a DATE, TIME, TIMESTAMP or BINARY (JSON has none; Snowflake's AS_ gives NULL for a string) (cast the value instead: v:d::date, v:ts::timestamp_ntz, to_date(v:d))")
	expectTranslated(t, snowflake, "select get(v, 'a') = 'x', get(v, 'a') = get(w, 'a') from t", "select json_extract(json_get_member(v, 'a'), '$') = 'x', json_get_member(v, 'a') = json_get_member(w, 'a') from t")
	expectRefused(t, snowflake, "select a::geography,\n  sum(distinct b) over ()\nfrom t", "1:11: cast to GEOGRAPHY is not supported by SQLite (SQLite has no semi-structured types: keep JSON as text and read it with json_extract(x, '$.field'))\n2:3: SUM(DISTINCT ...) OVER (...) is not supported by SQLite (COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join)")
}

// TestLinesKept: every rewrite keeps the input's line breaks.
func TestLinesKept(t *testing.T) {
	in := "select\n  a,\n  struct(\n    b as x,\n    a as y\n  ) as s,\n  [\n1,\n2] as arr\nfrom t\nqualify row_number() over (\n  partition by a\n) = 1\norder by\n  a"
	out, err := TranslateWith(in, testOptions(bigquery))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "\n") != strings.Count(in, "\n") {
		t.Errorf("%q: %d line breaks, want %d", out, strings.Count(out, "\n"), strings.Count(in, "\n"))
	}
	var list diag.List
	_, err = TranslateWith("select\n\n a::geometry, b::variant from t", testOptions(bigquery))
	if !errors.As(err, &list) || len(list) != 2 || list[0].Line != 3 {
		t.Errorf("want two refusals at line 3, got %v", err)
	}
}

// A comparison right after a cast is not a type parameter list.
func TestCastThenComparison(t *testing.T) {
	expectTranslated(t, sqlite, "delete from x where amount::int < 0", "delete from x where CAST(amount AS INTEGER) < 0")
	expectTranslated(t, duckdb, "select a::integer>1, b::int<3 from t", "select integer_in_range(cast_to(a, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1)>1, integer_in_range(cast_to(b, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1)<3 from t")
	expectTranslated(t, duckdb, "select a::uhugeint, cast(b as uint8) from t", "select integer_in_range(cast_to(a, 'INTEGER', 'duckdb', 1), 0, 9223372036854775807, 'UHUGEINT', 1), integer_in_range(cast_to(b, 'INTEGER', 'duckdb', 1), 0, 255, 'UTINYINT', 1) from t")
}
