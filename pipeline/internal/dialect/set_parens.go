package dialect

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
