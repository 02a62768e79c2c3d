package dialect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// scope is what names mean at a point of a query: the relations of the
// enclosing SELECTs (innermost first) and the CTEs in view.
type scope struct {
	parent *scope
	rels   []*node          // nFrom nodes of this SELECT
	ctes   map[string]*node // CTE name -> its query
	with   []*node          // the nCTE nodes of the WITH that made ctes
	sel    *node            // the SELECT, when this is one
	// aliases of the select list, for QUALIFY: name -> expression
	aliases map[string]*node
	// inputCols are the lower-case column names of rels, for lateral
	// aliases; inputKnown is false when some are not known.
	inputCols  map[string]bool
	inputKnown bool
}

func (s *scope) findRel(name string) *fromInfo {
	for ; s != nil; s = s.parent {
		for _, r := range s.rels {
			if r.from.alias == name {
				return r.from
			}
		}
	}
	return nil
}

// findOffset finds the relation whose WITH OFFSET alias is name.
func (s *scope) findOffset(name string) *fromInfo {
	if name == "" {
		return nil // no offset's name: an item without WITH OFFSET has none
	}
	for ; s != nil; s = s.parent {
		for _, r := range s.rels {
			if r.from.offset == name {
				return r.from
			}
		}
	}
	return nil
}

// rewritePositional writes Snowflake's $1, $2 ... (the columns of the one
// FROM item, by place) and t.$1 (those of FROM item t) as the column's
// name: SQLite would read $1 as a parameter, NULL, and t.$1 not at all.
func (t *translator) rewritePositional(n *node, sc *scope) {
	if !t.isPositional(n) {
		return
	}
	rel, cols, i := t.positional(n, sc)
	if rel != nil && rel.stage {
		return // refused as a staged file
	}
	if rel == nil || i < 0 || i >= len(cols) {
		t.refuse(n.start, refPositional)
		return
	}
	name := quoteIdent(cols[i])
	if len(n.parts) > 0 {
		name = t.nameText(n, len(n.parts)) + "." + name
	} else if r := rel.aliasOrName(); r != "" {
		name = quoteIdent(r) + "." + name
	}
	n.print = printAs(name)
}

// isPositional tells whether n is Snowflake's $1 or t.$1.
func (t *translator) isPositional(n *node) bool {
	return t.d == Snowflake && n.kind == nParam && (len(n.parts) > 0 ||
		n.end-n.start == 2 && t.toks[n.start].text == "$" && t.toks[n.start+1].kind == kNumber)
}

// positional resolves $n or t.$n: the FROM item it reads, that item's
// columns and the 0-based place of n among them (out of range when there
// is none); rel is nil when the item is not known.
func (t *translator) positional(n *node, sc *scope) (rel *fromInfo, cols []string, i int) {
	num := n.start + 1
	if len(n.parts) > 0 {
		num = n.tok
		rel = t.positionalRel(n, sc)
	} else if sc != nil && len(sc.rels) == 1 {
		rel = sc.rels[0].from
	}
	k, err := strconv.Atoi(t.toks[num].text)
	if rel == nil || rel.stage || err != nil {
		return rel, nil, -1
	}
	cols, err = t.relColumns(rel, sc)
	if err != nil {
		return rel, nil, -1
	}
	return rel, cols, k - 1
}

// scopeOf is the scope, from the current one outwards, whose FROM list
// holds r: the CTEs r may name are those seen from there.
func (t *translator) scopeOf(r *fromInfo) *scope {
	s := t.sc
	for s != nil && !containsFrom(s.rels, r) {
		s = s.parent
	}
	return s
}

// positionalType is the static type of the column $n or t.$n reads.
func (t *translator) positionalType(n *node) colType {
	rel, cols, i := t.positional(n, t.sc)
	if rel == nil || i < 0 || i >= len(cols) {
		return colType{}
	}
	types, _ := t.relTypes(rel, t.scopeOf(rel))
	for _, c := range types {
		if strings.EqualFold(c.name, cols[i]) {
			return c
		}
	}
	return colType{}
}

// positionalRel is the FROM item the qualifier of t.$2 names: an alias, or
// a table's [schema.]name, in this SELECT or an enclosing one.
func (t *translator) positionalRel(n *node, sc *scope) *fromInfo {
	parts := make([]string, len(n.parts))
	for i, k := range n.parts {
		parts[i] = identName(t.toks[k])
	}
	switch len(parts) {
	case 1:
		if r := sc.findRel(parts[0]); r != nil {
			return r
		}
	case 2:
		if r := sc.findTable(parts[0], parts[1]); r != nil && r.alias == r.table {
			return r
		}
	}
	return nil
}

// findFlatten finds the nearest FLATTEN (not a SPLIT_TO_TABLE) in scope.
func (s *scope) findFlatten() *fromInfo {
	for ; s != nil; s = s.parent {
		for _, r := range s.rels {
			if f := r.from; f.kind == fromUnnest && f.flatten && f.split == "" {
				return f
			}
		}
	}
	return nil
}

// flattenColumn is column col of the FLATTEN aliased rel, read from its
// json_each: an array's elements have an index and no key, an object's a
// key and no index, and a path is written without json_each's leading $
// and dot; "" for the columns json_each has as they are.
func flattenColumn(rel, col string) string {
	switch col {
	case "index":
		return "(CASE WHEN typeof(" + rel + ".key) = 'integer' THEN " + rel + ".key END)"
	case "key":
		return "(CASE WHEN typeof(" + rel + ".key) = 'text' THEN " + rel + ".key END)"
	case "path":
		return "ltrim(substr(" + rel + ".fullkey, 2), '.')"
	}
	return ""
}

// flattenStarColumn is column c of FLATTEN or SPLIT_TO_TABLE r as * lists
// it, "" for SEQ, which flattenSeqColumn gives.
func flattenStarColumn(r *fromInfo, c string) string {
	rel := quoteIdent(r.aliasOrName())
	e := rel + "." + c
	switch {
	case c == "seq":
		return ""
	case r.split != "" && c == "index":
		e = "(" + rel + ".key + 1)" // SPLIT_TO_TABLE counts from 1
	case c == "this" && r.split == "":
		e = "json_extract(" + rel + ".json, " + rel + ".root)"
	case c != "value":
		e = flattenColumn(rel, c)
	}
	return e + " AS " + quoteIdent(c)
}

// shadowsUnnest tells whether name, which names the element of UNNEST u of
// an enclosing SELECT, is first a column of a table of a SELECT nested
// inside it: in (SELECT MAX(d) FROM t) under FROM UNNEST(...) d, d is t's
// column, as a name is looked up from the innermost SELECT out. A table
// whose columns are not known shadows nothing.
func (t *translator) shadowsUnnest(name string, u *fromInfo, sc *scope) bool {
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			if r.from == u {
				return false
			}
		}
		for _, r := range s.rels {
			if f := r.from; f.kind != fromUnnest && f.kind != fromGroup {
				if cols, err := t.relColumns(f, s); err == nil && containsFold(cols, name) {
					return true
				}
			}
		}
	}
	return false
}

// findUnnestColumn finds the UNNEST named by an alias list t(name).
func (s *scope) findUnnestColumn(name string) *fromInfo {
	for ; s != nil; s = s.parent {
		for _, r := range s.rels {
			if f := r.from; f.kind == fromUnnest && len(f.columns) == 1 && f.columns[0] == name {
				return f
			}
		}
	}
	return nil
}

func (s *scope) findTable(schema, table string) *fromInfo {
	for ; s != nil; s = s.parent {
		for _, r := range s.rels {
			if f := r.from; f.kind == fromTable && (f.schema == schema || f.written == schema) && f.table == table {
				return f
			}
		}
	}
	return nil
}

func (s *scope) findCTE(name string) *node {
	for ; s != nil; s = s.parent {
		if q, ok := s.ctes[name]; ok {
			return q
		}
	}
	return nil
}

// walk sets the rewrites of n and its kids.
func (t *translator) walk(n *node, sc *scope) {
	saved := t.sc
	t.sc = sc
	defer func() { t.sc = saved }()
	t.tupleValues(n) // before the rewrites of n, which type its kids
	t.refuseScalarWidth(n)
	switch n.kind {
	case nQuery:
		t.walkQuery(n, sc)
		return
	case nSelect:
		t.walkSelect(n, sc)
		return
	case nName:
		if t.sequenceName(n) {
			break
		}
		t.refuseUnquotedQuoted(n, sc)
		t.refuseQuotedUnquoted(n, sc)
		t.rewriteName(n, sc)
		if n.print == nil && sc != nil { // a column, not a statement's word
			for _, k := range n.parts {
				t.quoteKeyword(k)
			}
		}
	case nItem:
		if n.tok >= 0 && n.name != "" {
			t.quoteKeyword(n.tok)
		}
		if n.name == "" && n.x != nil && t.isPositional(n.x) {
			// Snowflake names the column $2, not as the column it reads
			n.x.post += " AS " + quoteIdent(fieldName(t.toks, n.x))
		}
	case nParam:
		t.rewritePositional(n, sc)
	case nParen:
		if n.name == "operator call" {
			// add(a, b) read as (a + b): the name goes, the comma is the operator
			t.pr.setTok(n.tok, "")
			t.pr.setTok(n.x.tok, " "+n.x.name)
		}
	case nCall:
		t.refuseLiteralOrder(n.y)
		t.refuseTextCall(n)
		t.rewriteCall(n, sc)
		t.typeLiterals(n)
	case nCase:
		t.refuseTextMix("CASE", caseBranches(n)...)
		t.typeLiterals(n)
		t.caseInstants(n)
	case nPostfix:
		t.refuseCollation(n)
	case nIs:
		t.rewriteIs(n)
		t.isInstants(n)
	case nCast:
		t.rewriteCast(n)
	case nBinary:
		if arithmetic[n.name] {
			t.refuseTextMix("the "+n.name+" operator", n.x, n.y)
		}
		t.rewriteBinary(n)
		t.arithmeticLiterals(n)
	case nLike:
		t.rewriteLike(n)
	case nString:
		t.rewriteString(n)
	case nIndex:
		t.rewriteIndex(n)
	case nArray:
		t.rewriteArray(n)
	case nListFor:
		t.rewriteComprehension(n)
	case nArraySub:
		t.rewriteArraySub(n)
	case nStruct:
		t.rewriteStruct(n)
	case nMap:
		t.rewriteMap(n)
	case nField:
		t.rewriteField(n)
	case nPath:
		t.rewritePath(n)
	case nExtract:
		t.rewriteExtract(n)
	case nInterval:
		t.rewriteInterval(n)
	case nTyped:
		t.rewriteTyped(n)
	case nIn:
		t.rewriteIn(n)
	case nUnary:
		t.refuseTextNegate(n)
		if t.hasIntervals() {
			t.rewriteIntervalNeg(n)
		}
		t.rewriteDoubleNeg(n)
	case nBetween:
		if !t.compareIntervals(n.x, n.y, n.z) {
			t.compareTimestamps(n.x, n.y, n.z)
			t.orderCompared(n.x, n.y, n.z)
			t.refuseTextOrder(n.x, n.y, n.z)
			t.refuseTextNumber("between", n.x, n.y, n.z)
			t.compareLiterals(n.x, n.y, n.z)
		}
	case nOrder:
		t.rewriteOrder(n)
	case nExpr:
		if n.name == "over" {
			t.rangeFrame(n)
		}
		if n.name == "fetch" {
			t.rewriteFetch(n)
		}
		if n.name == "offset" && (t.d == Snowflake || t.d == DuckDB) {
			// OFFSET m alone skips m rows and keeps the rest; SQLite
			// takes OFFSET only after a LIMIT, where -1 is no limit
			t.pr.setTok(skipSpace(t.toks, n.start), "LIMIT -1 "+t.toks[skipSpace(t.toks, n.start)].text)
		}
	case nFrom:
		t.rewriteFrom(n, sc)
	case nSoup, nRaw:
		if what := t.fileStatement(n); what != "" {
			// the whole statement is refused: its parts (BigQuery's
			// FILES(...)) are not the warehouse's functions to check
			t.refuse(n.start, refFileStatement, what)
			return
		}
		if t.inertStatement(n) || t.refuseExternalObject(n) || t.refuseFunction(n) || t.refuseProcedure(n) || t.sequenceStatement(n) || t.showSequences(n) || t.showTerseSchemas(n) || t.showNone(n) {
			return // its words are its own, no expressions to read
		}
		t.refuseTokens(n)
		if n.kind == nSoup {
			t.rewriteSoup(n)
			sc = t.soupScope(n, sc)
			for _, k := range n.kids {
				if k.kind == nQuery {
					t.inserted[k] = true
				}
			}
		}
	case nCreate:
		t.rewriteCreate(n)
		if n.create.query != nil {
			t.walk(n.create.query, sc)
		}
		return
	case nAlter:
		t.rewriteAlter(n)
		return
	case nTable:
		t.tableName(n, false)
	}
	if n.kind == nCase && t.d == Snowflake {
		t.coalesceNumbers(caseBranches(n)) // THEN '10' ELSE 9: a number (compare_literals.go)
		t.caseValues(n)                    // CASE 1 WHEN '1
	}
	switch n.kind {
	case nBinary, nCall, nCase, nCast:
		t.exactNumbers(n)
		t.roundToScale(n) // Snowflake (decimals.go)
		t.roundNumeric(n) // BigQuery (numeric_bigquery.go)
	case nUnary:
		t.exactNumbers(n)
	}
	var aliases map[int]bool
	if n.kind == nSoup {
		aliases = t.soupAliases(n)
	}
	for _, k := range n.kids {
		if aliases != nil && k.kind == nName && len(k.parts) == 1 && aliases[k.parts[0]] {
			continue // UPDATE t AS s: s is declared, no value
		}
		t.walk(k, sc)
	}
}

// walkQuery walks a query: its CTEs in order (each seeing the ones before
// it), its bodies, and ORDER BY in the scope of a lone SELECT.
func (t *translator) walkQuery(q *node, sc *scope) {
	t.refuseLiteralOrder(q.y)
	t.refuseOutOfRange(q)
	inner := sc
	if q.x != nil {
		inner = &scope{parent: sc, ctes: map[string]*node{}, with: q.x.list}
		for _, c := range q.x.list {
			t.quoteKeyword(c.tok)
			inner.ctes[c.name] = c.x // visible to itself: WITH RECURSIVE
			if names := t.cteColumnList(c); names != nil && t.d == BigQuery {
				t.refuse(c.kids[0].start, refCTEColumns)
			} else if names != nil {
				t.renamed[c.x] = names
				t.renamedStored[c.x] = t.quotedList(c.kids[0].list)
			}
			if t.toks[q.x.start+2].lower == "recursive" || t.toks[q.x.start+1].lower == "recursive" {
				t.recursive[c.x] = true
				t.refuseRecursiveSteps(c.x, c.name)
			}
			t.walk(c.x, t.cteScope(q, c, inner))
		}
	}
	for _, op := range q.list2 {
		if op.tok >= 0 { // UNION DISTINCT is UNION
			t.pr.dropTok(op.tok)
			t.pr.dropTok(op.tok - 1)
		}
		if t.toks[op.start].lower == "minus" {
			t.pr.setTok(op.start, "EXCEPT")
		}
	}
	t.rewriteValues(q)
	if t.d == BigQuery {
		setStructNames(q)
	}
	if len(q.list) == 1 && q.list[0].kind == nSelect && q.y != nil && q.y.name != "all" {
		q.list[0].sel.order = q.y
	}
	for _, b := range q.list {
		t.walk(b, inner)
	}
	t.unparenBodies(q)
	t.realColumns(q) // once the bodies' scopes are known
	t.setColumnTypes(q)
	if q.y != nil && q.y.name == "all" {
		t.rewriteOrderAll(q)
	}
	orderScope := inner
	if len(q.list) == 1 && q.list[0].kind == nSelect {
		orderScope = q.list[0].sel.scope
	}
	saved := t.ordering
	t.ordering = orderScope
	for _, k := range q.kids {
		if k == q.x || containsNode(q.list, k) || containsNode(q.list2, k) {
			continue
		}
		t.walk(k, orderScope)
	}
	t.ordering = saved
	for _, b := range q.list {
		if b.kind == nSelect && b.sel.hier != nil {
			var order *node // LEVEL and the rest in the ORDER BY of its own query
			if len(q.list) == 1 {
				order = q.y
			}
			t.rewriteHierarchy(b, order)
		}
	}
	t.refuseSetOps(q, t.orderCompound(q))
	t.groupingSetsOrder(q)
	t.rewriteLimitPercent(q)
	for _, b := range q.list {
		if b.kind == nSelect && b.sel.distinctOn != nil {
			var order *node // the first row of a key is in the order of the query's ORDER BY
			if len(q.list) == 1 {
				order = q.y
			}
			t.rewriteDistinctOn(b, order)
		}
	}
	if hasByName(q) {
		t.rewriteByName(q) // around the bodies as rewritten
	}
	t.rewriteTop(q)
	t.chunkUnionAll(q)
}

// cteColumnList is the column list of a CTE written name (a, b) AS (...),
// which names its columns by position; nil without one.
func (t *translator) cteColumnList(c *node) []string {
	if len(c.kids) < 2 || c.kids[0].kind != nRaw {
		return nil
	}
	names := make([]string, len(c.kids[0].list))
	for i, k := range c.kids[0].list {
		names[i] = nameAsWritten(t.toks[k.tok])
	}
	return names
}

func containsNode(list []*node, n *node) bool {
	for _, k := range list {
		if k == n {
			return true
		}
	}
	return false
}

// walkSelect walks a SELECT core: FROM items first, whose names the rest
// refers to, then the list and clauses; then the rewrites of the SELECT as a
// whole (star expansion, QUALIFY, trailing comma).
func (t *translator) walkSelect(s *node, sc *scope) {
	info := s.sel
	inner := &scope{parent: sc, rels: info.from, sel: s}
	info.scope = inner
	t.markSelectUnnest(s)
	t.markSelectSeqs(s)
	t.markColumns(s)
	t.selectAsStruct(info)
	if info.fromClause != nil {
		t.walk(info.fromClause, inner)
	}
	t.refuseUngrouped(s)
	if info.asStruct {
		// the fields go into one JSON object, typed by the FROM items
		t.sc = inner
		for _, it := range info.items {
			t.asJSON(it.x)
		}
		t.sc = sc
	}
	if info.qualify != nil {
		inner.aliases = map[string]*node{}
		for _, it := range info.items {
			if it.kind == nItem && it.name != "" {
				inner.aliases[it.name] = it.x
			}
		}
	}
	for _, k := range s.kids {
		if k == info.fromClause {
			continue
		}
		if k == info.qualify {
			t.walk(k, &scope{parent: inner, aliases: inner.aliases})
			continue
		}
		t.walk(k, inner)
	}
	t.rewriteSelect(s)
	t.rewriteSelectUnnest(s)
	if t.outerSelects[s] && t.d == BigQuery {
		t.nameAnonymousItems(s)
	} else if t.outerSelects[s] && t.d == Snowflake {
		t.nameSnowflakeItems(s)
	} else if t.outerSelects[s] {
		t.nameDuckItems(s)
		t.nameDuckRefs(s)
	}
}

// rewriteName resolves a column reference: a field of a struct column or
// of an UNNEST alias becomes json_extract, a bare UNNEST alias its value.
func (t *translator) rewriteName(n *node, sc *scope) {
	parts := make([]string, len(n.parts))
	for i, k := range n.parts {
		parts[i] = identName(t.toks[k])
	}
	if len(parts) >= 4 && t.opts.Schemas.DropsDatabase(parts[0], parts[1], parts[2]) {
		if f := sc.findTable(parts[1], parts[2]); f != nil && f.resolved {
			// database.schema.table.column: the column of a FROM table
			// named with the target's database, which SQLite has not
			for i := n.parts[0]; i < n.parts[1]; i++ {
				t.pr.dropTok(i)
			}
			n.parts, parts = n.parts[1:], parts[1:]
		}
	}
	if len(parts) >= 3 {
		if f := sc.findTable(parts[0], parts[1]); f != nil && f.resolved {
			t.resolveQualifier(n.parts[0], f.schema)
		}
	}
	if len(parts) == 1 {
		if t.clockName(n, parts[0]) || t.duckSessionName(n, parts[0], sc) {
			return
		}
		for s := sc; s != nil; s = s.parent {
			if e, ok := s.aliases[parts[0]]; ok && s.rels == nil {
				// a select alias inside QUALIFY: the expression it names
				n.print = func(pr *printer, n *node) string {
					if pr.expanding[e] {
						// the alias's own expression names it: a column
						return pr.plain(n)
					}
					pr.expanding[e] = true
					defer delete(pr.expanding, e)
					return "(" + pr.text(e) + ")" + pr.carry(n)
				}
				return
			}
			if s.rels != nil {
				break
			}
		}
		if e := t.lateralAlias(n, sc); e != nil {
			t.rewriteLateralAlias(n, e)
			return
		}
	}
	if t.d == SQLite || t.valueTableField(n, parts, sc) || t.implicitField(n, parts, sc) || len(parts) == 1 && t.rowValue(n, parts[0], sc) {
		return
	}
	if len(parts) == 1 {
		if q := t.asofUsingName(parts[0], sc); q != "" {
			// a column of an ASOF join's USING: the left side's
			n.flag2 = true
			n.print = printAs(q)
			return
		}
		n.flag2 = true
		if r := sc.findRel(parts[0]); r != nil && r.kind == fromUnnest && !r.flatten {
			if !t.shadowsUnnest(parts[0], r, sc) {
				n.print = printAs(quoteIdent(r.aliasOrName()) + ".value")
			}
		} else if r := sc.findUnnestColumn(parts[0]); r != nil && !t.shadowsUnnest(parts[0], r, sc) {
			n.print = printAs(quoteIdent(r.aliasOrName()) + ".value")
		} else if r := sc.findOffset(parts[0]); r != nil {
			n.print = printAs(quoteIdent(r.aliasOrName()) + ".key")
		} else if r := sc.findFlatten(); r != nil && parts[0] == "index" {
			// SQLite reserves INDEX: only FLATTEN's can be meant
			n.print = func(pr *printer, n *node) string {
				return printAs(flattenColumn(quoteIdent(r.aliasOrName()), "index"))(pr, n)
			}
		} else if t.duckEachBare(n, parts[0], sc) {
			// DuckDB's json_each column (duck_json_each.go)
		} else if col, ok := t.besideEach(parts[0], sc, t.eachHidden[n]); ok {
			n.print = printAs(col)
		}
		return
	}
	var base string
	var fields []string
	if r := sc.findRel(parts[0]); r != nil {
		switch {
		case r.kind == fromUnnest && r.flatten:
			col, this := parts[1], ""
			switch col {
			case "index":
				col = "key"
				if r.split != "" && len(parts) == 2 {
					// SPLIT_TO_TABLE counts from 1
					n.flag2 = true
					n.print = printAs("(" + t.nameText(n, 1) + ".key + 1)")
					return
				}
			case "this":
				if r.split != "" {
					col = "value"
					break
				}
				// the value flattened: the input, or its member at PATH
				rel := t.nameText(n, 1)
				this = "json_extract(" + rel + ".json, " + rel + ".root)"
				if len(parts) == 2 {
					n.flag2 = true
					n.print = printAs(this)
					return
				}
			case "seq":
				t.refuse(n.start, refFlattenSeq, "SEQ")
				return
			case "path":
				col = "fullkey"
			}
			if r.split == "" && len(parts) == 2 {
				if e := flattenColumn(t.nameText(n, 1), parts[1]); e != "" {
					n.flag2 = true
					n.print = printAs(e)
					return
				}
			}
			base, fields = t.nameText(n, 1)+"."+col, parts[2:]
			if this != "" {
				base = this
			}
		case r.kind == fromUnnest && !r.flatten && (len(r.columns) == 1 && r.columns[0] == parts[1] ||
			t.d == DuckDB && len(r.columns) == 0 && r.fields == nil && (r.alias == parts[1] || r.expr != nil && r.expr.name == parts[1])):
			// u.x of UNNEST(...) AS u(x) is the element itself, as are
			// DuckDB's u.u and u.unnest of unnest(...) AS u, whose column
			// is named u, and also after the function
			base, fields = t.nameText(n, 1)+".value", parts[2:]
			if len(fields) == 0 {
				n.flag2 = true // named x, as the warehouse names it
				n.print = printAs(base)
				return
			}
		case r.kind == fromUnnest:
			base, fields = t.nameText(n, 1)+".value", parts[1:]
		default:
			if len(parts) == 2 && t.duckEach(r) {
				if e, ok := t.duckEachColumn(n, t.nameText(n, 1), parts[1]); ok {
					n.flag2 = true // named as DuckDB names it
					n.print = printAs(e)
				}
				return
			}
			if len(parts) == 2 && t.seriesColumn(r, parts[1]) {
				// r.range of range(3) AS r: its column, named r
				n.flag2 = true // named as written
				n.print = printAs(t.nameText(n, 1) + "." + quoteIdent(r.alias))
				return
			}
			if len(parts) == 2 {
				return
			}
			base, fields = t.nameText(n, 2), parts[2:]
		}
	} else if len(parts) >= 3 && sc.findTable(parts[0], parts[1]) != nil {
		if len(parts) == 3 {
			return
		}
		base, fields = t.nameText(n, 3), parts[3:]
	} else if e := t.lateralAlias(n, sc); e != nil {
		t.rewriteLateralAlias(n, e) // a field of an earlier item: s.x
		return
	} else {
		base, fields = t.nameText(n, 1), parts[1:]
		if r := sc.findUnnestColumn(parts[0]); r != nil && !t.shadowsUnnest(parts[0], r, sc) {
			// u.k of UNNEST(...) AS x(u): a field of the element
			base = quoteIdent(r.aliasOrName()) + ".value"
		} else if col, ok := t.besideEach(parts[0], sc, t.eachHidden[n]); ok {
			base = col
		}
	}
	n.flag2 = true // renamed: the select list keeps its column name
	if len(fields) == 0 {
		n.print = printAs(base)
		return
	}
	if t.d == BigQuery && t.staticType(n) == TypeJSON {
		// a field of BigQuery's JSON is JSON: "x" for a string, as
		// JSON_VALUE and TO_JSON_STRING read it
		n.print = printAs("(" + base + " -> " + sqlString(jsonPath(fields)) + ")")
		return
	}
	n.print = printAs("json_extract(" + base + ", " + sqlString(jsonPath(fields)) + ")")
}

// seriesColumn tells whether col names the one column of DuckDB's
// range(...) or generate_series(...) AS r in FROM after the function:
// DuckDB names it r, and takes the function's name for it too.
func (t *translator) seriesColumn(r *fromInfo, col string) bool {
	return t.d == DuckDB && r.kind == fromFunc && r.aliasStart >= 0 && r.aliasCols == nil && r.alias != col &&
		r.expr != nil && r.expr.kind == nCall && r.expr.name == col && (col == "range" || col == "generate_series")
}

// printAs gives a node the fixed text s, keeping its line breaks: those
// of its tokens that s does not already hold.
func printAs(s string) func(*printer, *node) string {
	return func(pr *printer, n *node) string { return s + pr.carryLess(n, strings.Count(s, "\n")) }
}

// nameText is the first k parts of a dotted name as written.
func (t *translator) nameText(n *node, k int) string {
	var b strings.Builder
	for i := 0; i < k; i++ {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t.identOut(n.parts[i]))
	}
	return b.String()
}

// identOut is an identifier token as SQLite reads it: BigQuery's
// backticks become double quotes.
func (t *translator) identOut(i int) string {
	if q, ok := t.qualifiers[i]; ok {
		return q // a schema by dbt's name (dbt_schemas.go)
	}
	tx := t.toks[i].text
	if t.toks[i].kind == kQuoted && tx[0] == '`' {
		return quoteIdent(tx[1 : len(tx)-1])
	}
	return tx
}

// jsonPath is the JSON path of struct fields a.b.c: '$.a.b.c'.
func jsonPath(fields []string) string {
	var b strings.Builder
	b.WriteString("$")
	for _, f := range fields {
		b.WriteByte('.')
		plain := f != ""
		for i := 0; i < len(f); i++ {
			if !isWordPart(f[i]) {
				plain = false
			}
		}
		if plain {
			b.WriteString(f)
		} else {
			b.WriteString(`"` + f + `"`)
		}
	}
	return b.String()
}

func (f *fromInfo) aliasOrName() string {
	if f.alias != "" {
		return f.alias
	}
	return f.table
}

// relColumns lists the columns a FROM item gives, in order.
func (t *translator) relColumns(f *fromInfo, sc *scope) ([]string, error) {
	if len(f.columns) > 0 {
		return f.columns, nil
	}
	switch f.kind {
	case fromTable:
		if t.wildcardName(f) != "" {
			w := t.wildcardOf(f)
			return w.cols, w.err
		}
		if f.schema == "" {
			if q := sc.findCTE(f.table); q != nil {
				if names, ok := t.renamed[q]; ok {
					return names, nil
				}
				return t.queryColumns(q)
			}
		}
		if t.opts.Columns == nil {
			return nil, fmt.Errorf("the columns of %s are not known here", f.table)
		}
		cols, err := t.opts.Columns(f.schema, f.table)
		if err != nil {
			return nil, err
		}
		if len(cols) == 0 {
			return nil, fmt.Errorf("relation %s does not exist yet", f.table)
		}
		return cols, nil
	case fromQuery:
		return t.queryColumns(f.expr.x)
	case fromUnnest:
		var cols []string
		switch {
		case f.flatten && f.split != "":
			cols = []string{"seq", "index", "value"} // SPLIT_TO_TABLE's
		case f.flatten:
			cols = []string{"seq", "key", "path", "index", "value", "this"} // FLATTEN's
		case f.fields != nil:
			cols = f.fields
		case f.implicit:
			return nil, fmt.Errorf("the fields of UNNEST without an alias are not known here")
		case len(f.columns) == 1 && !f.flatten:
			cols = f.columns // u(x)
		default:
			cols = []string{f.aliasOrName()}
		}
		if f.offsetNode != nil {
			// WITH OFFSET's column follows the element's
			cols = append(cols[:len(cols):len(cols)], f.offset)
		}
		return cols, nil
	case fromFunc:
		if f.expr == nil {
			break
		}
		if name := f.expr.name; name == "json_each" || name == "json_tree" {
			return []string{"key", "value", "type", "atom", "id", "parent", "fullkey", "path"}, nil
		}
	}
	return nil, fmt.Errorf("the columns of this FROM item are not known")
}

// queryColumns lists the output columns of a query: those of its first
// body, or with UNION BY NAME those the bodies give together.
func (t *translator) queryColumns(q *node) ([]string, error) {
	for q.kind == nQuery || q.kind == nSubquery {
		if q.kind == nSubquery {
			q = q.x
			continue
		}
		if hasByName(q) {
			plan, err := t.byNameColumns(q)
			if err != nil {
				return nil, err
			}
			return plan.cols, nil
		}
		q = q.list[0]
	}
	if q.kind == nValues {
		if len(q.kids) == 0 {
			return nil, fmt.Errorf("empty VALUES")
		}
		cols := make([]string, valuesWidth(q))
		for i := range cols {
			cols[i] = t.valuesColumn(i)
		}
		return cols, nil
	}
	return t.selectColumns(q)
}

// selectColumns lists the output columns of a SELECT core, expanding
// stars, each name as written (the warehouse keeps an alias's case).
func (t *translator) selectColumns(s *node) ([]string, error) {
	var out []string
	for _, it := range s.sel.items {
		if it.kind == nStar {
			cols, err := t.starColumns(s, it)
			if err != nil {
				return nil, err
			}
			for _, c := range cols {
				out = append(out, c.name)
			}
			continue
		}
		if cols, err := t.itemColumns(s, it); err != nil || cols != nil {
			if err != nil {
				return nil, err
			}
			for _, c := range cols {
				out = append(out, c.name)
			}
			continue
		}
		name := it.name
		switch {
		case name != "" && it.tok >= 0 && (t.toks[it.tok].kind == kQuoted || t.toks[it.tok].kind == kWord):
			name = nameAsWritten(t.toks[it.tok])
		case name == "" && t.refNames[it] != "":
			name = t.refNames[it] // DuckDB's spelling of a column reference (duck_ref_names.go)
		case name == "" && it.x.kind == nName:
			name = nameAsWritten(t.toks[it.x.parts[len(it.x.parts)-1]])
		case name == "":
			name = fieldName(t.toks, it.x)
		}
		if name == "" {
			return nil, fmt.Errorf("a selected expression has no name")
		}
		out = append(out, name)
	}
	return out, nil
}

// starColumn is one column a star expands to: its name and how to select
// it.
type starColumn struct {
	name, expr string
	replace    *node // REPLACE (expr AS name) item
}

// starColumns expands * or t.* of SELECT s, applying EXCEPT/EXCLUDE and
// REPLACE.
func (t *translator) starColumns(s *node, st *node) ([]starColumn, error) {
	sc := s.sel.scope
	var rels []*fromInfo
	for _, r := range s.sel.from {
		if r.from.hidden() {
			continue
		}
		if st.name == "" || r.from.aliasOrName() == st.name || r.from.schema+"."+r.from.table == st.name {
			rels = append(rels, r.from)
		}
	}
	if len(rels) == 0 && t.d == BigQuery && st.name != "" {
		if fields := t.structStarFields(s, st.name); fields != nil {
			return t.structStarColumns(st, fields)
		}
	}
	if len(rels) == 0 {
		return nil, fmt.Errorf("no relation %s in FROM", st.name)
	}
	var out []starColumn
	for _, r := range rels {
		cols, err := t.relColumns(r, sc)
		if err != nil {
			return nil, err
		}
		q := ""
		if len(rels) > 1 || st.name != "" || len(s.sel.unnests) > 0 && r.aliasOrName() != "" {
			// beside unnest()'s json_each a name alone may be its column
			q = quoteIdent(r.aliasOrName()) + "."
		}
		if r.kind == fromUnnest && r.offsetNode != nil && st.name != "" {
			cols = cols[:len(cols)-1] // t.* is the element's: the offset is a column beside it
		}
		merged := t.mergedColumns(r, cols, out)
		for i, c := range cols {
			if e := t.asofUsingColumn(s.sel.from, r, c); st.name == "" && merged[strings.ToLower(c)] && e != "" {
				// given once, where the left side lists it
				for i := range out {
					if strings.EqualFold(out[i].name, c) {
						out[i].expr = e + " AS " + quoteIdent(out[i].name)
						break
					}
				}
				continue
			}
			if st.name == "" && merged[strings.ToLower(c)] {
				// a column of USING or NATURAL is given once, where the
				// left side gives it; unqualified, it is the join's value
				// (either side's in a FULL JOIN)
				for i := range out {
					if strings.EqualFold(out[i].name, c) {
						out[i].expr = quoteIdent(out[i].name)
						break
					}
				}
				continue
			}
			expr := q + quoteIdent(c)
			if r.kind == fromUnnest && r.flatten {
				expr = flattenStarColumn(r, c)
				if strings.EqualFold(c, "seq") {
					expr = t.flattenSeqColumn(s, r) + " AS " + quoteIdent(c)
				}
			} else if r.kind == fromUnnest && r.offsetNode != nil && st.name == "" && i == len(cols)-1 {
				expr = quoteIdent(r.aliasOrName()) + ".key AS " + quoteIdent(c) // WITH OFFSET's
			} else if r.kind == fromUnnest && t.d != SQLite && (len(r.columns) == 0 || len(r.columns) == 1 && !r.flatten) && r.fields == nil {
				expr = quoteIdent(r.aliasOrName()) + ".value AS " + quoteIdent(c)
			} else if r.kind == fromUnnest && r.fields != nil && (r.implicit || r.structRows) {
				// a literal array of structs read from json_each's rows
				expr = "json_extract(" + quoteIdent(r.aliasOrName()) + ".value, " + sqlString(jsonPath([]string{c})) + ") AS " + quoteIdent(c)
			}
			out = append(out, starColumn{name: c, expr: expr})
		}
	}
	if len(st.names) > 0 || st.star != nil && st.star.hasLike {
		kept := out[:0:0]
		for _, c := range out {
			if starKeeps(st, c.name) {
				kept = append(kept, c)
			}
		}
		for _, n := range st.names {
			found := false
			for _, c := range out {
				if strings.EqualFold(c.name, n) {
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("column %s of EXCEPT is not a column of the relations read", n)
			}
		}
		out = kept
	}
	for _, r := range st.list2 {
		found := false
		for i, c := range out {
			if strings.EqualFold(c.name, r.name) {
				out[i].replace = r
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("column %s of REPLACE is not a column of the relations read", r.name)
		}
	}
	if st.star != nil {
		for _, r := range st.star.renames {
			found := false
			for i, c := range out {
				if strings.EqualFold(c.name, r.from) {
					to := nameAsWritten(t.toks[r.to])
					if c.replace == nil {
						out[i].expr = strings.TrimSuffix(c.expr, " AS "+quoteIdent(c.name)) + " AS " + quoteIdent(to)
					}
					out[i].name = to
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("column %s of RENAME is not a column of the relations read", r.from)
			}
		}
	}
	return out, nil
}

// mergedColumns are the columns (lower case) that the join bringing in r
// merges with the columns before it, out: those of USING, or for a
// NATURAL join those of the same name.
func (t *translator) mergedColumns(r *fromInfo, cols []string, out []starColumn) map[string]bool {
	m := map[string]bool{}
	switch {
	case r.joinUsing != nil:
		for _, c := range r.joinUsing.list {
			m[strings.ToLower(c.name)] = true
		}
	case strings.Contains(r.joinKind, "natural"):
		for _, c := range cols {
			for _, o := range out {
				if strings.EqualFold(o.name, c) {
					m[strings.ToLower(c)] = true
				}
			}
		}
	}
	return m
}

// starKeeps tells whether a column of the relations read stays in the
// columns of * st: it matches ILIKE and is not named by EXCEPT/EXCLUDE.
func starKeeps(st *node, name string) bool {
	if st.star != nil && st.star.hasLike && !sqlfunc.ILike(name, st.star.ilike) {
		return false
	}
	return !containsFold(st.names, name)
}

// starName is the name column name has in the columns of * st: its
// RENAME alias, or itself.
func (t *translator) starName(st *node, name string) string {
	if st.star != nil {
		for _, r := range st.star.renames {
			if strings.EqualFold(r.from, name) {
				return nameAsWritten(t.toks[r.to])
			}
		}
	}
	return name
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
