package jinja

import (
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// logFn is dbt's log(msg, info=False): with info true the message goes to
// the run's output, else only to dbt's debug log file, which the playground
// has not. It prints nothing.
func (e *Env) logFn(a *exec.VarArgs) string {
	if len(a.Args) == 0 {
		return ""
	}
	info := len(a.Args) > 1 && a.Args[1].IsTrue()
	if v, ok := a.KwArgs["info"]; ok {
		info = v.IsTrue()
	}
	if info {
		e.emit(LogInfo, pyStr(a.Args[0]))
	}
	return ""
}

// printFn is Python's print(*args, sep=' '), which dbt exposes: the
// arguments' str() go to the run's output.
func (e *Env) printFn(a *exec.VarArgs) string {
	sep := " "
	if v, ok := a.KwArgs["sep"]; ok && !v.IsNil() {
		sep = v.String()
	}
	parts := make([]string, len(a.Args))
	for i, v := range a.Args {
		parts[i] = pyStr(v)
	}
	e.emit(LogPrint, strings.Join(parts, sep))
	return ""
}

// warnFn is exceptions.warn(msg): a warning in the run's output; the node
// still succeeds.
func (e *Env) warnFn(a *exec.VarArgs) string {
	msg := ""
	if len(a.Args) > 0 {
		msg = pyStr(a.Args[0])
	}
	e.emit(LogWarn, msg)
	return ""
}

func (e *Env) emit(level LogLevel, msg string) {
	if e.cur != nil && e.cur.Log != nil {
		e.cur.Log(level, msg)
	}
}
