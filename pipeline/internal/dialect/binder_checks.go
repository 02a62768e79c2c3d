package dialect

// Checks the warehouses make when they bind a query and SQLite makes with
// no place in the model (a column number out of range, an IN subquery's
// width) or not at all (DuckDB's ORDER BY of a constant).

import (
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// refuseLiteralOrder refuses, in DuckDB, a term of the ORDER BY o of a
// query or an aggregate that is a literal other than an integer ('x',
// 1.5, NULL, TRUE): DuckDB fails on it ("ORDER BY non-integer literal has
// no effect"), where SQLite orders by the constant, which keeps any order.
// An integer is a column's number; a window's ORDER BY takes any literal.
func (t *translator) refuseLiteralOrder(o *node) {
	if t.d != DuckDB || o == nil {
		return
	}
	for _, it := range o.list {
		if it.kind != nOrder || it.x == nil {
			continue
		}
		x := unparen(it.x)
		if x.kind == nUnary && x.x != nil && (x.name == "-" || x.name == "+") {
			x = unparen(x.x)
		}
		literal := isBoolOrNullWord(t, x) || x.kind == nString
		if x.kind == nLit && x.start+1 == x.end {
			switch tok := t.toks[x.start]; tok.kind {
			case kString:
				literal = true
			case kNumber:
				literal = strings.ContainsAny(tok.text, ".eE")
			}
		}
		if literal {
			t.refuse(it.x.start, refOrderLiteral, strings.TrimSpace(t.source(it.x)))
		}
	}
}

// refuseOutOfRange refuses a column number of query q's ORDER BY, or of
// its first SELECT's GROUP BY, that names no column of the select list
// (ORDER BY 3 of two columns, ORDER BY 0, -1), as the warehouses refuse it,
// at its line: SQLite's error gives no place. A list with * or an item
// making several columns is not counted.
func (t *translator) refuseOutOfRange(q *node) {
	if t.d == SQLite || len(q.list) == 0 || q.list[0].kind != nSelect {
		return
	}
	s := q.list[0]
	n, ok := selectWidth(s)
	if !ok {
		return
	}
	check := func(clause string, x *node) {
		v, ok := t.itemNumber(x)
		if ok && (v < 1 || v > n) {
			t.refuse(x.start, refColumnNumber, clause, v, n)
		}
	}
	if q.y != nil {
		for _, it := range q.y.list {
			if it.kind == nOrder && it.x != nil {
				check("ORDER BY", it.x)
			}
		}
	}
	if g := s.sel.group; g != nil && len(q.list) == 1 && g.name != "all" {
		for _, k := range g.kids {
			check("GROUP BY", k)
		}
	}
}

// itemNumber is the value of x when it is an integer literal, signed or
// not: a column's number in ORDER BY and GROUP BY.
func (t *translator) itemNumber(x *node) (int, bool) {
	sign := 1
	if x.kind == nUnary && x.x != nil && (x.name == "-" || x.name == "+") {
		if x.name == "-" {
			sign = -1
		}
		x = x.x
	}
	if x.kind != nLit || x.start+1 != x.end || t.toks[x.start].kind != kNumber {
		return 0, false
	}
	v, err := strconv.Atoi(t.toks[x.start].text)
	return sign * v, err == nil
}

// selectWidth is the number of columns SELECT s gives; false when it is
// not told by counting its items (*, an item making several columns, AS
// STRUCT).
func selectWidth(s *node) (int, bool) {
	if s.kind != nSelect || s.sel.asStruct || s.sel.asValue {
		return 0, false
	}
	n := 0
	for _, it := range s.sel.items {
		if it.kind != nItem || it.x == nil || expands(it.x) {
			return 0, false
		}
		n++
	}
	return n, true
}

// refuseInWidth refuses x IN (SELECT ...) whose select gives another number
// of columns than x has, as the warehouses refuse it, at the subquery's
// line: SQLite's error ("sub-select returns 2 columns") gives no place.
func (t *translator) refuseInWidth(x, sub *node) {
	if t.d == SQLite || sub.x == nil || sub.x.kind != nQuery || len(sub.x.list) == 0 {
		return
	}
	n, ok := selectWidth(sub.x.list[0])
	want := 1
	if x.kind == nTuple {
		want = len(x.list)
	} else if x.kind == nCall || x.kind == nStruct {
		return // row(a, b), a struct: DuckDB may compare it field by field
	}
	if ok && n != want {
		t.refuse(sub.start, refInWidth, n, want)
	}
}

// refuseScalarWidth refuses a subquery read as one value (a select item,
// an operand, an argument) whose select gives several columns, as the
// warehouses refuse it, at the subquery's line: SQLite's error ("sub-select
// returns 2 columns") gives no place. BigQuery's SELECT AS STRUCT is one
// value; a subquery beside a tuple ((a, b) = (SELECT x, y)) compares rows
// in Snowflake and BigQuery (DuckDB refuses it too).
func (t *translator) refuseScalarWidth(n *node) {
	if t.d == SQLite {
		return
	}
	switch n.kind {
	case nCall:
		if n.name == "any" || n.name == "all" || n.name == "some" {
			return
		}
	case nBinary:
		if t.d != DuckDB && (n.x != nil && n.x.kind == nTuple || n.y != nil && n.y.kind == nTuple) {
			return
		}
	case nIn:
		t.refuseScalarSub(n.x)
		return
	case nItem, nCast, nCase, nBetween, nUnary, nParen, nIs:
	default:
		return
	}
	for _, k := range n.kids {
		t.refuseScalarSub(k)
	}
}

func (t *translator) refuseScalarSub(x *node) {
	if x == nil || x.kind != nSubquery || x.x == nil || x.x.kind != nQuery || len(x.x.list) == 0 {
		return
	}
	if n, ok := selectWidth(x.x.list[0]); ok && n > 1 {
		t.refuse(x.start, refScalarWidth, n)
	}
}

// refuseUngrouped refuses, in the warehouse dialects, a column of a grouped
// SELECT s (GROUP BY, or an aggregate in its select list or HAVING) read
// outside an aggregate in its select list, HAVING or its query's ORDER BY
// when it is not grouped (select a, sum(b) from t; group by a with b
// selected): each warehouse fails on it ("column b must appear in the GROUP
// BY clause"), where SQLite takes the value of an arbitrary row. Only what
// is certain is refused: a name that one relation of s alone has, read
// bare or under operators, CASE, casts and the functions groupedScalars
// names; a GROUP BY item that cannot be read, ROLLUP and the like,
// *, or a select without known columns leave the select as written.
func (t *translator) refuseUngrouped(s *node) {
	info := s.sel
	if t.d == SQLite || info.distinctOn != nil || info.asStruct || info.asValue || len(info.from) == 0 {
		return
	}
	grouped := info.group != nil || info.having != nil && aggregatesHere(info.having)
	for _, it := range info.items {
		if it.kind != nItem || it.x == nil || expands(it.x) {
			return
		}
		grouped = grouped || aggregatesHere(it.x)
	}
	if !grouped {
		return
	}
	rels := t.knownColumns(s)
	keys, texts := map[string]bool{}, map[string]bool{}
	aliases := map[string]*node{}
	for _, it := range info.items {
		if it.name != "" {
			aliases[strings.ToLower(it.name)] = it.x
		}
	}
	add := func(x *node) bool {
		if x.kind == nName {
			k, ok := rels.columnKey(t, x)
			keys[k] = true
			return ok
		}
		texts[t.exprKey(x)] = true
		return true
	}
	if g := info.group; g != nil {
		if g.name == "all" {
			return
		}
		for _, k := range g.kids {
			x := unparen(k)
			switch {
			case x.kind == nTuple || x.kind == nExpr || x.start >= x.end:
				return // ROLLUP, CUBE, GROUPING SETS, (a, b), ()
			case x.kind == nCall && (x.name == "rollup" || x.name == "cube" || x.name == "grouping"):
				return
			case x.kind == nLit:
				v, ok := t.itemNumber(x)
				if !ok || v < 1 || v > len(info.items) {
					return
				}
				x = info.items[v-1].x
			case x.kind == nName && len(x.parts) == 1:
				if _, ok := rels.columnKey(t, x); !ok {
					a := aliases[strings.ToLower(identName(t.toks[x.parts[0]]))]
					if a == nil {
						return // a name not told: every check would be unsure
					}
					x = a
				}
			}
			if !add(x) {
				return
			}
		}
	}
	var check func(x *node, aliased bool) *node
	check = func(x *node, aliased bool) *node {
		if texts[t.exprKey(x)] {
			return nil
		}
		switch x.kind {
		case nName:
			if aliased && len(x.parts) == 1 && aliases[strings.ToLower(identName(t.toks[x.parts[0]]))] != nil {
				return nil // a select alias (HAVING, ORDER BY)
			}
			if k, ok := rels.columnKey(t, x); ok && !keys[k] {
				return x
			}
			return nil
		case nCall:
			if x.x != nil && x.x.kind == nWindow {
				break // a window runs on the groups: its arguments and clauses read them
			}
			if x.x != nil || len(x.parts) > 1 || !groupedScalars[x.name] {
				return nil // an aggregate, or a function not known to be neither
			}
		case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda, nListFor, nStar:
			return nil
		}
		for _, k := range x.kids {
			if bad := check(k, aliased); bad != nil {
				return bad
			}
		}
		return nil
	}
	var terms []*node
	for _, it := range info.items {
		terms = append(terms, it.x)
	}
	firstAliased := len(terms)
	if info.having != nil {
		terms = append(terms, info.having)
	}
	if info.order != nil {
		for _, o := range info.order.list {
			if o.kind == nOrder && o.x != nil {
				terms = append(terms, o.x)
			}
		}
	}
	for i, x := range terms {
		if bad := check(x, i >= firstAliased); bad != nil {
			t.refuse(bad.start, refUngrouped, t.source(bad))
			return
		}
	}
}

// groupedScalars are functions of every warehouse that aggregate nothing,
// whose arguments refuseUngrouped reads: a function it does not know may
// be an aggregate, which reads any column.
var groupedScalars = map[string]bool{
	"coalesce": true, "ifnull": true, "nvl": true, "nullif": true, "upper": true, "lower": true, "trim": true,
	"ltrim": true, "rtrim": true, "concat": true, "substr": true, "substring": true, "length": true, "round": true,
	"abs": true, "replace": true, "left": true, "right": true,
}

// aggregatesHere tells whether x calls an aggregate function outside the
// subqueries it holds.
func aggregatesHere(x *node) bool {
	switch {
	case isAggregateCall(x):
		return true
	case x.kind == nSubquery || x.kind == nExists || x.kind == nArraySub || x.kind == nQuery || x.kind == nSelect:
		return false
	}
	for _, k := range x.kids {
		if aggregatesHere(k) {
			return true
		}
	}
	return false
}

// fromColumns are the columns of each FROM item of a SELECT, read once;
// err[i] is why item i's are not known.
type fromColumns struct {
	from []*node
	cols [][]string
	err  []error
}

// knownColumns reads the columns of the FROM items of SELECT s.
func (t *translator) knownColumns(s *node) fromColumns {
	c := fromColumns{from: s.sel.from, cols: make([][]string, len(s.sel.from)), err: make([]error, len(s.sel.from))}
	for i, r := range s.sel.from {
		c.cols[i], c.err[i] = t.relColumns(r.from, s.sel.scope)
	}
	return c
}

// columnKey is the column of a FROM item that name n reads, as
// "position.column"; false when no item alone has it, or their columns are
// not all known.
func (c fromColumns) columnKey(t *translator, n *node) (string, bool) {
	name := strings.ToLower(identName(t.toks[n.parts[len(n.parts)-1]]))
	found := ""
	for i, r := range c.from {
		switch len(n.parts) {
		case 1:
		case 2:
			if !strings.EqualFold(r.from.aliasOrName(), identName(t.toks[n.parts[0]])) {
				continue
			}
		default:
			return "", false
		}
		if c.err[i] != nil {
			return "", false
		}
		if containsFold(c.cols[i], name) {
			if found != "" {
				return "", false
			}
			found = strconv.Itoa(i) + "." + name
		}
	}
	return found, found != ""
}

// exprKey is x's text as written, in lower case, without spaces and
// comments: two spellings of one expression in a SELECT and its GROUP BY.
func (t *translator) exprKey(x *node) string {
	var b strings.Builder
	for i := x.start; i < x.end; i++ {
		if k := t.toks[i].kind; k == kSpace || k == kComment {
			continue
		}
		if t.toks[i].kind == kString {
			b.WriteString(t.toks[i].text)
		} else {
			b.WriteString(strings.ToLower(t.toks[i].text))
		}
	}
	return b.String()
}

// duckTextArgs are DuckDB's functions taking text only at the argument
// places listed, with no overload for a number, a date, a timestamp or a
// boolean there, and no implicit cast of those to VARCHAR: DuckDB's binder
// refuses substring(INTEGER, ...) (No function matches), where SQLite
// reads the number's text.
var duckTextArgs = map[string][]int{
	"substring": {0}, "substr": {0}, "length": {0}, "len": {0}, "lower": {0}, "lcase": {0}, "upper": {0}, "ucase": {0},
	"reverse": {0}, "ascii": {0}, "unicode": {0}, "md5": {0}, "sha1": {0}, "sha256": {0}, "strip_accents": {0},
	"bit_length": {0}, "left": {0}, "right": {0}, "repeat": {0}, "lpad": {0, 2}, "rpad": {0, 2},
	"trim": {0, 1}, "ltrim": {0, 1}, "rtrim": {0, 1}, "replace": {0, 1, 2}, "translate": {0, 1, 2},
	"strpos": {0, 1}, "instr": {0, 1}, "position": {0, 1}, "starts_with": {0, 1}, "ends_with": {0, 1},
	"prefix": {0, 1}, "suffix": {0, 1}, "contains": {0}, "split_part": {0, 1}, "string_split": {0, 1},
	"str_split": {0, 1}, "string_to_array": {0, 1}, "regexp_matches": {0}, "regexp_full_match": {0},
	"regexp_extract": {0}, "regexp_extract_all": {0}, "regexp_replace": {0}, "regexp_split_to_array": {0},
	"levenshtein": {0, 1}, "damerau_levenshtein": {0, 1}, "hamming": {0, 1}, "mismatches": {0, 1},
	"jaccard": {0, 1}, "jaro_similarity": {0, 1}, "jaro_winkler_similarity": {0, 1},
}

// refuseTextArgs refuses, in DuckDB, a call of a function of duckTextArgs
// whose text argument is known to be no text (a number, a DATE, a
// timestamp, a TIME or a BOOLEAN), as DuckDB's binder refuses it.
func (t *translator) refuseTextArgs(n *node, args []*node) {
	places, ok := duckTextArgs[n.name]
	if t.d != DuckDB || !ok || len(n.parts) > 1 || n.x != nil {
		return
	}
	for _, i := range places {
		if i >= len(args) {
			break
		}
		if typ := t.nonText(args[i]); typ != "" {
			t.refuse(args[i].start, refTextArg, n.name, strings.TrimSpace(t.source(args[i])), typ)
		}
	}
}

// nonText is DuckDB's type of x where x is known to be no VARCHAR: a
// number, a DATE, a timestamp, a TIME or a BOOLEAN; "" for text, NULL,
// a list, or a value whose type is not known.
func (t *translator) nonText(x *node) string {
	if t.isNull(x) || x.kind == nString || t.textOf(x) {
		return ""
	}
	typ := t.staticType(x)
	if typ == TypeList || typ == TypeStruct {
		return "" // a list of numbers is known by its leaves' type too
	}
	if _, param := t.lambdaParamNumber(x); param && x.kind == nName {
		return "" // an element of a list of lists has its leaves' type
	}
	if num := t.numberType(x); num != "" {
		switch full := t.fullType(x); {
		case full != "":
			return full
		case num == "REAL":
			return "DOUBLE"
		case strings.HasPrefix(num, "DECIMAL"):
			return "DECIMAL"
		}
		return "number"
	}
	switch typ {
	case TypeDate, TypeBool, TypeTime:
		return typ
	case sqlfunc.KindInstant:
		return "TIMESTAMP WITH TIME ZONE"
	case sqlfunc.KindWallClock:
		return "TIMESTAMP"
	}
	return ""
}

// refuseLikeText refuses, in DuckDB, x LIKE p, ILIKE, GLOB, SIMILAR TO and
// ~ where x or p is known to be no text, as DuckDB's binder refuses them
// (~~(TIMESTAMP, STRING_LITERAL)), where SQLite matches the value's text.
func (t *translator) refuseLikeText(n *node) {
	op := map[string]string{"like": "LIKE", "ilike": "ILIKE", "glob": "GLOB", "similar": "SIMILAR TO", "regexp_matches": "~"}[n.name]
	if t.d != DuckDB || op == "" || n.tok2 >= 0 {
		return
	}
	for _, x := range []*node{n.x, n.y} {
		if x == nil {
			continue
		}
		if typ := t.nonText(x); typ != "" {
			t.refuse(x.start, refTextArg, op, strings.TrimSpace(t.source(x)), typ)
		}
	}
}
