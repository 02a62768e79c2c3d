package engine

import (
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// quotesColumns tells whether dbt quotes a seed's column names when it
// creates its table: as its quote_columns config says, else as the
// adapter's default has it: dbt-snowflake does not quote them (its
// quote_seed_column defaults to false), the others' base adapter does.
func quotesColumns(d dialect.Dialect, s *project.Seed) bool {
	if quoted, set := s.Config.Extra["quote_columns"].(bool); set {
		return quoted
	}
	return d != dialect.Snowflake
}
