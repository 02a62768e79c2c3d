package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// writeProject writes files into a new temporary folder.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var shop = map[string]string{
	"dbt_project.yml":      "name: shop\nmodels:\n  shop:\n    marts:\n      +schema: marts\n",
	"seeds/orders.csv":     "id,amount\n1,5\n2,20\n",
	"models/marts/big.sql": "select id, amount from {{ ref('orders') }} where amount > {{ var('min', 10) }}",
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestCLIMemoryOnlyInWasm: the js/wasm build refuses a file database with
// a message saying what to use instead.
func TestCLIMemoryOnlyInWasm(t *testing.T) {
	if runtime.GOOS != "js" {
		return // natively file databases work: TestCLI covers them
	}
	code, _, errOut := runCLI("build", "--project-dir", writeProject(t, shop), "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != 1 || !strings.Contains(errOut, "use --db :memory:") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

// nativeFiles skips a test of file databases under js/wasm, whose build
// refuses them.
func nativeFiles(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("file databases are native only; TestCLIMemoryOnlyInWasm checks the js/wasm refusal")
	}
}

func TestCLI(t *testing.T) {
	nativeFiles(t)
	dir := writeProject(t, shop)
	db := filepath.Join(t.TempDir(), "shop.db")
	broken := writeProject(t, map[string]string{"dbt_project.yml": "name: b\n", "models/x.sql": "select nope from nowhere"})
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string
		wantErrOut string
	}{
		{name: "build", args: []string{"build", "--project-dir", dir, "--db", db, "--exclude", "package:nexus"}, wantCode: 0,
			wantOut: []string{"OK loaded seed main.orders (2 rows)", "OK created table marts.big (1 rows)", "Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2"}},
		{name: "query csv sees attached schemas", args: []string{"query", "--db", db, "--format", "csv", "select * from marts.big"}, wantCode: 0,
			wantOut: []string{"id,amount\n2,20\n"}},
		{name: "query json", args: []string{"query", "--db", db, "--format", "json", "select id from marts.big"}, wantCode: 0,
			wantOut: []string{`"id": 2`}},
		{name: "query table", args: []string{"query", "--db", db, "select id, null as n from marts.big"}, wantCode: 0,
			wantOut: []string{"id | n\n---+-----\n2  | NULL\n(1 row)"}},
		{name: "query in a warehouse's SQL", args: []string{"query", "--db", db, "--dialect", "duckdb", "--format", "csv", "select amount // 3 as a, amount / 8 as b, * exclude (amount) from marts.big"}, wantCode: 0,
			wantOut: []string{"a,b,id\n6,2.5,2\n"}},
		{name: "query in a warehouse's SQL refused", args: []string{"query", "--db", db, "--dialect", "bigquery", "select 1 as x from marts.big qualify"}, wantCode: 1,
			wantErrOut: "query:1:30: QUALIFY"},
		{name: "vars override", args: []string{"run", "--project-dir", dir, "--db", db, "--select", "big", "--vars", "{min: 1}"}, wantCode: 0,
			wantOut: []string{"OK created table marts.big (2 rows)"}},
		{name: "ls", args: []string{"ls", "--project-dir", dir, "--select", "big"}, wantCode: 0, wantOut: []string{"model   shop.big"}},
		{name: "ls takes several selectors after one flag", args: []string{"ls", "--project-dir", dir, "--exclude", "package:nexus", "--select", "big", "orders"}, wantCode: 0,
			wantOut: []string{"model   shop.big", "seed    shop.orders"}},
		{name: "compile", args: []string{"compile", "--project-dir", dir, "big"}, wantCode: 0, wantOut: []string{"select id, amount from main.orders where amount > 10"}},
		{name: "failing model exits 1", args: []string{"run", "--project-dir", broken, "--db", ":memory:", "--exclude", "package:nexus"}, wantCode: 1,
			wantOut: []string{"ERROR model x"}, wantErrOut: "models/x.sql:1: no such table: nowhere"},
		{name: "run-operation needs a macro", args: []string{"run-operation", "--project-dir", dir}, wantCode: 2, wantErrOut: "run-operation takes one macro name"},
		{name: "run-operation args are a mapping", args: []string{"run-operation", "m", "--project-dir", dir, "--db", ":memory:", "--args", "[1, 2]"}, wantCode: 2, wantErrOut: "--args must be a YAML or JSON mapping"},
		{name: "run-operation of no macro", args: []string{"run-operation", "m", "--project-dir", dir, "--db", ":memory:"}, wantCode: 1, wantOut: []string{"Operation m failed."}, wantErrOut: "no macro named m"},
		{name: "unknown command", args: []string{"bild"}, wantCode: 2, wantErrOut: `unknown command "bild"`},
		{name: "unknown flag", args: []string{"build", "--frobnicate"}, wantCode: 2, wantErrOut: "flag provided but not defined: -frobnicate"},
		{name: "bad format", args: []string{"query", "--db", db, "--format", "xml", "select 1"}, wantCode: 2, wantErrOut: `--format "xml": use table, csv or json`},
		{name: "unknown selector", args: []string{"run", "--project-dir", dir, "--db", ":memory:", "--select", "bgi"}, wantCode: 2, wantErrOut: `no node is named "bgi"; did you mean "big"?`},
		{name: "missing database", args: []string{"query", "--db", filepath.Join(dir, "none.db"), "select 1"}, wantCode: 2, wantErrOut: "does not exist; run `nexus build` first"},
		{name: "bad sql", args: []string{"query", "--db", db, "select * from marts.nope"}, wantCode: 1, wantErrOut: "no such table: marts.nope"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.wantCode, out, errOut)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if tc.wantErrOut != "" && !strings.Contains(errOut, tc.wantErrOut) {
				t.Errorf("stderr lacks %q:\n%s", tc.wantErrOut, errOut)
			}
		})
	}
	// Each schema is a file beside the main database.
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "shop.marts.db")); err != nil {
		t.Errorf("schema file: %v", err)
	}
}

// TestHelp: -h and --help on every command print that command's usage line
// and flags to stdout and exit 0, instead of "flag: help requested".
func TestHelp(t *testing.T) {
	for _, tc := range []struct{ cmd, line, flag string }{
		{"build", "nexus build ", "-project-dir"},
		{"run", "nexus run ", "-select"},
		{"test", "nexus test ", "-select"},
		{"seed", "nexus seed ", "-db"},
		{"snapshot", "nexus snapshot ", "-select"},
		{"run-operation", "nexus run-operation ", "-args"},
		{"query", "nexus query ", "-format"},
		{"ls", "nexus ls ", "-resource-type"},
		{"list", "nexus ls ", "-resource-type"},
		{"compile", "nexus compile ", "-project-dir"},
		{"share", "nexus share ", "-base-url"},
		{"unshare", "nexus unshare ", "-force"},
		{"gen", "nexus gen ", "-persons"},
		{"explain", "nexus explain ", "-entity"},
		{"walkthrough", "nexus walkthrough ", "-samples-dir"},
	} {
		for _, h := range []string{"-h", "--help"} {
			t.Run(tc.cmd+h, func(t *testing.T) {
				code, out, errOut := runCLI(tc.cmd, h)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				if !strings.Contains(out, tc.line) || !strings.Contains(out, tc.flag) {
					t.Errorf("stdout lacks %q or %q:\n%s", tc.line, tc.flag, out)
				}
			})
		}
	}
}

// TestCLIIncremental: an incremental model keeps its table between runs of
// the command on one database file, and --full-refresh rebuilds it.
func TestCLIIncremental(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("file databases are native only; TestCLIMemoryOnlyInWasm checks the js/wasm refusal")
	}
	dir := writeProject(t, map[string]string{
		"dbt_project.yml": "name: inc\n",
		"models/events.sql": "{{ config(materialized='incremental') }}\n" +
			"select 1 as id{% if is_incremental() %} union all select 2{% endif %}\n",
	})
	db := filepath.Join(t.TempDir(), "inc.db")
	for i, want := range []string{
		"OK created table main.events (1 rows)",
		"OK append 2 rows into main.events (3 rows)",
		"OK created table main.events (1 rows)",
	} {
		args := []string{"run", "--project-dir", dir, "--db", db, "--exclude", "package:nexus"}
		if i == 2 {
			args = append(args, "--full-refresh")
		}
		code, out, errOut := runCLI(args...)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("run %d: exit %d, want %q in stdout:\n%s\nstderr:\n%s", i+1, code, want, out, errOut)
		}
	}
}

// TestCLIStoreFailures: test and build take dbt's --store-failures: each
// test keeps its failing rows in dbt_test__audit.<test name>, made again
// on every run; run has no such flag, as in dbt.
func TestCLIStoreFailures(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"dbt_project.yml":   "name: sf\n",
		"models/a.sql":      "select 1 as id union all select null union all select null\n",
		"models/schema.yml": "models:\n  - name: a\n    columns:\n      - name: id\n        data_tests: [not_null, unique]\n",
	})
	if code, _, errOut := runCLI("run", "--project-dir", dir, "--db", ":memory:", "--store-failures"); code == 0 {
		t.Errorf("run took --store-failures, which dbt's run has not: %s", errOut)
	}
	db := ":memory:"
	if runtime.GOOS != "js" {
		// natively the database is a file, which a later command reads
		db = filepath.Join(t.TempDir(), "sf.db")
	}
	code, out, errOut := runCLI("build", "--project-dir", dir, "--db", db, "--store-failures", "--exclude", "package:nexus")
	if code == 0 || !strings.Contains(out, "FAIL 2 not_null_a_id") || !strings.Contains(out, "PASS unique_a_id") ||
		!strings.Contains(errOut, "select * from dbt_test__audit.not_null_a_id") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if db == ":memory:" {
		return // the stored rows are checked by the golden tests_store_failures
	}
	code, out, errOut = runCLI("query", "--db", db, "--format", "csv",
		"select (select count(*) from dbt_test__audit.not_null_a_id), (select count(*) from dbt_test__audit.unique_a_id)")
	if code != 0 || !strings.Contains(out, "2,0") {
		t.Errorf("stored failing rows: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// a second test run on the same database replaces the tables the first made
	code, out, errOut = runCLI("test", "--project-dir", dir, "--db", db, "--store-failures", "--exclude", "package:nexus")
	if code == 0 || !strings.Contains(out, "FAIL 2 not_null_a_id") || !strings.Contains(out, "PASS unique_a_id") {
		t.Errorf("second run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// TestParseMappingRepeatedKey: a key written twice in --vars keeps its
// last value, as dbt's YAML loader reads it, in YAML and in JSON.
func TestParseMappingRepeatedKey(t *testing.T) {
	for _, text := range []string{"{a: 1, b: x, a: 2}", `{"a": 1, "b": "x", "a": 2}`} {
		v, err := parseMapping(text, "--vars", "{a: 1}")
		if err != nil || v["a"] != int64(2) && v["a"] != float64(2) || v["b"] != "x" || len(v) != 2 {
			t.Errorf("parseMapping(%s) = %v, %v; want a: 2, b: x", text, v, err)
		}
	}
	if _, err := parseMapping("{a: [1", "--vars", "{a: 1}"); err == nil {
		t.Error("an unclosed list was taken")
	}
}

// TestSpreadSelectors: the words after --select, -s, --models, -m or
// --exclude are each that flag's, as dbt reads `--exclude tag:a tag:b`.
func TestSpreadSelectors(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"--exclude", "tag:a", "tag:b"}, []string{"--exclude", "tag:a", "--exclude", "tag:b"}},
		{[]string{"-s", "a", "b", "--full-refresh", "--db", "x.db"}, []string{"-s", "a", "-s", "b", "--full-refresh", "--db", "x.db"}},
		{[]string{"--select=a", "b", "--exclude", "c"}, []string{"--select=a", "--select", "b", "--exclude", "c"}},
		{[]string{"--db", "x.db", "extra"}, []string{"--db", "x.db", "extra"}},
		{[]string{"--models", "a", "--", "b"}, []string{"--models", "a", "--", "b"}},
	}
	for _, tc := range tests {
		if got := spreadSelectors(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("spreadSelectors(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
