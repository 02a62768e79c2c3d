package dialect

import (
	"fmt"
	"strings"
)

// Dialect is the warehouse a project's SQL is written for. It is read from
// the project's profiles.yml target type, a --dialect flag or the page's
// selector; SQLite is the default when none says otherwise.
type Dialect string

const (
	SQLite    Dialect = "sqlite"
	BigQuery  Dialect = "bigquery"
	Snowflake Dialect = "snowflake"
	DuckDB    Dialect = "duckdb"
)

// Dialects lists every dialect in the order the CLI and the page show them.
var Dialects = []Dialect{SQLite, BigQuery, Snowflake, DuckDB}

// Parse reads a dialect name as dbt adapters spell it, case-insensitively.
func Parse(name string) (Dialect, error) {
	n := Dialect(strings.ToLower(strings.TrimSpace(name)))
	for _, d := range Dialects {
		if n == d {
			return d, nil
		}
	}
	return "", fmt.Errorf("unknown dialect %q: use one of bigquery, snowflake, duckdb, sqlite", name)
}
