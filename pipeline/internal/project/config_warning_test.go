package project

import (
	"strings"
	"testing"
)

// A config that only shapes the warehouse's storage (an adapter's, such as
// dbt-athena's table_type) changes no answer and draws no warning; one
// dbt has not under any adapter is named as unknown.
func TestConfigWarning(t *testing.T) {
	for _, c := range []struct{ key, want string }{
		{"materialized", ""},
		{"partition_by", ""},
		{"table_type", ""},
		{"table_format", ""},
		{"external_volume", ""},
		{"base_location_subpath", ""},
		{"check_cols", "is not run by the playground"},
		{"materialised", "unknown config materialised"},
	} {
		got := configWarning(c.key)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("configWarning(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}
