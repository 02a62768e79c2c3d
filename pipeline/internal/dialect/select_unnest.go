package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB's unnest(list) in a select list gives a row per element of the
// list, for each row of the FROM items; an empty or NULL list gives none.
// The call may stand inside an expression of its item (unnest(l) + 1), and
// several calls go side by side: DuckDB pairs their elements by position,
// giving each row as many rows as its longest list has elements, the
// shorter lists' places NULL. That is a join of json_each after the FROM
// items: of the one list, whose value is the call, or of unnest_zip(a, b,
// ...), the lists' elements zipped, whose value's i-th member is the i-th
// call. BigQuery has UNNEST only in FROM and after IN, and Snowflake none:
// there, and in the DuckDB forms this does not cover, the call is refused
// (rewriteCall) with what to write.

// markSelectUnnest finds the unnest calls of a DuckDB select's items
// before its expressions are walked, refusing the forms it does not
// rewrite.
func (t *translator) markSelectUnnest(s *node) {
	if t.d != DuckDB {
		return
	}
	info := s.sel
	var calls []*node
	for _, it := range info.items {
		if it.kind == nItem {
			calls = appendUnnests(calls, it.x)
		}
	}
	if len(calls) == 0 {
		return
	}
	for _, call := range calls {
		t.unnestSeen[call] = true
	}
	for _, call := range calls {
		switch {
		case call.name == "regexp_split_to_table":
			// DuckDB's macro unnest(string_split_regex(text, pattern))
			if len(call.list) != 2 || call.list[0].kind == nExpr && call.list[0].name != "" || call.list[1].kind == nExpr && call.list[1].name != "" {
				t.refuse(call.tok, refUnnestOptions)
				return
			}
		case call.name == "generate_subscripts":
			if !t.firstDimension(call) {
				t.refuse(call.tok, refSubscripts)
				return
			}
		case len(call.list) != 1 || call.list[0].kind == nExpr && call.list[0].name != "":
			t.refuse(call.tok, refUnnestOptions)
			return
		case call.list[0].kind == nStruct || t.staticTypeIn(info.scope, call.list[0]) == TypeStruct:
			t.refuse(call.tok, refUnnestStruct)
			return
		}
	}
	switch {
	case info.group != nil || info.having != nil || info.qualify != nil || hasAggregateItem(info.items):
		t.refuse(calls[0].tok, refUnnestGrouped)
		return
	case hasWindowItem(info.items):
		t.refuse(calls[0].tok, refUnnestWindow)
		return
	}
	info.unnests = calls
}

// appendUnnests adds the unnest(x) calls of select item expression x to
// calls, in source order: not those of a subquery, which has its own
// select list, of a lambda, or inside another unnest's argument, which
// DuckDB refuses too.
func appendUnnests(calls []*node, x *node) []*node {
	if x == nil {
		return calls
	}
	switch x.kind {
	case nSubquery, nSelect, nQuery, nExists, nArraySub, nLambda:
		return calls
	case nCall:
		if (x.name == "unnest" || x.name == "generate_subscripts" || x.name == "regexp_split_to_table") && len(x.parts) <= 1 {
			return append(calls, x)
		}
	}
	for _, k := range x.kids {
		calls = appendUnnests(calls, k)
	}
	return calls
}

func hasAggregateItem(items []*node) bool {
	for _, it := range items {
		if it.kind == nItem && hasAggregate(it.x) {
			return true
		}
	}
	return false
}

func hasWindowItem(items []*node) bool {
	for _, it := range items {
		if it.kind == nItem && hasWindow(it.x) {
			return true
		}
	}
	return false
}

// rewriteSelectUnnest prints the unnest calls as the value of a json_each
// joined after the FROM items (or as the FROM of a select without one).
func (t *translator) rewriteSelectUnnest(s *node) {
	info := s.sel
	calls := info.unnests
	if len(calls) == 0 {
		return
	}
	if info.fromClause != nil && !t.qualifyEachNames(s) {
		return
	}
	t.seq++
	alias := "_nexus_unnest" + itoa(t.seq)
	for i, call := range calls {
		value := alias + ".value"
		if len(calls) > 1 {
			value = "json_extract(" + value + ", '$[" + itoa(i) + "]')"
		}
		call.print = printAs(value)
	}
	for _, it := range info.items {
		if it.kind != nItem || it.name != "" || len(appendUnnests(nil, it.x)) == 0 {
			continue
		}
		// DuckDB names the column after the expression as written; the
		// text of a call to unnest is what it was named before.
		name := strings.Join(strings.Fields(t.source(it.x)), " ")
		if call := unnestOf(it.x); call == it.x && call.name == "unnest" {
			name = "unnest(" + strings.Join(strings.Fields(t.source(call.list[0])), " ") + ")"
		}
		it.x.post += " AS " + quoteIdent(name)
	}
	join := func(pr *printer) string {
		pr.flat++
		defer func() { pr.flat-- }()
		lists := make([]string, len(calls))
		for i, call := range calls {
			lists[i] = strings.TrimSpace(pr.text(call.list[0]))
			if call.name == "regexp_split_to_table" {
				fn, _ := sqlfunc.Rename(string(t.d), "string_split_regex")
				lists[i] = fn + "(" + lists[i] + ", " + strings.TrimSpace(pr.text(call.list[1])) + ")"
			}
			if call.name == "generate_subscripts" {
				// the places of the list's elements, from 1
				lists[i] = "series_list(1, json_array_length(" + lists[i] + "))"
			}
		}
		if len(calls) == 1 {
			return "json_each(" + lists[0] + ") AS " + alias
		}
		return "json_each(unnest_zip(" + strings.Join(lists, ", ") + ")) AS " + alias
	}
	at, sep := info.fromClause, ", "
	if at == nil {
		at, sep = info.items[len(info.items)-1], " FROM "
	}
	before := at.print
	at.print = func(pr *printer, n *node) string {
		// after the last token, before any space or comment that ends it
		last := n.end
		for last > n.start && (t.toks[last-1].kind == kSpace || t.toks[last-1].kind == kComment) {
			last--
		}
		if before != nil {
			return before(pr, n) + sep + join(pr)
		}
		return pr.span(n, n.start, last) + sep + join(pr) + pr.span(n, last, n.end)
	}
}

// firstDimension tells whether call, generate_subscripts(l[, dim]), asks
// for the places of l's elements: the first dimension, the one DuckDB
// numbers (it fails on the others).
func (t *translator) firstDimension(call *node) bool {
	switch len(call.list) {
	case 1:
		return call.list[0].kind != nExpr || call.list[0].name == ""
	case 2:
		d := call.list[1]
		if d.kind == nExpr && d.name == "dim" {
			d = d.x
		}
		return d != nil && d.kind == nLit && d.end == d.start+1 && t.toks[d.start].text == "1"
	}
	return false
}

// unnestOf is the unnest(x) call a select item is, or casts
// (unnest(x)::date, a date spine's idiom); nil for other items.
func unnestOf(x *node) *node {
	for x != nil && x.kind == nCast {
		x = x.x
	}
	if x == nil || x.kind != nCall || x.name != "unnest" || len(x.parts) > 1 {
		return nil
	}
	return x
}

// eachColumns are the columns of json_each, hidden ones included: next to
// it, a column of the same name written without its table would be
// ambiguous, and inside a SELECT reading it, it hides the outer one.
var eachColumns = map[string]bool{"key": true, "value": true, "type": true, "atom": true, "id": true,
	"parent": true, "fullkey": true, "path": true, "json": true, "root": true}

// qualifyEachNames gives the columns named like json_each's in select s
// (outside its FROM and subqueries) the name of the one relation it reads,
// so the joined json_each does not make them ambiguous. With several
// relations, such a column is refused: the translator cannot tell whose
// it is.
func (t *translator) qualifyEachNames(s *node) bool {
	info := s.sel
	var names []*node
	var visit func(n *node)
	visit = func(n *node) {
		if n == info.fromClause || n != s && (n.kind == nSelect || n.kind == nQuery) {
			return
		}
		if n.kind == nName && len(n.parts) == 1 && n.print == nil && eachColumns[identName(t.toks[n.parts[0]])] {
			names = append(names, n)
		}
		for _, k := range n.kids {
			visit(k)
		}
	}
	visit(s)
	if len(names) == 0 {
		return true
	}
	if len(info.from) != 1 {
		for _, n := range names {
			t.refuse(n.start, refUnnestColumn, t.source(n))
		}
		return false
	}
	f := info.from[0]
	qual := f.from.aliasOrName()
	if qual == "" {
		// an unnamed subquery: name it
		t.seq++
		qual = "_nexus_from" + itoa(t.seq)
		f.post += " AS " + qual
	}
	for _, n := range names {
		n.print = printAs(quoteIdent(qual) + "." + t.source(n))
	}
	// A select item keeps its name as an alias, which ORDER BY reads.
	for _, it := range info.items {
		if it.kind == nItem && it.name == "" && it.x != nil && it.x.kind == nName && len(it.x.parts) == 1 && containsNode(names, it.x) {
			it.x.post += " AS " + t.source(it.x)
		}
	}
	return true
}

// source is the text of n as written.
func (t *translator) source(n *node) string {
	var b strings.Builder
	for i := n.start; i < n.end; i++ {
		b.WriteString(t.toks[i].text)
	}
	return b.String()
}

// staticTypeIn is the static type of n in scope sc.
func (t *translator) staticTypeIn(sc *scope, n *node) string {
	saved := t.sc
	t.sc = sc
	defer func() { t.sc = saved }()
	return t.staticType(n)
}
