package dialect

import "strings"

// An EXISTS whose subquery reads the outer row only through equalities,
// EXISTS (SELECT * FROM b, d WHERE o.k = b.k AND b.d = d.d AND d.y = 2001),
// is a semi-join: the warehouses' planners compute the subquery's keys once
// and look each outer row's key up in them. SQLite runs a correlated
// subquery once per outer row, scanning its tables each time (TPC-DS q69:
// seconds where the warehouse takes milliseconds). Written as IN of the
// uncorrelated subquery,
//
//	(((o.k) IN (SELECT b.k FROM b, d WHERE 1 AND b.d = d.d AND d.y = 2001)) IS TRUE)
//
// SQLite computes the keys once. The answer is unchanged: IN compares as =
// does (SQLite applies the same affinity and collation rules to both), and
// IS TRUE makes the NULL that IN gives for a NULL key, or for no match among
// NULL keys, false, as EXISTS gives it. Several equalities compare row
// values, (o.a, o.b) IN (SELECT b.a, b.b ...).
//
// A subquery that groups, aggregates, limits, or holds another subquery,
// a lambda or a FROM item other than tables is left as written, and so is
// one whose outer names cannot all be told from its own.

// semiJoinExists rewrites the correlated EXISTS under n that are semi-joins.
func (t *translator) semiJoinExists(n *node) {
	if t.d == SQLite {
		return
	}
	for _, k := range n.kids {
		t.semiJoinExists(k)
	}
	if n.kind == nExists {
		t.existsAsIn(n)
	}
}

// side is where the names of an expression inside a subquery point.
type side struct {
	inner, outer int
	unknown      bool // a name, subquery or lambda that is not told apart
}

func (t *translator) existsAsIn(e *node) {
	s := existsSelect(e)
	if s == nil {
		return
	}
	info := s.sel
	names, ok := t.innerNames(s)
	if !ok {
		return
	}
	sideOf := func(n *node) side {
		var sd side
		t.countSides(n, names, info.scope.parent, &sd)
		return sd
	}
	if info.fromClause != nil {
		if sd := sideOf(info.fromClause); sd.unknown || sd.outer > 0 {
			return
		}
	}
	var keys, vals, used []*node
	for _, c := range conjuncts(info.where) {
		sd := sideOf(c)
		if sd.unknown {
			return
		}
		if sd.outer == 0 {
			continue
		}
		if c.kind != nBinary || c.name != "=" && c.name != "==" || rewritten(c) {
			return
		}
		x, y := sideOf(c.x), sideOf(c.y)
		switch {
		case x.inner == 0 && y.outer == 0 && y.inner > 0:
			keys, vals = append(keys, c.x), append(vals, c.y)
		case y.inner == 0 && x.outer == 0 && x.inner > 0:
			keys, vals = append(keys, c.y), append(vals, c.x)
		default:
			return
		}
		used = append(used, c)
	}
	if len(used) == 0 {
		return // not correlated: SQLite runs it once already
	}
	for _, c := range used {
		c.print = func(pr *printer, n *node) string { return "1" + pr.carry(n) }
	}
	e.print = func(pr *printer, n *node) string {
		pr.flat++
		lhs := make([]string, len(keys))
		rhs := make([]string, len(vals))
		for i := range keys {
			lhs[i] = strings.TrimSpace(pr.text(keys[i]))
			rhs[i] = strings.TrimSpace(pr.text(vals[i]))
		}
		rest := strings.TrimSpace(pr.span(s, info.fromTok, s.end))
		pr.flat--
		return "(((" + strings.Join(lhs, ", ") + ") IN (SELECT " + strings.Join(rhs, ", ") + " " + rest + ")) IS TRUE)" + pr.carry(n)
	}
}

// existsSelect is the one SELECT core of EXISTS e when it filters tables by
// a WHERE and nothing else changes its rows: nil otherwise.
func existsSelect(e *node) *node {
	sub := e.x
	if sub == nil || sub.kind != nSubquery || rewritten(e) || rewritten(sub) {
		return nil
	}
	q := sub.x
	if q == nil || q.kind != nQuery || q.x != nil || len(q.list) != 1 || rewritten(q) {
		return nil
	}
	s := q.list[0]
	if s.kind != nSelect || rewritten(s) || s.end != q.end {
		return nil // a set operation, ORDER BY or LIMIT
	}
	info := s.sel
	if info.where == nil || info.fromTok < 0 || info.group != nil || info.having != nil || info.qualify != nil ||
		info.distinctOn != nil || info.topTok >= 0 || info.connectTok >= 0 || info.windowAfter != 0 ||
		info.asStruct || info.asValue || len(info.unnests) > 0 || info.scope == nil || hasAggregateItem(info.items) {
		return nil
	}
	for _, r := range info.from {
		f := r.from
		if f.kind != fromTable && f.kind != fromGroup || f.pivot != nil || f.lateral >= 0 || f.fileFunc ||
			f.joinKind != "" && !plainJoins[f.joinKind] {
			return nil
		}
	}
	return s
}

// plainJoins are the joins that keep the rows a WHERE filters as written.
var plainJoins = map[string]bool{"inner": true, "cross": true, "left": true, "left outer": true,
	"right": true, "right outer": true, "full": true, "full outer": true}

// rewritten tells whether a rewrite gave n text of its own.
func rewritten(n *node) bool { return n.print != nil || n.pre != "" || n.post != "" }

// innerNames is the lower-case names a subquery's own FROM items give:
// their aliases and their columns; false when some are not known.
func (t *translator) innerNames(s *node) (map[string]bool, bool) {
	names := map[string]bool{}
	for _, r := range s.sel.from {
		f := r.from
		if f.kind == fromGroup {
			continue
		}
		cols, err := t.relColumns(f, s.sel.scope)
		if err != nil {
			return nil, false
		}
		names[f.aliasOrName()] = true
		for _, c := range cols {
			names[strings.ToLower(c)] = true
		}
	}
	// a select alias a WHERE may name (DuckDB) is neither side's column
	for _, it := range s.sel.items {
		if it.kind == nItem && it.name != "" && !names[it.name] {
			names[it.name] = false
		}
	}
	return names, true
}

// countSides counts the names under n that the subquery's own relations
// give (names) and those of the outer query (outer).
func (t *translator) countSides(n *node, names map[string]bool, outer *scope, sd *side) {
	switch n.kind {
	case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda, nListFor, nStar:
		sd.unknown = true
		return
	case nFrom:
		if n.from.kind == fromTable {
			return
		}
	case nName:
		first := strings.ToLower(identName(t.toks[n.parts[0]]))
		inner, seen := names[first]
		switch {
		case inner:
			sd.inner++
		case seen:
			sd.unknown = true // a select alias
		case len(n.parts) == 1 || outer.findRel(first) != nil:
			sd.outer++
		default:
			sd.unknown = true
		}
		return
	}
	for _, k := range n.kids {
		t.countSides(k, names, outer, sd)
	}
}
