package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestKeptTypesAcrossProcesses: a second build in a file database, of one
// model, reads the tables the first one built with the static types their
// columns had (a DECIMAL(10, 2) written with both its digits, a DATE plus
// days), as one build of both models does.
func TestKeptTypesAcrossProcesses(t *testing.T) {
	nativeFiles(t)
	dir := writeProject(t, map[string]string{
		"dbt_project.yml": "name: kept\n",
		"models/a.sql":    "select 10.50::decimal(10, 2) as amount, date '2024-01-31' as day",
		"models/b.sql":    "select amount::varchar as amount_text, day + 1 as next_day from {{ ref('a') }}",
	})
	db := filepath.Join(t.TempDir(), "kept.db")
	for _, args := range [][]string{
		{"run", "--project-dir", dir, "--db", db, "--dialect", "duckdb", "--exclude", "package:nexus"},
		{"run", "--project-dir", dir, "--db", db, "--dialect", "duckdb", "--select", "b"},
		{"query", "--db", db, "--format", "csv", "select * from b"},
	} {
		code, out, errOut := runCLI(args...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		if args[0] == "query" && out != "amount_text,next_day\n10.50,2024-02-01\n" {
			t.Fatalf("b after building it alone:\n%s", out)
		}
	}
}
