package dialect

import (
	"strings"
	"testing"
)

// DuckDB's CREATE MACRO, CREATE TYPE and SET in a hook define names that
// later SQL uses (INSTALL and LOAD of an extension are taken out without
// effect): macro calls expand to their bodies (defaults and named
// arguments as DuckDB binds them), aliases become their types, and the
// answers are DuckDB's.
func TestDuckDBDefinitions(t *testing.T) {
	hook := `-- shims
CREATE TYPE IF NOT EXISTS string AS VARCHAR;
CREATE OR REPLACE MACRO iff(c, t, f) AS CASE WHEN c THEN t ELSE f END;
CREATE OR REPLACE MACRO add_n(a, n := 10) AS a + n;
CREATE MACRO twice(x) AS add_n(x, n := x);
CREATE OR REPLACE MACRO initcap(s) AS
    list_aggregate(
        list_transform(
            string_split(s, ' '),
            x -> upper(substring(x, 1, 1)) || lower(substring(x, 2))
        ),
        'string_agg', ' '
    );
SET disabled_optimizers='expression_rewriter';
SET TimeZone='UTC';
INSTALL httpfs;
load 'httpfs';
FORCE INSTALL json FROM core;
UPDATE EXTENSIONS;
select 1`
	var defs Defs
	rest, err := TakeDefinitions(DuckDB, hook, &defs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-- shims\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nselect 1"; rest != want {
		t.Errorf("rest of the hook = %q, want %q", rest, want)
	}
	cases := []struct{ sql, want string }{
		{"select iff(id > 1, 'big', 'small') from t order by id", "small\nbig\nbig"},
		{"select add_n(id), add_n(id, n := 1), add_n(id, 2) from t where id = 1", "11|2|3"},
		{"select twice(id) from t where id = 3", "6"},
		{"select cast(id as string) || 'x', id::string from t where id = 2", "2x|2"},
		{"select t.iff from (select 1 as iff) t", "1"},
		{"select initcap('hello wORLD'), initcap(a), initcap(null) from t where id = 2", "Hello World|Y|NULL"},
		{"select id, initcap(a || ' ' || a) from t order by id", "1|X X\n2|Y Y\n3|NULL"},
		{"select iff(\n  id = 1,\n  'one', 'other') as v,\n  id from t where id = 1", "one|1"},
	}
	for _, c := range cases {
		sql, err := ApplyDefinitions(DuckDB, c.sql, &defs)
		if err != nil {
			t.Errorf("%q: %v", c.sql, err)
			continue
		}
		if strings.Count(sql, "\n") != strings.Count(c.sql, "\n") {
			t.Errorf("%q expanded to %q: line breaks moved", c.sql, sql)
		}
		expectRows(t, DuckDB, sql, c.want)
	}
	for _, bad := range []struct{ sql, want string }{
		{"SET TimeZone = 'Europe/Paris'", "SET TimeZone = 'Europe/Paris' is not supported"},
		{"CREATE MACRO tbl(x) AS TABLE select x", "table macros"},
	} {
		if _, err := TakeDefinitions(DuckDB, bad.sql, &Defs{}); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want %q", bad.sql, err, bad.want)
		}
	}
	// an UPDATE of a table named extensions is no extension statement
	if rest, err := TakeDefinitions(DuckDB, "update extensions set a = 1", &Defs{}); err != nil || rest != "update extensions set a = 1" {
		t.Errorf("update of a table named extensions: %q, %v", rest, err)
	}
	if _, err := ApplyDefinitions(DuckDB, "select iff(1, 2)", &defs); err == nil || !strings.Contains(err.Error(), "macro iff needs its argument f") {
		t.Errorf("missing argument: %v", err)
	}
}
