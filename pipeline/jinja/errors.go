package jinja

import (
	"errors"
	"regexp"
	"strconv"

	"github.com/nikolalohinski/gonja/v2/parser"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

var syntaxLine = regexp.MustCompile(`\(Line: (\d+) Col: (\d+)`)

// syntaxDiagnostic turns a parse error into a diagnostic at its line.
func syntaxDiagnostic(path string, err error) *diag.Diagnostic {
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		d := diag.Errorf(path, se.Line, "syntax error: %s", se.Message)
		d.Col = se.Column
		return d
	}
	msg := err.Error()
	line, col := 0, 0
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
	}
	d := diag.Errorf(path, line, "syntax error: %s", msg)
	d.Col = col
	return d
}

func (e *Env) diagnose(path string, err error) *diag.Diagnostic {
	return diag.From(err, path, 0)
}
