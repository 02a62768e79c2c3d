package dialect

import "strings"

// SQLite runs a FULL (or RIGHT) JOIN as a loop over the left rows with the
// right side scanned for each, building no automatic index on it: two
// tables of 60,000 rows take minutes, where a LEFT JOIN takes milliseconds.
// A SELECT that only filters and projects the join's rows is the union of
// the left side's rows, each with its match (LEFT JOIN; an inner JOIN for
// RIGHT), and the right rows without one, beside empty left relations:
//
//	SELECT ... FROM a FULL JOIN b ON a.k = b.k WHERE w
//	SELECT ... FROM a LEFT JOIN b ON a.k = b.k WHERE w
//	UNION ALL
//	SELECT ... FROM (SELECT * FROM a WHERE 0) AS a RIGHT JOIN b ON a.k = b.k
//	WHERE (w) AND NOT (((b.k) IN (SELECT a.k FROM a)) IS TRUE)
//
// Every name, *, USING column and column name stays as written: the left
// relations keep their aliases and columns, empty, and the RIGHT JOIN over
// an empty left side gives the right rows with NULLs as the warehouse does.
// The unmatched right rows are found by IN, computed once; IS TRUE makes a
// NULL key unmatched. The ON condition must hold an equality of a left side
// and a right side; beside conditions on one side, another reading both
// (a.d < b.d) makes the test matchedRightRows'. The SELECT must not
// group, aggregate, use windows or QUALIFY, and the joins after it must not
// be RIGHT or FULL. Otherwise the join is left as written.

// fullJoinsAsUnions rewrites the FULL and RIGHT JOINs under n that can be
// unions.
func (t *translator) fullJoinsAsUnions(n *node) {
	if t.d == SQLite {
		return
	}
	for _, k := range n.kids {
		t.fullJoinsAsUnions(k)
	}
	if n.kind == nQuery {
		for _, b := range n.list {
			if b.kind == nSelect && !t.fullJoinChainAsTable(n, b) {
				t.fullJoinAsUnion(n, b)
			}
		}
	}
}

// outerJoinRight is the FROM item brought in by s's one FULL or RIGHT
// JOIN, and its place; -1 when there is none or more than one.
func outerJoinRight(s *node) int {
	at := -1
	for i, r := range s.sel.from {
		if k := r.from.joinKind; strings.Contains(k, "full") || strings.Contains(k, "right") {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

func (t *translator) fullJoinAsUnion(q, s *node) {
	info := s.sel
	f := info.fromClause
	if f == nil || rewritten(s) || rewritten(f) || t.fromSkips[f] != nil || info.qualify != nil || info.distinctOn != nil ||
		info.topTok >= 0 || info.connectTok >= 0 || info.windowAfter != 0 || info.asStruct || info.asValue ||
		len(info.unnests) > 0 || info.scope == nil {
		return
	}
	at := outerJoinRight(s)
	if at < 1 {
		return
	}
	rels := info.from[:at+1]
	right := rels[at].from
	if right.joinKind != "full" && right.joinKind != "full outer" && right.joinKind != "right" && right.joinKind != "right outer" {
		return
	}
	for i, r := range rels {
		fi := r.from
		if fi.kind != fromTable && fi.kind != fromQuery || fi.lateral >= 0 || fi.pivot != nil || fi.fileFunc || fi.aliasOrName() == "" {
			return
		}
		if i > 0 && i < at && !t.joinedByWord(fi) {
			return // a comma binds the join differently in the warehouse
		}
		if i > 0 && i < at && fi.joinKind != "" && fi.joinKind != "inner" && fi.joinKind != "left" && fi.joinKind != "left outer" && fi.joinKind != "cross" {
			return
		}
		if fi.aliasStart < 0 && t.namesThreeParts(s) {
			return // schema.table.column, which the empty relation's alias does not give
		}
	}
	if !t.joinedByWord(right) || t.usingInstants[right] || right.joinOn != nil && rewritten(right.joinOn) ||
		right.joinUsing != nil && rewritten(right.joinUsing) || strings.Contains(right.joinKind, "natural") {
		return // (USING of instants compares them as instants: using_instants.go)
	}
	cols := make([][]string, len(rels))
	for i, r := range rels {
		c, err := t.relColumns(r.from, info.scope)
		if err != nil {
			return
		}
		cols[i] = c
	}
	m, ok := t.unmatchedRight(rels, cols)
	if !ok {
		return
	}
	j := &outerJoin{f: f, rels: rels, cols: cols, at: at, matched: m, joinTok: right.joinTok, outerTok: -1, full: strings.HasPrefix(right.joinKind, "full")}
	for i := j.joinTok + 1; i < len(t.toks) && t.toks[i].lower != "join"; i++ {
		if t.toks[i].lower == "outer" {
			j.outerTok = i
		}
	}
	if info.group != nil || info.having != nil || hasAggregateItem(info.items) || hasWindowItem(info.items) {
		t.fullJoinAsTable(q, s, j)
		return
	}
	wrap := len(q.list) > 1
	if !wrap && q.y != nil && !t.ordersByOutputNames(s, q.y) {
		return
	}
	j.emptyLeft()
	union := " UNION ALL "
	if s.tok2 > 0 && t.toks[s.tok2].lower == "distinct" {
		union = " UNION "
	}
	w := info.where
	s.print = func(pr *printer, n *node) string {
		filter := j.unmatchedFilter(pr)
		matched := j.printMatched(pr, func() string { return pr.plain(n) })
		var wPre, wPost, fPost string
		if w != nil {
			wPre, wPost = w.pre, w.post
			w.pre, w.post = "("+wPre, wPost+") AND "+filter
		} else {
			fPost = f.post
			f.post = fPost + " WHERE " + filter
		}
		unmatched := j.printUnmatched(pr, func() string { return pr.plain(n) })
		if w != nil {
			w.pre, w.post = wPre, wPost
		} else {
			f.post = fPost
		}
		text := strings.TrimRight(matched, " \t\r\n")
		tail := matched[len(text):]
		if wrap {
			return "SELECT * FROM (" + text + union + strings.TrimSpace(unmatched) + ")" + tail
		}
		return text + union + strings.TrimSpace(unmatched) + tail
	}
}

// outerJoin is a FULL or RIGHT JOIN being rewritten: the FROM list f, its
// relations up to the join's right side rels[at], the test that a right row
// has a match, and the join's words.
type outerJoin struct {
	f                 *node
	cols              [][]string // the columns of each of rels
	rels              []*node
	at                int
	matched           func(pr *printer, from string) string
	joinTok, outerTok int
	full              bool
	emptying          bool // the left relations print empty
}

// emptyLeft makes the left relations print as empty relations of their
// name and columns while the right rows without a match print.
func (j *outerJoin) emptyLeft() {
	for _, r := range j.rels[:j.at] {
		old := r.print
		alias := quoteIdent(r.from.aliasOrName())
		r.print = func(pr *printer, n *node) string {
			text := pr.plain(n)
			if old != nil {
				text = old(pr, n)
			}
			if !j.emptying {
				return text
			}
			return "(SELECT * FROM " + strings.TrimSpace(text) + " WHERE 0) AS " + alias
		}
	}
}

// unmatchedFilter is the condition that a right row has no match, on one line.
func (j *outerJoin) unmatchedFilter(pr *printer) string {
	pr.flat++
	defer func() { pr.flat-- }()
	return "NOT (" + j.matched(pr, pr.span(j.f, j.f.start, j.joinTok)) + ")"
}

// printMatched prints the left rows with their matches: the join as a
// LEFT JOIN (an inner JOIN for RIGHT).
func (j *outerJoin) printMatched(pr *printer, print func() string) string {
	saved := pr.saveToks(j.joinTok, j.outerTok)
	defer saved.restore(pr)
	if j.full {
		pr.setTok(j.joinTok, "LEFT")
	} else {
		pr.setTok(j.joinTok, "INNER")
		if j.outerTok >= 0 {
			pr.setTok(j.outerTok, "")
		}
	}
	return print()
}

// printUnmatched prints the right rows beside the empty left relations,
// on one line: the join as a RIGHT JOIN.
func (j *outerJoin) printUnmatched(pr *printer, print func() string) string {
	saved := pr.saveToks(j.joinTok, j.outerTok)
	defer saved.restore(pr)
	pr.setTok(j.joinTok, "RIGHT")
	j.emptying = true
	pr.flat++
	defer func() { j.emptying = false; pr.flat-- }()
	return print()
}

// joinedByWord tells whether the FROM item f comes after JOIN, not after a
// comma.
func (t *translator) joinedByWord(f *fromInfo) bool {
	return f.joinTok > 0 && t.toks[f.joinTok].kind == kWord
}

// unmatchedRight reads the ON (or USING) condition of the last of rels, the
// right side of the outer join, as the test that a right row has a match:
// its equalities of a left and a right expression as IN of the left
// values, its conditions on the right side alone beside it, and those on
// the left side alone in the IN's WHERE. The function gets the text of the
// left side's FROM list; false when the condition is of another form.
// cols are the columns of each of rels.
func (t *translator) unmatchedRight(rels []*node, cols [][]string) (func(pr *printer, from string) string, bool) {
	right := rels[len(rels)-1].from
	left := rels[:len(rels)-1]
	if right.joinUsing != nil {
		var lhs, rhs []string
		for _, c := range right.joinUsing.list {
			owner := -1
			for i := range left {
				if containsFold(cols[i], c.name) {
					owner = i
					break
				}
			}
			if owner < 0 || !containsFold(cols[len(rels)-1], c.name) {
				return nil, false
			}
			lhs = append(lhs, quoteIdent(left[owner].from.aliasOrName())+"."+quoteIdent(c.name))
			rhs = append(rhs, quoteIdent(right.aliasOrName())+"."+quoteIdent(c.name))
		}
		if len(lhs) == 0 {
			return nil, false
		}
		return func(pr *printer, from string) string {
			return "((" + strings.Join(rhs, ", ") + ") IN (SELECT " + strings.Join(lhs, ", ") + " FROM " + strings.TrimSpace(from) + ")) IS TRUE"
		}, true
	}
	if right.joinOn == nil {
		return nil, false
	}
	// sideOf is 1 for a left relation's names only, 2 for the right's, 3
	// for both, 0 for none, -1 when a name is not told apart
	var sideOf func(n *node) int
	sideOf = func(n *node) int {
		switch n.kind {
		case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda, nListFor, nStar:
			return -1
		case nName:
			first := strings.ToLower(identName(t.toks[n.parts[0]]))
			found := 0
			for i, r := range rels {
				side := 1
				if i == len(rels)-1 {
					side = 2
				}
				if len(n.parts) >= 2 && r.from.aliasOrName() == first || len(n.parts) == 1 && containsFold(cols[i], first) {
					if found != 0 && found != side {
						return -1
					}
					found = side
				}
			}
			if found == 0 {
				return -1
			}
			return found
		}
		return kidsSide(n, sideOf)
	}
	on, ok := splitJoinOn(right.joinOn, sideOf)
	if !ok || len(on.lhs) == 0 {
		return nil, false
	}
	if len(on.both) > 0 {
		rightRel, rightCols := rels[len(rels)-1], cols[len(rels)-1]
		return func(pr *printer, from string) string {
			return matchedRightRows(right.aliasOrName(), rightCols, strings.TrimSpace(from), strings.TrimSpace(pr.text(rightRel)),
				strings.TrimSpace(pr.text(right.joinOn)))
		}, true
	}
	lhs, rhs, leftOnly, rightOnly := on.lhs, on.rhs, on.leftOnly, on.rightOnly
	texts := func(pr *printer, list []*node) []string {
		out := make([]string, len(list))
		for i, n := range list {
			out[i] = strings.TrimSpace(pr.text(n))
		}
		return out
	}
	return func(pr *printer, from string) string {
		in := "((" + strings.Join(texts(pr, rhs), ", ") + ") IN (SELECT " + strings.Join(texts(pr, lhs), ", ") + " FROM " + strings.TrimSpace(from)
		if len(leftOnly) > 0 {
			in += " WHERE " + strings.Join(texts(pr, leftOnly), " AND ")
		}
		in += ")) IS TRUE"
		for _, c := range texts(pr, rightOnly) {
			in = "(" + c + ") IS TRUE AND " + in
		}
		return in
	}, true
}

// matchedRightRows is the test that a row of the right relation (alias,
// its columns cols) has a match when the ON condition cond reads both sides
// beyond equalities: its values are among those of the right rows the
// inner join of the left side's FROM list from and the relation rel gives,
// found once, by the equalities through an automatic index (a correlated
// EXISTS would scan the left side for every right row). quote() makes
// NULL a value and keeps 1 and '1' apart, so equal rows, which match
// alike, are one key.
func matchedRightRows(alias string, cols []string, from, rel, cond string) string {
	keys := make([]string, len(cols))
	for i, c := range cols {
		keys[i] = "quote(" + quoteIdent(alias) + "." + quoteIdent(c) + ")"
	}
	k := strings.Join(keys, ", ")
	return "((" + k + ") IN (SELECT " + k + " FROM " + from + " JOIN " + rel + " ON " + cond + ")) IS TRUE"
}

// joinOnParts is a join's ON condition read as the test that a right row
// has a match: its equalities of a left and a right expression (lhs[i] =
// rhs[i]), its conditions on the left or the right side alone, and its
// other conditions reading both sides (a.d < b.d).
type joinOnParts struct{ lhs, rhs, leftOnly, rightOnly, both []*node }

// splitJoinOn reads the conjuncts of on through side: 1 for an expression
// of the left relations only, 2 of the right one, 3 of both, 0 of none, -1
// for one whose names it cannot tell apart. false when a side is not told.
func splitJoinOn(on *node, side func(*node) int) (p joinOnParts, ok bool) {
	for _, c := range conjuncts(on) {
		switch side(c) {
		case -1:
			return p, false
		case 0, 2:
			p.rightOnly = append(p.rightOnly, c)
		case 1:
			p.leftOnly = append(p.leftOnly, c)
		case 3:
			if c.kind != nBinary || c.name != "=" && c.name != "==" || rewritten(c) {
				p.both = append(p.both, c)
				continue
			}
			x, y := side(c.x), side(c.y)
			switch {
			case x == 1 && y == 2:
				p.lhs, p.rhs = append(p.lhs, c.x), append(p.rhs, c.y)
			case x == 2 && y == 1:
				p.lhs, p.rhs = append(p.lhs, c.y), append(p.rhs, c.x)
			case x < 0 || y < 0:
				return p, false
			default:
				p.both = append(p.both, c)
			}
		}
	}
	return p, true
}

// kidsSide is the side (as splitJoinOn reads it) of n's kids together: -1
// when one of them is -1.
func kidsSide(n *node, side func(*node) int) int {
	s := 0
	for _, k := range n.kids {
		ks := side(k)
		if ks < 0 {
			return -1
		}
		s |= ks
	}
	return s
}

// ordersByOutputNames tells whether every term of the ORDER BY o of a query
// whose one body is s is a column s gives, by name or by place: what the
// ORDER BY of a UNION may name.
func (t *translator) ordersByOutputNames(s, o *node) bool {
	cols, err := t.selectColumns(s)
	if err != nil {
		return false
	}
	for _, it := range o.list {
		x := unparen(it.x)
		switch {
		case x == nil:
			return false
		case x.kind == nLit && t.toks[x.start].kind == kNumber:
		case x.kind == nName && len(x.parts) == 1 && containsFold(cols, identName(t.toks[x.parts[0]])):
		default:
			return false
		}
	}
	return true
}

// savedToks are the texts of tokens a rewrite sets while it prints.
type savedToks struct {
	toks   []int
	edit   []string
	edited []bool
}

func (pr *printer) saveToks(toks ...int) savedToks {
	s := savedToks{}
	for _, i := range toks {
		if i >= 0 {
			s.toks = append(s.toks, i)
			s.edit = append(s.edit, pr.edit[i])
			s.edited = append(s.edited, pr.edited[i])
		}
	}
	return s
}

func (s savedToks) restore(pr *printer) {
	for k, i := range s.toks {
		pr.edit[i], pr.edited[i] = s.edit[k], s.edited[k]
	}
}
