package dialect

import (
	"errors"
	"strings"
)

// BigQuery's s.* of a STRUCT column s gives its fields as columns, each
// named as its field. The fields are known when a subquery or CTE of the
// FROM clause selects s as a STRUCT(...) whose fields all have names;
// otherwise s.* stays refused.

// structStarFields are the fields of struct column col read by SELECT s,
// or nil when they are not known.
func (t *translator) structStarFields(s *node, col string) []string {
	for _, r := range s.sel.from {
		f := r.from
		var body *node
		switch {
		case f.kind == fromQuery && f.expr != nil:
			body = firstSelect(f.expr)
		case f.kind == fromTable && f.schema == "" && s.sel.scope != nil:
			if q := s.sel.scope.findCTE(f.table); q != nil && q.kind == nQuery && len(q.list) > 0 {
				body = firstSelect(q.list[0])
			}
		}
		if body == nil {
			continue
		}
		for _, it := range body.sel.items {
			if it.kind != nItem {
				break // a * hides which column is which
			}
			name := it.name
			if name == "" && it.x.kind == nName && len(it.x.parts) > 0 {
				name = t.toks[it.x.parts[len(it.x.parts)-1]].lower
			}
			if strings.EqualFold(name, col) {
				return t.structExprFields(it.x, body.sel.scope)
			}
		}
	}
	return nil
}

// structExprFields are the fields of the struct x gives in the select
// whose scope is sc: a STRUCT(...) with named fields; the row of a FROM
// item (a struct of its columns, row_values.go) whose columns are known;
// an element of ARRAY_AGG of one of those (dbt_utils' deduplicate keeps
// ARRAY_AGG(t ORDER BY ... LIMIT 1)[OFFSET(0)]). nil otherwise.
func (t *translator) structExprFields(x *node, sc *scope) []string {
	switch x.kind {
	case nParen:
		if x.x != nil {
			return t.structExprFields(x.x, sc)
		}
	case nStruct:
		if x.name != "*" {
			return structFieldNames(x)
		}
	case nIndex:
		if a := x.x; a != nil && a.kind == nCall && a.name == "array_agg" && len(a.parts) <= 1 && len(a.list) == 1 && !a.flag {
			return t.structExprFields(a.list[0], sc)
		}
	case nName:
		if len(x.parts) != 1 || !x.flag2 || sc == nil {
			return nil // flag2: rowValue wrote it as its FROM item's row
		}
		name := t.toks[x.parts[0]].text
		for s := sc; s != nil; s = s.parent {
			for _, r := range s.rels {
				if r.from.aliasOrName() == name {
					cols, err := t.relColumns(r.from, s)
					if err != nil {
						return nil
					}
					return cols
				}
			}
		}
	}
	return nil
}

// structFieldNames are a STRUCT(...)'s field names; nil when one has
// none (the translator names it _field_N), whose column name in s.* is
// not documented.
func structFieldNames(x *node) []string {
	for _, n := range x.names {
		if n == "" || strings.HasPrefix(n, "_field_") {
			return nil
		}
	}
	return x.names
}

// structStarColumns are the columns s.* gives for fields of s, with
// EXCEPT and REPLACE applied as for a table's *.
func (t *translator) structStarColumns(st *node, fields []string) ([]starColumn, error) {
	var out []starColumn
	for _, f := range fields {
		if len(st.names) > 0 && containsFold(st.names, f) {
			continue
		}
		out = append(out, starColumn{name: f, expr: "json_extract(" + quoteIdent(st.name) + ", " + pathString(jsonPath([]string{f})) + ") AS " + quoteIdent(f)})
	}
	if len(st.list2) > 0 || st.star != nil {
		return nil, errStructStarModifiers
	}
	return out, nil
}

var errStructStarModifiers = errors.New("REPLACE, RENAME and ILIKE of a struct's fields are not supported")
