package dialect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Options configure a translation.
type Options struct {
	// Dialect the SQL is written in; SQLite when empty.
	Dialect Dialect
	// Columns lists the columns of a relation the SQL reads, for SELECT *
	// EXCEPT/REPLACE/EXCLUDE, QUALIFY and * over UNNEST. Schema is "" when
	// the SQL does not name one. Without it those expansions are refused.
	Columns func(schema, table string) ([]string, error)
	// Relations lists the tables and views of a schema ("" when the SQL
	// names none) whose names start with prefix, ASCII case ignored, for
	// BigQuery's wildcard tables. Without it they are refused.
	Relations func(schema, prefix string) ([]Relation, error)
	// Types gives the static types (TypeDate, TypeBool,
	// sqlfunc.KindInstant, sqlfunc.KindWallClock) of the columns of a table the SQL reads, by
	// lower-case column name; a column it leaves out is unknown.
	Types func(schema, table string) map[string]string
	// Session answers Snowflake's CURRENT_DATABASE(), CURRENT_SCHEMA() and
	// the other session functions.
	Session Session
	// Schemas resolves the names dbt gives the schemas the project builds
	// in (target.schema, this.schema) to the SQLite schemas it builds them
	// in; the zero value keeps every name as written.
	Schemas Schemas
	// Temporary reports whether schema.table (the SQLite schema, lower
	// case) is a temporary table a statement created in that schema
	// (temp_tables.go).
	Temporary func(schema, table string) bool

	// FileTable names the temporary table holding the rows of a CSV file
	// of the project that DuckDB's read_csv(file) or read_csv_auto(file)
	// reads in a FROM clause, or says why the file cannot be read; without
	// it they are refused.
	FileTable func(file string) (table string, err error)

	// Query runs a query of SQLite's SQL on the database the translated
	// SQL runs on and gives its rows: DuckDB's PIVOT without IN reads the
	// values that become its columns. Without it that PIVOT is refused.
	Query func(sql string) ([][]any, error)

	// ItemNames names the columns a query's select items make without an
	// alias as the warehouse names them (DuckDB: duck_names.go; BigQuery:
	// bigquery_names.go; Snowflake: snowflake_item_names.go), where
	// SQLite would name them by the translated SQL: for a model's query,
	// whose columns are its table's.
	ItemNames bool

	// insertsTyped is set on the translation of a script whose INSERT
	// queries are cast to their tables' column types (insert_types.go).
	insertsTyped bool
}

// Translate rewrites sql written for SQLite (with the warehouse habits of
// [Translations]: casts, ::, clock functions, ilike) into SQLite.
func Translate(sql string) (string, error) { return TranslateWith(sql, Options{Dialect: SQLite}) }

// TranslateFor translates sql written for d into SQLite.
func TranslateFor(d Dialect, sql string) (string, error) {
	return TranslateWith(sql, Options{Dialect: d})
}

// TranslateWith parses sql as written for o.Dialect and prints it as
// SQLite, making the rewrites listed in [Translations] and refusing the
// constructs listed in [Refusals]. Every refusal of sql is reported: the
// error is a *diag.Diagnostic when there is one and a diag.List when there
// are several; each has the Line and Col of the construct in sql and leaves
// File to the caller. String literals, quoted identifiers and comments keep
// their meaning, and every line break is kept, so line numbers of the output
// match the input.
func TranslateWith(sql string, o Options) (string, error) {
	out, _, err := TranslateTyped(sql, o)
	return out, err
}

// TranslateTyped is TranslateWith that also gives the static types of the
// output columns of the last statement, when it is a query (a model's
// select): lower-case column name -> TypeDate, TypeBool,
// sqlfunc.KindInstant or KindWallClock, for the columns whose type is known.
func TranslateTyped(sql string, o Options) (string, map[string]string, error) {
	out, types, _, err := TranslateCreating(sql, o)
	return out, types, err
}

// Created is a table or view a CREATE statement of a script makes, by the
// SQLite schema ("" for one the statement names without, "temp" for a
// temporary one) and name it has, with the static types of its columns as
// TranslateTyped gives those of a query's.
type Created struct {
	Schema, Table string
	Types         map[string]string
	// Home is the SQLite schema a temporary table belongs to in the
	// warehouse (temp_tables.go), "" otherwise.
	Home string
	// Added says Types are columns an ALTER TABLE ... ADD COLUMN adds to
	// the table, whose other columns keep the types they had.
	Added bool
}

// TranslateCreating is TranslateTyped that also gives the tables and views
// the script's CREATE statements make.
func TranslateCreating(sql string, o Options) (string, map[string]string, []Created, error) {
	if o.Dialect == "" {
		o.Dialect = SQLite
	}
	toks, err := lex(o.Dialect, sql)
	if err != nil {
		return "", nil, nil, err
	}
	if std := rewriteFromFirst(o.Dialect, sql, toks); std != sql {
		sql = std
		if toks, err = lex(o.Dialect, std); err != nil {
			return "", nil, nil, err
		}
	}
	if std := rewriteUnpivotStatements(o.Dialect, sql, toks); std != sql {
		if toks, err = lex(o.Dialect, std); err != nil {
			return "", nil, nil, err
		}
	}
	if text := tokenText(toks); rewriteInsertParens(text, toks) != text {
		std := rewriteInsertParens(text, toks)
		if toks, err = lex(o.Dialect, std); err != nil {
			return "", nil, nil, err
		}
	}
	if std, err := rewriteMergeStatements(o.Dialect, tokenText(toks), toks, o); err != nil {
		return "", nil, nil, err
	} else if std != tokenText(toks) {
		if toks, err = lex(o.Dialect, std); err != nil {
			return "", nil, nil, err
		}
	}
	p := newParser(o.Dialect, toks)
	p.schemas = o.Schemas
	p.fileTable = o.FileTable
	root := p.parseScript()
	t := &translator{d: o.Dialect, opts: o, toks: toks, pr: newPrinter(o.Dialect, toks), unnestSeen: map[*node]bool{},
		renamed: map[*node][]string{}, renamedStored: map[*node][]string{}, recursive: map[*node]bool{}, inserted: map[*node]bool{}, typing: map[*node]bool{}, selTypes: map[*node]selTyped{}, valTypes: map[*node][]colType{}, tableTypes: map[string][]colType{}, renaming: map[*fromInfo]bool{}, usingInstants: map[*fromInfo]bool{}, grouping: map[*node]bool{}, groupingSel: map[*node]*groupingSelect{}, fromSkips: map[*node][][2]int{}, columnsCall: map[*node]bool{}, epochOrder: map[*node]bool{}, wildcards: map[*fromInfo]*wildcard{}}
	if o.ItemNames && o.Dialect != SQLite {
		t.outerSelects = map[*node]bool{}
		for _, k := range root.kids {
			if k.kind == nQuery {
				for i, b := range k.list {
					if i > 0 && o.Dialect == Snowflake {
						break // a set operation's columns are its first input's
					}
					markNamedSelects(b, t.outerSelects)
				}
				if k.x != nil && k.x.kind == nWith {
					for _, c := range k.x.list {
						markNamedSelects(c.x, t.outerSelects)
					}
				}
			}
		}
	}
	t.script, t.resultScans, t.lambdas = root, map[*node]bool{}, p.lambdas
	t.walk(root, nil)
	t.rewriteTransactions(root)
	t.rewriteViewModelDrops(root)
	t.refuseJoinWordRefs(p)
	t.refuseAliasWords(p)
	for _, i := range p.emptyItems {
		t.refuse(i, refEmptyItem)
	}
	for _, i := range p.castSlices {
		t.refuse(i, refCastSlice)
	}
	for _, i := range p.emptyFroms {
		t.refuse(i, refEmptyFrom)
	}
	for _, i := range p.withOperands {
		t.refuse(i, refWithOperand)
	}
	for _, i := range p.connectByRoots {
		if !t.inHierarchy(i) {
			t.refuse(i, refConnectByOutside, "CONNECT_BY_ROOT")
		}
	}
	for _, i := range t.hierCalls {
		if !t.inHierarchy(i) {
			t.refuse(i, refConnectByOutside, "SYS_CONNECT_BY_PATH")
		}
	}
	for _, i := range p.priors {
		if !t.doneHier[i] && len(t.errs) == 0 {
			t.refuse(i, refConnectByHere, "PRIOR inside a subquery")
		}
	}
	if len(t.naturals) > 0 && len(t.errs) == 0 {
		return TranslateCreating(t.naturalsAsUsing(), o)
	}
	if len(t.errs) == 0 {
		if text, ok := t.typedInserts(root); ok {
			o.insertsTyped = true
			return TranslateCreating(text, o)
		}
	}
	t.checkFinalArrays(root)
	t.refuseGroupingCalls()
	t.printSafeCalls()
	t.semiJoinExists(root)
	t.fullJoinsAsUnions(root)
	t.materializeSubqueryTables(root)
	t.materializeLargeCTEs(root)
	t.drawOnce(root)
	if err := t.refusals(); err != nil {
		return "", nil, nil, err
	}
	var b strings.Builder
	b.Grow(len(sql) + len(sql)/8)
	t.pr.write(&b, root)
	if err := t.refusals(); err != nil {
		return "", nil, nil, err // found while printing (SAFE. calls)
	}
	return keepLineCount(sql, b.String()), t.outputTypes(root), t.createdTypes(root), nil
}

// refusals are the refusals recorded, in the order of the SQL; nil when
// there are none.
func (t *translator) refusals() error {
	if len(t.errs) == 0 {
		return nil
	}
	sort.SliceStable(t.errs, func(i, j int) bool {
		a, b := t.errs[i], t.errs[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	if len(t.errs) == 1 {
		return t.errs[0]
	}
	return diag.List(t.errs)
}

// translator walks the tree, setting each node's rewrite and collecting
// refusals.
type translator struct {
	d Dialect
	// duckSel is the select whose items nameDuckItems names (duck_names.go)
	duckSel *node
	// hierNames are the CTEs of the hierarchical queries rewritten, doneHier
	// the tokens of their PRIOR, CONNECT_BY_ROOT and SYS_CONNECT_BY_PATH,
	// hierCalls those of every SYS_CONNECT_BY_PATH (connect_by.go)
	hierNames []string
	hierSpans [][2]int // the tokens of those queries
	doneHier  map[int]bool
	hierCalls []int
	// shown are the columns of the SHOW statements rewritten as queries
	// (show_schemas.go), as Snowflake names them
	shown map[*node][]string
	// script is the statements translated; resultScans the LAST_QUERY_ID()
	// calls of the RESULT_SCANs read as the statement before (result_scan.go)
	script      *node
	lambdas     bool // the script has lambdas: a name may be a parameter of one
	resultScans map[*node]bool
	// qualifiers are the schema tokens of schema.table.column and
	// schema.table.* printed as the SQLite schema (dbt_schemas.go).
	qualifiers map[int]string
	opts       Options
	// outerSelects are the select cores whose items name the query's
	// columns, with Options.ItemNames
	outerSelects map[*node]bool
	toks         []token
	pr           *printer
	errs         []*diag.Diagnostic
	seq          int   // for generated aliases
	seqCalls     []int // the tokens of the calls drawing from a sequence (sequences.go)
	// ordering is the scope of the SELECT whose ORDER BY is being walked,
	// where a name may be an alias of its select list.
	ordering *scope
	// unnestSeen are the select-item unnest calls markSelectUnnest has
	// rewritten or refused already.
	unnestSeen map[*node]bool
	// sc is the scope being walked, where names get their static types;
	// renamed are the CTEs with a column list, and its names; typing and selTypes are the
	// SELECTs whose output types are being and have been worked out.
	sc         *scope
	typeMemo   map[typeKey]string // the static types of the question being answered (staticType)
	numMemo    map[typeKey]string // its number types (numberType)
	intMemo    map[typeKey]string // DuckDB's integer types (duckIntegerType)
	eachHidden map[*node]bool     // bare names printed inside a query over json_each (insideEach)
	question   int                // counts the questions staticType answered; asking while one is
	asking     bool
	concatMemo map[typeKey]bool   // whether a || joins lists (concatsLists)
	fullMemo   map[typeKey]string // the full BigQuery types of the question being answered (fullType)
	// unnestTyping are the UNNEST items whose rows are being typed
	unnestTyping map[*fromInfo]bool
	renamed      map[*node][]string
	// renamedStored are the names as written of the quoted names of those
	// column lists, "" for an unquoted one (snowflake_names.go).
	renamedStored map[*node][]string
	recursive     map[*node]bool // the queries of WITH RECURSIVE's CTEs, which SQLite cannot wrap
	// inserted are the queries of INSERT statements (VALUES by position).
	inserted map[*node]bool
	// rowSeqs are the SEQn() calls that are row numbers, seqWords whether
	// the SQL names one (1), not (-1) or is not read yet (seq_rows.go)
	rowSeqs  map[*node]bool
	seqWords int8
	typing   map[*node]bool
	selTypes map[*node]selTyped
	// valTypes are the VALUES lists whose column types are worked out:
	// each column of a large VALUES read through it would type every row.
	valTypes map[*node][]colType
	// tableTypes are Options.Types' answers, by schema.table.
	tableTypes map[string][]colType
	// renaming are the FROM items t(a, b) whose columns are being typed.
	renaming map[*fromInfo]bool
	// usingInstants are the USING joins known to compare instants or not
	// (using_instants.go).
	usingInstants map[*fromInfo]bool
	// naturals are the Snowflake NATURAL JOINs to write as JOIN ... USING
	// (natural_instants.go): the NATURAL token, the last token of the
	// relation joined and its common columns.
	naturals []naturalJoin
	// grouping are the GROUPING() calls no SELECT has claimed yet;
	// groupingSel the SELECTs written as a UNION ALL of grouping sets.
	grouping    map[*node]bool
	groupingSel map[*node]*groupingSelect
	// fromSkips are the token ranges of SEMI and ANTI joins a FROM list
	// leaves out (semi_join.go).
	fromSkips map[*node][][2]int
	// columnsCall are the COLUMNS(...) calls a select item expands
	// (columns_expr.go).
	columnsCall map[*node]bool
	// wildcards are the tables BigQuery's wildcard FROM items read
	// (wildcard_tables.go).
	wildcards map[*fromInfo]*wildcard
	// safeCalls are the calls of BigQuery's SAFE.f (safe_calls.go).
	safeCalls []*node
	// epochOrder are the window ORDER BY items ordered by their epoch
	// seconds for a RANGE frame of INTERVAL offsets (window_frames.go).
	epochOrder map[*node]bool
	// refNames are the select items of outerSelects that are column
	// references, named as their relation spells the column
	// (duck_ref_names.go).
	refNames map[*node]string
}

// refuse records refusal r at token i.
func (t *translator) refuse(i int, r refusal, args ...any) {
	msg := r.message
	if len(args) > 0 && strings.Contains(msg, "%") {
		msg = fmt.Sprintf(msg, args...)
	}
	if strings.Contains(msg, "%D") {
		msg = strings.ReplaceAll(msg, "%D", dialectName(t.d))
	}
	hint := strings.ReplaceAll(r.hint, "%D", dialectName(t.d))
	line, col := 1, 0
	if i >= 0 && i < len(t.toks) {
		line, col = t.toks[i].line, t.toks[i].col
	} else if n := len(t.toks); n > 0 {
		line = t.toks[n-1].line + strings.Count(t.toks[n-1].text, "\n")
	}
	for _, e := range t.errs {
		if e.Line == line && e.Col == col && e.Message == msg {
			return
		}
	}
	t.errs = append(t.errs, &diag.Diagnostic{Severity: diag.Error, Line: line, Col: col, Message: msg, Hint: hint})
}

func dialectName(d Dialect) string {
	switch d {
	case BigQuery:
		return "BigQuery"
	case Snowflake:
		return "Snowflake"
	case DuckDB:
		return "DuckDB"
	}
	return "SQLite"
}

// name is the text of token i with its quotes.
func (t *translator) tokText(i int) string { return t.toks[i].text }

// markNamedSelects marks the select cores of query q whose items name
// columns of q: its first body's (a set operation's columns are named by
// it), and those of the CTEs and FROM subqueries they read, whose columns
// a select * passes on (a scalar or IN subquery's name none).
func markNamedSelects(q *node, out map[*node]bool) {
	switch {
	case q == nil:
	case q.kind == nSubquery:
		markNamedSelects(q.x, out)
	case q.kind == nQuery:
		if q.x != nil && q.x.kind == nWith {
			for _, c := range q.x.list {
				markNamedSelects(c.x, out)
			}
		}
		if len(q.list) > 0 {
			// a set operation's columns are named by its first body
			markNamedSelects(q.list[0], out)
		}
	case q.kind == nSelect && q.sel != nil && !out[q]:
		out[q] = true
		for _, f := range q.sel.from {
			if f.from != nil && f.from.kind == fromQuery {
				markNamedSelects(f.from.expr, out)
			}
		}
	}
}
