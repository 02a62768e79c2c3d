package dialect

import (
	"fmt"
	"strconv"
	"strings"
)

// DuckDB's SELECT DISTINCT ON (k, ...) keeps one row per key: the first in
// the order of the query's ORDER BY (any one without it). SQLite has no
// such clause, so the rows are numbered per key in that order and the
// first kept:
//
//	SELECT cols FROM (SELECT *, row_number() OVER (PARTITION BY k ORDER BY o)
//	AS _nexus_rn FROM (SELECT ..., e AS _nexus_on1 FROM ...)) WHERE _nexus_rn = 1
//
// and the query's ORDER BY and LIMIT apply to that. As in DuckDB, a key or
// an ORDER BY item that is a position or the name of a select item means
// that item (its alias wins over a column of the relations read); any other
// expression is computed on the relations read, in a hidden column.

// distinctRow numbers the rows of each DISTINCT ON key.
const distinctRow = "_nexus_rn"

// rewriteDistinctOn rewrites SELECT s with DISTINCT ON; order is the ORDER
// BY of the query s is the only body of, or nil.
func (t *translator) rewriteDistinctOn(s, order *node) {
	info := s.sel
	on := info.distinctOn
	if t.d != DuckDB {
		t.refuse(on.start, refDistinctOn, dialectName(t.d))
		return
	}
	if info.qualify != nil || len(info.unnests) > 0 || s.print != nil {
		t.refuse(on.start, refDistinctOnHere, "it cannot be combined with QUALIFY or unnest() in one SELECT")
		return
	}
	names, err := t.selectColumns(s)
	if err == nil {
		err = uniqueNames(names)
	}
	if err != nil {
		t.refuse(on.start, refDistinctOnHere, err.Error())
		return
	}
	// item is the select item x stands for, quoted, or "".
	item := func(x *node) string {
		if x.kind == nLit {
			if n, err := strconv.Atoi(t.toks[x.start].text); err == nil && n >= 1 && n <= len(names) {
				return quoteIdent(names[n-1])
			}
		}
		if x.kind == nName && len(x.parts) == 1 {
			name := identName(t.toks[x.parts[0]])
			for _, c := range names {
				if strings.EqualFold(c, name) {
					return quoteIdent(c)
				}
			}
		}
		return ""
	}
	var hidden []*node // computed on the relations read, as _nexus_onN / _nexus_ordN
	var hiddenNames, keys []string
	for _, k := range on.list {
		if c := item(k); c != "" {
			keys = append(keys, t.onIntervalKey(s, k, c))
			continue
		}
		t.aliasesIn(s, k)
		name := "_nexus_on" + itoa(len(keys)+1)
		hidden, hiddenNames, keys = append(hidden, k), append(hiddenNames, name), append(keys, t.onIntervalKey(s, k, name))
	}
	inHidden := false // printing the hidden columns: an ORDER BY item's own text
	var sortBy func(pr *printer) string
	switch {
	case order != nil && order.name == "all":
		dir := t.orderAllDir(order)
		all := make([]string, len(names))
		for i, c := range names {
			all[i] = quoteIdent(c) + dir
		}
		sortBy = func(*printer) string { return strings.Join(all, ", ") }
	case order != nil:
		for i, o := range order.list {
			x := o.x
			if c := item(x); c != "" {
				if x.kind == nLit {
					x.print = printAs(c) // a position is a constant in a window
				}
				continue
			}
			t.aliasesIn(s, x)
			name := "_nexus_ord" + itoa(i+1)
			hidden, hiddenNames = append(hidden, x), append(hiddenNames, name)
			// the hidden column holds the item as ordered (interval_key()
			// of an interval): the ORDER BY reads the column alone
			before, pre, post := x.print, x.pre, x.post
			x.pre, x.post = "", ""
			x.print = func(pr *printer, n *node) string {
				switch {
				case !inHidden:
					return name + pr.carry(n)
				case before != nil:
					return pre + before(pr, n) + post
				}
				return pre + pr.plain(n) + post
			}
		}
		sortBy = func(pr *printer) string {
			items := make([]string, len(order.list))
			for i, o := range order.list {
				items[i] = strings.TrimSpace(pr.text(o))
			}
			return strings.Join(items, ", ")
		}
	}
	// DISTINCT and the spaces around ON (...) go, their line breaks stay
	for i := s.tok2; i < on.start; i++ {
		t.pr.dropTok(i)
	}
	if on.end < len(t.toks) && t.toks[on.end].kind == kSpace {
		t.pr.dropTok(on.end)
	}
	on.print = func(pr *printer, n *node) string { return pr.carry(n) }
	cols := make([]string, len(names))
	for i, c := range names {
		cols[i] = quoteIdent(c)
	}
	last := info.items[len(info.items)-1]
	var post *string // last's own text after it; the SELECT may print more than once
	s.print = func(pr *printer, n *node) string {
		if post == nil {
			post = new(string)
			*post = last.post
		}
		pr.flat++
		extra := ""
		inHidden = true
		for i, h := range hidden {
			extra += ", " + strings.TrimSpace(pr.text(h)) + " AS " + hiddenNames[i]
		}
		inHidden = false
		window := "row_number() OVER (PARTITION BY " + strings.Join(keys, ", ")
		if sortBy != nil {
			window += " ORDER BY " + sortBy(pr)
		}
		pr.flat--
		last.post = *post + extra
		return "SELECT " + strings.Join(cols, ", ") + " FROM (SELECT *, " + window + ") AS " + distinctRow +
			" FROM (" + pr.plain(n) + ")) WHERE " + distinctRow + " = 1"
	}
}

// aliasesIn makes each name in x that is the alias of an item of SELECT s,
// and no column of the relations read, stand for the item's expression:
// DuckDB reads the expressions of DISTINCT ON and ORDER BY so (a column
// wins, as for lateral aliases; when the columns are not known the name
// is left for SQLite).
func (t *translator) aliasesIn(s, x *node) {
	switch x.kind {
	case nSubquery, nArraySub, nExists, nLambda:
		return
	case nName:
		if x.print != nil {
			return
		}
		name := identName(t.toks[x.parts[0]])
		for _, it := range s.sel.items {
			if it.kind == nItem && it.name == name {
				if found, known := t.inputColumn(s.sel.scope, name); !found && known {
					t.rewriteLateralAlias(x, it)
				}
				return
			}
		}
		return
	}
	for _, k := range x.kids {
		t.aliasesIn(s, k)
	}
}

// uniqueNames fails when two columns share a name, case aside.
func uniqueNames(names []string) error {
	seen := map[string]bool{}
	for _, c := range names {
		if seen[strings.ToLower(c)] {
			return fmt.Errorf("the name %s occurs twice among the selected columns", c)
		}
		seen[strings.ToLower(c)] = true
	}
	return nil
}
