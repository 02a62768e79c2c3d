package dialect

import "strings"

// rewriteGroupAll writes GROUP BY ALL (DuckDB, Snowflake, BigQuery) as
// GROUP BY the positions of the select items that hold no aggregate; with
// none, the clause goes (one group, as there).
func (t *translator) rewriteGroupAll(s *node) {
	g := s.sel.group
	if g == nil || g.name != "all" {
		return
	}
	var pos []string
	for i, it := range s.sel.items {
		if it.kind == nStar {
			t.refuse(g.tok, refGroupAllStar)
			return
		}
		if !hasAggregate(it.x) {
			pos = append(pos, itoa(i+1))
		}
	}
	text := ""
	if len(pos) > 0 {
		text = "GROUP BY " + strings.Join(pos, ", ")
	}
	g.print = func(pr *printer, g *node) string { return text + pr.carry(g) }
}

// hasAggregate tells whether n calls an aggregate outside a window and
// outside a subquery.
func hasAggregate(n *node) bool {
	if n == nil || n.kind == nSelect {
		return false
	}
	if n.kind == nCall && n.x == nil && len(n.parts) <= 1 && isAggregate(n.name, len(n.list)) {
		return true
	}
	for _, k := range n.kids {
		if hasAggregate(k) {
			return true
		}
	}
	return false
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
		any_value arbitrary first last countif count_if logical_or logical_and bool_or bool_and booland_agg boolor_agg
		median mode stddev stddev_pop stddev_samp variance var_pop var_samp approx_count_distinct
		approx_distinct hll array_concat_agg object_agg max_by min_by arg_max arg_min argmax argmin
		bit_and bit_or bit_xor corr covar_pop covar_samp percentile_cont percentile_disc quantile quantile_cont
		quantile_disc json_group_array json_group_object histogram product fsum kurtosis skewness entropy
		array_union_agg array_unique_agg string_agg_distinct favg`) {
		m[f] = true
	}
	return m
}()
