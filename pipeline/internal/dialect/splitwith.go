package dialect

import "strings"

// CTE is one common table expression of a statement's WITH clause, as
// SplitWith returns it.
type CTE struct {
	Name    string // as written, quotes included
	Columns string // "(a, b)" when the CTE names its columns, else ""
	SQL     string // the query inside its parentheses
}

// SplitWith splits SQLite SQL that starts with a non-recursive WITH clause
// into its CTEs, in order, and the statement that reads them. ok is false
// for any other SQL. SQLite inlines a CTE at each reference, so a chain of
// CTEs that each read the previous one twice grows past its nesting limit;
// the caller can then build each CTE as a table of its own.
func SplitWith(sql string) (ctes []CTE, body string, ok bool) {
	toks, err := lex(SQLite, sql)
	if err != nil {
		return nil, "", false
	}
	i := 0
	next := func() {
		for i < len(toks) && (toks[i].kind == kSpace || toks[i].kind == kComment) {
			i++
		}
	}
	word := func(w string) bool {
		next()
		if i < len(toks) && toks[i].kind == kWord && toks[i].lower == w {
			i++
			return true
		}
		return false
	}
	// group returns the text inside the parenthesis at i and moves past it.
	group := func() (string, bool) {
		next()
		if i >= len(toks) || toks[i].kind != kOpen {
			return "", false
		}
		depth, start := 0, i
		for ; i < len(toks); i++ {
			switch toks[i].kind {
			case kOpen:
				depth++
			case kClose:
				depth--
				if depth == 0 {
					var b strings.Builder
					for _, t := range toks[start+1 : i] {
						b.WriteString(t.text)
					}
					i++
					return b.String(), true
				}
			}
		}
		return "", false
	}
	if !word("with") || word("recursive") {
		return nil, "", false
	}
	for {
		next()
		if i >= len(toks) || toks[i].kind != kWord && toks[i].kind != kQuoted {
			return nil, "", false
		}
		c := CTE{Name: toks[i].text}
		i++
		next()
		if i < len(toks) && toks[i].kind == kOpen {
			cols, ok := group()
			if !ok {
				return nil, "", false
			}
			c.Columns = "(" + cols + ")"
		}
		if !word("as") {
			return nil, "", false
		}
		if word("not") {
			if !word("materialized") {
				return nil, "", false
			}
		} else {
			word("materialized")
		}
		q, ok := group()
		if !ok {
			return nil, "", false
		}
		c.SQL = q
		ctes = append(ctes, c)
		next()
		if i < len(toks) && toks[i].kind == kPunct && toks[i].text == "," {
			i++
			continue
		}
		break
	}
	var b strings.Builder
	for _, t := range toks[i:] {
		b.WriteString(t.text)
	}
	return ctes, strings.TrimLeft(b.String(), " \t\r\n"), true
}
