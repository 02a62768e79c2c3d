package dialect

import "strings"

// DuckDB's ASOF JOIN pairs each left row with the right row nearest to it
// by one inequality among the rows matching the rest of the ON condition:
// for t.ts >= p.ts (or >) the one with the greatest p.ts, for <= (or <)
// the least. ASOF LEFT JOIN keeps the left rows without one. SQLite joins
// on the condition and on the nearest value, found by a correlated
// subquery that reads the right side again with the same condition:
//
//	FROM t ASOF JOIN p ON t.k = p.k AND t.ts >= p.ts
//	FROM t JOIN p ON (t.k = p.k AND t.ts >= p.ts) AND p.ts = (SELECT nearest p.ts FROM p WHERE t.k = p.k AND t.ts >= p.ts)
//
// Inside the subquery p names the copy read there, t the outer row. When
// several right rows are equally near DuckDB keeps one of them, the first
// it reads, which no query can name: the subquery fails instead of
// choosing.

// asofColumn and asofNearest are the columns of the subquery.
const (
	asofColumn  = "_nexus_asof"
	asofNearest = "_nexus_nearest"
)

// rewriteAsofJoin rewrites the ASOF [LEFT] JOIN bringing in b, returning
// the hook that sets the text of its ON condition when the FROM list
// prints, or nil when it refuses it.
func (t *translator) rewriteAsofJoin(b *node) func(pr *printer) {
	fi := b.from
	word := strings.ToUpper(fi.joinKind)
	on := fi.joinOn
	if on == nil {
		t.refuse(fi.joinTok, refAsofJoin, word, "it has no ON condition (write ON t.k = p.k AND t.ts >= p.ts; USING gives the columns once and is not translated)")
		return nil
	}
	right := fi.aliasOrName()
	if right == "" {
		t.refuse(fi.joinTok, refAsofJoin, word, "its right side has no name (give it an alias)")
		return nil
	}
	var ineq *node
	for _, c := range conjuncts(on) {
		if c.kind != nBinary {
			t.refuse(c.start, refAsofJoin, word, "its condition may only hold equalities and one inequality")
			return nil
		}
		switch c.name {
		case "=", "==":
		case ">=", ">", "<=", "<":
			if ineq != nil {
				t.refuse(c.start, refAsofJoin, word, "it has more than one inequality")
				return nil
			}
			ineq = c
		default:
			t.refuse(c.start, refAsofJoin, word, "its condition may only hold equalities and one inequality")
			return nil
		}
	}
	if ineq == nil {
		t.refuse(fi.joinTok, refAsofJoin, word, "its condition has no inequality")
		return nil
	}
	// the side of the inequality naming the right relation, and whether
	// the nearest is its greatest value (right <= left) or its least
	x, y := t.namesRel(ineq.x, right), t.namesRel(ineq.y, right)
	if x == y {
		t.refuse(ineq.start, refAsofJoin, word, "its inequality must compare a column of "+right+", named "+right+".column, with one of the left side")
		return nil
	}
	near, greatest := ineq.y, ineq.name == ">=" || ineq.name == ">"
	if x {
		near, greatest = ineq.x, !greatest
	}
	agg := "MIN"
	if greatest {
		agg = "MAX"
	}
	t.pr.dropTok(fi.joinTok)
	line := itoa(t.toks[fi.joinTok].line)
	var saved *[2]string
	return func(pr *printer) {
		if saved == nil {
			saved = &[2]string{on.pre, on.post}
		}
		on.pre, on.post = saved[0], saved[1]
		// the condition is printed once for the join: the subquery's
		// copies are printed flat, so a line comment cannot cut them
		pr.flat++
		cond := strings.TrimSpace(pr.text(on))
		r := strings.TrimSpace(pr.text(near))
		rel := strings.TrimSpace(pr.text(b))
		pr.flat--
		tie := "error_raised('ASOF JOIN at line " + line + ": several rows of " + strings.ReplaceAll(right, "'", "''") +
			" are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)')"
		on.pre = "(" + saved[0]
		on.post = saved[1] + ") AND " + r + " = (SELECT CASE WHEN count(*) > 1 THEN " + tie + " ELSE max(" + asofColumn + ") END FROM (SELECT " +
			r + " AS " + asofColumn + ", " + agg + "(" + r + ") OVER () AS " + asofNearest + " FROM " + rel + " WHERE " + cond +
			") WHERE " + asofColumn + " = " + asofNearest + ")"
	}
}

// conjuncts are the terms of c's top-level ANDs, parentheses around them
// taken off.
func conjuncts(c *node) []*node {
	for c.kind == nParen && c.x != nil {
		c = c.x
	}
	if c.kind == nBinary && c.name == "and" {
		return append(conjuncts(c.x), conjuncts(c.y)...)
	}
	return []*node{c}
}

// namesRel tells whether n names a column of the relation rel as
// rel.column.
func (t *translator) namesRel(n *node, rel string) bool {
	if n.kind == nName && len(n.parts) >= 2 && identName(t.toks[n.parts[len(n.parts)-2]]) == rel {
		return true
	}
	for _, k := range n.kids {
		if t.namesRel(k, rel) {
			return true
		}
	}
	return false
}
