package store

import (
	"context"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

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
	delete(db.analyzed, strings.ToLower(schema+"."+name))
	db.analyzing = true
	defer func() { db.analyzing = false }()
	return db.Exec(ctx, "ANALYZE "+Rel(schema, name))
}

// AnalyzeContent is Analyze of a table whose content has the fingerprint
// fp (Fingerprint; "" for a table too large to have one). It does nothing
// when the table was last analyzed holding that same content and nothing
// since could make ANALYZE record other statistics or the planner hold
// others: the table was not made or dropped again, no index was made or
// dropped, no other ANALYZE or write of the statistics ran and nothing was
// rolled back (forgetAnalyzed). ANALYZE would then write the rows
// sqlite_stat1 holds and load them as they are loaded. In js/wasm an
// ANALYZE costs about a millisecond, most of it in loading the schema's
// statistics again, and a run that rebuilds tables into what they held
// skips most of them.
func (db *DB) AnalyzeContent(ctx context.Context, schema, name, fp string) error {
	k := strings.ToLower(schema + "." + name)
	if fp != "" && db.analyzed[k] == fp {
		return nil
	}
	err := db.Analyze(ctx, schema, name)
	if err == nil && fp != "" {
		db.analyzed[k] = fp
	}
	return err
}

// forgetAnalyzed drops what AnalyzeContent knows that a statement being
// prepared may make untrue, as the authorizer reports it: a table made or
// dropped, or given an index or dropping one, loses its entry; any other
// change to tables' columns or the statistics themselves (an ANALYZE but
// Analyze's), an attachment and a rollback lose them all. A
// DROP TABLE deletes the table's rows of the statistics itself, before it
// deletes its rows of sqlite_master: those deletions (dropping) keep the
// other tables' entries.
func (db *DB) forgetAnalyzed(action sqlite3.AuthorizerActionCode, name3rd, name4th, schema string) {
	if len(db.analyzed) == 0 || db.analyzing {
		db.dropping = false
		return
	}
	stats := strings.HasPrefix(strings.ToLower(name3rd), "sqlite_stat")
	dropping := db.dropping
	db.dropping = false
	switch action {
	case sqlite3.AUTH_CREATE_TABLE, sqlite3.AUTH_DROP_TABLE, sqlite3.AUTH_CREATE_TEMP_TABLE, sqlite3.AUTH_DROP_TEMP_TABLE:
		if !stats {
			db.forgetTable(name3rd)
			db.dropping = action == sqlite3.AUTH_DROP_TABLE || action == sqlite3.AUTH_DROP_TEMP_TABLE
			return
		}
	case sqlite3.AUTH_CREATE_INDEX, sqlite3.AUTH_DROP_INDEX, sqlite3.AUTH_CREATE_TEMP_INDEX, sqlite3.AUTH_DROP_TEMP_INDEX:
		// an index changes what ANALYZE records of its table only
		if !strings.HasPrefix(strings.ToLower(name4th), "sqlite_") {
			db.forgetTable(name4th)
			return
		}
	case sqlite3.AUTH_READ:
		db.dropping = dropping && stats
		return
	case sqlite3.AUTH_INSERT, sqlite3.AUTH_UPDATE, sqlite3.AUTH_DELETE:
		if !stats {
			// the DROP TABLE deletes its own rows first
			db.dropping = dropping && action == sqlite3.AUTH_DELETE && !strings.HasPrefix(strings.ToLower(name3rd), "sqlite_")
			return
		}
		if dropping && action == sqlite3.AUTH_DELETE {
			db.dropping = true
			return
		}
	case sqlite3.AUTH_TRANSACTION, sqlite3.AUTH_SAVEPOINT:
		if !strings.EqualFold(name3rd, "ROLLBACK") {
			return
		}
	case sqlite3.AUTH_ANALYZE, sqlite3.AUTH_ALTER_TABLE, sqlite3.AUTH_ATTACH, sqlite3.AUTH_DETACH:
	default:
		return
	}
	clear(db.analyzed)
}

// forgetTable drops the entries of a table of that name in any schema (the
// authorizer may not name the schema).
func (db *DB) forgetTable(name string) {
	name = strings.ToLower(name)
	for k := range db.analyzed {
		if _, t, _ := strings.Cut(k, "."); t == name {
			delete(db.analyzed, k)
		}
	}
}
