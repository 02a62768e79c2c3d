package dialect

import (
	"cmp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB gives a column of a UNION, INTERSECT or EXCEPT one type for all
// its inputs. Where one input gives text (a string literal, a cast to
// VARCHAR, text joined with ||) and another a timestamp, a boolean or a
// number, the column is VARCHAR, each value as DuckDB casts it to text:
// TIMESTAMP '2024-01-01 10:00:00' is '2024-01-01 10:00:00', not the
// project's '2024-01-01T10:00:00Z', and TRUE 'true'. Where one gives a
// timestamp and another a DATE, the column is a timestamp, the date its
// midnight. SQLite keeps each row's value as it is: the values that would
// differ are converted here.

// setColumnTypes converts the values of each column of set operation q
// whose inputs DuckDB gives another type, for the inputs that are SELECTs
// listing their columns.
func (t *translator) setColumnTypes(q *node) {
	if t.d == Snowflake && q.kind == nQuery && !hasByName(q) {
		t.setColumnNumbers(q)
		return
	}
	if t.d == BigQuery && q.kind == nQuery {
		t.refuseSetTextNumber(q)
		return
	}
	if t.d != DuckDB || q.kind != nQuery || hasByName(q) {
		return
	}
	for _, b := range q.list {
		if b.kind == nValues && !t.inserted[q] {
			t.valuesColumnTypes(b)
		}
	}
	if len(q.list) < 2 {
		return
	}
	var bodies []*node
	var stars []*starBranch
	for _, b := range q.list {
		b = setBranchBody(b)
		if b.kind == nSelect && b.sel.scope != nil {
			if st := t.starBranch(b); st != nil {
				stars = append(stars, st)
				continue
			}
			bodies = append(bodies, b)
		}
	}
	defer func() {
		for _, st := range stars {
			st.print()
		}
	}()
	first := len(bodies) > 0 && q.list[0].start == bodies[0].start // names come from the first input
	saved := t.sc
	defer func() { t.sc = saved }()
	for col := 0; ; col++ {
		items, scopes := setItems(bodies, col)
		var starCols []*starBranch
		for _, st := range stars {
			if col < len(st.cols) {
				starCols = append(starCols, st)
			}
		}
		if len(items)+len(starCols) == 0 {
			return
		}
		text, stamp := false, ""
		for i, it := range items {
			t.sc = scopes[i]
			switch typ := t.staticType(it.x); {
			case t.textOf(it.x):
				text = true
			case typ == sqlfunc.KindInstant, typ == sqlfunc.KindWallClock && stamp == "":
				stamp = typ // with a TIMESTAMPTZ the column is one
			}
		}
		for _, st := range starCols {
			switch c := st.cols[col]; {
			case c.text:
				text = true
			case c.typ == sqlfunc.KindInstant, c.typ == sqlfunc.KindWallClock && stamp == "":
				stamp = c.typ
			}
		}
		for _, st := range starCols {
			st.convert(col, text, stamp)
		}
		for i, it := range items {
			t.sc = scopes[i]
			x := it.x
			switch typ := t.staticType(x); {
			case text && !t.textOf(x):
				if !t.asText(x) {
					continue
				}
			case stamp != "" && typ == TypeDate:
				line := itoa(t.toks[x.start].line)
				wrapPrint(x, "cast_to(", ", "+sqlString(stamp)+", 'duckdb', "+line+")")
			default:
				continue
			}
			if i == 0 && first && it.name == "" {
				// the column keeps the name it had
				name := strings.Join(strings.Fields(t.source(x)), " ")
				if x.kind == nName {
					name = nameAsWritten(t.toks[x.parts[len(x.parts)-1]])
				}
				it.post += " AS " + quoteIdent(name)
			}
		}
	}
}

// setColumnNumbers casts the text values of each column of Snowflake set
// operation q that another input gives a number: Snowflake makes the
// column a NUMBER and casts the text to it ('10' EXCEPT 10 is empty, and
// text that is no number fails), where SQLite keeps text apart from
// numbers. Only inputs that are SELECTs listing their columns are read.
func (t *translator) setColumnNumbers(q *node) {
	bodies := selectBodies(q)
	if len(bodies) < 2 {
		return
	}
	saved := t.sc
	defer func() { t.sc = saved }()
	for col := 0; ; col++ {
		items, scopes := setItems(bodies, col)
		if len(items) == 0 {
			return
		}
		num := ""
		for i, it := range items {
			t.sc = scopes[i]
			if n := t.numberType(it.x); n != "" && !t.textOf(it.x) {
				num = mergeNumbers(cmp.Or(num, n), n)
			}
		}
		if num == "" {
			continue
		}
		for i, it := range items {
			t.sc = scopes[i]
			if x := it.x; t.textOf(x) && x.kind != nString {
				line := itoa(t.toks[x.start].line)
				if s, ok := strings.CutPrefix(num, decimalType); ok {
					wrapPrint(x, "round_scale(cast_to(", ", 'REAL', 'snowflake', "+line+"), "+s+")")
				} else {
					wrapPrint(x, "cast_to(", ", "+sqlString(num)+", 'snowflake', "+line+")")
				}
				if it.name == "" && x.kind == nName {
					it.post += " AS " + quoteIdent(nameAsWritten(t.toks[x.parts[len(x.parts)-1]]))
				}
			}
		}
	}
}

// refuseSetTextNumber refuses a column of BigQuery set operation q that
// one input gives as a known STRING and another as a known number, as
// BigQuery refuses it ("Column 1 in UNION ALL has incompatible types:
// STRING, INT64"): it coerces neither to the other, where SQLite keeps
// each row's value. Only inputs that are SELECTs listing their columns
// are read.
func (t *translator) refuseSetTextNumber(q *node) {
	bodies := selectBodies(q)
	if len(bodies) < 2 {
		return
	}
	var words []string // UNION ALL, EXCEPT DISTINCT, ... as BigQuery names it
	for i := q.list[0].end; i < q.list[1].start && i < len(t.toks); i++ {
		if w := t.toks[i]; w.kind == kWord {
			words = append(words, strings.ToUpper(w.lower))
		}
	}
	op := strings.Join(words, " ")
	saved := t.sc
	defer func() { t.sc = saved }()
	for col := 0; ; col++ {
		items, scopes := setItems(bodies, col)
		if len(items) == 0 {
			return
		}
		var text *node
		textType, numType := "", ""
		for i, it := range items {
			t.sc = scopes[i]
			if s := t.bigQueryString(it.x); s != "" && text == nil {
				text, textType = it.x, s
			} else if n := t.bigQueryNumberOf(it.x); n != "" && numType == "" {
				numType = n
			}
		}
		if text != nil && numType != "" {
			t.refuse(skipSpace(t.toks, text.start), refSetTextNumber, col+1, op, textType, numType)
			return
		}
	}
}

// setItems are select item col of each of bodies that has one, with the
// scope each is read in.
func setItems(bodies []*node, col int) (items []*node, scopes []*scope) {
	for _, b := range bodies {
		if it := setItem(b, col); it != nil {
			items = append(items, it)
			scopes = append(scopes, b.sel.scope)
		}
	}
	return items, scopes
}

// setItem is select item col of SELECT b, or nil when it has fewer items
// or a star before it, whose columns are not nodes to convert.
func setItem(b *node, col int) *node {
	for i, it := range b.sel.items {
		if it.kind != nItem {
			return nil
		}
		if i == col {
			return it
		}
	}
	return nil
}

// textOf tells whether x is known to be text in DuckDB or Snowflake: a
// string literal, a cast to VARCHAR or TEXT, text joined with ||, or a
// column (of a CTE, a subquery, VALUES or a built table) or scalar
// subquery whose every row is text.
func (t *translator) textOf(x *node) bool {
	if t.d != DuckDB && t.d != Snowflake {
		return false
	}
	switch x.kind {
	case nName:
		if e := t.lateralAlias(x, t.sc); e != nil && len(x.parts) == 1 {
			return t.textOf(e.x)
		}
		if t.column(x).text {
			return true
		}
		if len(x.parts) >= 2 {
			// s.b, a field of a struct column whose shape says it is text
			s := t.duckShape(x)
			return s != nil && s.leaf == textLeaf
		}
		return false
	case nSubquery:
		return x.x != nil && t.subqueryColumn(x).text
	case nParen:
		return x.x != nil && t.textOf(x.x)
	case nString:
		return true
	case nCast:
		if x.y == nil || x.y.end != x.y.start+1 {
			return false
		}
		switch t.toks[x.y.start].lower {
		case "varchar", "text", "string":
			return true
		}
	case nBinary:
		if x.name == "->>" {
			return t.d == DuckDB // VARCHAR, as json_extract_string gives
		}
		return x.name == "||" && (t.textOf(x.x) || t.textOf(x.y))
	case nCall:
		if len(x.parts) > 1 {
			return false
		}
		if textResults[x.name] || t.d == DuckDB && duckTextResults[x.name] {
			return true
		}
		switch x.name {
		case "coalesce", "ifnull":
			return t.allText(x.list)
		case "nullif":
			return len(x.list) == 2 && t.textOf(x.list[0])
		case "repeat":
			return len(x.list) == 2 && t.textOf(x.list[0]) // of a list, a list
		}
	case nCase:
		return t.allText(caseBranches(x))
	case nField, nIndex:
		// a field or an element of a struct or list whose shape says it
		// holds text ({'b': 'x'}.b)
		if x.kind == nIndex && x.name == "slice" {
			return false
		}
		s := t.duckShape(x)
		return s != nil && s.leaf == textLeaf
	}
	return false
}

// textResults are DuckDB's functions that give VARCHAR whatever they are
// given.
var textResults = map[string]bool{"upper": true, "lower": true, "concat": true, "concat_ws": true, "trim": true, "ltrim": true, "rtrim": true,
	"replace": true, "left": true, "right": true, "lpad": true, "rpad": true, "strftime": true, "md5": true, "regexp_replace": true, "split_part": true}

// duckTextResults are more of DuckDB's functions that give VARCHAR, so a
// UNION or EXCEPT of one with a number compares text, as DuckDB casts the
// number ('1' except 1 is no row): JSON text of a path, and text functions.
var duckTextResults = map[string]bool{"json_extract_string": true, "json_extract_path_text": true, "json_value": true,
	"substring": true, "substr": true, "reverse": true, "translate": true, "lcase": true, "ucase": true, "strip_accents": true,
	"string_agg": true, "listagg": true, "group_concat": true, "format": true, "printf": true,
	"dayname": true, "monthname": true, "chr": true, "sha256": true}

// allText tells whether every one of list is text, NULL literals aside,
// and one is.
func (t *translator) allText(list []*node) bool {
	some := false
	for _, x := range list {
		if t.isNull(x) {
			continue
		}
		if !t.textOf(x) {
			return false
		}
		some = true
	}
	return some
}

// asText writes x, a value of a column DuckDB makes VARCHAR, as DuckDB
// casts it to text: a timestamp as '2024-01-01 10:00:00', a boolean as
// true or false, a number in its type's form. A value of unknown type, or
// whose text is the same, is left as it is: it reports false.
func (t *translator) asText(x *node) bool {
	switch {
	case t.timestampOf(x) != "":
		wrapPrint(x, "timestamp_string(", ", "+sqlString(t.timestampOf(x))+", 'duckdb')")
	case t.booleanOf(x):
		wrapPrint(x, "CASE (", ") WHEN 1 THEN 'true' WHEN 0 THEN 'false' END")
	case t.numberType(x) == "INTEGER":
		wrapPrint(x, "CAST(", " AS TEXT)")
	default:
		fn, args, ok := t.numberText(x)
		if !ok {
			return false
		}
		wrapPrint(x, fn+"(", args+")")
	}
	return true
}

// wrapPrint prints x between before and after, inside the text around it
// (an alias a rewrite put after it stays outside).
func wrapPrint(x *node, before, after string) {
	inner := x.print
	x.print = func(pr *printer, n *node) string {
		if inner != nil {
			return before + inner(pr, n) + after
		}
		return before + pr.plain(n) + after
	}
}

// valuesColumnTypes converts the values of VALUES rows to the type DuckDB
// gives their column: a string literal after a first row of a timestamp,
// a DATE, a boolean or an integer is read as that type ('2024-02-03
// 04:05' a timestamp, 'false' false, '3' 3), failing as DuckDB fails where
// it is none; a DATE beside a timestamp is its midnight.
func (t *translator) valuesColumnTypes(b *node) {
	var rows [][]*node
	for _, row := range b.kids {
		switch row.kind {
		case nTuple:
			rows = append(rows, row.list)
		case nParen:
			rows = append(rows, []*node{row.x})
		}
	}
	if len(rows) < 2 {
		return
	}
	saved := t.sc
	t.sc = nil
	defer func() { t.sc = saved }()
	for col := range rows[0] {
		if t.decimalValues(rows, col) {
			continue
		}
		first := rows[0][col]
		typ := t.staticType(first)
		switch {
		case typ == sqlfunc.KindInstant || typ == sqlfunc.KindWallClock || typ == TypeDate || typ == TypeBool:
		case t.numberType(first) == "INTEGER":
			typ = "INTEGER"
		default:
			continue
		}
		stamp := ""
		for _, row := range rows {
			if col < len(row) {
				if k := t.timestampOf(row[col]); k == sqlfunc.KindInstant || k != "" && stamp == "" {
					stamp = k
				}
			}
		}
		if typ == TypeDate && stamp != "" {
			typ = stamp
		}
		for _, row := range rows[1:] {
			if col >= len(row) {
				continue
			}
			x := row[col]
			if x.kind == nString || stamp != "" && t.staticType(x) == TypeDate {
				wrapPrint(x, "cast_to(", ", "+sqlString(typ)+", 'duckdb', "+itoa(t.toks[x.start].line)+")")
			}
		}
		if stamp != "" && t.staticType(first) == TypeDate {
			wrapPrint(first, "cast_to(", ", "+sqlString(stamp)+", 'duckdb', "+itoa(t.toks[first.start].line)+")")
		}
	}
}

// setBranchBody is the SELECT or VALUES a branch of a set operation
// stands for, through the parentheses and one-branch queries around it.
func setBranchBody(b *node) *node {
	for b.kind == nSubquery || b.kind == nQuery && len(b.list) == 1 && b.x == nil {
		if b.kind == nSubquery {
			b = b.x
		} else {
			b = b.list[0]
		}
	}
	return b
}

// selectBodies are the inputs of set operation q that are SELECTs listing
// their columns, the ones whose column types are read.
func selectBodies(q *node) []*node {
	var bodies []*node
	for _, b := range q.list {
		if b = setBranchBody(b); b.kind == nSelect && b.sel.scope != nil {
			bodies = append(bodies, b)
		}
	}
	return bodies
}
