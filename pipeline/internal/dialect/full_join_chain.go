package dialect

import (
	"strconv"
	"strings"
)

// A FROM list with a chain of FULL or RIGHT JOINs (a metrics spine: a FULL
// JOIN b ON a.id = b.id FULL JOIN c ON c.id = coalesce(a.id, b.id), or
// USING (id) twice) cannot be one union of LEFT JOINs (full_join.go). It
// becomes one derived table, fullJoinTable, built a join at a time, each
// step a CTE whose columns are named alias.column (a USING column by its
// name), read as full_join_grouped.go reads one join's:
//
//	(WITH _nexus_j0 AS (SELECT a.id AS "a.id", ... FROM a),
//	 _nexus_j1 AS (SELECT _nexus_full."a.id" AS "a.id", ..., b.id AS "b.id", ...
//	   FROM _nexus_j0 AS _nexus_full LEFT JOIN b ON _nexus_full."a.id" = b.id
//	   UNION ALL SELECT NULL AS "a.id", ..., b.id AS "b.id", ... FROM b
//	   WHERE NOT (((b.id) IN (SELECT _nexus_full."a.id" FROM _nexus_j0 AS _nexus_full)) IS TRUE)),
//	 ... SELECT * FROM _nexus_j2) AS _nexus_full
//
// The right rows without a match are found by IN, computed once; IS TRUE
// makes a NULL key unmatched. The joins before the first FULL or RIGHT JOIN
// are the first step as written; each join from it on is a step, LEFT and
// inner ones a plain join of the step before. Every ON must hold an
// equality of the joined rows and the new relation (its other conditions
// read as full_join.go reads them); the select must be one
// full_join_grouped.go reads. Otherwise
// the joins are left as written.

// fullJoinChainAsTable rewrites s's FROM list when it holds more than one
// FULL or RIGHT JOIN, or one followed by other joins; false when it does not.
func (t *translator) fullJoinChainAsTable(q, s *node) bool {
	info := s.sel
	f := info.fromClause
	if f == nil || rewritten(s) || rewritten(f) || t.fromSkips[f] != nil || info.qualify != nil || info.distinctOn != nil ||
		info.topTok >= 0 || info.connectTok >= 0 || info.windowAfter != 0 || info.asStruct || info.asValue ||
		len(info.unnests) > 0 || info.scope == nil || hasWindowItem(info.items) ||
		info.group != nil && rewritten(info.group) || info.having != nil && rewritten(info.having) ||
		info.where != nil && rewritten(info.where) {
		return false
	}
	rels := info.from
	first, outers := -1, 0
	for i, r := range rels {
		if k := r.from.joinKind; strings.Contains(k, "full") || strings.Contains(k, "right") {
			outers++
			if first < 0 {
				first = i
			}
		}
	}
	grouped := info.group != nil || info.having != nil || hasAggregateItem(info.items)
	if first < 1 || outers < 2 && (first == len(rels)-1 || !grouped) {
		return false // one join: full_join.go's
	}
	for i, r := range rels {
		fi := r.from
		if fi.kind != fromTable && fi.kind != fromQuery || fi.lateral >= 0 || fi.pivot != nil || fi.fileFunc || fi.aliasOrName() == "" {
			return false
		}
		if fi.aliasStart < 0 && t.namesThreeParts(s) {
			return false
		}
		if i == 0 {
			continue
		}
		if !t.joinedByWord(fi) {
			return false
		}
		switch fi.joinKind {
		case "", "inner", "left", "left outer":
		case "cross":
			if i >= first {
				return false
			}
		case "full", "full outer", "right", "right outer":
		default:
			return false
		}
		if i >= first && (fi.joinOn == nil) == (fi.joinUsing == nil) || t.usingInstants[fi] ||
			fi.joinOn != nil && rewritten(fi.joinOn) || fi.joinUsing != nil && rewritten(fi.joinUsing) {
			return false
		}
	}
	cols := make([][]string, len(rels))
	for i, r := range rels {
		c, err := t.relColumns(r.from, info.scope)
		if err != nil {
			return false
		}
		cols[i] = c
	}
	// the USING columns of the joins before the first step, as SQLite
	// names them there
	var using []string
	usingExpr := map[string]string{} // lower name: its value in the step's select
	for _, r := range rels[1:first] {
		if u := r.from.joinUsing; u != nil {
			for _, c := range u.list {
				if _, ok := usingExpr[strings.ToLower(c.name)]; !ok {
					using = append(using, c.name)
				}
				usingExpr[strings.ToLower(c.name)] = quoteIdent(c.name)
			}
		}
	}
	prev := func(alias, col string) string { return fullJoinTable + "." + joinTableColumn(alias, col) }
	var list []string
	for i, r := range rels[:first] {
		alias := r.from.aliasOrName()
		for _, c := range cols[i] {
			list = append(list, quoteIdent(alias)+"."+quoteIdent(c)+" AS "+joinTableColumn(alias, c))
		}
	}
	for _, u := range using {
		list = append(list, usingExpr[strings.ToLower(u)]+" AS "+quoteIdent(u))
		usingExpr[strings.ToLower(u)] = fullJoinTable + "." + quoteIdent(u)
	}
	firstSelect := "SELECT " + strings.Join(list, ", ") + " FROM "
	var steps []func(pr *printer, before string) string
	var overrides []func()
	for i := first; i < len(rels); i++ {
		step, apply, ok := t.fullJoinStep(rels, cols, i, &using, usingExpr, prev)
		if !ok {
			return false
		}
		steps = append(steps, step)
		overrides = append(overrides, apply)
	}
	if !t.readJoinTable(q, s, rels, cols, using) {
		return false
	}
	for _, apply := range overrides {
		apply()
	}
	firstTok := rels[first].from.joinTok
	f.print = func(pr *printer, n *node) string {
		pr.flat++
		var b strings.Builder
		b.WriteString("(WITH _nexus_j0 AS (" + firstSelect + strings.TrimSpace(pr.span(n, n.start, firstTok)) + ")")
		for k, step := range steps {
			b.WriteString(", _nexus_j" + strconv.Itoa(k+1) + " AS (" + step(pr, "_nexus_j"+strconv.Itoa(k)) + ")")
		}
		b.WriteString(" SELECT * FROM _nexus_j" + strconv.Itoa(len(steps)) + ") AS " + fullJoinTable)
		pr.flat--
		return b.String() + pr.carry(n)
	}
	return true
}

// fullJoinStep is the step joining rels[at] to the rows of the steps
// before, whose USING columns are *using with their values usingExpr there
// (both updated). apply makes the ON condition's names of the rows before
// read the step before; false when the join cannot be a step.
func (t *translator) fullJoinStep(rels []*node, cols [][]string, at int, using *[]string, usingExpr map[string]string,
	prev func(alias, col string) string) (step func(pr *printer, before string) string, apply func(), ok bool) {
	right := rels[at].from
	rightName := quoteIdent(right.aliasOrName())
	kind := right.joinKind
	full, outer := strings.HasPrefix(kind, "full"), strings.HasPrefix(kind, "full") || strings.HasPrefix(kind, "right")
	// the step's columns: the rows before's, then the right relation's
	var kept, nulls []string
	for i, r := range rels[:at] {
		alias := r.from.aliasOrName()
		for _, c := range cols[i] {
			kept = append(kept, prev(alias, c)+" AS "+joinTableColumn(alias, c))
			nulls = append(nulls, "NULL AS "+joinTableColumn(alias, c))
		}
	}
	var rightCols []string
	for _, c := range cols[at] {
		rightCols = append(rightCols, rightName+"."+quoteIdent(c)+" AS "+joinTableColumn(right.aliasOrName(), c))
	}
	var lhs, rhs []string  // USING's
	var lhsN, rhsN []*node // ON's equalities
	var leftOnly, rightOnly, both []*node
	var names []*node
	var texts []string
	merged := map[string]bool{}
	if u := right.joinUsing; u != nil {
		for _, c := range u.list {
			lc := strings.ToLower(c.name)
			if !containsFold(cols[at], c.name) || merged[lc] {
				return nil, nil, false
			}
			l, ok := usingExpr[lc]
			if !ok {
				owner := -1
				for i := range rels[:at] {
					if containsFold(cols[i], c.name) {
						if owner >= 0 {
							return nil, nil, false
						}
						owner = i
					}
				}
				if owner < 0 {
					return nil, nil, false
				}
				l = prev(rels[owner].from.aliasOrName(), columnFold(cols[owner], c.name))
				*using = append(*using, c.name)
			}
			merged[lc] = true
			lhs = append(lhs, l)
			rhs = append(rhs, rightName+"."+quoteIdent(columnFold(cols[at], c.name)))
		}
	} else {
		// side is 1 for names of the rows before only, 2 for the right
		// relation's, 3 for both, 0 for none, -1 when a name is not told
		var side func(n *node) int
		side = func(n *node) int {
			switch n.kind {
			case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda, nListFor, nStar, nWindow:
				return -1
			case nName:
				if rewritten(n) {
					return -1
				}
				first := strings.ToLower(identName(t.toks[n.parts[0]]))
				switch len(n.parts) {
				case 1:
					if e, ok := usingExpr[first]; ok {
						if containsFold(cols[at], first) {
							return -1
						}
						names, texts = append(names, n), append(texts, e)
						return 1
					}
					owner := -1
					for i := range rels[:at+1] {
						if containsFold(cols[i], first) {
							if owner >= 0 {
								return -1
							}
							owner = i
						}
					}
					switch {
					case owner < 0 && t.toks[n.parts[0]].kind == kWord && (first == "null" || first == "true" || first == "false"):
						return 0
					case owner < 0:
						return -1
					case owner == at:
						return 2
					}
					names = append(names, n)
					texts = append(texts, prev(rels[owner].from.aliasOrName(), columnFold(cols[owner], first)))
					return 1
				case 2:
					second := identName(t.toks[n.parts[1]])
					for i, r := range rels[:at+1] {
						if r.from.aliasOrName() != first {
							continue
						}
						if !containsFold(cols[i], second) {
							return -1
						}
						if i == at {
							return 2
						}
						names = append(names, n)
						texts = append(texts, prev(first, columnFold(cols[i], second)))
						return 1
					}
				}
				return -1
			}
			if n.print != nil {
				return -1
			}
			return kidsSide(n, side)
		}
		on, ok := splitJoinOn(right.joinOn, side)
		if !ok {
			return nil, nil, false
		}
		lhsN, rhsN, leftOnly, rightOnly, both = on.lhs, on.rhs, on.leftOnly, on.rightOnly, on.both
		if len(lhsN) == 0 && outer {
			return nil, nil, false
		}
	}
	// the USING columns after the step
	var usingCols, usingNulls []string
	for _, u := range *using {
		lu := strings.ToLower(u)
		l, r := usingExpr[lu], ""
		for k, c := range right.usingNames() {
			if strings.EqualFold(c, u) {
				l, r = lhs[k], rhs[k]
			}
		}
		switch {
		case r == "":
			usingCols = append(usingCols, l+" AS "+quoteIdent(u))
			usingNulls = append(usingNulls, "NULL AS "+quoteIdent(u))
		case outer:
			usingCols = append(usingCols, "COALESCE("+l+", "+r+") AS "+quoteIdent(u))
			usingNulls = append(usingNulls, r+" AS "+quoteIdent(u))
		default:
			usingCols = append(usingCols, l+" AS "+quoteIdent(u))
		}
	}
	for _, u := range *using {
		usingExpr[strings.ToLower(u)] = fullJoinTable + "." + quoteIdent(u)
	}
	apply = func() {
		for k, n := range names {
			text := texts[k]
			n.print = func(pr *printer, n *node) string { return text }
		}
	}
	join := "INNER JOIN"
	if strings.HasPrefix(kind, "left") || full {
		join = "LEFT JOIN"
	}
	step = func(pr *printer, before string) string {
		joined := strings.Join(append(append(append([]string(nil), kept...), rightCols...), usingCols...), ", ")
		rel := strings.TrimSpace(pr.text(rels[at]))
		on := make([]string, len(lhs))
		for k := range lhs {
			on[k] = lhs[k] + " = " + rhs[k]
		}
		cond := strings.Join(on, " AND ")
		if right.joinOn != nil {
			cond = strings.TrimSpace(pr.text(right.joinOn))
		}
		text := "SELECT " + joined + " FROM " + before + " AS " + fullJoinTable + " " + join + " " + rel + " ON " + cond
		if !outer {
			return text
		}
		unmatched := strings.Join(append(append(append([]string(nil), nulls...), rightCols...), usingNulls...), ", ")
		if len(both) > 0 {
			in := matchedRightRows(right.aliasOrName(), cols[at], before+" AS "+fullJoinTable, rel, cond)
			return text + " UNION ALL SELECT " + unmatched + " FROM " + rel + " WHERE NOT (" + in + ")"
		}
		l, r := lhs, rhs
		if right.joinOn != nil {
			l, r = nil, nil
			for k := range lhsN {
				l, r = append(l, strings.TrimSpace(pr.text(lhsN[k]))), append(r, strings.TrimSpace(pr.text(rhsN[k])))
			}
		}
		in := "((" + strings.Join(r, ", ") + ") IN (SELECT " + strings.Join(l, ", ") + " FROM " + before + " AS " + fullJoinTable
		if len(leftOnly) > 0 {
			var w []string
			for _, c := range leftOnly {
				w = append(w, strings.TrimSpace(pr.text(c)))
			}
			in += " WHERE " + strings.Join(w, " AND ")
		}
		in += ")) IS TRUE"
		for _, c := range rightOnly {
			in = "(" + strings.TrimSpace(pr.text(c)) + ") IS TRUE AND " + in
		}
		return text + " UNION ALL SELECT " + unmatched + " FROM " + rel + " WHERE NOT (" + in + ")"
	}
	return step, apply, true
}

// usingNames are the columns of f's USING, none without one.
func (f *fromInfo) usingNames() []string {
	if f.joinUsing == nil {
		return nil
	}
	var out []string
	for _, c := range f.joinUsing.list {
		out = append(out, c.name)
	}
	return out
}

// columnFold is the column of cols named name, whatever its case.
func columnFold(cols []string, name string) string {
	for _, c := range cols {
		if strings.EqualFold(c, name) {
			return c
		}
	}
	return name
}
