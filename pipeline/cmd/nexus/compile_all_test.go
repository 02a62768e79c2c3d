package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCompileAll: compile without a name writes every selected model,
// test and analysis under target/compiled, as dbt compile does, and a
// node that fails is named with the failure and exit status 1.
func TestCompileAll(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("writes target/compiled into a project folder: native only, as TestCLIMemoryOnlyInWasm says for files")
	}
	files := map[string]string{
		"dbt_project.yml":       "name: shop\nanalysis-paths: [analyses]\n",
		"seeds/orders.csv":      "id,amount\n1,5\n2,20\n",
		"models/big.sql":        "select id, amount from {{ ref('orders') }} where amount > 10",
		"models/schema.yml":     "version: 2\nmodels:\n  - name: big\n    columns:\n      - name: id\n        tests: [not_null]\n",
		"tests/no_negative.sql": "select * from {{ ref('big') }} where amount < 0",
		"analyses/top.sql":      "select max(amount) as top from {{ ref('big') }}",
	}
	dir := writeProject(t, files)
	code, out, errOut := runCLI("compile", "--project-dir", dir, "--db", ":memory:", "--exclude", "package:nexus")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Compiled 1 model, 2 tests, 1 analysis into ") {
		t.Errorf("summary: %q", out)
	}
	for path, want := range map[string]string{
		"shop/models/big.sql":                        "select id, amount from main.orders where amount > 10",
		"shop/models/schema.yml/not_null_big_id.sql": "from main.big",
		"shop/tests/no_negative.sql":                 "select * from main.big where amount < 0",
		"shop/analyses/top.sql":                      "select max(amount) as top from main.big",
	} {
		got, err := os.ReadFile(filepath.Join(dir, "target", "compiled", filepath.FromSlash(path)))
		if err != nil || !strings.Contains(string(got), want) {
			t.Errorf("%s: %q (%v), want it to hold %q", path, got, err, want)
		}
	}

	// --select picks the nodes; one that fails is reported, the others written
	broken := writeProject(t, map[string]string{
		"dbt_project.yml": "name: b\n",
		"models/ok.sql":   "select 1 as x",
		"models/bad.sql":  "{% if execute %}{{ exceptions.raise_compiler_error('no source for bad') }}{% endif %}select 1 as y",
	})
	code, out, _ = runCLI("compile", "--project-dir", broken, "--db", ":memory:", "--select", "ok", "bad")
	if code != 1 || !strings.Contains(out, "ERROR compiling model bad: ") || !strings.Contains(out, "no source for bad") ||
		!strings.Contains(out, "Compiled 1 model into ") || !strings.Contains(out, "1 of 2 nodes failed to compile.") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(broken, "target", "compiled", "b", "models", "ok.sql")); err != nil {
		t.Errorf("ok.sql not written: %v", err)
	}

	// dbt compile runs no hook, but a function or macro on-run-start
	// creates is known to the SQL compiled: its calls are inlined
	for dialect, hook := range map[string]string{
		"bigquery": "create or replace function {{ target.schema }}.plus_one(x int64) as (x + 1)",
		"duckdb":   "create or replace macro plus_one(x) as x + 1",
	} {
		udf := writeProject(t, map[string]string{
			"dbt_project.yml": "name: udf\non-run-start:\n  - \"" + hook + "\"\n",
			"models/two.sql":  "select {{ target.schema ~ '.' if target.type == 'bigquery' }}plus_one(1) as two",
		})
		code, out, errOut := runCLI("compile", "--project-dir", udf, "--db", ":memory:", "--dialect", dialect, "two")
		if code != 0 || !strings.Contains(out, "+ 1") || strings.Contains(out, "plus_one") {
			t.Errorf("%s: exit %d\n%s%s", dialect, code, out, errOut)
		}
	}

	// two names are a usage error
	if code, _, errOut := runCLI("compile", "--project-dir", dir, "big", "top"); code != 2 || !strings.Contains(errOut, "compile takes one model name") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
