package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTestReadsEphemeralAcrossProcesses: `test` in a new process, after a
// build in a file database, runs the tests on an ephemeral model, whose
// temporary view the build's process took with it; dbt puts the model into
// the test's SQL whatever the command.
func TestTestReadsEphemeralAcrossProcesses(t *testing.T) {
	nativeFiles(t)
	dir := writeProject(t, map[string]string{
		"dbt_project.yml": "name: eph\n",
		"models/e.sql":    "{{ config(materialized='ephemeral') }}\nselect 1 as id union all select 2",
		"models/m.sql":    "select * from {{ ref('e') }}",
		"models/s.yml":    "version: 2\nmodels:\n  - name: e\n    columns:\n      - name: id\n        tests: [not_null, unique]\n",
	})
	db := filepath.Join(t.TempDir(), "eph.db")
	for _, args := range [][]string{
		{"build", "--project-dir", dir, "--db", db, "--exclude", "package:nexus"},
		{"test", "--project-dir", dir, "--db", db, "--exclude", "package:nexus"},
	} {
		code, out, errOut := runCLI(args...)
		if code != 0 || !strings.Contains(out, "PASS=2 WARN=0 ERROR=0") && args[0] == "test" {
			t.Fatalf("%s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
}
