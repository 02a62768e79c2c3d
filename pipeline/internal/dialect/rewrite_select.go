package dialect

import (
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// qualifyColumn is the helper column of a QUALIFY rewrite.
const qualifyColumn = "_nexus_qualify"

// rewriteSelect makes the rewrites of a SELECT as a whole: the trailing
// comma before FROM, stars that SQLite cannot give as written (with EXCEPT,
// EXCLUDE or REPLACE, or over UNNEST), names of rewritten columns, and
// QUALIFY as a filtered subquery.
func (t *translator) rewriteSelect(s *node) {
	info := s.sel
	t.rewriteJoins(s)
	t.rewriteColumns(s)
	t.rewriteGroupAll(s)
	t.groupIntervals(s)
	if info.trailingComma >= 0 {
		t.pr.dropTok(info.trailingComma)
	}
	overUnnest, overAsof := false, false // an ASOF join's USING columns are given once
	for _, r := range info.from {
		overUnnest = overUnnest || r.from.kind == fromUnnest && t.d != SQLite
		overAsof = overAsof || t.usingOnce(info.from, r.from) || r.from.joinKind == "positional" // its sides' numbers left out
	}
	overUnnest = overUnnest || t.overWildcard(s)
	for _, it := range info.items {
		if t.refuseDuckEachStar(it, info.from) {
			continue
		}
		if q := strings.Split(it.name, "."); it.kind == nStar && len(q) == 3 && t.opts.Schemas.DropsDatabase(q[0], q[1], q[2]) {
			// database.schema.table.*: the target's database dropped
			for _, r := range info.from {
				if f := r.from; f.kind == fromTable && f.resolved && f.written == q[1] && f.table == q[2] {
					it.name = f.schema + "." + q[2]
				}
			}
		}
		if schema, table, ok := strings.Cut(it.name, "."); ok && it.kind == nStar && !strings.Contains(table, ".") {
			t.tableStar(it, info, schema, table)
		}
		structStar := false
		switch {
		case it.kind == nStar && t.d == BigQuery && it.name != "" && !strings.Contains(it.name, ".") && !namesFrom(info.from, it.name):
			// s.* of a struct column: its fields, when the query selecting
			// it names them (struct_star.go)
			if t.structStarFields(s, it.name) == nil {
				t.refuse(it.start, refStructStar, it.name)
				continue
			}
			structStar = true
			fallthrough
		case it.kind == nStar:
			// beside unnest() in the select list, * is the FROM items'
			// columns, not the joined json_each's too
			besideUnnest := len(info.unnests) > 0 && info.fromClause != nil && it.name == ""
			if len(it.names) == 0 && len(it.list2) == 0 && it.star == nil && !overUnnest && !overAsof && !structStar && !besideUnnest {
				continue
			}
			cols, err := t.starColumns(s, it)
			if err != nil && besideUnnest && len(it.names) == 0 && len(it.list2) == 0 && it.star == nil {
				if stars, ok := relStars(info.from); ok {
					it.print = func(pr *printer, n *node) string { return stars + pr.carry(n) }
					continue
				}
			}
			if err != nil {
				if t.readsRefusedTableFunction(info) {
					continue // refused by name where it is read: its columns are no one's
				}
				what := starWhat(it)
				if what == starOverUnnest && !overUnnest {
					what = "SELECT * over ASOF JOIN ... USING"
				}
				t.refuse(it.tok, refStar, what, err.Error())
				continue
			}
			if len(cols) == 0 {
				t.refuse(it.tok, refStar, starWhat(it), "it leaves no column")
				continue
			}
			it.print = func(pr *printer, n *node) string {
				var b strings.Builder
				for i, c := range cols {
					if i > 0 {
						b.WriteString(", ")
					}
					if c.replace != nil {
						pr.flat++
						b.WriteString(pr.text(c.replace.x))
						pr.flat--
						b.WriteString(" AS " + quoteIdent(c.name))
						continue
					}
					b.WriteString(c.expr)
				}
				return b.String() + pr.carry(n)
			}
		case it.name == "" && it.print == nil && it.x.print != nil && (it.x.kind == nName && it.x.flag2 || it.x.kind == nField || it.x.kind == nPath):
			// a struct field or UNNEST value keeps the column name the
			// warehouse gives it (unless ARRAY(SELECT ...) names it)
			name := fieldName(t.toks, it.x)
			if it.x.kind == nName {
				name = t.toks[it.x.parts[len(it.x.parts)-1]].text
				if t.toks[it.x.parts[len(it.x.parts)-1]].kind == kQuoted {
					name = identName(t.toks[it.x.parts[len(it.x.parts)-1]])
				}
			}
			if it.x.kind == nPath || t.d == Snowflake && it.x.kind == nField {
				// Snowflake names a path by its text in upper case:
				// s.src:dealership is S.SRC:DEALERSHIP
				name = strings.ToUpper(strings.TrimSpace(t.source(it.x)))
			}
			if name != "" && !strings.ContainsAny(name, "\r\n") {
				// (a name with a line break would move the lines after it)
				it.post += " AS " + quoteIdent(name)
			}
		}
	}
	if info.qualify != nil {
		t.rewriteQualify(s)
	}
	t.rewriteGroupingSets(s)
	t.factorOrConditions(s)
}

// relStars is * as the stars of the relations rels, r1.*, r2.*: false
// when one has no name, or a USING or NATURAL join gives a column once.
func relStars(rels []*node) (string, bool) {
	var stars []string
	for _, r := range rels {
		f := r.from
		if f.hidden() {
			continue
		}
		if f.aliasOrName() == "" || f.joinUsing != nil || strings.Contains(f.joinKind, "natural") {
			return "", false
		}
		stars = append(stars, quoteIdent(f.aliasOrName())+".*")
	}
	return strings.Join(stars, ", "), len(stars) > 0
}

func starWhat(st *node) string {
	switch {
	case st.star != nil && len(st.star.renames) > 0:
		return "SELECT * RENAME"
	case st.star != nil:
		return "SELECT * ILIKE"
	case len(st.list2) > 0:
		return "SELECT * REPLACE"
	case len(st.names) > 0:
		return "SELECT * EXCEPT"
	}
	return starOverUnnest
}

const starOverUnnest = "SELECT * over UNNEST"

// rewriteQualify turns SELECT list FROM ... QUALIFY cond into
// SELECT names FROM (SELECT list, cond AS _nexus_qualify FROM ...) WHERE
// _nexus_qualify: SQLite evaluates window functions only in the select
// list, so the filter goes one level out.
func (t *translator) rewriteQualify(s *node) {
	info := s.sel
	cols, err := t.selectColumns(s)
	if err != nil {
		t.refuse(info.qualifyTok, refQualify, err.Error())
		return
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quoteIdent(c)
	}
	last := info.items[len(info.items)-1]
	var post *string // last's own text after it; the SELECT may print more than once (a lateral alias)
	s.print = func(pr *printer, n *node) string {
		pr.flat++
		cond := pr.text(info.qualify)
		pr.flat--
		if post == nil {
			post = new(string)
			*post = last.post
		}
		last.post = *post + ", " + strings.TrimSpace(cond) + " AS " + qualifyColumn
		inner := pr.span(n, n.start, info.qualifyTok)
		end, window := n.end, ""
		if info.windowAfter > 0 {
			// WINDOW after QUALIFY names windows the inner SELECT uses
			end, window = info.windowAfter, " "+pr.span(n, info.windowAfter, n.end)
		}
		trail := len(inner) - len(strings.TrimRight(inner, " \t\r\n"))
		if lastLine := inner[strings.LastIndexByte(inner[:len(inner)-trail], '\n')+1 : len(inner)-trail]; strings.Contains(lastLine, "--") || t.d == BigQuery && strings.Contains(lastLine, "#") {
			// A line comment ends the FROM ... part: the closing goes on
			// the next line, where QUALIFY was, so it is not commented out.
			trail = 0
		}
		return "SELECT " + strings.Join(names, ", ") + " FROM (" + inner[:len(inner)-trail] + window + ") WHERE " + qualifyColumn +
			inner[len(inner)-trail:] + pr.carryRange(info.qualifyTok, end)
	}
}

// rewriteOrder makes the NULL order of Snowflake and DuckDB explicit:
// SQLite, like BigQuery, sorts NULLs first ascending and last descending;
// Snowflake sorts them last ascending and first descending; DuckDB last
// both ways.
func (t *translator) rewriteOrder(o *node) {
	if t.orderTuple(o) {
		return
	}
	t.refuseListOrder(o)
	t.orderInterval(o)
	t.orderInstant(o)
	if o.flag2 {
		return
	}
	switch {
	case t.d == DuckDB, t.d == Snowflake && !o.flag:
		o.post += " NULLS LAST"
	case t.d == Snowflake && o.flag:
		o.post += " NULLS FIRST"
	}
}

// quoteFromKeywords quotes the words of a FROM item's table name and its
// alias that SQLite reads as keywords (FROM nothing), as a column's are.
func (t *translator) quoteFromKeywords(n *node) {
	f := n.from
	if f.kind == fromTable {
		for i := f.nameStart; i < f.nameEnd; i++ {
			t.quoteKeyword(i)
		}
	}
	for _, k := range n.kids {
		if k.start == f.aliasStart && k.tok >= 0 {
			t.quoteKeyword(k.tok)
		}
	}
}

// rewriteFrom writes UNNEST, FLATTEN and alias lists as SQLite FROM items.
func (t *translator) rewriteFrom(n *node, sc *scope) {
	f := n.from
	if f.lateral >= 0 && t.d != SQLite {
		t.pr.dropTok(f.lateral) // SQLite's FROM items see the ones before them
		if f.kind == fromQuery && f.expr != nil && (t.correlated(f.expr, sc) || t.namesSibling(f, sc)) {
			t.refuse(f.lateral, refLateralQuery)
		}
	} else if f.kind == fromQuery && f.expr != nil && t.d == DuckDB && t.namesSibling(f, sc) {
		// DuckDB reads a subquery in FROM naming a FROM item before it as
		// LATERAL
		t.refuse(f.expr.start, refLateralQuery)
	}
	if name := t.wildcardName(f); name != "" {
		// a wildcard table: the union of the tables the prefix names
		t.rewriteWildcard(f, name)
		return
	}
	if f.kind == fromTable && f.schema == "" && sc.hiddenCTE(f.table) {
		// the table a CTE of its name reads, not the CTE (cte_self.go)
		t.pr.setTok(f.nameStart, "main."+quoteIdent(f.table))
		for i := f.nameStart + 1; i < f.nameEnd; i++ {
			t.pr.dropTok(i)
		}
	}
	if f.kind == fromTable && f.readsFile {
		t.refuse(f.nameStart, refReadFiles, "FROM "+t.toks[f.nameStart].text)
		return
	}
	if f.kind == fromTable && f.fileErr != "" {
		// FROM 'file.csv' of no file of the project
		t.refuse(f.nameStart, refReadFile, "FROM "+t.toks[f.nameStart].text, f.fileErr)
		return
	}
	if f.fileFunc {
		// read_csv('file.csv'): the temporary table of its rows, named
		// as DuckDB names the function's table unless aliased
		name := "temp." + quoteIdent(f.table)
		if f.aliasStart < 0 {
			name += " AS " + quoteIdent(f.alias)
		}
		t.pr.setTok(f.nameStart, name)
		for i := f.nameStart + 1; i < f.nameEnd; i++ {
			t.pr.dropTok(i)
		}
		return
	}
	temporary := f.kind == fromTable && t.temporary(f.schema, f.table)
	if temporary {
		t.pr.setTok(f.nameStart, "temp."+quoteIdent(f.table))
		for i := f.nameStart + 1; i < f.nameEnd; i++ {
			t.pr.dropTok(i)
		}
	}
	if t.dual(f, sc) {
		// Snowflake's DUAL: one row of no columns of use
		sub := "(SELECT NULL AS dummy)"
		if f.aliasStart < 0 {
			sub += " AS dual"
		}
		t.pr.setTok(f.nameStart, sub)
		return
	}
	if sub := t.informationSchema(f); sub != "" {
		t.pr.setTok(f.nameStart, sub)
		for i := f.nameStart + 1; i < f.nameEnd; i++ {
			t.pr.dropTok(i)
		}
		return
	}
	if (t.d == BigQuery || t.d == Snowflake) && f.kind == fromTable && strings.EqualFold(f.written, "information_schema") {
		// JOBS, PARTITIONS, TABLE_STORAGE ...: the warehouse's account
		// and storage records, which no build here has
		t.refuse(f.nameStart, refInformationSchemaView, "INFORMATION_SCHEMA."+strings.ToUpper(f.table))
		return
	}
	if f.kind == fromTable && !temporary && !f.resolved && f.database != "" && t.d != BigQuery && t.d != SQLite && t.opts.Schemas.Known() {
		t.refuse(f.nameStart, refOtherDatabase, f.database, t.opts.Schemas.Database())
	}
	if f.kind == fromTable && !temporary && (f.resolved || t.d == BigQuery && (f.database != "" || strings.Contains(joinRaw(t.toks[f.nameStart:f.nameEnd]), "`"))) {
		// `project.dataset.table`: SQLite has schemas only, the dataset;
		// a schema by dbt's name: the SQLite schema
		name := quoteIdent(f.table)
		if f.schema != "" {
			name = quoteIdent(f.schema) + "." + name
		}
		t.pr.setTok(f.nameStart, name)
		for i := f.nameStart + 1; i < f.nameEnd; i++ {
			t.pr.dropTok(i)
		}
	}
	t.quoteFromKeywords(n)
	if f.kind == fromQuery && f.aliasCols != nil && f.expr != nil && f.expr.x != nil && (f.pivot == nil || f.aliasStart < f.pivot.kw) {
		t.renamed[f.expr.x] = f.columns // (VALUES ...) AS t(a, b): its own names are not seen
	}
	if f.pivot != nil {
		t.rewritePivot(n, sc)
		return
	}
	if f.kind == fromUnnest && f.expr != nil && t.rewriteSplitTable(f) {
		return
	}
	if f.kind == fromUnnest && f.expr != nil {
		call := f.expr
		arg, path, outer := t.unnestArgs(call)
		if outer && !t.outerJoin(n) {
			t.refuse(call.start, refFlattenOuter)
		}
		if arg == nil {
			t.refuse(call.start, refUnnestArgs)
			return
		}
		t.insideEach(arg)
		call.print = func(pr *printer, c *node) string {
			s := "json_each(" + pr.text(arg)
			if path != "" {
				s += ", " + sqlString(path)
			}
			return s + ")" + pr.carry(c, arg)
		}
		if f.aliasStart < 0 && t.d == BigQuery && f.offsetNode == nil && f.aliasCols == nil {
			if fields := structArrayFields(arg); fields != nil && hasName(arg) {
				// one reading a column beside it: a subquery in FROM could
				// not see that column, so its fields are names of the
				// SELECT read from json_each's rows (unnest_fields.go)
				f.fields = fields
				f.implicit = true
			} else if fields != nil {
				// a literal array of structs: BigQuery makes its fields
				// columns, whose names the literal gives
				f.fields = fields
				call.print = func(pr *printer, c *node) string {
					cols := make([]string, len(fields))
					for i, name := range fields {
						cols[i] = "json_extract(value, " + pathString(jsonPath([]string{name})) + ") AS " + quoteIdent(name)
					}
					return "(SELECT " + strings.Join(cols, ", ") + " FROM json_each(" + pr.text(arg) + "))" + pr.carry(c, arg)
				}
			}
		}
		if fields := structArrayFields(arg); fields != nil && t.d == BigQuery && f.aliasCols == nil && (f.aliasStart >= 0 || f.offsetNode != nil) {
			// an aliased literal array of structs is a value table: its
			// fields are names of the SELECT, and * lists them
			// (unnest_fields.go); the alias is the struct
			f.fields = fields
			f.structRows = true
		} else if fields := t.columnStructFields(arg, sc); fields != nil && t.d == BigQuery && f.aliasCols == nil && f.aliasStart >= 0 {
			// so is an aliased array of structs whose type is known (a
			// column of a built table, of a CTE): * lists its fields
			f.fields = fields
			f.structRows = true
		}
		if f.aliasStart < 0 && t.d == BigQuery && arg.kind == nName {
			f.implicit = true // its fields are names of the SELECT (unnest_fields.go)
			if f.fields == nil && f.offsetNode == nil {
				f.fields = t.columnStructFields(arg, sc) // known by its type: * lists them
			}
		}
		if f.aliasStart < 0 && t.d == DuckDB && call.kind == nCall && call.name == "unnest" && !t.otherUnnamedUnnest(f, sc) {
			// DuckDB names the relation and its column unnest
			f.alias = "unnest"
			call.post += " AS unnest"
		} else if f.aliasStart < 0 {
			t.seq++
			f.alias = "_nexus_unnest" + itoa(t.seq)
			call.post += " AS " + f.alias
		}
		if f.offsetNode != nil {
			f.offsetNode.print = func(pr *printer, k *node) string { return pr.carry(k) }
		}
		if f.aliasCols != nil {
			if len(f.columns) != 1 {
				t.refuse(f.aliasCols.start, refAliasList)
			}
			f.aliasCols.print = func(pr *printer, k *node) string { return pr.carry(k) }
		}
		return
	}
	if f.kind == fromFunc && f.expr != nil && f.expr.kind == nCall && len(f.expr.parts) <= 1 {
		if f.fileErr != "" {
			t.refuse(f.expr.tok, refReadFile, strings.ToUpper(t.toks[f.expr.tok].text), f.fileErr)
			return
		}
		if r, ok := unfaithful[t.d][f.expr.name]; ok && r == refReadFiles {
			t.refuse(f.expr.tok, r, strings.ToUpper(t.toks[f.expr.tok].text))
			return
		}
	}
	if f.kind == fromFunc && t.d == DuckDB && f.expr != nil && f.expr.kind == nCall && len(f.expr.parts) <= 1 &&
		(f.expr.name == "range" || f.expr.name == "generate_series") && duckArityCall(f.expr) {
		// the table functions take the numbers of arguments the list
		// functions of their names take (the oracle checks it)
		if msg := duckArityError(f.expr.name, len(f.expr.list)); msg != "" {
			t.refuse(f.expr.tok, refDuckArity, msg)
			return
		}
	}
	if f.kind == fromFunc && t.d == DuckDB && f.expr != nil && f.expr.kind == nCall &&
		(f.expr.name == "range" || f.expr.name == "generate_series") && len(f.expr.list) >= 1 && len(f.expr.list) <= 3 {
		column := f.expr.name
		for _, a := range f.expr.list {
			if readsColumn(a) {
				// a recursive CTE sees no FROM item: the rows of its list
				t.rewriteLateralSeries(f)
				return
			}
		}
		if f.aliasStart >= 0 && f.aliasCols == nil && f.alias != "" {
			// range(3) AS r: DuckDB names its one column r too
			column = f.alias
		}
		if f.aliasStart < 0 {
			// and range(3) range: range.range reads it
			f.alias = f.expr.name
			f.expr.post += " AS " + quoteIdent(f.expr.name)
		}
		if f.aliasCols != nil {
			// range(3) AS t(x): the one column is named x
			if len(f.columns) != 1 {
				t.refuse(f.aliasCols.start, refSeriesAliasList, f.expr.name)
				return
			}
			column = f.columns[0]
			f.aliasCols.print = func(pr *printer, k *node) string { return pr.carry(k) }
		}
		if t.timestampSeries(f.expr) {
			t.rewriteSeriesList(f.expr, column)
		} else {
			t.rewriteSeries(f.expr, column)
		}
		return
	}
	if gen := generatorCall(f); gen != nil {
		t.rewriteGenerator(f.expr, gen)
		return
	}
	if t.rewriteResultScan(f) || t.rewriteTagReferences(f) {
		return
	}
	if t.refusedTableFunction(f) {
		name := "..."
		if len(f.expr.list) == 1 && f.expr.list[0].kind == nCall {
			name = strings.ToUpper(f.expr.list[0].name)
		}
		t.refuse(f.expr.start, refTableFunction, name)
		return
	}
	if f.aliasCols != nil && f.kind != fromFunc {
		// DuckDB's AS t(a, b): SQLite has column lists only on CTEs.
		renamed := t.renamedSource(n, n.end)
		n.print = func(pr *printer, n *node) string { return renamed(pr) }
	}
}

// correlated tells whether the subquery sub names a relation of scope
// outer that it does not define itself: SQLite's subqueries in FROM do not
// see the FROM items before them.
func (t *translator) correlated(sub *node, outer *scope) bool {
	inner := map[string]bool{}
	var names []*node
	var visit func(k *node)
	visit = func(k *node) {
		if k.kind == nFrom && k.from != nil {
			inner[k.from.alias] = true
		}
		if k.kind == nName && len(k.parts) >= 2 {
			names = append(names, k)
		}
		for _, c := range k.kids {
			visit(c)
		}
	}
	visit(sub)
	for _, k := range names {
		a := strings.ToLower(identName(t.toks[k.parts[0]]))
		if !inner[a] && outer.findRel(a) != nil {
			return true
		}
	}
	return false
}

// namesSibling tells whether the subquery of FROM item f names, without
// a qualifier, a column of another FROM item of its SELECT (sc) that no
// FROM item inside it has: (SELECT a * 10 AS s) after FROM t(a). It tells
// false where a column list is not known here.
func (t *translator) namesSibling(f *fromInfo, sc *scope) bool {
	if sc == nil || sc.sel == nil {
		return false
	}
	known := true
	inner := map[string]bool{}
	var names []string
	var visit func(k *node)
	visit = func(k *node) {
		switch {
		case k.kind == nFrom && k.from != nil:
			cols, err := t.relColumns(k.from, sc)
			if err != nil || k.from.kind == fromUnnest {
				known = false
			}
			for _, c := range cols {
				inner[strings.ToLower(c)] = true
			}
		case k.kind == nItem && k.name != "":
			inner[k.name] = true // an alias, which ORDER BY may name
		case k.kind == nCTE || k.kind == nLambda || k.kind == nListFor:
			known = false
		case k.kind == nName && len(k.parts) == 1 && k.print == nil:
			if tk := t.toks[k.parts[0]]; tk.kind == kWord || tk.kind == kQuoted {
				names = append(names, strings.ToLower(identName(tk)))
			}
		}
		for _, c := range k.kids {
			visit(c)
		}
	}
	visit(f.expr)
	if !known {
		return false
	}
	for _, name := range names {
		if inner[name] {
			continue
		}
		for _, r := range sc.rels {
			if r.from == f || r.from.kind == fromGroup {
				continue
			}
			cols, err := t.relColumns(r.from, sc)
			if err == nil && containsFold(cols, name) {
				return true
			}
		}
	}
	return false
}

// outerJoin makes the FROM item n, a FLATTEN(..., OUTER => TRUE), a LEFT
// JOIN ... ON true, so that a row whose array is empty or NULL stays, with
// NULL values, as FLATTEN's OUTER keeps it: after a comma, a JOIN, an INNER
// JOIN or a CROSS JOIN without ON, or a LEFT JOIN. The first FROM item,
// TABLE(FLATTEN(...)) standing alone, is joined to one row so that an
// empty input still gives its one row of NULLs. It reports false for a
// join with its own ON or USING.
func (t *translator) outerJoin(n *node) bool {
	sig := func(i, step int) int {
		for i >= 0 && i < len(t.toks) && (t.toks[i].kind == kSpace || t.toks[i].kind == kComment) {
			i += step
		}
		return i
	}
	word := func(i int) string {
		if i < 0 || i >= len(t.toks) {
			return ""
		}
		return strings.ToLower(t.toks[i].text)
	}
	if next := word(sig(n.end, 1)); next == "on" || next == "using" {
		return false
	}
	prev := sig(n.start-1, -1)
	switch word(prev) {
	case ",":
		t.pr.setTok(prev, " LEFT JOIN")
	case "join":
		before := sig(prev-1, -1)
		switch word(before) {
		case "outer", "left":
			return true
		case "inner", "cross":
			t.pr.dropTok(before)
		}
		t.pr.setTok(prev, "LEFT JOIN")
	case "from":
		t.seq++
		t.pr.setTok(prev, t.toks[prev].text+" (SELECT NULL) AS _nexus_outer"+itoa(t.seq)+" LEFT JOIN")
	default:
		return false
	}
	n.post += " ON true"
	return true
}

// renamedSource prints the FROM item n with an alias list, x AS t(a, b),
// up to token end, the way SQLite takes it: a CTE with a column list,
// (WITH _nexus_colsN(a, b) AS (SELECT * FROM x) SELECT * FROM _nexus_colsN)
// AS t.
func (t *translator) renamedSource(n *node, end int) func(pr *printer) string {
	f := n.from
	t.seq++
	cte := "_nexus_cols" + itoa(t.seq)
	var body *node
	alias := ""
	for _, k := range n.kids {
		if k.end <= f.aliasStart {
			body = k
		}
		if k.start == f.aliasStart && k.tok >= 0 {
			alias = t.toks[k.tok].text // the alias before a PIVOT's own
		}
	}
	cols := make([]string, len(f.columns))
	for i, c := range f.columns {
		cols[i] = quoteIdent(c)
	}
	return func(pr *printer) string {
		src := ""
		var used []*node
		if body != nil {
			src = pr.text(body)
			used = append(used, body)
		}
		if f.kind == fromTable {
			// the name as written, line breaks and comments included
			src = pr.span(n, n.start, f.aliasStart)
			used = append(used, &node{start: n.start, end: f.aliasStart})
		}
		trimmed := strings.TrimSpace(src)
		sel := "SELECT * FROM " + trimmed
		if f.kind == fromQuery {
			sel = strings.TrimSuffix(strings.TrimPrefix(trimmed, "("), ")")
		}
		// the line breaks trimmed off around it come after the rewrite
		lost := strings.Repeat("\n", strings.Count(src, "\n")-strings.Count(trimmed, "\n"))
		names := strings.Join(cols, ", ")
		// a quoted name's line breaks move with it into the column list
		return "(WITH " + cte + "(" + names + ") AS (" + sel + ") SELECT * FROM " + cte + ") AS " + alias +
			lost + pr.carryLess(&node{start: n.start, end: end, kids: n.kids}, strings.Count(names, "\n"), used...)
	}
}

// unnestArgs finds the array of UNNEST(x), FLATTEN(input => x, path => p)
// or TABLE(FLATTEN(...)).
func (t *translator) unnestArgs(call *node) (arg *node, path string, outer bool) {
	if call.kind == nCall && call.name == "table" && len(call.list) == 1 && call.list[0].kind == nCall {
		call.print = nil
		inner := call.list[0]
		a, p, o := t.unnestArgs(inner)
		// print TABLE(FLATTEN(x)) as the inner call alone
		call.print = func(pr *printer, c *node) string { return pr.text(inner) + pr.carry(c, inner) }
		return a, p, o
	}
	if call.kind != nCall {
		return nil, "", false
	}
	for _, a := range call.list {
		if a.kind == nExpr && a.name != "" {
			switch a.name {
			case "input":
				arg = a.x
			case "path":
				if a.x.kind == nString {
					path = "$." + stringValue(t.d, t.toks[a.x.tok].text)
				}
			case "outer":
				outer = strings.EqualFold(strings.TrimSpace(t.toks[a.x.start].text), "true")
			case "recursive":
				if !strings.EqualFold(strings.TrimSpace(t.toks[a.x.start].text), "false") {
					t.refuse(a.start, refFlattenRecursive)
				}
			case "mode":
				if a.x.kind != nString || !strings.EqualFold(stringValue(t.d, t.toks[a.x.tok].text), "both") {
					t.refuse(a.start, refFlattenMode)
				}
			}
			continue
		}
		if arg == nil {
			arg = a
		} else if call.name == "unnest" {
			return nil, "", false
		}
	}
	return arg, path, outer
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(b[n:])
		}
	}
}

// carryRange gives the line breaks and comments of tokens [from, to).
func (pr *printer) carryRange(from, to int) string {
	return pr.carry(&node{start: from, end: to})
}

// rewriteSeries writes DuckDB's range(...) and generate_series(...) in FROM
// as a recursive CTE: from a (0 if not given) by step (1) up to b, which
// range leaves out and generate_series includes, as on DuckDB. The column
// is named after the function, or as an alias list names it. A step of 0
// fails, naming the line, as DuckDB fails.
func (t *translator) rewriteSeries(call *node, column string) {
	args, name := call.list, call.name
	line := itoa(t.toks[call.start].line)
	call.print = func(pr *printer, c *node) string {
		a, b, step := "0", "", "1"
		switch len(args) {
		case 1:
			b = pr.text(args[0])
		default:
			a, b = pr.text(args[0]), pr.text(args[1])
			if len(args) == 3 {
				step = pr.text(args[2])
			}
		}
		lt, gt := " < ", " > "
		if name == "generate_series" {
			lt, gt = " <= ", " >= "
		}
		in := func(x, step string) string {
			return "CASE WHEN " + step + " > 0 THEN " + x + lt + "(" + b + ") WHEN " + step + " < 0 THEN " + x + gt + "(" + b + ") END"
		}
		// the first row checks a given step once; the recursion starts after it
		first := "(" + step + ")"
		if len(args) == 3 {
			first = "series_step(" + step + ", '" + name + "', " + line + ")"
		}
		return "(WITH RECURSIVE _nexus_series(v) AS (SELECT (" + a + ") WHERE " + in("("+a+")", first) +
			" UNION ALL SELECT v + (" + step + ") FROM _nexus_series WHERE " + in("v + ("+step+")", "("+step+")") +
			") SELECT v AS " + quoteIdent(column) + " FROM _nexus_series)" + pr.carry(c, args...)
	}
}

// timestampSeries tells whether a range(...) or generate_series(...) goes
// over timestamps: its step is an INTERVAL, or its start a date or a
// timestamp.
func (t *translator) timestampSeries(call *node) bool {
	if len(call.list) != 3 {
		return false
	}
	typ := t.staticType(call.list[0])
	return t.intervalOf(call.list[2]) || typ == TypeDate || typ == sqlfunc.KindInstant || typ == sqlfunc.KindWallClock
}

// rewriteSeriesList writes a series of timestamps in FROM as the rows of
// its list: range_list / series_list in sqlfunc add the interval as
// DuckDB adds it, months by the calendar. A zero step fails, naming the
// line, as DuckDB fails.
func (t *translator) rewriteSeriesList(call *node, column string) {
	args, fn := call.list, "series_list"
	if call.name == "range" {
		fn = "range_list"
	}
	line := itoa(t.toks[call.start].line)
	call.print = func(pr *printer, c *node) string {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = strings.TrimSpace(pr.text(a))
		}
		// a zero step fails in FROM, as on DuckDB (the list is empty)
		s[2] = "series_step(" + s[2] + ", '" + call.name + "', " + line + ")"
		return "(SELECT value AS " + quoteIdent(column) + " FROM json_each(" + fn + "(" + strings.Join(s, ", ") + ")))" + pr.carry(c, args...)
	}
}

// otherUnnamedUnnest tells whether a FROM item of sc other than f is
// named unnest, as DuckDB names an unnest(...) without an alias.
func (t *translator) otherUnnamedUnnest(f *fromInfo, sc *scope) bool {
	for _, r := range sc.rels {
		if r.from != f && (r.from.alias == "unnest" || r.from.aliasStart < 0 && r.from.kind == fromUnnest) {
			return true
		}
	}
	return false
}

// rewriteLateralSeries writes range(...) or generate_series(...) in FROM
// reading columns of the FROM items before it (from t, range(t.a, t.b)) as
// json_each of its list, range_list / series_list, which SQLite lets read
// them; a zero step fails, naming the line, as DuckDB fails. Its column is
// then read as an UNNEST's: named after the function, or as the alias (or
// its alias list) names it, as DuckDB names it.
func (t *translator) rewriteLateralSeries(f *fromInfo) {
	call := f.expr
	if f.aliasCols != nil && len(f.columns) != 1 {
		t.refuse(f.aliasCols.start, refSeriesAliasList, call.name)
		return
	}
	fn := "series_list"
	if call.name == "range" {
		fn = "range_list"
	}
	f.kind = fromUnnest
	if f.aliasCols != nil {
		f.aliasCols.print = func(pr *printer, k *node) string { return pr.carry(k) }
	}
	if f.aliasStart < 0 {
		f.alias = call.name
		call.post += " AS " + quoteIdent(call.name)
	}
	line := itoa(t.toks[call.start].line)
	args := call.list
	call.print = func(pr *printer, c *node) string {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = strings.TrimSpace(pr.text(a))
		}
		if len(s) == 3 {
			s[2] = "series_step(" + s[2] + ", '" + call.name + "', " + line + ")"
		}
		return "json_each(" + fn + "(" + strings.Join(s, ", ") + "))" + pr.carry(c, args...)
	}
}

// generatorCall is the GENERATOR(...) call of Snowflake's FROM item
// TABLE(GENERATOR(...)), or nil.
func generatorCall(f *fromInfo) *node {
	if f.kind != fromFunc || f.expr == nil || f.expr.kind != nCall || f.expr.name != "table" || len(f.expr.list) != 1 {
		return nil
	}
	if g := f.expr.list[0]; g.kind == nCall && g.name == "generator" {
		return g
	}
	return nil
}

// rewriteGenerator writes Snowflake's TABLE(GENERATOR(ROWCOUNT => n)) as a
// recursive CTE of n rows, numbered from 0 in the column _nexus_seq, which
// SEQ1() ... SEQ8() of the query read. TIMELIMIT is refused: the rows it
// gives depend on the machine.
func (t *translator) rewriteGenerator(table, gen *node) {
	var count *node
	for _, a := range gen.list {
		if a.kind == nExpr && a.name == "rowcount" {
			count = a.x
		} else {
			t.refuse(a.start, refGenerator)
			return
		}
	}
	if count == nil {
		t.refuse(gen.start, refGenerator)
		return
	}
	table.print = func(pr *printer, c *node) string {
		n := strings.TrimSpace(pr.text(count))
		return "(WITH RECURSIVE _nexus_gen(_nexus_seq) AS (SELECT 0 WHERE 0 < (" + n + ") UNION ALL SELECT _nexus_seq + 1 FROM _nexus_gen WHERE _nexus_seq + 1 < (" + n +
			")) SELECT _nexus_seq FROM _nexus_gen)" + pr.carry(c, count)
	}
}

// seqColumn is what Snowflake's SEQ4() and its kin read in scope sc: the
// row number of the TABLE(GENERATOR(...)) there, "" when none is.
func seqColumn(sc *scope) string {
	for ; sc != nil; sc = sc.parent {
		for _, r := range sc.rels {
			if generatorCall(r.from) != nil {
				if r.from.alias != "" {
					return quoteIdent(r.from.alias) + "._nexus_seq"
				}
				return "_nexus_seq"
			}
		}
	}
	return ""
}

// namesFrom tells whether name is the alias or table name of one of rels.
func namesFrom(rels []*node, name string) bool {
	for _, r := range rels {
		if r.from.aliasOrName() == name {
			return true
		}
	}
	return false
}

// readsColumn tells whether n names a column outside subqueries (which
// read their own FROM).
func readsColumn(n *node) bool {
	if n == nil {
		return false
	}
	switch n.kind {
	case nName:
		return true
	case nSubquery, nSelect, nQuery:
		return false
	}
	for _, k := range n.kids {
		if readsColumn(k) {
			return true
		}
	}
	return false
}

// hasName tells whether n reads a name (a column) anywhere in it.
func hasName(n *node) bool { return hasKind(n, nName) }

// hasKind tells whether n, or a node anywhere under it, is of one of kinds.
func hasKind(n *node, kinds ...nkind) bool {
	if n == nil {
		return false
	}
	if slices.Contains(kinds, n.kind) {
		return true
	}
	for _, k := range n.kids {
		if hasKind(k, kinds...) {
			return true
		}
	}
	return false
}

// tableStar prints schema.table.*, which SQLite lacks, as table.* when
// the FROM list has that table once, unaliased, and nothing else named
// table; otherwise it is left as written.
func (t *translator) tableStar(it *node, info *selectInfo, schema, table string) {
	found := 0
	for _, r := range info.from {
		f := r.from
		switch {
		case f.kind == fromTable && f.schema == schema && f.table == table && f.alias == table:
			found++
		case f.aliasOrName() == table:
			return
		}
	}
	if found != 1 {
		return
	}
	// the qualifiers before the table's name go, with their dots
	dots := 0
	for i := it.start; i < it.tok; i++ {
		if t.toks[i].kind == kDot {
			dots++
		}
	}
	for i := it.start; i < it.end && dots > 1; i++ {
		t.pr.dropTok(i)
		if t.toks[i].kind == kDot {
			dots--
		}
	}
}

// dual tells whether FROM item f is Snowflake's DUAL, the table of one row
// a query that reads no table may name (select 1 from dual): the bare name
// dual, where no CTE of that name is in scope.
func (t *translator) dual(f *fromInfo, sc *scope) bool {
	return t.d == Snowflake && f.kind == fromTable && f.schema == "" && f.nameEnd == f.nameStart+1 &&
		strings.EqualFold(f.table, "dual") && sc.findCTE(f.table) == nil
}

// refusedTableFunction tells whether FROM item f is Snowflake's TABLE(f(...))
// of a table function the playground does not have (refTableFunction);
// FLATTEN, SPLIT_TO_TABLE and GENERATOR are rewritten before.
func (t *translator) refusedTableFunction(f *fromInfo) bool {
	if t.d != Snowflake || f.kind != fromFunc || f.expr == nil || f.expr.kind != nCall || f.expr.name != "table" || generatorCall(f) != nil {
		return false
	}
	if f.aliasCols == nil && t.resultScanOf(f) != nil {
		return false // the SHOW before it (result_scan.go)
	}
	if tagReferences(f) {
		return false // no rows (result_scan.go)
	}
	if len(f.expr.list) == 1 && f.expr.list[0].kind == nCall {
		switch strings.ToLower(f.expr.list[0].name) {
		case "flatten", "split_to_table", "strtok_split_to_table":
			return false
		}
	}
	return true
}

// readsRefusedTableFunction tells whether a select reads such a table
// function, which is refused by name: a * over it is not refused again.
func (t *translator) readsRefusedTableFunction(info *selectInfo) bool {
	for _, f := range info.from {
		if f.from != nil && t.refusedTableFunction(f.from) {
			return true
		}
	}
	return false
}
