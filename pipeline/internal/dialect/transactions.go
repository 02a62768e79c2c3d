package dialect

// A project's own transaction in Snowflake and BigQuery SQL (BEGIN
// TRANSACTION; ...; COMMIT, as a package's hook or run_query writes it)
// runs inside the savepoint the engine runs the node in, where SQLite
// refuses BEGIN and COMMIT would end the engine's own. It becomes a
// savepoint of its own: BEGIN opens it, COMMIT releases it and ROLLBACK
// undoes what was written since BEGIN. As in the warehouse, a BEGIN while
// one is open and a COMMIT or ROLLBACK with none open do nothing. DuckDB
// refuses BEGIN inside dbt's transaction, as SQLite does.

// projectSavepoint names the savepoint a project's transaction becomes.
const projectSavepoint = "project_transaction"

// rewriteTransactions rewrites the script's transaction statements.
func (t *translator) rewriteTransactions(root *node) {
	if t.d != Snowflake && t.d != BigQuery {
		return
	}
	open := false
	for _, n := range root.kids {
		words, first := t.statementWords(n)
		var out string
		switch txStatement(words) {
		case "begin":
			if !open {
				out, open = "SAVEPOINT "+projectSavepoint, true
			}
		case "commit":
			if open {
				out, open = "RELEASE "+projectSavepoint, false
			}
		case "rollback":
			if open {
				out, open = "ROLLBACK TO "+projectSavepoint+"; RELEASE "+projectSavepoint, false
			}
		default:
			continue
		}
		t.pr.setTok(first, out)
		for i := first + 1; i < n.end; i++ {
			t.pr.dropTok(i)
		}
	}
}

// statementWords are the lower-case words of statement n and its first
// token, nil when it holds anything but words and quoted names.
func (t *translator) statementWords(n *node) ([]string, int) {
	first := skipSpace(t.toks, n.start)
	var words []string
	for i := first; i < n.end; i++ {
		switch tk := t.toks[i]; tk.kind {
		case kSpace, kComment:
		case kWord, kQuoted:
			words = append(words, tk.lower)
		default:
			return nil, first
		}
	}
	return words, first
}

// txStatement says which transaction statement words are: "begin",
// "commit", "rollback", or "" for any other (a scripting BEGIN ... END
// block among them): Snowflake's BEGIN [WORK | TRANSACTION] [NAME n],
// START TRANSACTION [NAME n], COMMIT [WORK], ROLLBACK [WORK]; BigQuery's
// BEGIN [TRANSACTION], COMMIT [TRANSACTION], ROLLBACK [TRANSACTION].
func txStatement(words []string) string {
	if len(words) == 0 {
		return ""
	}
	rest := words[1:]
	switch words[0] {
	case "begin":
		if len(rest) > 0 && (rest[0] == "work" || rest[0] == "transaction") {
			rest = rest[1:]
		}
	case "start":
		if len(rest) == 0 || rest[0] != "transaction" {
			return ""
		}
		rest = rest[1:]
	case "commit", "rollback":
		if len(rest) == 1 && (rest[0] == "work" || rest[0] == "transaction") {
			return words[0]
		}
		if len(rest) == 0 {
			return words[0]
		}
		return ""
	default:
		return ""
	}
	if len(rest) == 0 || len(rest) == 2 && rest[0] == "name" {
		return "begin"
	}
	return ""
}
