package pipeline

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// SQL that fails on the warehouse (a CAST of text that is not a number, a
// division by zero, an OFFSET out of range) fails the model, with its file
// and the line as written, instead of giving 0 or NULL silently. The models
// are tables: a view's rows fail where they are read
// (TestViewOfFailingRowsAcrossCommands).
func TestWarehouseFailureNamesModelLine(t *testing.T) {
	cases := []struct {
		d          dialect.Dialect
		model      string
		want       string
		wantPrefix string
	}{
		{dialect.BigQuery, "{% set n = 1 %}\nselect\n  id,\n  cast(code as int64) as code\nfrom (select 1 as id, 'A7' as code)\n",
			`CAST of "A7" to an integer failed, as it fails on BigQuery; use SAFE_CAST to get NULL instead`, "models/orders.sql:4: "},
		{dialect.Snowflake, "select\n  total / qty as price\nfrom (select 10 as total, 0 as qty)\n",
			"division by zero: 10 / 0, which fails on Snowflake", "models/orders.sql:2: "},
		{dialect.BigQuery, "select\n\n  tags[offset(2)] as third\nfrom (select ['a', 'b'] as tags)\n",
			"array index OFFSET(2) is out of range: the array has 2 elements", "models/orders.sql:3: "},
	}
	for _, c := range cases {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{
			"dbt_project.yml":   {Data: []byte("name: shop\nmodels:\n  +materialized: table\n")},
			"models/orders.sql": {Data: []byte(c.model)},
		}
		res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun, Dialect: c.d})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if res.OK || len(res.Diagnostics) == 0 {
			t.Errorf("%s: %q built; want it to fail", c.d, c.model)
			continue
		}
		got := res.Diagnostics[0].Error()
		if !strings.HasPrefix(got, c.wantPrefix) || !strings.Contains(got, c.want) {
			t.Errorf("%s: got %q\nwant %q...%q", c.d, got, c.wantPrefix, c.want)
		}
	}
}

// A view model whose rows fail on their values is made as its query
// (engine/lazy_views.go); a later command, in another process with the
// same database file, reads it as that query too: its tests fail or pass
// as the warehouse's would.
func TestViewOfFailingRowsAcrossCommands(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("commands sharing a database file are native only: the js/wasm build keeps databases in memory")
	}
	ctx := context.Background()
	file := t.TempDir() + "/p.db"
	fsys := fstest.MapFS{
		"dbt_project.yml":       {Data: []byte("name: p\nmodels:\n  p:\n    +materialized: view\n")},
		"seeds/raw_orders.csv":  {Data: []byte("id,amount\n1,10.5\n2,n/a\n3,7\n")},
		"models/stg_orders.sql": {Data: []byte("select id, cast(amount as float64) as amount\nfrom {{ ref('raw_orders') }}\n")},
		"models/schema.yml": {Data: []byte("version: 2\nmodels:\n  - name: stg_orders\n    columns:\n" +
			"      - name: id\n        tests: [unique]\n      - name: amount\n        tests: [not_null]\n")},
	}
	statuses := func(res *Result) map[string]string {
		out := map[string]string{}
		for _, s := range res.Steps {
			out[s.Name] = s.Status
		}
		return out
	}
	s, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Build(ctx, fsys, Options{Command: CmdSeed, Dialect: dialect.BigQuery}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Dialect: dialect.BigQuery})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := statuses(res); got["stg_orders"] != "OK" {
		t.Fatalf("run: stg_orders is %q, want OK (a view of its query); steps %v", got["stg_orders"], got)
	}
	s, err = Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err = s.Build(ctx, fsys, Options{Command: CmdTest, Dialect: dialect.BigQuery})
	if err != nil {
		t.Fatal(err)
	}
	got := statuses(res)
	if got["unique_stg_orders_id"] != "PASS" || got["not_null_stg_orders_amount"] != "ERROR" {
		t.Errorf("test: got %v; want unique_stg_orders_id PASS (it reads no failing value) and not_null_stg_orders_amount ERROR", got)
	}
	// a query of the built tables reads the view as its query too
	if tab, err := s.QueryIn(ctx, dialect.BigQuery, "select id from main.stg_orders order by id", 0); err != nil || len(tab.Rows) != 3 {
		t.Errorf("query of the ids: %v, %v; want 3 rows", tab, err)
	}
	if _, err := s.QueryIn(ctx, dialect.BigQuery, "select sum(amount) from stg_orders", 0); err == nil || !strings.Contains(err.Error(), `CAST of "n/a"`) {
		t.Errorf("query of the amounts: %v; want the CAST's failure", err)
	}
}
