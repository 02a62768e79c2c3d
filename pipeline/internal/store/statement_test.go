package store

import "testing"

func TestSecondStatement(t *testing.T) {
	tests := []struct {
		sql  string
		want int
	}{
		{"select 1", -1},
		{"select 1;", -1},
		{"select 1 ;;\n-- done\n", -1},
		{"select 1; /* c */", -1},
		{"select ';' as a, \"x;y\" as b, `p;q`, [r;s] from t -- ; select 2\n", -1},
		{"select 'it''s;' as a", -1},
		{"select 1 as a; RELEASE model; ATTACH 'x.db' AS p", 15},
		{"select 1;select 2", 9},
		{"select 1 -- x\n; /* y */ drop table t", 24},
		{"select 'a;\n", -1},
	}
	for _, tc := range tests {
		if got := SecondStatement(tc.sql); got != tc.want {
			t.Errorf("SecondStatement(%q) = %d, want %d", tc.sql, got, tc.want)
		}
	}
}
