package dialect

// DuckDB defines some of its functions as macros of others (SELECT
// macro_definition FROM duckdb_functions()): current_user, current_role,
// session_user and user are 'duckdb', written with or without
// parentheses; fdiv(x, y) is floor(x / y); ago(i) is current_timestamp - i.

// duckSessionWords are DuckDB's names of the connection's user and role.
var duckSessionWords = map[string]bool{"current_user": true, "current_role": true, "session_user": true, "user": true}

// rewriteDuckMacro writes a call of one of DuckDB's macros; it reports
// whether it did.
func (t *translator) rewriteDuckMacro(n *node) bool {
	if t.d != DuckDB || len(n.parts) > 1 || n.x != nil {
		return false
	}
	switch {
	case duckSessionWords[n.name] && len(n.list) == 0:
		n.print = printAs("'duckdb'")
		return true
	case n.name == "ago" && len(n.list) == 1:
		// ago(i) is current_timestamp - i, a TIMESTAMP WITH TIME ZONE
		x := n.list[0]
		n.print = func(pr *printer, n *node) string {
			return "datetime_add_interval(" + timestampNowMicros + ", " + pr.text(x) + ", -1)" + pr.carry(n, x)
		}
		return true
	case n.name == "fdiv" && len(n.list) == 2:
		x, y, line := n.list[0], n.list[1], itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "floor(divide(" + pr.text(x) + ", " + pr.text(y) + ", 'duckdb', " + line + "))" + pr.carry(n, x, y)
		}
		return true
	}
	return false
}

// duckSessionName writes current_user, current_role, session_user or user
// standing alone as DuckDB's value of it, where no FROM item in view has
// a column of that name; it reports whether it did.
func (t *translator) duckSessionName(n *node, name string, sc *scope) bool {
	if t.d != DuckDB || !duckSessionWords[name] || t.toks[n.parts[0]].kind != kWord {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			cols, err := t.relColumns(r.from, s)
			if err != nil || containsFold(cols, name) {
				return false // perhaps a column, or one
			}
		}
	}
	n.print = printAs("'duckdb'")
	return true
}
