package dialect

import (
	"strconv"
	"strings"
)

// DuckDB's and Snowflake's sequences. A sequence is a counter that is an
// object of a schema: the statements on it become calls of the
// connection's sequence functions (sqlfunc/sequences.go), which keep the
// counters, and the store keeps them in the database from build to build.
//
//	CREATE [OR REPLACE] SEQUENCE [IF NOT EXISTS] s [options]
//	  -> SELECT sequence_create('duckdb', 'main.s', 's', mode, start, increment, min, max, cycle) AS status
//	DROP SEQUENCE [IF EXISTS] s      -> SELECT sequence_drop(..., if_exists) AS status
//	ALTER SEQUENCE s SET INCREMENT n -> SELECT sequence_alter(...) AS status (Snowflake)
//	nextval('s'), s.nextval          -> sequence_nextval('duckdb', 'main.s', 's')
//	currval('s'), setval('s', n)     -> sequence_currval(...), sequence_setval(...) (DuckDB)
//
// Each sequence is named by its key: the SQLite schema it belongs to (the
// target's schema, main, when the name has none, as dbt's session has it
// for its current schema) and its name, which DuckDB folds to lower case
// and Snowflake to upper case unless quoted. The options each warehouse
// takes are read (DuckDB: START [WITH], INCREMENT [BY], MINVALUE,
// MAXVALUE, [NO] CYCLE; Snowflake: START [WITH] [=], INCREMENT [BY] [=],
// ORDER, NOORDER, COMMENT); another is refused by name, as are temporary
// sequences and DuckDB's ALTER SEQUENCE, which DuckDB does not run either.

// seqFuncs are the sequence functions of DuckDB, by name, and the
// connection's function each becomes.
var seqFuncs = map[string]string{"nextval": "sequence_nextval", "currval": "sequence_currval", "setval": "sequence_setval"}

// sequenceKey is the key and the name as the warehouse shows it of the
// sequence named by parts (database, schema, name; the last one or two),
// each a name as written and whether it was quoted.
func (t *translator) sequenceKey(parts []string, quoted []bool) (key, shown string) {
	name := parts[len(parts)-1]
	switch {
	case t.d == DuckDB:
		name = strings.ToLower(name)
		shown = parts[len(parts)-1]
	case quoted[len(parts)-1]:
		shown = name
	default:
		name = strings.ToUpper(name)
		shown = name
	}
	schema, database := "main", ""
	if len(parts) >= 2 {
		schema = parts[len(parts)-2]
		if len(parts) >= 3 {
			database = parts[len(parts)-3]
		}
		if s, ok := t.opts.Schemas.SQLite(database, schema); ok {
			schema = s
		} else if database != "" {
			schema = database + "." + schema
		}
	}
	return strings.ToLower(schema) + "." + name, shown
}

// nameParts reads a dotted name from toks[k:] (indexes of t.toks): its
// parts as written, whether each was quoted, and the index after it.
func (t *translator) nameParts(toks []int, k int) (parts []string, quoted []bool, next int) {
	for k < len(toks) {
		tk := t.toks[toks[k]]
		if tk.kind != kWord && tk.kind != kQuoted {
			break
		}
		name := identName(tk)
		if tk.kind == kWord {
			name = tk.text // as written, for the warehouse to fold
		}
		parts = append(parts, name)
		quoted = append(quoted, tk.kind == kQuoted)
		k++
		if k >= len(toks) || t.toks[toks[k]].text != "." || len(parts) == 3 {
			break
		}
		k++
	}
	return parts, quoted, k
}

// codeToks are the indexes of the tokens of statement n that are neither
// space nor comments, with its ; left out.
func (t *translator) codeToks(n *node) []int {
	var toks []int
	for i := skipSpace(t.toks, n.start); i < n.end; i = skipSpace(t.toks, i+1) {
		if t.toks[i].kind != kComment && t.toks[i].text != ";" {
			toks = append(toks, i)
		}
	}
	return toks
}

// sequenceStatement rewrites a DuckDB or Snowflake statement n that
// creates, alters or drops a sequence, refusing what it cannot run, and
// tells whether it was one.
func (t *translator) sequenceStatement(n *node) bool {
	if t.d != DuckDB && t.d != Snowflake {
		return false
	}
	verb, at, j, ok := t.ddlObject(n)
	if !ok || t.toks[j].lower != "sequence" {
		return false
	}
	toks := t.codeToks(n)
	k := 0
	for k < len(toks) && toks[k] != j {
		k++
	}
	word := func(i int) string {
		if i < len(toks) && t.toks[toks[i]].kind == kWord {
			return t.toks[toks[i]].lower
		}
		return ""
	}
	refuse := func(i int, what string) bool {
		if i >= len(toks) {
			i = len(toks) - 1
		}
		t.refuse(toks[i], refSequence, what)
		return true
	}
	orReplace := word(1) == "or"
	for i := 1; i < k; i++ {
		if w := word(i); w == "temp" || w == "temporary" || w == "volatile" {
			return refuse(i, "CREATE "+strings.ToUpper(w)+" SEQUENCE")
		}
	}
	k++
	ifClause := false
	if word(k) == "if" {
		if verb == "create" && word(k+1) == "not" && word(k+2) == "exists" {
			k, ifClause = k+3, true
		} else if verb != "create" && word(k+1) == "exists" {
			k, ifClause = k+2, true
		}
	}
	parts, quoted, k := t.nameParts(toks, k)
	if len(parts) == 0 {
		return false // not a sequence statement SQLite could read either
	}
	key, shown := t.sequenceKey(parts, quoted)
	head := strings.ToUpper(verb) + " SEQUENCE"
	d := sqlString(strings.ToLower(string(t.d)))
	var call string
	switch verb {
	case "create":
		mode := ""
		switch {
		case orReplace:
			mode = "or replace"
		case ifClause:
			mode = "if not exists"
		}
		opts := map[string]string{"start": "NULL", "increment": "NULL", "minvalue": "NULL", "maxvalue": "NULL", "cycle": "0"}
		for k < len(toks) {
			w := word(k)
			opt := w
			k++
			switch {
			case w == "with" && t.d == Snowflake:
				continue
			case w == "start" || w == "increment" || t.d == DuckDB && (w == "minvalue" || w == "maxvalue"):
				if w == "start" && word(k) == "with" || w == "increment" && word(k) == "by" {
					k++
				}
				if t.d == Snowflake && k < len(toks) && t.toks[toks[k]].text == "=" {
					k++
				}
				v, next, ok := t.signedInt(toks, k)
				if !ok {
					return refuse(k, head+" "+strings.ToUpper(opt)+" of another value than an integer")
				}
				opts[w], k = v, next
			case t.d == DuckDB && w == "cycle":
				opts["cycle"] = "1"
			case t.d == DuckDB && w == "no" && (word(k) == "cycle" || word(k) == "minvalue" || word(k) == "maxvalue"):
				k++ // the default
			case t.d == Snowflake && (w == "order" || w == "noorder"):
			case t.d == Snowflake && w == "comment" && k+1 < len(toks) && t.toks[toks[k]].text == "=" && t.toks[toks[k+1]].kind == kString:
				k += 2
			default:
				what := t.toks[toks[k-1]].text
				return refuse(k-1, head+" ... "+strings.ToUpper(what))
			}
		}
		call = "sequence_create(" + strings.Join([]string{d, sqlString(key), sqlString(shown), sqlString(mode),
			opts["start"], opts["increment"], opts["minvalue"], opts["maxvalue"], opts["cycle"]}, ", ") + ")"
	case "drop":
		if w := word(k); w == "cascade" || w == "restrict" {
			k++
		}
		if k < len(toks) {
			return refuse(k, head+" ... "+strings.ToUpper(t.toks[toks[k]].text))
		}
		call = "sequence_drop(" + strings.Join([]string{d, sqlString(key), sqlString(shown), boolDigit(ifClause)}, ", ") + ")"
	case "alter":
		if t.d == DuckDB {
			return refuse(0, head)
		}
		inc, to, toShown := "NULL", "NULL", "NULL"
		switch w := word(k); {
		case w == "rename" && word(k+1) == "to":
			p, q, next := t.nameParts(toks, k+2)
			if len(p) == 0 || next != len(toks) {
				return refuse(k, head+" ... RENAME TO")
			}
			nk, ns := t.sequenceKey(p, q)
			to, toShown, k = sqlString(nk), sqlString(ns), next
		case w == "unset" && word(k+1) == "comment":
			k += 2
		case w == "set" || w == "increment":
			if w == "set" {
				k++
			}
			for k < len(toks) {
				switch word(k) {
				case "increment":
					k++
					if word(k) == "by" {
						k++
					}
					if k < len(toks) && t.toks[toks[k]].text == "=" {
						k++
					}
					v, next, ok := t.signedInt(toks, k)
					if !ok {
						return refuse(k, head+" ... SET INCREMENT of another value than an integer")
					}
					inc, k = v, next
				case "order", "noorder":
					k++
				case "comment":
					if k+2 < len(toks) && t.toks[toks[k+1]].text == "=" && t.toks[toks[k+2]].kind == kString {
						k += 3
						continue
					}
					return refuse(k, head+" ... SET COMMENT")
				default:
					return refuse(k, head+" ... "+strings.ToUpper(t.toks[toks[k]].text))
				}
			}
		}
		if k < len(toks) {
			return refuse(k, head+" ... "+strings.ToUpper(t.toks[toks[k]].text))
		}
		call = "sequence_alter(" + strings.Join([]string{d, sqlString(key), sqlString(shown), boolDigit(ifClause), inc, to, toShown}, ", ") + ")"
	}
	if t.shown == nil {
		t.shown = map[*node][]string{}
	}
	t.shown[n] = []string{"status"}
	t.pr.setTok(at, "SELECT "+call+" AS status")
	for i := at + 1; i < n.end; i++ {
		if t.toks[i].kind != kComment && t.toks[i].text != ";" {
			t.pr.dropTok(i)
		}
	}
	return true
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// signedInt reads an integer, with its sign, at toks[k]: its text, the
// index after it, and whether there was one.
func (t *translator) signedInt(toks []int, k int) (string, int, bool) {
	sign := ""
	if k < len(toks) && (t.toks[toks[k]].text == "-" || t.toks[toks[k]].text == "+") {
		sign = t.toks[toks[k]].text
		k++
	}
	if k >= len(toks) || t.toks[toks[k]].kind != kNumber {
		return "", k, false
	}
	v, err := strconv.ParseInt(sign+t.toks[toks[k]].text, 10, 64)
	if err != nil {
		return "", k, false
	}
	return strconv.FormatInt(v, 10), k + 1, true
}

// sequenceCall rewrites DuckDB's nextval('s'), currval('s') and
// setval('s', n [, is_called]), call n; the name must be a string
// constant, as DuckDB requires.
func (t *translator) sequenceCall(n *node) {
	fn := seqFuncs[n.name]
	if len(n.list) == 0 || n.list[0].kind != nString {
		t.refuse(n.tok, refSequence, strings.ToUpper(n.name)+" of a name that is not a string constant")
		return
	}
	name := stringValue(t.d, t.toks[n.list[0].start].text)
	var parts []string
	var quoted []bool
	for _, p := range splitQuotedName(name) {
		parts = append(parts, p)
		quoted = append(quoted, false)
	}
	if len(parts) == 0 || len(parts) > 3 {
		t.refuse(n.tok, refSequence, strings.ToUpper(n.name)+" of "+sqlString(name))
		return
	}
	key, _ := t.sequenceKey(parts, quoted)
	if n.name == "nextval" {
		t.seqCalls = append(t.seqCalls, n.tok)
	}
	prefix := fn + "('duckdb', " + sqlString(key) + ", " + sqlString(parts[len(parts)-1])
	rest := n.list[1:]
	n.print = func(pr *printer, c *node) string {
		s := prefix
		for _, a := range rest {
			s += ", " + pr.text(a)
		}
		return s + ")" + pr.carry(c, rest...)
	}
}

// splitQuotedName splits a.b."C" at its dots, quotes taken off.
func splitQuotedName(s string) []string {
	var parts []string
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			if inQuote && i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			inQuote = !inQuote
		case c == '.' && !inQuote:
			parts = append(parts, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	parts = append(parts, b.String())
	for _, p := range parts {
		if p == "" {
			return nil
		}
	}
	return parts
}

// sequenceName rewrites Snowflake's s.nextval (or schema.s.nextval,
// database.schema.s.nextval), name n, and tells whether it was one.
func (t *translator) sequenceName(n *node) bool {
	if t.d != Snowflake || len(n.parts) < 2 || len(n.parts) > 4 {
		return false
	}
	last := t.toks[n.parts[len(n.parts)-1]]
	if last.kind != kWord || last.lower != "nextval" {
		return false
	}
	var parts []string
	var quoted []bool
	for _, k := range n.parts[:len(n.parts)-1] {
		name := identName(t.toks[k])
		if t.toks[k].kind == kWord {
			name = t.toks[k].text
		}
		parts = append(parts, name)
		quoted = append(quoted, t.toks[k].kind == kQuoted)
	}
	key, shown := t.sequenceKey(parts, quoted)
	t.seqCalls = append(t.seqCalls, n.start)
	n.print = printAs("sequence_nextval('snowflake', " + sqlString(key) + ", " + sqlString(shown) + ")")
	return true
}

// sequenceDefault reads a column's DEFAULT that draws from a sequence:
// Snowflake's DEFAULT [[db.]schema.]s.nextval, DuckDB's DEFAULT
// nextval('s'); it gives its tokens and whether there was one.
func (p *parser) sequenceDefault() (start, end int, ok bool) {
	if !p.isWord("default") {
		return 0, 0, false
	}
	last := 0
	switch p.d {
	case Snowflake:
		for i := 1; ; i += 2 {
			if t := p.peekAt(i); t.kind != kWord && t.kind != kQuoted {
				return 0, 0, false
			}
			if p.isWordAt(i, "nextval") && i > 1 {
				last = i
				break
			}
			if p.peekAt(i+1).text != "." || i > 7 {
				return 0, 0, false
			}
		}
	case DuckDB:
		if !p.isWordAt(1, "nextval") || p.peekAt(2).kind != kOpen || p.peekAt(3).kind != kString || p.peekAt(4).kind != kClose {
			return 0, 0, false
		}
		last = 4
	default:
		return 0, 0, false
	}
	start = p.ti()
	for i := 0; i <= last; i++ {
		p.next()
	}
	return start, p.prevEnd(), true
}

// sequenceDefault prints a column's DEFAULT that draws from a sequence,
// tokens span, as SQLite's DEFAULT (sequence_nextval(...)): SQLite calls it
// for each row an INSERT gives no value of the column.
func (t *translator) sequenceDefault(span [2]int) {
	if span[1] == 0 {
		return
	}
	var toks []int
	for i := span[0]; i < span[1]; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			toks = append(toks, i)
		}
	}
	var call string
	if t.d == DuckDB {
		name := stringValue(t.d, t.toks[toks[3]].text)
		parts := splitQuotedName(name)
		if len(parts) == 0 || len(parts) > 3 {
			t.refuse(toks[1], refSequence, "NEXTVAL of "+sqlString(name))
			return
		}
		key, _ := t.sequenceKey(parts, make([]bool, len(parts)))
		call = "sequence_nextval('duckdb', " + sqlString(key) + ", " + sqlString(parts[len(parts)-1]) + ")"
	} else {
		parts, quoted, _ := t.nameParts(toks, 1)
		key, shown := t.sequenceKey(parts[:len(parts)-1], quoted[:len(parts)-1])
		call = "sequence_nextval('snowflake', " + sqlString(key) + ", " + sqlString(shown) + ")"
	}
	t.pr.setTok(toks[1], "("+call+")")
	for _, i := range toks[2:] {
		t.pr.dropTok(i)
	}
}

// drawsSequence tells whether n holds a call that draws from a sequence.
func (t *translator) drawsSequence(n *node) bool {
	for _, i := range t.seqCalls {
		if i >= n.start && i < n.end {
			return true
		}
	}
	return false
}

// drawOnce keeps SQLite from flattening a subquery in FROM that draws from
// a sequence into the query reading it, which would draw again for each
// reference to its column: OFFSET 0 computes its rows once, as the
// warehouses do. (A CTE that draws is written MATERIALIZED, large_ctes.go.)
func (t *translator) drawOnce(n *node) {
	if len(t.seqCalls) == 0 {
		return
	}
	if n.kind == nFrom && n.from != nil && n.from.kind == fromQuery && n.from.expr != nil && t.drawsSequence(n.from.expr) {
		q := n.from.expr
		if q.kind == nSubquery && q.x != nil {
			q = q.x
		}
		if !t.wordInTokens(q.start, q.end, "limit") && !t.wordInTokens(q.start, q.end, "offset") &&
			!t.wordInTokens(q.start, q.end, "fetch") && !t.wordInTokens(q.start, q.end, "top") {
			q.post += " LIMIT -1 OFFSET 0"
		}
	}
	for _, k := range n.kids {
		t.drawOnce(k)
	}
}

// showSequences rewrites Snowflake's SHOW SEQUENCES [LIKE 'pattern'] [IN
// ACCOUNT | DATABASE [db] | SCHEMA [db.]schema], statement n, as a query of
// the connection's sequences (sequence_list), with Snowflake's columns a
// macro reads: name, schema_name and database_name as dbt names them,
// next_value and interval. It tells whether n was one.
func (t *translator) showSequences(n *node) bool {
	if t.d != Snowflake {
		return false
	}
	toks := t.codeToks(n)
	word := func(k int, w string) bool {
		return k < len(toks) && t.toks[toks[k]].kind == kWord && t.toks[toks[k]].lower == w
	}
	if !word(0, "show") || !word(1, "sequences") {
		return false
	}
	schema := "s.value ->> 'schema'"
	dbtName := "upper(" + t.dbtSchemaName(schema) + ")"
	database := strings.ToUpper(t.opts.Schemas.database)
	where := ""
	k := 2
	if word(k, "like") {
		if k+1 >= len(toks) || t.toks[toks[k+1]].kind != kString {
			return false
		}
		where += " AND upper(s.value ->> 'name') LIKE upper(" + sqlString(stringValue(t.d, t.toks[toks[k+1]].text)) + ")"
		k += 2
	}
	if word(k, "in") {
		k++
		switch {
		case word(k, "account"):
			k++
		case word(k, "database"):
			k++
			if k < len(toks) && (t.toks[toks[k]].kind == kWord || t.toks[toks[k]].kind == kQuoted) {
				if !strings.EqualFold(identName(t.toks[toks[k]]), database) {
					where += " AND 0"
				}
				k++
			}
		default:
			if word(k, "schema") {
				k++
			}
			parts, quoted, next := t.nameParts(toks, k)
			if len(parts) == 0 || len(parts) > 2 {
				return false
			}
			key, _ := t.sequenceKey(append(parts, "x"), append(quoted, false)) // the schema of a sequence x in it
			where += " AND s.value ->> 'schema' = " + sqlString(key[:strings.LastIndexByte(key, '.')])
			k = next
		}
	}
	if k < len(toks) {
		return false // left to SQLite's error
	}
	sel := "SELECT NULL AS created_on, s.value ->> 'name' AS name, " + dbtName + " AS schema_name, " + sqlString(database) +
		" AS database_name, s.value ->> 'next' AS next_value, s.value ->> 'increment' AS interval, NULL AS owner, NULL AS comment" +
		" FROM json_each(sequence_list()) AS s WHERE 1" + where + " ORDER BY 3, 2"
	if t.shown == nil {
		t.shown = map[*node][]string{}
	}
	t.shown[n] = []string{"created_on", "name", "schema_name", "database_name", "next_value", "interval", "owner", "comment"}
	t.pr.setTok(toks[0], sel)
	for i := toks[0] + 1; i < n.end; i++ {
		if t.toks[i].kind != kComment {
			t.pr.dropTok(i)
		}
	}
	return true
}

// identityColumn reads Snowflake's AUTOINCREMENT or IDENTITY of a column
// of CREATE TABLE: { AUTOINCREMENT | IDENTITY } [ (start, step) | START n
// INCREMENT n ] [ ORDER | NOORDER ], start and step 1 when not given. It
// gives its tokens, start and step; ok is false, nothing read, for any
// other form.
func (p *parser) identityColumn() (span [2]int, start, step string, ok bool) {
	if p.d != Snowflake || !p.isWord("autoincrement") && !p.isWord("identity") {
		return span, "", "", false
	}
	// signed reads an integer at p.peekAt(k): its text and width
	signed := func(k int) (string, int, bool) {
		sign, w := "", 0
		if t := p.peekAt(k); t.text == "-" || t.text == "+" {
			sign, w = t.text, 1
		}
		t := p.peekAt(k + w)
		if t.kind != kNumber {
			return "", 0, false
		}
		v, err := strconv.ParseInt(sign+t.text, 10, 64)
		if err != nil {
			return "", 0, false
		}
		return strconv.FormatInt(v, 10), w + 1, true
	}
	start, step = "1", "1"
	k := 1
	switch {
	case p.isPunctAt(1, "("):
		a, wa, ok1 := signed(2)
		if !ok1 || !p.isPunctAt(2+wa, ",") {
			return span, "", "", false
		}
		b, wb, ok2 := signed(3 + wa)
		if !ok2 || !p.isPunctAt(3+wa+wb, ")") {
			return span, "", "", false
		}
		start, step, k = a, b, 4+wa+wb
	case p.isWordAt(1, "start"):
		a, wa, ok1 := signed(2)
		if !ok1 || !p.isWordAt(2+wa, "increment") {
			return span, "", "", false
		}
		b, wb, ok2 := signed(3 + wa)
		if !ok2 {
			return span, "", "", false
		}
		start, step, k = a, b, 3+wa+wb
	}
	if p.isWordAt(k, "order") || p.isWordAt(k, "noorder") {
		k++
	}
	span[0] = p.ti()
	for range k {
		p.next()
	}
	span[1] = p.prevEnd()
	return span, start, step, true
}

// identityColumns prints the AUTOINCREMENT or IDENTITY columns of CREATE
// TABLE n as DEFAULT (sequence_identity(schema, table, column, start,
// step)): SQLite calls it for each row an INSERT gives no value of the
// column, drawing from the column's own counter in the connection's
// sequences, kept with them from build to build. As a table created anew
// starts its columns at their start, the statement first resets the
// counters of the table's name when no such table is there (after OR
// REPLACE's DROP, or before a CREATE that makes it); CREATE TABLE IF NOT
// EXISTS of a table there keeps them.
func (t *translator) identityColumns(n *node) {
	c := n.create
	schema, table := t.createdName(c)
	if schema == "" {
		schema = "main"
	}
	has := false
	for _, d := range c.cols {
		if d.identity[1] == 0 {
			continue
		}
		has = true
		t.pr.setTok(d.identity[0], "DEFAULT (sequence_identity("+strings.Join([]string{sqlString(schema), sqlString(table),
			sqlString(identName(t.toks[d.nameTok])), d.identityStart, d.identityStep}, ", ")+"))")
		for i := d.identity[0] + 1; i < d.identity[1]; i++ {
			if t.toks[i].kind != kComment {
				t.pr.dropTok(i)
			}
		}
	}
	if has {
		n.pre += "SELECT sequence_identity_reset(" + sqlString(schema) + ", " + sqlString(table) + ") WHERE NOT EXISTS (SELECT 1 FROM " +
			quoteIdent(schema) + ".sqlite_master WHERE type = 'table' AND name = " + sqlString(table) + " COLLATE NOCASE); "
	}
}
