package dialect

import (
	"fmt"
	"strings"
	"testing"
)

// A large CTE is computed once (MATERIALIZED), so that a chain of CTEs
// naming each other's long CASE columns several times does not grow with
// SQLite's flattening; small, recursive and [NOT] MATERIALIZED CTEs are left
// as written.
func TestLargeCTEsMaterialized(t *testing.T) {
	var long strings.Builder
	for i := range 800 {
		fmt.Fprintf(&long, " when a = 'k%d' then 'v%d'", i, i)
	}
	big := "case" + long.String() + " else a end"
	// each step names the column of the step before three times
	steps := []string{"s0 as (select " + big + " as a from (select 'k7' as a union all select 'x'))"}
	for i := 1; i <= 6; i++ {
		steps = append(steps, fmt.Sprintf("s%d as (select case when a = '' then null when a = 'z' then a else a end as a from s%d)", i, i-1))
	}
	q := "with " + strings.Join(steps, ", ") + " select a from s6 order by a"
	for _, d := range []Dialect{bigquery, snowflake} {
		got, err := TranslateWith(q, testOptions(d))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(got, "MATERIALIZED ("); n != 1 || !strings.HasPrefix(got, "with s0 as MATERIALIZED (") {
			t.Errorf("%s: %d CTEs materialized in %.80q..., want s0 alone", d, n, got)
		}
		expectRows(t, d, q, "v7\nx")
	}
	// written MATERIALIZED or NOT MATERIALIZED, or recursive: as written
	for _, q := range []string{
		"with s0 as not materialized (select " + big + " as a from (select 'k7' as a)) select a from s0",
		"with s0 as materialized (select " + big + " as a from (select 'k7' as a)) select a from s0",
		"with recursive s0 as (select " + big + " as a from (select 'k7' as a)) select a from s0",
	} {
		got, err := TranslateWith(q, testOptions(snowflake))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(got, "MATERIALIZED (") {
			t.Errorf("%.60q... marked MATERIALIZED: %.60q...", q, got)
		}
		expectRows(t, snowflake, q, "v7")
	}
}
