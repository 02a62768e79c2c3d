package dialect

import "strings"

// Snowflake's hierarchical query
//
//	SELECT ... FROM t [AS a] START WITH cond CONNECT BY c = PRIOR p [AND ...]
//
// joins t to itself level by level: the rows meeting START WITH (every row
// without it) are level 1, and the rows meeting the CONNECT BY conditions,
// where PRIOR x is x of a row of the level above, are the next level. WHERE,
// GROUP BY and the rest apply to the rows of the hierarchy. It runs as a
// recursive CTE in place of the FROM item, keeping its name:
//
//	FROM (WITH RECURSIVE _nexus_src1 AS MATERIALIZED (SELECT *, row_number()
//	OVER () AS _nexus_rid FROM t), _nexus_h1 AS (SELECT a.*, 1 AS
//	_nexus_level, ... FROM _nexus_src1 AS a WHERE (cond) UNION ALL SELECT
//	a.*, _nexus_prior._nexus_level + 1, ... FROM _nexus_src1 AS a JOIN
//	_nexus_h1 AS _nexus_prior ON (c = _nexus_prior.p)) SELECT * FROM
//	_nexus_h1) AS a
//
// LEVEL is the depth from 1, CONNECT_BY_ROOT x carries x of the level-1 row
// and SYS_CONNECT_BY_PATH(x, sep) appends sep || x at each level, each in a
// hidden column that * leaves out. Each row carries the numbers of the rows
// above it, so a row that is its own ancestor (a cycle, which has no end)
// fails the query, naming the line, where it would recurse for ever.

// hierInfo holds the START WITH and CONNECT BY clauses of a SELECT.
type hierInfo struct {
	startTok, connectTok int // START and CONNECT, or -1
	nocycleTok, dupTok   int // NOCYCLE; a second START WITH or CONNECT BY; or -1
	start                *node
	connect              []*node // the conditions, separated by commas
	commas               []int
}

const (
	hierPrior = "_nexus_prior" // the row a level up, in the recursive step
	hierLevel = "_nexus_level"
	hierRid   = "_nexus_rid"  // a row's number in the FROM item
	hierRids  = "_nexus_rids" // ,n1,n2,...: the numbers of the rows from the root down
)

// hierarchy phases: which copy of an expression is printed
const (
	hierInPlace = iota // the query's own clauses, over the hierarchy's rows
	hierAnchor         // the level-1 rows
	hierStep           // the next level, beside the row above (hierPrior)
)

// hierContext is where an expression of a hierarchical query is.
type hierContext uint8

const (
	hierOuter   hierContext = iota // select list, WHERE, GROUP BY, HAVING, QUALIFY, ORDER BY
	hierStart                      // START WITH: a level-1 row
	hierConnect                    // CONNECT BY: a row of the next level and the row above
)

// rewriteHierarchy rewrites SELECT s with START WITH / CONNECT BY; order
// is the ORDER BY of the query s is the only body of, or nil.
func (t *translator) rewriteHierarchy(s, order *node) {
	info, h := s.sel, s.sel.hier
	span := [2]int{s.start, s.end}
	if order != nil {
		span[1] = max(span[1], order.end)
	}
	t.hierSpans = append(t.hierSpans, span)
	bad := func(i int, why string) { t.refuse(i, refConnectByHere, why) }
	switch {
	case h.connectTok < 0:
		bad(info.connectTok, "START WITH needs CONNECT BY")
		return
	case h.dupTok >= 0:
		bad(h.dupTok, "START WITH or CONNECT BY is written twice")
		return
	case h.nocycleTok >= 0:
		bad(h.nocycleTok, "NOCYCLE, which Snowflake's CONNECT BY does not document")
		return
	case len(info.from) != 1:
		bad(info.connectTok, "a join beside CONNECT BY (Snowflake joins first, then builds the hierarchy)")
		return
	}
	item := info.from[0]
	f := item.from
	if f.kind != fromTable && f.kind != fromQuery || f.pivot != nil || f.aliasCols != nil || f.stage || f.lateral >= 0 ||
		item.print != nil || info.fromClause.print != nil {
		bad(item.start, "CONNECT BY reads a table, a CTE or a subquery here")
		return
	}
	alias := f.alias
	switch {
	case alias == "" && f.kind == fromTable:
		alias = f.table
	case alias == "":
		alias = "_nexus_hier"
	}
	a := quoteIdent(alias)
	num := itoa(len(t.hierNames) + 1)
	src, hn := "_nexus_src"+num, "_nexus_h"+num
	t.hierNames = append(t.hierNames, hn)

	phase, inCheck := hierInPlace, false
	var roots, paths []*node
	ok := true
	priors := 0
	// mark gives the names, PRIOR, CONNECT_BY_ROOT and SYS_CONNECT_BY_PATH
	// in x their text in each copy; underPrior: inside PRIOR's operand;
	// inPath: inside the arguments of SYS_CONNECT_BY_PATH or
	// CONNECT_BY_ROOT, printed in the anchor and the step too.
	var mark func(x *node, ctx hierContext, underPrior, inPath bool)
	mark = func(x *node, ctx hierContext, underPrior, inPath bool) {
		if x == nil || !ok {
			return
		}
		switch x.kind {
		case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda:
			return
		case nUnary:
			switch x.name {
			case "prior":
				if t.doneHier == nil {
					t.doneHier = map[int]bool{}
				}
				t.doneHier[x.tok] = true
				if underPrior {
					bad(x.tok, "PRIOR inside PRIOR")
					ok = false
					return
				}
				priors++
				x.print = func(pr *printer, n *node) string { return pr.text(n.x) + pr.carry(n, n.x) }
				mark(x.x, ctx, true, inPath)
				return
			case "connect_by_root":
				if ctx == hierStart || inPath {
					bad(x.tok, "CONNECT_BY_ROOT in START WITH or inside CONNECT_BY_ROOT or SYS_CONNECT_BY_PATH")
					ok = false
					return
				}
				t.markHierDone(x.tok)
				roots = append(roots, x)
				col := "_nexus_root" + itoa(len(roots))
				x.print = func(pr *printer, n *node) string {
					if ctx == hierConnect || phase == hierStep {
						return hierPrior + "." + col + pr.carry(n)
					}
					return col + pr.carry(n)
				}
				mark(x.x, hierOuter, false, true)
				return
			}
		case nCall:
			if x.name == "sys_connect_by_path" && len(x.parts) <= 1 {
				t.markHierDone(x.tok)
				if ctx != hierOuter || inPath || len(x.list) != 2 {
					bad(x.tok, "SYS_CONNECT_BY_PATH(x, separator) is read in the select list, WHERE, GROUP BY, HAVING, QUALIFY and ORDER BY")
					ok = false
					return
				}
				paths = append(paths, x)
				col := "_nexus_path" + itoa(len(paths))
				x.print = func(pr *printer, n *node) string { return col + pr.carry(n) }
				for _, k := range x.list {
					mark(k, hierOuter, false, true)
				}
				return
			}
		case nName:
			t.markHierName(x, ctx, underPrior, inPath, a, f, &phase, &ok)
			return
		}
		for _, k := range x.kids {
			mark(k, ctx, underPrior, inPath)
		}
	}
	outer := []*node{info.where, info.group, info.having, info.qualify}
	for _, it := range info.items {
		outer = append(outer, it)
	}
	if order != nil {
		outer = append(outer, order)
	}
	for _, x := range outer {
		mark(x, hierOuter, false, false)
	}
	mark(h.start, hierStart, false, false)
	for _, c := range h.connect {
		mark(c, hierConnect, false, false)
	}
	if !ok {
		return
	}
	if priors == 0 {
		bad(h.connectTok, "CONNECT BY without PRIOR: a condition compares a column with PRIOR of another, PRIOR x being x of the row a level up")
		return
	}
	// a bare LEVEL keeps its name
	for _, it := range info.items {
		if it.kind == nItem && it.name == "" && isLevel(t.toks, it.x) {
			it.post += " AS " + quoteIdent(t.toks[it.x.start].text)
		}
	}
	// * is the FROM item's columns, not the hidden ones
	for _, it := range info.items {
		if it.kind != nStar || it.print != nil {
			continue
		}
		cols, err := t.starColumns(s, it)
		if err != nil {
			t.refuse(it.tok, refStar, "SELECT * of a query with CONNECT BY", err.Error())
			return
		}
		exprs := make([]string, len(cols))
		for i, c := range cols {
			exprs[i] = c.expr
		}
		list := strings.Join(exprs, ", ")
		it.print = func(pr *printer, n *node) string { return list + pr.carry(n) }
	}

	line := itoa(t.toks[h.connectTok].line)
	// a number of a known scale is written with its digits, as Snowflake
	// writes it as text
	texts := make([][2]string, len(paths))
	saved := t.sc
	t.sc = info.scope
	for i, p := range paths {
		if fn, args, ok := t.numberText(p.list[0]); ok {
			texts[i] = [2]string{fn + "(", args + ")"}
		}
	}
	t.sc = saved
	// piece is the path's text for one level: sep || x
	piece := func(pr *printer, p *node) string {
		x, sep := strings.TrimSpace(pr.text(p.list[0])), strings.TrimSpace(pr.text(p.list[1]))
		for i, q := range paths {
			if q == p && texts[i][0] != "" {
				x = texts[i][0] + x + texts[i][1]
			}
		}
		return "CASE WHEN (" + x + ") IS NULL THEN error_raised('SYS_CONNECT_BY_PATH at line " + itoa(t.toks[p.tok].line) +
			": a NULL value on the path, whose text Snowflake does not document; give it one, as coalesce(x, '''')') ELSE (" + sep + ") || (" + x + ") END"
	}
	anchorCols := func(pr *printer) string {
		saved := phase
		phase = hierAnchor
		pr.flat++
		b := a + ".*, 1 AS " + hierLevel + ", ',' || " + a + "." + hierRid + " || ',' AS " + hierRids
		for i, r := range roots {
			b += ", (" + strings.TrimSpace(pr.text(r.x)) + ") AS _nexus_root" + itoa(i+1)
		}
		for i, p := range paths {
			b += ", " + piece(pr, p) + " AS _nexus_path" + itoa(i+1)
		}
		pr.flat--
		phase = saved
		return b
	}
	stepCols := func(pr *printer) string {
		saved := phase
		phase = hierStep
		pr.flat++
		b := a + ".*, " + hierPrior + "." + hierLevel + " + 1, " + hierPrior + "." + hierRids + " || " + a + "." + hierRid + " || ','"
		for i := range roots {
			b += ", " + hierPrior + "._nexus_root" + itoa(i+1)
		}
		for i, p := range paths {
			b += ", " + hierPrior + "._nexus_path" + itoa(i+1) + " || " + piece(pr, p)
		}
		pr.flat--
		phase = saved
		return b
	}
	// the cycle check: a row of the next level already above it fails
	cycle := func(pr *printer) string {
		pr.flat++
		inCheck = true
		conds := make([]string, len(h.connect))
		for i, c := range h.connect {
			conds[i] = strings.TrimSpace(pr.text(c))
		}
		inCheck = false
		pr.flat--
		return " AND CASE WHEN (" + strings.Join(conds, ") AND (") + ") AND instr(" + hierPrior + "." + hierRids + ", ',' || " + a + "." + hierRid +
			" || ',') > 0 THEN error_raised('CONNECT BY at line " + line + ": a row is its own ancestor (a cycle in the hierarchy), " +
			"so the hierarchy has no end; break the cycle in the data') ELSE 1 END"
	}
	// Written right after the FROM item, each clause prints in its place;
	// after WHERE (Oracle's order), or START WITH after CONNECT BY, the
	// clauses written elsewhere print with the FROM item, on one line, and
	// only their line breaks stay where they were.
	moved := info.where != nil && info.where.start < info.connectTok
	startFirst := h.start != nil && h.startTok < h.connectTok && !moved
	body := false // print a moved clause's own text
	wrap := func(n *node, pre, post func(pr *printer) string, away bool) {
		before := n.print
		n.print = func(pr *printer, n *node) string {
			text := ""
			if before != nil {
				text = before(pr, n)
			} else {
				text = pr.plain(n)
			}
			switch {
			case inCheck || body:
				return text
			case away:
				return pr.carry(n)
			}
			if pre != nil {
				text = pre(pr) + text
			}
			if post != nil {
				text += post(pr)
			}
			return text
		}
	}
	open := func(pr *printer) string {
		return "SELECT " + stepCols(pr) + " FROM " + src + " AS " + a + " JOIN " + hn + " AS " + hierPrior + " ON ("
	}
	closing := func(pr *printer) string {
		return ")" + cycle(pr) + ") SELECT * FROM " + hn + ") AS " + a
	}
	// flat is the text of moved clauses
	flat := func(pr *printer, n *node) string {
		pr.flat++
		body = true
		text := strings.TrimSpace(pr.text(n))
		body = false
		pr.flat--
		return text
	}
	fc := info.fromClause
	end := item.end
	if f.aliasStart >= 0 && f.aliasStart < end {
		end = f.aliasStart
	}
	fc.print = func(pr *printer, n *node) string {
		from := pr.span(item, item.start, end)
		trimmed := strings.TrimRight(from, " \t\r\n")
		b := "(WITH RECURSIVE " + src + " AS MATERIALIZED (SELECT *, row_number() OVER () AS " + hierRid + " FROM " +
			item.pre + trimmed + "), " + hn + " AS (SELECT " + anchorCols(pr) + " FROM " + src + " AS " + a
		if h.start != nil && !startFirst {
			b += " WHERE (" + flat(pr, h.start) + ")"
		}
		if moved {
			conds := make([]string, len(h.connect))
			for i, c := range h.connect {
				conds[i] = flat(pr, c)
			}
			b += " UNION ALL " + open(pr) + strings.Join(conds, ") AND (") + closing(pr)
		}
		return b + breaks(from[len(trimmed):]) + t.breaksIn(item.start, n.end, item.start, end)
	}
	// keyword pairs: START WITH, CONNECT BY; the spaces after each word
	// go, their line breaks stay
	words := func(i int, first, second string) {
		t.pr.setTok(i, first)
		t.dropSpace(i + 1)
		j := t.nextSig(i)
		t.pr.setTok(j, second)
		t.dropSpace(j + 1)
	}
	if h.start != nil {
		if startFirst {
			words(h.startTok, "WHERE (", "")
		} else {
			words(h.startTok, "", "")
			wrap(h.start, nil, nil, true)
		}
	}
	if moved {
		words(h.connectTok, "", "")
		for _, c := range h.commas {
			t.pr.dropTok(c)
			t.dropSpace(c + 1)
		}
		for _, c := range h.connect {
			wrap(c, nil, nil, true)
		}
		return
	}
	union := "UNION ALL"
	if startFirst {
		union = ") UNION ALL"
	}
	words(h.connectTok, union, " ")
	for _, c := range h.commas {
		t.pr.setTok(c, ") AND (")
		t.dropSpace(c + 1)
	}
	first, last := h.connect[0], h.connect[len(h.connect)-1]
	if first == last {
		wrap(first, open, closing, false)
	} else {
		wrap(first, open, nil, false)
		wrap(last, nil, closing, false)
	}
}

// markHierName gives name x of a hierarchical query its text in each
// copy: LEVEL the depth, a column of the next level qualified by the FROM
// item's name a and one under PRIOR by the row above.
func (t *translator) markHierName(x *node, ctx hierContext, underPrior, inPath bool, a string, f *fromInfo, phase *int, ok *bool) {
	first := t.toks[x.parts[0]]
	if len(x.parts) == 1 && first.kind == kWord && (first.lower == "connect_by_isleaf" || first.lower == "connect_by_iscycle") {
		t.refuse(x.start, refConnectByHere, strings.ToUpper(first.lower)+", which Snowflake's CONNECT BY does not document")
		*ok = false
		return
	}
	before := x.print
	if isLevel(t.toks, x) {
		x.print = func(pr *printer, n *node) string {
			switch {
			case ctx == hierStart || *phase == hierAnchor:
				return "1" + pr.carry(n)
			case ctx == hierConnect || *phase == hierStep:
				return "(" + hierPrior + "." + hierLevel + " + 1)" + pr.carry(n)
			}
			return hierLevel + pr.carry(n)
		}
		return
	}
	if ctx != hierConnect && !inPath {
		return
	}
	qualified := len(x.parts) > 1 && strings.EqualFold(identName(first), f.aliasOrName())
	if len(x.parts) > 1 && !qualified {
		if underPrior {
			t.refuse(x.start, refConnectByHere, "PRIOR of a column of another relation")
			*ok = false
		}
		return
	}
	if before != nil {
		if underPrior {
			t.refuse(x.start, refConnectByHere, "PRIOR of this name")
			*ok = false
		}
		return
	}
	x.print = func(pr *printer, n *node) string {
		if ctx != hierConnect && *phase != hierStep {
			return pr.plain(n)
		}
		q := a
		if underPrior {
			q = hierPrior
		}
		if !qualified {
			return q + "." + pr.plain(n)
		}
		var b strings.Builder
		b.WriteString(q)
		for i := x.parts[0] + 1; i < n.end; i++ {
			b.WriteString(pr.tokText(i))
		}
		return b.String()
	}
}

// isLevel tells whether x is the pseudo-column LEVEL.
func isLevel(toks []token, x *node) bool {
	return x != nil && x.kind == nName && len(x.parts) == 1 && toks[x.parts[0]].kind == kWord && toks[x.parts[0]].lower == "level"
}

// markHierDone notes CONNECT_BY_ROOT or SYS_CONNECT_BY_PATH at token i as
// read by a hierarchical query.
func (t *translator) markHierDone(i int) {
	if t.doneHier == nil {
		t.doneHier = map[int]bool{}
	}
	t.doneHier[i] = true
}

// dropSpace drops token i if it is a space, keeping its line breaks.
func (t *translator) dropSpace(i int) {
	if i < len(t.toks) && t.toks[i].kind == kSpace {
		t.pr.dropTok(i)
	}
}

// nextSig is the first token after i that is not a space or a comment.
func (t *translator) nextSig(i int) int {
	for i++; i < len(t.toks) && (t.toks[i].kind == kSpace || t.toks[i].kind == kComment); i++ {
	}
	return i
}

// breaksIn is the line breaks of the tokens [from, to) outside [skipFrom,
// skipTo).
func (t *translator) breaksIn(from, to, skipFrom, skipTo int) string {
	n := 0
	for i := from; i < to && i < len(t.toks); i++ {
		if i >= skipFrom && i < skipTo {
			continue
		}
		n += strings.Count(t.toks[i].text, "\n")
	}
	return strings.Repeat("\n", n)
}

// inHierarchy tells whether token i is in a query with CONNECT BY.
func (t *translator) inHierarchy(i int) bool {
	for _, s := range t.hierSpans {
		if s[0] <= i && i < s[1] {
			return true
		}
	}
	return false
}
