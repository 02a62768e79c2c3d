package engine

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
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

// A Snowflake NUMBER(p, s) or a DuckDB DECIMAL(p, s) reaches Python as a
// decimal.Decimal with all s digits (1.50), which agate keeps and a
// template prints so, and their integers as ints (2, not 2.0), where the
// store may hold a real. BigQuery's NUMERIC is left as it is: its client
// reads the shortest text BigQuery writes.

// pythonValues rewrites, in place, the values of the columns of rows
// whose static type (types, by lower-case name) is a timestamp, a
// boolean or, but on BigQuery, a number of known scale.
func pythonValues(d dialect.Dialect, columns []string, rows [][]any, types map[string]string) {
	for i, c := range columns {
		kind := types[strings.ToLower(c)]
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
