package dialect

import (
	"fmt"
	"regexp"
	"strings"
)

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
	if src.kind == fromQuery && src.expr != nil {
		t.scopeAhead(src.expr, sc) // the subquery's * reads the CTEs around it
	}
	cols, err := t.relColumns(&src, sc)
	source := func(pr *printer) string { return pr.span(n, n.start, pv.kw) }
	if f.aliasCols != nil && f.aliasStart < pv.kw {
		// x AS t(a, b) PIVOT (...): the columns are the alias list's
		cols, err = append([]string(nil), f.columns...), nil
		source = t.renamedSource(n, pv.kw)
	}
	if err != nil {
		t.refuse(pv.kw, refPivotColumns, what, err.Error())
		return
	}
	if pv.unpivot {
		t.rewriteUnpivot(n, cols, source)
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
	for _, pf := range pv.fors {
		namesIn(t, pf.col, used)
	}
	var group []string
	for _, g := range pv.groupBy {
		if g.kind != nName || len(g.parts) != 1 {
			t.refuse(g.start, refPivotAgg)
			return
		}
		name := nameAsWritten(t.toks[g.parts[0]])
		for _, c := range cols {
			if strings.EqualFold(c, name) {
				name = c // named as the relation spells it
				break
			}
		}
		group = append(group, quoteIdent(name))
	}
	if pv.groupBy == nil {
		for _, c := range cols {
			if !used[strings.ToLower(c)] {
				group = append(group, quoteIdent(c))
			}
		}
	}
	for _, pf := range pv.fors {
		if !pf.fromData {
			continue
		}
		if err := t.readPivotValues(n, pf, sc); err != nil {
			t.refuse(pf.col.start, refPivotData, err.Error())
			return
		}
	}
	cells := t.pivotCells(pv)
	var names []string
	for _, c := range cells {
		for j, a := range pv.aggs {
			names = append(names, t.pivotColumn(c.name, pv.aggNames[j], a, len(pv.aggs)))
		}
	}
	f.columns = append(unquoted(group), names...)
	// Each aggregate's argument reads only the rows of the cell being
	// printed.
	var cur pivotCell
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
			var conds []string
			for _, c := range cur.conds {
				conds = append(conds, c(pr))
			}
			return "CASE WHEN " + strings.Join(conds, " AND ") + " THEN " + strings.TrimSpace(inner) + " END"
		}
	}
	alias := f.aliasText
	if alias == "" {
		alias = quoteIdent(f.alias)
	}
	n.print = func(pr *printer, n *node) string {
		pr.flat++
		defer func() { pr.flat-- }()
		var items []string
		items = append(items, group...)
		k := 0
		for _, c := range cells {
			cur = c
			for _, a := range pv.aggs {
				agg := strings.TrimSpace(pr.text(a))
				if pv.onNull != nil {
					agg = "coalesce(" + agg + ", " + strings.TrimSpace(pr.text(pv.onNull)) + ")"
				}
				items = append(items, agg+" AS "+quoteIdent(names[k]))
				k++
			}
		}
		var b strings.Builder
		b.WriteString("(SELECT ")
		b.WriteString(strings.Join(items, ", "))
		b.WriteString(" FROM " + strings.TrimSpace(source(pr)))
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

// pivotCell is one column of a PIVOT (for each aggregate): the value of
// each FOR's column, its conditions printed, and its name.
type pivotCell struct {
	conds []func(pr *printer) string
	name  string
}

// pivotCells are the cells of pv: every combination of a value of each
// FOR, the first FOR's values outermost, named by the values joined
// with _, as DuckDB names them.
func (t *translator) pivotCells(pv *pivotInfo) []pivotCell {
	cells := []pivotCell{{}}
	for _, pf := range pv.fors {
		col := pf.col
		var next []pivotCell
		for _, c := range cells {
			add := func(cond func(pr *printer) string, name string) {
				conds := append(append([]func(pr *printer) string{}, c.conds...), cond)
				if c.name != "" {
					name = c.name + "_" + name
				}
				next = append(next, pivotCell{conds, name})
			}
			if pf.fromData {
				for _, v := range pf.read {
					lits := v.literals
					add(func(pr *printer) string {
						if len(lits) == 1 {
							return strings.TrimSpace(pr.text(col)) + " = " + lits[0]
						}
						return strings.TrimSpace(pr.text(col)) + " IN (" + strings.Join(lits, ", ") + ")"
					}, v.name)
				}
				continue
			}
			for i, v := range pf.values {
				add(func(pr *printer) string {
					return strings.TrimSpace(pr.text(col)) + " = " + strings.TrimSpace(pr.text(v))
				}, t.pivotValueName(v, pf.names[i]))
			}
		}
		cells = next
	}
	return cells
}

// pivotValueName names the column of value v (alias as written, or "")
// the way the dialect does.
func (t *translator) pivotValueName(v *node, alias string) string {
	if alias != "" {
		return alias
	}
	if v.kind == nString {
		name := stringValue(t.d, t.toks[v.tok].text)
		if t.d == Snowflake {
			name = "'" + name + "'" // Snowflake names the column with its quotes
		}
		return name
	}
	return strings.TrimSpace(t.source(v))
}

// pivotColumn names the column of a cell named name and aggregate agg
// (its alias, or "") the way the dialect does.
func (t *translator) pivotColumn(name, alias string, agg *node, aggs int) string {
	switch {
	case alias == "" && aggs == 1:
		return name
	case alias == "" && t.d == DuckDB:
		if s, ok := t.duckName(agg); ok {
			return name + "_" + s
		}
		return name + "_" + strings.TrimSpace(t.source(agg))
	case alias == "":
		return name + "_" + itoa(aggs)
	case t.d == DuckDB:
		return name + "_" + alias
	}
	return alias + "_" + name
}

// rewriteUnpivot prints UNPIVOT as one select per column (or group of
// columns) named in IN, keeping the other columns, reading the FROM item
// as source prints it. Rows whose value is
// NULL are left out unless INCLUDE NULLS; with several value columns,
// DuckDB leaves out a row where any is NULL, BigQuery one where all are.
func (t *translator) rewriteUnpivot(n *node, cols []string, source func(*printer) string) {
	f, pv := n.from, n.from.pivot
	// each group's columns: the name as written, and whether it is an
	// unquoted word (Snowflake names it in upper case)
	type unpivotCol struct {
		name string
		word bool
	}
	var groups [][]unpivotCol
	var labels []string
	named := map[string]bool{}
	for i, g := range pv.groups {
		if len(g) == 1 && len(pv.valueCols) == 1 && g[0].kind == nCall && g[0].name == "columns" && t.d == DuckDB {
			// COLUMNS(* EXCLUDE (...)), COLUMNS('regex'): each column it
			// names, in the relation's order
			t.columnsCall[g[0]] = true // expanded here
			names, err := t.unpivotColumns(g[0], cols)
			if err != nil {
				t.refuse(g[0].start, refPivotColumns, "UNPIVOT", err.Error())
				return
			}
			for _, c := range names {
				groups = append(groups, []unpivotCol{{c, false}})
				labels = append(labels, "")
				named[strings.ToLower(c)] = true
			}
			continue
		}
		if len(g) != len(pv.valueCols) {
			t.refuse(g[0].start, refPivotAgg)
			return
		}
		var group []unpivotCol
		for _, v := range g {
			if v.kind != nName || len(v.parts) != 1 {
				t.refuse(v.start, refPivotAgg)
				return
			}
			tk := t.toks[v.parts[0]]
			named[identName(tk)] = true
			group = append(group, unpivotCol{nameAsWritten(tk), tk.kind == kWord})
		}
		groups = append(groups, group)
		labels = append(labels, pv.valueNames[i])
	}
	var keep []string
	for _, c := range cols {
		if !named[strings.ToLower(c)] {
			keep = append(keep, quoteIdent(c))
		}
	}
	nameCol := quoteIdent(pv.nameCol)
	made := append([]string{pv.nameCol}, pv.valueCols...)
	if t.d == BigQuery {
		made = append(append([]string{}, pv.valueCols...), pv.nameCol)
	}
	f.columns = append(unquoted(keep), made...)
	alias := f.aliasText
	if alias == "" {
		alias = quoteIdent(f.alias)
	}
	n.print = func(pr *printer, n *node) string {
		pr.flat++
		src := strings.TrimSpace(source(pr))
		var branches []string
		for i, g := range groups {
			var written, values, nulls []string
			for j, c := range g {
				written = append(written, c.name)
				values = append(values, quoteIdent(c.name)+" AS "+quoteIdent(pv.valueCols[j]))
				nulls = append(nulls, quoteIdent(c.name)+" IS NOT NULL")
			}
			label := labels[i]
			if label == "" {
				label = strings.Join(written, "_")
				if t.d == Snowflake && len(g) == 1 && g[0].word {
					label = strings.ToUpper(label)
				}
			}
			items := append([]string{}, keep...)
			named := sqlString(label) + " AS " + nameCol
			if t.d == BigQuery {
				items = append(append(items, values...), named)
			} else {
				items = append(append(items, named), values...)
			}
			sel := "SELECT " + strings.Join(items, ", ") + " FROM " + src
			if !pv.includeNulls {
				join := " AND "
				if t.d == BigQuery {
					join = " OR "
				}
				sel += " WHERE " + strings.Join(nulls, join)
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

// unpivotColumns are the columns of cols that DuckDB's COLUMNS(*),
// COLUMNS(* EXCLUDE (a, b)) or COLUMNS('regex') (a partial match) names.
func (t *translator) unpivotColumns(call *node, cols []string) ([]string, error) {
	if len(call.list) != 1 {
		return nil, fmt.Errorf("COLUMNS takes one argument")
	}
	arg := call.list[0]
	if arg.kind == nItem && arg.x != nil {
		arg = arg.x
	}
	var out []string
	switch {
	case arg.kind == nString:
		re, err := regexp.Compile(stringValue(t.d, t.toks[arg.tok].text))
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			if re.MatchString(c) {
				out = append(out, c)
			}
		}
	case arg.kind == nStar && arg.name == "" && len(arg.list2) == 0 && arg.star == nil:
		drop := map[string]bool{}
		for _, x := range arg.names {
			drop[strings.ToLower(x)] = true
		}
		for _, c := range cols {
			if !drop[strings.ToLower(c)] {
				out = append(out, c)
			}
		}
	default:
		return nil, fmt.Errorf("COLUMNS takes *, * EXCLUDE (...) or a regular expression here")
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("COLUMNS names no column")
	}
	return out, nil
}
