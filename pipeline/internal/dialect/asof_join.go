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
func (t *translator) rewriteAsofJoin(b *node, rels []*node) func(pr *printer) {
	fi := b.from
	word := strings.ToUpper(fi.joinKind)
	right := fi.aliasOrName()
	if right == "" {
		t.refuse(fi.joinTok, refAsofJoin, word, "its right side has no name (give it an alias)")
		return nil
	}
	if fi.joinUsing != nil {
		return t.rewriteAsofUsing(b, rels)
	}
	on := fi.joinOn
	if on == nil {
		t.refuse(fi.joinTok, refAsofJoin, word, "it has neither ON nor USING")
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
		on.pre = "(" + saved[0]
		on.post = saved[1] + ") AND " + asofNearestIs(r, agg, rel, cond, right, line)
	}
}

// asofNearestIs is the condition that r, the right side's value, is the
// nearest to the left row's among the rows of the right side rel meeting
// cond: agg (MAX or MIN) of them, which fails when several rows are
// equally near.
func asofNearestIs(r, agg, rel, cond, right, line string) string {
	tie := "error_raised('ASOF JOIN at line " + line + ": several rows of " + strings.ReplaceAll(right, "'", "''") +
		" are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)')"
	return r + " = (SELECT CASE WHEN count(*) > 1 THEN " + tie + " ELSE max(" + asofColumn + ") END FROM (SELECT " +
		r + " AS " + asofColumn + ", " + agg + "(" + r + ") OVER () AS " + asofNearest + " FROM " + rel + " WHERE " + cond +
		") WHERE " + asofColumn + " = " + asofNearest + ")"
}

// DuckDB's ASOF JOIN p USING (k, ts) is ON t.k = p.k AND t.ts >= p.ts: the
// last column is the inequality, the others keys; as with any USING, each
// column is given once, the left side's, which the columns named without
// a relation read (asofUsingName) and * lists (starColumns).

// rewriteAsofUsing rewrites the ASOF join bringing in b with USING, the
// FROM items of its SELECT being rels.
func (t *translator) rewriteAsofUsing(b *node, rels []*node) func(pr *printer) {
	fi := b.from
	word := strings.ToUpper(fi.joinKind)
	using := fi.joinUsing
	if len(using.list) == 0 {
		t.refuse(using.start, refAsofJoin, word, "its USING names no column")
		return nil
	}
	right := quoteIdent(fi.aliasOrName())
	var conds []string
	for i, c := range using.list {
		left, problem := t.asofLeft(rels, fi, c.name)
		if problem != "" {
			t.refuse(c.tok, refAsofJoin, word, problem)
			return nil
		}
		col := t.toks[c.tok].text
		op := " = "
		if i == len(using.list)-1 {
			op = " >= "
		}
		conds = append(conds, quoteIdent(left)+"."+col+op+right+"."+col)
	}
	cond := strings.Join(conds, " AND ")
	r := right + "." + t.toks[using.list[len(using.list)-1].tok].text
	line := itoa(t.toks[fi.joinTok].line)
	t.pr.dropTok(fi.joinTok)
	for i := using.start - 1; i > b.end-1 && i >= 0; i-- {
		if t.toks[i].kind == kWord && t.toks[i].lower == "using" {
			t.pr.setTok(i, "ON")
			break
		}
	}
	return func(pr *printer) {
		pr.flat++
		rel := strings.TrimSpace(pr.text(b))
		pr.flat--
		using.print = func(pr *printer, n *node) string {
			return "(" + cond + ") AND " + asofNearestIs(r, "MAX", rel, cond, fi.aliasOrName(), line) + pr.carry(n)
		}
	}
}

// asofLeft is the relation of rels before the ASOF join bringing in b that
// has column col: the one FROM item before it, or the one of several whose
// columns hold col; problem says why there is none.
func (t *translator) asofLeft(rels []*node, b *fromInfo, col string) (rel, problem string) {
	var before []*fromInfo
	for _, r := range rels {
		if r.from == b {
			break
		}
		if !r.from.hidden() {
			before = append(before, r.from)
		}
	}
	var found []*fromInfo
	if len(before) == 1 {
		found = before
	} else {
		for _, f := range before {
			cols, err := t.relColumns(f, t.sc)
			if err != nil {
				return "", "which relation before it has " + col + " is not known (write ON t.k = p.k AND t.ts >= p.ts)"
			}
			if containsFold(cols, col) {
				found = append(found, f)
			}
		}
	}
	if len(found) != 1 {
		return "", "which relation before it has " + col + " is not known (write ON t.k = p.k AND t.ts >= p.ts)"
	}
	if found[0].aliasOrName() == "" {
		return "", "the relation before it has no name (give it an alias)"
	}
	return found[0].aliasOrName(), ""
}

// asofUsingName is the column name read in scope sc, when it is a column
// of an ASOF join's USING there, as asofUsingColumn gives it; "" for other
// names.
func (t *translator) asofUsingName(name string, sc *scope) string {
	for ; sc != nil && sc.rels == nil; sc = sc.parent {
	}
	if sc == nil {
		return ""
	}
	for _, r := range sc.rels {
		if e := t.asofUsingColumn(sc.rels, r.from, name); e != "" {
			return e
		}
	}
	return ""
}

// asofUsingColumn is column col of the USING of b, an ASOF join among
// rels, as DuckDB gives it once: the left side's, or, in an ASOF RIGHT or
// FULL JOIN, the right side's where the left has no row; "" when b is no
// such join.
func (t *translator) asofUsingColumn(rels []*node, b *fromInfo, col string) string {
	if !t.usingOnce(rels, b) {
		return ""
	}
	for _, c := range b.joinUsing.list {
		if c.name != col {
			continue
		}
		left, problem := t.usingLeft(rels, b, col)
		if problem != "" {
			return ""
		}
		name := t.toks[c.tok].text
		e := quoteIdent(left) + "." + name
		if strings.Contains(b.joinKind, "right") || strings.Contains(b.joinKind, "full") {
			e = "COALESCE(" + e + ", " + quoteIdent(b.aliasOrName()) + "." + name + ")"
		}
		return e
	}
	return ""
}

// conjuncts are the terms of c's top-level ANDs, parentheses around them
// taken off.
func conjuncts(c *node) []*node {
	c = unparen(c)
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
