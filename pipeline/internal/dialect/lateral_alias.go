package dialect

import "strings"

// Lateral column aliases: DuckDB and Snowflake let a select item name an
// alias an earlier item of the same list defines (select 2 as a, a * 10
// as b). SQLite does not, so the name prints as the earlier expression in
// parentheses, which itself prints its own aliases so (b + 1 reads a too).
// A column of the relations the SELECT reads wins over an alias, as in
// both warehouses. When those columns are not all known (a table the
// engine has not built), the name is left as written: SQLite then reads
// the column if there is one, and fails naming it if not, rather than an
// alias being put where the warehouse would read a column. BigQuery has no
// lateral aliases: there the use is refused.

// flattenColumns are the columns of Snowflake's FLATTEN.
var flattenColumns = []string{"seq", "key", "path", "index", "value", "this"}

// lateralAlias is the earlier select item whose alias the name n (or the
// first part of n.field) stands for, n being in an item of the innermost SELECT of sc; nil when n
// is not in a select item, names no earlier alias, is a lambda parameter
// or may be a column of the relations read.
func (t *translator) lateralAlias(n *node, sc *scope) *node {
	if t.d == SQLite || n.kind != nName {
		return nil
	}
	s := sc
	for s != nil && s.sel == nil {
		s = s.parent
	}
	if s == nil {
		return nil
	}
	name := identName(t.toks[n.parts[0]])
	if name == "" {
		return nil // an empty quoted name (``) is no item's alias, even an unnamed one's
	}
	items := s.sel.sel.items
	var target *node
	for i, it := range items {
		if it.kind != nItem || n.start < it.start || n.start >= it.end {
			continue
		}
		for j := i - 1; j >= 0 && target == nil; j-- {
			if items[j].kind == nItem && items[j].name == name {
				target = items[j]
			}
		}
		if target == nil || lambdaParam(it, n, name) {
			return nil
		}
		break
	}
	if target == nil {
		return nil
	}
	if found, known := t.inputColumn(s, name); found || !known {
		return nil
	}
	return target
}

// lambdaParam reports whether name, at n inside x, is a parameter of a
// lambda around it.
func lambdaParam(x, n *node, name string) bool {
	for _, k := range x.kids {
		if n.start < k.start || n.start >= k.end {
			continue
		}
		if k.kind == nLambda && containsFold(k.names, name) {
			return true
		}
		return lambdaParam(k, n, name)
	}
	return false
}

// inputColumn reports whether name is a column (or a relation's name) of
// the relations the SELECT of scope s reads, and whether all of their
// columns are known; worked out once per SELECT.
func (t *translator) inputColumn(s *scope, name string) (found, known bool) {
	if s.inputCols == nil {
		s.inputCols, s.inputKnown = map[string]bool{}, true
		for _, r := range s.rels {
			f := r.from
			if f.kind == fromGroup {
				continue
			}
			s.inputCols[strings.ToLower(f.aliasOrName())] = true
			if f.offset != "" {
				s.inputCols[f.offset] = true
			}
			if f.flatten {
				for _, c := range flattenColumns {
					s.inputCols[c] = true
				}
			}
			if generatorCall(f) != nil {
				continue // Snowflake's GENERATOR(...) gives rows without columns
			}
			cols, err := t.relColumns(f, s)
			if err != nil {
				s.inputKnown = false
				continue
			}
			for _, c := range cols {
				s.inputCols[strings.ToLower(c)] = true
			}
		}
	}
	return s.inputCols[name], s.inputKnown
}

// rewriteLateralAlias prints n, a name standing for the earlier item e, as
// e's expression: on one line, so that line numbers stay.
func (t *translator) rewriteLateralAlias(n, e *node) {
	if t.d == BigQuery {
		t.refuse(n.parts[0], refLateralAlias, e.name)
		return
	}
	n.flag2 = true // a bare alias item keeps its name as the column's
	path := ""
	if len(n.parts) > 1 {
		fields := make([]string, len(n.parts)-1)
		for i, k := range n.parts[1:] {
			fields[i] = identName(t.toks[k])
		}
		path = sqlString(jsonPath(fields))
	}
	n.print = func(pr *printer, n *node) string {
		pr.flat++
		s := "(" + strings.TrimSpace(pr.text(e.x)) + ")"
		pr.flat--
		if path != "" {
			s = "json_extract(" + s + ", " + path + ")"
		}
		return s + pr.carry(n)
	}
}
