package dialect

import "strings"

// DuckDB's list functions that take a lambda (list_transform(l, x -> x + 1))
// and list_aggregate(l, 'name'). Lists are JSON text here, so each runs as a
// subquery over json_each of the list: the lambda's parameters are columns
// of that subquery, named as written, so its body reads them as it would on
// DuckDB. A NULL list gives NULL, as there.

// lambdaFuncs are the functions whose arguments after the first may be
// lambdas, by what they compute. Elsewhere -> is JSON extraction, as in
// DuckDB, which also tells the two apart by the function called.
var lambdaFuncs = map[string]string{
	"list_transform": "transform", "array_transform": "transform", "apply": "transform",
	"list_apply": "transform", "array_apply": "transform",
	"list_filter": "filter", "array_filter": "filter", "filter": "filter",
}

// listAggregates are the aggregates list_aggregate(l, 'name' [, arg])
// computes, as SQLite aggregates over the elements in list order.
var listAggregates = map[string]string{
	"string_agg": "group_concat", "listagg": "group_concat", "group_concat": "group_concat",
	"min": "min", "max": "max", "sum": "sum", "count": "count", "avg": "avg", "mean": "avg",
}

var listAggregateFuncs = map[string]bool{"list_aggregate": true, "array_aggregate": true, "list_aggr": true,
	"array_aggr": true, "aggregate": true}

// parseLambda reads a lambda as argument i of fn, or returns nil having
// read nothing.
func (p *parser) parseLambda(fn string, i int) *node {
	if p.d != DuckDB || i == 0 || lambdaFuncs[fn] == "" {
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
	}
	switch {
	case p.isWord("lambda") && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted):
		p.next()
		param()
		for p.acceptPunct(",") {
			param()
		}
		p.expectPunct(":")
	case (p.peek().kind == kWord || p.peek().kind == kQuoted) && p.isPunctAt(1, "->"):
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

// parenParamsArrow reports whether (a, b) -> follows.
func (p *parser) parenParamsArrow() bool {
	for k := 1; ; k += 2 {
		if t := p.peekAt(k); t.kind != kWord && t.kind != kQuoted {
			return false
		}
		if p.isPunctAt(k+1, ")") {
			return p.isPunctAt(k+2, "->")
		}
		if !p.isPunctAt(k+1, ",") {
			return false
		}
	}
}

// rewriteListFunc rewrites the lambda functions and list_aggregate; it
// reports whether n was one.
func (t *translator) rewriteListFunc(n *node) bool {
	if t.d != DuckDB {
		return false
	}
	if kind := lambdaFuncs[n.name]; kind != "" && len(n.list) == 2 && n.list[1].kind == nLambda {
		if len(n.list[1].names) > 2 {
			t.refuse(n.list[1].start, refusal{"a lambda of " + n.name + " takes one or two parameters", "write (x, i) -> e, i being the element's 1-based index"})
			return true
		}
		t.rewriteLambdaCall(n, kind)
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

func (t *translator) rewriteListAggregate(n *node) {
	list, fn := n.list[0], n.list[1]
	if fn.kind != nString {
		t.refuse(fn.start, refusal{"list_aggregate needs the aggregate's name as a string", "write list_aggregate(l, 'string_agg', ' ')"})
		return
	}
	name := strings.ToLower(strings.Trim(t.toks[fn.start].text, `'`))
	agg, ok := listAggregates[name]
	if !ok {
		t.refuse(fn.start, refusal{"list_aggregate with '" + name + "' is not supported", "use one of string_agg, min, max, sum, count, avg"})
		return
	}
	extra := n.list[2:]
	if agg != "group_concat" && len(extra) > 0 || len(extra) > 1 {
		t.refuse(fn.start, refusal{"too many arguments for list_aggregate with '" + name + "'", "string_agg takes a separator; the others take none"})
		return
	}
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, append([]*node{list, fn}, extra...)...)
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
		return overList(l, agg+"("+args+" ORDER BY _nexus_i)", "_nexus_value", "") + carry
	}
}
