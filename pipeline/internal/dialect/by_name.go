package dialect

import (
	"fmt"
	"strings"
)

// UNION [ALL] BY NAME (DuckDB, Snowflake) matches the columns of its
// inputs by name, case aside: the result has the first input's columns,
// then those each later input adds, in their order, NULL in the rows of an
// input without them. Set operations apply left to right, so a plain UNION
// after it matches by position against the columns so far. SQLite matches
// by position only: each input is selected again in the result's order,
// SELECT b, a, NULL AS c FROM (input), and an input before a BY NAME that
// adds columns gets NULLs for them at the end.

// hasByName tells whether a set operation of q is BY NAME.
func hasByName(q *node) bool {
	if q.kind != nQuery {
		return false
	}
	for _, op := range q.list2 {
		if op.name == "by name" || isCorresponding(op) {
			return true
		}
	}
	return false
}

// byNamePlan is how each input of a query with BY NAME is selected.
type byNamePlan struct {
	cols []string // the result's columns
	// per input: the columns it selects by name, "" for NULL, or nil
	// when it is matched by position; and how many NULLs end its row
	pick [][]string
	pad  []int
}

// byNameColumns works out the columns of query q, which has a BY NAME set
// operation, and how each input gives them.
func (t *translator) byNameColumns(q *node) (*byNamePlan, error) {
	for _, op := range q.list2 {
		if isCorresponding(op) {
			return t.correspondingColumns(q)
		}
	}
	for _, op := range q.list2 {
		if w := t.toks[op.start].lower; w != "union" {
			return nil, fmt.Errorf("%s in the same query keeps its operands by position", strings.ToUpper(w))
		}
	}
	inputCols := func(b *node) ([]string, error) {
		cols, err := t.queryColumns(b)
		if err != nil {
			return nil, err
		}
		return cols, uniqueNames(cols)
	}
	first, err := inputCols(q.list[0])
	if err != nil {
		return nil, err
	}
	plan := &byNamePlan{cols: append([]string(nil), first...), pick: make([][]string, len(q.list)), pad: make([]int, len(q.list))}
	width := make([]int, len(q.list))
	width[0] = len(first)
	for i, op := range q.list2 {
		b := q.list[i+1]
		if op.name != "by name" {
			width[i+1] = len(plan.cols)
			continue
		}
		cols, err := inputCols(b)
		if err != nil {
			return nil, err
		}
		pick := make([]string, len(plan.cols))
		for j, c := range plan.cols {
			for _, d := range cols {
				if strings.EqualFold(c, d) {
					pick[j] = d
				}
			}
		}
		for _, d := range cols {
			if !containsFold(plan.cols, d) {
				plan.cols = append(plan.cols, d)
				pick = append(pick, d)
			}
		}
		plan.pick[i+1] = pick
		width[i+1] = len(plan.cols)
	}
	for i := range q.list {
		plan.pad[i] = len(plan.cols) - width[i]
	}
	return plan, nil
}

// rewriteByName selects each input of q in the order of the result's
// columns and drops BY NAME; where the columns are not known, or BY NAME
// is not the dialect's, it refuses.
func (t *translator) rewriteByName(q *node) {
	var at *node
	for _, op := range q.list2 {
		if op.name == "by name" || isCorresponding(op) {
			if at == nil {
				at = op
			}
			for i := op.tok2 - 1; i < op.end; i++ {
				if i >= op.tok2 || t.toks[i].kind == kSpace {
					t.pr.dropTok(i) // keeps the line breaks
				}
			}
		}
	}
	what := strings.ToUpper(t.toks[at.start].text)
	if isCorresponding(at) {
		if t.d != BigQuery {
			t.refuse(at.start, refByName, what+" CORRESPONDING", dialectName(t.d))
			return
		}
		plan, err := t.byNameColumns(q)
		if err != nil && at.flag {
			t.refuse(at.start, refBigQueryByName, what, err.Error())
			return
		}
		if err != nil {
			t.refuse(at.start, refCorresponding, what, err.Error())
			return
		}
		t.selectByPlan(q, plan)
		return
	}
	if t.d != DuckDB && t.d != Snowflake || t.toks[at.start].lower != "union" {
		t.refuse(at.start, refByName, what+" BY NAME", dialectName(t.d))
		return
	}
	plan, err := t.byNameColumns(q)
	if err != nil {
		t.refuse(at.start, refByNameColumns, what, err.Error())
		return
	}
	t.selectByPlan(q, plan)
}

// selectByPlan selects each input of q again as plan says.
func (t *translator) selectByPlan(q *node, plan *byNamePlan) {
	for i, b := range q.list {
		pick, pad := plan.pick[i], plan.pad[i]
		if pick == nil && pad == 0 {
			continue
		}
		var items []string
		if pick == nil {
			items = append(items, "*")
		}
		for j, c := range pick {
			if c == "" {
				items = append(items, "NULL AS "+quoteIdent(plan.cols[j]))
			} else {
				items = append(items, quoteIdent(c))
			}
		}
		for _, c := range plan.cols[len(plan.cols)-pad:] {
			items = append(items, "NULL AS "+quoteIdent(c))
		}
		head := "SELECT " + strings.Join(items, ", ") + " FROM ("
		before := b.print
		b.print = func(pr *printer, n *node) string {
			var text string
			if before != nil {
				text = before(pr, n)
			} else {
				text = pr.plain(n)
			}
			if n.kind == nSubquery {
				// (SELECT ...) as an input: its own parentheses do
				text = strings.TrimSpace(text)
				text = strings.TrimSuffix(strings.TrimPrefix(text, "("), ")")
			}
			return head + text + ")"
		}
	}
}
