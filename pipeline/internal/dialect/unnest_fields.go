package dialect

import (
	"slices"
	"strings"
)

// BigQuery's UNNEST(t.arr) without an alias makes the fields of the
// array's structs names of its SELECT: GA4's
// (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'x').
// The fields are not known here, so a name of that SELECT that no other
// relation of it has is read as a field of the element; where a relation
// of an enclosing SELECT has it, as BigQuery does, the field when the
// element has one, else that column. With an alias the element is a value
// table's row, whose fields BigQuery reads as names too (ORDER BY key over
// UNNEST(event_params) AS p): a name no relation beside it has is the
// field when the element has one, else the name as SQLite reads it.

// implicitField rewrites n, a name whose first part is parts[0], when it
// stands for a field of an unaliased UNNEST; it reports whether it did.
func (t *translator) implicitField(n *node, parts []string, sc *scope) bool {
	if len(parts) == 1 && t.toks[n.parts[0]].kind == kWord && (parts[0] == "null" || parts[0] == "true" || parts[0] == "false") {
		return false // a constant, not a name
	}
	if t.d != BigQuery || !hasImplicitUnnest(sc) || sc.findRel(parts[0]) != nil || sc.findOffset(parts[0]) != nil || len(parts) == 1 && t.orderAlias(parts[0], sc) ||
		len(parts) >= 3 && sc.findTable(parts[0], parts[1]) != nil {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		if len(s.rels) == 0 {
			continue
		}
		var u *fromInfo
		known := true
		for _, r := range s.rels {
			f := r.from
			if f.implicit || valueRows(f) {
				if u == nil && (n.start < f.expr.start || n.start >= f.expr.end) { // its own array is read outside
					u = f
				}
				continue
			}
			if f.kind == fromGroup {
				continue
			}
			if t.suffixOf(f, parts[0]) {
				return false // a wildcard table's _TABLE_SUFFIX
			}
			cols, err := t.relColumns(f, s)
			if err != nil {
				known = false
				continue
			}
			if containsFold(cols, parts[0]) || f.offset == parts[0] {
				return false // a column of a relation beside it
			}
		}
		if u == nil {
			if !known {
				return false
			}
			continue // not here: an enclosing SELECT's
		}
		if !known && !u.implicit {
			return false
		}
		if !known {
			t.refuse(n.start, refUnnestFieldName, parts[0])
			return true
		}
		elem := quoteIdent(u.alias)
		field := "json_extract(" + elem + ".value, " + sqlString(jsonPath(parts)) + ")"
		outer, known := t.outerColumn(s.parent, parts[0])
		if outer == "" && !known && !u.implicit {
			outer = t.nameText(n, 1) // perhaps a column of a relation around it
		}
		if outer != "" {
			if len(parts) > 1 {
				outer = "json_extract(" + outer + ", " + sqlString(jsonPath(parts[1:])) + ")"
			}
			field = "CASE WHEN " + elem + ".type = 'object' AND json_type(" + elem + ".value, " + sqlString(jsonPath(parts[:1])) +
				") IS NOT NULL THEN " + field + " ELSE " + outer + " END"
		}
		n.flag2 = true // the select list keeps the name's last part
		n.print = printAs(field)
		return true
	}
	return false
}

// valueTableField rewrites n, a name whose first part is parts[0], when it
// is a field of an aliased BigQuery UNNEST of a literal array of structs
// (UNNEST([STRUCT(1 AS a)]) AS t: a is t.a) that no relation beside it has
// as a column; it reports whether it did.
func (t *translator) valueTableField(n *node, parts []string, sc *scope) bool {
	if t.d != BigQuery || sc == nil || sc.findRel(parts[0]) != nil || sc.findOffset(parts[0]) != nil || len(parts) == 1 && t.orderAlias(parts[0], sc) {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		var u *fromInfo
		for _, r := range s.rels {
			f := r.from
			if f.structRows && containsFold(f.fields, parts[0]) {
				if u == nil {
					u = f
				}
				continue
			}
			if f.kind == fromGroup {
				continue
			}
			cols, err := t.relColumns(f, s)
			if err != nil || containsFold(cols, parts[0]) || f.offset == parts[0] || t.suffixOf(f, parts[0]) {
				return false // a column beside it, or columns not known
			}
		}
		if u != nil {
			n.flag2 = true // the select list keeps the name's last part
			n.print = printAs("json_extract(" + quoteIdent(u.alias) + ".value, " + sqlString(jsonPath(parts)) + ")")
			return true
		}
		if len(s.rels) > 0 && s.parent != nil {
			return false // a relation of this SELECT is nearer
		}
	}
	return false
}

// valueRows reports whether f is an aliased UNNEST of a column, whose
// elements may be structs.
func valueRows(f *fromInfo) bool {
	return f.kind == fromUnnest && !f.flatten && f.split == "" && f.aliasStart >= 0 && f.aliasCols == nil &&
		f.expr != nil && f.expr.kind == nCall && len(f.expr.list) == 1 && f.expr.list[0].kind == nName
}

// hasImplicitUnnest reports whether a SELECT around sc reads an UNNEST of
// a column.
func hasImplicitUnnest(sc *scope) bool {
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			if r.from.implicit || valueRows(r.from) {
				return true
			}
		}
	}
	return false
}

// outerColumn is name qualified by the first relation of sc or the
// SELECTs around it whose known columns hold it, or ""; known tells
// whether the columns of all those relations are known.
func (t *translator) outerColumn(sc *scope, name string) (col string, known bool) {
	known = true
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			f := r.from
			if f.implicit || f.kind == fromGroup || f.kind == fromUnnest {
				continue
			}
			cols, err := t.relColumns(f, s)
			if err != nil {
				known = false
				continue
			}
			for _, c := range cols {
				if strings.EqualFold(c, name) {
					return quoteIdent(f.aliasOrName()) + "." + quoteIdent(c), true
				}
			}
		}
	}
	return "", known
}

// besideEach is a bare name of a column that SQLite would read as a column
// of the json_each of an UNNEST (in its SELECT, or one between it and the
// relation that has the column), or of the query over json_each the
// translation puts it in (hidden: insideEach), qualified by that relation;
// ok is false where no json_each hides it, or where the relations' columns
// are not known and the name is left as SQLite reads it.
func (t *translator) besideEach(name string, sc *scope, hidden bool) (text string, ok bool) {
	if t.d == SQLite || !eachColumns[name] {
		return "", false
	}
	if t.orderAlias(name, sc) {
		return "", false
	}
	each := hidden
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			f := r.from
			switch {
			case f.kind == fromUnnest && f.flatten:
				// FLATTEN's own columns are SEQ, KEY, PATH, INDEX, VALUE
				// and THIS: json_each's others hide the relation's
				each = each || !slices.Contains(flattenColumns, name)
			case f.kind != fromUnnest:
			case f.fields != nil && containsFold(f.fields, name):
				return "", false // a field of a literal array of structs
			case f.fields != nil && !f.implicit && !f.structRows:
				// a subquery of the literal's fields
			default:
				each = true
			}
		}
		for _, r := range s.rels {
			f := r.from
			if f.kind == fromUnnest || f.kind == fromGroup {
				continue
			}
			cols, err := t.relColumns(f, s)
			if err != nil {
				return "", false
			}
			for _, c := range cols {
				if strings.EqualFold(c, name) {
					if !each || f.aliasOrName() == "" {
						return "", false
					}
					return quoteIdent(f.aliasOrName()) + "." + quoteIdent(c), true
				}
			}
		}
	}
	return "", false
}

// orderAlias tells whether name, read in scope sc, is an alias of the
// select list whose ORDER BY is being walked.
func (t *translator) orderAlias(name string, sc *scope) bool {
	if sc == nil || sc != t.ordering || sc.sel == nil {
		return false
	}
	for _, it := range sc.sel.sel.items {
		if it.kind == nItem && it.name == name {
			return true
		}
	}
	return false
}

// insideEach notes the bare names in xs that the translation prints inside
// a query over json_each (x IN UNNEST(arr), LIKE ANY UNNEST(arr)): there a
// name such as id, value, type or key is json_each's own column, so each
// is printed qualified by the relation that has it (besideEach).
func (t *translator) insideEach(xs ...*node) {
	var visit func(n *node)
	visit = func(n *node) {
		if n == nil || n.kind == nSelect || n.kind == nQuery || n.kind == nSubquery {
			return
		}
		if n.kind == nName && eachColumns[identName(t.toks[n.parts[0]])] {
			if t.eachHidden == nil {
				t.eachHidden = map[*node]bool{}
			}
			t.eachHidden[n] = true
		}
		for _, k := range n.kids {
			visit(k)
		}
	}
	for _, x := range xs {
		visit(x)
	}
}

// columnStructFields are the field names of the structs of arr, an array
// that is no literal, where its full BigQuery type is known as
// ARRAY<STRUCT<...>> and names every field; nil otherwise.
func (t *translator) columnStructFields(arr *node, sc *scope) []string {
	if t.d != BigQuery || arr == nil || arr.kind == nArray {
		return nil
	}
	saved := t.sc
	t.sc = sc
	elem, _ := arrayElement(t.fullType(arr))
	t.sc = saved
	fields, ok := typeFields(elem)
	if !ok || len(fields) == 0 {
		return nil
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		if f.name == "" {
			return nil
		}
		names[i] = f.name
	}
	return names
}
