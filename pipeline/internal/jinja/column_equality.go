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

// columnEq is == and != when a side is a column.
func columnEq(op string, l, r *exec.Value) (any, bool, error) {
	if op != "==" && op != "!=" {
		return nil, false, nil
	}
	same, columns := sameColumn(l, r)
	if !columns {
		return nil, false, nil
	}
	return same == (op == "=="), true, nil
}
