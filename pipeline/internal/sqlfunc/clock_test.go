package sqlfunc_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// The clock writes the one timestamp form (a fraction only when there is
// one, without trailing zeros), so that it equals other timestamps of the
// same instant as text. SQLite's 'now' is replaced by fixed instants.
func TestClockForm(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	micros := map[dialect.Dialect]bool{dialect.DuckDB: true, dialect.BigQuery: true} // want is a pattern
	for _, c := range []struct {
		d        dialect.Dialect
		sql, now string
		want     string
	}{
		// DuckDB's and BigQuery's clocks have microseconds: those within the millisecond
		{dialect.BigQuery, "select current_timestamp()", "2025-09-01 12:34:56.780", "2025-09-01T12:34:56\\.78(0\\d{0,3})?Z"},
		{dialect.BigQuery, "select current_datetime()", "2025-09-01 12:34:56.000", "2025-09-01T12:34:56(\\.000\\d{0,3})?Z"},
		{dialect.Snowflake, "select current_timestamp", "2025-09-01 12:34:56.123", "2025-09-01T12:34:56.123Z"},
		{dialect.Snowflake, "select sysdate()", "2025-09-01 12:34:56.100", "2025-09-01T12:34:56.1Z"},
		{dialect.DuckDB, "select now()", "2025-09-01 12:34:56.000", "2025-09-01T12:34:56(\\.000\\d{0,3})?Z"},
		{dialect.DuckDB, "select current_timestamp", "2025-09-01 12:34:56.120", "2025-09-01T12:34:56\\.12(0\\d{0,3})?Z"},
		{dialect.DuckDB, "select get_current_timestamp()", "2025-09-01 12:34:56.123", "2025-09-01T12:34:56\\.123\\d{0,3}Z"},
	} {
		out, err := dialect.TranslateFor(c.d, c.sql)
		if err != nil || !strings.Contains(out, "'now'") {
			t.Fatalf("%s: %s, %v: want a reading of 'now'", c.sql, out, err)
		}
		rows, err := db.Query(ctx, strings.ReplaceAll(out, "'now'", "'"+c.now+"'"), 1)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got := conformance.Render(rows.Rows[0][0]); micros[c.d] && !regexp.MustCompile("^'"+c.want+"'$").MatchString(got) || !micros[c.d] && got != "'"+c.want+"'" {
			t.Errorf("%s at %s: got %s, want '%s'", c.sql, c.now, got, c.want)
		}
	}
}

// BigQuery's CAST(s AS DATE FORMAT ...) takes what the format leaves out of
// the year and month from the current date, in the zone of the cast.
func TestCastParseCurrentDate(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct{ sql, now, want string }{
		{"select cast('12-03' as date format 'MM-DD')", "2025-09-01 12:00:00", "'2025-12-03'"},
		{"select cast('03' as date format 'DD')", "2025-09-01 12:00:00", "'2025-09-03'"},
		{"select cast('8-12-03' as date format 'Y-MM-DD')", "2025-09-01 12:00:00", "'2028-12-03'"},
		{"select cast('018-12-03' as date format 'YYY-MM-DD')", "2125-09-01 12:00:00", "'2018-12-03'"},
		{"select cast('18-12-03' as date format 'YY-MM-DD')", "2125-09-01 12:00:00", "'2118-12-03'"},
		{"select cast('18-12-03' as date format 'RR-MM-DD')", "2021-09-01 12:00:00", "'2018-12-03'"},
		{"select cast('18-12-03' as date format 'RR-MM-DD')", "2050-09-01 12:00:00", "'2118-12-03'"},
		{"select cast('50-12-03' as date format 'RR-MM-DD')", "2050-09-01 12:00:00", "'2050-12-03'"},
		{"select cast('50-12-03' as date format 'RR-MM-DD')", "2021-09-01 12:00:00", "'1950-12-03'"},
		{"select cast('181203' as date format 'YYMMDD')", "2021-09-01 12:00:00", "'2018-12-03'"},
		{"select cast('12-03 10:00' as timestamp format 'MM-DD HH24:MI' at time zone 'Pacific/Auckland')", "2025-12-31 12:00:00", "'2026-12-02T21:00:00Z'"},
	} {
		out, err := dialect.TranslateFor(dialect.BigQuery, c.sql)
		if err != nil || !strings.Contains(out, "'now'") {
			t.Fatalf("%s: %s, %v: want a reading of 'now'", c.sql, out, err)
		}
		rows, err := db.Query(ctx, strings.ReplaceAll(out, "'now'", "'"+c.now+"'"), 1)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got := conformance.Render(rows.Rows[0][0]); got != c.want {
			t.Errorf("%s at %s: got %s, want %s", c.sql, c.now, got, c.want)
		}
	}
}

// DuckDB's clock answers one instant through a statement, its
// microseconds included, as current_timestamp holds through a transaction.
func TestClockMicrosHoldsThroughAStatement(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out, err := dialect.TranslateFor(dialect.DuckDB, "select current_timestamp as a, now() as b from range(2000)")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(ctx, out, 0)
	if err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	first := rows.Rows[0][0]
	for _, r := range rows.Rows {
		if r[0] != first || r[1] != first {
			t.Fatalf("%s: %v and %v in one statement, want %v", out, r[0], r[1], first)
		}
	}
}
