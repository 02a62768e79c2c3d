package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// orderCompound makes an ORDER BY of a UNION, INTERSECT or EXCEPT go by
// instant_key() or interval_key() of a column the first body gives as a
// known timestamp or interval. SQLite takes only a column's name or
// number there, so the compound becomes a subquery the ORDER BY (and
// LIMIT) read: SELECT * FROM (a UNION b) ORDER BY instant_key("ts").
// It tells whether it made the compound compare intervals by length
// (unionIntervals, intersectIntervals).
func (t *translator) orderCompound(q *node) bool {
	if t.d == SQLite || len(q.list) < 2 || q.y != nil && q.y.name == "all" || hasByName(q) || t.recursive[q] {
		return false
	}
	first := q.list[0]
	for first.kind == nSubquery && first.x != nil && len(first.x.list) == 1 {
		first = first.x.list[0]
	}
	if first.kind != nSelect {
		return false
	}
	wrap := false
	var order []*node
	if q.y != nil {
		order = q.y.list
	}
	if hasStar(first) {
		// the columns * gives, when the relations' columns are all known
		cols, complete := t.selectTypes(first)
		if !complete {
			return false
		}
		for _, o := range order {
			if k := expandedColumn(t, cols, o.x); k >= 0 && t.orderKey(cols[k].typ) != "" {
				name := cols[k].name
				o.x.print = func(*printer, *node) string { return quoteIdent(name) }
				o.x.pre = t.orderKey(cols[k].typ) + "(" + o.x.pre
				o.x.post += ")"
				wrap = true
			}
		}
	} else {
		for _, o := range order {
			x := o.x
			if x == nil {
				continue
			}
			k := compoundColumn(t, first, x)
			if k < 0 {
				continue
			}
			it := first.sel.items[k]
			key := t.orderKey(t.staticType(it.x))
			if key == "" {
				continue
			}
			x.print = func(pr *printer, _ *node) string { return quoteIdent(t.itemColumn(pr, it)) }
			x.pre = key + "(" + x.pre
			x.post += ")"
			wrap = true
		}
		if t.unionIntervals(q, first) || t.intersectIntervals(q, first) {
			return true // wrapped already
		}
	}
	if wrap {
		q.list[0].pre = "SELECT * FROM (" + q.list[0].pre
		last := q.list[len(q.list)-1]
		last.post += ")"
	}
	return false
}

// refuseSetOps refuses the set operations a compound would answer
// otherwise here: INTERSECT ALL and EXCEPT ALL, which SQLite lacks; and
// (DuckDB, where 1 day and 24 hours are equal) a UNION, INTERSECT or
// EXCEPT that removes duplicates of a known INTERVAL column, which
// orderCompound did not rewrite to compare lengths (rewritten: a UNION
// chain, or one INTERSECT or EXCEPT of two SELECTs, without * or BY NAME).
func (t *translator) refuseSetOps(q *node, rewritten bool) {
	dedup := -1
	for _, op := range q.list2 {
		kw := strings.ToUpper(t.toks[op.start].text)
		all := t.setOpAll(op)
		if all && kw != "UNION" {
			t.refuse(op.start, refSetAll, kw)
		}
		if !all && dedup < 0 {
			dedup = op.start
		}
	}
	// Snowflake's instants are not refused: their static type does not
	// tell a TIMESTAMP_TZ from a TIMESTAMP_LTZ, whose UTC text compares
	// as its instant does
	if t.d != DuckDB || rewritten || dedup < 0 || t.recursive[q] {
		return
	}
	for _, b := range q.list {
		if cols, _ := t.queryTypes(b); t.hasGrouped(cols) {
			t.refuse(dedup, refSetIntervals, strings.ToUpper(t.toks[dedup].text))
			return
		}
	}
}

// setOpAll tells whether a set operator keeps duplicates (ALL).
func (t *translator) setOpAll(op *node) bool {
	for i := op.start; i < op.end; i++ {
		if t.toks[i].kind == kWord && t.toks[i].lower == "all" {
			return true
		}
	}
	return false
}

// unionIntervals makes a UNION (distinct, every operator of the query) of
// a known DuckDB interval column keep one row for equal
// intervals, 1 day and 24 hours, as DuckDB does: a UNION ALL grouped by
// interval_key() of those columns and the others as they are. It tells
// whether it wrapped the compound.
func (t *translator) unionIntervals(q, first *node) bool {
	if t.d != DuckDB && t.d != Snowflake { // as GROUP BY of an interval (groupIntervals)
		return false
	}
	for _, op := range q.list2 {
		if t.toks[op.start].lower != "union" || op.name != "" || !t.plainSetOp(op) {
			return false
		}
	}
	any := false
	for _, it := range first.sel.items {
		any = any || t.setOpKey(it.x) != ""
	}
	if !any {
		return false
	}
	for _, op := range q.list2 {
		t.pr.setTok(op.start, "UNION ALL")
	}
	items := first.sel.items
	q.list[0].pre = "SELECT * FROM (" + q.list[0].pre
	appendAfter(q.list[len(q.list)-1], func(pr *printer) string {
		keys := make([]string, len(items))
		for i, it := range items {
			keys[i] = quoteIdent(t.itemColumn(pr, it))
			if k := t.setOpKey(it.x); k != "" {
				keys[i] = k + "(" + keys[i] + ")"
			}
		}
		return ") GROUP BY " + strings.Join(keys, ", ")
	})
	return true
}

// orderKey is the function a compound's ORDER BY orders a column of
// static type typ by: its instant or its length; "" for the others.
func (t *translator) orderKey(typ string) string {
	switch typ {
	case TypeInterval:
		if t.hasIntervals() {
			return "interval_key"
		}
	case TypeMaybeInterval:
		if t.hasIntervals() {
			return "interval_sort_key"
		}
	case sqlfunc.KindInstant, sqlfunc.KindWallClock:
		return "instant_key"
	}
	return ""
}

func hasStar(s *node) bool {
	for _, it := range s.sel.items {
		if it.kind != nItem {
			return true
		}
	}
	return false
}

// expandedColumn is the position of the column of cols (the first body's, *
// expanded) an ORDER BY item of a compound names, by its name or number;
// -1 for another.
func expandedColumn(t *translator, cols []colType, x *node) int {
	switch {
	case x == nil:
	case x.kind == nName && len(x.parts) == 1:
		name := identName(t.toks[x.parts[0]])
		for i, c := range cols {
			if strings.EqualFold(c.name, name) {
				return i
			}
		}
	case isIntegerLiteral(t, x):
		return literalPosition(t, x, len(cols))
	}
	return -1
}

// compoundColumn is the position of the first body's item an ORDER BY
// item of a compound names, by its name or number; -1 for another.
func compoundColumn(t *translator, first, x *node) int {
	items := first.sel.items
	switch {
	case x.kind == nName && len(x.parts) == 1:
		name := identName(t.toks[x.parts[0]])
		for i, it := range items {
			if it.kind == nItem && (it.name == name || it.name == "" && it.x.kind == nName && identName(t.toks[it.x.parts[len(it.x.parts)-1]]) == name) {
				return i
			}
		}
	case isIntegerLiteral(t, x):
		return literalPosition(t, x, len(items))
	}
	return -1
}

// itemColumn is the name SQLite gives select item it's column: its alias,
// a column's name, or else the expression's text as printed.
func (t *translator) itemColumn(pr *printer, it *node) string {
	switch {
	case it.name != "" && it.tok >= 0 && (t.toks[it.tok].kind == kQuoted || t.toks[it.tok].kind == kWord):
		return nameAsWritten(t.toks[it.tok])
	case it.name != "":
		return it.name
	case it.x.kind == nName && it.x.print == nil && it.x.pre == "" && it.x.post == "":
		return nameAsWritten(t.toks[it.x.parts[len(it.x.parts)-1]])
	}
	return strings.TrimSpace(pr.text(it.x)) // SQLite names it by its span, spaces and all
}

// intersectIntervals makes a DuckDB a INTERSECT b or a EXCEPT b of a known
// interval column compare intervals by length, as DuckDB does: the rows of
// a for which b has [no] row of equal keys, grouped by those keys. It
// tells whether it rewrote the compound.
func (t *translator) intersectIntervals(q, first *node) bool {
	if t.d != DuckDB && t.d != Snowflake || len(q.list) != 2 || q.list[1].kind != nSelect || len(q.list[1].sel.items) != len(first.sel.items) {
		return false
	}
	op := q.list2[0]
	kw := t.toks[op.start].lower
	if kw != "intersect" && kw != "except" && kw != "minus" || op.name != "" || !t.plainSetOp(op) {
		return false
	}
	left, right := first.sel.items, q.list[1].sel.items
	any := false
	for i, it := range left {
		if right[i].kind != nItem {
			return false
		}
		any = any || t.setOpKey(it.x) != ""
	}
	if !any {
		return false
	}
	exists := "EXISTS"
	if kw != "intersect" {
		exists = "NOT EXISTS"
	}
	t.pr.setTok(op.start, ") AS _nexus_l WHERE "+exists+" (SELECT 1 FROM (")
	q.list[0].pre = "SELECT * FROM (" + q.list[0].pre
	appendAfter(q.list[1], func(pr *printer) string {
		conds := make([]string, len(left))
		keys := make([]string, len(left))
		for i, it := range left {
			l, r := quoteIdent(t.itemColumn(pr, it)), quoteIdent(t.itemColumn(pr, right[i]))
			keys[i], l, r = l, "_nexus_l."+l, "_nexus_r."+r
			if k := t.setOpKey(it.x); k != "" {
				keys[i] = k + "(" + keys[i] + ")"
				l, r = k+"("+l+")", k+"("+r+")"
			}
			conds[i] = r + " IS " + l
		}
		return ") AS _nexus_r WHERE " + strings.Join(conds, " AND ") + ") GROUP BY " + strings.Join(keys, ", ")
	})
	return true
}

// setOpKey is the key a set operation compares a column of a known interval
// (DuckDB) or instant (Snowflake) by, "" for other columns.
func (t *translator) setOpKey(x *node) string {
	if k := t.equalityKey(x); k == "interval_key" || k == "instant_key" {
		return k
	}
	return ""
}

// plainSetOp tells whether a set operator is without ALL, CORRESPONDING or
// STRICT: ALL keeps every row, and CORRESPONDING rewrites the bodies.
func (t *translator) plainSetOp(op *node) bool {
	for i := op.start; i < op.end; i++ {
		if w := t.toks[i].lower; t.toks[i].kind == kWord && (w == "all" || w == "corresponding" || w == "strict") {
			return false
		}
	}
	return true
}

// appendAfter prints tail(pr) after body n as it prints otherwise.
func appendAfter(n *node, tail func(pr *printer) string) {
	saved := n.print
	n.print = func(pr *printer, n *node) string {
		if saved != nil {
			return saved(pr, n) + tail(pr)
		}
		return pr.plain(n) + tail(pr)
	}
}
