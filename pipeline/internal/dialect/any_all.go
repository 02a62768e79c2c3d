package dialect

import "strings"

// x op ANY (subquery), SOME (subquery) and ALL (subquery), as DuckDB and
// Snowflake compare a value with every row of a one-column subquery:
// = ANY is IN and <> ALL is NOT IN; another comparison is TRUE when one
// row (ANY) or every row (ALL) makes it TRUE, FALSE when none (ANY) or
// one (ALL) makes it FALSE, else NULL, as SQL's three-valued logic has it.
// SQLite has neither, and reads any(...) as a function.

// anyAllCall is the subquery of ANY (...), SOME (...) or ALL (...), and
// which it is; nil when n is none.
func anyAllCall(n *node) (sub *node, all bool) {
	if n == nil || n.kind != nCall || n.x != nil || len(n.parts) > 1 || len(n.list) != 1 {
		return nil, false
	}
	if n.name != "any" && n.name != "some" && n.name != "all" {
		return nil, false
	}
	if q := n.list[0]; q.kind == nSubquery || q.kind == nQuery {
		return q, n.name == "all"
	}
	return nil, false
}

// rewriteAnyAll rewrites the comparison n when its right side is ANY,
// SOME or ALL of a subquery; it tells whether it did.
func (t *translator) rewriteAnyAll(n *node) bool {
	sub, all := anyAllCall(n.y)
	if sub == nil || !comparisons[n.name] {
		return false
	}
	if t.d == BigQuery {
		t.refuse(n.y.tok, refAnyAll)
		return true
	}
	op := n.name
	if op == "!=" {
		op = "<>"
	}
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, n.x, sub)
		x := strings.TrimSpace(pr.text(n.x))
		q := strings.TrimSpace(pr.text(sub))
		if sub.kind == nSubquery {
			q = strings.TrimSpace(pr.text(sub.x))
		}
		switch {
		case op == "=" && !all:
			return x + " IN (" + q + ")" + carry
		case op == "<>" && all:
			return x + " NOT IN (" + q + ")" + carry
		}
		// one pass over the rows, each printed once: nested ANY and ALL
		// stay linear in size
		decide := "CASE WHEN max(_nexus_c) = 1 THEN 1 WHEN count(*) > count(_nexus_c) THEN NULL ELSE 0 END" // ANY
		if all {
			decide = "CASE WHEN min(_nexus_c) = 0 THEN 0 WHEN count(*) > count(_nexus_c) THEN NULL ELSE 1 END"
		}
		return "(WITH _nexus_rows(_nexus_v) AS (" + q + ") SELECT " + decide + " FROM (SELECT (" + x + ") " + op + " _nexus_v AS _nexus_c FROM _nexus_rows))" + carry
	}
	return true
}
