package pipeline

import (
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// The stage packages' types a caller of the pipeline meets, named here so
// the command and the page's bridge need no stage package.
type (
	// Dialect is the warehouse a project's SQL is written for.
	Dialect = dialect.Dialect
	// Diagnostic is a problem tied to a file and line, with a hint.
	Diagnostic = diag.Diagnostic
	// Severity tells an error from a warning.
	Severity = diag.Severity
)

// The severities of a Diagnostic.
const (
	SeverityError   = diag.Error
	SeverityWarning = diag.Warning
)

// ParseDialect reads a dialect's name: bigquery, snowflake, duckdb or
// sqlite.
func ParseDialect(name string) (Dialect, error) { return dialect.Parse(name) }

// ProjectDir is a project folder on disk: unlike a project from a link or
// an upload, its packages.yml may name a `local:` folder outside it, as dbt
// does on the command line.
func ProjectDir(dir string) fs.FS { return project.LocalDir(dir) }
