package dialect

// setStructNames gives the anonymous fields of STRUCT values in the later
// inputs of a BigQuery set operation the names the first input's STRUCT (or
// array of STRUCTs) in the same column gives them: a set operation's column
// types, field names included, come from its first input, so
// SELECT STRUCT(1 AS x) UNION ALL SELECT STRUCT(3) is {x: 1}, {x: 3}.
func setStructNames(q *node) {
	if len(q.list) < 2 {
		return
	}
	first := firstSelect(q.list[0])
	if first == nil {
		return
	}
	for i, it := range first.sel.items {
		if it.kind != nItem {
			return // a * hides which column is which
		}
		fields := structFields(it.x)
		if fields == nil {
			continue
		}
		for _, b := range q.list[1:] {
			nameColumnStructs(b, i, fields)
		}
	}
}

// firstSelect is the SELECT giving a query body's column types: the body
// itself, or the first input of a parenthesised query.
func firstSelect(b *node) *node {
	for b.kind == nSubquery && b.x != nil && len(b.x.list) > 0 {
		b = b.x.list[0]
	}
	if b.kind != nSelect || b.sel.asStruct || b.sel.asValue {
		return nil
	}
	return b
}

// structFields gives the field names of a STRUCT value, or of the elements
// of an array literal of STRUCTs; nil for anything else.
func structFields(x *node) []string {
	if x.kind == nArray {
		return structArrayFields(x)
	}
	if x.kind != nStruct || x.name == "*" {
		return nil
	}
	return x.names
}

// nameColumnStructs names the anonymous STRUCT fields in column i of every
// SELECT of body b after fields.
func nameColumnStructs(b *node, i int, fields []string) {
	if b.kind == nSubquery && b.x != nil {
		for _, inner := range b.x.list {
			nameColumnStructs(inner, i, fields)
		}
		return
	}
	if b.kind != nSelect || b.sel.asStruct || b.sel.asValue || i >= len(b.sel.items) {
		return
	}
	for _, it := range b.sel.items[:i+1] {
		if it.kind != nItem {
			return
		}
	}
	x := b.sel.items[i].x
	structs := []*node{x}
	if x.kind == nArray {
		structs = x.list
	}
	for _, s := range structs {
		if s.kind != nStruct || s.name == "*" || len(s.names) != len(fields) {
			continue
		}
		for j, name := range s.names {
			if name == "" {
				s.names[j] = fields[j]
			}
		}
	}
}
