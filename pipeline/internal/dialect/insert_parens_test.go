package dialect

import (
	"strings"
	"testing"
)

// TestInsertBracketedQuery runs INSERT INTO t [(cols)] (query), which
// SQLite does not read as written, in every dialect.
func TestInsertBracketedQuery(t *testing.T) {
	cases := []struct {
		sql, want string
	}{
		{"insert into t (a, b) (select 1, 2)", "1 2"},
		{"insert into t (\n  select 1, 2\n)", "1 2"},
		{"insert into t (b) (\n  select 7 from (select 1) as x\n)", "NULL 7"},
		{"insert into t (a) ((select 1) union all (select 2))", "1 NULL | 2 NULL"},
		{"insert into t (a) (select 1) union all (select 2)", "1 NULL | 2 NULL"},
		{"insert into t (a, b) (with x as (select 3 as a) select a, a from x)", "3 3"},
		{"insert into t (a) (select 1); insert into t (b) (select 2)", "NULL 2 | 1 NULL"},
		{"insert into t (a) values (5)", "5 NULL"},
	}
	for _, d := range []Dialect{sqlite, duckdb, snowflake, bigquery} {
		for _, c := range cases {
			if d == sqlite && strings.Contains(c.sql, "union") {
				continue // bracketed operands of UNION are not SQLite's own SQL
			}
			out, err := TranslateWith(c.sql, testOptions(d))
			if err != nil {
				t.Errorf("%s: %q: %v", d, c.sql, err)
				continue
			}
			if strings.Count(out, "\n") != strings.Count(c.sql, "\n") {
				t.Errorf("%s: %q: line breaks changed in %q", d, c.sql, out)
			}
			got, err := runRows("create table t (a, b);", out, "select * from t order by a, b")
			if err != nil || got != c.want {
				t.Errorf("%s: %q as %q: got %s, %v; want %s", d, c.sql, out, got, err, c.want)
			}
		}
	}
}

// runRows runs setup and sql on a fresh SQLite and gives the rows of query.
func runRows(setup, sql, query string) (string, error) {
	conn, err := testDB(setup)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.Exec(sql); err != nil {
		return "", err
	}
	rows, err := queryCells(conn, query)
	return joinCells(rows, " ", " | "), err
}
