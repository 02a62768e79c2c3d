package pipeline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// SQL that fails on the warehouse (a CAST of text that is not a number, a
// division by zero, an OFFSET out of range) fails the model, with its file
// and the line as written, instead of giving 0 or NULL silently.
func TestWarehouseFailureNamesModelLine(t *testing.T) {
	cases := []struct {
		d          dialect.Dialect
		model      string
		want       string
		wantPrefix string
	}{
		{dialect.BigQuery, "{% set n = 1 %}\nselect\n  id,\n  cast(code as int64) as code\nfrom (select 1 as id, 'A7' as code)\n",
			`CAST of "A7" to INTEGER failed, as it fails on BigQuery; use SAFE_CAST to get NULL instead`, "models/orders.sql:4: "},
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
			"dbt_project.yml":   {Data: []byte("name: shop\n")},
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
