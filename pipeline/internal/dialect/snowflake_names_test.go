package dialect

import (
	"strings"
	"testing"
)

func TestSnowflakeColumnNames(t *testing.T) {
	quoted := func(_, table string) bool { return table == "quoted_seed" }
	for _, c := range []struct{ query, columns, want string }{
		{"select * from t order by 1", "col_1,col_2", "COL_1,COL_2"},
		{"select * from wh.analytics.quoted_seed", "col_1,Col_2", "col_1,Col_2"},
		{`select a, b as "b", "c", d as "Mixed", e as Named from t`, "a,b,c,Mixed,Named", "A,b,c,Mixed,NAMED"},
		{`select t."x", y from t union all select 1, 2`, "x,y", "x,Y"},
		{"select a from (", "a", "A"},
	} {
		got := strings.Join(SnowflakeColumnNames(c.query, strings.Split(c.columns, ","), quoted), ",")
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.query, got, c.want)
		}
	}
}
