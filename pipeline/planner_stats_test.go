package pipeline

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// Two grouped CTEs joined back to the rows they group: SQLite, knowing no
// table's size, took the CTEs for a few hundred rows each and scanned one
// for each row of the other (27,000 x 27,000: 50 s); with the built tables'
// statistics it joins them through an index, well under a second, as the
// warehouses do.
func TestJoinOfGroupedCTEsUsesBuiltTableSizes(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml": {Data: []byte("name: p\n")},
		"models/accounts.sql": {Data: []byte("with recursive n(i) as (select 0 union all select i + 1 from n where i < 299)\n" +
			"select i as account_id, i % 60 as opened_day from n")},
		"models/days.sql": {Data: []byte("with recursive n(i) as (select 0 union all select i + 1 from n where i < 1999)\nselect i as day from n")},
		"models/daily.sql": {Data: []byte(`with spine as (
    select d.day, a.account_id
    from {{ ref('accounts') }} a
    join {{ ref('days') }} d on d.day >= a.opened_day and d.day < a.opened_day + 90
),
counted as (select s.day, s.account_id, count(*) as n from spine s group by s.day, s.account_id),
latest as (select s.day, s.account_id, max(s.day) as last_day from spine s group by s.day, s.account_id)
select s.day, s.account_id, c.n, l.last_day
from spine s
join counted c on c.day = s.day and c.account_id = s.account_id
join latest l on l.day = s.day and l.account_id = s.account_id`)},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun, Dialect: dialect.DuckDB, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		t.Fatalf("build failed: %v", res.Diagnostics)
	}
	q, err := s.Query(context.Background(), "select (select count(*) from main.daily), (select stat from main.sqlite_stat1 where tbl = 'daily')", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Rows[0]; got[0] != int64(27000) || got[1] != "27000" {
		t.Errorf("rows and recorded size: %v, want 27000 and \"27000\"", got)
	}
}
