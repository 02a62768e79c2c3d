package dialect

import "strings"

// ALTER TABLE statements that declare what the warehouse does not enforce,
// or only tune its storage: BigQuery's NOT ENFORCED primary and foreign
// keys and its OPTIONS, Snowflake's constraints (it enforces NOT NULL
// only), clustering, comments and tags. Packages add them in post-hooks.
// They change no row, so on SQLite each runs as the check the warehouse
// makes of it: the table and the columns it names exist (SELECT cols FROM
// table LIMIT 0; a foreign key's referenced table and columns too). Other
// ALTER TABLE statements run as SQLite reads them.

// alterInfo is a parsed ALTER TABLE of constraints and options.
type alterInfo struct {
	ifExists bool
	table    *node // nTable
	checks   []alterCheck
}

// alterCheck is a table and the columns a statement names in it (nil
// table: the altered table).
type alterCheck struct {
	table *node
	cols  []string
}

// parseAlter reads ALTER TABLE [IF EXISTS] name action [, action ...] in
// BigQuery and Snowflake, where every action is one that changes no row;
// anything else fails, and is read as soup.
func (p *parser) parseAlter() *node {
	if p.d != BigQuery && p.d != Snowflake {
		p.fail("ALTER TABLE runs as written")
	}
	n := p.open(nAlter)
	a := &alterInfo{}
	n.alter = a
	p.expectWord("alter")
	if p.d == Snowflake && p.isWord("view") {
		// a view is a table here: its column's masking policy, tag or
		// comment is checked the same way
		p.next()
	} else {
		p.expectWord("table")
	}
	if p.isWord("if") && p.isWordAt(1, "exists") {
		p.next()
		p.next()
		a.ifExists = true
	}
	a.table = n.add(p.parseTableName())
	for {
		p.parseAlterAction(n, a)
		if !p.acceptPunct(",") {
			break
		}
	}
	if !p.atEOF() && !p.isPunct(";") {
		p.fail("expected the end of the statement")
	}
	return p.close(n)
}

// parseComment reads Snowflake's COMMENT [IF EXISTS] ON kind name IS
// 'text' (persist_docs' statement, and hooks'), which changes no row: it
// runs as ALTER TABLE's check that the table, view or column it names
// exists; a comment on another kind of object (a schema, a function)
// checks nothing.
func (p *parser) parseComment() *node {
	if p.d != Snowflake {
		p.fail("COMMENT runs as written")
	}
	n := p.open(nAlter)
	a := &alterInfo{}
	n.alter = a
	p.expectWord("comment")
	if p.isWord("if") && p.isWordAt(1, "exists") {
		p.next()
		p.next()
		a.ifExists = true
	}
	p.expectWord("on")
	for _, kind := range []string{"dynamic", "materialized", "external", "transient"} {
		if p.isWord(kind) && (p.isWordAt(1, "table") || p.isWordAt(1, "view")) {
			p.next()
		}
	}
	switch {
	case p.isWord("table") || p.isWord("view"):
		p.next()
		a.table = n.add(p.parseTableName())
	case p.isWord("column"):
		p.next()
		parts := 1 // table.column, schema.table.column ...
		for p.isPunctAt(2*parts-1, ".") {
			parts++
		}
		if parts < 2 {
			p.fail("expected table.column")
		}
		table := p.open(nTable)
		for i := 0; i < parts-1; i++ {
			if i > 0 {
				p.expectPunct(".")
			}
			t := p.peek()
			if t.kind != kWord && t.kind != kQuoted {
				p.fail("expected a table name")
			}
			table.names = append(table.names, nameAsWritten(*t))
			table.parts = append(table.parts, p.next())
		}
		a.table = n.add(p.close(table))
		p.expectPunct(".")
		a.checks = append(a.checks, alterCheck{cols: []string{p.alterName()}})
	default:
		// another object: nothing here to check
		a.ifExists = true
		for !p.atEOF() && !p.isWord("is") {
			p.next()
		}
	}
	p.expectWord("is")
	if p.peek().kind != kString {
		p.fail("expected a comment")
	}
	p.next()
	if !p.atEOF() && !p.isPunct(";") {
		p.fail("expected the end of the statement")
	}
	return p.close(n)
}

// constraintWords may follow a constraint: BigQuery's NOT ENFORCED,
// Snowflake's properties, none of which makes the warehouse check rows.
var constraintWords = map[string]bool{
	"not": true, "enforced": true, "enable": true, "disable": true, "validate": true, "novalidate": true,
	"rely": true, "norely": true, "deferrable": true, "initially": true, "deferred": true, "immediate": true,
}

func (p *parser) parseAlterAction(n *node, a *alterInfo) {
	switch {
	case p.isWord("add"):
		p.next()
		if _, ok := p.acceptWord("constraint"); ok {
			if p.isWord("if") && p.isWordAt(1, "not") && p.isWordAt(2, "exists") {
				p.next()
				p.next()
				p.next()
			}
			p.alterName()
		}
		switch {
		case p.isWord("primary") && p.isWordAt(1, "key"):
			p.next()
			p.next()
		case p.isWord("unique") && p.d == Snowflake:
			p.next()
		case p.isWord("foreign") && p.isWordAt(1, "key"):
			p.next()
			p.next()
			a.checks = append(a.checks, alterCheck{cols: p.alterColumns()})
			p.expectWord("references")
			ref := alterCheck{table: n.add(p.parseTableName())}
			if p.isPunct("(") {
				ref.cols = p.alterColumns()
			}
			a.checks = append(a.checks, ref)
			p.constraintProperties()
			return
		default:
			p.fail("expected PRIMARY KEY, UNIQUE or FOREIGN KEY")
		}
		a.checks = append(a.checks, alterCheck{cols: p.alterColumns()})
		p.constraintProperties()
	case p.isWord("drop"):
		p.next()
		switch {
		case p.isWord("primary") && p.isWordAt(1, "key"):
			p.next()
			p.next()
			p.ifExists()
		case p.isWord("constraint"):
			p.next()
			p.ifExists()
			p.alterName()
			p.acceptWord("cascade")
			p.acceptWord("restrict")
		case p.isWord("clustering") && p.isWordAt(1, "key") && p.d == Snowflake:
			p.next()
			p.next()
		case (p.isWord("unique") || p.isWord("foreign") && p.isWordAt(1, "key")) && p.d == Snowflake:
			if p.isWord("foreign") {
				p.next()
			}
			p.next()
			a.checks = append(a.checks, alterCheck{cols: p.alterColumns()})
		default:
			p.fail("expected PRIMARY KEY or CONSTRAINT")
		}
	case p.isWord("set") && p.isWordAt(1, "options") && p.d == BigQuery:
		p.next()
		p.next()
		p.skipGroup()
	case p.isWord("alter") && p.d == BigQuery:
		// ALTER COLUMN [IF EXISTS] c SET OPTIONS (...) | DROP NOT NULL
		p.next()
		p.expectWord("column")
		p.ifExists()
		col := p.alterName()
		switch {
		case p.isWord("set") && p.isWordAt(1, "options"):
			p.next()
			p.next()
			p.skipGroup()
		case p.isWord("drop") && p.isWordAt(1, "not") && p.isWordAt(2, "null"):
			p.next()
			p.next()
			p.next()
		default:
			p.fail("expected SET OPTIONS or DROP NOT NULL")
		}
		a.checks = append(a.checks, alterCheck{cols: []string{col}})
	case p.d == Snowflake && (p.isWord("alter") || p.isWord("modify")):
		// ALTER | MODIFY [COLUMN] c COMMENT '...' | UNSET COMMENT
		// | SET MASKING POLICY p [USING (c, ...)] [FORCE] | UNSET MASKING POLICY
		// | SET TAG t = 'v' [, ...] | UNSET TAG t [, ...]: who may read
		// what, and labels, which change no row (CREATE MASKING POLICY is
		// an empty statement, session_statements.go)
		p.next()
		p.acceptWord("column")
		col := p.alterName()
		cols := []string{col}
		switch {
		case p.isWord("comment"):
			p.next()
			if p.peek().kind != kString {
				p.fail("expected a comment")
			}
			p.next()
		case p.isWord("unset") && p.isWordAt(1, "comment"):
			p.next()
			p.next()
		case p.isWord("set") && p.isWordAt(1, "masking") && p.isWordAt(2, "policy"):
			p.next()
			p.next()
			p.next()
			p.settingName()
			if _, ok := p.acceptWord("using"); ok {
				cols = p.alterColumns()
			}
			p.acceptWord("force")
		case p.isWord("unset") && p.isWordAt(1, "masking") && p.isWordAt(2, "policy"):
			p.next()
			p.next()
			p.next()
		case p.isWord("set") && p.isWordAt(1, "tag"):
			p.next()
			p.settings()
		case p.isWord("unset") && p.isWordAt(1, "tag"):
			p.next()
			for {
				p.settingName()
				if !p.acceptPunct(",") {
					break
				}
			}
		default:
			p.fail("expected COMMENT, a MASKING POLICY or a TAG")
		}
		a.checks = append(a.checks, alterCheck{cols: cols})
	case p.d == Snowflake && p.isWord("cluster") && p.isWordAt(1, "by"):
		p.next()
		p.next()
		p.skipGroup()
	case p.d == Snowflake && (p.isWord("suspend") || p.isWord("resume")) && p.isWordAt(1, "recluster"):
		p.next()
		p.next()
	case p.d == Snowflake && p.isWord("set"):
		// SET COMMENT = '...', SET TAG t = '...', SET DATA_RETENTION_TIME_IN_DAYS = n ...
		p.next()
		p.settings()
	case p.d == Snowflake && p.isWord("unset"):
		p.next()
		for {
			p.settingName()
			if !p.acceptPunct(",") {
				break
			}
		}
	default:
		p.fail("expected an ALTER TABLE action that changes no row")
	}
}

// settings reads Snowflake's name = value list (TAG t = 'v', COMMENT =
// '...', DATA_RETENTION_TIME_IN_DAYS = 1 ...), values being literals,
// the pairs apart or between commas.
func (p *parser) settings() {
	for {
		p.settingName()
		p.expectPunct("=")
		switch t := p.peek(); {
		case t.kind == kString, t.kind == kNumber, t.kind == kWord && (t.lower == "true" || t.lower == "false"):
			p.next()
		default:
			p.fail("expected a value")
		}
		p.acceptPunct(",")
		if t := p.peek(); p.atEOF() || t.kind != kWord && t.kind != kQuoted {
			return
		}
	}
}

// settingName reads a property's or a tag's name: [TAG] name[.name...].
func (p *parser) settingName() {
	p.acceptWord("tag")
	p.alterName()
	for p.acceptPunct(".") {
		p.alterName()
	}
}

// ifExists reads an optional IF EXISTS.
func (p *parser) ifExists() {
	if p.isWord("if") && p.isWordAt(1, "exists") {
		p.next()
		p.next()
	}
}

// alterName reads one name and returns it as the warehouse reads it.
func (p *parser) alterName() string {
	t := p.peek()
	if t.kind != kWord && t.kind != kQuoted {
		p.fail("expected a name")
	}
	p.next()
	return nameAsWritten(*t)
}

// alterColumns reads (col, ...).
func (p *parser) alterColumns() []string {
	p.expectPunct("(")
	var cols []string
	for {
		cols = append(cols, p.alterName())
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return cols
}

// constraintProperties skips NOT ENFORCED and the like after a constraint.
func (p *parser) constraintProperties() {
	for t := p.peek(); t.kind == kWord && constraintWords[t.lower]; t = p.peek() {
		p.next()
	}
}

// skipGroup reads a parenthesised group, whatever it holds.
func (p *parser) skipGroup() {
	if !p.isPunct("(") {
		p.fail("expected (")
	}
	for depth := 0; !p.atEOF(); {
		switch p.peek().kind {
		case kOpen:
			depth++
		case kClose:
			depth--
		}
		p.next()
		if depth == 0 {
			return
		}
	}
	p.fail("expected )")
}

// rewriteAlter prints the statement as the checks it stands for, keeping
// its line breaks.
func (t *translator) rewriteAlter(n *node) {
	a := n.alter
	var checks []string
	if !a.ifExists { // the table may be missing: then the warehouse does nothing
		own := t.tableName(a.table, false)
		cols := map[string][]string{own: nil}
		order := []string{own}
		for _, c := range a.checks {
			name := own
			if c.table != nil {
				name = t.tableName(c.table, false)
				if _, seen := cols[name]; !seen {
					order = append(order, name)
				}
			}
			cols[name] = append(cols[name], c.cols...)
		}
		for _, name := range order {
			list := "*"
			if len(cols[name]) > 0 {
				var q []string
				for _, c := range cols[name] {
					q = append(q, quoteIdent(c))
				}
				list = strings.Join(q, ", ")
			}
			checks = append(checks, "SELECT "+list+" FROM "+name+" LIMIT 0")
		}
	}
	if len(checks) == 0 {
		checks = []string{"SELECT NULL LIMIT 0"}
	}
	text := strings.Join(checks, "; ")
	n.print = func(pr *printer, n *node) string {
		var lines strings.Builder
		for i := n.start; i < n.end; i++ {
			lines.WriteString(breaks(pr.toks[i].text))
		}
		return text + lines.String()
	}
}
