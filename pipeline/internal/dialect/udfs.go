package dialect

import "strings"

// Statements that create a user-defined function: Snowflake's and
// BigQuery's CREATE [OR REPLACE] [SECURE] [TEMP] FUNCTION name(args) ...
// [LANGUAGE JAVASCRIPT | PYTHON | JAVA | SCALA | SQL | js] AS .... SQLite
// has no user-defined functions. One in SQL, in a hook, a query a macro
// runs or a model's sql_header, is taken out before translation and its
// calls are inlined (sql_functions.go), as DuckDB's CREATE MACRO is; one
// that reaches the translator (in a model's or test's SQL) is refused, and
// so is one in another language or BigQuery's remote function, by name,
// saying in which language it is written, where it reached SQLite as a
// syntax error near a word of its own.
//
// So are the statements that create and run a stored procedure:
// Snowflake's CREATE [OR REPLACE] [SECURE] PROCEDURE name(args) RETURNS
// type LANGUAGE JAVASCRIPT | SQL | PYTHON | JAVA | SCALA ... AS ...,
// BigQuery's CREATE [OR REPLACE] PROCEDURE name(args) BEGIN ... END, and
// CALL name(args) of both. DuckDB has no stored procedures and refuses
// CREATE PROCEDURE as a syntax error; it is refused here by name. DuckDB's
// CALL runs a table function (CALL pragma_version()), not a procedure, and
// is left to the checks of its function.

// udfLanguages names the languages of LANGUAGE x as the warehouses'
// documentation spells them.
var udfLanguages = map[string]string{
	"javascript": "JavaScript", "js": "JavaScript", "python": "Python", "java": "Java", "scala": "Scala",
}

// createdRoutine reads a statement n that begins CREATE [OR REPLACE]
// [SECURE] [TEMP] kind [IF NOT EXISTS] name, where kind is FUNCTION or
// PROCEDURE, and returns the index of CREATE, the kind, the name as
// written, and the index of the token after the name; ok is false for any
// other statement.
func (t *translator) createdRoutine(n *node) (i int, kind, name string, k int, ok bool) {
	i = skipSpace(t.toks, n.start)
	if i >= n.end || t.toks[i].kind != kWord || t.toks[i].lower != "create" {
		return
	}
	j := skipSpace(t.toks, i+1)
	if j < n.end && t.toks[j].lower == "or" {
		if k := skipSpace(t.toks, j+1); k < n.end && t.toks[k].lower == "replace" {
			j = skipSpace(t.toks, k+1)
		}
	}
	for j < n.end && t.toks[j].kind == kWord && (createModifiers[t.toks[j].lower] || t.toks[j].lower == "secure") {
		j = skipSpace(t.toks, j+1)
	}
	if j >= n.end || t.toks[j].kind != kWord || t.toks[j].lower != "function" && t.toks[j].lower != "procedure" {
		return
	}
	kind = t.toks[j].lower
	k = skipSpace(t.toks, j+1)
	if k < n.end && t.toks[k].lower == "if" {
		for k < n.end && (t.toks[k].lower == "if" || t.toks[k].lower == "not" || t.toks[k].lower == "exists") {
			k = skipSpace(t.toks, k+1)
		}
	}
	name, k = t.routineName(n, k)
	return i, kind, name, k, name != ""
}

// routineName reads the name of a function or procedure from token k of
// statement n, the words, quoted names and dots up to its arguments, and
// returns it as written and the index of the token after it.
func (t *translator) routineName(n *node, k int) (string, int) {
	var name strings.Builder
	for k < n.end && (t.toks[k].kind == kWord || t.toks[k].kind == kQuoted || t.toks[k].text == ".") {
		name.WriteString(t.toks[k].text)
		k = skipSpace(t.toks, k+1)
	}
	return name.String(), k
}

// language returns the word after LANGUAGE in statement n from token k on,
// in lower case, or "".
func (t *translator) language(n *node, k int) string {
	for ; k < n.end; k++ {
		if t.toks[k].kind == kWord && t.toks[k].lower == "language" {
			if l := skipSpace(t.toks, k+1); l < n.end && t.toks[l].kind == kWord {
				return t.toks[l].lower
			}
			return ""
		}
	}
	return ""
}

// refuseFunction refuses a statement n (read token by token) that creates
// a user-defined function, and tells whether it did.
func (t *translator) refuseFunction(n *node) bool {
	if t.d != Snowflake && t.d != BigQuery {
		return false
	}
	i, kind, name, k, ok := t.createdRoutine(n)
	if !ok || kind != "function" {
		return false
	}
	what := "CREATE FUNCTION " + name
	remote := false
	for j := k; j < n.end; j++ {
		remote = remote || t.toks[j].kind == kWord && t.toks[j].lower == "remote" && wordAfter(t, j, n.end, "with")
	}
	if language, ok := udfLanguages[t.language(n, k)]; ok {
		t.refuse(i, refFunctionLanguage, what, language, dialectName(t.d))
	} else if remote {
		t.refuse(i, refFunctionRemote, what)
	} else {
		t.refuse(i, refFunctionSQL, what)
	}
	return true
}

// wordAfter tells whether the word after token j (before end) is word.
func wordAfter(t *translator, j, end int, word string) bool {
	k := skipSpace(t.toks, j+1)
	return k < end && t.toks[k].lower == word
}

// refuseProcedure refuses a statement n (read token by token) that creates
// a stored procedure (Snowflake, BigQuery, DuckDB) or calls one (CALL of
// Snowflake and BigQuery), and tells whether it did.
func (t *translator) refuseProcedure(n *node) bool {
	if t.d != Snowflake && t.d != BigQuery && t.d != DuckDB {
		return false
	}
	if i, kind, name, k, ok := t.createdRoutine(n); ok && kind == "procedure" {
		what := "CREATE PROCEDURE " + name
		switch lang := t.language(n, k); {
		case t.d == DuckDB:
			t.refuse(i, refProcedureDuckDB, what)
		case udfLanguages[lang] != "":
			t.refuse(i, refProcedure, what, " in "+udfLanguages[lang], dialectName(t.d))
		case lang == "sql":
			t.refuse(i, refProcedure, what, " in SQL", dialectName(t.d))
		default:
			t.refuse(i, refProcedure, what, "", dialectName(t.d))
		}
		return true
	}
	if t.d == DuckDB {
		return false
	}
	i := skipSpace(t.toks, n.start)
	if i >= n.end || t.toks[i].kind != kWord || t.toks[i].lower != "call" {
		return false
	}
	name, k := t.routineName(n, skipSpace(t.toks, i+1))
	if name == "" || k >= n.end || t.toks[k].text != "(" {
		return false
	}
	t.refuse(i, refCall, "CALL "+name, dialectName(t.d))
	return true
}
