package dialect

import (
	"strconv"
	"strings"
)

// DuckDB (and Snowflake, whose FLOAT is 64-bit) converts the values an
// INSERT writes to the types of the table's columns, as a CAST converts
// them ('False' into a BOOLEAN column is false in both): 2.5 into an INTEGER column is 3, 1.234
// into a DECIMAL(10, 2) one 1.23, 6.4 into a FLOAT one the nearest 32-bit
// float, a number into a VARCHAR one its text, '2024-01-01' into a
// TIMESTAMP one a timestamp. SQLite keeps what it is given, so an INSERT
// ... query into a table whose column types are known (Options.Types) has
// its query's columns cast to them:
//
//	insert into t (a, b) <query>
//	insert into t (a, b) SELECT CAST(_nexus_insert."_nexus_insert_1" AS FLOAT), ... FROM (<query>) AS _nexus_insert("_nexus_insert_1", ...)
//
// and the script is translated again (Options.insertsTyped).

// insertCastType is the DuckDB type a column of static type typ (as a
// table keeps it) converts inserted values to; "" for one left as given.
func insertCastType(typ string) string {
	if num, ok := strings.CutPrefix(typ, typeNumber); ok {
		switch {
		case num == "INTEGER":
			return "BIGINT"
		case num == "REAL":
			return "DOUBLE"
		case num == "FLOAT":
			return "FLOAT"
		}
		if s, ok := strings.CutPrefix(num, decimalType); ok {
			if _, err := strconv.Atoi(s); err == nil {
				return "DECIMAL(38, " + s + ")"
			}
		}
		return ""
	}
	switch typ {
	case TypeDate, TypeBool, TypeText:
		return typ
	case "DATETIME":
		return "TIMESTAMP"
	case "TIMESTAMP":
		return "TIMESTAMPTZ"
	}
	return ""
}

// insertHolds tells whether a query column of static type c is already of
// the column type typ an INSERT writes it to.
func insertHolds(c colType, typ string) bool {
	if num, ok := strings.CutPrefix(typ, typeNumber); ok {
		return c.num == num
	}
	if typ == TypeText {
		return c.text
	}
	return c.typ == typ
}

// typedInserts is the script with the queries of its DuckDB or Snowflake INSERT
// statements cast to the types of their tables' columns; false when no
// statement needs it.
func (t *translator) typedInserts(root *node) (string, bool) {
	if t.d != DuckDB && t.d != Snowflake || t.opts.insertsTyped || t.opts.Types == nil {
		return "", false
	}
	before, after := map[int]string{}, map[int]string{}
	for _, n := range root.kids {
		if n.kind != nSoup {
			continue
		}
		pre, post, q := t.insertCasts(n)
		if q == nil {
			continue
		}
		before[q.start] += pre
		after[q.end-1] = post + after[q.end-1]
	}
	if len(before) == 0 {
		return "", false
	}
	var b strings.Builder
	for i, tok := range t.toks {
		b.WriteString(before[i])
		b.WriteString(tok.text)
		b.WriteString(after[i])
	}
	return b.String(), true
}

// insertCasts reads INSERT INTO table [(col, ...)] query and gives the
// text to write before and after its query; q nil when it is no such
// statement or nothing is to be cast.
func (t *translator) insertCasts(n *node) (pre, post string, q *node) {
	var sig []int
	for i := n.start; i < n.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			sig = append(sig, i)
		}
	}
	word := func(i int, w string) bool { return t.toks[i].kind == kWord && t.toks[i].lower == w }
	if len(sig) < 4 || !word(sig[0], "insert") || !word(sig[1], "into") || len(n.kids) < 2 {
		return "", "", nil
	}
	var tbl *node
	for _, k := range n.kids {
		if k.kind == nTable {
			tbl = k
			break
		}
	}
	query := n.kids[len(n.kids)-1]
	if tbl == nil || tbl.start != sig[2] || query.kind != nQuery || skipSpace(t.toks, query.end) < n.end {
		return "", "", nil
	}
	// the column list, if any, between the table and the query
	var names []string
	var between []int
	for _, i := range sig {
		if i >= tbl.end && i < query.start {
			between = append(between, i)
		}
	}
	if len(between) > 0 {
		if len(between) < 3 || t.toks[between[0]].text != "(" || t.toks[between[len(between)-1]].text != ")" {
			return "", "", nil
		}
		for k, i := range between[1 : len(between)-1] {
			tok := t.toks[i]
			if k%2 == 1 {
				if tok.text != "," {
					return "", "", nil
				}
				continue
			}
			if tok.kind != kWord && tok.kind != kQuoted {
				return "", "", nil
			}
			names = append(names, identName(tok))
		}
	}
	schema, table := t.insertTarget(tbl)
	types := t.opts.Types(schema, table)
	if len(types) == 0 {
		return "", "", nil
	}
	if names == nil {
		if t.opts.Columns == nil {
			return "", "", nil
		}
		cols, err := t.opts.Columns(schema, table)
		if err != nil || len(cols) == 0 {
			return "", "", nil
		}
		for _, c := range cols {
			names = append(names, strings.ToLower(c))
		}
	}
	t.sc = nil
	qcols, complete := t.queryTypes(query)
	if complete && len(qcols) != len(names) {
		return "", "", nil // DuckDB's error, left to the statement
	}
	items := make([]string, len(names))
	aliases := make([]string, len(names))
	cast := false
	for i, name := range names {
		alias := quoteIdent("_nexus_insert_" + strconv.Itoa(i+1))
		aliases[i] = alias
		items[i] = "_nexus_insert." + alias
		typ := types[name]
		to := insertCastType(typ)
		if to == "" || complete && insertHolds(qcols[i], typ) {
			continue
		}
		items[i] = "CAST(" + items[i] + " AS " + to + ")"
		cast = true
	}
	if !cast {
		return "", "", nil
	}
	return "SELECT " + strings.Join(items, ", ") + " FROM (", ") AS _nexus_insert(" + strings.Join(aliases, ", ") + ")", query
}

// insertTarget is the SQLite schema ("" when the statement names none)
// and name, lower case, of the table an INSERT writes, a schema by dbt's
// name read as tableName reads it.
func (t *translator) insertTarget(n *node) (schema, table string) {
	parts := n.names
	k := len(parts)
	table = strings.ToLower(parts[k-1])
	if k == 1 {
		return "", table
	}
	database := ""
	if k == 3 {
		database = parts[0]
	}
	if s, ok := t.opts.Schemas.Source(database, parts[k-2], parts[k-1]); ok {
		return strings.ToLower(s), table
	}
	if s, ok := t.opts.Schemas.SQLite(database, parts[k-2]); ok {
		return strings.ToLower(s), table
	}
	return strings.ToLower(parts[k-2]), table
}
