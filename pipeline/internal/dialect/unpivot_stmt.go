package dialect

import "strings"

// DuckDB's simplified UNPIVOT, a query of its own:
//
//	UNPIVOT src ON cols [INTO NAME k VALUE v [, w ...]]
//
// is the standard clause after its source,
//
//	SELECT * FROM src UNPIVOT ((v, w) FOR k IN (cols))
//
// with NAME name and VALUE value when INTO is left out. The SQL is written
// so before it is parsed; the line breaks of what moves go to the end of
// the rewritten query, so the lines after it keep their numbers.

// rewriteUnpivotStatements returns sql with every simplified UNPIVOT
// written in the standard form, or sql itself when it has none.
func rewriteUnpivotStatements(d Dialect, sql string, toks []token) string {
	if d != DuckDB || !strings.Contains(strings.ToLower(sql), "unpivot") {
		return sql
	}
	sig := significantIndexes(toks)
	var b strings.Builder
	done := 0 // tokens written
	for k, i := range sig {
		t := toks[i]
		if t.kind != kWord || t.lower != "unpivot" {
			continue
		}
		if k > 0 && !statementStart(toks, sig, k) {
			continue // the clause after a FROM item
		}
		text, end, ok := simplifiedUnpivot(toks, sig, k)
		if !ok || i < done {
			continue
		}
		for _, t := range toks[done:i] {
			b.WriteString(t.text)
		}
		b.WriteString(text)
		done = end
	}
	if done == 0 {
		return sql
	}
	for _, t := range toks[done:] {
		b.WriteString(t.text)
	}
	return b.String()
}

// simplifiedUnpivot reads the simplified UNPIVOT starting at significant
// token k and returns its standard form and the raw index just past it.
func simplifiedUnpivot(toks []token, sig []int, k int) (string, int, bool) {
	at := func(j int) *token {
		if j < len(sig) {
			return &toks[sig[j]]
		}
		return &eof
	}
	word := func(j int, w string) bool { return at(j).kind == kWord && at(j).lower == w }
	// span [from, to) of significant tokens up to the next depth-0 stop
	span := func(from int, stop func(j int) bool) int {
		depth := 0
		j := from
		for ; j < len(sig); j++ {
			switch at(j).kind {
			case kOpen:
				depth++
			case kClose:
				if depth == 0 {
					return j
				}
				depth--
			}
			if depth == 0 && (at(j).text == ";" || stop(j)) {
				return j
			}
		}
		return j
	}
	raw := func(from, to int) string { // tokens of significant span [from, to), one line
		if from >= to {
			return ""
		}
		var b strings.Builder
		for _, t := range toks[sig[from] : sig[to-1]+1] {
			if t.kind == kSpace || t.kind == kComment {
				b.WriteByte(' ')
				continue
			}
			b.WriteString(t.text)
		}
		return b.String()
	}
	j := k + 1
	srcEnd := span(j, func(i int) bool { return word(i, "on") })
	if srcEnd == j || !word(srcEnd, "on") {
		return "", 0, false
	}
	// one FROM item: a dotted name or a parenthesised query
	if at(j).kind == kOpen {
		if span(j+1, func(int) bool { return false }) != srcEnd-1 {
			return "", 0, false
		}
	} else {
		for i := j; i < srcEnd; i++ {
			if (i-j)%2 == 0 && at(i).kind != kWord && at(i).kind != kQuoted || (i-j)%2 == 1 && at(i).kind != kDot {
				return "", 0, false
			}
		}
	}
	src := raw(j, srcEnd)
	j = srcEnd + 1
	colsEnd := span(j, func(i int) bool { return word(i, "into") || word(i, "order") || word(i, "limit") })
	if colsEnd == j || strings.Contains(strings.ToLower(raw(j, colsEnd)), "columns(") {
		return "", 0, false
	}
	cols := raw(j, colsEnd)
	name, values := "name", []string{"value"}
	j = colsEnd
	if word(j, "into") {
		if !word(j+1, "name") || at(j+2).kind != kWord && at(j+2).kind != kQuoted || !word(j+3, "value") {
			return "", 0, false
		}
		name, values, j = at(j+2).text, nil, j+4
		for {
			if t := at(j); t.kind != kWord && t.kind != kQuoted {
				return "", 0, false
			}
			values = append(values, at(j).text)
			j++
			if at(j).text != "," {
				break
			}
			j++
		}
	}
	value := values[0]
	if len(values) > 1 {
		value = "(" + strings.Join(values, ", ") + ")"
	}
	end := len(toks)
	if j < len(sig) {
		end = sig[j]
	}
	text := "SELECT * FROM " + src + " UNPIVOT (" + value + " FOR " + name + " IN (" + cols + "))"
	for _, t := range toks[sig[k]:end] {
		if t.kind == kSpace || t.kind == kComment {
			text += breaks(t.text)
		}
	}
	if j < len(sig) {
		text += " "
	}
	return text, end, true
}

// statementStart tells whether significant token k starts a query: after
// ';', '(' or the ')' that ends a CTE (name AS (...)).
func statementStart(toks []token, sig []int, k int) bool {
	prev := toks[sig[k-1]]
	switch {
	case prev.kind == kOpen || prev.text == ";":
		return true
	case prev.kind != kClose:
		return false
	}
	depth := 0
	for j := k - 1; j >= 0; j-- {
		switch toks[sig[j]].kind {
		case kClose:
			depth++
		case kOpen:
			depth--
			if depth == 0 {
				return j > 0 && toks[sig[j-1]].kind == kWord && (toks[sig[j-1]].lower == "as" || toks[sig[j-1]].lower == "materialized")
			}
		}
	}
	return false
}
