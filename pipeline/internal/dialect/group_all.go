package dialect

import "strings"

// rewriteGroupAll writes GROUP BY ALL (DuckDB, Snowflake, BigQuery) as
// GROUP BY the positions of the select items that hold no aggregate; with
// none, the clause goes (one group, as there). A star (*, t.*, with
// EXCEPT or REPLACE) is the columns it expands to, each a key unless a
// REPLACE gives it an aggregate, when the columns of the relations it
// reads are known.
func (t *translator) rewriteGroupAll(s *node) {
	g := s.sel.group
	if g == nil || g.name != "all" {
		return
	}
	var pos []string
	at := 0 // the items' output columns so far: a COLUMNS(...) item gives several
	for _, it := range s.sel.items {
		if it.kind == nStar {
			cols, err := t.starColumns(s, it)
			if err != nil {
				t.refuse(g.tok, refGroupAllStar, err.Error())
				return
			}
			for k, c := range cols {
				if c.replace == nil || !t.aggregateItem(s, c.replace.x) {
					pos = append(pos, itoa(at+k+1))
				}
			}
			at += len(cols)
			continue
		}
		width := 1
		if cols, err := t.itemColumns(s, it); err == nil && cols != nil {
			width = len(cols)
		}
		for k := 1; k <= width; k++ {
			if !t.aggregateItem(s, it.x) {
				pos = append(pos, itoa(at+k))
			}
		}
		at += width
	}
	text := ""
	if len(pos) > 0 {
		text = "GROUP BY " + strings.Join(pos, ", ")
	}
	g.print = func(pr *printer, g *node) string { return text + pr.carry(g) }
}

// aggregateItem tells whether x, a select item of s, holds an aggregate
// itself or through the lateral alias of an earlier item that does
// (sum(a) as total, total / count(*) ...): DuckDB groups by neither.
func (t *translator) aggregateItem(s, x *node) bool {
	if x == nil || x.kind == nSelect {
		return false
	}
	if hasAggregate(x) {
		return true
	}
	if x.kind == nName {
		if e := t.lateralAlias(x, s.sel.scope); e != nil && e != x {
			return t.aggregateItem(s, e.x)
		}
	}
	for _, k := range x.kids {
		if t.aggregateItem(s, k) {
			return true
		}
	}
	return false
}

// parseOrderAll reads ALL [ASC | DESC] [NULLS FIRST | LAST] after ORDER BY
// into o: name "all", flag DESC, names the NULLS order given.
func (p *parser) parseOrderAll(o *node) {
	o.name = "all"
	o.tok = p.next()
	if _, ok := p.acceptWord("desc"); ok {
		o.flag = true
	} else {
		p.acceptWord("asc")
	}
	if _, ok := p.acceptWord("nulls"); ok {
		if _, ok := p.acceptWord("first"); ok {
			o.names = []string{"FIRST"}
		} else {
			p.expectWord("last")
			o.names = []string{"LAST"}
		}
	}
}

// rewriteOrderAll writes ORDER BY ALL (DuckDB, Snowflake) as ORDER BY
// every select item's position, left to right, each in the direction and
// NULL order the dialect gives it.
func (t *translator) rewriteOrderAll(q *node) {
	o := q.y
	s := q.list[0]
	if s.kind != nSelect {
		t.refuse(o.tok, refOrderAll, "VALUES has no select items")
		return
	}
	dir := t.orderAllDir(o)
	n := 0
	if hasByName(q) {
		plan, err := t.byNameColumns(q)
		if err != nil {
			t.refuse(o.tok, refOrderAll, err.Error())
			return
		}
		n = len(plan.cols)
	} else {
		for _, it := range s.sel.items {
			if cols, err := t.itemColumns(s, it); err == nil && cols != nil {
				n += len(cols)
				continue
			}
			if it.kind != nStar {
				n++
				continue
			}
			cols, err := t.starColumns(s, it)
			if err != nil {
				t.refuse(o.tok, refOrderAll, err.Error())
				return
			}
			n += len(cols)
		}
	}
	var pos []string
	for i := 1; i <= n; i++ {
		pos = append(pos, itoa(i)+dir)
	}
	text := "ORDER BY " + strings.Join(pos, ", ")
	o.print = func(pr *printer, o *node) string { return text + pr.carry(o) }
}

// orderAllDir is the direction and NULL order ORDER BY ALL [DESC] [NULLS
// ...] gives each column in the dialect, as " DESC NULLS LAST".
func (t *translator) orderAllDir(o *node) string {
	nulls := "LAST"
	switch {
	case len(o.names) == 1:
		nulls = o.names[0]
	case t.d == Snowflake && o.flag, t.d == SQLite && !o.flag, t.d == BigQuery && !o.flag:
		nulls = "FIRST"
	}
	dir := " NULLS " + nulls
	if o.flag {
		dir = " DESC" + dir
	}
	return dir
}

// hasAggregate tells whether n calls an aggregate outside a window and
// outside a subquery.
func hasAggregate(n *node) bool {
	if n == nil || n.kind == nSelect {
		return false
	}
	if isAggregateCall(n) {
		return true
	}
	for _, k := range n.kids {
		if hasAggregate(k) {
			return true
		}
	}
	return false
}

// isAggregateCall tells whether n calls an aggregate function, not as a
// window function.
func isAggregateCall(n *node) bool {
	return n.kind == nCall && n.x == nil && len(n.parts) <= 1 && isAggregate(n.name, len(n.list))
}

func isAggregate(name string, args int) bool {
	if name == "min" || name == "max" {
		return args == 1
	}
	return aggregates[name]
}

// aggregates are the warehouses' aggregate functions, as written.
var aggregates = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(`count sum avg total group_concat string_agg listagg array_agg arrayagg list
		any_value arbitrary first last countif count_if logical_or logical_and bool_or bool_and booland_agg boolor_agg boolxor_agg
		median mode stddev stddev_pop stddev_samp variance var_pop var_samp approx_count_distinct
		approx_distinct hll array_concat_agg object_agg max_by min_by arg_max arg_min argmax argmin arg_max_null arg_min_null
		bit_and bit_or bit_xor corr covar_pop covar_samp percentile_cont percentile_disc quantile quantile_cont
		quantile_disc json_group_array json_group_object histogram product fsum kurtosis skewness entropy
		array_union_agg array_unique_agg string_agg_distinct favg`) {
		m[f] = true
	}
	return m
}()
