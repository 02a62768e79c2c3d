package dialect

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
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
		{`select "col_1" from quoted_seed`, "col_1", "col_1"},
		{`select "Col_2" from quoted_seed`, "Col_2", "Col_2"},
		{"select count(*) from t", "count(*)", "count(*)"},
		// a column list keeps which of its names are quoted
		{`with c(x, "y") as (select "a", b from t) select * from c`, "x,y", "X,y"},
		{`select * from (select 1, 2) as v(a, "b")`, "a,b", "A,b"},
		{`select * from values (1, 2) as v("a", b)`, "a,b", "a,B"},
		{`with c(x, "Y") as (select * from quoted_seed) select * from c`, "", ""},
		{`with c(x, "Y", z) as (select * from quoted_seed) select * from c`, "x,Y,z", "X,Y,Z"},
		{`select 1 as "a", 2 as b union all by name select 3 as c, 4 as "a"`, "a,b,c", "a,B,C"},
		{`select 1 as a union all by name select 2 as "b" union all by name select 3 as b, 4 as a`, "a,b", "A,b"},
	} {
		_, typ, err := TranslateTyped(c.query, Options{Dialect: Snowflake, Types: types, Columns: func(_, table string) ([]string, error) {
			return []string{"col_1", "Col_2", "n"}, nil
		}})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if c.columns == "" {
			continue
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

// An unquoted name of a column created quoted in a case other than upper
// is refused as Snowflake refuses it (invalid identifier 'COL_1'), at the
// name, with the quoted name to write; a column created as "UPPER" is the
// same as an unquoted one, a quoted reference finds its column, and a
// name that a select item gives as an alias is left alone.
func TestSnowflakeUnquotedQuotedColumns(t *testing.T) {
	seed := map[string]string{"n": TypeBool}
	QuotedColumns(seed, []string{"col_1", "Col_2", "UPPER_3"})
	opts := Options{Dialect: Snowflake, Types: func(_, table string) map[string]string {
		if table == "quoted_seed" {
			return seed
		}
		return nil
	}, Columns: func(_, table string) ([]string, error) {
		if table == "quoted_seed" {
			return []string{"col_1", "Col_2", "UPPER_3", "n"}, nil
		}
		return []string{"a", "b"}, nil
	}}
	msg := func(pos, upper, stored, write string) string {
		return pos + ": invalid identifier '" + upper + "': Snowflake reads an unquoted name in upper case, and this column was created quoted as " + stored + ", which keeps its case: write " + write + " (quote the name as it was created; a seed's columns are created quoted when its config sets quote_columns: true)"
	}
	for _, c := range []struct{ query, want string }{
		{"select col_1 from quoted_seed", msg("1:8", "COL_1", `"col_1"`, `"col_1"`)},
		{"select s.col_2\nfrom quoted_seed as s", msg("1:10", "COL_2", `"Col_2"`, `s."Col_2"`)},
		{"select n from quoted_seed where col_1 > 0", msg("1:33", "COL_1", `"col_1"`, `"col_1"`)},
		{"with c as (select * from quoted_seed) select Col_1 from c", msg("1:46", "COL_1", `"col_1"`, `"col_1"`)},
		{`with c as (select 1 as "lower") select lower + 1 as x from c`, msg("1:40", "LOWER", `"lower"`, `"lower"`)},
		{`select x from (select 1 as "x") as q`, msg("1:8", "X", `"x"`, `"x"`)},
		{"select col_1 as col_1 from quoted_seed", msg("1:8", "COL_1", `"col_1"`, `"col_1"`)},
		{`select n, "col_1", "Col_2", upper_3, Upper_3, s."UPPER_3" from quoted_seed s`, ""},
		{`with c as (select 1 as "X", 2 as y) select x, y, "Y" from c`, ""},
		{`select "col_1" as col_1 from quoted_seed order by col_1`, ""},
		{`select "col_1" as col_1, col_1 + 1 as next from quoted_seed`, ""},
		{"select col_1 from t", ""},
		{`with c(x, "y") as (select 1, 2) select x, y from c`, msg("1:43", "Y", `"y"`, `"y"`)},
		{`select v.b from (select 1, 2) as v(a, "b")`, msg("1:10", "B", `"b"`, `v."b"`)},
		{`select b from (select 1 as a union all by name select 2 as "b")`, msg("1:8", "B", `"b"`, `"b"`)},
	} {
		_, err := TranslateWith(c.query, opts)
		got := ""
		if err != nil {
			var list diag.List
			var one *diag.Diagnostic
			if errors.As(err, &one) {
				list = diag.List{one}
			} else if !errors.As(err, &list) {
				t.Fatalf("%s: %v is not a diagnostic", c.query, err)
			}
			var lines []string
			for _, e := range list {
				lines = append(lines, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Error()))
			}
			got = strings.Join(lines, "\n")
		}
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.query, got, c.want)
		}
		if _, err := TranslateWith(c.query, Options{Dialect: DuckDB, Types: opts.Types, Columns: opts.Columns}); err != nil {
			t.Errorf("%s: DuckDB: %v", c.query, err)
		}
	}
}

// A view's column list names its query's columns by position, keeping
// which of them are quoted: create view v (a, "b") makes A and b.
func TestSnowflakeViewColumnList(t *testing.T) {
	_, _, created, err := TranslateCreating(`create view v (a, "b") as select 1 as x, date '2024-01-01' as "Y"`, Options{Dialect: Snowflake})
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 1 {
		t.Fatalf("created %v", created)
	}
	got := strings.Join(StoredNames(Snowflake, created[0].Types, []string{"a", "b"}), ",")
	if got != "A,b" || created[0].Types["b"] != TypeDate {
		t.Errorf("names %s, types %v; want A,b with b a DATE", got, created[0].Types)
	}
}

// A quoted name must be written as its column was created: "id" of a
// column created unquoted (stored as ID) fails in Snowflake.
func TestSnowflakeQuotedUnquoted(t *testing.T) {
	seed := map[string]string{"n": TypeBool}
	QuotedColumns(seed, []string{"col_1"})
	built := map[string]string{"id": typeNumber + "INTEGER", "flag": TypeBool}
	seeded := map[string]string{"id": typeNumber + "INTEGER"}
	UnquotedColumns(seeded, []string{"id", "name"})
	o := Options{Dialect: Snowflake, Types: func(_, table string) map[string]string {
		switch table {
		case "quoted_seed":
			return seed
		case "built":
			return built
		case "seeded":
			return seeded
		}
		return nil
	}}
	for _, c := range []struct{ query, want string }{
		{`select "id" from built`, `invalid identifier '"id"'`},
		{`select b."flag" from built b`, `invalid identifier '"flag"'`},
		{`with c as (select 1 as x) select "x" from c`, `invalid identifier '"x"'`},
		{`select "Col_1" from quoted_seed`, `invalid identifier '"Col_1"'`},
		{`select "ID", id, "FLAG" from built`, ""},
		{`select "col_1", "N" from quoted_seed`, ""},
		{`with c as (select 1 as "x") select "x" from c`, ""},
		{`select "id" from src`, ""},
		{`select "name" from seeded`, `invalid identifier '"name"'`},
		{`select "NAME", name, "ID" from seeded`, ""},
		{`select id as "Id" from built order by "Id"`, ""},
	} {
		_, err := TranslateWith(c.query, o)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.query, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want %s", c.query, err, c.want)
		}
	}
	_, err := TranslateWith(`select "id" from built`, Options{Dialect: DuckDB, Types: o.Types})
	if err != nil {
		t.Errorf("DuckDB: %v", err)
	}
}
