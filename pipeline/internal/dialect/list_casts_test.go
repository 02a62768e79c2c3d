package dialect

import "testing"

// DuckDB's casts to a list type cast the elements; a list of lists stays
// refused, and so does a list type elsewhere.
func TestDuckDBListCasts(t *testing.T) {
	expectRows(t, DuckDB, "select ['1', '2']::int[] as l, cast(\n  [1, 2] as varchar[]) as s", `[1,2]|["1","2"]`)
	expectRows(t, DuckDB, "select try_cast(['x', a] as int[]) from t order by id", "[null,null]\n[null,null]\n[null,null]")
	expectRows(t, DuckDB, "select len(b::varchar[]) from (select null as b)", "NULL")
	expectRefused(t, duckdb, "select x::int[][] from t", "1:11: array type int[][] is not supported by SQLite (keep arrays as JSON text and read them with json_each(x))")
	expectRefused(t, snowflake, "select x::int[] from t", "1:11: array type int[] is not supported by SQLite (keep arrays as JSON text and read them with json_each(x))")
}

// A cast to UUID[] makes each element a UUID's text, as x::uuid does.
func TestUUIDListCast(t *testing.T) {
	expectRows(t, duckdb, "select ['6BA7B810-9dad-11d1-80b4-00c04fd430c8']::uuid[]", `["6ba7b810-9dad-11d1-80b4-00c04fd430c8"]`)
	expectRows(t, duckdb, "select try_cast(['x'] as uuid[])", `[null]`)
}
