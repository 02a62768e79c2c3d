package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBuildWritesOnlyItsDatabases: a stranger's project built with a file
// database writes nothing but that database and its schema files.
func TestBuildWritesOnlyItsDatabases(t *testing.T) {
	nativeFiles(t)
	elsewhere := t.TempDir()
	target := filepath.Join(elsewhere, "x.db")
	dir := writeProject(t, map[string]string{
		"dbt_project.yml":   "name: h\nmodels:\n  h:\n    +schema: s\n",
		"models/multi.sql":  "select 1 as a; RELEASE model; ATTACH " + sqlString(target) + " AS p; CREATE TABLE p.t AS SELECT 1; SAVEPOINT model",
		"models/vacuum.sql": "{% set r = run_query(\"VACUUM INTO " + sqlString(target) + "\") %}select 1 as a",
		"models/attach.sql": "{% set r = run_query(\"ATTACH " + sqlString(target) + " AS q\") %}select 1 as a",
	})
	dbDir := t.TempDir()
	code, _, errOut := runCLI("build", "--project-dir", dir, "--db", filepath.Join(dbDir, "h.db"), "--exclude", "package:nexus")
	if code != 1 || strings.Count(errOut, "not allowed in a project's SQL") != 2 || !strings.Contains(errOut, "models/multi.sql:1: model multi holds more than one SQL statement") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("the build wrote %s outside its databases", entries[0].Name())
	}
	entries, _ := os.ReadDir(dbDir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "h.db h.s.db" {
		t.Errorf("database folder holds %v", names)
	}
}

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// TestTimeoutStopsJinja: --timeout stops a template that would render for
// ever, at parse time as at run time.
func TestTimeoutStopsJinja(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"dbt_project.yml":  "name: h\n",
		"macros/f.sql":     "{% macro f(n) %}{% if n > 0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n",
		"models/bomb.sql":  "select 1 as a {{ f(60) }}\n",
		"models/other.sql": "select 2 as b\n",
	})
	// The same build without the runaway model is the baseline: loading
	// and the other model cost what they cost (more in js/wasm).
	start := time.Now()
	runCLI("build", "--project-dir", dir, "--db", ":memory:", "--exclude", "package:nexus", "--select", "other")
	baseline := time.Since(start)
	start = time.Now()
	code, _, errOut := runCLI("build", "--project-dir", dir, "--db", ":memory:", "--exclude", "package:nexus", "--timeout", "1s")
	if took := time.Since(start); took > baseline+2*time.Second {
		t.Errorf("build took %v with --timeout 1s (%v without the runaway model)", took, baseline)
	}
	if code != 1 || !strings.Contains(errOut, "models/bomb.sql") || !strings.Contains(errOut, "rendering stopped: context deadline exceeded") && !strings.Contains(errOut, "more than 1000000 macro calls") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}
