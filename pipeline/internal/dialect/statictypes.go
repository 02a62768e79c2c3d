package dialect

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Static types are what the translator knows of a value's warehouse type
// before it runs, where SQLite would read it otherwise: TypeDate, TypeBool,
// TypeList and TypeStruct (list_types.go),
// TypeInterval or a timestamp's kind (sqlfunc.KindInstant, KindWallClock); ""
// when nothing is known, and then the SQL is translated as SQLite reads it.
// They come from literals, comparisons, casts and functions, follow CASE,
// COALESCE and the other conditionals, the columns of CTEs (by place under
// a column list), subqueries, UNION BY NAME and VALUES, and the columns of
// the tables a statement reads (Options.Types).

// TypeDate is the static type of a DATE, TypeBool of a BOOL (1 or 0 in
// SQLite, 'true' or 'false' as text in the warehouses).
const (
	TypeDate = "DATE"
	TypeBool = "BOOLEAN"
	// TypeTime is Snowflake's and DuckDB's TIME, HH:MM:SS text (rewrite_cast.go).
	TypeTime = "TIME"
	// TypeJSON is BigQuery's JSON: JSON text, its objects' keys sorted
	// (sqlfunc's json_canonical), embedded as JSON where a struct or
	// TO_JSON_STRING holds it.
	TypeJSON = "JSON"
)

// jsonResults are BigQuery's functions that make a JSON value.
var jsonResults = map[string]bool{"parse_json": true, "to_json": true, "json_object": true}

// timeResults are Snowflake's functions that return a TIME.
var timeResults = map[string]bool{"to_time": true, "try_to_time": true, "time_from_parts": true, "timefromparts": true}

// typeNumber starts the type a built table keeps for a DuckDB column of a
// known number type (numberType), "NUMBER DECIMAL 2": a model reading it
// keeps DuckDB's DECIMAL scales.
const typeNumber = "NUMBER "

// colType is an output column of a query and its static type.
type colType struct {
	name, typ string
	num       string // the number type of a known number (numberType)
	null      bool   // the NULL literal: takes the type of the other rows
	text      bool   // known to be DuckDB's VARCHAR (textOf)
	// stored is the column's name as written where a quoted identifier
	// names it, which Snowflake stores as is (snowflake_names.go); ""
	// for a name Snowflake stores in upper case.
	stored string
	// full is the column's full BigQuery type (bigquery_types.go), ""
	// when it is not known.
	full string
	// shape is what is known of the leaves of a DuckDB list or struct
	// column (nested_shapes.go)
	shape *nestShape
}

// TypeText is the type a built table keeps for a DuckDB column known to be
// VARCHAR: a model reading it knows its text (set_types.go). It is never a
// static type of a value, only the text flag of a column.
const TypeText = "VARCHAR"

// staticType is the static type of n in the scope being walked.
func (t *translator) staticType(n *node) string {
	if t.d == SQLite || n == nil {
		return ""
	}
	return t.memoized(n, &n.typeMemo, &t.typeMemo, t.staticTypeOf)
}

// memoized answers f(n) once within a question, the outermost call of
// staticType or numberType and every call it makes: the rules ask of an
// operand several times (a date? an interval? a timestamp?), which in a
// chain a - b - c - ... would cost a power of its length. The answer is
// kept on the node (m), as a map of every node asked made each question
// of a long chain (a || b || ... of hundreds of terms) cost seconds; a
// node asked in a second scope within the question goes in spill.
func (t *translator) memoized(n *node, m *nodeMemo, spill *map[typeKey]string, f func(*node) string) string {
	if !t.asking {
		t.asking = true
		t.question++
		defer func() { t.asking, t.typeMemo, t.numMemo, t.intMemo = false, nil, nil, nil }()
	}
	if m.asked == t.question && m.sc == t.sc {
		return m.v
	}
	key := typeKey{n, t.sc}
	if v, ok := (*spill)[key]; ok {
		return v
	}
	v := f(n)
	switch {
	case m.asked != t.question:
		*m = nodeMemo{t.question, t.sc, v}
	case *spill == nil:
		*spill = map[typeKey]string{key: v}
	default:
		(*spill)[key] = v
	}
	return v
}

// typeKey is a node in the scope it is typed in.
type typeKey struct {
	n  *node
	sc *scope
}

func (t *translator) staticTypeOf(n *node) string {
	if typ := t.intervalType(n); typ != "" {
		return typ
	}
	switch n.kind {
	case nParen:
		return t.staticType(n.x)
	case nLit, nName:
		if typ := t.decimalLiteral(n); typ != "" {
			return typ
		}
		if w := t.toks[n.start].lower; n.start+1 == n.end && t.toks[n.start].kind == kWord && (w == "true" || w == "false") {
			return TypeBool
		}
		if n.kind == nName {
			if t.d == DuckDB && len(n.parts) >= 2 {
				if typ := t.nameType(n); typ != "" {
					return typ
				}
				return t.shapeType(n) // s.a of a struct column s
			}
			if typ := t.nameType(n); typ != "" || t.d != BigQuery || len(n.parts) < 2 {
				return typ
			}
			if full, ok := t.nameFull(n); ok {
				typ, _ := fullStatic(full) // a field of a struct column
				return typ
			}
			return ""
		}
	case nUnary:
		if n.name == "not" {
			return TypeBool
		}
		if (n.name == "-" || n.name == "+") && t.isDecimal(n.x) {
			return t.staticType(n.x)
		}
	case nExtract:
		if t.d == BigQuery && n.name == "datetime" {
			return sqlfunc.KindWallClock // EXTRACT(DATETIME FROM ts) is DATETIME(ts)
		}
		return ""
	case nLike, nIn, nBetween, nIs, nExists:
		return TypeBool
	case nParam:
		if t.isPositional(n) {
			return t.positionalType(n).typ
		}
	case nTyped:
		if n.name == "date" {
			return TypeDate
		}
		if n.name == "json" && t.d == BigQuery {
			return TypeJSON
		}
		if n.name == "time" && t.d == DuckDB {
			return TypeTime
		}
		return timestampKind(t.d, n.name)
	case nCast:
		if typ := t.nestedCast(n); typ != "" {
			return typ
		}
		if t.listCastElem(n) >= 0 {
			return t.listCastType(n)
		}
		if _, _, ok := t.mapCastTypes(n); ok {
			return t.mapCastType(n)
		}
		typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
		if prob != nil {
			return ""
		}
		if typ.name == "date" {
			return TypeDate
		}
		if (t.d == Snowflake || t.d == DuckDB) && typ.name == "time" {
			return TypeTime
		}
		if t.d == DuckDB && typ.name == "json" {
			return TypeJSON // JSON text: a list or struct holds it as JSON
		}
		if typ.boolean {
			return TypeBool
		}
		if t.d == Snowflake && typ.affinity == "REAL" && typ.scale != "" {
			return typeDecimal + typ.scale
		}
		return castKind(t.d, typ)
	case nArray:
		if t.d == DuckDB {
			return t.listOfElements(n.list)
		}
		if t.d == BigQuery {
			return TypeList
		}
	case nListFor:
		return TypeList
	case nMap:
		return mapOf(t.mapNumber(n))
	case nArraySub:
		if t.d == BigQuery {
			return TypeList
		}
	case nStruct:
		if t.d == DuckDB || t.d == BigQuery {
			return TypeStruct
		}
	case nTuple:
		if n.name == "struct" {
			return TypeStruct // DuckDB's (a, b) as a value (tuple_values.go)
		}
	case nSubquery:
		// a scalar subquery: the type of the one column it selects
		if n.x != nil {
			if b := n.x; t.d == BigQuery && b.kind == nQuery && len(b.list) == 1 && b.list[0].kind == nSelect && b.list[0].sel.asStruct {
				return TypeStruct
			}
			return t.subqueryColumn(n).typ
		}
	case nIndex:
		if typ := t.staticType(n.x); n.name == "slice" && strings.HasPrefix(typ, TypeList) {
			return typ // a slice of a list
		} else if num, _ := listNumber(typ); t.d == DuckDB && n.name == "" && isMap(num) {
			return num // an element of a list of MAPs
		}
		if t.d == BigQuery {
			typ, _ := fullStatic(t.fullType(n)) // an element of a typed array
			return typ
		}
		return t.shapeType(n) // an element of a list of dates or timestamps
	case nField:
		if t.d == BigQuery {
			typ, _ := fullStatic(t.fullType(n)) // a field of a typed struct
			return typ
		}
		return t.shapeType(n) // a date or timestamp field of a struct
	case nCall:
		if len(n.parts) > 1 {
			return ""
		}
		if typ := t.listCallType(n); typ != "" {
			return typ
		}
		if t.d == DuckDB && (n.name == "struct_pack" || n.name == "row") {
			return TypeStruct
		}
		if t.d == BigQuery && bigQueryArrays[n.name] {
			return TypeList
		}
		if t.d == BigQuery && jsonResults[n.name] {
			return TypeJSON
		}
		if k := timestampResults[t.d][n.name]; k != "" {
			return k
		}
		if t.d == DuckDB && n.name == "epoch_ms" && len(n.list) == 1 && t.numberType(n.list[0]) != "" {
			return sqlfunc.KindWallClock // of milliseconds a TIMESTAMP (of a TIMESTAMP its milliseconds)
		}
		if t.d == DuckDB && n.name == "time_bucket" && len(n.list) >= 2 {
			// the bucket of a TIMESTAMP is one, of a DATE a DATE
			if k := t.timestampOf(n.list[1]); k != "" {
				return k
			}
			if t.dateOf(n.list[1]) {
				return TypeDate
			}
		}
		if t.keepsOffset(n) {
			return sqlfunc.KindInstant // CONVERT_TIMEZONE(zone, ts)
		}
		if t.d == Snowflake && n.name == "convert_timezone" && len(n.list) == 3 {
			return sqlfunc.KindWallClock // CONVERT_TIMEZONE(from, to, ts): a TIMESTAMP_NTZ
		}
		if s, ok := t.arithmeticScale(n); ok && s > 0 {
			return typeDecimal + strconv.Itoa(s) // Snowflake's AVG of a NUMBER
		}
		if typ := t.conditionalScale(snowflakeBranches(n)); typ != "" {
			return typ // NVL(amount, 0): the amount's scale
		}
		if dateResults[n.name] || t.d == BigQuery && bigQueryDateResults[n.name] {
			return TypeDate
		}
		if booleanResults[n.name] && n.x == nil {
			return TypeBool
		}
		if t.d == Snowflake && timeResults[n.name] && len(n.parts) <= 1 {
			return TypeTime
		}
		if c, ok := numberConversions[n.name]; ok && t.d == Snowflake && !c.real && (len(n.list) == 3 && n.list[1].kind != nString || len(n.list) == 4 && n.list[1].kind == nString) {
			// TO_NUMBER(x[, 'format'], p, s): a NUMBER(p, s)
			if s := n.list[len(n.list)-1]; s.kind == nLit && s.start+1 == s.end && strings.Trim(t.toks[s.start].text, "0123456789") == "" && strings.Trim(t.toks[s.start].text, "0") != "" {
				return typeDecimal + strings.TrimLeft(t.toks[s.start].text, "0")
			}
		}
		switch n.name {
		case "coalesce", "ifnull", "nvl", "greatest", "least", "min", "max", "any_value":
			return t.commonType(n.list)
		case "lag", "lead", "first_value", "last_value", "nth_value", "first", "last", "arbitrary":
			// a value of the first argument
			if len(n.list) > 0 {
				return t.commonType(n.list[:1])
			}
		case "max_by", "min_by", "arg_max", "arg_min", "argmax", "argmin", "arg_max_null", "arg_min_null":
			// the first argument's value at the row of the extreme second
			// one; with a count it is a list of them
			if len(n.list) == 2 {
				return t.commonType(n.list[:1])
			}
		case "abs":
			if len(n.list) == 1 && t.isDecimal(n.list[0]) {
				return t.staticType(n.list[0])
			}
		case "nullif":
			if len(n.list) == 2 {
				return t.staticType(n.list[0])
			}
		case "date_trunc":
			// Snowflake's DATE_TRUNC(part, x) is of x's type: a DATE's
			// is a DATE, a timestamp's a timestamp
			if t.d == Snowflake && len(n.list) == 2 {
				return t.staticType(n.list[1])
			}
			// BigQuery's DATE_TRUNC(x, part) too
			if t.d == BigQuery && len(n.list) == 2 {
				return t.staticType(n.list[0])
			}
		case "time_slice":
			// Snowflake's TIME_SLICE(x, n, part[, START|END]) is of x's
			// type, a DATE or a timestamp
			if t.d == Snowflake && len(n.list) >= 3 {
				switch typ := t.staticType(n.list[0]); typ {
				case TypeDate, sqlfunc.KindInstant, sqlfunc.KindWallClock:
					return typ
				}
			}
		case "dateadd", "timeadd", "timestampadd":
			// Snowflake's DATEADD(part, n, x) is of x's type, but that a
			// DATE moved by hours or less is a TIMESTAMP_NTZ
			if t.d == Snowflake && len(n.list) == 3 {
				switch typ := t.staticType(n.list[2]); typ {
				case TypeDate:
					part := strings.ToLower(strings.Trim(t.toks[n.list[0].start].text, `'"`))
					if sqlfunc.IsClockPart(part) {
						return sqlfunc.KindWallClock
					}
					return typ
				case sqlfunc.KindInstant, sqlfunc.KindWallClock, TypeTime:
					return typ
				}
			}
		case "if", "iff":
			if len(n.list) == 3 {
				return t.commonType(n.list[1:])
			}
		case "date_add":
			// DuckDB's date_add(x, interval) is x + interval: a
			// timestamp's kind, a DATE's midnight moved (a TIMESTAMP)
			if t.d == DuckDB && len(n.list) == 2 && t.intervalOf(n.list[1]) {
				if k := t.timestampOf(n.list[0]); k != "" {
					return k
				}
				if t.dateOf(n.list[0]) {
					return sqlfunc.KindWallClock
				}
			}
			// date_add(d, n) is d + n: a DATE
			if t.d == DuckDB && len(n.list) == 2 && !t.intervalOf(n.list[0]) && !t.intervalOf(n.list[1]) && n.list[1].kind != nInterval && n.list[0].kind != nInterval {
				return TypeDate
			}
		}
	case nCase:
		if typ := t.conditionalScale(caseBranches(n)); typ != "" {
			return typ
		}
		return t.commonType(caseBranches(n))
	case nBinary:
		if comparisons[n.name] || n.name == "and" || n.name == "or" {
			return TypeBool
		}
		if n.name == "at time zone" {
			// a wall clock's instant there, or an instant's wall clock
			switch t.staticType(n.x) {
			case sqlfunc.KindWallClock:
				return sqlfunc.KindInstant
			case sqlfunc.KindInstant:
				return sqlfunc.KindWallClock
			}
		}
		if (n.name == "+" || n.name == "-") && (t.d == DuckDB || t.d == Snowflake || t.d == BigQuery) {
			x, y := t.staticType(n.x), t.staticType(n.y)
			if t.d == DuckDB && n.name == "+" && (x == TypeDate && y == TypeTime || x == TypeTime && y == TypeDate) {
				return sqlfunc.KindWallClock // DuckDB's DATE + TIME
			}
			if x == TypeDate && y == "" || n.name == "+" && y == TypeDate && x == "" {
				return TypeDate // date ± n days
			}
			if t.d == Snowflake && n.y.kind == nInterval && (x == sqlfunc.KindInstant || x == sqlfunc.KindWallClock) {
				return x // a timestamp moved by an interval constant
			}
			if t.d == Snowflake && n.name == "+" && n.x.kind == nInterval && (y == sqlfunc.KindInstant || y == sqlfunc.KindWallClock) {
				return y
			}
		}
		if (n.name == "||" || n.name == "+" && t.d == DuckDB) && t.concatsLists(n) {
			if t.d == BigQuery {
				return TypeList
			}
			return t.listElements([]*node{n.x, n.y})
		}
		if s, ok := t.arithmeticScale(n); ok && s > 0 {
			return typeDecimal + strconv.Itoa(s) // Snowflake's NUMBER(p, s)
		}
	}
	return ""
}

// subqueryColumn is the one column scalar subquery n selects, with its
// static types; none when it selects more or they are not known.
func (t *translator) subqueryColumn(n *node) colType {
	if n.x == nil {
		return colType{}
	}
	t.scopeAhead(n.x, t.sc)
	if cols, _ := t.queryTypes(n.x); len(cols) == 1 {
		return cols[0]
	}
	return colType{}
}

// nameType is the static type of a name: CURRENT_TIMESTAMP, CURRENT_DATE
// or a column.
func (t *translator) nameType(n *node) string {
	if len(n.parts) == 1 && t.toks[n.parts[0]].kind == kWord {
		switch t.toks[n.parts[0]].lower {
		case "current_timestamp":
			return sqlfunc.KindInstant
		case "current_date":
			return TypeDate
		}
	}
	if e := t.lateralAlias(n, t.sc); e != nil && len(n.parts) == 1 {
		return t.staticType(e.x)
	}
	return t.column(n).typ
}

// columnNumber is the numberType of the column a name refers to.
func (t *translator) columnNumber(n *node) string {
	if e := t.lateralAlias(n, t.sc); e != nil && len(n.parts) == 1 {
		return t.numberType(e.x)
	}
	return t.column(n).num
}

// commonType is the static type all of list share, NULL literals aside; ""
// when one is unknown or two differ.
func (t *translator) commonType(list []*node) string {
	common := ""
	var literals []*node
	for _, x := range list {
		if t.isNull(x) {
			continue
		}
		if x.kind == nString && t.d == DuckDB {
			literals = append(literals, x) // may take the others' type
			continue
		}
		typ := t.staticType(x)
		if common != "" && typ != common {
			// DuckDB and Snowflake widen a DATE beside a timestamp to the
			// timestamp, BigQuery beside a DATETIME (typeLiterals writes
			// it so)
			widens := func(stamp string) bool {
				return stamp == sqlfunc.KindWallClock || stamp == sqlfunc.KindInstant && (t.d == DuckDB || t.d == Snowflake)
			}
			switch {
			case t.d == SQLite:
			case typ == TypeDate && widens(common):
				continue
			case common == TypeDate && widens(typ):
				common = typ
				continue
			}
		}
		if typ == "" || common != "" && typ != common {
			return ""
		}
		common = typ
	}
	for _, x := range literals {
		if !t.literalTakes(x, common) {
			return ""
		}
	}
	return common
}

func (t *translator) isNull(n *node) bool {
	return n.start+1 == n.end && t.toks[n.start].lower == "null"
}

// nullValue tells whether n is the NULL literal or, in Snowflake, a column
// that selects it (select null as b): its type is the literal's, so it
// takes the type of the values beside it (COALESCE(b, amount) keeps the
// amount's NUMBER(10, 2)).
func (t *translator) nullValue(n *node) bool {
	return t.isNull(n) || t.d == Snowflake && n.kind == nName && t.column(n).null
}

// column is the column a name refers to, with its static types: a column
// of a CTE, a subquery or a table whose types are known. An unqualified
// name is looked for in the relations of the innermost SELECT, then
// outwards; a relation whose columns are not all known stops the search.
// A lambda's parameter is no column, whatever columns share its name
// (list_transform(l, x -> x // 2) beside a DOUBLE column x).
func (t *translator) column(n *node) colType {
	parts := make([]string, len(n.parts))
	for i, k := range n.parts {
		parts[i] = identName(t.toks[k])
	}
	if len(parts) > 0 && t.script != nil && t.lambdas && lambdaParam(t.script, n, parts[0]) {
		return colType{}
	}
	switch len(parts) {
	case 1:
		for s := t.sc; s != nil; s = s.parent {
			if s.rels == nil {
				continue
			}
			unsure := false
			for _, r := range s.rels {
				cols, complete := t.relTypes(r.from, s)
				for _, c := range cols {
					if c.name == parts[0] {
						return c
					}
				}
				if !complete {
					unsure = true
				}
			}
			if unsure {
				return colType{}
			}
		}
	case 2, 3:
		var r *fromInfo
		if len(parts) == 2 {
			r = t.sc.findRel(parts[0])
		} else {
			r = t.sc.findTable(parts[0], parts[1])
		}
		if r == nil {
			return colType{}
		}
		cols, _ := t.relTypes(r, t.scopeOf(r))
		for _, c := range cols {
			if c.name == parts[len(parts)-1] {
				return c
			}
		}
	}
	return colType{}
}

func containsFrom(rels []*node, f *fromInfo) bool {
	for _, r := range rels {
		if r.from == f {
			return true
		}
	}
	return false
}

// relTypes are the columns of a FROM item with their static types; complete
// tells whether they are all its columns.
func (t *translator) relTypes(f *fromInfo, sc *scope) ([]colType, bool) {
	if len(f.columns) > 0 && !t.renaming[f] {
		// t(a, b): the columns of the relation renamed by position
		t.renaming[f] = true
		defer delete(t.renaming, f)
		cols, complete := t.relTypes(f, sc)
		var stored []string
		if f.aliasCols != nil && len(f.aliasCols.list) == len(f.columns) {
			stored = t.quotedList(f.aliasCols.list)
		}
		return renameTypes(f.columns, stored, cols, complete)
	}
	switch f.kind {
	case fromTable:
		if f.schema == "" {
			if q := sc.findCTE(f.table); q != nil {
				if names, ok := t.renamed[q]; ok {
					cols, complete := t.queryTypes(q)
					return renameTypes(names, t.renamedStored[q], cols, complete)
				}
				return t.queryTypes(q)
			}
		}
		if t.opts.Types == nil {
			return nil, false
		}
		table := f.table
		if t.wildcardName(f) != "" {
			// the types its tables agree on (wildcard_tables.go)
			if table = t.wildcardTyped(f); table == "" {
				return nil, false
			}
		}
		key := f.schema + "." + table
		cols, ok := t.tableTypes[key]
		if !ok {
			m := t.opts.Types(f.schema, table)
			cols = make([]colType, 0, len(m))
			for name, typ := range m {
				if full, ok := strings.CutPrefix(name, FullTypePrefix); ok {
					if _, typed := m[full]; !typed && t.d == BigQuery {
						flat, num := fullStatic(typ)
						cols = append(cols, colType{name: strings.ToLower(full), typ: flat, num: num, full: typ, stored: m[quotedPrefix+strings.ToLower(full)]})
					}
					if _, typed := m[full]; !typed && t.d == Snowflake {
						// a VARCHAR(n): known by its declared type alone
						cols = append(cols, colType{name: strings.ToLower(full), full: typ, stored: m[quotedPrefix+strings.ToLower(full)]})
					}
					continue
				}
				if unquoted, ok := strings.CutPrefix(name, unquotedPrefix); ok {
					_, typed := m[unquoted]
					_, quoted := m[quotedPrefix+unquoted]
					_, full := m[FullTypePrefix+unquoted]
					if !typed && !quoted && !full && t.d == Snowflake {
						cols = append(cols, colType{name: unquoted})
					}
					continue
				}
				if quoted, ok := strings.CutPrefix(name, quotedPrefix); ok {
					if _, typed := m[quoted]; !typed {
						cols = append(cols, colType{name: quoted, stored: typ})
					}
					continue
				}
				stored := m[quotedPrefix+strings.ToLower(name)]
				full := ""
				if t.d == BigQuery || t.d == Snowflake || t.d == DuckDB && typ == typeNumber+"INTEGER" {
					full = m[FullTypePrefix+strings.ToLower(name)] // DuckDB's: an integer's width
				}
				flatFull := flatFull
				if t.d != BigQuery {
					flatFull = func(string, string) string { return "" }
				}
				if num, ok := strings.CutPrefix(typ, typeNumber); ok {
					cols = append(cols, colType{name: strings.ToLower(name), num: num, stored: stored, full: cmp.Or(full, flatFull("", num))})
					continue
				}
				if typ == TypeText {
					cols = append(cols, colType{name: strings.ToLower(name), text: t.d == DuckDB || t.d == Snowflake, stored: stored, full: cmp.Or(full, flatFull(typ, ""))})
					continue
				}
				c := colType{name: strings.ToLower(name), typ: typ, stored: stored, full: cmp.Or(full, flatFull(typ, ""))}
				if t.d == DuckDB && nested(typ) {
					c.shape = shapeOfText(m[FullTypePrefix+strings.ToLower(name)])
				}
				cols = append(cols, c)
			}
			sort.Slice(cols, func(i, j int) bool { return cols[i].name < cols[j].name })
			t.tableTypes[key] = cols
		}
		return cols, false
	case fromQuery:
		return t.queryTypes(f.expr.x)
	case fromUnnest:
		return t.unnestTypes(f, sc)
	case fromFunc:
		// DuckDB's range(a[, b[, step]]) of integers: a BIGINT column
		if c := f.expr; t.d == DuckDB && c != nil && (c.name == "range" || c.name == "generate_series") && len(c.parts) <= 1 &&
			len(c.list) >= 1 && len(c.list) <= 3 {
			for _, a := range c.list {
				if t.numberType(a) != "INTEGER" {
					return nil, false
				}
			}
			return []colType{{name: c.name, num: "INTEGER"}}, true
		}
	}
	return nil, false
}

// renameTypes names the columns cols by position: those of t(a, b) or of a
// CTE's column list, which must name them all; stored are the names as
// written of the quoted names of the list ("" for an unquoted one, or nil).
func renameTypes(names, stored []string, cols []colType, complete bool) ([]colType, bool) {
	if !complete || len(cols) != len(names) {
		return nil, false
	}
	out := make([]colType, len(cols))
	for i, c := range cols {
		out[i] = colType{name: strings.ToLower(names[i]), typ: c.typ, num: c.num, text: c.text, full: c.full, shape: c.shape}
		if i < len(stored) {
			out[i].stored = stored[i]
		}
	}
	return out, true
}

// queryTypes are the output columns of a query with their static types: a
// column has a type when every body of a UNION gives it that type.
func (t *translator) queryTypes(q *node) ([]colType, bool) {
	for q.kind == nSubquery {
		q = q.x
	}
	if hasByName(q) {
		return t.byNameTypes(q)
	}
	bodies := []*node{q}
	if q.kind == nQuery {
		bodies = q.list
	}
	var out []colType
	for i, b := range bodies {
		for b.kind == nSubquery || b.kind == nQuery && len(b.list) == 1 {
			if b.kind == nSubquery {
				b = b.x
			} else {
				b = b.list[0]
			}
		}
		var cols []colType
		complete := true
		switch b.kind {
		case nSelect:
			cols, complete = t.selectTypes(b)
		case nValues:
			cols = t.valuesTypes(b)
		default:
			return nil, false
		}
		if i == 0 {
			if len(bodies) == 1 {
				return cols, complete
			}
			if !complete {
				return nil, false
			}
			out = append([]colType(nil), cols...)
			continue
		}
		if !complete || len(cols) != len(out) {
			return nil, false
		}
		for j, c := range cols {
			out[j].merge(c, t.d)
		}
	}
	return out, true
}

// merge makes c's rows part of the column: a type both give stays, NULL
// literals aside; text beside any other type makes it text in DuckDB, and
// a number in Snowflake, which casts the text to it (set_types.go).
func (o *colType) merge(c colType, d Dialect) {
	switch {
	case c.null:
	case o.null:
		o.typ, o.num, o.null, o.text, o.full = c.typ, c.num, false, c.text, c.full
	default:
		if c.full != o.full {
			o.full = mergeFull(o.full, c.full)
		}
		switch {
		case c.typ == o.typ:
		case isStamp(c.typ) && isStamp(o.typ):
			// a timestamp with a time zone beside one without: the column
			// holds instants, as DuckDB and Snowflake unite them, and a
			// string compared with it is read as one
			o.typ = sqlfunc.KindInstant
		default:
			o.typ = mergeScales(*o, c)
		}
		if d == Snowflake && o.text != c.text {
			o.text, o.num = false, cmp.Or(o.num, c.num)
			return
		}
		o.text = o.text || c.text // DuckDB's UNION of VARCHAR and any other type is VARCHAR
		o.num = mergeNumbers(o.num, c.num)
	}
}

// isStamp tells whether a static type is a timestamp, with or without a
// time zone.
func isStamp(typ string) bool { return typ == sqlfunc.KindInstant || typ == sqlfunc.KindWallClock }

// byNameTypes are the output columns of query q, which has a UNION BY
// NAME, with their static types: each input's column of that name, or of
// that place for an input matched by position, gives its rows.
func (t *translator) byNameTypes(q *node) ([]colType, bool) {
	plan, err := t.byNameColumns(q)
	if err != nil {
		return nil, false
	}
	out := make([]colType, len(plan.cols))
	named := make([]bool, len(plan.cols))
	for j, c := range plan.cols {
		out[j] = colType{name: strings.ToLower(c), null: true}
	}
	for i, b := range q.list {
		cols, complete := t.queryTypes(b)
		if !complete {
			return nil, false
		}
		pick := plan.pick[i]
		if pick == nil {
			if len(cols) != len(out)-plan.pad[i] {
				return nil, false
			}
			for j, c := range cols {
				if !named[j] {
					out[j].stored, named[j] = c.stored, true
				}
				out[j].merge(c, t.d)
			}
			continue
		}
		for j, name := range pick {
			for _, c := range cols {
				if name != "" && strings.EqualFold(c.name, name) {
					if !named[j] {
						// named as the input that brings it first names it
						out[j].stored, named[j] = c.stored, true
					}
					out[j].merge(c, t.d)
				}
			}
		}
	}
	return out, true
}

// selectTypes are the output columns of a SELECT core with their static
// types, * expanded over the relations whose columns are known.
func (t *translator) selectTypes(s *node) ([]colType, bool) {
	if c, ok := t.selTypes[s]; ok {
		return c.cols, c.complete
	}
	sc := s.sel.scope
	if sc == nil || t.typing[s] {
		return nil, false
	}
	t.typing[s] = true
	defer delete(t.typing, s)
	saved := t.sc
	t.sc = sc
	defer func() { t.sc = saved }()
	var out []colType
	complete := true
	for _, it := range s.sel.items {
		if it.kind == nStar {
			for _, r := range s.sel.from {
				f := r.from
				if f.hidden() || it.name != "" && f.aliasOrName() != it.name && f.schema+"."+f.table != it.name {
					continue
				}
				cols, all := t.relTypes(f, sc)
				if !all {
					cols, all = t.tableStarTypes(f, sc, cols)
				}
				if !all {
					complete = false
				}
				for _, c := range cols {
					if !starKeeps(it, c.name) {
						continue
					}
					for _, rep := range it.list2 {
						if rep.name == c.name {
							c.typ, c.num, c.text, c.full, c.shape = t.staticType(rep.x), t.numberType(rep.x), t.textOf(rep.x), t.fullType(rep.x), nil
						}
					}
					if name := t.starName(it, c.name); name != c.name {
						c.name, c.stored = strings.ToLower(name), t.starRenameQuoted(it, c.name)
					}
					out = append(out, c)
				}
			}
			continue
		}
		name := it.name
		if name == "" {
			name = fieldName(t.toks, it.x)
		}
		c := colType{name: name, typ: t.staticType(it.x), num: t.numberType(it.x), null: t.isNull(it.x), text: t.textOf(it.x), stored: t.quotedName(it), full: t.fullType(it.x)}
		if t.d == DuckDB && nested(c.typ) {
			c.shape = t.duckShape(it.x)
		}
		out = append(out, c)
	}
	t.selTypes[s] = selTyped{out, complete}
	return out, complete
}

// tableStarTypes are the columns * reads of table f in the table's order,
// with the types known of them (typed, by name), when its columns are
// known: a union of SELECT * then keeps the types its inputs share. In
// Snowflake only when each column is one the table's types name (typed,
// or known created quoted or not): one of no known type may have been
// created quoted or not (snowflake_names.go).
func (t *translator) tableStarTypes(f *fromInfo, sc *scope, typed []colType) ([]colType, bool) {
	if f.kind != fromTable || len(f.columns) > 0 || t.opts.Columns == nil || f.schema == "" && sc.findCTE(f.table) != nil || t.wildcardName(f) != "" {
		return typed, false
	}
	names, err := t.opts.Columns(f.schema, f.table)
	if err != nil || len(names) == 0 {
		return typed, false
	}
	known := make(map[string]colType, len(typed))
	for _, c := range slices.Backward(typed) {
		known[c.name] = c // the first of a name wins
	}
	out := make([]colType, len(names))
	for i, n := range names {
		name := strings.ToLower(n)
		if c, ok := known[name]; ok {
			out[i] = c
		} else if t.d == Snowflake {
			return typed, false
		} else {
			out[i] = colType{name: name}
		}
	}
	return out, true
}

// selTyped is a SELECT's output columns, kept once worked out.
type selTyped struct {
	cols     []colType
	complete bool
}

// outputTypes are the known static types of the columns the last
// statement of a script selects.
func (t *translator) outputTypes(root *node) map[string]string {
	if t.d == SQLite || len(root.kids) == 0 {
		return nil
	}
	q := root.kids[len(root.kids)-1]
	if cols := t.shown[q]; cols != nil {
		return shownTypes(cols)
	}
	if q.kind != nQuery && q.kind != nSelect {
		return nil
	}
	t.sc = nil
	cols, complete := t.queryTypes(q)
	out := t.typesMap(cols)
	if !complete {
		return out
	}
	for i, c := range cols {
		if c.name == "" && c.typ != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[UnnamedTypePrefix+strconv.Itoa(i)] = c.typ
		}
	}
	return out
}

// UnnamedTypePrefix starts the key of the static type of an output
// column the query leaves unnamed (select max(ts) from t), followed by
// its place (0 for the first column): a query's answer is typed by it
// (run_query's datetimes), while a table built keeps no such column.
const UnnamedTypePrefix = "#"

// IsUnnamedTypeKey tells whether key is one of UnnamedTypePrefix.
func IsUnnamedTypeKey(key string) bool { return strings.HasPrefix(key, UnnamedTypePrefix) }

// typesMap are the known static types of output columns cols, by
// lower-case name, with (Snowflake) the names of those a quoted identifier
// names under quotedPrefix.
func (t *translator) typesMap(cols []colType) map[string]string {
	var out map[string]string
	seen := map[string]bool{}
	for _, c := range cols {
		if seen[c.name] {
			delete(out, c.name) // two columns of one name: which one is read is not known
			delete(out, FullTypePrefix+c.name)
			delete(out, unquotedPrefix+c.name)
			continue
		}
		seen[c.name] = true
		typ := c.typ
		if typ == "" && c.num != "" && (t.d == DuckDB || t.d == BigQuery || t.d == Snowflake && (c.num == "INTEGER" || c.num == "REAL")) {
			// Snowflake's integers are NUMBER(38, 0): a sum of the
			// column divided downstream has 6 digits, as a seed's has
			typ = typeNumber + c.num
		}
		if typ == "" && c.text && (t.d == DuckDB || t.d == Snowflake) {
			typ = TypeText
		}
		if c.stored != "" && t.d == Snowflake && c.name != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[quotedPrefix+c.name] = c.stored
		}
		if num, _ := listNumber(typ); t.d == DuckDB && c.name != "" && nested(typ) && c.shape.tells(num) {
			// what is known of a list's or struct's leaves (nested_shapes.go)
			if out == nil {
				out = map[string]string{}
			}
			out[FullTypePrefix+c.name] = c.shape.typeText()
		}
		if duckIntegerWidths[c.full] != 0 && t.d == DuckDB && c.name != "" && typ == typeNumber+"INTEGER" {
			// an integer's width: arithmetic downstream overflows at it
			if out == nil {
				out = map[string]string{}
			}
			out[FullTypePrefix+c.name] = c.full
		}
		if c.full != "" && t.d == Snowflake && c.name != "" {
			// a declared precision or length (snowflake_declared.go)
			if out == nil {
				out = map[string]string{}
			}
			out[FullTypePrefix+c.name] = c.full
		}
		if c.full != "" && t.d == BigQuery && c.name != "" && c.full != BigQueryColumnType(typ, "") {
			// kept where the flat type does not say it (a DATE's does)
			if out == nil {
				out = map[string]string{}
			}
			out[FullTypePrefix+c.name] = c.full
		}
		if typ == "" && c.stored == "" && c.full == "" && t.d == Snowflake && plainIdentifier.MatchString(c.name) {
			// created unquoted, its type not known: known to be there
			if out == nil {
				out = map[string]string{}
			}
			out[unquotedPrefix+c.name] = "1"
		}
		if typ == "" || c.name == "" {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[c.name] = typ
	}
	return out
}

// valuesTypes are the columns of VALUES (valuesColumn), each of
// the type all its rows give it.
func (t *translator) valuesTypes(v *node) []colType {
	if cols, ok := t.valTypes[v]; ok {
		return cols
	}
	cols := t.valuesTypesOf(v)
	t.valTypes[v] = cols
	return cols
}

func (t *translator) valuesTypesOf(v *node) []colType {
	saved := t.sc
	t.sc = nil
	defer func() { t.sc = saved }()
	var out []colType
	for r, row := range v.kids {
		vals := []*node{row}
		switch row.kind {
		case nTuple:
			vals = row.list
		case nParen:
			vals = []*node{row.x}
		}
		if r == 0 {
			out = make([]colType, len(vals))
			for i := range out {
				out[i] = colType{name: t.valuesColumn(i), null: true}
			}
		}
		if len(vals) != len(out) {
			return nil
		}
		for i, x := range vals {
			if t.isNull(x) {
				continue
			}
			typ, num, text, full := t.staticType(x), t.numberType(x), t.textOf(x), t.fullType(x)
			if out[i].null {
				out[i].typ, out[i].num, out[i].null, out[i].text, out[i].full = typ, num, false, text, full
				continue
			}
			if full != out[i].full {
				out[i].full = mergeFull(out[i].full, full)
			}
			if typ != out[i].typ {
				out[i].typ = mergeScales(out[i], colType{typ: typ, num: num})
			}
			out[i].text = out[i].text && text
			out[i].num = mergeNumbers(out[i].num, num)
		}
	}
	return out
}
