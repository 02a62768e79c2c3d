package dialect

import "strings"

// Status is the one-row answer Snowflake gives a statement that reads no
// rows, which a macro reads through run_query or load_result('x')['data']:
// a status text or the counts of the rows a DML statement wrote.
type Status struct {
	Columns []string
	// Row holds the status text, or the counts (int64) of Changed rows;
	// Count marks the columns that hold the count.
	Row   []any
	Count []bool
}

// StatusOf is the Snowflake status row of sql's last statement, in the
// shapes its documentation shows: CREATE TABLE, SCHEMA and VIEW (Table T
// successfully created.), DROP TABLE and SCHEMA (T successfully dropped.),
// ALTER (Statement executed successfully.), INSERT, UPDATE and DELETE (the
// number of rows written); names upper-cased unless quoted, as Snowflake
// stores them. Other statements, other dialects (BigQuery's DDL answers no
// rows, DuckDB keeps its own) and the IF [NOT] EXISTS forms, whose text
// depends on what existed, answer false.
func StatusOf(d Dialect, sql string) (Status, bool) {
	if d != Snowflake {
		return Status{}, false
	}
	w := statusWords(lastStatement(sql))
	if len(w) == 0 {
		return Status{}, false
	}
	text := func(s string) (Status, bool) {
		return Status{Columns: []string{"status"}, Row: []any{s}, Count: []bool{false}}, true
	}
	switch w[0] {
	case "CREATE":
		rest := w[1:]
		if len(rest) > 1 && rest[0] == "OR" && rest[1] == "REPLACE" {
			rest = rest[2:]
		}
		for len(rest) > 0 && statusModifier[rest[0]] {
			rest = rest[1:]
		}
		if len(rest) < 2 || rest[1] == "IF" {
			return Status{}, false
		}
		kind := map[string]string{"TABLE": "Table", "SCHEMA": "Schema", "VIEW": "View"}[rest[0]]
		if kind == "" {
			return Status{}, false
		}
		return text(kind + " " + rest[1] + " successfully created.")
	case "DROP":
		if len(w) < 3 || w[1] != "TABLE" && w[1] != "SCHEMA" || w[2] == "IF" {
			return Status{}, false
		}
		return text(w[2] + " successfully dropped.")
	case "ALTER":
		return text("Statement executed successfully.")
	case "INSERT":
		if len(w) < 2 || w[1] != "INTO" && w[1] != "OVERWRITE" {
			return Status{}, false // a multi-table INSERT ALL / FIRST
		}
		return Status{Columns: []string{"number of rows inserted"}, Row: []any{int64(0)}, Count: []bool{true}}, true
	case "UPDATE":
		return Status{Columns: []string{"number of rows updated", "number of multi-joined rows updated"},
			Row: []any{int64(0), int64(0)}, Count: []bool{true, false}}, true
	case "DELETE":
		return Status{Columns: []string{"number of rows deleted"}, Row: []any{int64(0)}, Count: []bool{true}}, true
	}
	return Status{}, false
}

// statusModifier are the words between CREATE [OR REPLACE] and the kind
// of object that leave the status as it is.
var statusModifier = map[string]bool{"TEMP": true, "TEMPORARY": true, "TRANSIENT": true, "LOCAL": true,
	"GLOBAL": true, "VOLATILE": true, "SECURE": true, "RECURSIVE": true}

// Rows is the status with n, the rows the statement wrote, in its count
// columns.
func (s Status) Rows(n int64) []any {
	row := append([]any(nil), s.Row...)
	for i, c := range s.Count {
		if c {
			row[i] = n
		}
	}
	return row
}

// lastStatement is the last statement of sql that is not blank, its
// comments and string literals left as they are.
func lastStatement(sql string) string {
	last, start := "", 0
	for i := 0; i <= len(sql); i++ {
		if i < len(sql) {
			switch c := sql[i]; {
			case c == '\'' || c == '"':
				i = skipQuoted(sql, i, c)
				continue
			case c == '-' && i+1 < len(sql) && sql[i+1] == '-', c == '/' && i+1 < len(sql) && sql[i+1] == '/':
				for i < len(sql) && sql[i] != '\n' {
					i++
				}
				continue
			case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
				if end := strings.Index(sql[i+2:], "*/"); end >= 0 {
					i += end + 3
				} else {
					i = len(sql) - 1
				}
				continue
			case c != ';':
				continue
			}
		}
		if part := sql[start:min(i, len(sql))]; len(statusWords(part)) > 0 {
			last = part
		}
		start = i + 1
	}
	return last
}

// skipQuoted is the index of the quote closing the one at i (a doubled
// quote or, in a string, a backslash escapes it).
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q == '\'':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j
		}
	}
	return len(s) - 1
}

// statusWords are the leading words of a statement, up to its first
// parenthesis or AS: keywords and unquoted names upper-cased, a quoted
// name as written, a dotted name its last part.
func statusWords(stmt string) []string {
	var out []string
	dotted := false
	for i := 0; i < len(stmt) && len(out) < 12; {
		c := stmt[i]
		switch {
		case c == '-' && i+1 < len(stmt) && stmt[i+1] == '-', c == '/' && i+1 < len(stmt) && stmt[i+1] == '/':
			for i < len(stmt) && stmt[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(stmt) && stmt[i+1] == '*':
			end := strings.Index(stmt[i+2:], "*/")
			if end < 0 {
				return out
			}
			i += end + 4
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '.':
			dotted = true
			i++
		case c == '"':
			end := skipQuoted(stmt, i, '"')
			word := strings.ReplaceAll(stmt[i+1:end], `""`, `"`)
			out = appendWord(out, word, dotted)
			dotted = false
			i = end + 1
		case c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(stmt) && (stmt[j] == '_' || stmt[j] == '$' || stmt[j] >= '0' && stmt[j] <= '9' || stmt[j] >= 'a' && stmt[j] <= 'z' || stmt[j] >= 'A' && stmt[j] <= 'Z') {
				j++
			}
			out = appendWord(out, strings.ToUpper(stmt[i:j]), dotted)
			dotted = false
			i = j
		default:
			return out
		}
	}
	return out
}

// appendWord adds word, or puts it in place of the name before it when it
// follows a dot.
func appendWord(out []string, word string, dotted bool) []string {
	if dotted && len(out) > 0 {
		out[len(out)-1] = word
		return out
	}
	return append(out, word)
}
