package dialect

import "strings"

// The functions that take a lambda: DuckDB's list functions
// (list_transform(l, x -> x + 1)) and list_aggregate(l, 'name'), and
// Snowflake's FILTER, TRANSFORM and REDUCE (FILTER(a, x INT -> x > 1)).
// Lists and arrays are JSON text here, so each runs as a subquery over
// json_each of the list: the lambda's parameters are columns of that
// subquery, named as written, so its body reads them as it would on the
// warehouse. A NULL list gives NULL, as there. REDUCE folds with a
// recursive query, one row per element.

// lambdaFuncs are, per dialect, the functions whose arguments after the
// first may be lambdas, by what they compute. Elsewhere -> is JSON
// extraction in DuckDB, which also tells the two apart by the function
// called.
var lambdaFuncs = map[Dialect]map[string]string{
	DuckDB: {"list_transform": "transform", "array_transform": "transform", "apply": "transform",
		"list_apply": "transform", "array_apply": "transform",
		"list_filter": "filter", "array_filter": "filter", "filter": "filter",
		"list_reduce": "reduce", "array_reduce": "reduce", "reduce": "reduce"},
	Snowflake: {"transform": "transform", "filter": "filter", "reduce": "reduce"},
}

// lambdaArg is where fn's lambda goes: REDUCE(array, init, lambda) in
// Snowflake, the second argument elsewhere.
func lambdaArg(d Dialect, kind string) int {
	if d == Snowflake && kind == "reduce" {
		return 2
	}
	return 1
}

// listAggregates are the aggregates list_aggregate(l, 'name' [, arg])
// computes, as SQLite aggregates over the elements in list order.
var listAggregates = map[string]string{
	"string_agg": "group_concat", "listagg": "group_concat", "group_concat": "group_concat",
	"min": "min", "max": "max", "sum": "sum", "count": "count", "avg": "avg", "mean": "avg",
	"median": "median_of", "mode": "mode_agg", "product": "product_of", "bool_and": "bool_and_agg",
	"bool_or": "bool_or_agg", "any_value": "any_value_agg", "stddev": "stddev_samp_rows",
	"stddev_samp": "stddev_samp_rows", "stddev_pop": "stddev_pop_rows", "variance": "var_samp_rows",
	"var_samp": "var_samp_rows", "var_pop": "var_pop_rows", "kurtosis": "sample_kurtosis",
	"skewness": "sample_skewness", "entropy": "entropy_of",
	"mad": "mad_duck", "sem": "sem_duck", "kurtosis_pop": "kurtosis_pop_of", "histogram": "histogram_duck",
	"approx_count_distinct": "count_distinct", "bit_and": "bit_and", "bit_or": "bit_or", "bit_xor": "bit_xor",
}

// listAggregateCalls are DuckDB's list_<aggregate>(l) that are
// list_aggregate(l, '<aggregate>') (list_sum and the like are functions of
// their own).
var listAggregateCalls = map[string]string{}

func init() {
	for _, name := range []string{"median", "mode", "product", "bool_and", "bool_or", "any_value", "stddev_samp",
		"stddev_pop", "var_samp", "var_pop", "kurtosis", "skewness", "entropy", "string_agg", "mad", "sem", "kurtosis_pop",
		"histogram", "approx_count_distinct", "bit_and", "bit_or", "bit_xor"} {
		listAggregateCalls["list_"+name] = name
	}
}

var listAggregateFuncs = map[string]bool{"list_aggregate": true, "array_aggregate": true, "list_aggr": true,
	"array_aggr": true, "aggregate": true}

// parseLambda reads a lambda as argument i of fn, or returns nil having
// read nothing.
func (p *parser) parseLambda(fn string, i int) *node {
	kind := lambdaFuncs[p.d][fn]
	if kind == "" || i != lambdaArg(p.d, kind) {
		return nil
	}
	n := p.open(nLambda)
	param := func() {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a lambda parameter name")
		}
		n.names = append(n.names, identName(*t))
		p.next()
		if p.d == Snowflake && p.peek().kind == kWord {
			// x INT -> ...: the element's declared type
			p.skipType()
		}
	}
	switch {
	case p.isWord("lambda") && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted):
		p.next()
		param()
		for p.acceptPunct(",") {
			param()
		}
		p.expectPunct(":")
	case (p.peek().kind == kWord || p.peek().kind == kQuoted) && (p.isPunctAt(1, "->") || p.d == Snowflake && p.typedParamArrow(1)):
		param()
		p.next()
	case p.isPunct("(") && p.parenParamsArrow():
		p.next()
		param()
		for p.acceptPunct(",") {
			param()
		}
		p.expectPunct(")")
		p.expectPunct("->")
	default:
		return nil
	}
	n.x = n.add(p.parseExpr())
	return p.close(n)
}

// parenParamsArrow reports whether (a, b) -> follows (in Snowflake each
// name may have a type: (acc INT, x INT) ->).
func (p *parser) parenParamsArrow() bool {
	for k := 1; ; k += 2 {
		if t := p.peekAt(k); t.kind != kWord && t.kind != kQuoted {
			return false
		}
		if p.d == Snowflake {
			k = p.skipParamType(k+1) - 1
		}
		if p.isPunctAt(k+1, ")") {
			return p.isPunctAt(k+2, "->")
		}
		if !p.isPunctAt(k+1, ",") {
			return false
		}
	}
}

// typedParamArrow reports whether a type and -> follow at token k: the
// x INT -> of a Snowflake lambda.
func (p *parser) typedParamArrow(k int) bool {
	end := p.skipParamType(k)
	return end > k && p.isPunctAt(end, "->")
}

// skipParamType is the token after a parameter's type that starts at k
// (a word, and its (precision, scale)), or k when none does.
func (p *parser) skipParamType(k int) int {
	if p.peekAt(k).kind != kWord {
		return k
	}
	k++
	if p.peekAt(k).kind == kOpen {
		// NUMBER(38, 0)
		for depth := 0; k < len(p.sig)-p.pos; k++ {
			switch p.peekAt(k).kind {
			case kOpen:
				depth++
			case kClose:
				depth--
			}
			if depth == 0 {
				return k + 1
			}
		}
	}
	return k
}

// rewriteListFunc rewrites the lambda functions and list_aggregate; it
// reports whether n was one.
func (t *translator) rewriteListFunc(n *node) bool {
	if kind := lambdaFuncs[t.d][n.name]; kind != "" {
		at := lambdaArg(t.d, kind)
		if len(n.list) <= at || n.list[at].kind != nLambda {
			if t.d == Snowflake {
				t.refuse(n.tok, refusal{strings.ToUpper(n.name) + " takes a lambda", lambdaHint(t.d, kind)})
				return true
			}
			return false
		}
		lam := n.list[at]
		if params := lambdaParams(t.d, kind); len(lam.names) < params[0] || len(lam.names) > params[1] {
			t.refuse(lam.start, refusal{"wrong number of lambda parameters for " + strings.ToUpper(n.name), lambdaHint(t.d, kind)})
			return true
		}
		if kind == "reduce" {
			t.rewriteReduce(n)
		} else {
			t.rewriteLambdaCall(n, kind)
		}
		return true
	}
	if t.d != DuckDB {
		return false
	}
	if agg := listAggregateCalls[n.name]; agg != "" && len(n.list) == 1 {
		t.rewriteListAggregateOf(n, n.list[0], agg, n.list[1:])
		return true
	}
	if listAggregateFuncs[n.name] && len(n.list) >= 2 {
		t.rewriteListAggregate(n)
		return true
	}
	if n.name == "list_count" && len(n.list) == 1 {
		// the elements that are not NULL
		list := n.list[0]
		n.print = func(pr *printer, n *node) string {
			carry := pr.carry(n) // the list prints flat: its line breaks come after
			pr.flat++
			defer func() { pr.flat-- }()
			return overList(strings.TrimSpace(pr.text(list)), "count(_nexus_value)", "_nexus_value", "") + carry
		}
		return true
	}
	return false
}

// overList is the SQL computing expr over the elements of the list l
// (columns _nexus_i, the 0-based position, _nexus_t, the JSON type, and
// the element named elem and, when given, its 1-based index named idx),
// NULL when l is NULL.
func overList(l, expr, elem, idx string) string {
	cols := "key AS _nexus_i, type AS _nexus_t, value AS " + quoteIdent(elem)
	if idx != "" {
		cols += ", key + 1 AS " + quoteIdent(idx)
	}
	return "(SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT " + expr +
		" FROM (SELECT " + cols + " FROM json_each(_nexus_list))) END FROM (SELECT " + l + " AS _nexus_list))"
}

// lambdaParams are the fewest and most parameters a lambda of kind takes:
// DuckDB's may add the element's index.
func lambdaParams(d Dialect, kind string) [2]int {
	switch {
	case kind == "reduce" && d == DuckDB:
		return [2]int{2, 3}
	case kind == "reduce":
		return [2]int{2, 2}
	case d == DuckDB:
		return [2]int{1, 2}
	}
	return [2]int{1, 1}
}

func lambdaHint(d Dialect, kind string) string {
	switch {
	case d == Snowflake && kind == "reduce":
		return "write REDUCE(array, initial, (acc, x) -> e)"
	case d == Snowflake:
		return "write " + strings.ToUpper(kind) + "(array, x -> e)"
	case kind == "reduce":
		return "write list_reduce(l, (acc, x) -> e[, initial]); (acc, x, i) -> e has the element's 1-based index"
	}
	return "write (x, i) -> e, i being the element's 1-based index"
}

func (t *translator) rewriteLambdaCall(n *node, kind string) {
	list, lam := n.list[0], n.list[1]
	elem, idx := lam.names[0], ""
	if len(lam.names) == 2 {
		idx = lam.names[1]
	}
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, list, lam.x)
		pr.flat++
		defer func() { pr.flat-- }()
		l := strings.TrimSpace(pr.text(list))
		body := strings.TrimSpace(pr.text(lam.x))
		var expr string
		if kind == "transform" {
			expr = "json_group_array(" + body + " ORDER BY _nexus_i)"
		} else {
			// an element that is itself a list or struct stays JSON
			keep := "CASE WHEN _nexus_t IN ('array', 'object') THEN json(" + quoteIdent(elem) + ") ELSE " + quoteIdent(elem) + " END"
			expr = "json_group_array(" + keep + " ORDER BY _nexus_i) FILTER (WHERE " + body + ")"
		}
		return "json(" + overList(l, expr, elem, idx) + ")" + carry
	}
}

// rewriteComprehension writes DuckDB's [e for x[, i] in l [if c]] as
// list_filter and list_transform in one: over l's elements, e of those
// where c holds, in the list's order, i being the element's position in l
// (as DuckDB counts it, before the filter). NULL when l is NULL.
func (t *translator) rewriteComprehension(n *node) {
	body, list := n.x, n.list[0]
	var cond *node
	if len(n.list) > 1 {
		cond = n.list[1]
	}
	elem, idx := body.names[0], ""
	if len(body.names) == 2 {
		idx = body.names[1]
	}
	n.print = func(pr *printer, n *node) string {
		kids := []*node{body.x, list}
		if cond != nil {
			kids = append(kids, cond.x)
		}
		carry := pr.carry(n, kids...)
		pr.flat++
		defer func() { pr.flat-- }()
		expr := "json_group_array(" + strings.TrimSpace(pr.text(body.x)) + " ORDER BY _nexus_i)"
		if cond != nil {
			expr += " FILTER (WHERE " + strings.TrimSpace(pr.text(cond.x)) + ")"
		}
		return "json(" + overList(strings.TrimSpace(pr.text(list)), expr, elem, idx) + ")" + carry
	}
}

func (t *translator) rewriteListAggregate(n *node) {
	list, fn := n.list[0], n.list[1]
	if fn.kind != nString {
		t.refuse(fn.start, refusal{"list_aggregate needs the aggregate's name as a string", "write list_aggregate(l, 'string_agg', ' ')"})
		return
	}
	t.rewriteListAggregateOf(n, list, strings.ToLower(strings.Trim(t.toks[fn.start].text, `'`)), n.list[2:])
}

// rewriteListAggregateOf writes call n as aggregate name over list's
// elements, extra being its further arguments (string_agg's separator).
func (t *translator) rewriteListAggregateOf(n, list *node, name string, extra []*node) {
	fn := n.list[0]
	if len(n.list) > 1 {
		fn = n.list[1]
	}
	agg, ok := listAggregates[name]
	if !ok {
		t.refuse(fn.start, refusal{"list_aggregate with '" + name + "' is not supported", "use one of string_agg, min, max, sum, count, avg, median, mode, product, bool_and, bool_or, any_value, stddev_samp, stddev_pop, var_samp, var_pop, kurtosis, kurtosis_pop, skewness, entropy, mad, sem, histogram, approx_count_distinct, bit_and, bit_or, bit_xor"})
		return
	}
	if agg != "group_concat" && len(extra) > 0 || len(extra) > 1 {
		t.refuse(fn.start, refusal{"too many arguments for list_aggregate with '" + name + "'", "string_agg takes a separator; the others take none"})
		return
	}
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, n.list...)
		pr.flat++
		defer func() { pr.flat-- }()
		l := strings.TrimSpace(pr.text(list))
		args := "_nexus_value"
		if agg == "group_concat" {
			sep := "','"
			if len(extra) == 1 {
				sep = strings.TrimSpace(pr.text(extra[0]))
			}
			args += ", " + sep
		}
		out := overList(l, agg+"("+args+" ORDER BY _nexus_i)", "_nexus_value", "")
		if agg == "histogram_duck" {
			out = "json(" + out + ")" // a MAP, JSON for what holds it
		}
		return out + carry
	}
}

// rewriteReduce folds a list: Snowflake's REDUCE(l, init, (acc, x) -> e)
// and DuckDB's list_reduce(l, (acc, x[, i]) -> e[, init]). A recursive
// query takes one element a step, the accumulator and the element being
// columns named as the lambda's parameters. NULL when the list is NULL; in
// Snowflake a NULL initial value or step makes the result NULL, DuckDB
// goes on with the NULL. Without an initial value (DuckDB) the first
// element starts, and an empty list fails, as there.
func (t *translator) rewriteReduce(n *node) {
	var list, lam, init *node
	list = n.list[0]
	if t.d == Snowflake {
		if len(n.list) != 3 {
			t.refuse(n.tok, refusal{"REDUCE takes an array, an initial value and a lambda", lambdaHint(t.d, "reduce")})
			return
		}
		init, lam = n.list[1], n.list[2]
	} else {
		lam = n.list[1]
		if len(n.list) == 3 {
			init = n.list[2]
		} else if len(n.list) > 3 {
			t.refuse(n.tok, refusal{"too many arguments for " + n.name, lambdaHint(t.d, "reduce")})
			return
		}
	}
	acc, elem, idx := quoteIdent(lam.names[0]), quoteIdent(lam.names[1]), ""
	if len(lam.names) == 3 {
		idx = quoteIdent(lam.names[2])
	}
	n.print = func(pr *printer, n *node) string {
		args := []*node{list, lam.x}
		if init != nil {
			args = append(args, init)
		}
		carry := pr.carry(n, args...)
		pr.flat++
		defer func() { pr.flat-- }()
		l := strings.TrimSpace(pr.text(list))
		body := strings.TrimSpace(pr.text(lam.x))
		cols := "key AS _nexus_k, CASE WHEN type IN ('array', 'object') THEN json(value) ELSE value END AS " + elem
		if idx != "" {
			cols += ", key + 1 AS " + idx
		}
		elems := "(SELECT " + cols + " FROM json_each(_nexus_list))"
		start, first := "SELECT 0, ", "0"
		if init != nil {
			start += strings.TrimSpace(pr.text(init))
		} else {
			// the first element starts; an empty list fails
			start += "CASE WHEN json_array_length(_nexus_list) = 0 THEN error_raised('list_reduce: cannot reduce an empty list without an initial value; give an initial value as the third argument') ELSE " +
				"(SELECT CASE WHEN type IN ('array', 'object') THEN json(value) ELSE value END FROM json_each(_nexus_list) WHERE key = 0) END"
			first = "1"
		}
		stop := ""
		if t.d == Snowflake {
			stop = " WHERE _nexus_r." + acc + " IS NOT NULL" // a NULL step makes the result NULL
		}
		fold := "WITH RECURSIVE _nexus_r(_nexus_i, " + acc + ") AS (" + start + " UNION ALL SELECT _nexus_r._nexus_i + 1, " + body +
			" FROM _nexus_r JOIN " + elems + " ON _nexus_k = _nexus_r._nexus_i + " + first + stop + ") " +
			"SELECT CASE WHEN _nexus_i + " + first + " = json_array_length(_nexus_list) THEN " + acc + " END FROM _nexus_r ORDER BY _nexus_i DESC LIMIT 1"
		return "(SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (" + fold + ") END FROM (SELECT " + l + " AS _nexus_list))" + carry
	}
}
