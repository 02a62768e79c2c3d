package store

import (
	"context"
	"reflect"
	"testing"
)

// Two tables share a fingerprint only when every query reads them alike:
// the same columns, declared types, values with their types, and order.
func TestFingerprint(t *testing.T) {
	const base = "CREATE TABLE t AS SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL"
	for _, tc := range []struct {
		name, other string
		same        bool
	}{
		{"the same rows built again", base, true},
		{"the same rows from other SQL", "CREATE TABLE t AS SELECT a, b FROM (SELECT 2 AS a, NULL AS b UNION ALL SELECT 1, 'x') ORDER BY a", true},
		{"rows in another order", "CREATE TABLE t AS SELECT 2 AS a, NULL AS b UNION ALL SELECT 1, 'x'", false},
		{"a real for an integer", "CREATE TABLE t AS SELECT 1.0 AS a, 'x' AS b UNION ALL SELECT 2, NULL", false},
		{"text for an integer", "CREATE TABLE t AS SELECT '1' AS a, 'x' AS b UNION ALL SELECT 2, NULL", false},
		{"an empty string for NULL", "CREATE TABLE t AS SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, ''", false},
		{"a column renamed", "CREATE TABLE t AS SELECT 1 AS a, 'x' AS c UNION ALL SELECT 2, NULL", false},
		{"a declared type", "CREATE TABLE t AS SELECT 1 AS a, CAST('x' AS TEXT) AS b UNION ALL SELECT 2, NULL", false},
		{"one row fewer", "CREATE TABLE t AS SELECT 1 AS a, 'x' AS b", false},
		{"a value split across cells", "CREATE TABLE t AS SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL UNION ALL SELECT NULL, NULL", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fp := func(sql string) (int64, string) {
				db := openMemory(t)
				if err := db.Exec(context.Background(), sql); err != nil {
					t.Fatal(err)
				}
				n, _, _, fp, _, err := db.Fingerprint(context.Background(), `"t"`, 100)
				if err != nil || fp == "" {
					t.Fatalf("%s: %d %q %v", sql, n, fp, err)
				}
				return n, fp
			}
			_, a := fp(base)
			_, b := fp(tc.other)
			if (a == b) != tc.same {
				t.Errorf("same fingerprint: %v, want %v", a == b, tc.same)
			}
		})
	}
}

// A table larger than the bound is counted, not read whole.
func TestFingerprintCountsLargeTables(t *testing.T) {
	db := openMemory(t)
	ctx := context.Background()
	if err := db.Exec(ctx, "CREATE TABLE t AS WITH RECURSIVE s(a) AS (SELECT 1 UNION ALL SELECT a + 1 FROM s WHERE a < 60) SELECT a, a * 2 AS b FROM s"); err != nil {
		t.Fatal(err)
	}
	statements := 0
	for _, tc := range []struct {
		cells  int
		hashed bool
	}{{120, true}, {119, false}, {10, false}, {0, false}} {
		before := db.Stats().Statements
		n, cols, _, fp, content, err := db.Fingerprint(ctx, `"t"`, tc.cells)
		statements += db.Stats().Statements - before
		if err != nil || n != 60 || cols != 2 || (fp != "") != tc.hashed {
			t.Errorf("bound %d cells: %d rows, fingerprint %v, %v; want 60 rows, fingerprint %v", tc.cells, n, fp != "", err, tc.hashed)
		}
		if want, _ := db.Query(ctx, `SELECT * FROM "t"`, 0); tc.hashed && !reflect.DeepEqual(content, want) {
			t.Errorf("bound %d cells: the content read is not what a query reads", tc.cells)
		} else if !tc.hashed && content != nil {
			t.Errorf("bound %d cells: content of a table over the bound", tc.cells)
		}
	}
	if got := statements; got != 7 {
		t.Errorf("%d statements counted, want 7 (one read, three reads and counts)", got)
	}
}
