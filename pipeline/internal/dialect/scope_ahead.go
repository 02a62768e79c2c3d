package dialect

// The walk sets a node's rewrites before it walks the node's kids, so a
// scalar subquery's SELECT has no scope yet where the expression around it
// asks for its type: CAST((SELECT MAX(ts) FROM t) AS VARCHAR) must know
// the subquery holds a timestamp before the subquery is walked.
// scopeAhead gives the SELECTs of such a query the scopes the walk will
// give them (walkQuery, walkSelect), so that their columns' types are
// known ahead.

// scopeAhead sets the scopes of the SELECTs of q, read in scope sc, that
// have none yet.
func (t *translator) scopeAhead(q *node, sc *scope) {
	if q == nil {
		return
	}
	switch q.kind {
	case nSubquery:
		t.scopeAhead(q.x, sc)
	case nQuery:
		inner := sc
		if q.x != nil {
			inner = &scope{parent: sc, ctes: map[string]*node{}}
			for _, c := range q.x.list {
				inner.ctes[c.name] = c.x
				if names := t.cteColumnList(c); names != nil && t.d != BigQuery {
					t.renamed[c.x] = names
					t.renamedStored[c.x] = t.quotedList(c.kids[0].list)
				}
				t.scopeAhead(c.x, t.cteScope(q, c, inner))
			}
		}
		for _, b := range q.list {
			t.scopeAhead(b, inner)
		}
	case nSelect:
		if q.sel.scope != nil {
			return
		}
		inner := &scope{parent: sc, rels: q.sel.from, sel: q}
		q.sel.scope = inner
		for _, r := range q.sel.from {
			if f := r.from; f.kind == fromQuery && f.expr != nil {
				t.scopeAhead(f.expr, inner)
			}
		}
	}
}
