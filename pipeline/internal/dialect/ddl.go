package dialect

import (
	"slices"
	"strings"
)

// CREATE TABLE and CREATE VIEW, as hooks and operations write them, in
// each dialect: CREATE [OR REPLACE] [TEMP | TEMPORARY | TRANSIENT ...]
// TABLE | VIEW [IF NOT EXISTS] name [(columns)] [AS] query. SQLite has no
// OR REPLACE: it runs as a DROP ... IF EXISTS before the CREATE. Column
// types become SQLite's, the query is translated like any other, and the
// names of the tables a statement creates or writes are read as names,
// never as struct fields.

// createInfo is a parsed CREATE TABLE or CREATE VIEW.
type createInfo struct {
	orTok, replaceTok int   // OR REPLACE, or -1
	temp              bool  // TEMP, TEMPORARY, VOLATILE
	drop              []int // words SQLite has no use for: TRANSIENT, LOCAL, SECURE...
	view              bool
	name              *node // nTable
	cols              []colDef
	viewCols          []int // the name tokens of a view's column list
	extra             []int // [start, end) of clauses that change no result: PARTITION BY...
	query             *node
	copyTok           int    // CLONE, LIKE or COPY of a table copied, or -1
	copyWord          string // which of them
	source            *node  // the table copied (nTable)
	bad               int    // token of a form refused, or -1
	badWhat           string
	badFiles          bool // the form refused reads staged files (refFileStatement)
}

// colDef is one column of CREATE TABLE name (col type [NOT NULL], ...):
// the type's tokens [typeStart, typeEnd).
type colDef struct {
	nameTok            int
	typeStart, typeEnd int
	dropped            [][2]int // the tokens of a COMMENT or OPTIONS(...), which change no value
	seqDefault         [2]int   // DEFAULT s.nextval or nextval('s'): its tokens, [0, 0) when none
	// Snowflake's AUTOINCREMENT or IDENTITY: its tokens, [0, 0) when none,
	// and its start and step
	identity                    [2]int
	identityStart, identityStep string
}

// createModifiers are the words between CREATE [OR REPLACE] and TABLE or
// VIEW; temp says which make a temporary table.
var createModifiers = map[string]bool{
	"temp": true, "temporary": true, "volatile": true,
	"local": false, "global": false, "transient": false, "secure": false, "materialized": false,
}

// resultlessClauses are what may stand between a table's name and AS
// without changing a result: BigQuery's partitioning, clustering and
// options, Snowflake's clustering, comment and grants.
var resultlessClauses = map[string]bool{
	"partition": true, "cluster": true, "options": true, "comment": true, "copy": true,
}

// parseCreate reads CREATE TABLE or CREATE VIEW; other CREATE statements
// fail, and are read as soup.
func (p *parser) parseCreate() *node {
	n := p.open(nCreate)
	c := &createInfo{orTok: -1, replaceTok: -1, copyTok: -1, bad: -1}
	n.create = c
	p.expectWord("create")
	if i, ok := p.acceptWord("or"); ok {
		c.orTok, c.replaceTok = i, p.expectWord("replace")
	}
	for {
		t := p.peek()
		temp, ok := createModifiers[t.lower]
		if t.kind != kWord || !ok {
			break
		}
		if temp {
			c.temp = true
			if t.lower == "volatile" {
				c.drop = append(c.drop, p.ti())
			}
		} else {
			c.drop = append(c.drop, p.ti())
		}
		p.next()
	}
	switch {
	case p.isWord("table"):
	case p.isWord("view"):
		c.view = true
	default:
		p.fail("expected TABLE or VIEW")
	}
	p.next()
	if p.isWord("if") && p.isWordAt(1, "not") && p.isWordAt(2, "exists") {
		p.next()
		p.next()
		p.next()
	}
	c.name = n.add(p.parseTableName())
	switch {
	case !p.isPunct("(") || p.isWordAt(1, "select") || p.isWordAt(1, "with"):
	case p.d == SQLite: // SQLite's own column definitions, kept as written
		c.cols = []colDef{}
		p.skipGroup()
	default:
		p.parseColumnDefs(c)
	}
	if t := p.peek(); t.kind == kWord && copyWords[p.d][t.lower] && !c.view && c.cols == nil {
		p.parseTableCopy(c, n)
	}
	if t := p.peek(); t.kind == kWord && resultlessClauses[t.lower] && !c.view {
		start := p.ti()
		for depth := 0; !p.atEOF() && !p.isPunct(";") && !(depth == 0 && p.isWord("as")); p.next() {
			switch p.peek().kind {
			case kOpen:
				depth++
			case kClose:
				depth--
			}
		}
		c.extra = []int{start, p.prevEnd()}
	}
	// Snowflake's USING TEMPLATE takes the columns INFER_SCHEMA reads
	// from staged files, which the playground has no access to.
	if p.d == Snowflake && p.isWord("using") && p.isWordAt(1, "template") && c.bad < 0 {
		c.bad, c.badWhat, c.badFiles = p.ti(), "CREATE TABLE ... USING TEMPLATE", true
		for !p.atEOF() && !p.isPunct(";") {
			p.next()
		}
	}
	if _, ok := p.acceptWord("as"); ok {
		if len(c.cols) > 0 && c.bad < 0 {
			c.bad, c.badWhat = n.start, "CREATE TABLE with both column definitions and AS SELECT"
		}
		c.query = n.add(p.parseQuery())
	} else if c.cols == nil && c.source == nil && c.bad < 0 {
		c.bad, c.badWhat = p.ti(), "this CREATE "+map[bool]string{false: "TABLE", true: "VIEW"}[c.view]
		for !p.atEOF() && !p.isPunct(";") {
			p.next()
		}
	}
	if !p.atEOF() && !p.isPunct(";") {
		p.fail("expected the end of the statement")
	}
	return p.close(n)
}

// copyWords are the words that make a table from another in each
// warehouse: Snowflake's CLONE and LIKE, BigQuery's CLONE, COPY and LIKE.
var copyWords = map[Dialect]map[string]bool{
	Snowflake: {"clone": true, "like": true},
	BigQuery:  {"clone": true, "copy": true, "like": true},
}

// parseTableCopy reads CLONE y, COPY y or LIKE y. A copy of the table as
// it was at some time (Snowflake's AT | BEFORE, BigQuery's FOR
// SYSTEM_TIME AS OF) is refused: the playground keeps no history.
func (p *parser) parseTableCopy(c *createInfo, n *node) {
	c.copyTok, c.copyWord = p.ti(), p.peek().lower
	p.next()
	c.source = n.add(p.parseTableName())
	if p.isWord("at") || p.isWord("before") || p.isWord("for") {
		c.bad, c.badWhat = p.ti(), "a copy of a table as it was at a past time"
		for !p.atEOF() && !p.isPunct(";") {
			p.next()
		}
	}
}

// parseTableName reads a dotted table name into an nTable node.
func (p *parser) parseTableName() *node {
	n := p.open(nTable)
	for {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a table name")
		}
		if t.kind == kQuoted && t.text[0] == '`' && strings.Contains(t.text, ".") {
			n.names = append(n.names, strings.Split(t.text[1:len(t.text)-1], ".")...)
		} else {
			n.names = append(n.names, nameAsWritten(*t))
		}
		n.parts = append(n.parts, p.next())
		if !p.acceptPunct(".") {
			break
		}
	}
	return p.close(n)
}

// parseColumnDefs reads (col type [NOT NULL], ...) of a table, or (col,
// ...) of a view.
func (p *parser) parseColumnDefs(c *createInfo) {
	p.expectPunct("(")
	c.cols = []colDef{}
	for {
		if t := p.peek(); t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a column name")
		}
		name := p.next()
		if c.view {
			c.viewCols = append(c.viewCols, name)
		}
		if !c.view { // a view's column names are kept as written
			d := colDef{nameTok: name, typeStart: p.ti()}
			p.skipType()
			d.typeEnd = p.prevEnd()
			if d.typeEnd <= d.typeStart {
				p.fail("expected a type")
			}
			for {
				// NOT NULL and what changes no value in any order:
				// Snowflake's COMMENT 'text', BigQuery's OPTIONS(...)
				if p.isWord("not") {
					p.next()
					p.expectWord("null")
				} else if _, ok := p.acceptWord("null"); ok {
				} else if p.d == Snowflake && p.isWord("comment") && p.peekAt(1).kind == kString {
					start := p.ti()
					p.next()
					p.next()
					d.dropped = append(d.dropped, [2]int{start, p.ti()})
				} else if d.seqDefault[1] == 0 && d.identity[1] == 0 && p.isWord("default") {
					start, end, ok := p.sequenceDefault()
					if !ok {
						break // another DEFAULT, refused below
					}
					d.seqDefault = [2]int{start, end}
				} else if p.d == Snowflake && d.seqDefault[1] == 0 && d.identity[1] == 0 && (p.isWord("autoincrement") || p.isWord("identity")) {
					span, start, step, ok := p.identityColumn()
					if !ok {
						break // refused below, as another constraint
					}
					d.identity, d.identityStart, d.identityStep = span, start, step
				} else if p.d == BigQuery && p.isWord("options") && p.peekAt(1).kind == kOpen {
					start := p.ti()
					p.next()
					p.skipGroup()
					d.dropped = append(d.dropped, [2]int{start, p.ti()})
				} else {
					break
				}
			}
			if !p.isPunct(",") && !p.isPunct(")") && c.bad < 0 {
				c.bad, c.badWhat = p.ti(), "a column constraint other than NOT NULL"
				for !p.atEOF() && !p.isPunct(",") && !p.isPunct(")") {
					p.next()
				}
			}
			c.cols = append(c.cols, d)
		}
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
}

// typeWords continue a type name of several words.
var typeWords = map[string]bool{"precision": true, "varying": true, "with": true, "without": true, "time": true, "zone": true, "local": true}

// skipType reads a column's type: a name, the words of double precision
// or timestamp with time zone, and what is in (...), <...> and [...].
func (p *parser) skipType() {
	if t := p.peek(); t.kind != kWord {
		p.fail("expected a type")
	}
	p.next()
	for !p.atEOF() {
		t := p.peek()
		switch {
		case t.kind == kWord && typeWords[t.lower]:
			p.next()
		case t.kind == kOpen, t.text == "<", t.text == "[":
			closer := map[string]string{"(": ")", "<": ">", "[": "]"}[t.text]
			depth := 0
			for !p.atEOF() {
				switch p.peek().text {
				case t.text:
					depth++
				case closer:
					depth--
				case ">>":
					depth -= 2
				}
				p.next()
				if depth <= 0 {
					break
				}
			}
		default:
			return
		}
	}
}

// rewriteCreate prints a CREATE statement as SQLite runs it.
func (t *translator) rewriteCreate(n *node) {
	c := n.create
	if c.bad >= 0 {
		if c.badFiles {
			t.refuse(c.bad, refFileStatement, c.badWhat)
		} else {
			t.refuse(c.bad, refCreate, c.badWhat)
		}
		return
	}
	for _, i := range c.drop {
		t.pr.dropTok(i)
	}
	if len(c.extra) == 2 {
		for i := c.extra[0]; i < c.extra[1]; i++ {
			t.pr.dropTok(i)
		}
	}
	for _, d := range c.cols {
		if !t.writeColumnType(d.typeStart, d.typeEnd) {
			continue
		}
		for _, r := range d.dropped {
			for i := r[0]; i < r[1]; i++ {
				t.pr.dropTok(i)
			}
		}
		t.sequenceDefault(d.seqDefault)
	}
	name := t.tableName(c.name, c.temp)
	if c.source != nil {
		t.rewriteTableCopy(c)
	}
	if c.orTok >= 0 {
		t.pr.dropTok(c.orTok)
		t.pr.dropTok(c.replaceTok)
		what := "TABLE"
		if c.view && !t.heldAsTable(c.name) {
			what = "VIEW"
		}
		drop := name
		if c.temp {
			drop = "temp." + name
		}
		n.pre = "DROP " + what + " IF EXISTS " + drop + "; "
	}
	t.identityColumns(n)
}

// tableName prints the name of a table a statement creates or writes:
// BigQuery's `project.dataset.table` as "dataset"."table", a temporary
// table without its schema (SQLite keeps them in temp), a schema by dbt's
// name as the SQLite schema (dbt_schemas.go).
func (t *translator) tableName(n *node, temp bool) string {
	backtick := false
	for _, i := range n.parts {
		backtick = backtick || t.toks[i].kind == kQuoted && t.toks[i].text[0] == '`'
	}
	parts, resolved := t.storedName(n, temp)
	if !backtick && !temp && !resolved {
		return strings.TrimSpace(t.pr.plain(n))
	}
	if temp {
		parts = parts[len(parts)-1:]
	} else if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	var q []string
	for _, s := range parts {
		q = append(q, quoteIdent(s))
	}
	text := strings.Join(q, ".")
	// the line breaks of the parts left out (`p\n.d.t` as "d"."t") come after
	lost := strings.Count(t.toks[n.parts[0]].text, "\n") - strings.Count(text, "\n")
	t.pr.setTok(n.parts[0], text+strings.Repeat("\n", max(0, lost)))
	for i := n.parts[0] + 1; i < n.end; i++ {
		t.pr.dropTok(i)
	}
	return text
}

// storedName is the name of table n as SQLite holds it: the parts written,
// or, resolved, the SQLite schema and the name (a source's, dbt's schema
// name undone, a temporary table's temp).
func (t *translator) storedName(n *node, temp bool) (parts []string, resolved bool) {
	parts = n.names
	if k := len(parts); !temp && (k == 2 || k == 3) {
		database := ""
		if k == 3 {
			database = parts[0]
		}
		if s, ok := t.opts.Schemas.Source(database, parts[k-2], parts[k-1]); ok {
			parts, resolved = []string{s, parts[k-1]}, true
		} else if s, ok := t.opts.Schemas.SQLite(database, parts[k-2]); ok {
			parts, resolved = []string{s, parts[k-1]}, true
		}
	}
	if k := len(parts); !temp && k >= 2 && t.temporary(parts[k-2], parts[k-1]) {
		parts, resolved = []string{"temp", parts[k-1]}, true
	}
	return parts, resolved
}

// atTableTarget tells whether the current token, in a statement the
// parser takes token by token, names the table written: after INSERT
// INTO, UPDATE, DELETE FROM, DROP TABLE [IF EXISTS] and TRUNCATE [TABLE];
// or a table read: after an UPDATE's FROM or JOIN, a DELETE's USING, and
// a comma in their lists.
func (p *parser) atTableTarget() bool {
	if p.pos == 0 {
		return false
	}
	prev := p.toks[p.sig[p.pos-1]]
	if prev.kind == kPunct && prev.text == "," && (p.soupFirst == "delete" || p.soupFirst == "update") {
		return p.inReadList()
	}
	if prev.kind != kWord {
		return false
	}
	var before string
	if p.pos >= 2 {
		before = p.toks[p.sig[p.pos-2]].lower
	}
	switch prev.lower {
	case "into", "update", "table", "view", "truncate":
		return true
	case "delete":
		return p.pos == 1 // BigQuery's DELETE t WHERE ..., FROM left out
	case "from":
		return before == "delete" || p.soupFirst == "update"
	case "join":
		return p.soupFirst == "update"
	case "using":
		return p.soupFirst == "delete"
	case "on":
		return p.soupFirst == "create" && p.wordBefore("index")
	case "exists":
		return before == "if"
	}
	return false
}

// wordBefore tells whether word is a word of the statement before the
// current token, outside parentheses (CREATE UNIQUE INDEX i ON t).
func (p *parser) wordBefore(word string) bool {
	depth := 0
	for j := p.pos - 1; j >= 0; j-- {
		switch tk := p.toks[p.sig[j]]; {
		case tk.kind == kClose:
			depth++
		case tk.kind == kOpen:
			depth--
		case depth == 0 && tk.kind == kWord && tk.lower == word:
			return true
		}
	}
	return false
}

// inReadList tells whether the token after a comma is in the list of
// tables a DELETE's USING or an UPDATE's FROM reads (USING s, u): the
// nearest of those words before it, outside parentheses, comes before
// any WHERE, SET, ON or JOIN.
func (p *parser) inReadList() bool {
	depth := 0
	for j := p.pos - 2; j >= 0; j-- {
		tk := p.toks[p.sig[j]]
		switch {
		case tk.kind == kClose:
			depth++
		case tk.kind == kOpen:
			depth--
		case depth != 0 || tk.kind != kWord:
		case tk.lower == "using":
			return p.soupFirst == "delete"
		case tk.lower == "from":
			return p.soupFirst == "update"
		case tk.lower == "where" || tk.lower == "set" || tk.lower == "on" || tk.lower == "join":
			return false
		}
	}
	return false
}

// soupScope is the scope of the expressions of a statement read token by
// token: the tables it names (those written, and those an UPDATE's FROM
// or a DELETE's USING reads), by their alias or name, so that t.col names
// their column, not a field of a column t; and ON CONFLICT's excluded.
func (t *translator) soupScope(n *node, sc *scope) *scope {
	var rels []*node
	add := func(schema, written, table, alias string, resolved bool) {
		f := &fromInfo{kind: fromTable, schema: schema, written: written, table: table, alias: alias, resolved: resolved,
			lateral: -1, aliasStart: -1, joinTok: -1, ordinality: -1}
		rels = append(rels, &node{kind: nFrom, from: f, tok: -1, tok2: -1})
	}
	for _, k := range n.kids {
		if k.kind == nSubquery {
			// a subquery an UPDATE's FROM or a DELETE's USING reads, by
			// its alias: q.col names its column
			if i := t.soupAlias(n, k); i >= 0 {
				alias := identName(t.toks[i])
				add("", "", alias, alias, false)
			}
			continue
		}
		if k.kind != nTable || len(k.names) == 0 {
			continue
		}
		table, written := strings.ToLower(k.names[len(k.names)-1]), ""
		if len(k.names) > 1 {
			written = strings.ToLower(k.names[len(k.names)-2])
		}
		// the SQLite schema of a table named by dbt's names, which a
		// column's qualifier (db.schema.table.col) names it by too
		schema := written
		stored, resolved := t.storedName(k, false)
		if resolved {
			schema = strings.ToLower(stored[0])
		}
		alias := table
		if i := t.soupAlias(n, k); i >= 0 {
			alias = identName(t.toks[i])
		}
		add(schema, written, table, alias, resolved)
	}
	for i := n.start; i < n.end; i++ {
		if t.toks[i].kind == kWord && t.toks[i].lower == "conflict" {
			add("", "", "excluded", "excluded", false)
			break
		}
	}
	if rels == nil {
		return sc
	}
	return &scope{parent: sc, rels: rels}
}

// soupAlias is the token of the alias a table k of statement n is given
// (UPDATE t AS s, FROM u um), -1 when it has none.
func (t *translator) soupAlias(n, k *node) int {
	i := skipSpace(t.toks, k.end)
	if i < n.end && t.toks[i].kind == kWord && t.toks[i].lower == "as" {
		i = skipSpace(t.toks, i+1)
	}
	if i < n.end && (t.toks[i].kind == kWord && !reserved[t.toks[i].lower] || t.toks[i].kind == kQuoted) {
		return i
	}
	return -1
}

// soupAliases are the alias tokens of the tables of statement n: names
// declared there, never values (BigQuery's row of a FROM item).
func (t *translator) soupAliases(n *node) map[int]bool {
	var out map[int]bool
	for _, k := range n.kids {
		if k.kind != nTable || len(k.names) == 0 {
			continue
		}
		if i := t.soupAlias(n, k); i >= 0 {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

// rewriteSoup turns TRUNCATE [TABLE] x, which SQLite lacks, into DELETE
// FROM x; gives BigQuery's DELETE x the FROM SQLite requires; and gives the
// alias of the table a DELETE or UPDATE writes the AS SQLite requires
// (DELETE FROM t pit WHERE pit.d ..., as the warehouses take it).
func (t *translator) rewriteSoup(n *node) {
	first := skipSpace(t.toks, n.start)
	if first >= n.end || t.toks[first].kind != kWord {
		return
	}
	if t.toks[first].lower == "alter" {
		t.refuseAlterColumnType(n)
		t.rewriteAlterAdd(n)
		t.renameInSchema(n)
		return
	}
	if w := t.toks[first].lower; w == "delete" || w == "update" {
		for _, k := range n.kids {
			if k.kind != nTable {
				continue
			}
			if w == "delete" {
				if next := skipSpace(t.toks, first+1); next < n.end && t.toks[next].lower != "from" {
					t.pr.setTok(first, t.pr.tokText(first)+" FROM")
				}
				t.deleteUsing(n, k.end)
			}
			if i := t.soupAlias(n, k); i >= 0 && t.toks[skipSpace(t.toks, k.end)].lower != "as" {
				t.pr.setTok(i, "AS "+t.pr.tokText(i))
			}
			break // the first table named is the one written
		}
		return
	}
	if t.toks[first].lower == "insert" {
		t.insertOverwrite(n, first)
		return
	}
	if t.toks[first].lower == "create" {
		t.indexInSchema(n)
		return
	}
	if t.toks[first].lower != "truncate" {
		return
	}
	t.pr.setTok(first, "DELETE FROM")
	if next := skipSpace(t.toks, first+1); next < n.end && t.toks[next].lower == "table" {
		t.pr.dropTok(next)
	}
}

// insertOverwrite writes Snowflake's INSERT OVERWRITE INTO t ..., which
// empties t before it inserts, as DELETE FROM t; INSERT INTO t ....
func (t *translator) insertOverwrite(n *node, first int) {
	over := skipSpace(t.toks, first+1)
	if t.d != Snowflake || over >= n.end || t.toks[over].lower != "overwrite" {
		return
	}
	for _, k := range n.kids {
		if k.kind != nTable {
			continue
		}
		t.pr.dropTok(over)
		n.print = func(pr *printer, n *node) string {
			return "DELETE FROM " + strings.TrimSpace(pr.text(k)) + "; " + pr.plain(n)
		}
		return
	}
}

// renameInSchema writes Snowflake's ALTER TABLE | VIEW s.t RENAME TO
// s.u, whose new name SQLite takes without a schema, as RENAME TO u:
// Snowflake takes the qualified name, here the table's own schema. A new
// name in another schema moves the table there, which SQLite cannot do
// (ALTER TABLE RENAME stays in its database): refused.
func (t *translator) renameInSchema(n *node) {
	if t.d != Snowflake {
		return // BigQuery and DuckDB take the new name alone
	}
	var src *node
	for _, k := range n.kids {
		if k.kind == nTable && len(k.names) > 0 {
			src = k
			break
		}
	}
	if src == nil {
		return
	}
	to := -1
	for i := src.end; i < n.end; i++ {
		if t.toks[i].kind == kWord && t.toks[i].lower == "rename" {
			if j := skipSpace(t.toks, i+1); j < n.end && t.toks[j].kind == kWord && t.toks[j].lower == "to" {
				to = skipSpace(t.toks, j+1)
			}
			break
		}
	}
	if to < 0 || to >= n.end {
		return
	}
	var parts []int // the name's tokens, dots left out
	end := to
	for end < n.end && (t.toks[end].kind == kWord || t.toks[end].kind == kQuoted) {
		parts = append(parts, end)
		if end+1 < n.end && t.toks[end+1].kind == kDot {
			end += 2
			continue
		}
		end++
		break
	}
	if len(parts) < 2 {
		return
	}
	schema := strings.ToLower(identName(t.toks[parts[len(parts)-2]]))
	own := ""
	if len(src.names) >= 2 {
		own = strings.ToLower(src.names[len(src.names)-2])
	} else if t.opts.Session.Schema != "" {
		own = strings.ToLower(t.opts.Session.Schema)
	}
	if schema != own {
		t.refuse(parts[0], refRenameSchema)
		return
	}
	// the name is printed from its tokens, not as the expression the
	// statement's reading made of it (a field of a column dev)
	n.kids = slices.DeleteFunc(n.kids, func(k *node) bool { return k.start >= to && k.start < end })
	for i := to; i < end; i++ {
		if i == parts[len(parts)-1] {
			t.pr.setTok(i, t.toks[i].text)
		} else {
			t.pr.dropTok(i)
		}
	}
}

// indexInSchema writes DuckDB's CREATE [UNIQUE] INDEX [IF NOT EXISTS] i
// ON s.t (cols) as SQLite takes it, the schema on the index's name and
// the table's name alone (CREATE INDEX "s"."i" ON "t" (cols)): the index
// is made in the table's schema, as DuckDB makes it; written as DuckDB
// writes it, SQLite stopped at the dot.
func (t *translator) indexInSchema(n *node) {
	if t.d != DuckDB {
		return
	}
	var tbl *node
	for _, k := range n.kids {
		if k.kind == nTable && len(k.names) > 0 {
			tbl = k
			break
		}
	}
	if tbl == nil {
		return
	}
	parts, _ := t.storedName(tbl, false)
	if len(parts) < 2 {
		return
	}
	// the index's name is the word before ON
	name, on := -1, -1
	for i := n.start; i < tbl.start; i++ {
		if tk := t.toks[i]; tk.kind == kWord || tk.kind == kQuoted {
			name, on = on, i
		}
	}
	if name < 0 || t.toks[on].lower != "on" || t.toks[name].kind == kWord && t.toks[name].lower == "index" {
		return // an index without a name, which DuckDB refuses too
	}
	if name > 0 && t.toks[name-1].kind == kDot {
		return // a qualified index name, which DuckDB refuses
	}
	t.pr.setTok(name, quoteIdent(parts[len(parts)-2])+"."+t.pr.tokText(name))
	// the table is printed as its name alone, not as the expression a
	// walk of it makes
	n.kids = slices.DeleteFunc(n.kids, func(k *node) bool { return k == tbl })
	t.pr.setTok(tbl.parts[0], quoteIdent(parts[len(parts)-1]))
	for i := tbl.parts[0] + 1; i < tbl.end; i++ {
		t.pr.dropTok(i)
	}
}

// deleteUsing writes Snowflake's and DuckDB's DELETE FROM t USING s, u
// WHERE cond, which SQLite lacks, as DELETE FROM t WHERE EXISTS (SELECT 1
// FROM s, u WHERE cond): a row of t goes when the join with the USING
// tables holds a row for it, as there. from is the token after t.
func (t *translator) deleteUsing(n *node, from int) {
	if t.d != Snowflake && t.d != DuckDB {
		return
	}
	depth, using := 0, -1
	for i := from; i < n.end; i++ {
		tk := t.toks[i]
		switch {
		case tk.kind == kPunct && tk.text == "(":
			depth++
		case tk.kind == kPunct && tk.text == ")":
			depth--
		case depth == 0 && tk.kind == kWord && tk.lower == "using" && using < 0:
			using = i
		}
	}
	if using < 0 {
		return
	}
	t.pr.setTok(using, "WHERE EXISTS (SELECT 1 FROM")
	n.post = ")" + n.post
}

// createdTypes are the tables and views the CREATE statements of a script
// make, with the static types of their columns: those of the query of
// CREATE ... AS, or those the column definitions declare, and (Snowflake)
// the columns a quoted identifier names.
func (t *translator) createdTypes(root *node) []Created {
	var out []Created
	for _, n := range root.kids {
		if n.kind == nSoup {
			if added, ok := t.addedColumns(n); ok {
				out = append(out, added)
			}
			continue
		}
		c := n.create
		if n.kind != nCreate || c == nil || c.bad >= 0 || c.name == nil || len(c.name.names) == 0 {
			continue
		}
		created := Created{Types: map[string]string{}}
		created.Schema, created.Table = t.createdName(c)
		created.Home = t.tempHome(c)
		switch {
		case c.view && c.cols != nil:
			// a view's own column names: its query's columns by position
			names := make([]string, len(c.viewCols))
			list := make([]*node, len(c.viewCols))
			for i, k := range c.viewCols {
				names[i], list[i] = identName(t.toks[k]), &node{tok: k}
			}
			t.sc = nil
			var cols []colType
			complete := false
			if c.query != nil {
				cols, complete = t.queryTypes(c.query)
			}
			if cols, ok := renameTypes(names, t.quotedList(list), cols, complete); ok {
				if m := t.typesMap(cols); m != nil {
					created.Types = m
				}
				break
			}
			for i, stored := range t.quotedList(list) {
				if stored != "" {
					created.Types[quotedPrefix+names[i]] = stored
				}
			}
		case c.query != nil:
			t.sc = nil
			cols, _ := t.queryTypes(c.query)
			if m := t.typesMap(cols); m != nil {
				created.Types = m
			}
		default:
			for _, d := range c.cols {
				t.noteColumnType(created.Types, d.nameTok, d.typeStart, d.typeEnd)
			}
		}
		out = append(out, created)
	}
	return out
}

// alterAdd is a column an ALTER TABLE ... ADD [COLUMN] adds: its name's
// token and its type's tokens [typeStart, typeEnd).
type alterAdd struct {
	nameTok, typeStart, typeEnd int
}

// alterAdds reads ALTER TABLE [IF EXISTS] name ADD [COLUMN] [IF NOT
// EXISTS] col type [constraints] [, ADD [COLUMN] ...]: the table's name
// parts and the columns it adds; ok is false for any other statement.
func (t *translator) alterAdds(n *node) (parts []string, adds []alterAdd, ok bool) {
	var w []int // the significant tokens
	for i := n.start; i < n.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			w = append(w, i)
		}
	}
	at := func(j int, words ...string) bool {
		if j+len(words) > len(w) {
			return false
		}
		for k, word := range words {
			if tok := t.toks[w[j+k]]; tok.kind != kWord || tok.lower != word {
				return false
			}
		}
		return true
	}
	if !at(0, "alter", "table") {
		return nil, nil, false
	}
	j := 2
	if at(j, "if", "exists") {
		j += 2
	}
	for j < len(w) {
		tok := t.toks[w[j]]
		if tok.kind != kWord && tok.kind != kQuoted {
			break
		}
		name := tok.text
		if tok.kind == kQuoted {
			name = tok.text[1 : len(tok.text)-1]
		}
		if t.d == BigQuery && tok.kind == kQuoted && strings.Contains(name, ".") {
			parts = append(parts, strings.Split(name, ".")...)
		} else {
			parts = append(parts, name)
		}
		j++
		if j < len(w) && t.toks[w[j]].kind == kDot {
			j++
			continue
		}
		break
	}
	if len(parts) == 0 || len(parts) > 3 {
		return nil, nil, false
	}
	for {
		if !at(j, "add") {
			return nil, nil, false
		}
		j++
		if at(j, "column") {
			j++
		}
		if at(j, "if", "not", "exists") {
			j += 3
		}
		if j >= len(w) || t.toks[w[j]].kind != kWord && t.toks[w[j]].kind != kQuoted {
			return nil, nil, false
		}
		add := alterAdd{nameTok: w[j]}
		j++
		// the type runs to its constraints, the next top-level comma or
		// the end
		start, depth := j, 0
		for j < len(w) {
			tok := t.toks[w[j]]
			if tok.kind == kOpen {
				depth++
			} else if tok.kind == kClose {
				depth--
			} else if depth == 0 && (tok.kind == kPunct && tok.text == "," || tok.kind == kWord && columnConstraintWords[tok.lower] && j > start) {
				break
			}
			j++
		}
		if start >= j {
			return nil, nil, false
		}
		add.typeStart, add.typeEnd = w[start], w[j-1]+1
		adds = append(adds, add)
		for j < len(w) && !(t.toks[w[j]].kind == kPunct && t.toks[w[j]].text == ",") {
			j++ // the constraints
		}
		if j >= len(w) {
			return parts, adds, true
		}
		j++ // the comma
	}
}

// columnConstraintWords end a column's type in ALTER TABLE ... ADD COLUMN.
var columnConstraintWords = map[string]bool{"not": true, "null": true, "default": true, "primary": true,
	"unique": true, "references": true, "check": true, "collate": true, "options": true, "comment": true,
	"constraint": true, "generated": true, "autoincrement": true, "identity": true, "masking": true, "tag": true}

// addedColumns gives the columns an ALTER TABLE ... ADD COLUMN adds, with
// the static types they declare; ok is false for any other statement.
func (t *translator) addedColumns(n *node) (Created, bool) {
	parts, adds, ok := t.alterAdds(n)
	if !ok {
		return Created{}, false
	}
	added := Created{Types: map[string]string{}, Added: true}
	added.Schema, added.Table = t.createdName(&createInfo{name: &node{names: parts}})
	for _, a := range adds {
		t.noteColumnType(added.Types, a.nameTok, a.typeStart, a.typeEnd)
	}
	return added, true
}

// refuseAlterColumnType refuses ALTER TABLE ... ALTER | MODIFY [COLUMN] c
// [SET DATA] TYPE t by name: SQLite keeps a column's declared type and
// changes no value, where the warehouse converts the column's values.
func (t *translator) refuseAlterColumnType(n *node) {
	var w []int
	for i := n.start; i < n.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			w = append(w, i)
		}
	}
	word := func(j int, words ...string) bool {
		return j < len(w) && t.toks[w[j]].kind == kWord && slices.Contains(words, t.toks[w[j]].lower)
	}
	for j := 1; j < len(w); j++ {
		if !word(j, "alter", "modify") {
			continue
		}
		k := j + 1
		if word(k, "column") {
			k++
		}
		if k >= len(w) || t.toks[w[k]].kind != kWord && t.toks[w[k]].kind != kQuoted {
			continue
		}
		k++
		if word(k, "set") {
			k++
			if word(k, "data") {
				k++
			}
		}
		if word(k, "type") {
			t.refuse(w[j], refAlterColumnType)
			return
		}
	}
}

// rewriteAlterAdd writes the types of the columns an ALTER TABLE ... ADD
// COLUMN adds as SQLite stores them, as CREATE TABLE's are: STRING is
// TEXT, where SQLite read the word STRING as NUMERIC and stored '007' as 7.
func (t *translator) rewriteAlterAdd(n *node) {
	_, adds, ok := t.alterAdds(n)
	if !ok {
		return
	}
	for _, a := range adds {
		t.writeColumnType(a.typeStart, a.typeEnd)
	}
}

// noteColumnType records in types the static type of the column named by
// token nameTok, declared by tokens start..end, and, in Snowflake, the
// spelling of a quoted name.
func (t *translator) noteColumnType(types map[string]string, nameTok, start, end int) {
	tok := t.toks[nameTok]
	name := identName(tok)
	if typ := StaticType(t.d, joinRaw(t.toks[start:end])); typ != "" {
		types[name] = typ
	}
	if tok.kind == kQuoted && t.d == Snowflake {
		types[quotedPrefix+name] = nameAsWritten(tok)
	}
}

// writeColumnType writes the column type of tokens start..end as the
// affinity SQLite stores it with (arrays, structs, DATE and JSON are
// text); false, refusing it, for a type that has none.
func (t *translator) writeColumnType(start, end int) bool {
	typ, problem := typeOf(t.toks, start, end, "column", start)
	affinity := typ.affinity
	switch {
	case problem != nil && (problem.r == refArrayType || problem.r == refSemi):
		affinity = "TEXT" // arrays and structs are JSON text
	case problem != nil:
		t.refuse(problem.tok, problem.r, problem.args...)
		return false
	case affinity == "":
		affinity = "TEXT" // DATE and JSON are text
	}
	t.pr.setTok(start, affinity)
	for i := start + 1; i < end; i++ {
		t.pr.dropTok(i)
	}
	return true
}

// createdName is the SQLite schema ("" when the statement names none,
// "temp" for a temporary table) and name of the relation CREATE c makes,
// a schema by dbt's name read as tableName reads it.
func (t *translator) createdName(c *createInfo) (schema, table string) {
	parts := c.name.names
	k := len(parts)
	if c.temp {
		return "temp", parts[k-1]
	}
	if k == 2 || k == 3 {
		database := ""
		if k == 3 {
			database = parts[0]
		}
		if s, ok := t.opts.Schemas.Source(database, parts[k-2], parts[k-1]); ok {
			return s, parts[k-1]
		}
		if s, ok := t.opts.Schemas.SQLite(database, parts[k-2]); ok {
			return s, parts[k-1]
		}
	}
	if k >= 2 {
		return parts[k-2], parts[k-1]
	}
	return "", parts[0]
}

// rewriteTableCopy writes CREATE TABLE x CLONE | COPY y as CREATE TABLE x
// AS SELECT * FROM y, its columns and rows, and LIKE y as the same with no
// rows. BigQuery's LIKE y AS SELECT ... takes the query's rows: the
// LIKE is dropped.
func (t *translator) rewriteTableCopy(c *createInfo) {
	if c.query != nil {
		for i := c.copyTok; i < c.source.end; i++ {
			t.pr.dropTok(i)
		}
		return
	}
	t.pr.setTok(c.copyTok, "AS SELECT * FROM")
	t.tableName(c.source, false)
	if c.copyWord == "like" {
		c.source.post += " LIMIT 0"
	}
}

// ddlObject reads the start of a CREATE [OR REPLACE] [TEMPORARY ...],
// ALTER or DROP statement n: its verb (lower case), the verb's token, and
// the token of the kind of object it makes (TABLE, SEQUENCE, STAGE...);
// ok is false when n is none.
func (t *translator) ddlObject(n *node) (verb string, at, object int, ok bool) {
	at = skipSpace(t.toks, n.start)
	if at >= n.end || t.toks[at].kind != kWord {
		return "", 0, 0, false
	}
	verb = t.toks[at].lower
	if verb != "create" && verb != "alter" && verb != "drop" {
		return "", 0, 0, false
	}
	j := skipSpace(t.toks, at+1)
	if verb == "create" && j < n.end && t.toks[j].lower == "or" {
		if k := skipSpace(t.toks, j+1); k < n.end && t.toks[k].lower == "replace" {
			j = skipSpace(t.toks, k+1)
		}
	}
	for j < n.end && t.toks[j].kind == kWord && createModifiers[t.toks[j].lower] {
		j = skipSpace(t.toks, j+1)
	}
	if j >= n.end || t.toks[j].kind != kWord {
		return "", 0, 0, false
	}
	return verb, at, j, true
}
