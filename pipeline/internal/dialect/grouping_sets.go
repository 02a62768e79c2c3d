package dialect

import (
	"strconv"
	"strings"
)

// GROUP BY ROLLUP (...), CUBE (...) and GROUPING SETS (...) group the rows
// once per grouping set. SQLite has none of them, so the SELECT is printed
// once per set and the copies joined with UNION ALL: in each, the grouped
// expressions outside the set are NULL in the select list and HAVING (but
// not inside aggregates, which still read the rows' values), and
// GROUPING(a, b) / GROUPING_ID(a, b) are the set's bits, 1 for an argument
// the set leaves out, the first argument the highest bit.

// parseGroupItem reads one GROUP BY item: an expression, ROLLUP (...),
// CUBE (...) or GROUPING SETS (...). The three are nExpr nodes named
// "rollup", "cube" and "grouping sets" whose list holds their items; an
// empty set () is an nExpr named "()".
func (p *parser) parseGroupItem() *node {
	switch {
	case p.isWord("grouping") && p.isWordAt(1, "sets") && p.isPunctAt(2, "("):
		g := p.open(nExpr)
		g.name, g.tok = "grouping sets", p.next()
		p.next()
		p.next()
		for {
			if p.isPunct("(") && p.isPunctAt(1, ")") {
				e := p.open(nExpr)
				e.name = "()"
				p.next()
				p.next()
				g.list = append(g.list, g.add(p.close(e)))
			} else {
				g.list = append(g.list, g.add(p.parseGroupItem()))
			}
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
		return p.close(g)
	case (p.isWord("rollup") || p.isWord("cube")) && p.isPunctAt(1, "("):
		g := p.open(nExpr)
		g.tok = p.next()
		g.name = p.toks[g.tok].lower
		p.next()
		p.parseList(g, ")")
		return p.close(g)
	}
	return p.parseExpr()
}

// groupingSets is the grouping sets of GROUP BY g, each a list of the
// expressions grouped, and whether g has any ROLLUP, CUBE or GROUPING SETS.
func groupingSets(g *node) (sets [][]*node, multi bool) {
	sets = [][]*node{{}}
	for _, k := range g.kids {
		var ks [][]*node
		ks, m := groupItemSets(k)
		multi = multi || m
		var next [][]*node
		for _, a := range sets {
			for _, b := range ks {
				next = append(next, append(append([]*node{}, a...), b...))
			}
		}
		sets = next
	}
	return sets, multi
}

// groupItemSets is the grouping sets of one GROUP BY item.
func groupItemSets(k *node) ([][]*node, bool) {
	if k.kind != nExpr {
		return [][]*node{groupExprs(k)}, false
	}
	switch k.name {
	case "()":
		return [][]*node{{}}, true
	case "grouping sets":
		var sets [][]*node
		for _, e := range k.list {
			s, _ := groupItemSets(e)
			sets = append(sets, s...)
		}
		return sets, true
	case "rollup":
		// (a, b, c), (a, b), (a), ()
		var sets [][]*node
		for n := len(k.list); n >= 0; n-- {
			var set []*node
			for _, e := range k.list[:n] {
				set = append(set, groupExprs(e)...)
			}
			sets = append(sets, set)
		}
		return sets, true
	case "cube":
		// every subset, the whole first
		n := len(k.list)
		var sets [][]*node
		for mask := 1<<n - 1; mask >= 0; mask-- {
			var set []*node
			for i, e := range k.list {
				if mask&(1<<(n-1-i)) != 0 {
					set = append(set, groupExprs(e)...)
				}
			}
			sets = append(sets, set)
		}
		return sets, true
	}
	return [][]*node{groupExprs(k)}, false
}

// groupExprs is the expressions an item of a grouping set groups by: the
// members of a tuple (a, b), or the item.
func groupExprs(e *node) []*node {
	switch e.kind {
	case nTuple:
		return e.list
	case nParen:
		if e.x != nil {
			return []*node{e.x}
		}
	}
	return []*node{e}
}

// maxGroupingSets bounds the copies of a SELECT: CUBE of 6 columns.
const maxGroupingSets = 64

// groupKey is the text that tells two grouped expressions are the same:
// a name's last part, or the tokens without spaces, case aside.
func (t *translator) groupKey(e *node) string {
	e = unparen(e)
	if e.kind == nName {
		return identName(t.toks[e.parts[len(e.parts)-1]])
	}
	var b strings.Builder
	for i := e.start; i < e.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			b.WriteString(strings.ToLower(t.toks[i].text))
		}
	}
	return b.String()
}

// setKey is the groupKey of e, a GROUP BY expression of s: a position
// (GROUP BY ROLLUP(1, 2)) or a select alias that is no column read stands
// for that item's expression.
func (t *translator) setKey(s *node, e *node) string {
	items := s.sel.items
	if e.kind == nLit && t.toks[e.start].kind == kNumber {
		if i, err := strconv.Atoi(t.toks[e.start].text); err == nil && i >= 1 && i <= len(items) && items[i-1].kind == nItem {
			return t.groupKey(items[i-1].x)
		}
	}
	if e.kind == nName && len(e.parts) == 1 {
		name := identName(t.toks[e.parts[0]])
		if found, _ := t.inputColumn(s.sel.scope, name); !found {
			for _, it := range items {
				if it.kind == nItem && it.name == name {
					return t.groupKey(it.x)
				}
			}
		}
	}
	return t.groupKey(e)
}

// rewriteGroupingSets writes the SELECT s with ROLLUP, CUBE or GROUPING SETS
// as a UNION ALL of one grouped SELECT per set, and gives GROUPING() its
// value in each.
func (t *translator) rewriteGroupingSets(s *node) {
	info := s.sel
	calls := t.groupingCalls(s)
	if info.group == nil || info.group.name == "all" {
		return // GROUPING() without GROUP BY stays unclaimed, and is refused
	}
	sets, multi := groupingSets(info.group)
	if !multi {
		for _, c := range calls {
			delete(t.grouping, c)
			c.print = printAs("0")
		}
		t.groupingSel[s] = &groupingSelect{single: true}
		t.groupTuples(info.group)
		return
	}
	at := info.group.start // the first ROLLUP, CUBE or GROUPING SETS
	for _, k := range info.group.kids {
		if k.kind == nExpr && k.tok >= 0 {
			at = k.tok
			break
		}
	}
	switch {
	case len(sets) > maxGroupingSets:
		t.refuse(at, refGroupingSets, "it gives "+itoa(len(sets))+" grouping sets, more than "+itoa(maxGroupingSets))
		return
	case info.qualify != nil || info.distinctOn != nil || len(info.unnests) > 0:
		t.refuse(at, refGroupingSets, "QUALIFY, DISTINCT ON and unnest() need the rows of every set at once")
		return
	}
	windowed := false
	for _, it := range info.items {
		if it.kind == nStar {
			t.refuse(it.tok, refGroupingSets, "SELECT * would show the rolled-up columns' values")
			return
		}
		windowed = windowed || hasWindow(it.x)
	}
	if windowed && s.tok2 >= 0 {
		// the windows would see the rows each set's DISTINCT kept
		t.refuse(at, refGroupingSets, "SELECT DISTINCT with a window function would remove duplicates before the windows see the rows of every set")
		return
	}
	// the grouped expressions, and the sets' keys
	inSet := make([]map[string]bool, len(sets))
	grouped := map[string]bool{}
	for i, set := range sets {
		inSet[i] = map[string]bool{}
		for _, e := range set {
			inSet[i][t.setKey(s, e)] = true
			grouped[t.setKey(s, e)] = true
		}
	}
	cur := -1 // the set being printed; -1 prints as written
	// outer prints the select list of a windowed select over the sets' union
	outer := false
	gs := &groupingSelect{inCopy: func() bool { return cur >= 0 && !outer }}
	if s.tok2 < 0 { // SELECT DISTINCT orders by its columns only
		gs.order = t.orderLeaves(s, grouped)
	}
	gs.value = func(pr *printer, n *node, old func(*printer, *node) string) string {
		pr.flat++
		defer func() { pr.flat-- }()
		switch {
		case isGroupingCall(n):
			return itoa(groupingBits(t.groupingKeys(s, n), inSet[cur]))
		case !isAggregateCall(n) && !inSet[cur][t.groupKey(n)]:
			return "NULL"
		case old != nil:
			return old(pr, n)
		}
		return pr.plain(n)
	}
	// an ORDER BY that reads the rows reads columns the copies add, from a
	// select over their union as for windows
	windowed = windowed || len(gs.order) > 0
	var uses []*node
	var find func(n *node)
	find = func(n *node) {
		switch {
		case n == nil || n.kind == nSelect || n.kind == nSubquery || n.kind == nQuery:
			return
		case n.kind == nCall && n.x == nil && (isAggregate(n.name, len(n.list)) || n.name == "grouping" || n.name == "grouping_id"):
			return
		case n.kind != nItem && n.kind != nExpr && grouped[t.groupKey(n)]:
			uses = append(uses, n)
			return
		}
		for _, k := range n.kids {
			find(k)
		}
	}
	for _, it := range info.items {
		find(it.x)
	}
	find(info.having)
	for _, u := range uses {
		key, old := t.groupKey(u), u.print
		u.print = func(pr *printer, n *node) string {
			if cur >= 0 && !inSet[cur][key] {
				return "NULL" + pr.carry(n)
			}
			if old != nil {
				return old(pr, n)
			}
			return pr.plain(n)
		}
	}
	for _, c := range calls {
		delete(t.grouping, c)
		keys := t.groupingKeys(s, c)
		c.print = func(pr *printer, n *node) string {
			if cur < 0 {
				return pr.plain(n)
			}
			return itoa(groupingBits(keys, inSet[cur])) + pr.carry(n)
		}
	}
	// an unnamed item keeps the name it has as written
	for _, it := range info.items {
		if it.name == "" && !strings.Contains(it.post, " AS ") && (windowed || t.touches(it.x, uses, calls)) {
			it := it
			post := it.post
			it.post = ""
			it.print = func(pr *printer, n *node) string {
				saved, savedOuter := cur, outer
				cur, outer = -1, false
				pr.flat++
				name := strings.TrimSpace(pr.text(it.x))
				pr.flat--
				cur, outer = saved, savedOuter
				if it.x.kind == nName {
					name = identName(t.toks[it.x.parts[len(it.x.parts)-1]])
				}
				return pr.plain(n) + post + " AS " + quoteIdent(name)
			}
		}
	}
	if windowed {
		t.windowOverSets(info.items, uses, calls, gs.order, &outer, info.having != nil && !hasAggregateItem(info.items))
	}
	g := info.group
	g.print = func(pr *printer, n *node) string {
		if len(sets[cur]) == 0 {
			return pr.carry(n)
		}
		keys := make([]string, len(sets[cur]))
		pr.flat++
		for i, e := range sets[cur] {
			keys[i] = strings.TrimSpace(pr.text(e))
		}
		pr.flat--
		return "GROUP BY " + strings.Join(keys, ", ") + pr.carry(n)
	}
	s.print = func(pr *printer, n *node) string {
		var parts []string
		for i := range sets {
			cur = i
			if i > 0 {
				pr.flat++
			}
			parts = append(parts, pr.plain(n))
			if i > 0 {
				pr.flat--
			}
		}
		cur = -1
		if len(parts) == 1 && !windowed {
			return parts[0]
		}
		head := "SELECT * FROM ("
		if s.tok2 >= 0 {
			// SELECT DISTINCT removes duplicates across the sets too
			head = "SELECT DISTINCT * FROM ("
		}
		if windowed {
			// the windows see the rows of every set: they are computed
			// over the union, from the columns each copy gives
			outer = true
			pr.flat++
			head = "SELECT " + pr.span(n, info.items[0].start, info.items[len(info.items)-1].end) + " FROM ("
			pr.flat--
			outer = false
		}
		first := parts[0]
		body := strings.TrimRight(first, " \t\r\n")
		trail := first[len(body):]
		rest := ""
		if len(parts) > 1 {
			rest = " UNION ALL " + strings.Join(parts[1:], " UNION ALL ")
		}
		if last := body[strings.LastIndexByte(body, '\n')+1:]; strings.Contains(last, "--") {
			// a line comment ends the first copy: the others go on the
			// next line
			if i := strings.IndexByte(trail, '\n'); i >= 0 {
				trail = trail[:i] + trail[i+1:]
			}
			return head + body + "\n" + rest + ")" + trail
		}
		return head + body + rest + ")" + trail
	}
	t.groupingSel[s] = gs
}

// windowOverSets makes a grouped select whose items hold window functions
// print, in each set's copy, only the values the windows read: the
// aggregates, GROUPING() calls and grouped expressions of the items (uses
// and calls), each as a column __gN; with *outer set, the items print as
// written with those values read from the columns, for the select over the
// copies' union. An aggregate column is added where HAVING needs one to
// make SQLite read the copy of the empty set as grouped.
//
// The copies also give each node of order, the ORDER BY's nodes that read
// the rows, as a column __oN (orderColumn), after the items.
func (t *translator) windowOverSets(items, uses, calls, order []*node, outer *bool, addAggregate bool) {
	isLeaf := map[*node]bool{}
	for _, l := range [][]*node{uses, calls} {
		for _, n := range l {
			isLeaf[n] = true
		}
	}
	var leaves func(n *node, out []*node) []*node
	leaves = func(n *node, out []*node) []*node {
		switch {
		case n == nil || n.kind == nSelect || n.kind == nSubquery || n.kind == nQuery:
			return out
		case isLeaf[n] || isAggregateCall(n):
			return append(out, n)
		}
		for _, k := range n.kids {
			out = leaves(k, out)
		}
		return out
	}
	cols := 0
	for i, it := range items {
		ls := leaves(it.x, nil)
		names := make([]string, len(ls))
		for j, l := range ls {
			cols++
			name := quoteIdent("__g" + itoa(cols))
			names[j] = name
			old := l.print
			l.print = func(pr *printer, n *node) string {
				switch {
				case *outer:
					return name + pr.carry(n)
				case old != nil:
					return old(pr, n)
				}
				return pr.plain(n)
			}
		}
		old, pre, post := it.print, it.pre, it.post
		it.pre, it.post = "", ""
		it.print = func(pr *printer, n *node) string {
			if *outer {
				if old != nil {
					return pre + old(pr, n) + post
				}
				return pre + pr.plain(n) + post
			}
			var out []string
			for j, l := range ls {
				out = append(out, l.print(pr, l)+" AS "+names[j]) // its pre and post belong to the outer place
			}
			if len(ls) == 0 {
				out = append(out, "NULL AS "+quoteIdent("__i"+itoa(i+1)))
			}
			if i == 0 && addAggregate {
				out = append(out, "count(*) AS __gc")
			}
			if i == len(items)-1 {
				for j, l := range order {
					out = append(out, l.print(pr, l)+" AS "+orderColumn(j))
				}
			}
			return strings.Join(out, ", ") + pr.carry(n, ls...)
		}
	}
}

// touches tells whether n holds one of the nodes of a or b.
func (t *translator) touches(n *node, a, b []*node) bool {
	for _, l := range [][]*node{a, b} {
		for _, k := range l {
			if n.start <= k.start && k.end <= n.end {
				return true
			}
		}
	}
	return false
}

// groupingCalls are the GROUPING() and GROUPING_ID() calls of s's select
// list and HAVING, outside subqueries.
func (t *translator) groupingCalls(s *node) []*node {
	var out []*node
	var find func(n *node)
	find = func(n *node) {
		if n == nil || n.kind == nSelect || n.kind == nQuery {
			return
		}
		if t.grouping[n] {
			out = append(out, n)
		}
		for _, k := range n.kids {
			find(k)
		}
	}
	for _, it := range s.sel.items {
		find(it.x)
	}
	find(s.sel.having)
	return out
}

// groupingSelect is what the ORDER BY of a grouped select needs from its
// rewrite.
type groupingSelect struct {
	single bool // one grouping set: GROUPING() is 0
	// order are the ORDER BY's nodes read from the columns the copies of
	// the sets add (orderLeaves); inCopy tells whether a copy is being
	// printed, and value prints such a node's value there.
	order  []*node
	inCopy func() bool
	value  func(pr *printer, n *node, old func(*printer, *node) string) string
}

// orderColumn names the column of the j-th ORDER BY node read from the
// copies of the sets.
func orderColumn(j int) string { return quoteIdent("__o" + itoa(j+1)) }

// isGroupingCall tells whether n is GROUPING(...) or GROUPING_ID(...).
func isGroupingCall(n *node) bool {
	return n.kind == nCall && n.x == nil && len(n.parts) <= 1 && (n.name == "grouping" || n.name == "grouping_id")
}

// groupingKeys are the set keys of the arguments of the GROUPING() call c
// of the select s.
func (t *translator) groupingKeys(s, c *node) []string {
	keys := make([]string, len(c.list))
	for i, a := range c.list {
		keys[i] = t.setKey(s, a)
	}
	return keys
}

// groupingBits is GROUPING()'s value in a set: a bit per argument, 1 for
// one the set leaves out, the first argument the highest.
func groupingBits(keys []string, in map[string]bool) int {
	v := 0
	for _, k := range keys {
		v <<= 1
		if !in[k] {
			v |= 1
		}
	}
	return v
}

// orderLeaves are the nodes of the ORDER BY of the grouping-sets select s
// that read its rows rather than its columns, when one of them cannot be
// read from a select item's column: then every GROUPING() call, aggregate
// and grouped expression of the ORDER BY (but a select item's name) is
// read from a column the copies add, as the warehouse computes them per
// set. Nil when each is a select item's column.
func (t *translator) orderLeaves(s *node, grouped map[string]bool) []*node {
	if s.sel.order == nil {
		return nil
	}
	items := s.sel.items
	names := map[string]bool{}
	for _, it := range items {
		if it.kind != nItem {
			continue
		}
		if name := t.orderItemColumn(items, it.x); name != "" {
			names[name] = true
		}
	}
	var leaves []*node
	needed := false
	var find func(n *node)
	find = func(n *node) {
		switch {
		case n == nil || n.kind == nSelect || n.kind == nSubquery || n.kind == nQuery:
			return
		case n.kind == nName && len(n.parts) == 1 && names[identName(t.toks[n.parts[0]])]:
			return // a select item's column
		case isGroupingCall(n):
			needed = true
		case readsRows(n) && (isAggregateCall(n) || grouped[t.groupKey(n)]):
			needed = needed || t.orderItemColumn(items, n) == ""
		case n.kind != nOrder && grouped[t.groupKey(n)]:
			needed = true
		default:
			for _, k := range n.kids {
				find(k)
			}
			return
		}
		leaves = append(leaves, n)
	}
	for _, o := range s.sel.order.list {
		find(o.x)
	}
	if !needed {
		return nil
	}
	return leaves
}

// groupingSetsOrder makes the ORDER BY of grouping sets read the union of
// the sets' copies, which has the select's columns only: an aggregate or a
// qualified name that is a select item's expression reads that item's
// column, as the warehouse orders by it, and the nodes orderLeaves found
// read the columns the copies add; any other is refused.
func (t *translator) groupingSetsOrder(q *node) {
	if q.y == nil || len(q.list) != 1 || t.groupingSel[q.list[0]] == nil {
		return
	}
	gs := t.groupingSel[q.list[0]]
	if gs.single {
		var zero func(n *node, term bool)
		zero = func(n *node, term bool) {
			if t.grouping[n] {
				delete(t.grouping, n)
				n.print = printAs("0")
				if term { // a whole ORDER BY term 0 would be a column's position
					n.print = printAs("0+0")
				}
			}
			for _, k := range n.kids {
				zero(k, n.kind == nOrder)
			}
		}
		zero(q.y, false)
		return
	}
	bound := map[*node]bool{}
	for j, l := range gs.order {
		delete(t.grouping, l) // a GROUPING() call has its value in each copy
		bound[l] = true
		name, old := orderColumn(j), l.print
		l.print = func(pr *printer, n *node) string {
			if gs.inCopy() {
				return gs.value(pr, n, old)
			}
			return name + pr.carry(n)
		}
	}
	items := q.list[0].sel.items
	var bind func(n *node)
	bind = func(n *node) {
		if n == nil || n.kind == nSelect || bound[n] {
			return
		}
		if readsRows(n) {
			if name := t.orderItemColumn(items, n); name != "" {
				bound[n] = true
				n.print = func(pr *printer, n *node) string { return quoteIdent(name) + pr.carry(n) }
			}
			return
		}
		for _, k := range n.kids {
			bind(k)
		}
	}
	for _, o := range q.y.list {
		if o.x == nil {
			continue
		}
		bind(o.x)
		if hasUnbound(o.x, bound) {
			t.refuse(o.start, refGroupingSets, "ORDER BY reads the selected columns only: order by a select item's alias or position")
			for c := range t.grouping {
				if o.start <= c.start && c.end <= o.end {
					delete(t.grouping, c) // refused with its term
				}
			}
			return
		}
	}
}

// orderItemColumn is the column name of the select item whose expression
// is e, or "" when no item's is or the item has no name to read it by.
func (t *translator) orderItemColumn(items []*node, e *node) string {
	key := t.groupKey(e)
	for _, it := range items {
		if it.kind != nItem || t.groupKey(it.x) != key {
			continue
		}
		switch {
		case it.name != "":
			return it.name
		case it.x.kind == nName:
			return identName(t.toks[it.x.parts[len(it.x.parts)-1]])
		}
	}
	return ""
}

// readsRows tells whether n reads the rows under the union of grouping
// sets, not its columns: an aggregate call or a qualified name.
func readsRows(n *node) bool {
	return isAggregateCall(n) || n.kind == nName && len(n.parts) > 1
}

// hasUnbound tells whether n holds an aggregate, a GROUPING() call or a
// qualified name outside subqueries that no select item's column stands
// for.
func hasUnbound(n *node, bound map[*node]bool) bool {
	switch {
	case n == nil || n.kind == nSelect || bound[n]:
		return false
	case readsRows(n) || isGroupingCall(n):
		return true
	}
	for _, k := range n.kids {
		if hasUnbound(k, bound) {
			return true
		}
	}
	return false
}

// refuseGroupingCalls refuses the GROUPING() calls no grouped SELECT gave a
// value.
func (t *translator) refuseGroupingCalls() {
	for c := range t.grouping {
		t.refuse(c.tok, refGrouping, strings.ToUpper(t.toks[c.tok].text)+"()")
	}
}
