package engine

import (
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// A warehouse's Python adapter gives run_query a timestamp column as
// datetime objects, which a template prints as Python's str() does:
// 2024-01-02 03:04:05 for a wall clock (Snowflake's TIMESTAMP_NTZ,
// BigQuery's DATETIME, DuckDB's TIMESTAMP), with the offset,
// 2024-01-02 03:04:05+00:00, for an instant (TIMESTAMP_TZ and _LTZ,
// BigQuery's TIMESTAMP, DuckDB's TIMESTAMPTZ); a fraction of a second as
// six digits, only when there is one. The store holds them as ISO 8601
// text (2024-01-02T03:04:05Z), so the columns the translator knows to be
// timestamps are written as Python would.

// A boolean column is Python's True and False (dbt keeps agate from
// turning them into 1 and 0), where the store holds 1 and 0.

// pythonValues rewrites, in place, the values of the columns of rows
// whose static type (types, by lower-case name) is a timestamp or a
// boolean.
func pythonValues(columns []string, rows [][]any, types map[string]string) {
	for i, c := range columns {
		kind := types[strings.ToLower(c)]
		if kind == dialect.TypeBool {
			for _, r := range rows {
				if n, ok := r[i].(int64); ok {
					r[i] = n != 0
				}
			}
			continue
		}
		if kind != sqlfunc.KindInstant && kind != sqlfunc.KindWallClock {
			continue
		}
		for _, r := range rows {
			if s, ok := r[i].(string); ok {
				if p, ok := pythonDatetime(s, kind == sqlfunc.KindInstant); ok {
					r[i] = p
				}
			}
		}
	}
}

// pythonDatetime is str() of the datetime the timestamp text s stands for,
// aware (with its offset) when it is an instant.
func pythonDatetime(s string, aware bool) (string, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return "", false
	}
	t = t.Truncate(time.Microsecond) // Python's datetime holds microseconds
	layout := "2006-01-02 15:04:05"
	if t.Nanosecond() != 0 {
		layout += ".000000"
	}
	if aware {
		layout += "-07:00"
	}
	return t.Format(layout), true
}
