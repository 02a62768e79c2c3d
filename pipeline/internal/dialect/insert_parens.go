package dialect

import "strings"

// INSERT INTO t [(col, ...)] (query), the query in brackets, as dbt's
// delete+insert and merge macros write it, is read by the warehouses but
// not by SQLite, which takes the query bare. It is written
//
//	INSERT INTO t [(col, ...)] SELECT * FROM (query)
//
// before parsing, which keeps the columns in order, and a bracketed
// operand of UNION after it: SELECT * FROM ((q1) UNION ALL (q2)).

// rewriteInsertParens returns sql with the bracketed query of each INSERT
// read as a FROM item, or sql itself when it has none.
func rewriteInsertParens(sql string, toks []token) string {
	if !strings.Contains(strings.ToLower(sql), "insert") {
		return sql
	}
	sig := significantIndexes(toks)
	r := mergeReader{toks: toks, sig: sig}
	// before and after are the texts written before a token and after one
	before, after := map[int]string{}, map[int]string{}
	for k, i := range sig {
		if t := toks[i]; t.kind != kWord || t.lower != "insert" || k > 0 && toks[sig[k-1]].text != ";" || !r.word(k+1, "into") {
			continue
		}
		end, ok := r.dotted(k + 2)
		if !ok {
			continue
		}
		j := end
		if r.at(j).kind == kOpen && !r.queryStart(j+1) {
			// the column list
			close := r.span(j+1, func(int) bool { return false })
			if r.at(close).kind != kClose {
				continue
			}
			j = close + 1
		}
		if r.at(j).kind != kOpen || !r.queryStart(j+1) {
			continue
		}
		stop := r.span(j, func(int) bool { return false })
		if stop <= j {
			continue
		}
		before[sig[j]] = "SELECT * FROM ("
		after[sig[stop-1]] = ")"
	}
	if len(before) == 0 {
		return sql
	}
	var b strings.Builder
	for i, t := range toks {
		b.WriteString(before[i])
		b.WriteString(t.text)
		b.WriteString(after[i])
	}
	return b.String()
}

// queryStart tells whether significant token j starts a query, or a
// bracket around one.
func (r *mergeReader) queryStart(j int) bool {
	for r.at(j).kind == kOpen {
		j++
	}
	return r.word(j, "select") || r.word(j, "with") || r.word(j, "from") || r.word(j, "values")
}
