package engine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
)

// maxMacroOutputs bounds the macro outputs one render keeps for errors.
const maxMacroOutputs = 10000

// keepOutputs remembers the last render of file and what its macros wrote.
func (r *runner) keepOutputs(file, out string, outs []jinja.MacroOutput) {
	if r.rendered == nil {
		r.rendered = map[string]renderedNode{}
	}
	r.rendered[file] = renderedNode{out: out, outs: outs}
}

// macroSpot is where SQL a macro wrote is written: the macro's file and
// line, and the macro the model calls that led there.
type macroSpot struct {
	macro, file string
	line        int
	called      string
}

// macroOrigin finds the macro that wrote line (at col, 0 when unknown) of
// rendered, the SQL file's last render rendered. A line the model has
// itself is the model's; the innermost macro whose output holds the text at
// col is the one that wrote it.
func (r *runner) macroOrigin(file, src, rendered string, line, col int) (macroSpot, bool) {
	n, ok := r.rendered[file]
	if !ok || n.out != rendered || len(n.outs) == 0 || line < 1 {
		return macroSpot{}, false
	}
	lines := strings.Split(rendered, "\n")
	if line > len(lines) || mapLineExact(src, rendered, line) > 0 {
		return macroSpot{}, false
	}
	for i, o := range n.outs {
		text, ok := covers(o.Text, lines[line-1], col)
		if !ok {
			continue
		}
		spot := macroSpot{macro: o.Macro, file: o.File, line: bodyLine(r.plan.env.SourceOf(o.File), o.Line, text), called: o.Macro}
		for _, outer := range n.outs[i+1:] {
			if strings.Contains(outer.Text, text) {
				spot.called = outer.Macro
			}
		}
		return spot, true
	}
	return macroSpot{}, false
}

// covers finds the line of a macro's output that holds column col of
// line (1-based bytes); with col 0, one that line holds, of 4 characters
// at least so a lone bracket or comma does not count.
func covers(out, line string, col int) (string, bool) {
	for _, ol := range strings.Split(out, "\n") {
		ol = strings.TrimSpace(ol)
		if ol == "" || col == 0 && len(ol) < 4 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(line[from:], ol)
			if i < 0 {
				break
			}
			start := from + i
			if col == 0 || start < col && col <= start+len(ol) {
				return ol, true
			}
			from = start + 1
		}
	}
	return "", false
}

// bodyLine is the line of the macro defined at def in src that writes
// text: the same text, else a line that writes it once its {{ ... }} are
// filled in; def when none does.
func bodyLine(src string, def int, text string) int {
	lines := strings.Split(src, "\n")
	if def < 1 || def > len(lines) {
		return def
	}
	end := len(lines)
	for i := def; i < len(lines); i++ {
		if strings.Contains(lines[i], "endmacro") {
			end = i + 1
			break
		}
	}
	for i := def - 1; i < end; i++ {
		if strings.TrimSpace(lines[i]) == text {
			return i + 1
		}
	}
	for i := def - 1; i < end; i++ {
		if writes(lines[i], text) {
			return i + 1
		}
	}
	return def
}

var spaces = regexp.MustCompile(`\s+`)

// writes tells whether template line tl can write text: its literal
// parts in order, its {{ ... }} anything, its {% ... %} nothing.
func writes(tl, text string) bool {
	re := templatePattern(tl)
	return re != nil && re.MatchString(text)
}

// templatePattern matches the lines template line tl can write; nil when
// tl has no literal text.
func templatePattern(tl string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`^\s*`)
	rest, literal := strings.TrimSpace(tl), false
	lit := func(s string) {
		b.WriteString(spaces.ReplaceAllString(regexp.QuoteMeta(s), `\s*`))
		literal = literal || strings.TrimSpace(s) != ""
	}
	for rest != "" {
		i := strings.Index(rest, "{")
		if i < 0 || i+1 >= len(rest) || !strings.ContainsRune("{%#", rune(rest[i+1])) {
			if i < 0 {
				i = len(rest)
			} else {
				i++
			}
			lit(rest[:i])
			rest = rest[i:]
			continue
		}
		lit(rest[:i])
		closer := map[byte]string{'{': "}}", '%': "%}", '#': "#}"}[rest[i+1]]
		j := strings.Index(rest[i+2:], closer)
		if j < 0 {
			return nil
		}
		if rest[i+1] == '{' {
			b.WriteString(`.*`)
		} else {
			b.WriteString(`\s*`)
		}
		rest = rest[i+2+j+2:]
	}
	b.WriteString(`\s*$`)
	if !literal {
		return nil
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}

// place sets the line of d, an error at line (and col) of rendered, the
// render of src in file: the model's line, or, when a macro wrote that SQL,
// the line calling the macro, and the message names the macro's file and
// line to change.
func (r *runner) place(d *diag.Diagnostic, file, src, rendered string, line, col int) {
	spot, ok := r.macroOrigin(file, src, rendered, line, col)
	if !ok {
		d.Line = mapLine(src, rendered, line)
		return
	}
	d.Line, d.Col = findToken(src, spot.called), 0
	if d.Line == 0 {
		d.Line = mapLine(src, rendered, line)
	}
	where := fmt.Sprintf("%s:%d", spot.file, spot.line)
	d.Message += fmt.Sprintf(" (in the SQL of macro %s, %s)", spot.macro, where)
	fix := "change macro " + spot.macro + " at " + where
	if spot.called != spot.macro {
		fix += " (reached through " + spot.called + ")"
	}
	if d.Hint == "" {
		d.Hint = fix
	} else {
		d.Hint += "; " + fix
	}
}
