package dialect

import "strings"

// PIVOT with its values listed runs as a grouped subquery of conditional
// aggregates, one column per value (and aggregate); UNPIVOT as a UNION ALL
// of one select per column. The columns kept are those of the source that
// the clause does not name, read as for SELECT * EXCEPT. Values given by a
// subquery or ANY are refused: the columns would depend on the data.

func (t *translator) rewritePivot(n *node, sc *scope) {
	f, pv := n.from, n.from.pivot
	what := "PIVOT"
	if pv.unpivot {
		what = "UNPIVOT"
	}
	if pv.dynamic >= 0 {
		t.refuse(pv.dynamic, refPivotDynamic, what)
		return
	}
	src := *f
	src.pivot, src.columns = nil, nil
	cols, err := t.relColumns(&src, sc)
	if err != nil {
		t.refuse(pv.kw, refPivotColumns, what, err.Error())
		return
	}
	if pv.unpivot {
		t.rewriteUnpivot(n, cols)
		return
	}
	used := map[string]bool{}
	for _, a := range pv.aggs {
		if a.kind != nCall || len(a.list) != 1 || a.x != nil || !isAggregate(a.name, 1) {
			t.refuse(a.start, refPivotAgg)
			return
		}
		namesIn(t, a, used)
	}
	namesIn(t, pv.forCol, used)
	var group []string
	for _, c := range cols {
		if !used[strings.ToLower(c)] {
			group = append(group, quoteIdent(c))
		}
	}
	var names []string
	for i, v := range pv.values {
		for j := range pv.aggs {
			names = append(names, t.pivotColumn(v, pv.valueNames[i], pv.aggNames[j], len(pv.aggs)))
		}
	}
	f.columns = append(unquoted(group), names...)
	// Each aggregate's argument reads only the rows of the value being
	// printed.
	var cur *node
	for _, a := range pv.aggs {
		arg := a.list[0]
		star := arg.kind == nRaw
		before := arg.print
		arg.print = func(pr *printer, x *node) string {
			inner := "1"
			if !star {
				if before != nil {
					inner = before(pr, x)
				} else {
					inner = pr.plain(x)
				}
			}
			return "CASE WHEN " + strings.TrimSpace(pr.text(pv.forCol)) + " = " + strings.TrimSpace(pr.text(cur)) + " THEN " + strings.TrimSpace(inner) + " END"
		}
	}
	alias := f.aliasText
	if alias == "" {
		alias = quoteIdent(f.alias)
	}
	n.print = func(pr *printer, n *node) string {
		pr.flat++
		defer func() { pr.flat-- }()
		var b strings.Builder
		b.WriteString("(SELECT ")
		b.WriteString(strings.Join(group, ", "))
		k := 0
		for _, v := range pv.values {
			cur = v
			for _, a := range pv.aggs {
				if k > 0 || len(group) > 0 {
					b.WriteString(", ")
				}
				b.WriteString(strings.TrimSpace(pr.text(a)) + " AS " + quoteIdent(names[k]))
				k++
			}
		}
		b.WriteString(" FROM " + strings.TrimSpace(pr.span(n, n.start, pv.kw)))
		if len(group) > 0 {
			b.WriteString(" GROUP BY " + strings.Join(group, ", "))
		}
		b.WriteString(")")
		if alias != `""` {
			b.WriteString(" AS " + alias)
		}
		pr.flat--
		carry := pr.carry(n)
		pr.flat++
		return b.String() + carry
	}
}

// pivotColumn names the column of value v (alias as written, or "") and
// aggregate agg (alias, or "") the way the dialect does.
func (t *translator) pivotColumn(v *node, alias, agg string, aggs int) string {
	name := alias
	if name == "" {
		name = strings.TrimSpace(t.source(v))
		if v.kind == nString {
			name = stringValue(t.d, t.toks[v.tok].text)
			if t.d == Snowflake {
				name = "'" + name + "'" // Snowflake names the column with its quotes
			}
		}
	}
	switch {
	case agg == "" && aggs == 1:
		return name
	case agg == "":
		return name + "_" + itoa(aggs)
	case t.d == DuckDB:
		return name + "_" + agg
	}
	return agg + "_" + name
}

// rewriteUnpivot prints UNPIVOT as one select per column named in IN,
// keeping the other columns; rows whose value is NULL are left out unless
// INCLUDE NULLS.
func (t *translator) rewriteUnpivot(n *node, cols []string) {
	f, pv := n.from, n.from.pivot
	named := map[string]bool{}
	for _, v := range pv.values {
		if v.kind != nName || len(v.parts) != 1 {
			t.refuse(v.start, refPivotAgg)
			return
		}
		named[identName(t.toks[v.parts[0]])] = true
	}
	var keep []string
	for _, c := range cols {
		if !named[strings.ToLower(c)] {
			keep = append(keep, quoteIdent(c))
		}
	}
	nameCol, valueCol := quoteIdent(pv.nameCol), quoteIdent(pv.valueCol)
	f.columns = append(unquoted(keep), pv.nameCol, pv.valueCol)
	if t.d == BigQuery {
		f.columns = append(unquoted(keep), pv.valueCol, pv.nameCol)
	}
	alias := f.aliasText
	if alias == "" {
		alias = quoteIdent(f.alias)
	}
	n.print = func(pr *printer, n *node) string {
		pr.flat++
		src := strings.TrimSpace(pr.span(n, n.start, pv.kw))
		var branches []string
		for i, v := range pv.values {
			col := nameAsWritten(t.toks[v.parts[0]])
			label := pv.valueNames[i]
			if label == "" {
				label = col
				if t.d == Snowflake && t.toks[v.parts[0]].kind == kWord {
					label = strings.ToUpper(col)
				}
			}
			items := append([]string{}, keep...)
			named, value := sqlString(label)+" AS "+nameCol, quoteIdent(col)+" AS "+valueCol
			if t.d == BigQuery {
				items = append(items, value, named)
			} else {
				items = append(items, named, value)
			}
			sel := "SELECT " + strings.Join(items, ", ") + " FROM " + src
			if !pv.includeNulls {
				sel += " WHERE " + quoteIdent(col) + " IS NOT NULL"
			}
			branches = append(branches, sel)
		}
		pr.flat--
		text := "(" + strings.Join(branches, " UNION ALL ") + ")"
		if alias != `""` {
			text += " AS " + alias
		}
		return text + pr.carry(n)
	}
}

// namesIn adds the column names n reads to used, lower case.
func namesIn(t *translator, n *node, used map[string]bool) {
	if n == nil {
		return
	}
	if n.kind == nName && len(n.parts) > 0 {
		used[identName(t.toks[n.parts[len(n.parts)-1]])] = true
	}
	for _, k := range n.kids {
		namesIn(t, k, used)
	}
}

func unquoted(names []string) []string {
	out := make([]string, len(names))
	for i, s := range names {
		if strings.HasPrefix(s, `"`) {
			s = strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
		}
		out[i] = s
	}
	return out
}
