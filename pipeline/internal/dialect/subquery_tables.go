package dialect

import "strings"

// A subquery in FROM inside a subquery expression, such as TPC-DS's
// s IN (SELECT s FROM (SELECT ... GROUP BY s) t WHERE ...), is computed
// once by the warehouses when it reads nothing of the outer row. SQLite runs
// it as a co-routine every time the expression is evaluated, once per outer
// row: minutes where the warehouse takes milliseconds. Written as a
// MATERIALIZED CTE of the expression's query, SQLite computes it once when
// it is uncorrelated, and once per evaluation (as before) when it is.

// materializeSubqueryTables rewrites the FROM subqueries of the subquery
// expressions under n as MATERIALIZED CTEs.
func (t *translator) materializeSubqueryTables(n *node) {
	if t.d == SQLite {
		return
	}
	var visit func(n *node, inExpr bool)
	visit = func(n *node, inExpr bool) {
		if n.kind == nSubquery && inExpr && n.x != nil && n.x.kind == nQuery {
			t.materializeFromQueries(n.x)
		}
		for _, k := range n.kids {
			visit(k, !statementKinds[n.kind])
		}
	}
	visit(n, false)
}

// statementKinds are the nodes whose subqueries are no expression: a FROM
// item's, a CTE's, a statement's.
var statementKinds = map[nkind]bool{nScript: true, nSoup: true, nQuery: true, nWith: true, nCTE: true, nFrom: true, nCreate: true, nTable: true, nAlter: true}

// materializeFromQueries moves the FROM subqueries of q's selects to a
// WITH ... AS MATERIALIZED before q, each read by its name where it was.
func (t *translator) materializeFromQueries(q *node) {
	if q.x != nil || q.print != nil || q.pre != "" {
		return // a WITH of its own: left as written
	}
	var subs []*node
	var names []string
	for _, b := range q.list {
		if b.kind != nSelect {
			continue
		}
		for _, r := range b.sel.from {
			f, sub := r.from, r.from.expr
			if f.kind != fromQuery || sub == nil || sub.kind != nSubquery || rewritten(sub) ||
				r.print != nil || f.aliasCols != nil || f.lateral >= 0 || f.pivot != nil {
				continue
			}
			t.seq++
			name := "__m" + itoa(t.seq)
			subs, names = append(subs, sub), append(names, name)
			sub.print = func(pr *printer, n *node) string { return name + pr.carry(n) }
		}
	}
	if len(subs) == 0 {
		return
	}
	q.print = func(pr *printer, n *node) string {
		ctes := make([]string, len(subs))
		pr.flat++
		for i, sub := range subs {
			ctes[i] = names[i] + " AS MATERIALIZED (" + strings.TrimSpace(pr.text(sub.x)) + ")"
		}
		pr.flat--
		return "WITH " + strings.Join(ctes, ", ") + " " + pr.plain(n)
	}
}
