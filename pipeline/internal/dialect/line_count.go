package dialect

import "strings"

// keepLineCount gives out as many lines as sql when a rewrite wrote a name
// or a string holding a line break twice (a name as a column and as the
// alias that keeps its name, or in a column list; an expression written
// again for an alias of the same select list): SQLite has no escape for a
// line break in a name, so the line breaks between tokens nearest such a
// name give way, and a string's line breaks, last first, are written as
// char(10); errors still point at the lines of the model as written.
func keepLineCount(sql, out string) string {
	excess := strings.Count(out, "\n") - strings.Count(sql, "\n")
	if excess <= 0 {
		return out
	}
	toks, err := lex(SQLite, out)
	if err != nil {
		// a [ the input passed on opens no name here (SQLite would read
		// [x] as one): read it as a bracket
		if toks, err = lex(DuckDB, out); err != nil {
			return out
		}
	}
	first := -1
	for i, tk := range toks {
		if tk.kind == kQuoted && strings.Contains(tk.text, "\n") {
			first = i
			break
		}
	}
	if first < 0 {
		if excess = joinStringLines(toks, excess); excess > 0 {
			return out
		}
		return tokenText(toks)
	}
	// the nearest after the name first, then those before it
	order := make([]int, 0, len(toks))
	for i := first + 1; i < len(toks); i++ {
		order = append(order, i)
	}
	for i := first - 1; i > 0; i-- {
		order = append(order, i)
	}
	for _, i := range order {
		tk := &toks[i]
		if tk.kind != kSpace || excess == 0 {
			continue
		}
		keep := 0
		if toks[i-1].kind == kComment && strings.HasPrefix(toks[i-1].text, "--") {
			keep = 1 // the line break that ends a -- comment
		}
		for n := strings.Count(tk.text, "\n"); n > keep && excess > 0; n-- {
			j := strings.LastIndexByte(tk.text, '\n')
			tk.text = tk.text[:j] + " " + tk.text[j+1:]
			excess--
		}
	}
	if excess > 0 {
		return out
	}
	return tokenText(toks)
}

// joinStringLines writes the line breaks of string literals as char(10),
// the last first, until excess of them are gone; it gives what is left.
func joinStringLines(toks []token, excess int) int {
	for i := len(toks) - 1; i >= 0 && excess > 0; i-- {
		tk := &toks[i]
		if tk.kind != kString || !strings.HasPrefix(tk.text, "'") || !strings.Contains(tk.text, "\n") {
			continue
		}
		parts := strings.Split(tk.text, "\n")
		text := parts[len(parts)-1]
		for j := len(parts) - 2; j >= 0; j-- {
			if excess > 0 {
				text = parts[j] + "' || char(10) || '" + text
				excess--
			} else {
				text = parts[j] + "\n" + text
			}
		}
		tk.text = "(" + text + ")"
	}
	return excess
}

// tokenText is the text of toks as they are.
func tokenText(toks []token) string {
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(tk.text)
	}
	return b.String()
}
