package engine

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// quotesColumns tells whether dbt quotes a seed's column names when it
// creates its table: unless quote_columns is false.
func quotesColumns(s *project.Seed) bool {
	quoted, set := s.Config.Extra["quote_columns"].(bool)
	return !set || quoted
}

// quotedSeed tells whether the table a query names (its SQLite name) is a
// seed whose columns dbt created quoted, so that Snowflake keeps their
// case (dialect.SnowflakeColumnNames).
func (p *plan) quotedSeed(_, table string) bool {
	for _, s := range p.seeds {
		if strings.EqualFold(seedRelation(s).Name, table) {
			return quotesColumns(s)
		}
	}
	return false
}
