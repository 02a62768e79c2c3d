package engine

import (
	"path"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
)

// templateLog reports what a template of file writes to dbt's output
// (log(msg, info=True), print(...), exceptions.warn(msg)) as a run-log line
// of its own when it is written, before the line of the node that wrote it,
// as dbt prints it: the message, a warning after "[WARNING]: ". Messages of
// the parse render are not shown, as dbt does not when partial parsing
// reuses a file's parse.
func (r *runner) templateLog(file string) func(jinja.LogLevel, string) {
	name := strings.TrimSuffix(path.Base(file), path.Ext(file))
	return func(level jinja.LogLevel, msg string) {
		st := Step{Kind: "log", Name: name, File: file, Line: msg}
		if level == jinja.LogWarn {
			st.Status, st.Line = "WARN", "[WARNING]: "+msg
		}
		r.res.Steps = append(r.res.Steps, st)
		if r.opts.Progress != nil {
			r.opts.Progress(st)
		}
	}
}
