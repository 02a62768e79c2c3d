package dialect

import (
	"fmt"
	"strings"
	"testing"
)

// A UNION ALL of more than compoundChain inputs is written as a tree of at
// most compoundFanout inputs a level, in every dialect, its inputs in
// order; a shorter one, or a chain with another set operation, as written.
func TestUnionAllChain(t *testing.T) {
	chain := func(n int, op string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf("select %d as a", i)
		}
		return strings.Join(parts, " "+op+" ")
	}
	for _, d := range []Dialect{SQLite, DuckDB, Snowflake, BigQuery} {
		out, err := TranslateFor(d, chain(compoundChain, "union all"))
		if err != nil || strings.Contains(out, "SELECT * FROM (") {
			t.Errorf("%s: %d inputs: %v\n%s", d, compoundChain, err, out)
		}
		out, err = TranslateFor(d, chain(compoundChain+1, "union"))
		if err != nil || strings.Contains(out, "SELECT * FROM (") {
			t.Errorf("%s: UNION: %v\n%s", d, err, out)
		}
		out, err = TranslateFor(d, chain(250, "union all"))
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if !strings.HasPrefix(out, "select 0 as a union all SELECT * FROM (select 1 as a union all SELECT * FROM (select 2 as a union all select 3 as a union all") {
			t.Errorf("%s: 250 inputs: %.200s", d, out)
		}
		if got := strings.NewReplacer("SELECT * FROM (", "", ")", "", " union all", "").Replace(out); got != strings.ReplaceAll(chain(250, ""), "  ", " ") {
			t.Errorf("%s: the inputs are not all there in order: %.300s", d, got)
		}
		depth, most, level := 0, 0, []int{0}
		for _, f := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(out)) {
			switch f {
			case "(":
				depth++
				level = append(level, 0)
			case ")":
				depth--
				level = level[:len(level)-1]
			case "union":
				level[len(level)-1]++
				most = max(most, level[len(level)-1]+1)
			}
		}
		if most > compoundFanout {
			t.Errorf("%s: a level has %d inputs", d, most)
		}
	}
}
