package engine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// quotedInMsg finds what an SQLite message points at: near "x", no such
// column: x, no such table: s.x.
var quotedInMsg = []*regexp.Regexp{
	regexp.MustCompile(`near "([^"]+)"`),
	regexp.MustCompile(`no such (?:column|table|function): ([A-Za-z0-9_."]+)`),
	regexp.MustCompile(`ambiguous column name: ([A-Za-z0-9_.]+)`),
}

// calledInMsg finds the function a warehouse function's failure names
// first (strptime: "x" does not match the format ...).
var calledInMsg = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*): `)

// sequenceInMsg finds the sequence a failure to draw from one names
// (sqlfunc/sequences.go): DuckDB's and Snowflake's messages.
var sequenceInMsg = []*regexp.Regexp{
	regexp.MustCompile(`Sequence with name ([A-Za-z0-9_."]+) does not exist`),
	regexp.MustCompile(`value of sequence "([^"]+)"`),
	regexp.MustCompile(`Object '([^']+)' does not exist or not authorized`),
}

// sourceLine guesses the source line an SQLite message is about by finding
// the token it quotes in the model's source, or the call of the function
// whose failure it is; 0 when it cannot tell. Compiled SQL differs from
// the source, so the token, not the offset, is the anchor.
func sourceLine(src, msg string) int {
	if m := calledInMsg.FindStringSubmatch(msg); m != nil {
		if line := callLine(src, m[1]); line > 0 {
			return line
		}
	}
	for _, re := range sequenceInMsg {
		if m := re.FindStringSubmatch(msg); m != nil {
			// the warehouse folds the name's case: so does the search
			if line := findToken(strings.ToLower(src), strings.ToLower(lastPart(m[1]))); line > 0 {
				return line
			}
		}
	}
	for _, re := range quotedInMsg {
		m := re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		tok := m[1]
		for _, cand := range []string{tok, lastPart(tok)} {
			if line := findToken(src, cand); line > 0 {
				return line
			}
			// SQLite folds a name's case, and the message may give it
			// folded (`ds.Data_Raw` is ds.data_raw): the name in any case,
			// the whole dotted name before its last part alone
			if line := findToken(src, "(?i)"+cand); line > 0 {
				return line
			}
		}
	}
	return 0
}

// callLine is the line of src that calls function name (in any case),
// outside comments, when one line alone does: a function called on two
// lines leaves the failing call unknown, and 0 is said rather than a guess.
func callLine(src, name string) int {
	re := regexp.MustCompile(`(?i)(^|[^A-Za-z0-9_.$])` + regexp.QuoteMeta(name) + `\s*\(`)
	found := 0
	for i, line := range strings.Split(src, "\n") {
		if c := strings.Index(line, "--"); c >= 0 {
			line = line[:c]
		}
		if !re.MatchString(line) {
			continue
		}
		if found > 0 {
			return 0
		}
		found = i + 1
	}
	return found
}

func lastPart(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// findToken returns the line of the first whole-word occurrence of tok in
// src outside Jinja tags and comments; tok prefixed (?i) is found in any case.
func findToken(src, tok string) int {
	if tok == "" {
		return 0
	}
	fold := ""
	if rest, ok := strings.CutPrefix(tok, "(?i)"); ok {
		fold, tok = "(?i)", rest // the word in any case
	}
	if tok == "" {
		return 0
	}
	re, err := regexp.Compile(fold + `(^|[^A-Za-z0-9_])` + regexp.QuoteMeta(tok) + `($|[^A-Za-z0-9_])`)
	if err != nil {
		return 0
	}
	// the SQL of a line, its Jinja and comment left out: a comment naming
	// the word (-- development month) is not where the SQL fails
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(stripComment(stripJinja(line))) {
			return i + 1
		}
	}
	// A table name usually sits inside ref('...') or source(...).
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(stripComment(line)) {
			return i + 1
		}
	}
	return 0
}

// stripComment is line without its -- comment.
func stripComment(line string) string {
	if c := strings.Index(line, "--"); c >= 0 {
		return line[:c]
	}
	return line
}

var jinjaTag = regexp.MustCompile(`\{[{%#].*?[}%#]\}`)

func stripJinja(s string) string { return jinjaTag.ReplaceAllString(s, "") }

// mapLine maps a line of rendered SQL back to the source: the source line
// with the same text, else the line alignedLine finds.
func mapLine(src, rendered string, line int) int {
	if l := mapLineExact(src, rendered, line); l > 0 {
		return l
	}
	return alignedLine(src, rendered, line)
}

// alignWindow is how far ahead in the source a rendered line's text is
// looked for: a macro's output seldom repeats a line written much later.
const alignWindow = 200

// alignedLine maps a line of rendered SQL to the source by the lines both
// have in the same order (anchors, of 4 characters at least, the source's
// {{ ... }} matching anything): an anchor is its source line; a line between two anchors is the source line as far
// after the first anchor's, but not past the line before the second
// anchor's, so the lines a macro call or a loop writes map to the lines
// that wrote them. 0 when line is not in rendered.
func alignedLine(src, rendered string, line int) int {
	rl, sl := strings.Split(rendered, "\n"), strings.Split(src, "\n")
	if line < 1 || line > len(rl) {
		return 0
	}
	prevR, prevS := -1, -1 // the last anchor at or before line (0-based)
	nextS := len(sl)       // the source line of the first anchor after it
	next := 0              // the next source line an anchor may have
	patterns := map[int]*regexp.Regexp{}
	writesAt := func(k int, t string) bool {
		re, ok := patterns[k]
		if !ok {
			if strings.Contains(sl[k], "{{") {
				re = templatePattern(sl[k])
			}
			patterns[k] = re
		}
		return re != nil && re.MatchString(t)
	}
	for i, r := range rl {
		t := strings.TrimSpace(r)
		if len(t) < 4 {
			continue
		}
		// the same text first, then a line whose {{ ... }} write it; from
		// the last anchor's line again, which a loop writes once more
		at := -1
		for pass := 0; pass < 2 && at < 0; pass++ {
			for k := max(next-1, 0); k < len(sl) && k < next+alignWindow; k++ {
				if pass == 0 && strings.TrimSpace(sl[k]) == t || pass == 1 && writesAt(k, t) {
					at = k
					break
				}
			}
		}
		if at < 0 {
			continue
		}
		next = at + 1
		if i <= line-1 {
			prevR, prevS = i, at
			continue
		}
		nextS = at
		break
	}
	if prevR == line-1 {
		return prevS + 1
	}
	s := prevS + (line - 1 - prevR) // as far after the anchor
	if s > nextS-1 {
		s = nextS - 1
	}
	if s <= prevS && prevS >= 0 {
		s = prevS // no source line between the anchors: the one before
	}
	if s < 0 || s >= len(sl) {
		return 0
	}
	return s + 1
}

// testWhat names a test as its declaration reads: the generic test and
// the model (and column) it checks.
func testWhat(t *project.Test) string {
	on := strings.TrimPrefix(t.Model, "source:")
	switch t.Kind {
	case "singular":
		return "test " + t.Name
	case "generic":
		if t.Column != "" {
			on += "." + t.Column
		}
		return fmt.Sprintf("test %s on %s", strings.TrimPrefix(strings.Replace(t.Generic, "test_", "", 1), "."), on)
	}
	return fmt.Sprintf("test %s on %s.%s", t.Kind, on, t.Column)
}

// placeTestSQLError puts an SQLite error in a properties-file test's SQL
// at the test's entry, naming the test: its SQL is its macro's, whose
// lines are not the YAML file's, so a line found in it named an unrelated
// line of the file, or none.
func placeTestSQLError(d *diag.Diagnostic, t *project.Test) {
	d.File, d.Line = t.File, t.Line
	d.Message = testWhat(t) + ": " + d.Message
	if d.Hint == "" {
		d.Hint = "read the test's SQL: nexus compile " + t.Name
	}
}

// failureDiag reports a failing test at its declaration.
func failureDiag(t *project.Test, failures int64) diag.Diagnostic {
	what := testWhat(t)
	return diag.Diagnostic{Severity: diag.Error, File: t.File, Line: t.Line,
		Message: fmt.Sprintf("%s failed: %d failing row%s", what, failures, plural(int(failures))),
		Hint:    "run the compiled test query (nexus compile " + t.Name + ") to see the rows"}
}

// mapLineExact maps a line of compiled SQL to the source line with the same
// text, when exactly one source line has it; 0 otherwise.
func mapLineExact(src, compiled string, line int) int {
	cl := strings.Split(compiled, "\n")
	if line < 1 || line > len(cl) {
		return 0
	}
	text := strings.TrimSpace(cl[line-1])
	if text == "" {
		return 0
	}
	found := 0
	for i, sl := range strings.Split(src, "\n") {
		if strings.TrimSpace(sl) == text {
			if found > 0 {
				return 0
			}
			found = i + 1
		}
	}
	return found
}

// blankSQL tells whether sql holds nothing but whitespace, semicolons and
// comments, which SQLite would reject with a puzzling `near ";"`.
func blankSQL(sql string) bool {
	for i := 0; i < len(sql); i++ {
		switch c := sql[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';':
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				return true
			}
			i += end + 3
		default:
			return false
		}
	}
	return true
}
