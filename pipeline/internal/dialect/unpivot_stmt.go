package dialect

import "strings"

// DuckDB's simplified PIVOT and UNPIVOT, queries of their own:
//
//	PIVOT src ON k [IN (values)] [, k2 ...] [USING aggs] [GROUP BY cols]
//	UNPIVOT src ON cols [INTO NAME k VALUE v [, w ...]]
//
// are the standard clauses after their source,
//
//	SELECT * FROM src PIVOT (aggs FOR k [IN (values)] [FOR k2 ...] [GROUP BY cols])
//	SELECT * FROM src UNPIVOT ((v, w) FOR k IN (cols))
//
// as DuckDB itself rewrites them; a PIVOT without USING counts the rows,
// and an UNPIVOT without INTO makes NAME name and VALUE value. The
// parser reads several FOR, FOR without IN (the values are read from the
// data, pivot_data.go) and GROUP BY in a DuckDB PIVOT. PIVOT_WIDER and
// PIVOT_LONGER are PIVOT and UNPIVOT. UNPIVOT's ON * EXCLUDE (a) is
// COLUMNS(* EXCLUDE (a)), which the clause expands (pivot.go). The SQL is written so before it is
// parsed; the line breaks of what moves go to the end of the rewritten
// query, so the lines after it keep their numbers.

// rewriteUnpivotStatements returns sql with every simplified PIVOT and
// UNPIVOT written in the standard form, or sql itself when it has none.
func rewriteUnpivotStatements(d Dialect, sql string, toks []token) string {
	if d != DuckDB || !strings.Contains(strings.ToLower(sql), "pivot") {
		return sql
	}
	sig := significantIndexes(toks)
	var b strings.Builder
	done := 0 // tokens written
	for k, i := range sig {
		t := toks[i]
		if t.kind != kWord || t.lower != "unpivot" && t.lower != "pivot" && t.lower != "pivot_wider" && t.lower != "pivot_longer" {
			continue
		}
		if k > 0 && !statementStart(toks, sig, k) {
			continue // the clause after a FROM item
		}
		st := stmtToks{toks, sig}
		var text string
		var end int
		var ok bool
		if t.lower == "unpivot" || t.lower == "pivot_longer" {
			text, end, ok = st.simplifiedUnpivot(k)
		} else {
			text, end, ok = st.simplifiedPivot(k)
		}
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

// stmtToks are the tokens of a script and the indexes of its significant
// ones, for reading a statement before it is parsed.
type stmtToks struct {
	toks []token
	sig  []int
}

func (s stmtToks) at(j int) *token {
	if j < len(s.sig) {
		return &s.toks[s.sig[j]]
	}
	return &eof
}

func (s stmtToks) word(j int, w string) bool { return s.at(j).kind == kWord && s.at(j).lower == w }

// span is the end of the significant tokens from from up to the next
// ';', unbalanced ')' or stop at depth 0.
func (s stmtToks) span(from int, stop func(j int) bool) int {
	depth := 0
	j := from
	for ; j < len(s.sig); j++ {
		switch s.at(j).kind {
		case kOpen:
			depth++
		case kClose:
			if depth == 0 {
				return j
			}
			depth--
		}
		if depth == 0 && (s.at(j).text == ";" || stop(j)) {
			return j
		}
	}
	return j
}

// raw is the text of significant span [from, to), on one line.
func (s stmtToks) raw(from, to int) string {
	if from >= to {
		return ""
	}
	var b strings.Builder
	for _, t := range s.toks[s.sig[from] : s.sig[to-1]+1] {
		if t.kind == kSpace || t.kind == kComment {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// source reads the FROM item after the statement's keyword at k: a
// dotted name or a parenthesised query, up to ON. It gives the item's
// text and the index of ON.
func (s stmtToks) source(k int) (string, int, bool) {
	j := k + 1
	srcEnd := s.span(j, func(i int) bool { return s.word(i, "on") })
	if srcEnd == j || !s.word(srcEnd, "on") {
		return "", 0, false
	}
	if s.at(j).kind == kOpen {
		if s.span(j+1, func(int) bool { return false }) != srcEnd-1 {
			return "", 0, false
		}
	} else {
		for i := j; i < srcEnd; i++ {
			if (i-j)%2 == 0 && s.at(i).kind != kWord && s.at(i).kind != kQuoted || (i-j)%2 == 1 && s.at(i).kind != kDot {
				return "", 0, false
			}
		}
	}
	return s.raw(j, srcEnd), srcEnd, true
}

// finish is text, the standard form of the statement at significant
// token k that ends before significant token j, followed by the line
// breaks of the statement, and the raw index past it.
func (s stmtToks) finish(text string, k, j int) (string, int, bool) {
	end := len(s.toks)
	if j < len(s.sig) {
		end = s.sig[j]
	}
	for _, t := range s.toks[s.sig[k]:end] {
		if t.kind == kSpace || t.kind == kComment {
			text += breaks(t.text)
		}
	}
	if j < len(s.sig) {
		text += " "
	}
	return text, end, true
}

// simplifiedPivot reads the simplified PIVOT starting at significant
// token k and returns its standard form and the raw index just past it.
func (s stmtToks) simplifiedPivot(k int) (string, int, bool) {
	src, on, ok := s.source(k)
	if !ok {
		return "", 0, false
	}
	clause := func(i int) bool {
		return s.word(i, "using") || s.word(i, "group") && s.word(i+1, "by") || s.word(i, "order") || s.word(i, "limit")
	}
	j := on + 1
	var fors []string
	for {
		end := s.span(j, func(i int) bool { return s.at(i).text == "," || clause(i) })
		in := s.span(j, func(i int) bool { return s.word(i, "in") && s.at(i+1).kind == kOpen })
		if end == j {
			return "", 0, false
		}
		col := s.raw(j, min(in, end))
		if min(in, end)-j > 1 {
			col = "(" + col + ")"
		}
		if in < end {
			col += " " + s.raw(in, end)
		}
		fors = append(fors, "FOR "+col)
		j = end
		if s.at(j).text != "," {
			break
		}
		j++
	}
	aggs := "count(*)"
	if s.word(j, "using") {
		end := s.span(j+1, func(i int) bool { return clause(i) })
		if end == j+1 {
			return "", 0, false
		}
		aggs, j = s.raw(j+1, end), end
	}
	group := ""
	if s.word(j, "group") && s.word(j+1, "by") {
		end := s.span(j+2, func(i int) bool { return clause(i) })
		if end == j+2 {
			return "", 0, false
		}
		group, j = " GROUP BY "+s.raw(j+2, end), end
	}
	return s.finish("SELECT * FROM "+src+" PIVOT ("+aggs+" "+strings.Join(fors, " ")+group+")", k, j)
}

// simplifiedUnpivot reads the simplified UNPIVOT starting at significant
// token k and returns its standard form and the raw index just past it.
func (s stmtToks) simplifiedUnpivot(k int) (string, int, bool) {
	src, on, ok := s.source(k)
	if !ok {
		return "", 0, false
	}
	j := on + 1
	colsEnd := s.span(j, func(i int) bool { return s.word(i, "into") || s.word(i, "order") || s.word(i, "limit") })
	if colsEnd == j {
		return "", 0, false
	}
	cols := s.raw(j, colsEnd)
	if s.at(j).text == "*" {
		cols = "COLUMNS(" + cols + ")" // ON * EXCLUDE (id)
	}
	name, values := "name", []string{"value"}
	j = colsEnd
	if s.word(j, "into") {
		if !s.word(j+1, "name") || s.at(j+2).kind != kWord && s.at(j+2).kind != kQuoted || !s.word(j+3, "value") {
			return "", 0, false
		}
		name, values, j = s.at(j+2).text, nil, j+4
		for {
			if t := s.at(j); t.kind != kWord && t.kind != kQuoted {
				return "", 0, false
			}
			values = append(values, s.at(j).text)
			j++
			if s.at(j).text != "," {
				break
			}
			j++
		}
	}
	value := values[0]
	if len(values) > 1 {
		value = "(" + strings.Join(values, ", ") + ")"
	}
	return s.finish("SELECT * FROM "+src+" UNPIVOT ("+value+" FOR "+name+" IN ("+cols+"))", k, j)
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
