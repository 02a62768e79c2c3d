package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// nexus_order_key orders rows as ORDER BY over its arguments does (and
// nexus_order_key_desc as ORDER BY ... DESC), on
// pairs of values of every class: integers and floats that round to the
// same double, -0.0, the ends of the integer range, text that is a prefix
// of other text or holds a zero byte, blobs.
func TestOrderKeyOrdersAsSQLite(t *testing.T) {
	db := openMemory(t)
	ctx := context.Background()
	firsts := []string{
		"NULL", "-1e300", "-9223372036854775808", "-9223372036854775807", "-9223372036854775808.0",
		"-9007199254740993", "-9007199254740992.0", "-1", "-0.5", "-0.0", "0", "0.0", "0.5", "1", "1.0",
		"9007199254740992", "9007199254740992.0", "9007199254740993", "9007199254740994.0",
		"9223372036854775806", "9223372036854775807", "9223372036854775807.0", "1e300",
		"''", "'a'", "cast(x'6100' as text)", "cast(x'610062' as text)", "'a '", "'ab'", "'b'", "'é'",
		"x''", "x'00'", "x'0001'", "x'01'",
	}
	seconds := []string{"NULL", "0", "2.5", "''", "'x'", "cast(x'00' as text)", "x'ff'"}
	var values []string
	for _, a := range firsts {
		for _, b := range seconds {
			values = append(values, fmt.Sprintf("(%d, %s, %s)", len(values), a, b))
		}
	}
	if err := db.Exec(ctx, "CREATE TABLE v (id INTEGER, a, b); INSERT INTO v VALUES "+strings.Join(values, ", ")); err != nil {
		t.Fatal(err)
	}
	order := func(by string) string {
		t.Helper()
		rows, err := db.Query(ctx, "SELECT group_concat(id) FROM (SELECT id FROM v ORDER BY "+by+")", 1)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(rows.Rows[0][0])
	}
	for _, c := range []struct{ sqlite, key string }{
		{"a, b, id", "nexus_order_key(a, b), id"},
		{"b, a, id", "nexus_order_key(b, a), id"},
		{"a DESC, b DESC, id", "nexus_order_key(a, b) DESC, id"},
		{"a DESC, b DESC, id", "nexus_order_key_desc(a, b), id"},
		{"a, b DESC, id", "nexus_order_key(a, nexus_order_key_desc(b)), id"},
		{"b DESC, a, id", "nexus_order_key(nexus_order_key_desc(b), a), id"},
	} {
		if got, want := order(c.key), order(c.sqlite); got != want {
			t.Errorf("ORDER BY %s: ids %s\nORDER BY %s: ids %s", c.key, got, c.sqlite, want)
		}
	}
}

// nexus_concat_distinct writes what group_concat writes over the distinct
// values in order, per group, NULLs left out.
func TestConcatDistinctAsGroupConcat(t *testing.T) {
	db := openMemory(t)
	ctx := context.Background()
	values := []string{"NULL", "'b'", "2", "'a'", "1.5", "'b'", "x'01'", "2", "'a,b'", "-1", "NULL", "1e300", "'10'", "9"}
	var rows []string
	for i, v := range values {
		rows = append(rows, fmt.Sprintf("(%d, %d, %s)", i, i%3, v), fmt.Sprintf("(%d, 3, %s)", i+100, v))
	}
	rows = append(rows, "(200, 4, NULL)")
	if err := db.Exec(ctx, "CREATE TABLE v (id INTEGER, g INTEGER, a); INSERT INTO v VALUES "+strings.Join(rows, ", ")); err != nil {
		t.Fatal(err)
	}
	read := func(sql string) string {
		t.Helper()
		q, err := db.Query(ctx, sql, 0)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(q.Rows)
	}
	got := read("SELECT g, nexus_concat_distinct(a, cast(a as text), ' | ') FROM v GROUP BY g ORDER BY g")
	want := read("SELECT g, group_concat(a, ' | ') FROM (SELECT DISTINCT g, a FROM v ORDER BY g, a) GROUP BY g ORDER BY g")
	if got != want {
		t.Errorf("nexus_concat_distinct: %s\ngroup_concat over DISTINCT: %s", got, want)
	}
}
