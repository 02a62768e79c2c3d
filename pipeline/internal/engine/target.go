package engine

import (
	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// Warehouse picks what a project builds for.
type Warehouse struct {
	// Target names the output of the project's profile, as dbt's --target
	// does; "" is the profile's `target:`.
	Target string
	// Dialect overrides that output's type (--dialect, the page's
	// selector); "" keeps it, and SQLite without a profile.
	Dialect dialect.Dialect
}

// projectDialect is the warehouse the project's SQL is written for: the
// override (--dialect, the page's selector) when given, else the type of the
// profiles.yml target, else SQLite. A target of a warehouse the translator
// does not know (postgres, redshift...) is an error unless overridden:
// running its SQL as another warehouse's would silently change its meaning.
func projectDialect(t project.Target, override dialect.Dialect) (dialect.Dialect, error) {
	if override != "" {
		return dialect.Parse(string(override))
	}
	if t.Type == "" {
		return dialect.SQLite, nil
	}
	d, err := dialect.Parse(t.Type)
	if err != nil {
		return "", diag.Errorf(project.ProfilesFile, t.Line, "target %q of profile %q has type %s, which the playground cannot run", t.Name, t.Profile, t.Type).
			WithHint("set type: to bigquery, snowflake, duckdb or sqlite, or choose the dialect with --dialect (the page's Dialect selector)")
	}
	return d, nil
}

// jinjaTarget is dbt's `target` for the project's dialect.
func jinjaTarget(t project.Target, d dialect.Dialect, projectName string) jinja.Target {
	jt := jinja.Target{Name: t.Name, Type: string(d), Schema: t.Schema, Database: t.Database, Profile: t.Profile}
	if jt.Name == "" {
		jt.Name = "dev"
	}
	if jt.Schema == "" {
		jt.Schema = "main"
	}
	if jt.Database == "" && d == dialect.DuckDB {
		jt.Database = project.DuckDBDatabase(t.Path)
	}
	if jt.Database == "" {
		jt.Database = "main"
	}
	if jt.Profile == "" {
		jt.Profile = projectName
	}
	return jt
}

// session is what Snowflake's session functions answer: the database and
// schema of dbt's target (so CURRENT_SCHEMA() is target.schema, "main"
// without a profile), and the profile's user, role, warehouse and account
// ("" when it has none: NULL).
func session(t project.Target, jt jinja.Target) dialect.Session {
	return dialect.Session{Database: jt.Database, Schema: jt.Schema, User: t.User, Role: t.Role, Warehouse: t.Warehouse, Account: t.Account}
}
