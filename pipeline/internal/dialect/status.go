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
	w := lastStatementWords(sql)
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

// lastStatementWords are the leading words of sql's last statement that
// has any, read from Snowflake's tokens so comments and literals hold no
// statement; nil when sql does not lex.
func lastStatementWords(sql string) []string {
	toks, err := lex(Snowflake, sql)
	if err != nil {
		return nil
	}
	var last []string
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && !(toks[end].kind == kPunct && toks[end].text == ";") {
			end++
		}
		if w := statusWords(toks[start:end]); len(w) > 0 {
			last = w
		}
		start = end + 1
	}
	return last
}

// statusWords are the leading words of a statement, up to its first
// parenthesis, literal or operator: keywords and unquoted names
// upper-cased, a quoted name as written, a dotted name its last part.
func statusWords(toks []token) []string {
	var out []string
	dotted := false
	for _, t := range toks {
		if len(out) == 12 {
			break
		}
		word := ""
		switch t.kind {
		case kSpace, kComment:
			continue
		case kDot:
			dotted = true
			continue
		case kWord:
			word = strings.ToUpper(t.text)
		case kQuoted:
			word = strings.ReplaceAll(t.text[1:len(t.text)-1], `""`, `"`)
		default:
			return out
		}
		if dotted && len(out) > 0 {
			out[len(out)-1] = word
		} else {
			out = append(out, word)
		}
		dotted = false
	}
	return out
}
