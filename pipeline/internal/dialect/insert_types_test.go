package dialect

import "testing"

// An INSERT into a DuckDB table whose column types are known casts its
// query's columns to them, as DuckDB converts the values it writes
// (checked on DuckDB by the oracle's duck_log project).
func TestInsertCastsToColumnTypes(t *testing.T) {
	o := Options{Dialect: DuckDB,
		Types: func(schema, table string) map[string]string {
			if table != "t" {
				return nil
			}
			return map[string]string{"i": "NUMBER INTEGER", "d": "NUMBER DECIMAL 2", "f": "NUMBER FLOAT", "s": TypeText}
		},
		Columns: func(schema, table string) ([]string, error) { return []string{"i", "d", "f", "s", "x"}, nil },
	}
	for _, c := range []struct{ in, want string }{
		{"insert into t (i, f) select 2.5, 1",
			"insert into t (i, f) SELECT cast_to(round_scale(_nexus_insert._nexus_insert_1, 0), 'INTEGER', 'duckdb', 1), to_float32(cast_to(_nexus_insert._nexus_insert_2, 'REAL', 'duckdb', 1)) FROM (WITH _nexus_cols1(_nexus_insert_1, _nexus_insert_2) AS (select 2.5, 1) SELECT * FROM _nexus_cols1) AS _nexus_insert"},
		// a column already of its type, or of no known type, is left
		{"insert into t (i, x) select 2, 'a'", "insert into t (i, x) select 2, 'a'"},
		// every column of the table, in order, without a list
		{"insert into t values (1, 1.5, 2, 'a', 'b')",
			"insert into t SELECT _nexus_insert._nexus_insert_1, decimal_fits(round_scale(cast_to(_nexus_insert._nexus_insert_2, 'REAL', 'duckdb', 1), 2), 38, 2, 1), to_float32(cast_to(_nexus_insert._nexus_insert_3, 'REAL', 'duckdb', 1)), _nexus_insert._nexus_insert_4, _nexus_insert._nexus_insert_5 FROM (WITH _nexus_cols1(_nexus_insert_1, _nexus_insert_2, _nexus_insert_3, _nexus_insert_4, _nexus_insert_5) AS (values (1, 1.5, 2, 'a', 'b')) SELECT * FROM _nexus_cols1) AS _nexus_insert"},
		// a table of unknown types, and a statement with more after its query
		{"insert into u values (2.5)", "insert into u values (2.5)"},
		{"insert into t (i) select 2.5 returning i", "insert into t (i) select 2.5 returning i"},
		{"insert into t (i) select 2.5 on conflict do nothing", "insert into t (i) select 2.5 on conflict do nothing"},
		{"insert into t by name select 2.5 as i", "insert into t by name select 2.5 as i"},
	} {
		got, err := TranslateWith(c.in, o)
		if err != nil || got != c.want {
			t.Errorf("%s\n got: %s (%v)\nwant: %s", c.in, got, err, c.want)
		}
	}
}
