package dialect

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// A DuckDB list or struct is JSON text here, its dates and timestamps the
// text the project keeps them in ('2024-01-02T03:04:05Z'), its DECIMALs
// JSON numbers. Cast to VARCHAR, joined to text or printed, DuckDB writes
// each leaf as its own cast writes it ({'k': 2024-01-02 03:04:05},
// [1.50]): the shape of a nested value is what the translator knows of
// its leaves, field by field and element by element, from the struct and
// list literals, row(...), CASE and COALESCE of them, their fields and
// elements, and the list functions that keep the elements. nested_text
// takes it (sqlfunc/nested_text.go), and a field or element read out of
// such a value keeps its type (numberType, staticType).

// nestShape is what is known of a nested value's leaves: leaf for a value
// that is no list or struct ("DATE", "TIMESTAMP", "TIMESTAMPTZ" or a
// number type, or "BOOLEAN"; "" when unknown), elem for a list's elements, fields for a
// named struct's, row for an unnamed struct's by place.
type nestShape struct {
	leaf   string
	elem   *nestShape
	fields map[string]*nestShape
	row    []*nestShape
	named  bool // a named struct: fields holds its fields
}

// shapeListFuncs are DuckDB's list functions whose result holds elements
// of their first argument.
var shapeListFuncs = map[string]bool{
	"list_sort": true, "array_sort": true, "list_reverse_sort": true, "array_reverse_sort": true,
	"list_distinct": true, "array_distinct": true, "list_reverse": true, "array_reverse": true,
	"list_slice": true, "array_slice": true, "list_concat": true, "list_cat": true, "array_concat": true,
	"array_cat": true, "list_append": true, "array_append": true, "array_push_back": true,
	"list_prepend": true, "array_prepend": true, "array_push_front": true,
}

// duckShape is the shape of x, nil when nothing is known of it.
func (t *translator) duckShape(x *node) *nestShape {
	if t.d != DuckDB || x == nil {
		return nil
	}
	x = unparen(x)
	switch x.kind {
	case nName:
		if e := t.lateralAlias(x, t.sc); e != nil && len(x.parts) == 1 {
			return t.duckShape(e.x)
		}
		if c := t.column(x); c.shape != nil {
			return c.shape
		}
		if len(x.parts) >= 2 && t.sc != nil && t.sc.findRel(identName(t.toks[x.parts[0]])) == nil {
			// s.a, field a of struct column s
			s := t.column(&node{kind: nName, parts: x.parts[:1]}).shape
			for _, k := range x.parts[1:] {
				if s == nil || !s.named {
					return nil
				}
				s = s.fields[identName(t.toks[k])]
			}
			return s
		}
		if len(x.parts) >= 2 {
			// t.c, a column of a FROM item (staticType would ask here)
			if leaf := leafOfType(t.nameType(x), t.columnNumber(x)); leaf != "" {
				return &nestShape{leaf: leaf}
			}
			return nil
		}
	case nSubquery:
		if x.x != nil {
			if c := t.subqueryColumn(x); c.shape != nil {
				return c.shape
			}
		}
	case nStruct:
		s := &nestShape{named: true, fields: map[string]*nestShape{}}
		for i, f := range x.list {
			if i < len(x.names) {
				if f.kind == nItem {
					f = f.x
				}
				s.fields[x.names[i]] = t.duckShape(f)
			}
		}
		return s
	case nTuple:
		// a tuple standing as a value is an unnamed struct (tuple_values.go)
		return t.rowShape(x.list)
	case nArray:
		return &nestShape{elem: t.commonShape(x.list)}
	case nCase:
		return t.commonShape(caseBranches(x))
	case nField:
		if s := t.duckShape(x.x); s != nil && s.named {
			return s.fields[x.name]
		}
		return nil
	case nIndex:
		if m := unparen(x.x); x.name == "" && m.kind == nCall && len(m.parts) <= 1 && m.name == "map" && len(m.list) == 2 {
			// map(keys, values)[k]: a value
			if v := t.duckShape(m.list[1]); v != nil {
				return v.elem
			}
			return nil
		}
		s := t.duckShape(x.x)
		if s == nil {
			return nil
		}
		if x.name == "slice" {
			if s.elem != nil {
				return s
			}
			return nil
		}
		if s.elem != nil {
			return s.elem
		}
		if s.row != nil && x.y != nil && x.y.kind == nLit {
			if i, err := strconv.Atoi(t.toks[x.y.start].text); err == nil && i >= 1 && i <= len(s.row) {
				return s.row[i-1]
			}
		}
		if s.named && x.y != nil && x.y.kind == nString {
			return s.fields[stringValue(t.d, t.toks[x.y.tok].text)]
		}
		return nil
	case nBinary:
		if (x.name == "||" || x.name == "+") && t.concatsLists(x) {
			return t.commonShape([]*node{x.x, x.y})
		}
	case nCall:
		if len(x.parts) > 1 {
			break
		}
		switch {
		case x.name == "row" && len(x.list) > 0:
			return t.rowShape(x.list)
		case x.name == "struct_pack":
			s := &nestShape{named: true, fields: map[string]*nestShape{}}
			for _, a := range x.list {
				if a.kind == nExpr && a.name != "" {
					s.fields[a.name] = t.duckShape(a.x)
				}
			}
			return s
		case x.name == "list_value" || x.name == "list_pack":
			return &nestShape{elem: t.commonShape(x.list)}
		case (x.name == "list" || x.name == "array_agg") && len(x.list) == 1:
			return &nestShape{elem: t.duckShape(x.list[0])}
		case x.name == "coalesce" || x.name == "ifnull" || x.name == "greatest" || x.name == "least":
			return t.commonShape(x.list)
		case (x.name == "nullif" || x.name == "any_value" || x.name == "first" || x.name == "last" || x.name == "min" || x.name == "max") && len(x.list) >= 1:
			return t.duckShape(x.list[0])
		case (x.name == "list_extract" || x.name == "list_element" || x.name == "array_extract" || x.name == "struct_extract") && len(x.list) == 2:
			s := t.duckShape(x.list[0])
			if s != nil && s.named && x.list[1].kind == nString {
				return s.fields[stringValue(t.d, t.toks[x.list[1].tok].text)] // a struct's field by name
			}
			if s != nil && x.name != "struct_extract" {
				return s.elem
			}
			return nil
		case shapeListFuncs[x.name] && len(x.list) >= 1:
			s := t.duckShape(x.list[0])
			if s == nil || s.elem == nil {
				return nil
			}
			switch x.name {
			case "list_append", "array_append", "array_push_back":
				if len(x.list) == 2 {
					return &nestShape{elem: mergeShapes(s.elem, t.duckShape(x.list[1]))}
				}
			case "list_prepend", "array_prepend", "array_push_front":
				return nil // (element, list)
			case "list_concat", "list_cat", "array_concat", "array_cat":
				return t.commonShape(x.list)
			}
			return s
		}
	}
	if leaf := t.leafShape(x); leaf != "" {
		return &nestShape{leaf: leaf}
	}
	return nil
}

// leafShape is the leaf kind of x, a value that is no list or struct:
// textLeaf for one known to be VARCHAR, so that a field or element read
// out of it is text too (indexed or sliced as a string).
func (t *translator) leafShape(x *node) string {
	typ := t.staticType(x)
	if nested(typ) {
		return ""
	}
	if leaf := leafOfType(typ, t.numberType(x)); leaf != "" || x.kind == nField || x.kind == nIndex {
		return leaf
	}
	if t.textOf(x) {
		return textLeaf
	}
	return ""
}

// textLeaf is the leaf kind of a VARCHAR.
const textLeaf = "VARCHAR"

// leafOfType is the leaf kind of a value of static type typ and number
// type num.
func leafOfType(typ, num string) string {
	switch typ {
	case TypeDate:
		return "DATE"
	case sqlfunc.KindWallClock:
		return "TIMESTAMP"
	case sqlfunc.KindInstant:
		return "TIMESTAMPTZ"
	case TypeBool:
		return "BOOLEAN"
	}
	if nested(typ) {
		return ""
	}
	return num
}

func (t *translator) rowShape(list []*node) *nestShape {
	s := &nestShape{row: make([]*nestShape, len(list))}
	for i, f := range list {
		s.row[i] = t.duckShape(f)
	}
	return s
}

// commonShape is the shape of a value that is one of list (CASE
// branches, a list's elements), NULLs left out.
func (t *translator) commonShape(list []*node) *nestShape {
	var common *nestShape
	seen := false
	for _, x := range list {
		if t.isNull(x) {
			continue
		}
		s := t.duckShape(x)
		if !seen {
			common, seen = s, true
			continue
		}
		common = mergeShapes(common, s)
	}
	return common
}

// mergeShapes is the shape of a value that is of shape a or b.
func mergeShapes(a, b *nestShape) *nestShape {
	if a == nil || b == nil {
		return nil
	}
	switch {
	case a.elem != nil || b.elem != nil:
		if a.elem == nil || b.elem == nil {
			return nil
		}
		return &nestShape{elem: mergeShapes(a.elem, b.elem)}
	case a.named || b.named:
		if !a.named || !b.named || len(a.fields) != len(b.fields) {
			return nil
		}
		s := &nestShape{named: true, fields: map[string]*nestShape{}}
		for k, f := range a.fields {
			s.fields[k] = mergeShapes(f, b.fields[k])
		}
		return s
	case a.row != nil || b.row != nil:
		if len(a.row) != len(b.row) {
			return nil
		}
		s := &nestShape{row: make([]*nestShape, len(a.row))}
		for i := range a.row {
			s.row[i] = mergeShapes(a.row[i], b.row[i])
		}
		return s
	}
	if leaf := mergeLeaves(a.leaf, b.leaf); leaf != "" {
		return &nestShape{leaf: leaf}
	}
	return nil
}

// mergeLeaves is DuckDB's supertype of two leaf kinds, "" when unknown.
func mergeLeaves(a, b string) string {
	if a == b {
		return a
	}
	stamp := func(k string) bool { return k == "TIMESTAMP" || k == "TIMESTAMPTZ" }
	switch {
	case a == "" || b == "":
		return ""
	case a == "DATE" && stamp(b):
		return b
	case b == "DATE" && stamp(a):
		return a
	case a == "REAL" || b == "REAL":
		if isNumberLeaf(a) && isNumberLeaf(b) {
			return "REAL"
		}
	case a == "INTEGER" && strings.HasPrefix(b, decimalType):
		return b
	case b == "INTEGER" && strings.HasPrefix(a, decimalType):
		return a
	case strings.HasPrefix(a, decimalType) && strings.HasPrefix(b, decimalType):
		x, _ := strconv.Atoi(strings.TrimPrefix(a, decimalType))
		y, _ := strconv.Atoi(strings.TrimPrefix(b, decimalType))
		return decimalOf(max(x, y))
	}
	return ""
}

func isNumberLeaf(k string) bool {
	return k == "INTEGER" || k == "REAL" || k == "FLOAT" || strings.HasPrefix(k, decimalType)
}

// tells says whether s tells nested_text more than num, the number type
// it gives numbers otherwise: a date or a timestamp, a number type other
// than num (an integer is written alike), an unnamed struct.
func (s *nestShape) tells(num string) bool {
	switch {
	case s == nil:
		return false
	case s.elem != nil:
		return s.elem.tells(num)
	case s.named:
		for _, f := range s.fields {
			if f.tells(num) {
				return true
			}
		}
		return false
	case s.row != nil:
		return true // written (a, b), not as the list it is held as
	}
	return s.leaf != "" && s.leaf != num && s.leaf != "INTEGER" && s.leaf != "BOOLEAN" && s.leaf != textLeaf
}

// tree is s as nested_text reads it: a leaf's kind as a string, a list as
// [its elements' shape], a named struct as {field: shape}, an unnamed one
// as {"(": [shapes by place]}, null when unknown.
func (s *nestShape) tree() any {
	switch {
	case s == nil:
		return nil
	case s.elem != nil:
		return []any{s.elem.tree()}
	case s.named:
		m := make(map[string]any, len(s.fields))
		for k, f := range s.fields {
			m[k] = f.tree()
		}
		return m
	case s.row != nil:
		r := make([]any, len(s.row))
		for i, f := range s.row {
			r[i] = f.tree()
		}
		return map[string]any{"(": r}
	}
	if s.leaf == "" {
		return nil
	}
	return s.leaf
}

// nestedTextKind is nested_text's second argument for x, a list, struct or
// MAP cast to VARCHAR: the number type of a list's numbers, a MAP's type,
// ROW for an unnamed struct, or SHAPE and x's shape as JSON where its
// leaves are known, then the number type unknown leaves take.
func (t *translator) nestedTextKind(x *node) string {
	xt := t.staticType(x)
	num, _ := listNumber(xt)
	if isMap(num) {
		return "ELEMENTS " + num // a list of MAPs: [{k=v}, ...]
	}
	if isMap(xt) {
		return xt // {k=v, ...}
	}
	s := t.duckShape(x)
	if unnamedStruct(x) {
		if s.tells("") && s.row != nil {
			b, _ := json.Marshal(s.tree().(map[string]any)["("])
			return "ROW " + string(b)
		}
		return "ROW" // (1, x)
	}
	if s.tells(num) {
		b, _ := json.Marshal(s.tree())
		if num != "" {
			return "SHAPE " + string(b) + " " + num
		}
		return "SHAPE " + string(b)
	}
	return num
}

// shapeType is the static type of x, a field or an element of a nested
// value, by its shape; "" when that does not tell.
func (t *translator) shapeType(x *node) string {
	if t.d != DuckDB {
		return ""
	}
	s := t.duckShape(x)
	if s == nil {
		return ""
	}
	switch s.leaf {
	case "DATE":
		return TypeDate
	case "TIMESTAMP":
		return sqlfunc.KindWallClock
	case "TIMESTAMPTZ":
		return sqlfunc.KindInstant
	}
	return ""
}

// shapeNumber is the number type of x, a field or an element of a nested
// value, by its shape.
func (t *translator) shapeNumber(x *node) string {
	if t.d != DuckDB {
		return ""
	}
	if s := t.duckShape(x); s != nil && isNumberLeaf(s.leaf) {
		return s.leaf
	}
	return ""
}

// typeText is s as a built table keeps it for a column (under
// FullTypePrefix): SHAPE and its tree as JSON.
func (s *nestShape) typeText() string {
	b, _ := json.Marshal(s.tree())
	return "SHAPE " + string(b)
}

// shapeOfText reads a shape a built table keeps (typeText); nil when text
// is none.
func shapeOfText(text string) *nestShape {
	rest, ok := strings.CutPrefix(text, "SHAPE ")
	if !ok {
		return nil
	}
	var tree any
	if json.Unmarshal([]byte(rest), &tree) != nil {
		return nil
	}
	return shapeOfTree(tree)
}

func shapeOfTree(tree any) *nestShape {
	switch v := tree.(type) {
	case string:
		return &nestShape{leaf: v}
	case []any:
		if len(v) == 1 {
			return &nestShape{elem: shapeOfTree(v[0])}
		}
	case map[string]any:
		if r, ok := v["("].([]any); ok && len(v) == 1 {
			s := &nestShape{row: make([]*nestShape, len(r))}
			for i, f := range r {
				s.row[i] = shapeOfTree(f)
			}
			return s
		}
		s := &nestShape{named: true, fields: map[string]*nestShape{}}
		for k, f := range v {
			s.fields[k] = shapeOfTree(f)
		}
		return s
	}
	return nil
}
