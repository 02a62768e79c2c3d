package dialect

import "strings"

// DuckDB's FROM-first queries: a query body may start with its FROM clause,
// followed by its SELECT list or by none (FROM t WHERE ... is SELECT * FROM
// t WHERE ...). The text is written in the standard order before it is
// parsed: the SELECT list moved before the FROM clause, or SELECT * put
// there, each line break kept (so the number of lines does not change).

// fromFirstEnds are the words after which a FROM clause or a SELECT list
// written after one ends, at its depth.
var fromFirstEnds = map[string]bool{"where": true, "group": true, "having": true, "qualify": true, "window": true,
	"order": true, "limit": true, "offset": true, "union": true, "intersect": true, "except": true, "using": true}

// rewriteFromFirst writes each FROM-first query body of DuckDB SQL sql
// (lexed as toks) in the standard order; sql as it is when there is none.
func rewriteFromFirst(d Dialect, sql string, toks []token) string {
	if d != DuckDB || !strings.Contains(strings.ToLower(sql), "from") {
		return sql
	}
	sig := significantIndexes(toks)
	for k, i := range sig {
		if toks[i].kind != kWord || toks[i].lower != "from" || !bodyStart(toks, sig, k) {
			continue
		}
		// the end of the FROM clause: SELECT, or where the body ends
		depth, sel := 0, -1
		end := len(sig)
		for j := k + 1; j < len(sig); j++ {
			t := toks[sig[j]]
			switch {
			case t.kind == kOpen:
				depth++
				continue
			case t.kind == kClose:
				if depth == 0 {
					end = j
				}
				depth--
			case depth > 0:
				continue
			case t.kind == kPunct && t.text == ";":
				end = j
			case t.kind == kWord && t.lower == "select":
				sel = j
			case t.kind == kWord && fromFirstEnds[t.lower] && !(t.lower == "using" && j+1 < len(sig) && toks[sig[j+1]].kind == kOpen):
				// USING (cols) belongs to a join; USING SAMPLE ends it
				end = j
			}
			if sel >= 0 || end < len(sig) {
				break
			}
		}
		if sel < 0 {
			return textWith(toks, i, i, "select * ")
		}
		// the SELECT list runs to the next clause at its depth
		itemsEnd := len(toks)
		depth = 0
		for j := sel + 1; j < len(sig); j++ {
			t := toks[sig[j]]
			if t.kind == kOpen {
				depth++
				continue
			}
			if t.kind == kClose {
				if depth == 0 {
					itemsEnd = sig[j]
					break
				}
				depth--
				continue
			}
			if depth == 0 && (t.kind == kPunct && t.text == ";" || t.kind == kWord && fromFirstEnds[t.lower]) {
				itemsEnd = sig[j]
				break
			}
		}
		// the list's last significant token ends it: spaces after it stay
		last := sel
		for j := sel; j < len(sig) && sig[j] < itemsEnd; j++ {
			last = j
		}
		// the spaces between the FROM clause and SELECT go between them
		// in the new order
		gap := tokenText(toks[sig[sel-1]+1 : sig[sel]])
		if gap == "" {
			gap = " "
		}
		var b strings.Builder
		b.WriteString(tokenText(toks[:i]))
		b.WriteString(tokenText(toks[sig[sel] : sig[last]+1]))
		b.WriteString(gap)
		b.WriteString(tokenText(toks[i : sig[sel-1]+1]))
		b.WriteString(tokenText(toks[sig[last]+1:]))
		// another FROM-first body, maybe inside this one, is written on
		// the next reading
		return rewriteFromFirstAgain(d, b.String())
	}
	return sql
}

// rewriteFromFirstAgain lexes sql again and rewrites its next FROM-first
// body, if any.
func rewriteFromFirstAgain(d Dialect, sql string) string {
	toks, err := lex(d, sql)
	if err != nil {
		return sql
	}
	return rewriteFromFirst(d, sql, toks)
}

// textWith is the text of toks with s written before token at (and
// tokens [at, skip) left out), then the next FROM-first body rewritten.
func textWith(toks []token, at, skip int, s string) string {
	return rewriteFromFirstAgain(DuckDB, tokenText(toks[:at])+s+tokenText(toks[skip:]))
}

// bodyStart tells whether significant token k starts a query body: the
// statement's first token, or one after (, AS, a set operator (and its
// ALL, DISTINCT or BY NAME), or after the parenthesis closing a CTE's
// query.
func bodyStart(toks []token, sig []int, k int) bool {
	if k == 0 {
		return true
	}
	prev := toks[sig[k-1]]
	word := func(j int) string {
		if j < 0 || toks[sig[j]].kind != kWord {
			return ""
		}
		return toks[sig[j]].lower
	}
	switch {
	case prev.kind == kOpen, prev.kind == kPunct && prev.text == ";":
		return true
	case prev.kind == kWord:
		switch prev.lower {
		case "as", "union", "intersect", "except":
			return true
		case "all", "distinct":
			return setOperators[word(k-2)]
		case "name":
			return word(k-2) == "by" && (setOperators[word(k-3)] || word(k-3) == "all" || word(k-3) == "distinct")
		}
	case prev.kind == kClose:
		// WITH c AS [NOT] [MATERIALIZED] (query) FROM ...
		depth := 0
		for j := k - 1; j >= 0; j-- {
			switch toks[sig[j]].kind {
			case kClose:
				depth++
			case kOpen:
				depth--
				if depth == 0 {
					w := word(j - 1)
					return w == "as" || w == "materialized"
				}
			}
		}
	}
	return false
}
