package dialect

import "strings"

// DuckDB's POSITIONAL JOIN pairs the rows of two FROM items by their
// place, the first row of each, then the second..., the shorter side's
// columns NULL past its end. Each side is numbered in the order it is read
// and the two are joined on the number:
//
//	FROM a AS x POSITIONAL JOIN b AS y
//	FROM (SELECT *, row_number() OVER () AS _nexus_pos FROM a AS x) AS x
//	  FULL JOIN (SELECT *, row_number() OVER () AS _nexus_pos FROM b AS y) AS y ON x._nexus_pos = y._nexus_pos
//
// A star over them is expanded to the sides' columns, leaving the number
// out (rewriteSelect).

const positionColumn = "_nexus_pos"

// rewritePositionalJoin rewrites b, the right side of a POSITIONAL JOIN
// in FROM clause f.
func (t *translator) rewritePositionalJoin(f, b *node) {
	fi := b.from
	at := -1
	for i, k := range f.kids {
		if k == b {
			at = i
		}
	}
	var a *node
	if at > 0 && f.kids[at-1].kind == nFrom && f.kids[at-1].from.joinKind == "" {
		a = f.kids[at-1]
		for i := f.start; i < a.start; i++ {
			if t.toks[i].kind == kWord && t.toks[i].lower == "join" {
				a = nil // after another join: its rows have no one order
				break
			}
		}
	}
	switch {
	case a == nil:
		t.refuse(fi.joinTok, refPositionalJoin, "its left side is not one FROM item (a table, a CTE or a subquery)")
		return
	case a.from.aliasOrName() == "" || fi.aliasOrName() == "":
		t.refuse(fi.joinTok, refPositionalJoin, "a side without a name (give the subquery an alias)")
		return
	case fi.joinOn != nil || fi.joinUsing != nil:
		t.refuse(fi.joinTok, refPositionalJoin, "it takes no ON or USING")
		return
	case a.from.lateral >= 0 || fi.lateral >= 0 || a.from.pivot != nil || fi.pivot != nil || a.from.kind == fromUnnest || fi.kind == fromUnnest:
		t.refuse(fi.joinTok, refPositionalJoin, "a side is LATERAL, UNNEST or a PIVOT")
		return
	}
	for i := fi.joinTok; i < b.start; i++ {
		if t.toks[i].kind == kWord && t.toks[i].lower == "positional" {
			t.pr.setTok(i, "FULL")
		}
	}
	left, right := quoteIdent(a.from.aliasOrName()), quoteIdent(fi.aliasOrName())
	number := func(n *node, on string) {
		old := n.print
		n.print = func(pr *printer, n *node) string {
			text := pr.plain(n)
			if old != nil {
				text = old(pr, n)
			}
			trimmed := strings.TrimRight(text, " \t\r\n")
			alias := quoteIdent(n.from.aliasOrName())
			return "(SELECT *, row_number() OVER () AS " + positionColumn + " FROM " + trimmed + ") AS " + alias + on + text[len(trimmed):]
		}
	}
	number(a, "")
	number(b, " ON "+left+"."+positionColumn+" = "+right+"."+positionColumn)
}
