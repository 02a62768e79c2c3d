package dialect

import "strings"

// Statements on who may read what, and on the warehouse's compute, rather
// than on rows: GRANT and REVOKE (Snowflake, BigQuery), and Snowflake's
// USE WAREHOUSE, ALTER WAREHOUSE, ALTER SESSION SET or UNSET QUERY_TAG, and
// the definitions of masking policies, row access policies and tags
// (CREATE, ALTER, DROP). A hook or run_query of a real project writes them
// (a grant after each model, a masking policy made at the start of a run,
// a query tag per model); each reached SQLite as a syntax error. None
// changes a row any relation holds, or what a later statement computes, in
// a database with one user: each becomes an empty statement.
//
// ALTER SESSION SET of another parameter does change later answers
// (WEEK_START, TIMEZONE, the date formats ...) and is refused by name: the
// playground computes with Snowflake's defaults. So are Snowflake's
// streams, which record a table's changes since they were last read, and
// tasks, which run SQL on a schedule.

// inertStatement empties statement n when it is one of those, and tells
// whether it did; it refuses an ALTER SESSION that changes answers.
func (t *translator) inertStatement(n *node) bool {
	if t.d != Snowflake && t.d != BigQuery {
		return false
	}
	w, first := t.leadWords(n, 6)
	if len(w) == 0 {
		return false
	}
	inert := false
	switch w[0] {
	case "grant", "revoke":
		// GRANT ... TO ... and REVOKE ... FROM ...: a privilege or role
		inert = len(w) > 1
	}
	if t.d == Snowflake {
		switch {
		case len(w) >= 2 && (w[0] == "use" || w[0] == "alter") && w[1] == "warehouse":
			inert = true
		case len(w) >= 3 && w[0] == "alter" && w[1] == "session" && (w[2] == "set" || w[2] == "unset"):
			if len(w) < 4 {
				return false
			}
			if w[3] != "query_tag" {
				t.refuse(first, refSessionParameter, strings.ToUpper(w[2]+" "+w[3]))
				return true
			}
			inert = true
		case w[0] == "create" || w[0] == "alter" || w[0] == "drop":
			rest := w[1:]
			if len(rest) >= 2 && rest[0] == "or" && rest[1] == "replace" {
				rest = rest[2:]
			}
			inert = len(rest) >= 2 && (rest[0] == "masking" && rest[1] == "policy" ||
				rest[0] == "row" && rest[1] == "access" ||
				rest[0] == "tag")
		}
	}
	if t.d == Snowflake && len(w) >= 2 && w[0] == "show" && (w[1] == "grants" || w[1] == "future" && len(w) >= 3 && w[2] == "grants") {
		// SHOW [FUTURE] GRANTS: who holds what, which is not kept here
		t.refuse(first, refShowGrants)
		return true
	}
	if t.d == Snowflake && len(w) >= 2 {
		// CREATE [OR REPLACE] STREAM | TASK, ALTER ..., DROP ..., EXECUTE TASK
		rest := w[1:]
		if w[0] == "create" && len(rest) >= 2 && rest[0] == "or" && rest[1] == "replace" {
			rest = rest[2:]
		}
		switch verb := w[0]; {
		case (verb == "create" || verb == "alter" || verb == "drop") && len(rest) > 0 && rest[0] == "stream":
			t.refuse(first, refStream, strings.ToUpper(verb))
			return true
		case (verb == "create" || verb == "alter" || verb == "drop" || verb == "execute") && len(rest) > 0 && rest[0] == "task":
			t.refuse(first, refTask, strings.ToUpper(verb))
			return true
		}
	}
	if !inert {
		return false
	}
	for i := n.start; i < n.end; i++ {
		t.pr.dropTok(i)
	}
	return true
}

// leadWords are the first max lower-case words of statement n, up to its
// first token that is neither a word nor a quoted name, and the index of
// its first token.
func (t *translator) leadWords(n *node, max int) ([]string, int) {
	first := skipSpace(t.toks, n.start)
	var words []string
	for i := first; i < n.end && len(words) < max; i++ {
		switch tk := t.toks[i]; tk.kind {
		case kSpace, kComment:
		case kWord, kQuoted:
			words = append(words, tk.lower)
		default:
			return words, first
		}
	}
	return words, first
}
