package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIDiff builds a project, changes a seed, builds again, and compares.
func TestCLIDiff(t *testing.T) {
	nativeFiles(t)
	dir := writeProject(t, map[string]string{
		"dbt_project.yml":      "name: shop\nmodels:\n  shop:\n    marts:\n      +schema: marts\n",
		"seeds/orders.csv":     "id,amount\n1,5\n2,20\n3,30\n",
		"models/marts/big.sql": "select id, amount from {{ ref('orders') }} where amount > 10",
	})
	tmp := t.TempDir()
	old, new := filepath.Join(tmp, "old.db"), filepath.Join(tmp, "new.db")
	if code, out, errOut := runCLI("build", "--project-dir", dir, "--db", old); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "seeds/orders.csv"), []byte("id,amount\n1,5\n2,25\n4,40\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI("build", "--project-dir", dir, "--db", new); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}

	code, out, errOut := runCLI("diff", "--exit-code", old, new)
	want := []string{
		"marts.big    changed  +1 -1 ~1 rows (rows matched by id)",
		"  ~ id=2  amount: 20 -> 25",
		"  - id=3 amount=30",
		"  + id=4 amount=40",
		"main.orders  changed  +1 -1 ~1 rows (rows matched by id)",
		"0 of 2 tables the same",
	}
	for _, w := range want {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("diff output lacks %q:\n%s", w, out)
		}
	}
	if code != 1 || errOut != "" {
		t.Errorf("diff of different builds: exit %d, stderr %q; want 1 and nothing", code, errOut)
	}

	code, out, _ = runCLI("diff", "--exit-code", old, old)
	if code != 0 || out != "2 of 2 tables the same\n" {
		t.Errorf("diff of one build with itself: exit %d, %q", code, out)
	}

	code, out, _ = runCLI("diff", "--table", "big", "--format", "json", "--rows", "1", old, new)
	var got []struct {
		Schema, Name, Status    string
		Added, Removed, Changed int
		Rows                    []struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("diff --format json: exit %d, %v\n%s", code, err, out)
	}
	if len(got) != 1 || got[0].Name != "big" || got[0].Changed != 1 || len(got[0].Rows) != 1 {
		t.Errorf("diff --table big --rows 1 = %+v", got)
	}

	for _, args := range [][]string{{"diff", old}, {"diff", old, filepath.Join(tmp, "missing.db")}, {"diff", "--table", "nope", old, new}} {
		if code, _, errOut := runCLI(args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "missing.db")); err == nil {
		t.Errorf("diff created the missing database")
	}
}
