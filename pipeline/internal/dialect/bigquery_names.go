package dialect

import "strconv"

// BigQuery names a select item without an alias by its implicit alias: a
// column's name (the last name of a path, t.a.b is b) or a field's. Any
// other expression makes an anonymous column, which its results call f0_,
// f1_, ... in the order of the anonymous columns; SQLite would name it by
// the translated expression (count(*), upper_text('a')).
func (t *translator) nameAnonymousItems(s *node) {
	if s.sel.asStruct || s.sel.asValue {
		return // AS STRUCT names the struct's fields otherwise
	}
	n := 0
	for _, it := range s.sel.items {
		if it.kind != nItem || it.name != "" || it.x == nil || it.post != "" || it.print != nil || expands(it.x) {
			continue
		}
		if fieldName(t.toks, it.x) != "" && !isBoolOrNullWord(t, it.x) {
			continue
		}
		it.post = " AS f" + strconv.Itoa(n) + "_"
		n++
	}
}

// Unnamed is a select item that makes an anonymous column: its place in
// the select list (1 for the first) and where it starts.
type Unnamed struct {
	Item, Line, Col int
}

// UnnamedColumns lists the items of the select that names the columns of
// BigQuery query sql (its first input) that make anonymous columns, which
// BigQuery's CREATE TABLE and CREATE VIEW refuse ("CREATE TABLE columns
// must be named, but column 2 has no name"). It gives none for SQL it
// cannot read as one query.
func UnnamedColumns(sql string) []Unnamed {
	toks, err := lex(BigQuery, sql)
	if err != nil {
		return nil
	}
	p := newParser(BigQuery, toks)
	var root *node
	func() {
		defer func() { recover() }() // SQL it cannot read: none listed
		root = p.parseScript()
	}()
	if root == nil || len(root.kids) == 0 {
		return nil
	}
	q := root.kids[len(root.kids)-1]
	for q != nil && (q.kind == nQuery || q.kind == nSubquery) {
		if q.kind == nSubquery {
			q = q.x
		} else if len(q.list) > 0 {
			q = q.list[0]
		} else {
			return nil
		}
	}
	if q == nil || q.kind != nSelect || q.sel.asStruct || q.sel.asValue {
		return nil
	}
	t := &translator{d: BigQuery, toks: toks}
	var out []Unnamed
	anon := anonymousUnnest(q)
	for i, it := range q.sel.items {
		if it.kind == nStar && it.name == "" && anon {
			// SELECT * FROM UNNEST([1, 2]): the elements' column has no name
			tok := toks[it.tok]
			out = append(out, Unnamed{Item: i + 1, Line: tok.line, Col: tok.col})
			continue
		}
		if it.kind != nItem || it.name != "" || it.x == nil || expands(it.x) {
			continue
		}
		if fieldName(toks, it.x) != "" && !isBoolOrNullWord(t, it.x) {
			continue
		}
		tok := toks[it.x.start]
		out = append(out, Unnamed{Item: i + 1, Line: tok.line, Col: tok.col})
	}
	return out
}

// anonymousUnnest tells whether select q reads an UNNEST of a literal
// array of values (no structs) without an alias: BigQuery gives its
// column no name (WITH OFFSET names only the offset), so * selects an
// anonymous column.
func anonymousUnnest(q *node) bool {
	for _, r := range q.sel.from {
		f := r.from
		if f == nil || f.kind != fromUnnest || f.aliasStart >= 0 || f.expr == nil ||
			f.expr.kind != nCall || f.expr.name != "unnest" || len(f.expr.list) != 1 {
			continue
		}
		if arr := f.expr.list[0]; arr.kind == nArray && structArrayFields(arr) == nil {
			return true
		}
	}
	return false
}
