package dialect

import (
	"strings"
	"testing"
)

// DuckDB's FROM-first bodies are written SELECT first, SELECT * where none
// is written, each line keeping its number; FROM elsewhere is left alone.
func TestFromFirst(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"from t\nselect id\nwhere id > 1\norder by id", "2\n3"},
		{"from t where id = 1", "1|x|10"},
		{"with c as (from t select id) from c select max(id)", "3"},
		{"select count(*) from (from t) where id in (from t select id where id < 3)", "2"},
		{"from t select id where id = 1 union all from t select id where id = 2 order by 1", "1\n2"},
		{"select extract(year from date '2024-01-01'), count(*) from t", "2024|3"},
	} {
		expectRows(t, DuckDB, c.in, c.want)
		if out, err := TranslateFor(DuckDB, c.in); err != nil || strings.Count(out, "\n") != strings.Count(c.in, "\n") {
			t.Errorf("%q translated to %q, %v: line breaks moved", c.in, out, err)
		}
	}
	expectTranslated(t, duckdb, "from t select id", "select id from t")
	expectTranslated(t, duckdb, "from t", "select * from t")
}
