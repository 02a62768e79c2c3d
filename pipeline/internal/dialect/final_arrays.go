package dialect

// BigQuery fails a query whose result holds an array with a NULL element
// ("Array cannot have a null element"), though such arrays may be used
// inside the query. ARRAY_AGG(x) without IGNORE NULLS and ARRAY_CONCAT_AGG
// are where they come from: a select item of the last statement's query
// that is one is checked by array_without_nulls.

// checkFinalArrays wraps the ARRAY_AGG and ARRAY_CONCAT_AGG items of the query root ends with.
func (t *translator) checkFinalArrays(root *node) {
	if t.d != BigQuery || len(root.kids) == 0 {
		return
	}
	var visit func(q *node)
	visit = func(q *node) {
		switch q.kind {
		case nQuery:
			for _, b := range q.list {
				visit(b)
			}
		case nParen:
			if q.x != nil {
				visit(q.x)
			}
		case nSelect:
			for _, it := range q.sel.items {
				x := it.x
				if it.kind != nItem || x == nil || x.kind != nCall || x.name != "array_agg" && x.name != "array_concat_agg" || len(x.parts) > 1 {
					continue
				}
				if x.z != nil && x.z.name == "ignore" {
					continue
				}
				x.pre = "array_without_nulls(" + x.pre
				x.post += ", " + sqlString(it.name) + ")"
			}
		}
	}
	visit(root.kids[len(root.kids)-1])
}
