package dialect

import "strings"

// A subquery in FROM inside a subquery expression, such as TPC-DS's
// s IN (SELECT s FROM (SELECT ... GROUP BY s) t WHERE ...), is computed
// once by the warehouses when it reads nothing of the outer row. SQLite runs
// it as a co-routine every time the expression is evaluated, once per outer
// row: minutes where the warehouse takes milliseconds. Written as a
// MATERIALIZED CTE of the expression's query, SQLite computes it once when
// it is uncorrelated, and once per evaluation (as before) when it is.
//
// A correlated subquery, (SELECT max(x) FROM u WHERE u.k = t.k) or
// NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.d <> t.d), runs once per
// outer row, and SQLite builds no automatic index on a table it reads there:
// it scans the table once per outer row (20,000 rows each: 17 to 40 s). Its
// tables are read through a MATERIALIZED CTE of the columns it names,
// computed once, on which SQLite builds its automatic index once (30 ms).
// Only the tables of a correlated subquery: an uncorrelated one runs once.

// materializeSubqueryTables rewrites the FROM subqueries of the subquery
// expressions under n as MATERIALIZED CTEs.
func (t *translator) materializeSubqueryTables(n *node) {
	if t.d == SQLite {
		return
	}
	var visit func(n, parent *node, inExpr bool)
	visit = func(n, parent *node, inExpr bool) {
		// (an EXISTS written as IN prints its subquery's select only)
		if n.kind == nSubquery && inExpr && n.x != nil && n.x.kind == nQuery && !(parent.kind == nExists && rewritten(parent)) {
			t.materializeFromQueries(n, t.readsOuter(n), parent.kind == nExists)
		}
		for _, k := range n.kids {
			visit(k, n, !statementKinds[n.kind])
		}
	}
	visit(n, n, false)
}

// statementKinds are the nodes whose subqueries are no expression: a FROM
// item's, a CTE's, a statement's.
var statementKinds = map[nkind]bool{nScript: true, nSoup: true, nQuery: true, nWith: true, nCTE: true, nFrom: true, nCreate: true, nTable: true, nAlter: true}

// materializeFromQueries moves the FROM subqueries of the selects of the
// subquery expression e to a WITH ... AS MATERIALIZED before its query, each
// read by its name where it was, and, when e reads the outer row
// (correlated), its tables too. exists says e is EXISTS's, whose * reads
// no column.
func (t *translator) materializeFromQueries(e *node, correlated, exists bool) {
	q := e.x
	if q.x != nil || q.print != nil || q.pre != "" {
		return // a WITH of its own: left as written
	}
	var bodies []func(pr *printer) string
	var names []string
	for _, b := range q.list {
		if b.kind != nSelect {
			continue
		}
		for _, r := range b.sel.from {
			f, sub := r.from, r.from.expr
			if r.print != nil || f.aliasCols != nil || f.lateral >= 0 || f.pivot != nil {
				continue
			}
			var body func(pr *printer) string
			switch {
			case f.kind == fromQuery && sub != nil && sub.kind == nSubquery && !rewritten(sub):
				body = func(pr *printer) string { return strings.TrimSpace(pr.text(sub.x)) }
				t.seq++
				name := "__m" + itoa(t.seq)
				sub.print = func(pr *printer, n *node) string { return name + pr.carry(n) }
				names = append(names, name)
			case correlated && f.kind == fromTable:
				cols, ok := t.tableReadHere(e, b, r, exists)
				if !ok {
					continue
				}
				body = func(pr *printer) string {
					return "SELECT " + cols + " FROM " + strings.TrimSpace(pr.span(r, f.nameStart, f.nameEnd))
				}
				t.seq++
				name := "__m" + itoa(t.seq)
				as := name + " AS " + quoteIdent(f.aliasOrName())
				r.print = func(pr *printer, n *node) string { return as + pr.carry(n) }
				names = append(names, name)
			default:
				continue
			}
			bodies = append(bodies, body)
		}
	}
	if len(bodies) == 0 {
		return
	}
	q.print = func(pr *printer, n *node) string {
		ctes := make([]string, len(bodies))
		pr.flat++
		for i, body := range bodies {
			ctes[i] = names[i] + " AS MATERIALIZED (" + body(pr) + ")"
		}
		pr.flat--
		return "WITH " + strings.Join(ctes, ", ") + " " + pr.plain(n)
	}
}

// readsOuter tells whether the subquery expression e names a relation of
// the query around it: by a qualified name, or by a bare name that is no
// column of its own FROM items (their columns known).
func (t *translator) readsOuter(e *node) bool {
	for _, b := range e.x.list {
		if b.kind != nSelect || b.sel.scope == nil || b.sel.scope.parent == nil {
			continue
		}
		outer := b.sel.scope.parent
		if t.correlated(e, outer) {
			return true
		}
		names, ok := t.innerNames(b)
		if !ok {
			continue
		}
		if t.namesOuterColumn(b, names, outer) {
			return true
		}
	}
	return false
}

// namesOuterColumn tells whether a bare name under n is no name of the
// subquery's own (names) but a column of a relation of scope outer.
func (t *translator) namesOuterColumn(n *node, names map[string]bool, outer *scope) bool {
	if n.kind == nName && len(n.parts) == 1 {
		name := strings.ToLower(identName(t.toks[n.parts[0]]))
		if _, own := names[name]; own {
			return false
		}
		for sc := outer; sc != nil; sc = sc.parent {
			for _, r := range sc.rels {
				cols, err := t.relColumns(r.from, sc)
				if err == nil && containsFold(cols, name) {
					return true
				}
			}
		}
		return false
	}
	for _, k := range n.kids {
		if t.namesOuterColumn(k, names, outer) {
			return true
		}
	}
	return false
}

// tableReadHere is the select list of the MATERIALIZED CTE that reads the
// table FROM item r of body b of subquery expression e in its place: the
// table's columns that e's tokens name ("*" when e reads the whole row or
// its columns are not known); false when the table cannot be read so: a
// recursive CTE, a file read into a temporary table, a name the CTE's
// alias would not give (schema.table.column).
func (t *translator) tableReadHere(e, b, r *node, exists bool) (string, bool) {
	f := r.from
	if f.fileFunc || t.wildcardName(f) != "" || f.nameEnd <= f.nameStart {
		return "", false
	}
	if f.schema == "" {
		if c := b.sel.scope.findCTE(f.table); c != nil && t.recursive[c] {
			return "", false
		}
	}
	for i := e.start; i < e.end; i++ {
		if tok := t.toks[i]; tok.kind == kWord && (tok.lower == "rowid" || tok.lower == "_rowid_" || tok.lower == "oid") {
			return "", false // a table's own, which a CTE has not
		}
	}
	if f.aliasStart < 0 && t.namesThreeParts(e) {
		return "", false // schema.table.column, which the CTE's alias does not give
	}
	alias := f.aliasOrName()
	cols, err := t.relColumns(f, b.sel.scope)
	if err != nil || len(cols) == 0 {
		return "*", true
	}
	byName := map[string]string{}
	for _, c := range cols {
		byName[strings.ToLower(c)] = c
	}
	used := map[string]bool{}
	all := false
	for i := e.start; i < e.end && !all; i++ {
		tok := t.toks[i]
		switch {
		case i >= r.start && i < r.end:
		case tok.kind == kWord || tok.kind == kQuoted:
			name := strings.ToLower(identName(tok))
			if c, ok := byName[name]; ok {
				used[c] = true
			}
			// the alias alone is the whole row (BigQuery's t as a struct)
			all = name == alias && !t.dotAfter(i)
		case strings.HasPrefix(tok.text, "$"):
			all = true // Snowflake's $1: a column by place
		}
	}
	var natural bool
	var visit func(n *node)
	visit = func(n *node) {
		natural = natural || n.kind == nFrom && strings.Contains(n.from.joinKind, "natural")
		for _, k := range n.kids {
			visit(k)
		}
	}
	visit(e)
	// a * may stand for every column (SELECT *, t.*, COLUMNS(*),
	// OBJECT_CONSTRUCT(*)): all of them, but for count(*), and in
	// EXISTS, whose values are not read; COLUMNS(...) chooses among them
	for i := e.start; i < e.end && !all; i++ {
		tok := t.toks[i]
		switch {
		case tok.kind == kPunct && tok.text == "*" && !exists:
			all = !t.countStar(i)
		case tok.kind == kWord && tok.lower == "columns":
			all = true
		}
	}
	if all || natural || len(used) == 0 {
		return "*", true
	}
	var list []string
	for _, c := range cols {
		if used[c] {
			list = append(list, quoteIdent(c))
		}
	}
	return strings.Join(list, ", "), true
}

// namesThreeParts tells whether a name under n has three parts or more
// (schema.table.column), which a table's alias does not give.
func (t *translator) namesThreeParts(n *node) bool {
	if n.kind == nName && len(n.parts) >= 3 {
		return true
	}
	for _, k := range n.kids {
		if t.namesThreeParts(k) {
			return true
		}
	}
	return false
}

// countStar tells whether the * at token i is count(*)'s.
func (t *translator) countStar(i int) bool {
	prev := func(i int) int {
		for i--; i >= 0 && (t.toks[i].kind == kSpace || t.toks[i].kind == kComment); i-- {
		}
		return i
	}
	open, closing := prev(i), t.nextSig(i)
	if open < 0 || closing >= len(t.toks) || t.toks[open].kind != kOpen || t.toks[closing].kind != kClose {
		return false
	}
	name := prev(open)
	return name >= 0 && t.toks[name].lower == "count"
}

// dotAfter tells whether the next token after i that is no space or
// comment is a dot.
func (t *translator) dotAfter(i int) bool {
	j := t.nextSig(i)
	return j < len(t.toks) && t.toks[j].kind == kDot
}
