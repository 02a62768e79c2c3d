package dialect

import "testing"

// A cast's type is followed by a comparison as often as by a container's
// <...> parameters: x::int < 0 keeps its "< 0".
func TestCastThenLessThan(t *testing.T) {
	for _, d := range []Dialect{SQLite, BigQuery, Snowflake, DuckDB} {
		got, err := TranslateWith("select * from t where a::int < 0 and b = 1", Options{Dialect: d})
		want := "select * from t where cast_to(a, 'INTEGER', '" + string(d) + "', 1) < 0 and b = 1"
		if d == SQLite {
			want = "select * from t where CAST(a AS INTEGER) < 0 and b = 1"
		}
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", d, got, err, want)
		}
	}
}
