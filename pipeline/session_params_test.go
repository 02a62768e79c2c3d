package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A Snowflake model's pre-hook ALTER SESSION SET WEEK_START and
// WEEK_OF_YEAR_POLICY holds for the model and the nodes built after it, as
// in dbt's session; the next build starts with the defaults again, as a
// new session does.
func TestSnowflakeWeekParameters(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	weeks := "select dayofweek(d) as dow, date_trunc('week', d) as monday, last_day(d, 'week') as sunday, " +
		"week(d) as woy, yearofweek(d) as yow, weekiso(d) as iso from (select '2017-01-01'::date as d)"
	fsys := fstest.MapFS{
		"dbt_project.yml": {Data: []byte("name: shop\n")},
		"models/calendar.sql": {Data: []byte(`{{ config(materialized='table', pre_hook=["ALTER SESSION SET WEEK_START = 7", "alter session set week_of_year_policy = 1, query_tag = 'cal'"]) }}
` + weeks)},
		"models/later.sql": {Data: []byte("{{ config(materialized='table') }}\n-- depends_on: {{ ref('calendar') }}\n" + weeks)},
		// built after calendar, which it does not read
		"models/days.sql": {Data: []byte("{{ config(materialized='table') }}\n" + weeks)},
	}
	row := func(table string) string {
		q, err := s.Query(ctx, "select * from "+table, 0)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(fmt.Sprintln(q.Rows[0]...))
	}
	res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Dialect: dialect.Snowflake})
	if err != nil || !res.OK {
		t.Fatalf("%v %+v", err, res)
	}
	// weeks of Sunday to Saturday, week 1 holding January 1
	want := "1 2017-01-01 2017-01-07 1 2017 52"
	for _, table := range []string{"calendar", "later", "days"} {
		if got := row(table); got != want {
			t.Errorf("%s: got %q, want %q", table, got, want)
		}
	}
	delete(fsys, "models/calendar.sql")
	fsys["models/later.sql"] = &fstest.MapFile{Data: []byte("{{ config(materialized='table') }}\n" + weeks)}
	res, err = s.Build(ctx, fsys, Options{Command: CmdRun, Dialect: dialect.Snowflake})
	if err != nil || !res.OK {
		t.Fatalf("%v %+v", err, res)
	}
	// the defaults: Monday to Sunday, ISO weeks, Sunday 0; days, unchanged,
	// is built again, as it was computed under the parameters the last
	// build set
	for _, table := range []string{"later", "days"} {
		if got, want := row(table), "0 2016-12-26 2017-01-01 52 2016 52"; got != want {
			t.Errorf("second build, %s: got %q, want %q", table, got, want)
		}
	}
}
