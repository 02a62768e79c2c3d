package dialect

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// DuckDB statements that define names rather than compute rows: CREATE
// MACRO (a scalar function written in SQL), CREATE TYPE (a type alias) and
// SET (a session setting). SQLite has no equivalent statement, so the
// engine keeps the definitions (Defs) and applies them when it translates
// later SQL: a macro call is replaced by its body with the arguments in
// place of the parameters, an alias by its type.

// Macro is a DuckDB scalar macro, or a user-defined function in SQL of
// BigQuery or Snowflake (sql_functions.go), whose calls are inlined the
// same way.
type Macro struct {
	Params   []string
	Defaults map[string]string // parameter -> default expression
	Body     string
	// Name is a function's name as its CREATE FUNCTION wrote it. Types are
	// the declared types its arguments are cast to, "" for a parameter
	// left as given (BigQuery's ANY TYPE, an array, a struct, a VARIANT);
	// Returns is the type its result is cast to, "" for none.
	Name    string
	Types   []string
	Returns string
	// Strict is Snowflake's RETURNS NULL ON NULL INPUT (STRICT): NULL for
	// a call with a NULL argument.
	Strict bool
	// Temp is a BigQuery TEMP function, which lasts the script (one hook,
	// one query, one model with its sql_header) that creates it.
	Temp bool
	// signature is a function's parameter types as declared, which tell
	// Snowflake's overloads of one number of arguments apart.
	signature string
}

// Defs are the macros, functions and type aliases defined so far, by
// lower-case name: a DuckDB macro by its name, a BigQuery function by
// dataset.name (a TEMP one by its name), a Snowflake function by
// schema.name. A Snowflake name has one Macro per number of arguments
// (its overloads); the others have one.
type Defs struct {
	Macros map[string][]Macro
	Types  map[string]string
	// Schema is the current schema, which a Snowflake function created or
	// called by its name alone is in; Database the current database. USE
	// of either is taken out (use_statements.go).
	Schema, Database string
	// Ended are the names of BigQuery TEMP functions whose script is over,
	// so a later call is told why the function is gone.
	Ended map[string]bool
}

// Empty tells whether defs change no SQL.
func (defs *Defs) Empty() bool {
	return defs == nil || len(defs.Macros)+len(defs.Types)+len(defs.Ended) == 0
}

// EndScript forgets the BigQuery TEMP functions: the script that created
// them is over.
func (defs *Defs) EndScript() {
	for k, ms := range defs.Macros {
		if len(ms) > 0 && ms[0].Temp {
			delete(defs.Macros, k)
			if defs.Ended == nil {
				defs.Ended = map[string]bool{}
			}
			defs.Ended[k] = true
		}
	}
}

// settingsWithoutEffect are DuckDB settings that change how a query runs,
// never its result.
var settingsWithoutEffect = map[string]bool{"disabled_optimizers": true, "threads": true, "memory_limit": true,
	"enable_progress_bar": true, "preserve_insertion_order": true, "enable_object_cache": true}

// TakeDefinitions removes DuckDB's CREATE MACRO, CREATE TYPE and SET
// statements (and INSTALL and LOAD of extensions, isExtensionStatement), and BigQuery's and Snowflake's CREATE FUNCTION in SQL and
// DROP FUNCTION, from sql, records them in defs, and returns the
// remaining SQL with the removed statements' line breaks kept. A function
// in another language is left in the SQL, where the translator refuses it
// by name. SQLite's SQL is returned unchanged.
func TakeDefinitions(d Dialect, sql string, defs *Defs) (string, error) {
	low := strings.ToLower(sql)
	switch d {
	case DuckDB:
		if !strings.Contains(low, "create") && !strings.Contains(low, "set") && !strings.Contains(low, "install") && !strings.Contains(low, "load") {
			return sql, nil
		}
	case BigQuery:
		if !strings.Contains(low, "function") {
			return sql, nil
		}
	case Snowflake:
		if !strings.Contains(low, "function") && !strings.Contains(low, "use") {
			return sql, nil
		}
	default:
		return sql, nil
	}
	toks, err := lex(d, sql)
	if err != nil {
		return "", err
	}
	return takeStatements(toks, func(stmt []token) (bool, error) {
		if d == Snowflake {
			if taken, err := takeUse(stmt, defs); taken || err != nil {
				return taken, err
			}
		}
		if d != DuckDB {
			return defineFunction(d, stmt, defs)
		}
		if isExtensionStatement(stmt) {
			return true, nil
		}
		if !isDefinition(stmt) {
			return false, nil
		}
		return true, define(stmt, defs)
	})
}

// takeStatements splits toks into statements at their semicolons and
// returns the SQL with those take says to take out replaced by their line
// breaks and comments, so the lines of the rest stay where they were.
func takeStatements(toks []token, take func(stmt []token) (bool, error)) (string, error) {
	var out strings.Builder
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && !(toks[i].kind == kPunct && toks[i].text == ";") {
			continue
		}
		end := i
		if i < len(toks) {
			end = i + 1 // the ; goes with its statement
		}
		stmt := toks[start:end]
		start = end
		taken, err := take(stmt)
		if err != nil {
			return "", err
		}
		for _, t := range stmt {
			switch {
			case !taken, t.kind == kComment:
				out.WriteString(t.text)
			default:
				out.WriteString(strings.Repeat("\n", strings.Count(t.text, "\n")))
			}
		}
	}
	return out.String(), nil
}

// words are the lower-case words of a statement, spaces and comments left
// out.
func words(stmt []token) []token {
	var w []token
	for _, t := range stmt {
		if t.kind != kSpace && t.kind != kComment {
			w = append(w, t)
		}
	}
	return w
}

// statementWords are a statement's tokens but spaces, comments and its
// closing ;, with each one's index in stmt.
func statementWords(stmt []token) (w []token, at []int) {
	for k, t := range stmt {
		if t.kind != kSpace && t.kind != kComment {
			w = append(w, t)
			at = append(at, k)
		}
	}
	if n := len(w); n > 0 && w[n-1].text == ";" {
		w, at = w[:n-1], at[:n-1]
	}
	return w, at
}

// isExtensionStatement tells whether stmt is DuckDB's INSTALL, FORCE
// INSTALL or LOAD of an extension (httpfs, json, icu, ...), or UPDATE
// EXTENSIONS: the engine has the functions of the extensions it
// translates built in, so they are taken out without effect.
func isExtensionStatement(stmt []token) bool {
	w, _ := statementWords(stmt)
	if len(w) > 0 && w[0].lower == "force" {
		w = w[1:]
	}
	if len(w) < 2 || w[0].kind != kWord {
		return false
	}
	switch w[0].lower {
	case "install", "load":
		return w[1].kind == kWord || w[1].kind == kQuoted || w[1].kind == kString
	case "update":
		// UPDATE EXTENSIONS [(names)], not an UPDATE of a table so named
		return w[1].lower == "extensions" && (len(w) == 2 || w[2].text == "(")
	}
	return false
}

func isDefinition(stmt []token) bool {
	w := words(stmt)
	if len(w) == 0 || w[0].kind != kWord {
		return false
	}
	if w[0].lower == "set" {
		return true
	}
	if w[0].lower != "create" {
		return false
	}
	for _, t := range w[1:] {
		switch t.lower {
		case "or", "replace", "temp", "temporary":
			continue
		case "macro", "function", "type":
			return true
		}
		return false
	}
	return false
}

func joinTokens(ts []token) string {
	var b strings.Builder
	for _, t := range ts {
		if t.kind == kComment {
			continue
		}
		if t.kind == kSpace {
			b.WriteString(" ")
			continue
		}
		b.WriteString(t.text)
	}
	return strings.TrimSpace(b.String())
}

// define records one definition statement.
func define(stmt []token, defs *Defs) error {
	// at[k] is w[k]'s index in stmt, so text after a token keeps its
	// spaces (rawFrom).
	w, at := statementWords(stmt)
	rawFrom := func(k int) string {
		if k >= len(w) {
			return ""
		}
		end := len(stmt)
		for e := len(stmt) - 1; e >= 0; e-- {
			if stmt[e].kind == kPunct && stmt[e].text == ";" {
				end = e
				break
			}
			if stmt[e].kind != kSpace && stmt[e].kind != kComment {
				break
			}
		}
		return joinTokens(stmt[at[k]:end])
	}
	fail := func(msg, hint string) error {
		return &diag.Diagnostic{Severity: diag.Error, Line: w[0].line, Col: w[0].col, Message: msg, Hint: hint}
	}
	if w[0].lower == "set" {
		i := 1
		if i < len(w) && (w[i].lower == "global" || w[i].lower == "session" || w[i].lower == "local") {
			i++
		}
		if i+2 > len(w) {
			return fail("SET needs a setting and a value", "write SET name = value")
		}
		name := strings.ToLower(strings.Trim(w[i].text, `"`))
		value := strings.Trim(rawFrom(i+2), "'")
		switch {
		case settingsWithoutEffect[name]:
			return nil
		case name == "timezone" && strings.EqualFold(value, "UTC"):
			return nil // the engine computes in UTC
		}
		return fail(fmt.Sprintf("SET %s = %s is not supported: the engine runs DuckDB SQL on SQLite in UTC", w[i].text, rawFrom(i+2)),
			"leave the setting out")
	}
	i := 1
	for i < len(w) && (w[i].lower == "or" || w[i].lower == "replace" || w[i].lower == "temp" || w[i].lower == "temporary") {
		i++
	}
	kind := w[i].lower
	i++
	if kind == "type" {
		if i+1 < len(w) && w[i].lower == "if" {
			i += 3 // IF NOT EXISTS
		}
		if i+2 > len(w) || w[i+1].lower != "as" {
			return fail("CREATE TYPE needs a name and AS type", "write CREATE TYPE name AS varchar")
		}
		if defs.Types == nil {
			defs.Types = map[string]string{}
		}
		defs.Types[strings.ToLower(w[i].text)] = rawFrom(i + 2)
		return nil
	}
	// CREATE MACRO name(a, b := default) AS expr
	if i+1 >= len(w) || w[i+1].kind != kOpen {
		return fail("CREATE MACRO needs a name and a parameter list", "write CREATE MACRO f(a, b) AS a + b")
	}
	name := strings.ToLower(w[i].text)
	j := i + 2
	m := Macro{Defaults: map[string]string{}}
	depth := 0
	var param []int // indexes into w
	endParam := func() {
		if len(param) == 0 {
			return
		}
		p := strings.ToLower(strings.Trim(w[param[0]].text, `"`))
		m.Params = append(m.Params, p)
		if len(param) > 2 && w[param[1]].text == ":=" {
			m.Defaults[p] = joinTokens(stmt[at[param[2]] : at[param[len(param)-1]]+1])
		}
		param = nil
	}
	for ; j < len(w); j++ {
		t := w[j]
		if t.kind == kClose && depth == 0 {
			endParam()
			break
		}
		switch {
		case t.kind == kOpen:
			depth++
		case t.kind == kClose:
			depth--
		case depth == 0 && t.text == ",":
			endParam()
			continue
		}
		param = append(param, j)
	}
	if j+1 >= len(w) || w[j+1].lower != "as" {
		return fail("CREATE MACRO needs AS and an expression", "write CREATE MACRO f(a, b) AS a + b")
	}
	if j+2 < len(w) && w[j+2].lower == "table" {
		return fail("table macros (CREATE MACRO ... AS TABLE) are not supported", "write the query as a model and ref() it")
	}
	// The body keeps its text, line breaks as spaces, so an expansion
	// stays on the line of its call.
	m.Body = rawFrom(j + 2)
	if defs.Macros == nil {
		defs.Macros = map[string][]Macro{}
	}
	defs.Macros[name] = []Macro{m}
	return nil
}

// ApplyDefinitions expands the macros and functions of defs called in sql
// of dialect d (DuckDB's macros, BigQuery's and Snowflake's functions in
// SQL) and replaces DuckDB's type aliases after :: and in CAST(x AS
// alias). Line breaks stay where they were.
func ApplyDefinitions(d Dialect, sql string, defs *Defs) (string, error) {
	if d != DuckDB && d != BigQuery && d != Snowflake || defs.Empty() {
		return sql, nil
	}
	for depth := 0; ; depth++ {
		out, changed, err := applyOnce(d, sql, defs)
		if err != nil || !changed {
			return out, err
		}
		if depth == 16 {
			what := "macros call"
			if d != DuckDB {
				what = "functions call"
			}
			return "", &diag.Diagnostic{Severity: diag.Error, Message: what + " each other more than 16 deep",
				Hint: "a function calling itself, directly or through another, is not supported: write the recursion as a recursive CTE"}
		}
		sql = out
	}
}

// significant returns the index of the first token of toks from i on
// (backward with step -1) that is no space or comment, or -1.
func significant(toks []token, i, step int) int {
	for ; i >= 0 && i < len(toks); i += step {
		if toks[i].kind != kSpace && toks[i].kind != kComment {
			return i
		}
	}
	return -1
}

// calledName reads the name of a call from token i of toks: a word, or for
// BigQuery and Snowflake a dotted name of words and quoted names
// (`project.dataset.f`, ds.f, "S"."F"). It returns the name's parts and
// the index of its last token; ok is false when toks[i] starts no name
// or no ( follows it.
func calledName(d Dialect, toks []token, i int) (parts []string, last int, ok bool) {
	if p := significant(toks, i-1, -1); p >= 0 && toks[p].kind == kDot {
		return nil, 0, false
	}
	last = i
	for {
		t := toks[last]
		switch {
		case t.kind == kWord:
			parts = append(parts, t.lower)
		case t.kind == kQuoted && d != DuckDB:
			for _, p := range strings.Split(t.text[1:len(t.text)-1], ".") {
				parts = append(parts, strings.ToLower(p))
			}
		default:
			return nil, 0, false
		}
		if d == DuckDB || last+2 >= len(toks) || toks[last+1].kind != kDot || toks[last+2].kind != kWord && toks[last+2].kind != kQuoted {
			break
		}
		last += 2
	}
	open := significant(toks, last+1, 1)
	return parts, last, open >= 0 && toks[open].kind == kOpen
}

// functionKey is the key in Defs.Macros of a function named by parts in
// dialect d: BigQuery's dataset.name (or a TEMP function's name),
// Snowflake's schema.name (the current schema's for a name alone), a
// project or database before them left out.
func functionKey(d Dialect, parts []string, schema string) string {
	switch {
	case len(parts) == 0:
		return ""
	case d == DuckDB:
		return strings.Join(parts, ".")
	case len(parts) >= 2:
		return parts[len(parts)-2] + "." + parts[len(parts)-1]
	case d == Snowflake:
		return strings.ToLower(schema) + "." + parts[0]
	}
	return parts[0]
}

// arities lists the numbers of arguments of a function's overloads: "1",
// "1 or 2", "0, 1 or 3".
func arities(ms []Macro) string {
	var ns []string
	for _, m := range ms {
		ns = append(ns, fmt.Sprint(len(m.Params)))
	}
	if len(ns) == 1 {
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " or " + ns[len(ns)-1]
}

func applyOnce(d Dialect, sql string, defs *Defs) (string, bool, error) {
	toks, err := lex(d, sql)
	if err != nil {
		return "", false, err
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != kWord && t.kind != kQuoted {
			b.WriteString(t.text)
			continue
		}
		if p := significant(toks, i-1, -1); t.kind == kWord && p >= 0 && d == DuckDB {
			if alias, ok := defs.Types[t.lower]; ok && (toks[p].text == "::" || toks[p].lower == "as" && inCast(toks, i)) {
				b.WriteString(alias)
				changed = true
				continue
			}
		}
		parts, last, call := calledName(d, toks, i)
		key := functionKey(d, parts, defs.Schema)
		overloads, ok := defs.Macros[key]
		if call && !ok && d == BigQuery && len(parts) == 1 && defs.Ended[key] {
			return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
				Message: fmt.Sprintf("function %s is a TEMP function of an earlier script (a hook, a query a macro ran, another model's sql_header), which BigQuery drops when that script ends", t.text),
				Hint:    "create it in this model's sql_header, or create a dataset's function in the hook: CREATE OR REPLACE FUNCTION dataset.f(...) AS (...), called as dataset.f(...)"}
		}
		if !call || !ok || len(overloads) == 0 {
			b.WriteString(t.text)
			continue
		}
		open := significant(toks, last+1, 1)
		// The call's arguments, split at top-level commas.
		var args [][]token
		var cur []token
		depth, end := 0, -1
		for j := open + 1; j < len(toks); j++ {
			a := toks[j]
			if a.kind == kClose && depth == 0 {
				end = j
				break
			}
			switch {
			case a.kind == kOpen:
				depth++
			case a.kind == kClose:
				depth--
			case depth == 0 && a.kind == kPunct && a.text == ",":
				args = append(args, cur)
				cur = nil
				continue
			}
			cur = append(cur, a)
		}
		if end < 0 {
			b.WriteString(t.text)
			continue
		}
		if len(words(cur)) > 0 || len(args) > 0 {
			args = append(args, cur)
		}
		name := joinTokens(toks[i : last+1])
		m := overloads[0]
		if d != DuckDB {
			found := false
			for _, o := range overloads {
				if len(o.Params) == len(args) {
					m, found = o, true
				}
			}
			if !found {
				return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
					Message: fmt.Sprintf("function %s takes %s argument%s, and this call gives %d", name, arities(overloads), map[bool]string{true: "s"}[arities(overloads) != "1"], len(args)),
					Hint:    "pass as many arguments as a definition of the function declares parameters"}
			}
		}
		values := map[string]string{}
		for k, v := range m.Defaults {
			values[k] = v
		}
		pos := 0
		for _, a := range args {
			w := words(a)
			if d == DuckDB && len(w) > 2 && w[1].text == ":=" {
				values[strings.ToLower(w[0].text)] = joinTokens(w[2:])
				continue
			}
			if pos >= len(m.Params) {
				return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
					Message: fmt.Sprintf("macro %s takes %d arguments, got %d", t.text, len(m.Params), len(args))}
			}
			v := joinTokens(a)
			if d != DuckDB {
				v = "(" + v + ")"
				if m.Types[pos] != "" {
					v = "cast(" + v + " as " + m.Types[pos] + ")"
				}
			}
			values[m.Params[pos]] = v
			pos++
		}
		for _, p := range m.Params {
			if _, ok := values[p]; !ok {
				return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
					Message: fmt.Sprintf("macro %s needs its argument %s", t.text, p)}
			}
		}
		body, err := lex(d, m.Body)
		if err != nil {
			return "", false, err
		}
		var e strings.Builder
		e.WriteString("(")
		for k, bt := range body {
			v, isParam := values[bt.lower]
			if p := significant(body, k-1, -1); bt.kind == kWord && isParam && (p < 0 || body[p].kind != kDot) {
				if d == DuckDB {
					v = "(" + v + ")"
				}
				e.WriteString(v)
				continue
			}
			e.WriteString(bt.text)
		}
		e.WriteString(")")
		expansion := e.String()
		if m.Returns != "" {
			expansion = "cast(" + expansion + " as " + m.Returns + ")"
		}
		if m.Strict && len(m.Params) > 0 {
			var nulls []string
			for _, p := range m.Params {
				nulls = append(nulls, values[p]+" is null")
			}
			expansion = "(case when " + strings.Join(nulls, " or ") + " then null else " + expansion + " end)"
		}
		b.WriteString(expansion)
		lines := 0
		for _, c := range toks[i : end+1] {
			lines += strings.Count(c.text, "\n")
		}
		b.WriteString(strings.Repeat("\n", lines))
		changed = true
		i = end
	}
	return b.String(), changed, nil
}

// inCast reports whether toks[i] is inside the parentheses of a CAST or
// TRY_CAST call.
func inCast(toks []token, i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch toks[j].kind {
		case kClose:
			depth++
		case kOpen:
			if depth == 0 {
				for k := j - 1; k >= 0; k-- {
					if toks[k].kind == kSpace {
						continue
					}
					return toks[k].lower == "cast" || toks[k].lower == "try_cast"
				}
				return false
			}
			depth--
		}
	}
	return false
}
