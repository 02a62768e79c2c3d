package dialect

import (
	"path"
	"strings"
)

// parser reads the tokens of one dialect into a tree. It works on the
// significant tokens (no spaces or comments); nodes record raw token
// positions so the printer can give back everything in between.
type parser struct {
	d    Dialect
	toks []token
	sig  []int // raw indices of significant tokens
	pos  int   // index into sig
	// depth is the nesting of expressions being parsed; deepAt is the
	// furthest position where it passed maxNesting.
	depth, deepAt int
	// lambdas: a lambda was parsed (a name may be one's parameter)
	lambdas bool
	// argIn: IN ends the expression, the first argument of POSITION(a IN b)
	argIn bool
	// schemas resolves dbt's schema names in table names (dbt_schemas.go).
	schemas Schemas
	// fileTable is Options.FileTable
	fileTable func(file string) (string, error)
	// joinWordRefs are the tokens of join words written as a column name
	// (reserved_columns.go).
	joinWordRefs map[int]bool
	// aliasWords are the tokens of aliases DuckDB refuses as keywords
	// (reserved_columns.go).
	aliasWords []int
	// connectByRoots are the tokens of Snowflake's CONNECT_BY_ROOT, refused
	// outside a query with CONNECT BY (connect_by.go)
	connectByRoots []int
	// emptyItems are the second commas of a, , b in a select list
	emptyItems []int
	// castSlices are the [ of DuckDB's x::TYPE[1:3], a slice right after
	// a cast, which DuckDB's parser refuses
	castSlices []int
	// emptyFroms are the ( of FROM ( ), a FROM item with nothing inside
	emptyFroms []int
	// withOperands are the WITH opening an operand of UNION, INTERSECT or
	// EXCEPT without parentheses, which no query grammar reads there
	withOperands []int
	// priors are the tokens of PRIOR in CONNECT BY conditions
	priors []int
	// inConnect: a CONNECT BY condition is read, where PRIOR x is an operator
	inConnect bool
	// inFrame: the soup read is a window's frame, whose words are not names
	inFrame bool
	// soupFirst is the first word of the statement read token by token
	// (update, delete, insert...)
	soupFirst string
}

// frameWords are the words of a window frame (ROWS BETWEEN 1 PRECEDING AND
// CURRENT ROW EXCLUDE NO OTHERS), never names of columns or fields.
var frameWords = map[string]bool{"rows": true, "range": true, "groups": true, "between": true, "and": true,
	"unbounded": true, "preceding": true, "following": true, "current": true, "row": true,
	"exclude": true, "no": true, "others": true, "ties": true, "group": true}

// syntaxError stops a parse; the statement is then read token by token.
type syntaxError struct {
	tok int // raw token index, or len(toks) at the end
	msg string
}

var eof = token{kind: kSpace}

func newParser(d Dialect, toks []token) *parser {
	return &parser{d: d, toks: toks, sig: significantIndexes(toks)}
}

// significantIndexes are the indexes of the tokens that are not spaces or
// comments, which parsers and statement rewrites step through.
func significantIndexes(toks []token) []int {
	sig := make([]int, 0, len(toks)/2+1)
	for i, t := range toks {
		if t.kind != kSpace && t.kind != kComment {
			sig = append(sig, i)
		}
	}
	return sig
}

// ti is the raw index of the current token (len(toks) at the end).
func (p *parser) ti() int {
	if p.pos < len(p.sig) {
		return p.sig[p.pos]
	}
	return len(p.toks)
}

func (p *parser) peekAt(k int) *token {
	if p.pos+k < len(p.sig) {
		return &p.toks[p.sig[p.pos+k]]
	}
	return &eof
}

func (p *parser) peek() *token { return p.peekAt(0) }

// next consumes the current token and returns its raw index.
func (p *parser) next() int {
	i := p.ti()
	if p.pos < len(p.sig) {
		p.pos++
	}
	return i
}

// prevEnd is the raw index just past the last consumed token.
func (p *parser) prevEnd() int {
	if p.pos == 0 {
		return 0
	}
	return p.sig[p.pos-1] + 1
}

func (p *parser) atEOF() bool { return p.pos >= len(p.sig) }

func (p *parser) isWord(w string) bool {
	t := p.peek()
	return t.kind == kWord && t.lower == w
}

func (p *parser) isWordAt(k int, w string) bool {
	t := p.peekAt(k)
	return t.kind == kWord && t.lower == w
}

func (p *parser) isPunct(s string) bool {
	t := p.peek()
	return (t.kind == kPunct || t.kind == kOpen || t.kind == kClose || t.kind == kDot) && t.text == s
}

func (p *parser) isPunctAt(k int, s string) bool {
	t := p.peekAt(k)
	return (t.kind == kPunct || t.kind == kOpen || t.kind == kClose || t.kind == kDot) && t.text == s
}

func (p *parser) acceptWord(w string) (int, bool) {
	if p.isWord(w) {
		return p.next(), true
	}
	return -1, false
}

func (p *parser) acceptPunct(s string) bool {
	if p.isPunct(s) {
		p.next()
		return true
	}
	return false
}

func (p *parser) fail(msg string) {
	panic(syntaxError{tok: p.ti(), msg: msg})
}

func (p *parser) expectWord(w string) int {
	if !p.isWord(w) {
		p.fail("expected " + strings.ToUpper(w))
	}
	return p.next()
}

func (p *parser) expectPunct(s string) int {
	if !p.isPunct(s) {
		p.fail("expected " + s)
	}
	return p.next()
}

func (p *parser) open(k nkind) *node {
	p.lambdas = p.lambdas || k == nLambda
	return &node{kind: k, start: p.ti(), tok: -1, tok2: -1}
}

func (p *parser) close(n *node) *node {
	n.end = p.prevEnd()
	if n.end < n.start {
		n.end = n.start
	}
	return n
}

func (n *node) add(k *node) *node {
	if k != nil {
		n.kids = append(n.kids, k)
	}
	return k
}

// reserved words end an expression: they are never an implicit alias or a
// column name.
var reserved = map[string]bool{
	"select": true, "from": true, "where": true, "group": true, "having": true, "order": true,
	"limit": true, "offset": true, "union": true, "intersect": true, "except": true, "join": true,
	"on": true, "using": true, "left": true, "right": true, "full": true, "inner": true, "outer": true,
	"cross": true, "natural": true, "as": true, "and": true, "or": true, "not": true, "in": true,
	"is": true, "like": true, "ilike": true, "glob": true, "regexp": true, "rlike": true, "match": true,
	"between": true, "case": true, "when": true, "then": true, "else": true, "end": true,
	"window": true, "qualify": true, "over": true, "partition": true, "by": true, "asc": true,
	"desc": true, "nulls": true, "into": true, "values": true, "with": true, "lateral": true,
	"set": true, "returning": true, "escape": true, "collate": true, "isnull": true, "notnull": true,
	"filter": true, "within": true, "pivot": true, "unpivot": true, "exclude": true, "fetch": true,
	"for": true, "distinct": true, "all": true, "indexed": true, "do": true, "conflict": true,
	"sample": true, "tablesample": true, "match_condition": true,
}

// reserved tells whether word is reserved in the parser's dialect: the
// words above, and Snowflake's MINUS (EXCEPT), which ends a query there
// (select 1 minus select 2).
func (p *parser) reserved(word string) bool {
	return reserved[word] || p.d == Snowflake && word == "minus"
}

// parseScript reads every statement. A statement the structured parser
// cannot read is read as a soup of tokens in which expressions and queries
// are still parsed, so rewrites inside it happen.
func (p *parser) parseScript() *node {
	root := &node{kind: nScript, start: 0, end: len(p.toks), tok: -1, tok2: -1}
	for !p.atEOF() {
		if p.isPunct(";") {
			p.next()
			continue
		}
		root.add(p.parseStatement())
	}
	return root
}

func (p *parser) parseStatement() (n *node) {
	start := p.pos
	t := p.peek()
	if t.kind == kWord && (t.lower == "select" || t.lower == "with" || t.lower == "values") || t.kind == kOpen {
		if q, ok := p.try(p.parseQuery); ok && (p.atEOF() || p.isPunct(";")) {
			return q
		}
		p.pos = start
	}
	if t.kind == kWord && t.lower == "create" {
		if c, ok := p.try(p.parseCreate); ok {
			return c
		}
		p.pos = start
	}
	if t.kind == kWord && t.lower == "comment" && p.d == Snowflake {
		if a, ok := p.try(p.parseComment); ok {
			return a
		}
		p.pos = start
	}
	if t.kind == kWord && t.lower == "alter" {
		if a, ok := p.try(p.parseAlter); ok {
			return a
		}
		p.pos = start
	}
	if s, ok := p.try(func() *node { return p.parseSoup(false) }); ok {
		return s
	}
	p.pos = start
	raw := p.open(nRaw)
	for !p.atEOF() && !p.isPunct(";") {
		p.next()
	}
	return p.close(raw)
}

// try runs f, turning a syntax error into ok == false.
func (p *parser) try(f func() *node) (n *node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			n, ok = nil, false
		}
	}()
	return f(), true
}

// parseSoup reads tokens up to ';' (or the closing parenthesis when nested),
// parsing queries and expressions where they parse.
func (p *parser) parseSoup(nested bool) *node {
	n := p.open(nSoup)
	if !nested {
		saved := p.soupFirst
		p.soupFirst = p.peek().lower
		defer func() { p.soupFirst = saved }()
	}
	for !p.atEOF() && !p.isPunct(";") {
		t := p.peek()
		if nested && t.kind == kClose {
			break
		}
		start := p.pos
		// A parse from before where nesting passed the bound would fail
		// there again: read on token by token until past it, so a deeply
		// nested statement costs one failed parse, not one per level.
		deep := start < p.deepAt
		switch {
		case deep && t.kind != kOpen:
		case t.kind == kWord && sqliteKeywords[t.lower]:
			// a statement's own word (DELETE, ON CONFLICT DO UPDATE, DROP
			// TABLE IF EXISTS), never a column
		case t.kind == kWord && t.lower == "set":
			// UPDATE ... SET a = x, b = y (ON CONFLICT ... DO UPDATE SET,
			// MERGE's WHEN MATCHED THEN UPDATE SET, a SET statement): each
			// column = is an assignment, not a comparison, so only its
			// value is an expression
			p.next()
			p.parseAssignments(n)
			continue
		case (t.kind == kWord && !p.reserved(t.lower) && t.lower != "if" && t.lower != "table" || t.kind == kQuoted) && p.atTableTarget():
			if name, ok := p.try(p.parseTableName); ok {
				n.add(name)
				continue
			}
		case t.kind == kWord && (t.lower == "select" || t.lower == "with" || t.lower == "values"):
			if q, ok := p.try(p.parseQuery); ok {
				n.add(q)
				continue
			}
		case p.soupFirst == "alter" && t.kind == kWord && p.peekAt(1).kind == kOpen && isTypeName(t.lower):
			// ALTER TABLE ... ADD COLUMN c DECIMAL(10, 2), ALTER COLUMN c
			// SET DATA TYPE VARCHAR(20): a type with its parameters, not a
			// function call
			p.next()
			if r, ok := p.try(p.parseRawParens); ok {
				n.add(r)
				continue
			}
		case t.kind == kOpen:
			if !deep {
				if e, ok := p.try(p.parseExpr); ok {
					n.add(e)
					continue
				}
			}
			p.pos = start
			g := p.open(nExpr)
			p.next()
			g.add(p.parseSoup(true))
			p.expectPunct(")")
			n.add(p.close(g))
			continue
		case t.kind == kWord && (p.reserved(t.lower) || t.lower == "merge" || p.inFrame && frameWords[t.lower]), t.kind == kClose, t.kind == kPunct && t.text != "[" && t.text != "-" && t.text != "{":
		default:
			if e, ok := p.try(p.parseExpr); ok {
				n.add(e)
				continue
			}
		}
		p.pos = start
		p.next()
	}
	return p.close(n)
}

// parseAssignments reads the assignments after SET, target = value[, ...],
// into n: a target (a column, maybe qualified) is left as written, each
// value is an expression. It stops, the tokens read so far left as they
// are, where the list ends or is not one.
func (p *parser) parseAssignments(n *node) {
	for {
		k := 0
		for {
			if t := p.peekAt(k); t.kind != kWord && t.kind != kQuoted || t.kind == kWord && p.reserved(t.lower) {
				return
			}
			k++
			if !p.isPunctAt(k, ".") {
				break
			}
			k++
		}
		if !p.isPunctAt(k, "=") {
			return
		}
		for range k + 1 {
			p.next()
		}
		after := p.pos
		e, ok := p.try(p.parseExpr)
		if !ok {
			p.pos = after
			return
		}
		n.add(e)
		if !p.acceptPunct(",") {
			return
		}
	}
}

// parseQuery reads [WITH ...] body {set-op body} [ORDER BY ...] [LIMIT ...].
func (p *parser) parseQuery() *node {
	q := p.open(nQuery)
	if p.isWord("with") {
		w := p.open(nWith)
		p.next()
		p.acceptWord("recursive")
		for {
			c := p.open(nCTE)
			if k := p.peek().kind; k != kWord && k != kQuoted {
				p.fail("expected a CTE name")
			}
			c.tok = p.next() // name
			c.name = identName(p.toks[c.tok])
			if p.isPunct("(") {
				c.add(p.parseRawParens())
			}
			p.expectWord("as")
			p.acceptWord("materialized")
			if _, ok := p.acceptWord("not"); ok {
				p.expectWord("materialized")
			}
			sub := p.open(nSubquery)
			p.expectPunct("(")
			sub.x = sub.add(p.parseQuery())
			p.expectPunct(")")
			c.x = c.add(p.close(sub)).x
			w.list = append(w.list, w.add(p.close(c)))
			if !p.acceptPunct(",") {
				break
			}
		}
		q.x = q.add(p.close(w))
	}
	q.list = append(q.list, q.add(p.parseBody()))
	for {
		t := p.peek()
		if t.kind != kWord || t.lower != "union" && t.lower != "intersect" && t.lower != "except" && t.lower != "minus" {
			break
		}
		op := p.open(nRaw)
		p.next()
		if i, ok := p.acceptWord("distinct"); ok {
			op.tok = i
		} else {
			p.acceptWord("all")
		}
		if p.isWord("by") && p.isWordAt(1, "name") {
			// refused by the translator where it is not the dialect's
			op.tok2 = p.next()
			p.next()
			op.name = "by name"
			if p.d == BigQuery {
				p.parseBigQueryByName(op)
			}
		}
		p.parseCorresponding(op)
		q.add(p.close(op))
		q.list2 = append(q.list2, op)
		if p.isWord("with") {
			// SELECT ... UNION ALL WITH x AS (...) SELECT ...: read as the
			// query it is (the rest of the statement), which the
			// translator refuses by name
			p.withOperands = append(p.withOperands, p.ti())
			q.list = append(q.list, q.add(p.parseQuery()))
			break
		}
		q.list = append(q.list, q.add(p.parseBody()))
	}
	if p.isWord("order") && p.isWordAt(1, "by") {
		o := p.open(nExpr)
		p.next()
		p.next()
		if p.isWord("all") && !p.isPunctAt(1, "(") {
			p.parseOrderAll(o)
		} else {
			o.list = p.parseOrderItems(o)
		}
		q.y = q.add(p.close(o))
	}
	if p.d == Snowflake && (p.isWord("fetch") || p.isWord("offset") && p.fetchAfterOffset()) {
		q.add(p.parseFetch())
	} else if p.isWord("limit") || p.isWord("offset") {
		l := p.open(nExpr)
		if p.isWord("offset") {
			l.name = "offset" // OFFSET without LIMIT
		}
		p.next()
		if p.d == DuckDB && l.name == "" && p.peek().kind == kNumber && (p.isPunctAt(1, "%") || p.isWordAt(1, "percent")) {
			// DuckDB's LIMIT p% (limits.go)
			l.name = "percent"
			l.x = l.add(p.parsePrimary())
			p.next()
		} else {
			l.add(p.parseExpr())
		}
		if p.acceptPunct(",") {
			l.add(p.parseExpr())
		}
		if _, ok := p.acceptWord("offset"); ok {
			l.add(p.parseExpr())
		}
		q.add(p.close(l))
	}
	return p.close(q)
}

// fetchAfterOffset tells whether OFFSET n {ROW | ROWS} FETCH starts here,
// Snowflake's other form of LIMIT.
func (p *parser) fetchAfterOffset() bool {
	for k := 1; k < 64; k++ {
		t := p.peekAt(k)
		if t == &eof || t.kind == kClose || t.kind == kPunct && t.text == ";" {
			return false
		}
		if t.kind == kWord && t.lower == "fetch" {
			return true
		}
	}
	return false
}

// parseFetch reads Snowflake's [OFFSET start [ROW | ROWS]] FETCH [FIRST |
// NEXT] count [ROW | ROWS] [ONLY]: an nExpr "fetch", x = count, y = start.
func (p *parser) parseFetch() *node {
	l := p.open(nExpr)
	l.name = "fetch"
	if _, ok := p.acceptWord("offset"); ok {
		l.y = l.add(p.parseExpr())
		if _, ok := p.acceptWord("rows"); !ok {
			p.acceptWord("row")
		}
	}
	p.expectWord("fetch")
	if _, ok := p.acceptWord("first"); !ok {
		p.acceptWord("next")
	}
	l.x = l.add(p.parseExpr())
	if _, ok := p.acceptWord("rows"); !ok {
		p.acceptWord("row")
	}
	p.acceptWord("only")
	return p.close(l)
}

func (p *parser) parseOrderItems(parent *node) []*node {
	var out []*node
	for {
		o := p.open(nOrder)
		o.x = o.add(p.parseExpr())
		if _, ok := p.acceptWord("asc"); ok {
		} else if _, ok := p.acceptWord("desc"); ok {
			o.flag = true
		}
		if _, ok := p.acceptWord("nulls"); ok {
			o.flag2 = true
			if _, ok := p.acceptWord("first"); !ok {
				p.expectWord("last")
			}
		}
		out = append(out, parent.add(p.close(o)))
		if !p.acceptPunct(",") {
			return out
		}
	}
}

// parseBody reads a SELECT core, VALUES or a parenthesised query.
func (p *parser) parseBody() *node {
	switch {
	case p.isWord("select"):
		return p.parseSelect()
	case p.isWord("values"):
		v := p.open(nValues)
		p.next()
		for {
			v.add(p.parsePrimary())
			if !p.acceptPunct(",") {
				break
			}
		}
		return p.close(v)
	case p.isPunct("("):
		s := p.open(nSubquery)
		p.next()
		s.x = s.add(p.parseQuery())
		p.expectPunct(")")
		return p.close(s)
	}
	p.fail("expected SELECT")
	return nil
}

// parseSelect reads one SELECT core.
func (p *parser) parseSelect() *node {
	s := p.open(nSelect)
	info := &selectInfo{fromTok: -1, qualifyTok: -1, trailingComma: -1, asTok: -1, structTok: -1, topTok: -1, connectTok: -1}
	s.sel = info
	p.expectWord("select")
	if i, ok := p.acceptWord("distinct"); ok {
		s.tok2 = i
		if p.isWord("on") && p.isPunctAt(1, "(") {
			// refused by the translator, with where it is
			on := p.open(nExpr)
			p.next()
			p.next()
			p.parseList(on, ")")
			info.distinctOn = s.add(p.close(on))
		}
	} else {
		p.acceptWord("all")
	}
	if p.d == Snowflake && p.isWord("top") && p.peekAt(1).kind == kNumber {
		// SELECT TOP n: the query's LIMIT n (rewriteTop)
		info.topTok = p.next()
		info.topCount = p.next()
	}
	if p.isWord("as") && (p.isWordAt(1, "struct") || p.isWordAt(1, "value")) {
		info.asTok = p.next()
		info.structTok = p.next()
		info.asStruct = p.toks[info.structTok].lower == "struct"
		info.asValue = !info.asStruct
	}
	for {
		info.items = append(info.items, s.add(p.parseItem()))
		if !p.isPunct(",") {
			break
		}
		comma := p.next()
		for p.isPunct(",") {
			// a, , b: no item between the commas, which the warehouses
			// refuse (the translator does, at the second comma)
			p.emptyItems = append(p.emptyItems, p.next())
		}
		t := p.peek()
		if p.atEOF() || t.kind == kClose || t.kind == kWord && (t.lower == "from" || t.lower == "where" || t.lower == "group" || t.lower == "order" || t.lower == "limit" || t.lower == "union") || t.kind == kPunct && t.text == ";" {
			info.trailingComma = comma
			break
		}
	}
	if i, ok := p.acceptWord("from"); ok {
		info.fromTok = i
		f := p.open(nExpr)
		p.parseFromList(f, info)
		info.fromClause = s.add(p.close(f))
		resolveStars(info)
		p.parseHierarchy(s, info)
	}
	if _, ok := p.acceptWord("where"); ok {
		info.where = s.add(p.parseExpr())
		if info.hier == nil {
			// Oracle's order: WHERE before START WITH / CONNECT BY
			p.parseHierarchy(s, info)
		}
	}
	if p.isWord("group") && p.isWordAt(1, "by") {
		g := p.open(nExpr)
		p.next()
		p.next()
		if p.isWord("all") {
			// GROUP BY ALL: the select items without an aggregate,
			// filled in by the translator.
			g.tok = p.next()
			g.name = "all"
		} else {
			for {
				g.add(p.parseGroupItem())
				if !p.acceptPunct(",") {
					break
				}
			}
		}
		info.group = s.add(p.close(g))
	}
	if _, ok := p.acceptWord("having"); ok {
		info.having = s.add(p.parseExpr())
	}
	p.parseWindowClause(s)
	if i, ok := p.acceptWord("qualify"); ok {
		info.qualifyTok = i
		info.qualify = s.add(p.parseExpr())
		// BigQuery writes WINDOW after QUALIFY
		if w := p.ti(); p.parseWindowClause(s) {
			info.windowAfter = w
		}
	}
	return p.close(s)
}

// parseHierarchy reads Snowflake's START WITH cond CONNECT BY [NOCYCLE]
// cond, ... (in either order) after a FROM list: the conditions are kids
// of SELECT s, rewritten as a recursive CTE (connect_by.go); PRIOR x in a
// CONNECT BY condition is a unary operator.
func (p *parser) parseHierarchy(s *node, info *selectInfo) {
	if !p.hierarchyAhead() {
		return
	}
	h := &hierInfo{startTok: -1, connectTok: -1, nocycleTok: -1, dupTok: -1}
	info.connectTok = p.ti()
	info.hier = h
	for p.hierarchyAhead() {
		if p.isWord("start") {
			if h.startTok >= 0 {
				h.dupTok = p.ti()
			}
			h.startTok = p.next()
			p.next()
			h.start = s.add(p.parseExpr())
			continue
		}
		if h.connectTok >= 0 {
			h.dupTok = p.ti()
		}
		h.connectTok = p.next()
		p.next()
		if i, ok := p.acceptWord("nocycle"); ok {
			h.nocycleTok = i
		}
		saved := p.inConnect
		p.inConnect = true
		for {
			h.connect = append(h.connect, s.add(p.parseExpr()))
			if !p.isPunct(",") {
				break
			}
			h.commas = append(h.commas, p.next())
		}
		p.inConnect = saved
	}
}

// hierarchyAhead tells whether Snowflake's START WITH or CONNECT BY
// follows, which no alias is.
func (p *parser) hierarchyAhead() bool {
	return p.d == Snowflake && (p.isWord("start") && p.isWordAt(1, "with") || p.isWord("connect") && p.isWordAt(1, "by"))
}

// parseWindowClause reads WINDOW name AS (spec), ... into s, if there.
func (p *parser) parseWindowClause(s *node) bool {
	if _, ok := p.acceptWord("window"); !ok {
		return false
	}
	for {
		w := p.open(nExpr)
		p.next()
		p.expectWord("as")
		w.add(p.parseWindowSpec())
		s.add(p.close(w))
		if !p.acceptPunct(",") {
			break
		}
	}
	return true
}

// parseItem reads one select item: *, t.* (with EXCEPT, EXCLUDE or
// REPLACE) or an expression with its alias.
func (p *parser) parseItem() *node {
	if n := p.starLength(); n > 0 {
		st := p.open(nStar)
		var qual []string
		for k := 0; k < n-1; k += 2 {
			qual = append(qual, identName(*p.peek()))
			p.next()
			p.next()
		}
		st.name = strings.Join(qual, ".")
		st.tok = p.next() // *
		p.parseStarModifiers(st)
		return p.close(st)
	}
	it := p.open(nItem)
	it.x = it.add(p.parseExpr())
	p.parseAlias(it)
	return p.close(it)
}

// starLength is the number of tokens of *, t.* or s.t.* at the current
// position, or 0.
func (p *parser) starLength() int {
	for k := 0; ; k += 2 {
		t := p.peekAt(k)
		if t.kind == kPunct && t.text == "*" {
			return k + 1
		}
		if (t.kind != kWord || p.reserved(t.lower)) && t.kind != kQuoted || !p.isPunctAt(k+1, ".") {
			return 0
		}
	}
}

func (p *parser) parseStarModifiers(st *node) {
	for {
		switch {
		case (p.isWord("except") || p.isWord("exclude")) && !(p.isPunctAt(1, "(") && (p.isWordAt(2, "select") || p.isWordAt(2, "with"))):
			if p.isWord("except") && !p.isPunctAt(1, "(") {
				return // a set operator
			}
			p.next()
			paren := p.acceptPunct("(")
			for {
				st.names = append(st.names, p.parseDotted())
				if !paren || !p.acceptPunct(",") {
					break
				}
			}
			if paren {
				p.expectPunct(")")
			}
		case p.isWord("replace") && p.isPunctAt(1, "("):
			p.next()
			p.next()
			for {
				it := p.open(nItem)
				it.x = it.add(p.parseExpr())
				p.parseAlias(it)
				if it.name == "" {
					p.fail("REPLACE needs expr AS column")
				}
				st.list2 = append(st.list2, st.add(p.close(it)))
				if !p.acceptPunct(",") {
					break
				}
			}
			p.expectPunct(")")
		case p.isWord("ilike") && p.peekAt(1).kind == kString:
			p.next()
			if st.star == nil {
				st.star = &starInfo{}
			}
			st.star.ilike, st.star.hasLike = stringValue(p.d, p.toks[p.next()].text), true
		case p.isWord("rename") && (p.isPunctAt(1, "(") || p.isWordAt(2, "as")):
			p.next()
			paren := p.acceptPunct("(")
			if st.star == nil {
				st.star = &starInfo{}
			}
			for {
				from := p.parseDotted()
				p.expectWord("as")
				if t := p.peek(); t.kind != kWord && t.kind != kQuoted {
					p.fail("RENAME needs column AS alias")
				}
				st.star.renames = append(st.star.renames, starRename{from: from, to: p.next()})
				if !paren || !p.acceptPunct(",") {
					break
				}
			}
			if paren {
				p.expectPunct(")")
			}
		default:
			return
		}
	}
}

// parseDotted reads a column name, possibly qualified, and returns its last
// part in lower case.
func (p *parser) parseDotted() string {
	name := ""
	for {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a column name")
		}
		name = identName(*t)
		p.next()
		if !p.acceptPunct(".") {
			return name
		}
	}
}

// parseAlias reads [AS] alias into n.name and n.tok.
func (p *parser) parseAlias(n *node) {
	as, hasAs := p.acceptWord("as")
	t := p.peek()
	if t.kind == kQuoted || t.kind == kWord && !p.reserved(t.lower) && !p.hierarchyAhead() || hasAs && (t.kind == kWord || t.kind == kString) {
		n.tok = p.next()
		n.tok2 = as
		n.name = identName(p.toks[n.tok])
		p.noteAliasWord(n.tok, n.kind == nRaw, hasAs)
	} else if hasAs {
		p.fail("expected an alias after AS")
	}
}

// identName is the lower-case name an identifier token stands for.
func identName(t token) string {
	switch t.kind {
	case kQuoted:
		return strings.ToLower(t.text[1 : len(t.text)-1])
	case kString:
		return strings.ToLower(strings.Trim(t.text, `'"`))
	}
	return t.lower
}

// parseFromList reads FROM items and joins into f, recording each item in
// info.from.
func (p *parser) parseFromList(f *node, info *selectInfo) {
	f.add(p.parseFromItem(info))
	for {
		if p.acceptPunct(",") {
			f.add(p.parseFromItem(info))
			continue
		}
		t := p.peek()
		if t.kind != kWord {
			return
		}
		switch {
		case t.lower == "join", t.lower == "left", t.lower == "right", t.lower == "full", t.lower == "inner",
			t.lower == "cross", t.lower == "natural", t.lower == "outer", p.joinWord():
		default:
			return
		}
		joinTok := p.ti()
		var kind []string
		for !p.isWord("join") {
			if p.atEOF() {
				p.fail("expected JOIN")
			}
			kind = append(kind, p.peek().lower)
			p.next()
		}
		p.next()
		item := f.add(p.parseFromItem(info))
		item.from.joinKind, item.from.joinTok = strings.Join(kind, " "), joinTok
		if _, ok := p.acceptWord("on"); ok {
			item.from.joinOn = f.add(p.parseExpr())
		} else if _, ok := p.acceptWord("using"); ok {
			item.from.joinUsing = f.add(p.parseRawParens())
		}
	}
}

// joinWord tells whether DuckDB's SEMI, ANTI, ASOF or POSITIONAL starts a
// join here (semi join, asof left join), rather than naming an alias.
func (p *parser) joinWord() bool {
	if p.d != DuckDB {
		return false
	}
	switch p.peek().lower {
	case "semi", "anti", "positional":
		return p.isWordAt(1, "join")
	case "asof":
		side := p.isWordAt(1, "left") || p.isWordAt(1, "right") || p.isWordAt(1, "full") || p.isWordAt(1, "inner")
		return p.isWordAt(1, "join") || side && (p.isWordAt(2, "join") || p.isWordAt(2, "outer") && p.isWordAt(3, "join"))
	}
	return false
}

// parseFromItem reads one FROM item with its alias.
func (p *parser) parseFromItem(info *selectInfo) *node {
	n := p.open(nFrom)
	fi := &fromInfo{aliasStart: -1, lateral: -1}
	n.from = fi
	fi.lateral, _ = p.acceptWord("lateral")
	t := p.peek()
	switch {
	case t.kind == kOpen && (p.isWordAt(1, "select") || p.isWordAt(1, "with") || p.isWordAt(1, "values") || p.isPunctAt(1, "(")):
		start := p.pos
		if sub, ok := p.try(func() *node {
			s := p.open(nSubquery)
			p.next()
			s.x = s.add(p.parseQuery())
			p.expectPunct(")")
			return p.close(s)
		}); ok {
			fi.kind = fromQuery
			fi.expr = n.add(sub)
			break
		}
		p.pos = start
		fallthrough
	case p.d == Snowflake && t.kind == kWord && t.lower == "values" && p.isPunctAt(1, "("):
		// Snowflake's FROM VALUES (...), (...) without parentheses: a
		// subquery of the VALUES alone
		sub := p.open(nSubquery)
		q := p.open(nQuery)
		q.list = append(q.list, q.add(p.parseBody()))
		sub.x = sub.add(p.close(q))
		sub.pre, sub.post = "(", ")"
		fi.kind = fromQuery
		fi.expr = n.add(p.close(sub))
	case t.kind == kOpen:
		if p.isPunctAt(1, ")") {
			// FROM ( ): no query, which the warehouses refuse (the
			// translator does, at the parenthesis)
			p.emptyFroms = append(p.emptyFroms, p.ti())
		}
		fi.kind = fromGroup
		p.next()
		g := p.open(nExpr)
		p.parseFromList(g, info)
		n.add(p.close(g))
		p.expectPunct(")")
	case p.d == Snowflake && t.kind == kPunct && t.text == "@":
		// a staged file, @stage/path [(FILE_FORMAT => ...)]: refused by
		// the translator
		fi.kind, fi.stage = fromFunc, true
		p.next()
		for !p.atEOF() && p.ti() == p.prevEnd() && !p.isPunct("(") && !p.isPunct(",") && !p.isPunct(")") {
			p.next()
		}
		if p.isPunct("(") {
			n.add(p.parseRawParens())
		}
	case p.d != SQLite && t.kind == kWord && t.lower == "unnest" && p.isPunctAt(1, "("):
		fi.kind = fromUnnest
		fi.expr = n.add(p.parsePrimary())
	case p.d == Snowflake && t.kind == kWord && t.lower == "table" && p.isPunctAt(1, "(") && p.peekAt(2).lower == "generator" && p.isPunctAt(3, "("):
		// TABLE(GENERATOR(ROWCOUNT => n)): n rows
		fi.kind = fromFunc
		fi.expr = n.add(p.parsePrimary())
	case p.d == Snowflake && t.kind == kWord && t.lower == "table" && p.isPunctAt(1, "(") &&
		p.peekAt(2).lower != "flatten" && splitTables[p.peekAt(2).lower] == "":
		// TABLE(f(...)) of another table function: the translator refuses it
		fi.kind = fromFunc
		fi.expr = n.add(p.parsePrimary())
	case p.d == Snowflake && t.kind == kWord && (t.lower == "flatten" || t.lower == "table" || splitTables[t.lower] != "") && p.isPunctAt(1, "("):
		fi.kind, fi.flatten = fromUnnest, true
		fi.expr = n.add(p.parsePrimary())
	case p.d == DuckDB && p.fileTable != nil && t.kind == kWord && (t.lower == "read_csv" || t.lower == "read_csv_auto" || jsonReaders[t.lower] || parquetReaders[t.lower]) &&
		p.isPunctAt(1, "(") && (p.peekAt(2).kind == kString || p.isPunctAt(2, "[") && p.peekAt(3).kind == kString):
		// read_csv('file.csv'), read_csv(['a.csv', 'b.csv']): CSV files
		// of the project, read into a temporary table (the engine's);
		// another file is refused by the translator, saying why
		namePos := p.pos
		call := p.parsePrimary()
		if table, ok := p.csvFileTable(fi, call); ok {
			fi.kind, fi.nameStart, fi.nameEnd = fromTable, p.sig[namePos], p.prevEnd()
			fi.schema, fi.table, fi.alias, fi.fileFunc = "temp", table, t.lower, true
			break
		}
		fi.kind = fromFunc
		fi.expr = n.add(call)
	case p.d == DuckDB && t.kind == kString:
		// FROM 'file.csv' (or .json, .ndjson, .jsonl, .parquet): DuckDB
		// reads the file as read_csv_auto (read_json_auto, read_parquet)
		// does, the relation named after the file without its folder and
		// extension; another file is refused
		file := stringValue(p.d, t.text)
		namePos := p.pos
		p.next()
		ext := strings.ToLower(path.Ext(file))
		if p.fileTable == nil || ext != ".csv" && ext != ".json" && ext != ".ndjson" && ext != ".jsonl" && ext != ".parquet" {
			fi.kind, fi.nameStart, fi.nameEnd, fi.table, fi.alias, fi.readsFile = fromTable, p.sig[namePos], p.prevEnd(), file, file, true
			break
		}
		table, err := p.fileTable(file)
		if err != nil {
			// refused by the translator, saying why
			fi.kind, fi.nameStart, fi.nameEnd, fi.table, fi.alias, fi.fileErr = fromTable, p.sig[namePos], p.prevEnd(), file, file, err.Error()
			break
		}
		stem := path.Base(file)
		stem = stem[:len(stem)-len(ext)]
		fi.kind, fi.nameStart, fi.nameEnd = fromTable, p.sig[namePos], p.prevEnd()
		fi.schema, fi.table, fi.alias, fi.fileFunc = "temp", table, stem, true
	case t.kind == kWord || t.kind == kQuoted:
		var parts []string
		namePos := p.pos
		for {
			t := p.peek()
			if t.kind != kWord && t.kind != kQuoted {
				p.fail("expected a table name")
			}
			if t.kind == kQuoted && t.text[0] == '`' && strings.Contains(t.text, ".") {
				parts = append(parts, strings.Split(identName(*t), ".")...)
			} else {
				parts = append(parts, identName(*t))
			}
			p.next()
			if p.d == BigQuery && p.isPunct("*") && p.ti() == p.prevEnd() {
				// a wildcard table written bare: dataset.events_*
				parts[len(parts)-1] += "*"
				p.next()
				break
			}
			if !p.acceptPunct(".") {
				break
			}
		}
		if p.isPunct("(") {
			p.pos = namePos
			fi.kind = fromFunc
			fi.expr = n.add(p.parsePrimary())
			break
		}
		fi.kind = fromTable
		fi.nameStart, fi.nameEnd = p.sig[namePos], p.prevEnd()
		fi.table = parts[len(parts)-1]
		if len(parts) > 1 {
			fi.schema = parts[len(parts)-2]
			fi.written = fi.schema
			var database string
			if len(parts) == 3 {
				database = parts[0]
				fi.database = database
			}
			if s, ok := p.schemas.Source(database, fi.schema, fi.table); ok && len(parts) <= 3 {
				fi.schema, fi.resolved = strings.ToLower(s), true
			} else if s, ok := p.schemas.SQLite(database, fi.schema); ok && len(parts) <= 3 {
				fi.schema, fi.resolved = strings.ToLower(s), true
			}
		}
		fi.alias = fi.table
	default:
		p.fail("expected a table")
	}
	if p.isWord("pivot") && p.isPunctAt(1, "(") || p.isWord("unpivot") {
		p.parsePivot(n, fi)
	}
	fi.ordinality = -1
	if p.isWord("with") && p.isWordAt(1, "ordinality") {
		fi.ordinality = p.next() // refused by the translator
		p.next()
	}
	if t := p.peek(); t.kind == kWord && (t.lower == "as" || !p.reserved(t.lower) && t.lower != "with" && t.lower != "pivot" && t.lower != "unpivot" && !p.joinWord()) || t.kind == kQuoted {
		fi.aliasStart = p.ti()
		a := p.open(nRaw)
		p.parseAlias(a)
		if a.name != "" {
			fi.alias = a.name
			fi.aliasText = p.toks[a.tok].text
		}
		n.add(p.close(a))
		if p.isPunct("(") {
			fi.aliasCols = n.add(p.parseRawParens())
			for _, k := range fi.aliasCols.list {
				fi.columns = append(fi.columns, k.name)
			}
		}
	}
	if p.isWord("with") && p.isWordAt(1, "offset") {
		o := p.open(nRaw)
		p.next()
		p.next()
		_, as := p.acceptWord("as")
		if t := p.peek(); t.kind == kWord && (!p.reserved(t.lower) || as && unreserved[p.d][t.lower]) || t.kind == kQuoted {
			o.tok = p.next()
			fi.offset = identName(p.toks[o.tok])
		} else {
			fi.offset = "offset"
		}
		fi.offsetNode = n.add(p.close(o))
	}
	if p.isWord("indexed") || p.isWord("not") && p.isWordAt(1, "indexed") {
		for !p.isWord("indexed") {
			p.next()
		}
		p.next()
		if _, ok := p.acceptWord("by"); ok {
			p.next()
		}
	}
	if fi.pivot == nil && (p.isWord("pivot") && p.isPunctAt(1, "(") || p.isWord("unpivot")) {
		// t AS x PIVOT (...) [AS p]
		p.parsePivot(n, fi)
		if t := p.peek(); t.kind == kWord && (t.lower == "as" || !p.reserved(t.lower)) || t.kind == kQuoted {
			a := p.open(nRaw)
			p.parseAlias(a)
			if a.name != "" {
				fi.alias = a.name
				fi.aliasText = p.toks[a.tok].text
			}
			n.add(p.close(a))
		}
	}
	if p.isWord("pivot") || p.isWord("unpivot") {
		p.fail(p.peek().lower)
	}
	info.from = append(info.from, n)
	return p.close(n)
}

// parseRawParens reads a parenthesised list of names: (a, b, c); list holds
// a node per name with its lower-case name.
func (p *parser) parseRawParens() *node {
	n := p.open(nRaw)
	p.expectPunct("(")
	for !p.isPunct(")") {
		if p.atEOF() {
			p.fail("expected )")
		}
		t := p.peek()
		if t.kind == kWord || t.kind == kQuoted {
			n.list = append(n.list, &node{name: identName(*t), tok: p.ti()})
		}
		p.next()
	}
	p.next()
	return p.close(n)
}
