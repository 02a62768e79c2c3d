package dialect

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkTranslate runs a source model of about 40 lines with casts,
// strings and comments, the usual shape of a staging model.
func BenchmarkTranslate(b *testing.B) {
	model := strings.Repeat(`select
    e.id::string as event_id,                -- keep leading zeros
    cast(e.created_at as timestamp) as occurred_at,
    coalesce(e.payload, '{}')::text as properties,
    safe_cast(e.amount as numeric(10,2)) as event_value,
    case when e.kind ilike 'pay%' then 'payment' else 'other' end::varchar(20) as event_type,
    current_timestamp() as synced_at
from raw.events e /* raw rows */
where e.id is not null and e.note != 'x::int'
`, 4)
	b.SetBytes(int64(len(model)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Translate(model); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTranslateInsertValues is a DuckDB INSERT of 1,000 rows of 20
// columns into a table of known types, as a package that uploads its run's
// results writes: the query's columns are cast to the table's types, and
// each column's type is the one its rows agree on. Its time grows with the
// rows times the columns, not with their square.
func BenchmarkTranslateInsertValues(b *testing.B) {
	const cols, rows = 20, 1000
	types := map[string]string{}
	var names []string
	for i := range cols {
		n := "c" + strconv.Itoa(i)
		names = append(names, n)
		types[n] = "NUMBER DECIMAL 2"
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("1.5, ", cols), ", ") + ")"
	sql := "insert into t (" + strings.Join(names, ", ") + ") values " + strings.TrimSuffix(strings.Repeat(row+",\n", rows), ",\n")
	o := Options{Dialect: DuckDB,
		Types:   func(_, table string) map[string]string { return types },
		Columns: func(_, table string) ([]string, error) { return names, nil },
	}
	b.SetBytes(int64(len(sql)))
	for b.Loop() {
		if _, err := TranslateWith(sql, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTranslateLongChains translates chains of 1,000 terms, as a
// hashdiff's a || '|' || b ... or a sum of many columns writes them, in
// each warehouse dialect: asking an operand's type must not cost the
// chain's length each time it is asked.
func BenchmarkTranslateLongChains(b *testing.B) {
	const n = 1000
	for _, chain := range []struct{ name, op string }{{"concat", "||"}, {"plus", "+"}} {
		sql := "select " + strings.Repeat("x "+chain.op+" ", n-1) + "x from (select 1 as x) t"
		for _, d := range []Dialect{Snowflake, DuckDB, BigQuery} {
			b.Run(chain.name+"_"+string(d), func(b *testing.B) {
				for b.Loop() {
					if _, err := TranslateFor(d, sql); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCorrelatedSubquery runs a DuckDB query whose correlated
// subqueries (an aggregate per row, a NOT EXISTS with an inequality) read a
// table of 4,000 rows once per outer row of 4,000, as translated ("read
// once": the table through a MATERIALIZED CTE) and as SQLite runs it
// written as is ("as written"): their ratio is the rewrite's gain.
func BenchmarkCorrelatedSubquery(b *testing.B) {
	conn, err := testDB(`create table u as with recursive c(i) as (select 1 union all select i + 1 from c where i < 4000)
		select i / 4 as k, (i * 7) % 100 as y from c;
		create table t as select k, y as x from u`)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	const query = `select count(*), sum((select max(y) from u where u.k = t.k)) from t
		where not exists (select 1 from u where u.k = t.k and u.y > t.x)`
	translated, err := TranslateWith(query, Options{Dialect: DuckDB, Columns: func(_, table string) ([]string, error) {
		return map[string][]string{"u": {"k", "y"}, "t": {"k", "x"}}[table], nil
	}})
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(translated, "MATERIALIZED") {
		b.Fatalf("not rewritten: %s", translated)
	}
	once, err1 := queryCells(conn, translated)
	written, err2 := queryCells(conn, query)
	if err1 != nil || err2 != nil || joinCells(once, "|", "\n") != joinCells(written, "|", "\n") {
		b.Fatalf("the rewrite changed the answer: %v %v (%v, %v)", once, written, err1, err2)
	}
	for _, c := range []struct{ name, sql string }{{"read once", translated}, {"as written", query}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := queryCells(conn, c.sql); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFullJoin runs a DuckDB FULL JOIN of two tables of 4,000 rows as
// translated (a union of the LEFT JOIN and the right rows without a match)
// and as SQLite runs it written as is, scanning the right side for each
// left row: their ratio is the rewrite's gain.
func BenchmarkFullJoin(b *testing.B) {
	conn, err := testDB(`create table u as with recursive c(i) as (select 1 union all select i + 1 from c where i < 4000)
		select i / 4 as k, (i * 7) % 100 as y from c;
		create table t as select k + 100 as k, y as x from u`)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	const query = `select count(*), count(tk), count(uk), sum(x), sum(y) from (select t.k as tk, u.k as uk, x, y from t full join u on t.k = u.k and t.x = u.y where coalesce(x, 0) <> 1) s`
	translated, err := TranslateWith(query, Options{Dialect: DuckDB, Columns: func(_, table string) ([]string, error) {
		return map[string][]string{"u": {"k", "y"}, "t": {"k", "x"}}[table], nil
	}})
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(translated, "UNION ALL") {
		b.Fatalf("not rewritten: %s", translated)
	}
	once, err1 := queryCells(conn, translated)
	written, err2 := queryCells(conn, query)
	if err1 != nil || err2 != nil || joinCells(once, "|", "\n") != joinCells(written, "|", "\n") {
		b.Fatalf("the rewrite changed the answer: %v %v (%v, %v)", once, written, err1, err2)
	}
	for _, c := range []struct{ name, sql string }{{"union", translated}, {"as written", query}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := queryCells(conn, c.sql); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
