package engine

import (
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// quotesColumns tells whether dbt quotes a seed's column names when it
// creates its table: unless quote_columns is false.
func quotesColumns(s *project.Seed) bool {
	quoted, set := s.Config.Extra["quote_columns"].(bool)
	return !set || quoted
}
