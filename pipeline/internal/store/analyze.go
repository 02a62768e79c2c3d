package store

import "context"

// SQLite's planner, without statistics, takes every table for about a
// million rows and each CTE for what its own query is guessed to give, so it
// may join two CTEs of 26,000 rows by scanning one for each row of the
// other (a nested loop of 700 million steps, two minutes) where the tables
// they come from are small and would lead to an index. The warehouses know
// their tables' sizes. Analyze records a table's row count (and its
// indexes' spread) in sqlite_stat1 once the engine has filled it, so the
// statements after it plan with the real sizes: the same join takes 0.8 s.
// A table dropped takes its statistics with it.

// Analyze gathers SQLite's statistics for schema.name.
func (db *DB) Analyze(ctx context.Context, schema, name string) error {
	return db.Exec(ctx, "ANALYZE "+Rel(schema, name))
}
