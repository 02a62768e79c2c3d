package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A model reading a seed's date, timestamp and boolean columns
// (column_types) or another model's gets the warehouse's answers: a date
// plus days, a timestamp and a boolean as the warehouse writes them as text. The DuckDB answers are
// DuckDB's (checked in pipeline/internal/sqlfunc/oracle).
func TestUpstreamColumnTypes(t *testing.T) {
	seedCSV := []byte("d,ts,ok\n2024-01-05,2024-01-05 10:00:00,true\n")
	for _, c := range []struct {
		d     dialect.Dialect
		model string // models/m.sql; models/n.sql reads it
		next  string
		want  string // m's row | n's row
	}{
		{dialect.DuckDB, "select d + 7 as next_week, d - date '2024-01-01' as days, cast(ts as varchar) as ts_text, ts || '!' as bang, ok::varchar as ok_text, d > date '2024-02-01' as late from {{ ref('s') }}",
			"select next_week + 1 as d, next_week - 1 as e, late::varchar as late_text from {{ ref('m') }}",
			"2024-01-12|4|2024-01-05 10:00:00|2024-01-05 10:00:00!|true|0 ; 2024-01-13|2024-01-11|false"},
		// an INTERVAL column read by the next model compares, adds and
		// extracts as an interval (text would put 10:00:00 after 1 day)
		{dialect.DuckDB, "select ts - d as since_midnight from {{ ref('s') }}",
			"select since_midnight > interval '1 day' as long, extract(hour from since_midnight) as h, since_midnight + interval 1 day as later from {{ ref('m') }}",
			"10:00:00 ; 0|10|1 day 10:00:00"},
		{dialect.Snowflake, "select d - 1 as yesterday, ts::varchar as ts_text from {{ ref('s') }}",
			"with c as (select * from {{ ref('m') }}) select yesterday + 2 as d, ts_text from c",
			"2024-01-04|2024-01-05 10:00:00.000 ; 2024-01-06|2024-01-05 10:00:00.000"},
		{dialect.BigQuery, "select cast(ts as string) as ts_text, timestamp_add(ts, interval 1 hour) as later from {{ ref('s') }}",
			"select cast(later as string) as s from {{ ref('m') }}",
			"2024-01-05 10:00:00+00|2024-01-05T11:00:00Z ; 2024-01-05 11:00:00+00"},
	} {
		t.Run(string(c.d), func(t *testing.T) {
			files := map[string][]byte{
				// quote_columns: false, so Snowflake's models read the seed's
				// columns unquoted, as they are D, TS and OK there
				"dbt_project.yml": []byte("name: p\nseeds:\n  p:\n    +quote_columns: false\n    +column_types: {d: date, ts: timestamp, ok: boolean}\n"),
				"seeds/s.csv":     seedCSV,
				"models/m.sql":    []byte(c.model + "\n"),
				"models/n.sql":    []byte(c.next + "\n"),
			}
			s := openSession(t)
			opts := Options{Exclude: []string{"package:nexus"}, Dialect: c.d}
			for i := 0; i < 2; i++ { // the second build reuses every table
				build(t, s, files, opts)
				if got := rowsOf(t, s, "m") + " ; " + rowsOf(t, s, "n"); got != c.want {
					t.Errorf("build %d: %s, want %s", i+1, got, c.want)
				}
			}
		})
	}
}

// DuckDB DECIMALs stay exact from a seed's column_types through the models
// reading it: 0.1 + 0.2 is 0.3, and a decimal sum is written with its scale.
func TestUpstreamDecimals(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: p\nseeds:\n  p:\n    +column_types: {price: 'decimal(10, 2)', qty: bigint}\n"),
		"seeds/s.csv":     []byte("price,qty\n0.10,1\n0.20,1\n0.05,2\n"),
		"models/m.sql":    []byte("select price * qty as line_total, price from {{ ref('s') }}\n"),
		"models/n.sql":    []byte("select sum(price) = 0.35 as exact, sum(line_total)::varchar as shown, coalesce(sum(line_total) filter (where price > 1), 0) as none from {{ ref('m') }}\n"),
	}
	s := openSession(t)
	opts := Options{Exclude: []string{"package:nexus"}, Dialect: dialect.DuckDB}
	for i := 0; i < 2; i++ { // the second build reuses every table
		build(t, s, files, opts)
		if got := rowsOf(t, s, "n"); got != "1|0.40|0" {
			t.Errorf("build %d: %s, want 1|0.40|0", i+1, got)
		}
	}
}

// A seed whose column is no longer declared a date gives a column of
// text: the model reading it is translated again, not remembered.
func TestUpstreamColumnTypesChange(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: p\nseeds:\n  p:\n    +column_types: {d: date}\n"),
		"seeds/s.csv":     []byte("d\n2024-01-05\n"),
		"models/m.sql":    []byte("select d + 7 as next_week from {{ ref('s') }}\n"),
	}
	s := openSession(t)
	opts := Options{Exclude: []string{"package:nexus"}, Dialect: dialect.DuckDB}
	build(t, s, files, opts)
	if got := rowsOf(t, s, "m"); got != "2024-01-12" {
		t.Errorf("with d a date: %s", got)
	}
	// Declared a timestamp, the column makes d + 7 DuckDB's missing
	// TIMESTAMP + INTEGER: the model is refused as DuckDB refuses it.
	files["dbt_project.yml"] = []byte("name: p\nseeds:\n  p:\n    +column_types: {d: timestamp}\n")
	res, err := s.Build(context.Background(), mapFS(files), opts)
	if err != nil {
		t.Fatal(err)
	}
	refused := false
	for _, st := range res.Steps {
		if st.Name == "m" && st.Status == "ERROR" && strings.Contains(st.Message, "models/m.sql:1:10: + of a timestamp and a number is not DuckDB") {
			refused = true
		}
	}
	if res.OK || !refused {
		t.Errorf("with d a timestamp: %s, want m refused as a timestamp plus a number", res.Summary)
	}
}

func rowsOf(t *testing.T, s *Session, table string) string {
	t.Helper()
	tab, err := s.Query(context.Background(), "select * from "+table, 0)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, r := range tab.Rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, fmt.Sprint(v))
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	return strings.Join(rows, "\n")
}

// A seed's column declared interval in column_types holds the dialect's
// intervals: it orders and takes min and max by length (text would put
// 10:00:00 after 1 day), and a cell that is no interval names its line.
func TestSeedIntervalColumn(t *testing.T) {
	for _, c := range []struct {
		d     dialect.Dialect
		csv   string
		model string
		want  string
	}{
		{dialect.DuckDB, "k,iv\na,1 day\nb,10:00:00\nc,36 hours\n",
			"select string_agg(k, '' order by iv) as ks, min(iv) as lo, max(iv) as hi from {{ ref('s') }}", "bac|10:00:00|36:00:00"},
		{dialect.BigQuery, "k,iv\na,0-0 1 0:0:0\nb,PT10H\nc,0-0 0 36:0:0\n",
			"select string_agg(k, '' order by iv) as ks, min(iv) as lo, max(iv) as hi from {{ ref('s') }}", "bac|0-0 0 10:0:0|0-0 0 36:0:0"},
	} {
		t.Run(string(c.d), func(t *testing.T) {
			files := map[string][]byte{
				"dbt_project.yml": []byte("name: p\nseeds:\n  p:\n    +column_types: {iv: interval}\n"),
				"seeds/s.csv":     []byte(c.csv),
				"models/m.sql":    []byte(c.model + "\n"),
			}
			s := openSession(t)
			build(t, s, files, Options{Exclude: []string{"package:nexus"}, Dialect: c.d})
			if got := rowsOf(t, s, "m"); got != c.want {
				t.Errorf("%s, want %s", got, c.want)
			}
		})
	}
}

// A seed's column of ISO datetimes without column_types is a timestamp,
// as dbt infers it (DATETIME in BigQuery, TIMESTAMP_NTZ in Snowflake,
// TIMESTAMP in DuckDB), written in the one form: ORDER BY and MAX go by
// instant, where as text 10:00:00.5Z sorts before 10:00:00Z. A column with
// another cell (note) stays text.
func TestSeedDatetimesInferred(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: p\nseeds:\n  +quote_columns: false\n"), // Snowflake's columns ID, TS ... as the model reads them
		"seeds/s.csv":     []byte("id,ts,tz,note\n1,2024-05-17T10:00:00.5,2024-05-17T10:00:00.5Z,2024-05-17T10:00:00.5Z\n2,2024-05-17T10:00:00,2024-05-17T10:00:00Z,x\n3,,,2024-05-17T10:00:00Z\n"),
		"models/m.sql":    []byte("select string_agg(cast(id as string), ',' order by ts) as by_ts, string_agg(cast(id as string), ',' order by tz) as by_tz, string_agg(cast(id as string), ',' order by note) as by_note, max(ts) as last from {{ ref('s') }}\n"),
	}
	for _, c := range []struct {
		d    dialect.Dialect
		want string
	}{
		{dialect.BigQuery, "3,2,1|3,2,1|1,3,2|2024-05-17T10:00:00.5Z"},
		{dialect.DuckDB, "2,1,3|2,1,3|1,3,2|2024-05-17T10:00:00.5Z"},
		{dialect.Snowflake, "2,1,3|2,1,3|1,3,2|2024-05-17T10:00:00.5Z"},
	} {
		s := openSession(t)
		build(t, s, files, Options{Exclude: []string{"package:nexus"}, Dialect: c.d})
		if got := rowsOf(t, s, "m"); got != c.want {
			t.Errorf("%s: %s, want %s", c.d, got, c.want)
		}
	}
}
