package dialect

import (
	"fmt"
	"strings"
)

// BigQuery's set operations with CORRESPONDING match the columns of their
// inputs by name, case aside, instead of by position: the result has the
// columns every input selects, in the first input's order; CORRESPONDING
// BY (a, b) has those columns, in that order; STRICT CORRESPONDING wants
// the same columns in every input. Each input is then selected again in
// the result's order (by_name.go writes that), so SQLite matches them by
// position. BY NAME [ON (a, b)] is STRICT CORRESPONDING [BY (a, b)].
// FULL and LEFT modes, which fill a missing column with NULL, are refused
// (rewrite_funcs.go).

// parseCorresponding reads [STRICT] CORRESPONDING [BY (column, ...)] after
// a set operator into op.
func (p *parser) parseCorresponding(op *node) {
	strict := p.isWord("strict") && p.isWordAt(1, "corresponding")
	if !strict && !p.isWord("corresponding") {
		return
	}
	op.tok2 = p.next()
	op.name = "corresponding"
	if strict {
		p.next()
		op.name = "strict corresponding"
	}
	if !p.isWord("by") || !p.isPunctAt(1, "(") {
		return
	}
	p.next()
	p.parseColumnList(op, "CORRESPONDING BY")
}

// parseBigQueryByName reads the rest of BigQuery's BY NAME [ON (column,
// ...)] into op, after BY NAME: it is STRICT CORRESPONDING [BY (...)],
// the same columns in every input, in the first input's order or the
// listed one. op.flag keeps that it was written BY NAME, for the errors.
func (p *parser) parseBigQueryByName(op *node) {
	op.name, op.flag = "strict corresponding", true
	if !p.isWord("on") || !p.isPunctAt(1, "(") {
		return
	}
	p.next()
	p.parseColumnList(op, "BY NAME ON")
}

// parseColumnList reads (column, ...) into op.names.
func (p *parser) parseColumnList(op *node, what string) {
	p.next()
	for {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a column name in " + what + " (...)")
		}
		op.names = append(op.names, identName(*t))
		p.next()
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	if op.names == nil {
		op.names = []string{}
	}
}

// isCorresponding tells whether set operator op matches by CORRESPONDING.
func isCorresponding(op *node) bool {
	return op.name == "corresponding" || op.name == "strict corresponding"
}

// correspondingColumns works out the columns of query q, whose set
// operations are CORRESPONDING, and the column each input gives for each.
func (t *translator) correspondingColumns(q *node) (*byNamePlan, error) {
	var by []string
	strict := false
	for i, op := range q.list2 {
		if !isCorresponding(op) {
			return nil, fmt.Errorf("%s without CORRESPONDING in the same query keeps its operands by position", strings.ToUpper(t.toks[op.start].text))
		}
		if i > 0 && (op.name != q.list2[0].name || strings.Join(op.names, ",") != strings.Join(by, ",")) {
			return nil, fmt.Errorf("the set operations of one query match their columns in different ways")
		}
		by, strict = op.names, op.name == "strict corresponding"
	}
	inputs := make([][]string, len(q.list))
	for i, b := range q.list {
		cols, err := t.queryColumns(b)
		if err != nil {
			return nil, err
		}
		if err := uniqueNames(cols); err != nil {
			return nil, err
		}
		inputs[i] = cols
	}
	for i, in := range inputs {
		if !strict || i == 0 {
			continue
		}
		same := len(in) == len(inputs[0])
		for _, c := range inputs[0] {
			same = same && containsFold(in, c)
		}
		if !same {
			wants := "STRICT"
			if q.list2[0].flag {
				wants = "BY NAME"
			}
			return nil, fmt.Errorf("input %d does not select the same column names as the first, as %s wants", i+1, wants)
		}
	}
	cols := by
	if cols == nil {
		for _, c := range inputs[0] {
			every := true
			for _, in := range inputs[1:] {
				every = every && containsFold(in, c)
			}
			if every {
				cols = append(cols, c)
			}
		}
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("the inputs have no column name in common")
	}
	plan := &byNamePlan{cols: cols, pick: make([][]string, len(q.list)), pad: make([]int, len(q.list))}
	for i, in := range inputs {
		pick := make([]string, len(cols))
		for j, c := range cols {
			for _, d := range in {
				if strings.EqualFold(c, d) {
					pick[j] = d
				}
			}
			if pick[j] == "" {
				return nil, fmt.Errorf("input %d has no column %s", i+1, c)
			}
		}
		plan.pick[i] = pick
	}
	return plan, nil
}
