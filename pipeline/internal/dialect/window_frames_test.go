package dialect

import "testing"

// A RANGE frame with an offset over a date, a timestamp or an interval is
// refused: SQLite's offsets are numbers. Frames without an offset, ROWS
// frames and RANGE over numbers run as written.
func TestRangeFrames(t *testing.T) {
	msg := refRangeFrame.message + " (" + refRangeFrame.hint + ")"
	expectRefused(t, duckdb, "select sum(x) over (order by ts range between interval 1 month preceding and current row) from t", "1:33: "+msg)
	expectRefused(t, duckdb, "select sum(x) over (order by cast(ts as date) range between 1 preceding and current row) from t", "1:47: "+msg)
	expectRefused(t, bigquery, "select sum(x) over (order by ts range between interval 1 day preceding and current row) from t", "1:33: "+msg)
	expectRefused(t, duckdb, "select sum(x) over w from t window w as (order by cast(ts as date) range between 1 preceding and current row)", "1:68: "+msg)
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select sum(x) over (order by n range between 1 preceding and current row) from t", "select duck_sum(x) over (order by n NULLS LAST range between 1 preceding and current row) from t"},
		// DuckDB's INTERVAL offsets of fixed units over a date or timestamp: the epoch seconds
		{duckdb, "select sum(x) over (order by cast(ts as timestamp) range between interval 1 day preceding and interval '90 minutes' following) from t", "select duck_sum(x) over (order by epoch_seconds_real(cast_to(ts, 'DATETIME', 'duckdb', 1)) NULLS LAST range between 86400 preceding and 5400 following) from t"},
		{duckdb, "select sum(x) over w from t window w as (order by cast(ts as date) desc range interval 2 week preceding)", "select duck_sum(x) over w from t window w as (order by epoch_seconds_real(cast_to(ts, 'DATE', 'duckdb', 1)) desc NULLS LAST range 1209600 preceding)"},
		{bigquery, "select sum(x) over (order by cast(ts as timestamp) range between unbounded preceding and current row) from t", "select sum(x) over (order by instant_key(cast_to(ts, 'TIMESTAMP', 'bigquery', 1)) range between unbounded preceding and current row) from t"},
		{bigquery, "select sum(x) over (order by cast(ts as timestamp) rows between 1 preceding and current row) from t", "select sum(x) over (order by instant_key(cast_to(ts, 'TIMESTAMP', 'bigquery', 1)) rows between 1 preceding and current row) from t"},
	} {
		expectTranslated(t, c.d, c.in, c.want)
	}
}
