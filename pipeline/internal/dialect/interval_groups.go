package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB holds two intervals equal when they are as long, a month counting
// 30 days and a day 24 hours (1 day = 24 hours, 1 month = 30 days), and
// groups them so. Snowflake holds two TIMESTAMP_TZ values equal when they
// are the same instant, whatever offsets they were written in (10:00 +02:00
// = 08:00 +00:00). Their text differs, so GROUP BY, SELECT DISTINCT,
// count(DISTINCT), UNION and a window's PARTITION BY of a value known to be
// an INTERVAL (DuckDB) or a timestamp (Snowflake) go by interval_key() or
// instant_key() of it (equalityKey); a group shows the text of one of its
// values.

// equalityKey is the function grouping n as the warehouse does, "" when its
// text does: intervalKey for DuckDB, instant_key for a Snowflake value that
// may keep an offset.
func (t *translator) equalityKey(n *node) string {
	switch t.d {
	case DuckDB:
		return t.intervalKey(n)
	case Snowflake:
		if t.mayKeepOffset(n) {
			return "instant_key"
		}
	}
	return ""
}

// groupedType tells whether a column of static type typ is grouped by a
// key: a known interval (DuckDB) or instant (Snowflake).
func (t *translator) groupedType(typ string) string {
	switch {
	case t.d == DuckDB && typ == TypeInterval:
		return "interval_key"
	case t.d == Snowflake && typ == sqlfunc.KindInstant:
		return "instant_key"
	}
	return ""
}

// groupIntervals writes the GROUP BY items of SELECT s that are intervals
// (by expression, alias or position), and SELECT DISTINCT over intervals
// as a GROUP BY of its items.
func (t *translator) groupIntervals(s *node) {
	if t.d != DuckDB && t.d != Snowflake {
		return
	}
	info := s.sel
	saved := t.sc
	t.sc = info.scope // the items' names are the relations' columns
	defer func() { t.sc = saved }()
	if g := info.group; g != nil && g.name != "all" {
		for _, k := range g.kids {
			t.groupInterval(s, k)
		}
	} else if g != nil && g.print != nil {
		t.groupAllIntervals(s)
	}
	t.distinctIntervals(s)
}

// groupAllIntervals writes GROUP BY ALL (rewriteGroupAll) with
// interval_key() of the items that are intervals.
func (t *translator) groupAllIntervals(s *node) {
	var keys []*node // the items grouped by; intervals by key
	var interval []string
	any := false
	for _, it := range s.sel.items {
		if it.kind == nItem && !hasAggregate(it.x) {
			keys = append(keys, it)
			interval = append(interval, t.equalityKey(it.x))
			any = any || interval[len(interval)-1] != ""
		}
	}
	if !any {
		return
	}
	s.sel.group.print = func(pr *printer, g *node) string {
		return "GROUP BY " + groupKeys(pr, s.sel.items, keys, interval) + pr.carry(g)
	}
}

// groupKeys is the GROUP BY list of keys, items of items: a position, or
// interval_key() of the item when it is an interval (interval[i], the
// function, is set).
func groupKeys(pr *printer, items, keys []*node, interval []string) string {
	pr.flat++
	defer func() { pr.flat-- }()
	text := ""
	for i, k := range keys {
		if i > 0 {
			text += ", "
		}
		if interval[i] != "" {
			text += interval[i] + "(" + pr.text(k.x) + ")"
			continue
		}
		for j, it := range items {
			if it == k {
				text += itoa(j + 1)
			}
		}
	}
	return text
}

// groupInterval makes GROUP BY item k go by interval_key() when it is an
// interval.
func (t *translator) groupInterval(s *node, k *node) {
	if isIntegerLiteral(t, k) {
		it := itemAt(t, s, k)
		if it == nil || t.equalityKey(it.x) == "" {
			return
		}
		key := t.equalityKey(it.x)
		k.print = func(pr *printer, n *node) string {
			pr.flat++
			defer func() { pr.flat-- }()
			return key + "(" + pr.text(it.x) + ")"
		}
		return
	}
	key := t.equalityKey(k)
	if key == "" && k.kind == nName && len(k.parts) == 1 {
		key = aliasKey(t, s, k)
	}
	if key != "" {
		// an alias inside an expression is still the select item in SQLite
		k.pre = key + "(" + k.pre
		k.post += ")"
	}
}

// itemAt is the select item position literal k names, or nil.
func itemAt(t *translator, s *node, k *node) *node {
	n := 0
	for _, c := range t.toks[k.start].text {
		n = n*10 + int(c-'0')
	}
	items := s.sel.items
	for _, it := range items {
		if it.kind == nStar {
			return nil // the position depends on the relations' columns
		}
	}
	if n >= 1 && n <= len(items) {
		return items[n-1]
	}
	return nil
}

// aliasKey is the equalityKey of the select item of s name k is the
// alias of, "" when it is none.
func aliasKey(t *translator, s *node, k *node) string {
	name := identName(t.toks[k.parts[0]])
	if found, _ := t.inputColumn(t.sc, name); found {
		return "" // a column of the relations read wins
	}
	for _, it := range s.sel.items {
		if it.kind == nItem && it.name == name {
			return t.equalityKey(it.x)
		}
	}
	return ""
}

// distinctIntervals writes SELECT DISTINCT items FROM ... [WHERE ...] with
// an interval among the items as SELECT items FROM ... [WHERE ...] GROUP BY
// each item, interval_key() of the intervals. It leaves alone a SELECT that
// groups, aggregates, numbers rows in windows or reads a star.
//
// A SELECT that groups, numbers rows in windows or reads a star becomes
// SELECT * FROM (the SELECT without DISTINCT) GROUP BY its columns, the
// intervals' keys: the windows and groups are computed first, as DISTINCT
// comes after them. One mixing * with other items is refused.
func (t *translator) distinctIntervals(s *node) {
	info := s.sel
	if s.tok2 < 0 || t.toks[s.tok2].lower != "distinct" || info.distinctOn != nil || info.fromClause == nil || s.print != nil {
		return
	}
	blocked := info.group != nil || info.having != nil || info.qualify != nil || len(info.unnests) > 0
	aggregated, stars := false, 0
	for _, it := range info.items {
		if it.kind != nItem {
			stars++
		}
		blocked = blocked || it.kind != nItem || hasWindow(it.x)
		aggregated = aggregated || it.kind == nItem && hasAggregate(it.x)
	}
	if blocked || aggregated {
		if cols, complete := t.selectTypes(s); (blocked || info.group != nil) && t.hasGrouped(cols) {
			t.distinctAfter(s, cols, complete, stars)
		}
		return
	}
	any := false
	items := info.items
	interval := make([]string, len(items))
	for i, it := range items {
		interval[i] = t.equalityKey(it.x)
		any = any || interval[i] != ""
	}
	if !any {
		return
	}
	t.pr.dropTok(s.tok2)
	anchor := info.fromClause
	if info.where != nil {
		anchor = info.where
	}
	own := anchor.print
	anchor.print = func(pr *printer, n *node) string {
		text := ""
		if own != nil {
			text = own(pr, n)
		} else {
			text = pr.plain(n)
		}
		return text + " GROUP BY " + groupKeys(pr, items, items, interval)
	}
}

// distinctAfter writes SELECT DISTINCT ... of known intervals as
// SELECT * FROM (SELECT ...) GROUP BY each column, interval_key() of the
// intervals; cols are the SELECT's columns, * expanded.
func (t *translator) distinctAfter(s *node, cols []colType, complete bool, stars int) {
	items := s.sel.items
	if stars > 0 && (len(items) != 1 || !complete) {
		if t.d == DuckDB { // Snowflake's: as in refuseSetOps
			t.refuse(s.tok2, refDistinctIntervals)
		}
		return
	}
	t.pr.dropTok(s.tok2)
	s.pre = "SELECT * FROM (" + s.pre
	appendAfter(s, func(pr *printer) string {
		var keys []string
		for i, c := range cols {
			key := quoteIdent(c.name)
			if stars == 0 {
				key = quoteIdent(t.itemColumn(pr, items[i]))
			}
			if k := t.groupedType(c.typ); k != "" {
				key = k + "(" + key + ")"
			}
			keys = append(keys, key)
		}
		return ") GROUP BY " + strings.Join(keys, ", ")
	})
}

// hasGrouped tells whether a column of cols is grouped by a key.
func (t *translator) hasGrouped(cols []colType) bool {
	for _, c := range cols {
		if t.groupedType(c.typ) != "" {
			return true
		}
	}
	return false
}

// hasWindow tells whether n calls a window function outside a subquery.
func hasWindow(n *node) bool {
	if n == nil || n.kind == nSelect {
		return false
	}
	if n.kind == nCall && n.x != nil && n.x.kind == nWindow {
		return true
	}
	for _, k := range n.kids {
		if hasWindow(k) {
			return true
		}
	}
	return false
}

// partitionIntervals makes the PARTITION BY items of window call n that
// are intervals go by their key.
func (t *translator) partitionIntervals(n *node) {
	if t.d != DuckDB && t.d != Snowflake || n.x == nil || n.x.kind != nWindow || len(n.x.kids) == 0 {
		return
	}
	spec := n.x.kids[0]
	for _, k := range spec.kids {
		if k.kind == nOrder || k.kind == nSoup {
			continue
		}
		if key := t.equalityKey(k); key != "" {
			k.pre = key + "(" + k.pre
			k.post += ")"
		}
	}
}

// onIntervalKey is col, the column DISTINCT ON key k of SELECT s is read
// from, in interval_key() when k (or the select item it names) is an
// interval: one row for 1 day and 24 hours, as in DuckDB.
func (t *translator) onIntervalKey(s, k *node, col string) string {
	saved := t.sc
	t.sc = s.sel.scope
	defer func() { t.sc = saved }()
	key := ""
	switch {
	case isIntegerLiteral(t, k):
		if it := itemAt(t, s, k); it != nil {
			key = t.equalityKey(it.x)
		}
	case k.kind == nName && len(k.parts) == 1:
		if key = aliasKey(t, s, k); key == "" {
			key = t.equalityKey(k)
		}
	default:
		key = t.equalityKey(k)
	}
	if key == "" {
		return col
	}
	return key + "(" + col + ")"
}

// countDistinctInstants makes Snowflake's count(DISTINCT ts) count equal
// instants once, as count(DISTINCT) of a DuckDB interval counts equal
// lengths once (rewriteIntervalCall).
func (t *translator) countDistinctInstants(n *node) {
	if t.d != Snowflake || n.name != "count" || !n.flag || len(n.list) != 1 {
		return
	}
	if k := t.equalityKey(n.list[0]); k != "" {
		n.list[0].pre = k + "(" + n.list[0].pre
		n.list[0].post += ")"
	}
}

// listaggDistinctInstants writes Snowflake's LISTAGG(DISTINCT ts[, sep]) of
// a value that may keep an offset as listagg_distinct_instants, which
// joins one instant written in two offsets once, as count(DISTINCT) counts
// it (countDistinctInstants); a TIMESTAMP_LTZ, which the static type does
// not tell apart, is UTC text, which it joins as before. It tells whether
// it did.
func (t *translator) listaggDistinctInstants(n *node) bool {
	if t.d != Snowflake || n.name != "listagg" || !n.flag || n.x != nil || len(n.list) < 1 || len(n.list) > 2 ||
		limitOf(n) != nil || t.equalityKey(n.list[0]) == "" {
		return false
	}
	t.pr.setTok(n.tok, "listagg_distinct_instants")
	t.pr.dropTok(n.tok2)
	t.rewriteWithinGroup(n)
	return true
}

// arrayAggDistinctInstants writes Snowflake's ARRAY_AGG(DISTINCT ts) as
// array_agg_distinct_instants, as listaggDistinctInstants does LISTAGG.
func (t *translator) arrayAggDistinctInstants(n *node) {
	if t.d != Snowflake || !n.flag || n.x != nil || len(n.list) != 1 || limitOf(n) != nil || t.equalityKey(n.list[0]) == "" {
		return
	}
	t.pr.setTok(n.tok, "array_agg_distinct_instants")
	t.pr.dropTok(n.tok2)
}
