package dialect

import "strings"

// A WHERE condition written as OR branches that each hold the same
// comparison, such as (ss.k = hd.k AND hd.n = 1) OR (ss.k = hd.k AND
// hd.n = 3), joins the warehouse's tables by that comparison: its planner
// takes it out of the OR. SQLite cannot use a comparison inside OR branches
// to join by, and reads the cross product of the tables instead, for
// minutes. So the comparisons every branch holds are written once more
// beside the WHERE, where SQLite can use them. The answer is unchanged:
// when every branch of O holds c, O AND c is O (in three-valued logic too).

// factorOrConditions adds to s's WHERE the comparisons every branch of one
// of its OR conditions holds.
func (t *translator) factorOrConditions(s *node) {
	w := s.sel.where
	if t.d == SQLite || w == nil {
		return
	}
	seen := map[string]bool{}
	for _, c := range conjuncts(w) {
		seen[t.condKey(c)] = true
	}
	var extra []*node
	for _, c := range conjuncts(w) {
		for _, f := range t.sharedTerms(c) {
			if k := t.condKey(f); !seen[k] {
				seen[k] = true
				extra = append(extra, f)
			}
		}
	}
	if len(extra) == 0 {
		return
	}
	old, pre, post := w.print, w.pre, w.post
	w.pre, w.post = "", ""
	w.print = func(pr *printer, n *node) string {
		body := ""
		if old != nil {
			body = old(pr, n)
		} else {
			body = pr.plain(n)
		}
		var b strings.Builder
		b.WriteString("(" + pre + body + post + ")")
		pr.flat++
		for _, f := range extra {
			b.WriteString(" AND (" + strings.TrimSpace(pr.text(f)) + ")")
		}
		pr.flat--
		return b.String()
	}
}

// orTerms is the branches of n's OR chain, parentheses aside.
func orTerms(n *node) []*node {
	n = unparen(n)
	if n.kind == nBinary && n.name == "or" {
		return append(orTerms(n.x), orTerms(n.y)...)
	}
	return []*node{n}
}

// unparen is n without the parentheses around it.
func unparen(n *node) *node {
	for n.kind == nParen && n.x != nil {
		n = n.x
	}
	return n
}

// sharedTerms is the plain comparisons every branch of the OR condition c
// holds among its AND terms, as the first branch writes them.
func (t *translator) sharedTerms(c *node) []*node {
	branches := orTerms(c)
	if len(branches) < 2 {
		return nil
	}
	count := map[string]int{}
	for _, b := range branches {
		once := map[string]bool{}
		for _, a := range conjuncts(b) {
			if k := t.condKey(a); plainComparison(a) && !once[k] {
				once[k] = true
				count[k]++
			}
		}
	}
	var out []*node
	for _, a := range conjuncts(branches[0]) {
		if k := t.condKey(a); plainComparison(a) && count[k] == len(branches) {
			count[k] = 0
			out = append(out, a)
		}
	}
	return out
}

// plainComparison tells whether n compares columns, literals and their
// arithmetic: no call (which may be volatile or costly) and no subquery.
func plainComparison(n *node) bool {
	switch n.kind {
	case nBinary:
		switch n.name {
		case "=", "==", "<>", "!=", "<", ">", "<=", ">=":
			return plainOperand(n.x) && plainOperand(n.y)
		}
	case nBetween:
		return plainOperand(n.x) && plainOperand(n.y) && plainOperand(n.z)
	}
	return false
}

func plainOperand(n *node) bool {
	if n == nil {
		return false
	}
	switch n.kind {
	case nName, nLit, nString:
		return true
	case nParen:
		return plainOperand(n.x)
	case nUnary:
		return n.name == "-" && plainOperand(n.x)
	case nBinary:
		switch n.name {
		case "+", "-", "*":
			return plainOperand(n.x) && plainOperand(n.y)
		}
	}
	return false
}

// condKey is the text that tells two conditions are the same: the tokens
// without spaces and comments, words in lower case.
func (t *translator) condKey(n *node) string {
	var b strings.Builder
	for i := n.start; i < n.end; i++ {
		switch tk := t.toks[i]; tk.kind {
		case kSpace, kComment:
		case kWord:
			b.WriteString(tk.lower)
			b.WriteByte(' ')
		default:
			b.WriteString(tk.text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
