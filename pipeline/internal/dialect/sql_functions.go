package dialect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// User-defined functions written in SQL, of BigQuery and Snowflake:
//
//	CREATE [OR REPLACE] [TEMP | TEMPORARY] FUNCTION [IF NOT EXISTS]
//	  [project.]dataset.name(a INT64, b ANY TYPE) [RETURNS type] AS (expr)
//	CREATE [OR REPLACE] [SECURE] [TEMP | TEMPORARY] FUNCTION [IF NOT EXISTS]
//	  [db.]schema.name(a NUMBER, b VARCHAR) RETURNS type [LANGUAGE SQL] ... AS 'expr' | $$expr$$
//
// SQLite has no such functions, so the statement is taken out of the SQL
// of a hook, a query a macro runs or a model's sql_header, kept in Defs as
// DuckDB's CREATE MACRO is, and each later call is replaced by the body
// with the arguments in place of the parameters (ApplyDefinitions). As the
// warehouses coerce a call's arguments to the declared types and the
// result to the declared one, the inlined arguments and result are cast
// to them; a parameter of ANY TYPE, an array, a struct or a VARIANT is
// left as given. A body that is a query is a scalar subquery. Snowflake
// overloads a name by its number of arguments; BigQuery has one function
// of a name. DROP FUNCTION forgets one.

// uncast are the types an argument or result is not cast to: they hold
// nested or semi-structured values, or any type.
var uncast = map[string]bool{"any": true, "array": true, "struct": true, "variant": true, "object": true,
	"json": true, "geography": true, "geometry": true, "range": true, "table": true, "map": true}

// functionClauses are the words that end a type after RETURNS.
var functionClauses = map[string]bool{"language": true, "as": true, "not": true, "null": true, "called": true,
	"strict": true, "immutable": true, "volatile": true, "memoizable": true, "comment": true, "options": true,
	"deterministic": true, "returns": true, "remote": true, "runtime_version": true, "handler": true,
	"packages": true, "imports": true}

// castType is a declared type as the inlined SQL casts to it, "" for one
// not cast: a type word, with its precision in brackets.
func castType(ts []token) string {
	if len(ts) == 0 || ts[0].kind != kWord || uncast[ts[0].lower] {
		return ""
	}
	if len(ts) > 1 && (ts[1].kind != kOpen || ts[len(ts)-1].kind != kClose) {
		return ""
	}
	return joinTokens(ts)
}

// defineFunction records a BigQuery or Snowflake CREATE FUNCTION in SQL,
// or a DROP FUNCTION, in defs, and tells whether stmt was one. A function
// in another language is not taken: the translator refuses it by name.
func defineFunction(d Dialect, stmt []token, defs *Defs) (bool, error) {
	w, at := statementWords(stmt)
	if len(w) < 3 || w[0].kind != kWord {
		return false, nil
	}
	fail := func(t token, msg, hint string) error {
		return &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col, Message: msg, Hint: hint}
	}
	// name reads a function's name from w[i] up to its (.
	name := func(i int) (parts []string, written string, next int) {
		for i < len(w) && (w[i].kind == kWord || w[i].kind == kQuoted || w[i].kind == kDot) {
			written += w[i].text
			switch w[i].kind {
			case kWord:
				parts = append(parts, w[i].lower)
			case kQuoted:
				for _, p := range strings.Split(w[i].text[1:len(w[i].text)-1], ".") {
					parts = append(parts, strings.ToLower(p))
				}
			}
			i++
		}
		return parts, written, i
	}
	// group returns the index of the ) closing the ( at w[i], -1 if none.
	group := func(i int) int {
		depth := 0
		for j := i; j < len(w); j++ {
			switch w[j].kind {
			case kOpen:
				depth++
			case kClose:
				if depth--; depth == 0 {
					return j
				}
			}
		}
		return -1
	}
	if w[0].lower == "drop" {
		if w[1].lower != "function" {
			return false, nil
		}
		i := 2
		if i+1 < len(w) && w[i].lower == "if" && w[i+1].lower == "exists" {
			i += 2
		}
		parts, _, k := name(i)
		if len(parts) == 0 {
			return true, fail(w[0], "DROP FUNCTION needs the function's name", "write DROP FUNCTION IF EXISTS dataset.f")
		}
		key := functionKey(d, parts, defs.Schema)
		arity := -1 // every overload
		if d == Snowflake && k < len(w) && w[k].kind == kOpen {
			arity = 0
			if end := group(k); end > k+1 {
				arity = 1
				for j := k + 1; j < end; j++ {
					if w[j].text == "," {
						arity++
					}
				}
			}
		}
		var kept []Macro
		for _, m := range defs.Macros[key] {
			if arity >= 0 && len(m.Params) != arity {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			delete(defs.Macros, key)
		} else {
			defs.Macros[key] = kept
		}
		return true, nil
	}
	if w[0].lower != "create" {
		return false, nil
	}
	i := 1
	orReplace, temp, ifNotExists := false, false, false
	if i+1 < len(w) && w[i].lower == "or" && w[i+1].lower == "replace" {
		orReplace = true
		i += 2
	}
	for i < len(w) && (w[i].lower == "temp" || w[i].lower == "temporary" || w[i].lower == "secure") {
		temp = temp || w[i].lower != "secure"
		i++
	}
	tableFunction := d == BigQuery && i+1 < len(w) && w[i].lower == "table" && w[i+1].lower == "function"
	if tableFunction {
		i++ // BigQuery's CREATE TABLE FUNCTION, refused below
	}
	if i >= len(w) || w[i].lower != "function" {
		return false, nil
	}
	i++
	if i+2 < len(w) && w[i].lower == "if" && w[i+1].lower == "not" && w[i+2].lower == "exists" {
		ifNotExists = true
		i += 3
	}
	parts, written, k := name(i)
	what := "CREATE FUNCTION " + written
	if tableFunction {
		return true, fail(w[0], "CREATE TABLE FUNCTION "+written+" is a table function, which is not inlined here",
			"write its query as a model and select from {{ ref('name') }}, or as a dbt macro that returns the query")
	}
	if len(parts) == 0 || k >= len(w) || w[k].kind != kOpen {
		return false, nil
	}
	close := group(k)
	if close < 0 {
		return true, fail(w[k], what+": its parameter list is not closed", "close it with )")
	}
	// The clauses between the parameters and AS.
	language, returns, strict, returnsTable, remote := "", []token(nil), false, false, false
	j := close + 1
	for j < len(w) && w[j].lower != "as" {
		switch w[j].lower {
		case "returns":
			if j+2 < len(w) && w[j+1].lower == "null" && w[j+2].lower == "on" {
				strict = true
				j += 5 // RETURNS NULL ON NULL INPUT
				continue
			}
			j++
			if j < len(w) && w[j].lower == "table" {
				returnsTable = true
			}
			depth := 0
			for ; j < len(w); j++ {
				t := w[j]
				if depth == 0 && t.kind == kWord && functionClauses[t.lower] {
					break
				}
				switch {
				case t.kind == kOpen || t.kind == kPunct && strings.Trim(t.text, "<") == "":
					depth += max(1, len(t.text)*btoi(t.kind == kPunct))
				case t.kind == kClose || t.kind == kPunct && strings.Trim(t.text, ">") == "":
					depth -= max(1, len(t.text)*btoi(t.kind == kPunct))
				}
				returns = append(returns, t)
			}
			continue
		case "language":
			if j+1 < len(w) {
				language = w[j+1].lower
			}
			j += 2
			continue
		case "remote":
			remote = true
		case "strict":
			strict = true
		case "options":
			if j+1 < len(w) && w[j+1].kind == kOpen {
				if end := group(j + 1); end > 0 {
					j = end + 1
					continue
				}
			}
		}
		j++
	}
	if language != "" && language != "sql" || remote {
		return false, nil // refused by name where it is translated
	}
	if returnsTable {
		return true, fail(w[0], what+" is a table function (RETURNS TABLE), which is not inlined here",
			"write its query as a model and select from {{ ref('name') }}, or as a dbt macro that returns the query")
	}
	if j+1 >= len(w) {
		return true, fail(w[0], what+" needs AS and the function's body", bodyHint(d))
	}
	// The body: BigQuery's AS (expr), Snowflake's AS 'expr' or $$expr$$.
	var body string
	switch {
	case d == BigQuery && w[j+1].kind == kOpen && group(j+1) == len(w)-1:
		body = joinTokens(stmt[at[j+1]+1 : at[len(w)-1]])
	case d == Snowflake && w[j+1].kind == kString && j+2 == len(w):
		toks, err := lex(d, stringValue(d, w[j+1].text))
		if err != nil {
			return true, fail(w[j+1], what+": its body does not read as SQL: "+err.Error(), bodyHint(d))
		}
		body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(joinTokens(toks)), ";"))
	default:
		return true, fail(w[j+1], what+": its body is not "+map[Dialect]string{BigQuery: "an expression in brackets", Snowflake: "a string"}[d], bodyHint(d))
	}
	if body == "" {
		return true, fail(w[j+1], what+" has an empty body", bodyHint(d))
	}
	switch first := strings.ToLower(strings.Fields(body)[0]); first {
	case "select", "with":
		body = "(" + body + ")" // a query giving one value
	case "begin", "declare":
		return true, fail(w[j+1], what+" is a Snowflake Scripting function (DECLARE ... BEGIN ... END), whose statements are not inlined here",
			"write the function's result as one expression, AS 'expr', or as a dbt macro that returns the SQL expression")
	}
	m := Macro{Name: written, Body: body, Strict: strict, Temp: temp && d == BigQuery, Returns: castType(returns), Defaults: map[string]string{}}
	// The parameters: name type, separated by commas outside brackets
	// (and BigQuery's <>).
	var param []token
	endParam := func() error {
		if len(param) == 0 {
			return nil
		}
		p := param[0]
		if p.kind != kWord && p.kind != kQuoted || len(param) < 2 {
			return fail(p, what+": a parameter needs a name and a type", "write name type, e.g. x INT64")
		}
		for _, t := range param[1:] {
			if t.lower == "default" {
				return fail(t, what+": a parameter's DEFAULT is not supported", "define the function again without the parameter, and call that one")
			}
		}
		pn := strings.ToLower(strings.Trim(p.text, "\"`"))
		for _, q := range m.Params {
			if q == pn {
				return fail(p, what+": parameter "+p.text+" is declared twice", "give each parameter its own name")
			}
		}
		m.Params = append(m.Params, pn)
		m.Types = append(m.Types, castType(param[1:]))
		m.signature += strings.ToLower(joinTokens(param[1:])) + ","
		param = nil
		return nil
	}
	depth := 0
	for _, t := range w[k+1 : close] {
		switch {
		case t.kind == kOpen || t.kind == kPunct && strings.Trim(t.text, "<") == "":
			depth += max(1, len(t.text)*btoi(t.kind == kPunct))
		case t.kind == kClose || t.kind == kPunct && strings.Trim(t.text, ">") == "":
			depth -= max(1, len(t.text)*btoi(t.kind == kPunct))
		case depth == 0 && t.text == ",":
			if err := endParam(); err != nil {
				return true, err
			}
			continue
		}
		param = append(param, t)
	}
	if err := endParam(); err != nil {
		return true, err
	}
	key := functionKey(d, parts, defs.Schema)
	if calls(d, body, key, defs.Schema) {
		return true, fail(w[0], what+" calls itself, and a recursive function is not supported",
			"write the recursion as a recursive CTE (WITH RECURSIVE) in the query")
	}
	if defs.Macros == nil {
		defs.Macros = map[string][]Macro{}
	}
	var kept []Macro
	for _, o := range defs.Macros[key] {
		if d == Snowflake && len(o.Params) != len(m.Params) {
			kept = append(kept, o)
			continue
		}
		switch {
		case d == Snowflake && o.signature != m.signature:
			return true, fail(w[0], fmt.Sprintf("%s: function %s is defined with %s of other types, and overloads with the same number of arguments, told apart by their types, are not supported here", what, written, countArgs(len(m.Params))),
				"give the functions different names, or drop the other one first (DROP FUNCTION name(types))")
		case ifNotExists:
			return true, nil // the one there stays
		case !orReplace:
			return true, fail(w[0], fmt.Sprintf("%s: function %s already exists%s", what, written, map[bool]string{true: " with " + countArgs(len(m.Params))}[d == Snowflake]),
				"write CREATE OR REPLACE FUNCTION, or CREATE FUNCTION IF NOT EXISTS")
		}
	}
	kept = append(kept, m)
	sort.SliceStable(kept, func(a, b int) bool { return len(kept[a].Params) < len(kept[b].Params) })
	defs.Macros[key] = kept
	return true, nil
}

// countArgs is "1 argument", "2 arguments".
func countArgs(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func bodyHint(d Dialect) string {
	if d == BigQuery {
		return "write the body as AS (expression), e.g. CREATE TEMP FUNCTION f(x INT64) AS (x + 1)"
	}
	return "write the body as a string: AS 'x + 1' or AS $$ x + 1 $$"
}

// calls tells whether SQL body of dialect d calls the function of key.
func calls(d Dialect, body, key, schema string) bool {
	toks, err := lex(d, body)
	if err != nil {
		return false
	}
	for i, t := range toks {
		if t.kind != kWord && t.kind != kQuoted {
			continue
		}
		if parts, _, ok := calledName(d, toks, i); ok && functionKey(d, parts, schema) == key {
			return true
		}
	}
	return false
}
