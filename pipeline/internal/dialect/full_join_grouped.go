package dialect

import "strings"

// A SELECT that groups or aggregates the rows of a FULL or RIGHT JOIN
// (TPC-DS q97: sums over ssci FULL JOIN csci) cannot be two SELECTs joined
// by UNION ALL. The join's rows become one derived table of that union,
// each column named alias.column, and the SELECT's names read them there:
//
//	SELECT sum(CASE WHEN a.k IS NULL THEN 1 END) AS n FROM a FULL JOIN b ON a.k = b.k
//	SELECT sum(CASE WHEN _nexus_full."a.k" IS NULL THEN 1 END) AS n FROM (SELECT a.k AS "a.k", b.k AS "b.k"
//	  FROM a LEFT JOIN b ON a.k = b.k UNION ALL SELECT ... RIGHT JOIN ... WHERE NOT (...)) AS _nexus_full
//
// A USING column named alone is the union's column of that name. The
// SELECT must name every column as relation.column or by a name one
// relation alone has, and hold no subquery or window (a * item is the
// relations' columns: joinTableStar) (an
// expression on two lines, or a column in parentheses, needs an alias); the FULL JOIN must be its last FROM item (full_join_chain.go
// takes the others). An expression without an alias is given its text as
// written, names unchanged, as its name, which SQLite gave it.

const fullJoinTable = "_nexus_full"

func (t *translator) fullJoinAsTable(q, s *node, j *outerJoin) {
	info := s.sel
	if len(info.from) != j.at+1 || hasWindowItem(info.items) || info.group != nil && rewritten(info.group) ||
		info.having != nil && rewritten(info.having) || info.where != nil && rewritten(info.where) {
		return
	}
	var usingNames []string
	if u := j.rels[j.at].from.joinUsing; u != nil {
		for _, c := range u.list {
			usingNames = append(usingNames, c.name)
		}
	}
	if !t.readJoinTable(q, s, j.rels, j.cols, usingNames) {
		return
	}
	cols := j.cols
	var list []string
	for i, r := range j.rels {
		alias := r.from.aliasOrName()
		for _, c := range cols[i] {
			list = append(list, quoteIdent(alias)+"."+quoteIdent(c)+" AS "+joinTableColumn(alias, c))
		}
	}
	for _, u := range usingNames {
		list = append(list, quoteIdent(u)+" AS "+quoteIdent(u))
	}
	selected := "SELECT " + strings.Join(list, ", ") + " FROM "
	j.emptyLeft()
	f := j.f
	f.print = func(pr *printer, n *node) string {
		filter := j.unmatchedFilter(pr)
		matched := j.printMatched(pr, func() string { return pr.plain(n) })
		unmatched := j.printUnmatched(pr, func() string { return pr.plain(n) })
		text := strings.TrimRight(matched, " \t\r\n")
		return "(" + selected + text + " UNION ALL " + selected + strings.TrimSpace(unmatched) + " WHERE " + filter + ") AS " +
			fullJoinTable + matched[len(text):]
	}
}

// readJoinTable makes the names of s outside its FROM clause (and of its
// query's ORDER BY) read the columns of the derived table fullJoinTable
// holding the rows of rels, each column named alias.column, a USING column
// by its name; false, changing nothing, when a name cannot be told or an
// item would change its name.
func (t *translator) readJoinTable(q, s *node, rels []*node, cols [][]string, usingNames []string) bool {
	info := s.sel
	named := map[*node]bool{}
	stars := map[*node]string{}
	for _, it := range info.items {
		if it.kind == nStar {
			list, ok := joinTableStar(it, rels, cols)
			if !ok {
				return false
			}
			stars[it] = list
			continue
		}
		if it.kind != nItem {
			return false
		}
		if it.name == "" && it.print == nil && it.pre == "" && strings.HasPrefix(it.post, ` AS "`) && it.x.kind != nName {
			named[it] = true // DuckDB's name for it (duck_names.go)
			continue
		}
		if rewritten(it) {
			return false
		}
		if it.name == "" && it.x.kind != nName {
			if unparen(it.x).kind == nName {
				return false // (t.a) is named a
			}
			// named by its text, which must print on one line
			for i := it.x.start; i < it.x.end; i++ {
				if k := t.toks[i].kind; k == kComment || k == kSpace && strings.ContainsAny(t.toks[i].text, "\r\n") {
					return false
				}
			}
		}
	}
	using := map[string]string{}
	for _, u := range usingNames {
		using[strings.ToLower(u)] = u
	}
	aliases := map[string]bool{}
	for _, it := range info.items {
		aliases[it.name] = it.name != ""
	}
	// target is the union's column a name reads, "" for a name that is no
	// column of the join; false when it cannot be told
	target := func(n *node) (string, bool) {
		first := strings.ToLower(identName(t.toks[n.parts[0]]))
		switch len(n.parts) {
		case 1:
			if u, ok := using[first]; ok {
				return quoteIdent(u), true
			}
			found := ""
			for i, r := range rels {
				for _, c := range cols[i] {
					if strings.EqualFold(c, first) {
						if found != "" {
							return "", false
						}
						found = joinTableColumn(r.from.aliasOrName(), c)
					}
				}
			}
			// a select alias, NULL or TRUE read as names, or a name of
			// the query around: as written; a column that is also a
			// select alias is not told apart
			return found, found == "" || !aliases[first]
		case 2:
			second := identName(t.toks[n.parts[1]])
			for i, r := range rels {
				if r.from.aliasOrName() != first {
					continue
				}
				for _, c := range cols[i] {
					if strings.EqualFold(c, second) {
						return joinTableColumn(r.from.aliasOrName(), c), true
					}
				}
				return "", false
			}
			return "", true // a relation of the query around
		}
		for _, r := range rels {
			if r.from.aliasOrName() == first {
				return "", false // a struct's field
			}
		}
		return "", true
	}
	var names []*node
	var targets []string
	asWritten := false // the names print as written, for an item's name
	var visit func(n *node) bool
	visit = func(n *node) bool {
		if _, ok := stars[n]; ok {
			return true
		}
		switch n.kind {
		case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda, nListFor, nWindow:
			return false
		case nRaw: // count(*)'s * and other tokens that name nothing
			for i := n.start; i < n.end; i++ {
				if k := t.toks[i].kind; k == kWord || k == kQuoted {
					return false
				}
			}
			return true
		case nName:
			col, ok := target(n)
			if !ok || rewritten(n) {
				return false
			}
			if col != "" {
				names, targets = append(names, n), append(targets, col)
			}
			return true
		}
		if n.print != nil {
			return false // a rewrite printing its own text may not print these names
		}
		for _, k := range n.kids {
			if !visit(k) {
				return false
			}
		}
		return true
	}
	for _, k := range s.kids {
		if k != info.fromClause && !visit(k) {
			return false
		}
	}
	if q.y != nil && len(q.list) == 1 && !visit(q.y) {
		return false
	}
	for i, n := range names {
		text := fullJoinTable + "." + targets[i]
		n.print = func(pr *printer, n *node) string {
			if asWritten {
				return pr.plain(n)
			}
			return text + pr.carry(n)
		}
	}
	for _, it := range info.items {
		switch {
		case it.kind == nStar:
			list := stars[it]
			it.print = func(pr *printer, n *node) string { return list + pr.carry(n) }
		case it.name == "" && it.x.kind == nName:
			// the column keeps the name the warehouse gives it
			it.post += " AS " + t.toks[it.x.parts[len(it.x.parts)-1]].text
		case it.name == "" && !named[it]:
			// an expression keeps the name SQLite gives its text as the
			// names were written
			it.print = func(pr *printer, n *node) string {
				asWritten = true
				name := strings.TrimSpace(pr.plain(n))
				asWritten = false
				text := pr.plain(n)
				trimmed := strings.TrimRight(text, " \t")
				return trimmed + " AS " + quoteIdent(name) + text[len(trimmed):]
			}
		}
	}
	return true
}

// joinTableStar is the columns of the derived table fullJoinTable that *
// item st gives, as the warehouse names and orders them: each relation's
// columns in turn, a USING column once, where the first relation holding
// it gives it, as the join's value (the coalesce of a FULL JOIN's sides);
// rel.* gives that relation's own columns. False for a * that REPLACEs,
// RENAMEs or names no relation of the join.
func joinTableStar(st *node, rels []*node, cols [][]string) (string, bool) {
	// (a * that EXCLUDEs was written as its columns, named as the relations
	// name them; it is written again here)
	if st.pre != "" || st.post != "" || len(st.list2) > 0 || st.star != nil && len(st.star.renames) > 0 {
		return "", false
	}
	merged := map[string]bool{} // lower USING names whose column is given
	var list []string
	for i, r := range rels {
		fi := r.from
		if st.name != "" && fi.aliasOrName() != st.name {
			continue
		}
		for _, c := range cols[i] {
			lc := strings.ToLower(c)
			if st.name == "" && containsFold(fi.usingNames(), c) {
				continue // given where the left side gives it
			}
			expr := fullJoinTable + "." + joinTableColumn(fi.aliasOrName(), c)
			if st.name == "" && !merged[lc] && usedLater(rels[i+1:], c) {
				merged[lc] = true
				expr = fullJoinTable + "." + quoteIdent(c)
			}
			if starKeeps(st, c) {
				list = append(list, expr+" AS "+quoteIdent(c))
			}
		}
	}
	return strings.Join(list, ", "), len(list) > 0
}

// usedLater reports whether a join of rels merges column c by USING.
func usedLater(rels []*node, c string) bool {
	for _, r := range rels {
		if containsFold(r.from.usingNames(), c) {
			return true
		}
	}
	return false
}

// joinTableColumn is the name of relation alias's column col in the
// derived table fullJoinTable.
func joinTableColumn(alias, col string) string { return quoteIdent(alias + "." + col) }
