package dialect

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// ALTER TABLE ... ADD COLUMN gives the columns it adds with their static
// types, marked Added, so the table's other columns keep theirs.
func TestAlterAddColumnTypes(t *testing.T) {
	cases := []struct {
		d    Dialect
		sql  string
		want string // schema.table: col=type ...; "" for none
	}{
		{Snowflake, "alter table analytics.events add column flag boolean", "analytics.events: flag=" + StaticType(Snowflake, "boolean")},
		{Snowflake, "ALTER TABLE events ADD seen_at TIMESTAMP_NTZ", ".events: seen_at=" + StaticType(Snowflake, "timestamp_ntz")},
		{BigQuery, "alter table `proj.ds.events` add column if not exists d date, add column n int64", "ds.events: d=" + StaticType(BigQuery, "date") + " n=" + StaticType(BigQuery, "int64")},
		{DuckDB, "alter table main.events add column amount decimal(10, 2)", "main.events: amount=" + StaticType(DuckDB, "decimal(10, 2)")},
		{DuckDB, "alter table events drop column flag", ""},
		{Snowflake, "alter table events rename to events_old", ""},
	}
	for _, c := range cases {
		_, _, created, err := TranslateCreating(c.sql, Options{Dialect: c.d})
		if err != nil {
			t.Errorf("%s %q: %v", c.d, c.sql, err)
			continue
		}
		var got []string
		for _, cr := range created {
			if !cr.Added {
				continue
			}
			var cols []string
			for k, v := range cr.Types {
				cols = append(cols, k+"="+v)
			}
			sort.Strings(cols)
			got = append(got, fmt.Sprintf("%s.%s: %s", cr.Schema, cr.Table, strings.Join(cols, " ")))
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.d, c.sql, strings.Join(got, "; "), c.want)
		}
	}
}
