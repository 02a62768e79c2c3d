package dialect

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// BigQuery's SAFE.f(...) gives NULL where f itself fails; an error while
// computing an argument still fails. f is rewritten as usual; then, in
// its text outside its arguments' texts, each call of a function of
// pipeline/internal/sqlfunc, g(a, b), becomes safe_call(a, b, 'g'), which
// gives NULL for g's errors (ABS of the least integer too: ABS is
// sqlfunc's). SQLite's own functions are called as they are.

// printSafeCalls makes each SAFE. call print as described above.
func (t *translator) printSafeCalls() {
	for _, n := range t.safeCalls {
		inner := n.print
		n.print = func(pr *printer, n *node) string {
			args := t.recordArgs(n)
			var out string
			if inner != nil {
				out = inner(pr, n)
			} else {
				out = pr.plain(n)
			}
			for _, a := range n.list {
				a.print = args[a].print
			}
			masked, texts := maskArgs(out, args)
			return unmask(safeCallsIn(masked), texts)
		}
	}
}

// recordedArg is an argument's own print and the texts it printed.
type recordedArg struct {
	print func(pr *printer, n *node) string
	texts []string
}

// recordArgs makes n's arguments keep the texts they print, until n has
// printed.
func (t *translator) recordArgs(n *node) map[*node]*recordedArg {
	args := map[*node]*recordedArg{}
	for _, a := range n.list {
		r := &recordedArg{print: a.print}
		args[a] = r
		a.print = func(pr *printer, a *node) string {
			var s string
			if r.print != nil {
				s = r.print(pr, a)
			} else {
				s = pr.plain(a)
			}
			r.texts = append(r.texts, s)
			return s
		}
	}
	return args
}

// maskArgs replaces the arguments' texts in out by \x00i\x00, longest
// first, so that only the call's own text is read; texts[i] is the text
// of mark i.
func maskArgs(out string, args map[*node]*recordedArg) (string, []string) {
	var texts []string
	for _, r := range args {
		for _, s := range r.texts {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(texts, s) {
				texts = append(texts, s)
			}
		}
	}
	slices.SortStableFunc(texts, func(a, b string) int { return len(b) - len(a) })
	for i, s := range texts {
		out = replaceWhole(out, s, "\x00"+strconv.Itoa(i)+"\x00")
	}
	return out, texts
}

// replaceWhole replaces the occurrences of old in s that are not part of a
// longer name (the argument a in a_fn(a)).
func replaceWhole(s, old, new string) string {
	var b strings.Builder
	from, last := 0, 0
	for {
		j := strings.Index(s[from:], old)
		if j < 0 {
			b.WriteString(s[last:])
			return b.String()
		}
		i := from + j
		end := i + len(old)
		from = i + 1
		if i > 0 && isWordPart(s[i-1]) && isWordPart(old[0]) || end < len(s) && isWordPart(s[end]) && isWordPart(old[len(old)-1]) {
			continue
		}
		b.WriteString(s[last:i] + new)
		last, from = end, end
	}
}

// unmask puts the arguments' texts back in place of their marks.
func unmask(s string, texts []string) string {
	for i := len(texts) - 1; i >= 0; i-- {
		s = strings.ReplaceAll(s, "\x00"+strconv.Itoa(i)+"\x00", texts[i])
	}
	return s
}

// safeCallsIn writes each call g(...) of a function of sqlfunc in s as
// safe_call(..., 'g').
func safeCallsIn(s string) string {
	var b strings.Builder
	last := 0
	scanCalls(s, func(name string, open int) bool {
		if open < last || !sqlfunc.IsScalar(strings.ToLower(name)) {
			return true // inside a call written already, or SQLite's
		}
		end := closeParen(s, open)
		if end < 0 {
			return true
		}
		inner := safeCallsIn(s[open+1 : end])
		b.WriteString(s[last : open-len(name)])
		b.WriteString("safe_call(" + inner)
		if strings.TrimSpace(inner) != "" {
			b.WriteString(", ")
		}
		b.WriteString(sqlString(strings.ToLower(name)) + ")")
		last = end + 1
		return true
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// scanCalls calls f with each name followed by ( in s outside quotes, with
// the place of its (; f returns false to stop.
func scanCalls(s string, f func(name string, open int) bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			i = quoteEnd(s, i)
		case isWordPart(c) && !isDigit(c) && (i == 0 || !isWordPart(s[i-1]) && s[i-1] != '.'):
			j := i
			for j < len(s) && isWordPart(s[j]) {
				j++
			}
			k := j
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) && s[k] == '(' && !f(s[i:j], k) {
				return
			}
			i = j - 1
		}
	}
}

// closeParen is the place of the ) closing the ( at open, or -1.
func closeParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'', '"', '`':
			i = quoteEnd(s, i)
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// quoteEnd is the place of the quote closing the one at i (a doubled
// quote stays inside).
func quoteEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j
		}
	}
	return len(s) - 1
}
