package dialect

import (
	"strings"
	"testing"
)

func TestSnowflakeStoredNames(t *testing.T) {
	seed := map[string]string{"n": TypeBool}
	QuotedColumns(seed, []string{"col_1", "Col_2"})
	types := func(_, table string) map[string]string {
		if table == "quoted_seed" {
			return seed
		}
		return nil
	}
	for _, c := range []struct{ query, columns, want string }{
		{"select * from t order by 1", "col_1,col_2", "COL_1,COL_2"},
		{"select * from wh.analytics.quoted_seed", "col_1,Col_2,n", "col_1,Col_2,N"},
		{`select a, b as "b", "c", d as "Mixed", e as Named from t`, "a,b,c,Mixed,Named", "A,b,c,Mixed,NAMED"},
		{`select t."x", y from t union all select 1, 2`, "x,y", "x,Y"},
		{`with c as (select a as "a", b from t) select * from c`, "a,b", "a,B"},
		{`select * from (select 1 as "One", 2 as two) s`, "One,two", "One,TWO"},
		{`select s.*, t.z from quoted_seed s join t on true`, "col_1,Col_2,n,z", "col_1,Col_2,N,Z"},
		{`select * exclude (n) rename (col_1 as "First", Col_2 as second) from quoted_seed`, "First,second", "First,SECOND"},
		{`select col_1 from quoted_seed`, "col_1", "COL_1"},
		{`select "Col_2" from quoted_seed`, "Col_2", "Col_2"},
		{"select count(*) from t", "count(*)", "count(*)"},
	} {
		_, typ, err := TranslateTyped(c.query, Options{Dialect: Snowflake, Types: types, Columns: func(_, table string) ([]string, error) {
			return []string{"col_1", "Col_2", "n"}, nil
		}})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		got := strings.Join(StoredNames(Snowflake, typ, strings.Split(c.columns, ",")), ",")
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.query, got, c.want)
		}
		if got := strings.Join(StoredNames(DuckDB, typ, strings.Split(c.columns, ",")), ","); got != c.columns {
			t.Errorf("%s: DuckDB names %s, want them as SQLite gives them", c.query, got)
		}
	}
}
