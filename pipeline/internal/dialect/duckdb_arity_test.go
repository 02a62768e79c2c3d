package dialect

import (
	"strconv"
	"testing"
)

// TestDuckDBArity: a DuckDB call with a number of arguments no overload of
// the function takes is refused at its place, as DuckDB refuses it when it
// binds the query; calls DuckDB counts otherwise than as written are left
// alone.
func TestDuckDBArity(t *testing.T) {
	hint := " (" + refDuckArity.hint + ")"
	expectRefused(t, duckdb, "select json_extract_path_text(j, 'a', 'b') from t", "1:8: JSON_EXTRACT_PATH_TEXT takes 2 arguments, not 3"+hint)
	expectRefused(t, duckdb, "select a,\n  md5(a, b) from t", "2:3: MD5 takes 1 argument, not 2"+hint)
	expectRefused(t, duckdb, "select concat(), concat_ws(',') from t", "1:8: CONCAT takes 1 or more arguments, not 0"+hint+"\n1:18: CONCAT_WS takes 2 or more arguments, not 1"+hint)
	expectRefused(t, duckdb, "select make_date(1, 2) from t", "1:8: MAKE_DATE takes 1 or 3 arguments, not 2"+hint)
	expectRefused(t, duckdb, "select regexp_extract(a) from t", "1:8: REGEXP_EXTRACT takes 2 to 4 arguments, not 1"+hint)
	expectRefused(t, duckdb, "select round(a, 1, 2) from t", "1:8: ROUND takes 1 or 2 arguments, not 3"+hint)
	expectRefused(t, duckdb, "select if(a > 0, 1) from t", "1:8: IF takes 3 arguments, not 2"+hint)
	expectRefused(t, duckdb, "select string_agg(a, ',', 'z' order by b) from t", "1:8: STRING_AGG takes 1 or 2 arguments, not 3"+hint)
	expectRefused(t, duckdb, "select sum(a, 1) over () from t", "1:8: SUM takes 1 argument, not 2"+hint)
	expectRefused(t, duckdb, "select list_transform(l, x -> x + 1, 3) from t", "1:8: LIST_TRANSFORM takes 2 arguments, not 3"+hint)
	expectRefused(t, duckdb, "select * from t where upper() = 'A'", "1:23: UPPER takes 1 argument, not 0"+hint)
	expectRefused(t, duckdb, "select DATE_TRUNC('day') from t", "1:8: DATE_TRUNC takes 2 arguments, not 1"+hint)
	// to_base's third parameter has a default: DuckDB's list names it alone
	expectRefused(t, duckdb, "select to_base(a) from t", "1:8: TO_BASE takes 2 or 3 arguments, not 1"+hint)
	expectRefused(t, duckdb, "select * from range(1, 3, 1, 4) r(x)", "1:15: RANGE takes 1 to 3 arguments, not 4"+hint)
	expectRefused(t, duckdb, "select x from generate_series() as g(x)", "1:15: GENERATE_SERIES takes 1 to 3 arguments, not 0"+hint)

	// the numbers DuckDB takes; calls it counts otherwise: WITHIN GROUP,
	// named arguments, window functions (their optional arguments are
	// not in DuckDB's list), table functions in FROM, COUNT (its own
	// refusal), dotted calls
	expectTranslated(t, duckdb, "select json_extract_path_text(j, 'a'), make_date(2020, 1, 2), concat(a), md5(a) from t", "select json_get_text_duckdb(j, 'a'), make_date_duckdb(2020, 1, 2), concat(a), md5(a) from t")
	expectTranslated(t, duckdb, "select percentile_cont(0.5) within group (order by a) from t", "select quantile_cont_of(a, 0.5) from t")
	expectTranslated(t, duckdb, "select struct_pack(a := 1, b := 2) from t", "select json_object('a', 1, 'b', 2) from t")
	expectTranslated(t, duckdb, "select lag(a) over (order by a), lead(a, 1, 0) over (order by a) from t", "select lag(a) over (order by a NULLS LAST), lead(a, 1, 0) over (order by a NULLS LAST) from t")
	expectTranslated(t, duckdb, "select quantile_cont(a, 0.5 order by a) from t", "select quantile_cont_of(a, 0.5 order by a NULLS LAST) from t")
	expectTranslated(t, duckdb, "select min(columns(*)) from t", "select min(id) AS id, min(a) AS a, min(b) AS b from t")
	expectRefused(t, duckdb, "select count(distinct a, b) from t", "1:8: COUNT takes one argument in DuckDB: count(a, b) fails there ("+refCountArgs.hint+")")
	// BigQuery and Snowflake calls are not DuckDB's
	expectTranslated(t, snowflake, "select md5(a) from t", "select md5(a) from t")
}

// TestArityTables: every entry of the tables reads as a new name and its
// counts, ascending, with -1 only last and after a count (BigQuery's
// {min, max} pairs too), and each is read as written.
func TestArityTables(t *testing.T) {
	for table, read := range map[string]map[string][]int{duckDBArityTable: duckDBArities(), bigQueryArityTable: bigQueryArities()} {
		seen := 0
		for f := range arityEntries(table) {
			seen++
			if len(f) < 2 || len(read[f[0]]) != len(f)-1 {
				t.Fatalf("entry %q: want a name once and its counts", f)
			}
			for i, s := range f[1:] {
				c, err := strconv.Atoi(s)
				if err != nil || c != read[f[0]][i] || c < -1 || c == -1 && (i != len(f)-2 || i == 0) || i > 0 && c >= 0 && c < read[f[0]][i-1] {
					t.Fatalf("entry %q: count %q", f, s)
				}
			}
		}
		if seen != len(read) || seen < 100 {
			t.Fatalf("%d entries, %d functions read", seen, len(read))
		}
	}
}
