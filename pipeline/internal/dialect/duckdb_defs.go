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

// Macro is a DuckDB scalar macro.
type Macro struct {
	Params   []string
	Defaults map[string]string // parameter -> default expression
	Body     string
}

// Defs are the macros and type aliases defined so far, by lower-case name.
type Defs struct {
	Macros map[string]Macro
	Types  map[string]string
}

// settingsWithoutEffect are DuckDB settings that change how a query runs,
// never its result.
var settingsWithoutEffect = map[string]bool{"disabled_optimizers": true, "threads": true, "memory_limit": true,
	"enable_progress_bar": true, "preserve_insertion_order": true, "enable_object_cache": true}

// TakeDefinitions removes DuckDB's CREATE MACRO, CREATE TYPE and SET
// statements from sql, records them in defs, and returns the remaining SQL
// with the removed statements' line breaks kept. Other dialects' SQL is
// returned unchanged.
func TakeDefinitions(d Dialect, sql string, defs *Defs) (string, error) {
	if d != DuckDB || !strings.Contains(strings.ToLower(sql), "create") && !strings.Contains(strings.ToLower(sql), "set") {
		return sql, nil
	}
	toks, err := lex(d, sql)
	if err != nil {
		return "", err
	}
	return takeStatements(toks, func(stmt []token) (bool, error) {
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
	// w are the statement's significant tokens; at[k] is w[k]'s index in
	// stmt, so text after a token keeps its spaces (rawFrom).
	var w []token
	var at []int
	for k, t := range stmt {
		if t.kind != kSpace && t.kind != kComment {
			w = append(w, t)
			at = append(at, k)
		}
	}
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
	if n := len(w); n > 0 && w[n-1].text == ";" {
		w = w[:n-1]
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
		defs.Macros = map[string]Macro{}
	}
	defs.Macros[name] = m
	return nil
}

// ApplyDefinitions expands the macros of defs called in DuckDB sql and
// replaces its type aliases after :: and in CAST(x AS alias). Line breaks
// stay where they were.
func ApplyDefinitions(d Dialect, sql string, defs *Defs) (string, error) {
	if d != DuckDB || defs == nil || len(defs.Macros)+len(defs.Types) == 0 {
		return sql, nil
	}
	for depth := 0; ; depth++ {
		out, changed, err := applyOnce(sql, defs)
		if err != nil || !changed {
			return out, err
		}
		if depth == 16 {
			return "", &diag.Diagnostic{Severity: diag.Error, Message: "macros call each other more than 16 deep"}
		}
		sql = out
	}
}

func applyOnce(sql string, defs *Defs) (string, bool, error) {
	toks, err := lex(DuckDB, sql)
	if err != nil {
		return "", false, err
	}
	var b strings.Builder
	changed := false
	prevSig := func(i int) *token {
		for j := i - 1; j >= 0; j-- {
			if toks[j].kind != kSpace && toks[j].kind != kComment {
				return &toks[j]
			}
		}
		return nil
	}
	nextSig := func(i int) int {
		for j := i + 1; j < len(toks); j++ {
			if toks[j].kind != kSpace && toks[j].kind != kComment {
				return j
			}
		}
		return -1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != kWord {
			b.WriteString(t.text)
			continue
		}
		prev := prevSig(i)
		if alias, ok := defs.Types[t.lower]; ok && prev != nil && (prev.text == "::" || prev.lower == "as" && inCast(toks, i)) {
			b.WriteString(alias)
			changed = true
			continue
		}
		m, ok := defs.Macros[t.lower]
		open := nextSig(i)
		if !ok || open < 0 || toks[open].kind != kOpen || prev != nil && prev.kind == kDot {
			b.WriteString(t.text)
			continue
		}
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
		if len(words(cur)) > 0 {
			args = append(args, cur)
		}
		values := map[string]string{}
		for k, v := range m.Defaults {
			values[k] = v
		}
		pos := 0
		for _, a := range args {
			w := words(a)
			if len(w) > 2 && w[1].text == ":=" {
				values[strings.ToLower(w[0].text)] = joinTokens(w[2:])
				continue
			}
			if pos >= len(m.Params) {
				return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
					Message: fmt.Sprintf("macro %s takes %d arguments, got %d", t.text, len(m.Params), len(args))}
			}
			values[m.Params[pos]] = joinTokens(a)
			pos++
		}
		for _, p := range m.Params {
			if _, ok := values[p]; !ok {
				return "", false, &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col,
					Message: fmt.Sprintf("macro %s needs its argument %s", t.text, p)}
			}
		}
		body, err := lex(DuckDB, m.Body)
		if err != nil {
			return "", false, err
		}
		b.WriteString("(")
		for k, bt := range body {
			v, isParam := values[bt.lower]
			bp := (*token)(nil)
			for j := k - 1; j >= 0; j-- {
				if body[j].kind != kSpace {
					bp = &body[j]
					break
				}
			}
			if bt.kind == kWord && isParam && (bp == nil || bp.kind != kDot) {
				b.WriteString("(" + v + ")")
				continue
			}
			b.WriteString(bt.text)
		}
		b.WriteString(")")
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
