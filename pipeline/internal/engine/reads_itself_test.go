package engine

import (
	"errors"
	"testing"
)

func TestReadsItself(t *testing.T) {
	cases := []struct {
		err          string
		schema, name string
		want         bool
	}{
		{"no such table: main.runs", "main", "runs", true},
		{"no such table: Analytics.Runs", "analytics", "runs", true},
		{"no such table: runs", "main", "runs", true},
		{"no such table: main.orders", "main", "runs", false},
		{"no such column: runs.x", "main", "runs", false},
		{"no such table: main.runs_daily", "main", "runs", false},
		{"no such table: main.runs (build the models it reads first)", "main", "runs", true},
	}
	for _, c := range cases {
		if got := readsItself(errors.New(c.err), c.schema, c.name); got != c.want {
			t.Errorf("readsItself(%q, %s.%s) = %v, want %v", c.err, c.schema, c.name, got, c.want)
		}
	}
}
