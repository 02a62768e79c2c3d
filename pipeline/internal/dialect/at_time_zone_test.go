package dialect

import "testing"

// DuckDB's AT TIME ZONE converts by the type of its operand, which must be
// known.
func TestAtTimeZone(t *testing.T) {
	expectTranslated(t, duckdb, "select ts::timestamp at time zone 'Europe/Paris' + interval 1 hour from t",
		"select datetime_add_to_timestamp(convert_timezone('Europe/Paris', 'UTC', cast_to(ts, 'DATETIME', 'duckdb', 1)), 1, 'hour') from t")
	expectTranslated(t, duckdb, "select ts::timestamptz at time zone 'UTC' from t",
		"select convert_timezone('UTC', 'UTC', cast_to(ts, 'TIMESTAMP', 'duckdb', 1)) from t")
	expectTranslated(t, duckdb, "select timezone('Asia/Tokyo', ts::timestamptz) from t",
		"select convert_timezone('UTC', 'Asia/Tokyo', cast_to(ts, 'TIMESTAMP', 'duckdb', 1)) from t")
	// twice: the first gives an instant, whose wall clock the second gives
	expectRows(t, duckdb, "select cast('2024-03-05 10:00:00' as timestamp) at time zone 'UTC' at time zone 'America/Los_Angeles'", "2024-03-05T02:00:00Z")
	expectRefused(t, duckdb, "select timezone('UTC', ts) from t",
		"1:8: AT TIME ZONE of a value whose type is not known here is not supported ("+refAtTimeZone.hint+")")
	expectRefused(t, duckdb, "select x,\n  ts at time zone 'UTC' from t",
		"2:6: AT TIME ZONE of a value whose type is not known here is not supported ("+refAtTimeZone.hint+")")
}
