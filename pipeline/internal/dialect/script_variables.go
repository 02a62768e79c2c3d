package dialect

// A script variable a warehouse adapter declares before a model's SQL
// (dbt-bigquery's _dbt_max_partition: DECLARE _dbt_max_partition DATE
// DEFAULT (SELECT MAX(...) FROM this ...)) is a name of the SQL that reads
// the variable's value. The playground runs no script: the name is
// replaced by the expression giving that value, before the SQL is
// translated, so the value keeps its type.

// ReplaceVariable writes expr, SQL of dialect d on one line, in
// parentheses wherever sql (of dialect d) names the variable name alone:
// a word, case aside as BigQuery names variables, that is no part of a
// dotted name (t.name stays a column of t). Strings, quoted identifiers
// and comments are left as written. found tells whether sql names it.
func ReplaceVariable(d Dialect, sql, name, expr string) (out string, found bool, err error) {
	toks, err := lex(d, sql)
	if err != nil {
		return sql, false, err
	}
	sig := significantIndexes(toks)
	for k, i := range sig {
		t := toks[i]
		if t.kind != kWord || !equalFoldASCII(t.text, name) {
			continue
		}
		if k > 0 && toks[sig[k-1]].kind == kDot || k+1 < len(sig) && toks[sig[k+1]].kind == kDot {
			continue
		}
		toks[i].text = "(" + expr + ")"
		found = true
	}
	if !found {
		return sql, false, nil
	}
	return tokenText(toks), true, nil
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
