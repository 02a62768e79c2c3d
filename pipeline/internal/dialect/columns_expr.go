package dialect

import (
	"fmt"
	"regexp"
	"strings"
)

// DuckDB's COLUMNS(...) in a select item repeats the item once per column
// it selects, each copy named after its column (max(COLUMNS(*)) gives
// columns id, amount): COLUMNS(*) and COLUMNS(t.* EXCLUDE (...) REPLACE
// (...)) select what the star does, COLUMNS('regex') the columns whose
// name the regular expression matches a part of (RE2, Go's regexp, like
// DuckDB's), COLUMNS(['a', 'b']) those named, in the relations' order. The columns
// of the relations read must be known; elsewhere than in a select item,
// with an alias, or with a lambda, COLUMNS is refused.

// markColumns records the COLUMNS(...) calls of the select items of s,
// which the select's rewrite expands, so that the call rewrite leaves them.
func (t *translator) markColumns(s *node) {
	if t.d != DuckDB {
		return
	}
	for _, it := range s.sel.items {
		if it.kind == nItem {
			for _, c := range columnsCalls(it.x) {
				t.columnsCall[c] = true
			}
		}
	}
}

// columnsCalls are the COLUMNS(...) calls of x outside subqueries.
func columnsCalls(x *node) []*node {
	if x == nil || x.kind == nSelect {
		return nil
	}
	if x.kind == nCall && x.name == "columns" && x.x == nil {
		return []*node{x}
	}
	var out []*node
	for _, k := range x.kids {
		out = append(out, columnsCalls(k)...)
	}
	return out
}

// itemColumns lists the columns the COLUMNS(...) item it of s expands to;
// nil when it has no COLUMNS call.
func (t *translator) itemColumns(s, it *node) ([]starColumn, error) {
	if it.kind != nItem || t.d != DuckDB {
		return nil, nil
	}
	calls := columnsCalls(it.x)
	if len(calls) == 0 {
		return nil, nil
	}
	if it.name != "" {
		return nil, fmt.Errorf("an alias names every column it gives alike")
	}
	for _, c := range calls[1:] {
		if len(c.list) != 1 || len(calls[0].list) != 1 || t.source(c.list[0]) != t.source(calls[0].list[0]) {
			return nil, fmt.Errorf("its COLUMNS(...) calls differ")
		}
	}
	call := calls[0]
	if len(call.list) != 1 {
		return nil, fmt.Errorf("COLUMNS takes one argument")
	}
	arg := call.list[0]
	var cols []starColumn
	var err error
	switch arg.kind {
	case nStar:
		cols, err = t.starColumns(s, arg)
	case nString:
		re, rerr := regexp.Compile(stringValue(t.d, t.toks[skipSpace(t.toks, arg.start)].text))
		if rerr != nil {
			return nil, fmt.Errorf("its regular expression does not compile: %v", rerr)
		}
		all, serr := t.starColumns(s, &node{kind: nStar})
		for _, c := range all {
			if re.MatchString(c.name) {
				cols = append(cols, c)
			}
		}
		err = serr
	case nArray:
		// the columns named, in the relations' order, as DuckDB gives them
		all, serr := t.starColumns(s, &node{kind: nStar})
		if serr != nil {
			return nil, serr
		}
		named := map[string]bool{}
		for _, e := range arg.list {
			if e.kind != nString {
				return nil, fmt.Errorf("its list must hold column names as strings")
			}
			name := strings.ToLower(stringValue(t.d, t.toks[skipSpace(t.toks, e.start)].text))
			found := false
			for _, c := range all {
				found = found || strings.EqualFold(c.name, name)
			}
			if !found {
				return nil, fmt.Errorf("%s is not a column of the relations read", name)
			}
			named[name] = true
		}
		for _, c := range all {
			if named[strings.ToLower(c.name)] {
				cols = append(cols, c)
			}
		}
	default:
		return nil, fmt.Errorf("it takes *, a regular expression or a list of column names")
	}
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("it selects no column")
	}
	for _, c := range cols {
		if c.replace == nil && strings.Contains(c.expr, " AS ") {
			return nil, fmt.Errorf("the columns of an UNNEST without an alias list are not known")
		}
	}
	return cols, nil
}

// rewriteColumns prints each COLUMNS(...) item of s once per column.
func (t *translator) rewriteColumns(s *node) {
	for _, it := range s.sel.items {
		calls := columnsCalls(it.x)
		if it.kind != nItem || len(calls) == 0 || t.d != DuckDB {
			continue
		}
		cols, err := t.itemColumns(s, it)
		if err != nil {
			t.refuse(calls[0].tok, refColumnsHere, err.Error())
			continue
		}
		var cur *starColumn
		for _, c := range calls {
			c.print = func(pr *printer, _ *node) string {
				if cur.replace != nil {
					return "(" + strings.TrimSpace(pr.text(cur.replace.x)) + ")"
				}
				return cur.expr
			}
		}
		it.print = func(pr *printer, n *node) string {
			parts := make([]string, len(cols))
			pr.flat++
			for i := range cols {
				cur = &cols[i]
				parts[i] = strings.TrimSpace(pr.text(it.x)) + " AS " + quoteIdent(cols[i].name)
			}
			pr.flat--
			return strings.Join(parts, ", ") + pr.carry(n)
		}
	}
}
