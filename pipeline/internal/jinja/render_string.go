package jinja

import (
	"fmt"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// renderString is dbt's render(string): the text rendered as a template
// in the context of the node being rendered, so that ref(), var() and the
// project's macros in it resolve as in the node itself. A value that is
// not text (a relation) renders as its printed text.
func (e *Env) renderString(ev *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 1 || len(a.KwArgs) > 0 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("render() takes exactly one argument, the text to render"))
	}
	source := printText(a.Args[0])
	if !strings.Contains(source, "{{") && !strings.Contains(source, "{%") && !strings.Contains(source, "{#") {
		return exec.AsValue(source), nil
	}
	root, err := e.parse(e.curPath+" (render)", source)
	if err != nil {
		return nil, err
	}
	var out strings.Builder
	if err := e.execute(root, ev.Environment.Context, &out); err != nil {
		return nil, err
	}
	return exec.AsValue(out.String()), nil
}
