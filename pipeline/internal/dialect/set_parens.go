package dialect

import "strings"

// unparenBodies makes each input of a query written in parentheses, (SELECT
// ... LIMIT 1) UNION ALL (SELECT ...), a SELECT * FROM (...): the
// warehouses take a compound's inputs in parentheses (dbt_utils'
// union_relations writes them so), SQLite takes none there, nor a whole
// statement in parentheses. The subquery keeps the input's own ORDER BY
// and LIMIT.
func (t *translator) unparenBodies(q *node) {
	if t.d == SQLite || hasByName(q) {
		return // BY NAME writes each input as a SELECT of its own
	}
	for _, b := range q.list {
		if b.kind == nSubquery {
			b.pre += "SELECT * FROM "
		}
	}
}

// compoundChain is the most inputs of a UNION ALL written as one chain:
// SQLite codes a compound recursing once per input, and the stack of its
// WebAssembly build (64 KiB) ends past some 200 inputs, fewer inside
// nested queries, where the build crashed. A longer chain is written as a
// tree of at most compoundFanout inputs a level: its first input, which
// names the columns, then the rest in groups, each a SELECT * FROM (...)
// of its own; the same rows in the same order.
const (
	compoundChain  = 50
	compoundFanout = 10
)

// chunkUnionAll writes query q as that tree when it is a chain of more
// than compoundChain inputs joined by UNION ALL.
func (t *translator) chunkUnionAll(q *node) {
	if len(q.list) <= compoundChain {
		return
	}
	for _, op := range q.list2 {
		if f := strings.Fields(strings.ToLower(t.source(op))); len(f) != 2 || f[0] != "union" || f[1] != "all" {
			return
		}
	}
	opens, closes := make([]int, len(q.list)), make([]int, len(q.list))
	var group func(lo, hi int) // the inputs lo..hi-1 as one compound
	group = func(lo, hi int) {
		n := hi - lo
		if n <= compoundFanout {
			return
		}
		size := (n - 1 + compoundFanout - 2) / (compoundFanout - 1) // the rest in at most fanout-1 groups
		for i := lo + 1; i < hi; i += size {
			end := min(i+size, hi)
			if end-i > 1 {
				opens[i]++
				closes[end-1]++
				group(i, end)
			}
		}
	}
	group(0, len(q.list))
	for i, b := range q.list {
		b.pre = strings.Repeat("SELECT * FROM (", opens[i]) + b.pre
		b.post += strings.Repeat(")", closes[i])
	}
}
