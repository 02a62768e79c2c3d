package dialect

import "strings"

// DuckDB's SEMI JOIN and ANTI JOIN keep the rows of the left side that
// have (have no) match on the right, each once, with the left side's
// columns only. SQLite has neither: the left FROM item becomes a subquery
// filtered by EXISTS (NOT EXISTS), and the join goes:
//
//	FROM a AS x SEMI JOIN b ON x.id = b.id
//	FROM (SELECT * FROM a AS x WHERE EXISTS (SELECT 1 FROM b WHERE x.id = b.id)) AS x
//
// After another join the left side is that join's rows: the filter goes to
// the WHERE, which is the same as long as no RIGHT or FULL JOIN follows
// (their rows without a match on the left would be filtered too).
//
// ASOF joins are asof_join.go's, POSITIONAL joins positional_join.go's.

// hidden tells whether a FROM item's columns are not the SELECT's: a
// parenthesised join (its items are listed on their own) or the right
// side of a SEMI or ANTI join.
func (f *fromInfo) hidden() bool {
	return f.kind == fromGroup || f.joinKind == "semi" || f.joinKind == "anti"
}

// rewriteJoins rewrites or refuses the DuckDB joins of s.
func (t *translator) rewriteJoins(s *node) {
	f := s.sel.fromClause
	var filters []func(pr *printer) string
	var hooks []func(pr *printer)
	for _, r := range s.sel.from {
		fi := r.from
		if fi.ordinality >= 0 {
			t.refuse(fi.ordinality, refOrdinality)
		}
		if fi.stage {
			t.refuse(r.start, refStage)
		}
		switch fi.joinKind {
		case "semi", "anti":
			if where := t.rewriteSemiJoin(f, r); where != nil {
				filters = append(filters, where)
			}
		case "asof", "asof left", "asof inner", "asof left outer", "asof right", "asof right outer", "asof full", "asof full outer":
			if hook := t.rewriteAsofJoin(r, s.sel.from); hook != nil {
				hooks = append(hooks, hook)
			}
		case "positional":
			t.rewritePositionalJoin(f, r)
		default:
			t.rewriteInstantUsing(r, s.sel.from)
		}
	}
	if t.fromSkips[f] == nil && len(filters) == 0 && len(hooks) == 0 {
		return
	}
	// the FROM list prints first: its rewrites set the text around the ON
	// conditions in it and around the WHERE after it
	w := s.sel.where
	var saved *[2]string // the WHERE's own text around it; the SELECT may print more than once
	f.print = func(pr *printer, n *node) string {
		for _, h := range hooks {
			h(pr)
		}
		pr.flat++
		conds := make([]string, len(filters))
		for i, c := range filters {
			conds[i] = c(pr)
		}
		pr.flat--
		text := pr.skipping(n, t.fromSkips[n])
		switch {
		case len(conds) == 0:
		case w == nil:
			text += " WHERE " + strings.Join(conds, " AND ")
		default:
			if saved == nil {
				saved = &[2]string{w.pre, w.post}
			}
			w.pre, w.post = "("+saved[0], saved[1]+") AND "+strings.Join(conds, " AND ")
		}
		return text
	}
}

// rewriteSemiJoin writes b, brought in by SEMI or ANTI JOIN in the FROM
// list f, as EXISTS (NOT EXISTS) around the FROM item before it, or, after
// another join, returns that condition for the WHERE.
func (t *translator) rewriteSemiJoin(f, b *node) func(pr *printer) string {
	fi := b.from
	at := -1
	for i, k := range f.kids {
		if k == b {
			at = i
		}
	}
	// the left side must be one FROM item: the first, or one after a comma
	var a *node
	if at > 0 && f.kids[at-1].kind == nFrom {
		a = f.kids[at-1]
		if at >= 2 {
			between := f.kids[at-2].end
			for i := between; i < a.start; i++ {
				if t.toks[i].kind == kWord && t.toks[i].lower == "join" {
					a = nil
					break
				}
			}
		}
	}
	word := strings.ToUpper(fi.joinKind)
	if at < 0 {
		t.refuse(fi.joinTok, refSemiJoinHere, word, "it is inside parentheses")
		return nil
	}
	if a != nil && a.from.lateral >= 0 {
		t.refuse(fi.joinTok, refSemiJoinHere, word, "its left side is LATERAL")
		return nil
	}
	exists := "EXISTS"
	if fi.joinKind == "anti" {
		exists = "NOT EXISTS"
	}
	end := b.end
	var cond func(pr *printer) string
	switch {
	case fi.joinOn != nil:
		end = fi.joinOn.end
		cond = func(pr *printer) string { return strings.TrimSpace(pr.text(fi.joinOn)) }
	case fi.joinUsing != nil && a == nil:
		t.refuse(fi.joinTok, refSemiJoinHere, word, "USING after another join does not say which side's column it compares")
		return nil
	case fi.joinUsing != nil:
		alias := a.from.aliasOrName()
		end = fi.joinUsing.end
		var eqs []string
		for _, c := range fi.joinUsing.list {
			col := quoteIdent(c.name)
			eqs = append(eqs, quoteIdent(alias)+"."+col+" = "+quoteIdent(fi.aliasOrName())+"."+col)
		}
		text := strings.Join(eqs, " AND ")
		cond = func(*printer) string { return text }
	default:
		t.refuse(fi.joinTok, refSemiJoinHere, word, "it has no ON or USING")
		return nil
	}
	if a == nil {
		// after another join: a filter in the WHERE, unless a later RIGHT or
		// FULL JOIN would keep rows the filter would drop
		for _, k := range f.kids[at+1:] {
			if k.kind == nFrom && (strings.Contains(k.from.joinKind, "right") || strings.Contains(k.from.joinKind, "full")) {
				t.refuse(fi.joinTok, refSemiJoinHere, word, "a RIGHT or FULL JOIN follows it")
				return nil
			}
		}
		t.fromSkips[f] = append(t.fromSkips[f], [2]int{fi.joinTok, end})
		return func(pr *printer) string {
			return exists + " (SELECT 1 FROM " + strings.TrimSpace(pr.text(b)) + " WHERE " + cond(pr) + ")"
		}
	}
	alias := a.from.aliasOrName()
	start := fi.joinTok
	old := a.print
	a.print = func(pr *printer, n *node) string {
		left := pr.plain(n)
		if old != nil {
			left = old(pr, n)
		}
		pr.flat++
		right := strings.TrimSpace(pr.text(b))
		on := cond(pr)
		pr.flat--
		as := ""
		if alias != "" {
			as = " AS " + quoteIdent(alias)
		}
		return "(SELECT * FROM " + strings.TrimRight(left, " \t\r\n") + " WHERE " + exists + " (SELECT 1 FROM " + right +
			" WHERE " + on + "))" + as + left[len(strings.TrimRight(left, " \t\r\n")):]
	}
	// the join's own text goes, its line breaks kept
	t.fromSkips[f] = append(t.fromSkips[f], [2]int{start, end})
	return nil
}

// skipping prints n without the tokens of the ranges skip (and the kids
// inside them), keeping their line breaks.
func (pr *printer) skipping(n *node, skip [][2]int) string {
	var b strings.Builder
	i := n.start
	skipped := func(i int) (int, bool) {
		for _, r := range skip {
			if r[0] <= i && i < r[1] {
				return r[1], true
			}
		}
		return 0, false
	}
	copyTo := func(end int) {
		for i < end {
			if to, ok := skipped(i); ok {
				b.WriteString(pr.carryRange(i, to))
				i = to
				continue
			}
			b.WriteString(pr.tokText(i))
			i++
		}
	}
	for _, k := range n.kids {
		copyTo(k.start)
		if i > k.start {
			continue // inside a skipped range
		}
		if to, ok := skipped(k.start); ok {
			b.WriteString(pr.carryRange(i, to))
			i = to
			continue
		}
		pr.write(&b, k)
		i = k.end
	}
	copyTo(n.end)
	return b.String()
}
