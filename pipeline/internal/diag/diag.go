// Package diag is the one diagnostic type of the pipeline: a message tied to a
// file and line, with a hint that says what to fix. The CLI prints it as
// "file:line:col: message", the browser underlines File/Line in the editor.
package diag

import (
	"errors"
	"fmt"
	"strings"
)

// Severity of a diagnostic.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is a problem found in a project, with its position.
// Line is 1-based; Col is 1-based and 0 when unknown.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// Error renders the diagnostic the way the CLI prints it.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Errorf makes an error diagnostic at file:line.
func Errorf(file string, line int, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, File: file, Line: line, Message: fmt.Sprintf(format, args...)}
}

// WithHint returns d with a hint saying what to fix.
func (d *Diagnostic) WithHint(format string, args ...any) *Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	return d
}

// From returns err as a diagnostic, giving it file (and line when known) if it
// has none (a line the error already carries is kept when line is 0). Errors that are not diagnostics keep their text as the message.
func From(err error, file string, line int) *Diagnostic {
	var d *Diagnostic
	if errors.As(err, &d) {
		if d.File == "" {
			c := *d
			c.File = file
			if line > 0 || c.Line == 0 {
				c.Line = line
			}
			return &c
		}
		return d
	}
	return &Diagnostic{Severity: Error, File: file, Line: line, Message: err.Error()}
}

// LineOf returns the 1-based line of byte offset off in text.
func LineOf(text string, off int) int {
	if off > len(text) {
		off = len(text)
	}
	return strings.Count(text[:off], "\n") + 1
}

// List is several diagnostics reported together, such as every refusal of
// one model; each keeps its own position.
type List []*Diagnostic

// Error renders one diagnostic a line.
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.Error()
	}
	return strings.Join(parts, "\n")
}
