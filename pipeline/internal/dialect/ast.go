package dialect

// nkind is the syntactic class of a node.
type nkind uint8

const (
	nScript   nkind = iota // statements; kids are the statements
	nSoup                  // a statement read token by token, expressions and queries parsed inside
	nQuery                 // [WITH ...] body {set op body} [ORDER BY] [LIMIT]; list = bodies, x = with
	nWith                  // WITH ctes; list = nCTE
	nCTE                   // name [(cols)] AS (query); name, x = query
	nSelect                // one SELECT core
	nValues                // VALUES (...), (...)
	nItem                  // a select item: x = expr, name = alias (lower), aliasTok
	nStar                  // * or t.*; name = qualifier; names = EXCEPT/EXCLUDE names, list2 = REPLACE items, star = ILIKE and RENAME
	nFrom                  // a FROM item: table, subquery, function, unnest; see fromKind
	nJoin                  // x JOIN y ON/USING; x, y, z = ON condition
	nOrder                 // order item: x = expr; flags hasNulls, desc
	nExpr                  // a generic expression group printed verbatim (lists, window specs)
	nName                  // a possibly dotted name; parts
	nLit                   // literal token
	nString                // string literal
	nParam                 // parameter or keyword constant
	nCall                  // function call; name = lower function name, list = args
	nCast                  // CAST/SAFE_CAST/TRY_CAST(x AS type) or x::type
	nBinary                // x op y; name = op
	nUnary                 // op x
	nParen                 // (x)
	nTuple                 // (x, y, ...)
	nSubquery              // (query); x = query
	nCase                  // CASE ... END
	nIn                    // x [NOT] IN (list | query | UNNEST(arr))
	nBetween               // x [NOT] BETWEEN y AND z
	nIs                    // x IS [NOT] y
	nLike                  // x [NOT] LIKE|ILIKE|GLOB y [ESCAPE z]; LIKE ANY|ALL: tok2, patterns in list (or an array in y)
	nPostfix               // x ISNULL / NOTNULL / NOT NULL / COLLATE n
	nIndex                 // x[i], x[OFFSET(i)], ...: x, y = index, name = offset/safe_offset/ordinal/""; DuckDB x[y:z:list[0]]: name = slice
	nField                 // x.field after a call or paren: x, name = field
	nPath                  // Snowflake x:a.b[0]: x, name = JSON path
	nArray                 // [a, b], ARRAY[a, b]; list
	nArraySub              // ARRAY(query); x = query
	nStruct                // STRUCT(...), STRUCT<...>(...), {'k': v}; list = values, names
	nExtract               // EXTRACT(part FROM x)
	nInterval              // INTERVAL x unit
	nTyped                 // DATE '...', TIMESTAMP '...'
	nExists                // EXISTS (query)
	nWindow                // OVER (...) or OVER name
	nRaw                   // tokens printed as they are
	nLambda                // DuckDB x -> expr, (x, i) -> expr, lambda x: expr; names = params, x = body
	nCreate                // CREATE [OR REPLACE] TABLE | VIEW ...; create (ddl.go)
	nTable                 // the table a statement creates or writes; names = parts as written
	nAlter                 // ALTER TABLE of constraints and options; alter (alter.go)
	nListFor               // DuckDB's [e for x[, i] in l [if c]]: x = nLambda of e, list = l and an nLambda of c
	nMap                   // DuckDB's MAP {k: v, ...}; list = keys and values, alternately
)

// node is one piece of the syntax tree over the token slice: tokens
// [start, end). kids are every child, in source order and not
// overlapping; a node prints as its tokens with each kid printed in its
// place, unless a rewrite gives it its own text.
type node struct {
	kind       nkind
	start, end int
	kids       []*node

	x, y, z *node   // operands, meaning per kind
	list    []*node // arguments, items, bodies
	list2   []*node
	name    string   // lower-case name, operator or keyword
	names   []string // struct field names, column aliases
	parts   []int    // tokens of a dotted name
	tok     int      // token of the operator, keyword or alias; -1 when none
	tok2    int      // a second token: DISTINCT of a call, AS of a cast
	flag    bool     // DISTINCT for calls, NOT for predicates, DESC for order items
	flag2   bool     // NULLS given for order items, AS STRUCT for selects

	// set by the parser for selects and FROM items
	sel    *selectInfo
	from   *fromInfo
	create *createInfo
	alter  *alterInfo
	star   *starInfo

	// rewrites: text around the node, or a function giving its whole text
	pre, post string
	print     func(p *printer, n *node) string

	// the answers of the question being answered (staticType, numberType,
	// DuckDB's fullType)
	typeMemo, numMemo, fullMemo nodeMemo
}

// nodeMemo is an answer about a node, kept for the question it was asked in
// and the scope it was asked in (translator.memoized).
type nodeMemo struct {
	asked int
	sc    *scope
	v     string
}

// selectInfo holds the clauses of a SELECT core.
type selectInfo struct {
	items                         []*node // nItem and nStar
	from                          []*node // nFrom items, flattened out of joins
	fromClause                    *node   // the FROM list or join tree as written
	where, having, qualify, group *node
	distinctOn                    *node // DISTINCT ON (...) (distinct_on.go)
	fromTok, qualifyTok           int
	windowAfter                   int       // token of a WINDOW after QUALIFY, or 0
	trailingComma                 int       // token of a comma before FROM, or -1
	asTok, structTok              int       // SELECT AS STRUCT / AS VALUE, or -1
	topTok, topCount              int       // Snowflake's SELECT TOP n: TOP's token (or -1) and n's
	connectTok                    int       // Snowflake's START WITH / CONNECT BY after FROM, or -1
	hier                          *hierInfo // its clauses (connect_by.go)
	asStruct, asValue             bool
	scope                         *scope
	unnests                       []*node // DuckDB unnest(list) calls of the select items (select_unnest.go)
	order                         *node   // its query's ORDER BY, when it is the query's only body
}

// starInfo holds Snowflake's ILIKE and RENAME of a * select item.
type starInfo struct {
	ilike   string // the ILIKE pattern's value; "" when none
	hasLike bool
	renames []starRename
}

// starRename is one RENAME (col AS alias): the column's name in lower
// case and the alias's token.
type starRename struct {
	from string
	to   int
}

// fromKind is what a FROM item reads.
type fromKind uint8

const (
	fromTable fromKind = iota
	fromQuery
	fromUnnest // UNNEST(x), FLATTEN(...), DuckDB unnest(x): json_each
	fromFunc   // another table-valued function
	fromGroup  // a parenthesised join
)

// fromInfo describes a FROM item.
type fromInfo struct {
	kind       fromKind
	schema     string // lower case, for tables: the SQLite schema
	written    string // the schema as the SQL names it, lower case
	database   string // a table's database as the SQL names it (db.schema.table), or ""
	resolved   bool   // the name is printed with schema (dbt's names resolved: dbt_schemas.go)
	table      string // lower case, for tables
	alias      string // lower case; the name it is referred to by
	aliasText  string // as written
	expr       *node  // UNNEST's array or the function call; the subquery for fromQuery
	offset     string // WITH OFFSET alias
	offsetNode *node
	lateral    int // LATERAL token, or -1
	// tokens of a table's name, for BigQuery's `project.dataset.table`
	nameStart, nameEnd int
	// fileFunc says the table is read_csv(file) of a project file
	// (Options.FileTable), its name the temporary table holding its rows
	fileFunc   bool
	fileErr    string // why read_csv cannot read its file
	readsFile  bool   // FROM 'path' of a file that is no CSV file, refused
	columns    []string
	flatten    bool     // Snowflake FLATTEN: columns index, value, key...
	split      string   // SPLIT_TO_TABLE, STRTOK_SPLIT_TO_TABLE: the function splitting; index is 1-based
	fields     []string // BigQuery UNNEST of a literal array of structs without an alias: its columns
	implicit   bool     // BigQuery UNNEST of a column without an alias: its elements' fields are names
	structRows bool     // BigQuery UNNEST of a literal array of structs with an alias or WITH OFFSET: its fields are names
	aliasStart int      // first token of the alias clause, or -1
	aliasCols  *node
	pivot      *pivotInfo // PIVOT / UNPIVOT after the item (pivot.go)
	// the join that brings the item in: its words before JOIN ("left",
	// "semi", "asof left"), the first of them, and its ON or USING
	joinKind          string
	joinTok           int
	joinOn, joinUsing *node
	ordinality        int  // the WITH of WITH ORDINALITY, or -1
	stage             bool // Snowflake's @stage: a staged file
}
