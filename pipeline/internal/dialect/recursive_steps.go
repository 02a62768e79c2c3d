package dialect

// DuckDB runs the recursive part of WITH RECURSIVE once per step, over
// every row the step before gave: an aggregate, GROUP BY or a window
// function there reads all of them. SQLite runs it once per row and
// refuses those ("recursive aggregate queries not supported"), so they are
// refused by name here.

// refuseRecursiveSteps refuses what the recursive part of q, the query of
// CTE name of a WITH RECURSIVE, computes over a whole step.
func (t *translator) refuseRecursiveSteps(q *node, name string) {
	if t.d != DuckDB || q == nil || q.kind != nQuery {
		return
	}
	for _, b := range q.list {
		if b.kind != nSelect || b.sel == nil || !readsTable(b.sel, name) {
			continue
		}
		info := b.sel
		what, at := "", -1
		for _, it := range info.items {
			if it.kind != nItem {
				continue
			}
			switch {
			case hasAggregate(it.x):
				what, at = "an aggregate", it.start
			case hasWindow(it.x):
				what, at = "a window function", it.start
			}
			if at >= 0 {
				break
			}
		}
		switch {
		case at >= 0:
		case info.group != nil:
			what, at = "GROUP BY", info.group.start
		case info.having != nil:
			what, at = "HAVING", info.having.start
		case info.qualify != nil:
			what, at = "QUALIFY", info.qualify.start
		}
		if at >= 0 {
			t.refuse(skipSpace(t.toks, at), refRecursiveStep, what)
			return
		}
	}
}

// readsTable tells whether a FROM item of the SELECT info (not of a
// subquery inside it) is the table or CTE name, unqualified.
func readsTable(info *selectInfo, name string) bool {
	for _, f := range info.from {
		if f.from != nil && f.from.kind == fromTable && f.from.schema == "" && f.from.table == name {
			return true
		}
	}
	return false
}
