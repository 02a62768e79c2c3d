package engine

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// A warehouse's Python adapter gives run_query a timestamp column as
// datetime objects and a date column as date objects, which agate keeps
// (dbt's table_from_data_flat types a column by its cells, and a
// datetime is agate's DateTime): a template calls .strftime(), .date(),
// .isoformat() on them, compares them, adds a timedelta, and prints them
// as Python's str() does: 2024-01-02 03:04:05 for a wall clock
// (Snowflake's TIMESTAMP_NTZ, BigQuery's DATETIME, DuckDB's TIMESTAMP),
// with the offset, 2024-01-02 03:04:05+00:00, for an instant
// (TIMESTAMP_TZ and _LTZ, BigQuery's TIMESTAMP, DuckDB's TIMESTAMPTZ); a
// fraction of a second as six digits, only when there is one. The store
// holds them as ISO 8601 text (2024-01-02T03:04:05Z), so the columns the
// translator knows to be timestamps or dates become those objects
// (yamlx.Timestamp, which the template sees as modules.datetime's). Text
// that looks like a date stays text, as the adapter gives a string
// column's cells as str, which agate keeps.

// A boolean column is Python's True and False (dbt keeps agate from
// turning them into 1 and 0), where the store holds 1 and 0.

// A Snowflake NUMBER(p, s) or a DuckDB DECIMAL(p, s) reaches Python as a
// decimal.Decimal with all s digits (1.50), which agate keeps and a
// template prints so, and their integers as ints (2, not 2.0), where the
// store may hold a real. BigQuery's NUMERIC is left as it is: its client
// reads the shortest text BigQuery writes.

// pythonValues rewrites, in place, the values of the columns of rows
// whose static type (types, by lower-case name, or by place for a column
// the query leaves unnamed) is a timestamp, a date,
// a boolean or, but on BigQuery, a number of known scale.
func pythonValues(d dialect.Dialect, columns []string, rows [][]any, types map[string]string) {
	for i, c := range columns {
		kind, named := types[strings.ToLower(c)]
		if !named {
			// select max(ts) from t: the column has SQLite's name
			kind = types[dialect.UnnamedTypePrefix+strconv.Itoa(i)]
		}
		if scale, ok := dialect.NumberScale(kind); ok && d != dialect.BigQuery {
			for _, r := range rows {
				r[i] = fixedPoint(r[i], scale)
			}
			continue
		}
		if kind == dialect.TypeBool {
			for _, r := range rows {
				if n, ok := r[i].(int64); ok {
					r[i] = n != 0
				}
			}
			continue
		}
		if kind == dialect.TypeDate {
			for _, r := range rows {
				if s, ok := r[i].(string); ok {
					if t, err := time.Parse(time.DateOnly, s); err == nil {
						r[i] = yamlx.Timestamp{Time: t, Date: true}
					}
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

// pythonDatetime is the datetime the timestamp text s stands for, aware
// (with its offset) when it is an instant.
func pythonDatetime(s string, aware bool) (yamlx.Timestamp, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return yamlx.Timestamp{}, false
	}
	t = t.Truncate(time.Microsecond) // Python's datetime holds microseconds
	if !aware {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	return yamlx.Timestamp{Time: t, Aware: aware}, true
}

// fixedPoint is number v of a column of that scale as the warehouse's
// Python client gives it: an int for scale 0, else the Decimal's text.
func fixedPoint(v any, scale int) any {
	f, ok := v.(float64)
	switch {
	case !ok:
		if n, isInt := v.(int64); isInt && scale > 0 {
			return jinja.Decimal(strconv.FormatInt(n, 10) + "." + strings.Repeat("0", scale))
		}
		return v
	case scale == 0 && f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return int64(f)
	case scale > 0 && !math.IsInf(f, 0) && !math.IsNaN(f):
		return jinja.Decimal(strconv.FormatFloat(f, 'f', scale, 64))
	}
	return v
}
