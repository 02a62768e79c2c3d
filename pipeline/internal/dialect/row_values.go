package dialect

import "strings"

// rowValue rewrites n, a bare name that is no column but the alias of a
// FROM item (BigQuery's ARRAY_AGG(t ORDER BY ts DESC LIMIT 1),
// TO_JSON_STRING(t), SELECT t FROM t), as the row of that item: a struct
// of its columns, json_object('a', t.a, ...). It reports whether it did;
// where the columns around it are not all known the name is left as it is.
func (t *translator) rowValue(n *node, name string, sc *scope) bool {
	if t.d != BigQuery || !namesRelation(sc, name) {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		var row *fromInfo
		for _, r := range s.rels {
			f := r.from
			if f.kind == fromGroup {
				continue
			}
			if f.aliasOrName() == name {
				if f.kind == fromUnnest {
					return false // the element
				}
				row = f
			}
			cols, err := t.relColumns(f, s)
			if err != nil || containsFold(cols, name) {
				return false // perhaps a column, or one
			}
		}
		if row == nil {
			continue
		}
		cols, _ := t.relColumns(row, s)
		types, _ := t.relTypes(row, s)
		qual := quoteIdent(row.aliasOrName()) + "."
		var b strings.Builder
		b.WriteString("json_object(")
		for i, c := range cols {
			if i > 0 {
				b.WriteString(", ")
			}
			typ := ""
			for _, ct := range types {
				if strings.EqualFold(ct.name, c) {
					typ = ct.typ
				}
			}
			v := qual + quoteIdent(c)
			if fn := jsonFunc(typ, false); fn != "" {
				v = fn + "(" + v + ")"
			}
			b.WriteString(sqlString(c) + ", " + v)
		}
		b.WriteString(")")
		n.flag2 = true
		n.print = printAs(b.String())
		return true
	}
	return false
}

// namesRelation tells whether name is the alias or table name of a FROM
// item in sc or the scopes around it.
func namesRelation(sc *scope, name string) bool {
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			if r.from.aliasOrName() == name {
				return true
			}
		}
	}
	return false
}
