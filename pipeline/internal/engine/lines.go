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

// sourceLine guesses the source line an SQLite message is about by finding
// the token it quotes in the model's source; 0 when it cannot tell. Compiled
// SQL differs from the source, so the token, not the offset, is the anchor.
func sourceLine(src, msg string) int {
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
		}
	}
	return 0
}

func lastPart(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// findToken returns the line of the first whole-word occurrence of tok in
// src outside Jinja tags and comments.
func findToken(src, tok string) int {
	if tok == "" {
		return 0
	}
	re, err := regexp.Compile(`(^|[^A-Za-z0-9_])` + regexp.QuoteMeta(tok) + `($|[^A-Za-z0-9_])`)
	if err != nil {
		return 0
	}
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, "{{") || strings.Contains(line, "{%") || strings.HasPrefix(strings.TrimSpace(line), "--") {
			if !re.MatchString(stripJinja(line)) {
				continue
			}
		}
		if re.MatchString(line) {
			return i + 1
		}
	}
	// A table name usually sits inside ref('...') or source(...).
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

var jinjaTag = regexp.MustCompile(`\{[{%#].*?[}%#]\}`)

func stripJinja(s string) string { return jinjaTag.ReplaceAllString(s, "") }

// mapLine maps a line of rendered SQL back to the source: the source line
// with the same text, else the same line number when the source has it.
func mapLine(src, rendered string, line int) int {
	if l := mapLineExact(src, rendered, line); l > 0 {
		return l
	}
	if line >= 1 && line <= strings.Count(rendered, "\n")+1 && line <= strings.Count(src, "\n")+1 {
		return line
	}
	return 0
}

// failureDiag reports a failing test at its declaration.
func failureDiag(t *project.Test, failures int64) diag.Diagnostic {
	what := "test " + t.Name
	if t.Kind == "generic" {
		on := strings.TrimPrefix(t.Model, "source:")
		if t.Column != "" {
			on += "." + t.Column
		}
		what = fmt.Sprintf("test %s on %s", strings.TrimPrefix(strings.Replace(t.Generic, "test_", "", 1), "."), on)
	} else if t.Kind != "singular" {
		what = fmt.Sprintf("test %s on %s.%s", t.Kind, strings.TrimPrefix(t.Model, "source:"), t.Column)
	}
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
