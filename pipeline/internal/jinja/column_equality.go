package jinja

import "github.com/nikolalohinski/gonja/v2/exec"

// Two columns are equal when their names and types are, as dbt's Column
// dataclasses compare their fields: `c == d` and `c in columns` find a
// column in a list of those get_columns_in_relation gave, where gonja
// compared the Go values and found none equal. Packages build lists of
// columns to leave out and test membership (snowplow's
// exclude_column_versions).

// sameColumn tells whether l and r are both columns and whether they are
// equal.
func sameColumn(l, r *exec.Value) (same, columns bool) {
	a, okA := l.Interface().(columnValue)
	b, okB := r.Interface().(columnValue)
	if !okA && !okB {
		return false, false
	}
	if !okA || !okB {
		return false, true
	}
	return a.Column == b.Column && a.mode == b.mode, true
}
