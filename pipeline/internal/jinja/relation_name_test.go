package jinja

import "testing"

func TestRelationName(t *testing.T) {
	for _, c := range []struct{ typ, want string }{
		{"duckdb", `"wh"."analytics_staging"."orders"`},
		{"bigquery", "`wh`.`analytics_staging`.`orders`"},
		{"snowflake", `wh.analytics_staging.orders`},
		{"sqlite", `analytics_staging."orders"`},
	} {
		if got := RelationName(c.typ, "wh", "analytics_staging", "orders"); got != c.want {
			t.Errorf("%s: got %s, want %s", c.typ, got, c.want)
		}
	}
}
