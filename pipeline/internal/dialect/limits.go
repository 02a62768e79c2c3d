package dialect

// rewriteFetch writes Snowflake's [OFFSET m ROWS] FETCH {FIRST | NEXT} n
// ROWS [ONLY] as the LIMIT n [OFFSET m] it means.
func (t *translator) rewriteFetch(n *node) {
	count, start := n.x, n.y
	n.print = func(pr *printer, n *node) string {
		text := "LIMIT " + pr.text(count)
		if start != nil {
			text += " OFFSET " + pr.text(start)
		}
		return text + pr.carry(n, count, start)
	}
}

// rewriteTop moves Snowflake's SELECT TOP n to the query's LIMIT n, after
// its ORDER BY, which TOP follows as LIMIT does; TOP in one input of a set
// operation, or beside a LIMIT, is refused.
func (t *translator) rewriteTop(q *node) {
	for i, b := range q.list {
		if b.kind != nSelect || b.sel.topTok < 0 {
			continue
		}
		if i > 0 || len(q.list) > 1 || t.hasLimit(q) {
			t.refuse(b.sel.topTok, refTop)
			continue
		}
		count := t.toks[b.sel.topCount].text
		t.pr.dropTok(b.sel.topTok)
		t.pr.dropTok(b.sel.topCount)
		q.post += " LIMIT " + count
	}
}

// hasLimit tells whether query q has a LIMIT, OFFSET or FETCH.
func (t *translator) hasLimit(q *node) bool {
	for _, k := range q.kids {
		if w := t.toks[skipSpace(t.toks, k.start)].lower; k.kind == nExpr && (k.name == "fetch" || w == "limit" || w == "offset") {
			return true
		}
	}
	return false
}

// rewriteLimitPercent writes DuckDB's LIMIT p% (LIMIT p PERCENT) of query
// q as a LIMIT of that share of its rows, rounded down, as DuckDB counts
// it: the rows of the query's bodies counted once more in the LIMIT.
func (t *translator) rewriteLimitPercent(q *node) {
	var l *node
	for _, k := range q.kids {
		if k.kind == nExpr && k.name == "percent" {
			l = k
		}
	}
	if l == nil || len(q.list) == 0 {
		return
	}
	for _, b := range q.list {
		if hasLimitPercent(b) {
			// each level would print the ones inside it twice
			t.refuse(l.start, refLimitPercentNested)
			return
		}
	}
	pct, first, last := l.x, q.list[0], q.list[len(q.list)-1]
	pctTok := skipSpace(t.toks, pct.end)
	l.print = func(pr *printer, n *node) string {
		pr.flat++
		bodies := pr.span(q, first.start, last.end)
		p := pr.text(pct)
		pr.flat--
		rest := ""
		if k := skipSpace(t.toks, pctTok+1); k < n.end {
			rest = " " + pr.span(n, k, n.end)
		}
		return "LIMIT (SELECT CAST(count(*) * (" + p + ") / 100.0 AS INTEGER) FROM (" + bodies + "))" + rest + pr.carry(n)
	}
}

// hasLimitPercent tells whether n holds a LIMIT p%.
func hasLimitPercent(n *node) bool {
	if n.kind == nExpr && n.name == "percent" {
		return true
	}
	for _, k := range n.kids {
		if hasLimitPercent(k) {
			return true
		}
	}
	return false
}
