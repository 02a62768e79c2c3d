package dialect

import "strings"

// Lists and arrays are JSON text here, which compares and sorts as text:
// [1,10] before [1,2]. BigQuery neither compares nor orders ARRAYs (its
// query fails), and DuckDB orders lists element by element, which the text
// does not; so where a value is known to be a list, ordering it (and, in
// BigQuery, any comparison of it) is refused rather than answered as text.

// isList tells whether n is known to be a list (an ARRAY in BigQuery).
func (t *translator) isList(n *node) bool {
	return (t.d == DuckDB || t.d == BigQuery) && n != nil && strings.HasPrefix(t.staticType(n), TypeList)
}

// refuseListComparison refuses x op y of lists: in BigQuery every
// comparison, in DuckDB those that order.
func (t *translator) refuseListComparison(n *node) {
	if !t.isList(n.x) && !t.isList(n.y) {
		return
	}
	switch {
	case t.d == BigQuery:
		t.refuse(n.tok, refListCompare, "ARRAYs", "BigQuery")
	case n.name == "<" || n.name == ">" || n.name == "<=" || n.name == ">=":
		t.refuse(n.tok, refListCompare, "lists", "DuckDB")
	}
}

// refuseListOrder refuses ORDER BY item o, and MIN or MAX call n, of a
// known list.
func (t *translator) refuseListOrder(o *node) {
	if o.x == nil {
		return
	}
	x := o.x
	if it := t.orderedItem(x); it != nil {
		x = it.x
	}
	if t.isList(x) {
		t.refuse(o.x.start, refListOrder, t.listWord())
	} else if t.isDuckStruct(x) {
		t.refuse(o.x.start, refStructOrder)
	}
}

// isDuckStruct tells whether n is a DuckDB struct known as one: JSON text
// here, which orders as text.
func (t *translator) isDuckStruct(n *node) bool {
	return t.d == DuckDB && n != nil && t.staticType(n) == TypeStruct
}

// structKeyCalls are DuckDB's aggregates ordering by an argument: which.
var structKeyCalls = map[string]int{"min": 0, "max": 0, "arg_max": 1, "arg_min": 1, "argmax": 1, "argmin": 1, "max_by": 1, "min_by": 1,
	"arg_max_null": 1, "arg_min_null": 1, "arg_max_nulls_last": 1, "arg_min_nulls_last": 1}

func (t *translator) refuseListExtreme(n *node) {
	if i, ok := structKeyCalls[n.name]; ok && len(n.parts) <= 1 && i < len(n.list) && t.isDuckStruct(n.list[i]) {
		t.refuse(n.list[i].start, refStructOrder)
		return
	}
	if (n.name == "min" || n.name == "max") && len(n.list) == 1 && len(n.parts) <= 1 && t.isList(n.list[0]) {
		t.refuse(n.start, refListOrder, t.listWord())
	}
}

func (t *translator) listWord() string {
	if t.d == BigQuery {
		return "an ARRAY"
	}
	return "a list"
}
