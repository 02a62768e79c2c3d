package dialect

import (
	"slices"
	"strings"
)

// Statements on who may read what, and on the warehouse's compute, rather
// than on rows: GRANT and REVOKE (Snowflake, BigQuery), and Snowflake's
// USE WAREHOUSE, ALTER WAREHOUSE, ALTER SESSION SET or UNSET of a
// parameter that changes no answer here (QUERY_TAG, the timeouts ...), and
// the definitions of masking policies, row access policies and tags
// (CREATE, ALTER, DROP). A hook or run_query of a real project writes them
// (a grant after each model, a masking policy made at the start of a run,
// a query tag per model); each reached SQLite as a syntax error. None
// changes a row any relation holds, or what a later statement computes, in
// a database with one user: each becomes an empty statement.
//
// ALTER SESSION SET WEEK_START and WEEK_OF_YEAR_POLICY do change later
// answers, and hold for the rest of the build (alterSession). Another
// parameter that would (TIMEZONE, the date formats ...) is refused by
// name: the playground computes with Snowflake's default for it. So are
// Snowflake's streams, which record a table's changes since they were last
// read, and tasks, which run SQL on a schedule.

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
			return t.alterSession(n)
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

// inertSessionParameters are Snowflake's session parameters that change no
// answer here: a query's tag, the time a statement may run or wait for a
// lock, whether a result may come from the cache, the isolation level
// (Snowflake's one), the client's keep-alive and fetching, and the level
// of logs and traces. Setting or unsetting one is an empty statement.
var inertSessionParameters = map[string]bool{
	"query_tag": true, "statement_timeout_in_seconds": true, "statement_queued_timeout_in_seconds": true,
	"lock_timeout": true, "abort_detached_query": true, "use_cached_result": true,
	"transaction_default_isolation_level": true, "client_session_keep_alive": true,
	"client_session_keep_alive_heartbeat_frequency": true, "client_prefetch_threads": true,
	"client_result_chunk_size": true, "client_memory_limit": true, "log_level": true, "trace_level": true,
}

// sessionDefaults are session parameters that change answers, with the
// values (in upper case) under which Snowflake computes as the playground
// does: setting one of those is an empty statement, as is UNSET, which
// gives Snowflake's default, but for TIMEZONE, whose default
// (America/Los_Angeles) is not the playground's session zone, UTC. Another
// value is refused by name.
var sessionDefaults = map[string][]string{
	"timezone":                       {"UTC", "ETC/UTC", "GMT", "ETC/GMT", "UCT", "ETC/UCT", "ZULU", "ETC/ZULU", "UNIVERSAL", "ETC/UNIVERSAL"},
	"timestamp_type_mapping":         {"TIMESTAMP_NTZ"},
	"quoted_identifiers_ignore_case": {"FALSE"},
	"date_input_format":              {"AUTO"},
	"time_input_format":              {"AUTO"},
	"timestamp_input_format":         {"AUTO"},
	"date_output_format":             {"YYYY-MM-DD"},
	"time_output_format":             {"HH24:MI:SS"},
	"timestamp_output_format":        {"YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM"},
	"timestamp_ntz_output_format":    {"YYYY-MM-DD HH24:MI:SS.FF3"},
}

// sessionWeekParameters are the session parameters kept for the rest of
// the build: the connection's Snowflake week functions read them
// (sqlfunc.Session).
var sessionWeekParameters = map[string]bool{"week_start": true, "week_of_year_policy": true}

// alterSession rewrites Snowflake's ALTER SESSION SET name = value [, ...]
// or ALTER SESSION UNSET name [, ...], statement n. WEEK_START and
// WEEK_OF_YEAR_POLICY become SELECT snowflake_alter_session('week_start',
// 7, ...) AS status (UNSET: the value NULL), which sets them for the
// statements after it on the connection and answers Snowflake's
// 'Statement executed successfully.'; parameters in
// inertSessionParameters, and those of sessionDefaults given a value the
// playground computes with, are dropped (a statement of those alone is
// empty); any other parameter is refused by name. It reports whether it
// handled n (false: not such a statement, left to SQLite's error).
func (t *translator) alterSession(n *node) bool {
	var toks []int
	for i := skipSpace(t.toks, n.start); i < n.end; i = skipSpace(t.toks, i+1) {
		if t.toks[i].kind != kComment {
			toks = append(toks, i)
		}
	}
	unset := t.toks[toks[2]].lower == "unset"
	var args []string
	k := 3
	for k < len(toks) {
		tk := t.toks[toks[k]]
		if tk.kind != kWord && tk.kind != kQuoted {
			return false
		}
		name := identName(tk)
		if tk.kind == kWord {
			name = tk.lower
		}
		name = strings.ToLower(name)
		at := toks[k]
		k++
		value, raw := "NULL", ""
		if !unset {
			if k >= len(toks) || t.toks[toks[k]].text != "=" {
				return false
			}
			k++
			sign := ""
			if k < len(toks) && t.toks[toks[k]].kind == kPunct && (t.toks[toks[k]].text == "-" || t.toks[toks[k]].text == "+") {
				sign = t.toks[toks[k]].text
				k++
			}
			if k >= len(toks) {
				return false
			}
			switch v := t.toks[toks[k]]; v.kind {
			case kNumber:
				value, raw = sign+v.text, sign+v.text
			case kString:
				raw = stringValue(t.d, v.text)
				value = sqlString(raw)
			case kWord:
				value, raw = sqlString(v.text), v.text // TRUE, an identifier: a week parameter refuses it when run
			default:
				return false
			}
			k++
		}
		switch {
		case sessionWeekParameters[name]:
			args = append(args, sqlString(name), value)
		case sessionDefaults[name] != nil && (unset && name != "timezone" || !unset && slices.Contains(sessionDefaults[name], strings.ToUpper(strings.TrimSpace(raw)))):
			// the value the playground computes with
		case !inertSessionParameters[name]:
			verb := "SET "
			if unset {
				verb = "UNSET "
			}
			t.refuse(at, refSessionParameter, verb+strings.ToUpper(name))
			return true
		}
		if k < len(toks) && t.toks[toks[k]].text == "," {
			k++
		}
	}
	if len(args) == 0 {
		for i := n.start; i < n.end; i++ {
			t.pr.dropTok(i)
		}
		return true
	}
	if t.shown == nil {
		t.shown = map[*node][]string{}
	}
	t.shown[n] = []string{"status"}
	t.pr.setTok(toks[0], "SELECT snowflake_alter_session("+strings.Join(args, ", ")+") AS status")
	for i := toks[0] + 1; i < n.end; i++ {
		if t.toks[i].kind != kComment {
			t.pr.dropTok(i)
		}
	}
	return true
}

// TakeSessionStatements removes Snowflake's ALTER SESSION statements from
// sql and returns the remaining SQL (its line breaks and comments kept)
// and the statements taken, each ending with ;. A model's sql_header runs
// them before the model, as dbt-snowflake sends the header with the
// model's statement. Other dialects have none.
func TakeSessionStatements(d Dialect, sql string) (rest, session string, err error) {
	if d != Snowflake || !strings.Contains(strings.ToLower(sql), "session") {
		return sql, "", nil
	}
	toks, err := lex(d, sql)
	if err != nil {
		return "", "", err
	}
	var taken strings.Builder
	rest, err = takeStatements(toks, func(stmt []token) (bool, error) {
		w := words(stmt)
		if len(w) < 3 || w[0].lower != "alter" || w[1].lower != "session" {
			return false, nil
		}
		var b strings.Builder
		for _, t := range stmt {
			if t.kind != kComment && t.text != ";" {
				b.WriteString(t.text)
			}
		}
		taken.WriteString(strings.TrimSpace(b.String()) + ";\n")
		return true, nil
	})
	return rest, taken.String(), err
}
