package dialect

import (
	"fmt"
	"testing"
)

func TestSyntaxProblem(t *testing.T) {
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select id\nfrom <your_database>.raw.orders", `2:6 read as DuckDB SQL, the query stops at "<": expected a table`},
		{bigquery, "select a from t where", `1:22 read as BigQuery SQL, the query stops at the end: expected an expression`},
		{snowflake, "create table x as select 1;\nselect a b c from t", `2:12 read as Snowflake SQL, the query stops at "c": expected the end of the query`},
		{duckdb, "select a, from t", ""},
		{bigquery, "select a from t; select b from u", ""},
		{duckdb, "insert into t values (1)", ""},
	} {
		line, col, msg, ok := SyntaxProblem(c.d, c.in)
		got := ""
		if ok {
			got = fmt.Sprintf("%d:%d %s", line, col, msg)
		}
		if got != c.want {
			t.Errorf("%s: %q: got %s, want %s", c.d, c.in, got, c.want)
		}
	}
}
