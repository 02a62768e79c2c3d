package dialect

import "strings"

// DuckDB reads a tuple (a, b) as an unnamed struct wherever it stands as a
// value: a select item (SELECT (1, 'x') AS t), a list element
// ([(1, 'a'), (2, 'b')]), a function's argument (list((a, b))), a CASE
// branch. The project holds it as row(a, b) does, the JSON list of its
// values, as DuckDB's to_json writes it. Compared with another tuple,
// (a, b) = (c, d) and (a, b) IN ((1, 2), (3, 4)), it stays SQLite's row
// value, compared as DuckDB compares structs: a NULL field equal to a NULL
// field, so = is IS and <> is IS NOT. GROUP BY (a, b) groups by a and b.

// tupleValues rewrites the tuples among the kids of n, a node of DuckDB's.
func (t *translator) tupleValues(n *node) {
	if t.d == BigQuery {
		t.bigQueryTuples(n)
		return
	}
	if t.d != DuckDB {
		return
	}
	switch n.kind {
	case nItem, nCall, nArray, nStruct, nCase, nCast, nIndex, nField, nMap, nUnary, nLike, nPostfix:
		for _, k := range n.kids {
			t.tupleAsStruct(k)
		}
	case nTuple:
		if n.name == "struct" {
			for _, k := range n.list {
				t.tupleAsStruct(k) // ((1, 2), 3)
			}
		}
	case nBinary:
		if comparisons[n.name] && rowOperand(n.x) && rowOperand(n.y) {
			if n.x.kind == nTuple && n.y.kind == nTuple {
				switch n.name {
				case "=", "==":
					t.pr.setTok(n.tok, "IS")
				case "<>", "!=":
					t.pr.setTok(n.tok, "IS NOT")
				case "<", "<=", ">", ">=":
					t.orderTuples(n)
				}
			}
			return
		}
		t.tupleAsStruct(n.x)
		t.tupleAsStruct(n.y)
	case nIs, nBetween:
		if rowOperand(n.x) && rowOperand(n.y) && (n.z == nil || rowOperand(n.z)) {
			return
		}
		t.tupleAsStruct(n.x)
		t.tupleAsStruct(n.y)
		t.tupleAsStruct(n.z)
	case nIn:
		if x := n.x; x.kind == nCall && x.name == "row" && len(x.parts) <= 1 && len(x.list) > 1 && n.y.kind == nSubquery {
			// row(a, b) IN (SELECT x, y ...): the row value (a, b), as
			// (a, b) IN (SELECT ...) is
			x.kind, x.name = nTuple, ""
			t.pr.setTok(x.start, "")
		}
		if n.x.kind != nTuple {
			if n.y.kind == nTuple {
				for _, e := range n.y.list {
					t.tupleAsStruct(e) // a struct in a list of structs
				}
			}
			return
		}
		if n.y.kind == nTuple && len(n.y.list) > 0 && allTuples(n.y.list) {
			t.tuplesIn(n)
		}
	}
}

// groupTuples writes DuckDB's GROUP BY (a, b), one grouping set, as GROUP
// BY a, b.
func (t *translator) groupTuples(g *node) {
	if t.d != DuckDB || g == nil {
		return
	}
	for _, k := range g.kids {
		if k.kind == nTuple && t.toks[k.start].text == "(" && t.toks[k.end-1].text == ")" {
			t.pr.setTok(k.start, "")
			t.pr.setTok(k.end-1, "")
		}
	}
}

// rowOperand tells whether x may stand beside a row value in SQLite: a
// tuple or a subquery.
func rowOperand(x *node) bool {
	return x != nil && (x.kind == nTuple || x.kind == nSubquery)
}

func allTuples(list []*node) bool {
	for _, e := range list {
		if e.kind != nTuple {
			return false
		}
	}
	return true
}

// tupleAsStruct prints x, when it is a tuple, as the JSON list of its
// values, as row(...) is: a boolean as true or false.
func (t *translator) tupleAsStruct(x *node) {
	if x == nil || x.kind != nTuple {
		return
	}
	for _, e := range x.list {
		t.asJSON(e)
	}
	x.pre += "json_array"
	x.name = "struct" // typed as one (staticTypeOf)
}

// tuplesIn writes (a, b) [NOT] IN ((1, 2), (3, 4)) as [NOT] ((a, b) IS
// (1, 2) OR (a, b) IS (3, 4)): DuckDB compares the structs, a NULL field
// equal to a NULL field, where SQLite's IN of row values is NULL.
func (t *translator) tuplesIn(n *node) {
	x, list, not := n.x, n.y.list, n.flag
	n.print = func(pr *printer, n *node) string {
		lhs := strings.TrimSpace(pr.text(x))
		var b strings.Builder
		if not {
			b.WriteString("NOT ")
		}
		b.WriteString("(")
		for i, e := range list {
			if i > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(lhs + " IS " + strings.TrimSpace(pr.text(e)))
		}
		b.WriteString(")")
		return b.String() + pr.carry(n, append([]*node{x}, list...)...)
	}
}

// unnamedStruct tells whether x builds an unnamed struct, row(a, b) or a
// tuple read as one, which DuckDB writes as (a, b).
func unnamedStruct(x *node) bool {
	x = unparen(x)
	return x.kind == nTuple && x.name == "struct" || x.kind == nCall && len(x.parts) <= 1 && x.name == "row"
}

// bigQueryTuples makes the tuples among the kids of n, a node of
// BigQuery's, that stand as values (SELECT (1, 'x') AS t, f((a, b))) the
// anonymous STRUCTs BigQuery reads them as, their fields _field_1,
// _field_2, ... as its JSON names them; as the parser makes the tuples of
// an array literal.
func (t *translator) bigQueryTuples(n *node) {
	switch n.kind {
	case nItem, nCall, nStruct, nCase, nCast, nField:
	default:
		return
	}
	for _, k := range n.kids {
		if k.kind == nTuple {
			k.kind, k.x = nStruct, nil
			k.names = make([]string, len(k.list))
		}
	}
}

// orderTuple writes DuckDB's ORDER BY (a, b) [DESC], an order of structs,
// as ORDER BY a, b: field by field, a NULL field after the others
// ascending and before them descending, as DuckDB orders structs (the
// struct itself is never NULL: NULLS FIRST or LAST changes nothing). It
// reports whether it did.
func (t *translator) orderTuple(o *node) bool {
	if t.d != DuckDB || o.x == nil || o.x.kind != nTuple {
		return false
	}
	items, desc := o.x.list, o.flag
	o.print = func(pr *printer, o *node) string {
		parts := make([]string, len(items))
		for i, x := range items {
			parts[i] = strings.TrimSpace(pr.text(x)) + " NULLS LAST"
			if desc {
				parts[i] = strings.TrimSpace(pr.text(x)) + " DESC NULLS FIRST"
			}
		}
		return strings.Join(parts, ", ") + pr.carry(o, items...)
	}
	return true
}

// orderTuples writes (a, b) < (c, d) (and <=, >, >=) of two tuples of as
// many values as DuckDB compares structs, field by field, a NULL field
// after every value and equal to a NULL field, where SQLite's row value
// comparison is NULL once a field it reaches is.
func (t *translator) orderTuples(n *node) {
	xs, ys, op := n.x.list, n.y.list, n.name
	if len(xs) != len(ys) || len(xs) == 0 {
		return
	}
	if op == ">" || op == ">=" {
		xs, ys = ys, xs // x > y is y < x
	}
	orEqual := op == "<=" || op == ">="
	n.print = func(pr *printer, n *node) string {
		a := make([]string, len(xs))
		b := make([]string, len(ys))
		for i := range xs {
			a[i] = "(" + strings.TrimSpace(pr.text(xs[i])) + ")"
			b[i] = "(" + strings.TrimSpace(pr.text(ys[i])) + ")"
		}
		// from the last field back: less at field i, or equal there and
		// less (or equal) after it
		text := ""
		for i := len(a) - 1; i >= 0; i-- {
			less := "(" + a[i] + " IS NOT NULL AND (" + b[i] + " IS NULL OR " + a[i] + " < " + b[i] + "))"
			rest := text
			if i == len(a)-1 {
				if !orEqual {
					text = less
					continue
				}
				rest = "TRUE"
			}
			text = "(" + less + " OR " + a[i] + " IS " + b[i] + " AND " + rest + ")"
		}
		return text + pr.carry(n, append(append([]*node{}, n.x.list...), n.y.list...)...)
	}
}
