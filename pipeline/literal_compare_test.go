package pipeline

import (
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// DuckDB compares a number with a string literal by casting the literal to
// the number's type. A seed's numbers without column_types are known as
// numbers (INTEGER and DOUBLE, as dbt loads them), so a model's column
// computed from them compares so too in the next model, where the table's
// column has no SQLite affinity to convert the text itself.
func TestSeedNumbersCompareWithText(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: p\n"),
		"seeds/s.csv":     []byte("id,amount,code\n1,10,007\n2,2.5,008\n"),
		"models/m.sql":    []byte("select id + 0 as k, amount * 2 as amt, code from {{ ref('s') }}\n"),
		"models/n.sql":    []byte("select count(*) filter (where k = '1') as by_id, count(*) filter (where amt = '20') as by_amount, count(*) filter (where amt between '4' and '6') as between_, count(*) filter (where code = '007') as by_code from {{ ref('m') }}\n"),
	}
	s := openSession(t)
	opts := Options{Exclude: []string{"package:nexus"}, Dialect: dialect.DuckDB}
	for i := 0; i < 2; i++ { // the second build reuses every table
		build(t, s, files, opts)
		if got := rowsOf(t, s, "n"); got != "1|1|1|1" {
			t.Errorf("build %d: %s, want 1|1|1|1", i+1, got)
		}
	}
}
