package dialect

// SQLite flattens a CTE read once into the query that reads it, writing the
// CTE's expression in place of each reference to its column. A chain of
// CTEs each naming the columns of the one before several times (CASE WHEN
// x = ” THEN NULL ELSE x END over a long CASE of the CTE before) grows so
// with every step: a model of a few hundred KB of CASE chains over 100 rows
// ran for minutes or ran out of memory, where the warehouses compute each
// CTE once. A CTE of more than largeCTETokens tokens is written AS
// MATERIALIZED, computed once as the warehouses do; a small one is left to
// SQLite, which may push a filter of the outer query into it. A CTE that
// draws from a sequence is written MATERIALIZED too: its rows draw once,
// however many times the query reads its columns.
const largeCTETokens = 4000

// materializeLargeCTEs marks the large CTEs under n MATERIALIZED, but for
// those of a WITH RECURSIVE and those written [NOT] MATERIALIZED.
func (t *translator) materializeLargeCTEs(n *node) {
	if t.d == SQLite {
		return
	}
	var visit func(n *node)
	visit = func(n *node) {
		if n.kind == nWith && !t.nextWordIs(n.start, "recursive") {
			for _, c := range n.list {
				sub := c.kids[len(c.kids)-1]
				if c.kind != nCTE || sub.kind != nSubquery || sub.end-sub.start <= largeCTETokens && !t.drawsSequence(sub) || c.print != nil || t.wordInTokens(c.tok, sub.start, "materialized") {
					continue
				}
				sub.pre = "MATERIALIZED " + sub.pre
			}
		}
		for _, k := range n.kids {
			visit(k)
		}
	}
	visit(n)
}

// nextWordIs tells whether the first word after token i is w.
func (t *translator) nextWordIs(i int, w string) bool {
	for j := i + 1; j < len(t.toks); j++ {
		if t.toks[j].kind == kSpace || t.toks[j].kind == kComment {
			continue
		}
		return t.toks[j].kind == kWord && t.toks[j].lower == w
	}
	return false
}

// wordInTokens tells whether the word w is among the tokens from i to end.
func (t *translator) wordInTokens(i, end int, w string) bool {
	for j := i; j < end && j < len(t.toks); j++ {
		if t.toks[j].kind == kWord && t.toks[j].lower == w {
			return true
		}
	}
	return false
}
