package main

import (
	"strings"
	"testing"
)

// Run from the folder above the project (--project-dir dbt/), the CLI
// reads what the project folder lacks from the folder it runs in, as dbt
// does: profiles.yml (so the target's warehouse), and DuckDB's relative
// paths in read_csv and in a source's external_location. The project's
// own file of a name comes first.
func TestCLIWorkFolder(t *testing.T) {
	root := writeProject(t, map[string]string{
		"profiles.yml":         "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n",
		"data/prices.csv":      "sku,price\na,2.5\nb,4\n",
		"data/stock.csv":       "sku,qty\na,3\nb,1\n",
		"dbt/dbt_project.yml":  "name: shop\nprofile: shop\n",
		"dbt/data/stock.csv":   "sku,qty\na,10\nb,20\n",
		"dbt/models/src.yml":   "version: 2\nsources:\n  - name: raw\n    meta:\n      external_location: \"data/{name}.csv\"\n    tables:\n      - name: stock\n",
		"dbt/models/value.sql": "select p.sku, p.price * s.qty as value, '{{ target.type }}' as wh from read_csv('data/prices.csv') p join {{ source('raw', 'stock') }} s using (sku) order by all",
		// the project's data/stock.csv, not the folder's; prices from the folder
		"dbt/tests/value_is_right.sql": "select * from {{ ref('value') }} where wh <> 'duckdb' or not (sku = 'a' and value = 25 or sku = 'b' and value = 80)",
	})
	t.Chdir(root)
	// in memory: the js/wasm build keeps no database file
	code, out, errOut := runCLI("build", "--project-dir", "dbt", "--db", ":memory:")
	if code != 0 || !strings.Contains(out, "OK created table main.value (2 rows)") || !strings.Contains(out, "PASS value_is_right") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
