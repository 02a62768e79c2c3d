package dialect

import (
	"reflect"
	"testing"
)

func TestSplitWith(t *testing.T) {
	cases := []struct {
		sql  string
		ctes []CTE
		body string
		ok   bool
	}{
		{"with a as (select 1 as x), \"b c\"(y) as materialized (select x from a) select * from \"b c\"",
			[]CTE{{Name: "a", SQL: "select 1 as x"}, {Name: `"b c"`, Columns: "(y)", SQL: "select x from a"}}, "select * from \"b c\"", true},
		{"-- lead\nWITH a AS (select (1) as x /* ) */) select x from a",
			[]CTE{{Name: "a", SQL: "select (1) as x /* ) */"}}, "select x from a", true},
		{"with a as not materialized (select ')') select * from a", []CTE{{Name: "a", SQL: "select ')'"}}, "select * from a", true},
		{"with recursive r(n) as (select 1 union all select n + 1 from r) select * from r", nil, "", false},
		{"select 1", nil, "", false},
		{"with a as (select 1", nil, "", false},
	}
	for _, c := range cases {
		ctes, body, ok := SplitWith(c.sql)
		if ok != c.ok || body != c.body || !reflect.DeepEqual(ctes, c.ctes) {
			t.Errorf("SplitWith(%q) = %q, %q, %v; want %q, %q, %v", c.sql, ctes, body, ok, c.ctes, c.body, c.ok)
		}
	}
}
