package dialect

import "strings"

// Statements that create a user-defined function: Snowflake's and
// BigQuery's CREATE [OR REPLACE] [SECURE] [TEMP] FUNCTION name(args) ...
// [LANGUAGE JAVASCRIPT | PYTHON | JAVA | SCALA | SQL | js] AS .... SQLite
// has no user-defined functions, so each is refused by name, saying in
// which language it is written, where it reached SQLite as a syntax error
// near a word of its own. A function in SQL could be inlined where it is
// called, as DuckDB's CREATE MACRO in a hook is (duckdb_defs.go); until
// then it is refused too, with a dbt macro as the way to write it.

// udfLanguages names the languages of LANGUAGE x as the warehouses'
// documentation spells them.
var udfLanguages = map[string]string{
	"javascript": "JavaScript", "js": "JavaScript", "python": "Python", "java": "Java", "scala": "Scala",
}

// refuseFunction refuses a statement n (read token by token) that creates
// a user-defined function, and tells whether it did.
func (t *translator) refuseFunction(n *node) bool {
	if t.d != Snowflake && t.d != BigQuery {
		return false
	}
	i := skipSpace(t.toks, n.start)
	if i >= n.end || t.toks[i].kind != kWord || t.toks[i].lower != "create" {
		return false
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
	if j >= n.end || t.toks[j].kind != kWord {
		return false
	}
	if t.toks[j].lower != "function" {
		return false
	}
	what := "CREATE FUNCTION"
	// the function's name: the words and quoted names up to its arguments
	k := skipSpace(t.toks, j+1)
	if k < n.end && t.toks[k].lower == "if" {
		for k < n.end && (t.toks[k].lower == "if" || t.toks[k].lower == "not" || t.toks[k].lower == "exists") {
			k = skipSpace(t.toks, k+1)
		}
	}
	var name strings.Builder
	for k < n.end && (t.toks[k].kind == kWord || t.toks[k].kind == kQuoted || t.toks[k].text == ".") {
		name.WriteString(t.toks[k].text)
		k = skipSpace(t.toks, k+1)
	}
	if name.Len() == 0 {
		return false
	}
	what += " " + name.String()
	lang := ""
	for k < n.end {
		if t.toks[k].kind == kWord && t.toks[k].lower == "language" {
			if l := skipSpace(t.toks, k+1); l < n.end && t.toks[l].kind == kWord {
				lang = t.toks[l].lower
			}
			break
		}
		k++
	}
	if language, ok := udfLanguages[lang]; ok {
		t.refuse(i, refFunctionLanguage, what, language, dialectName(t.d))
	} else {
		t.refuse(i, refFunctionSQL, what)
	}
	return true
}
