package store

import (
	"context"
	"fmt"
)

// A DROP SCHEMA (engine/hooks.go) drops the schema's relations, then the
// schema itself with DropSchema. SQLite cannot detach inside the
// transaction a hook runs in, so the schema stays attached, empty, and is
// only forgotten: Schemas, HasSchema and INFORMATION_SCHEMA.SCHEMATA leave
// it out until EnsureSchema makes it again.

// DropSchema forgets schema, whose relations the caller dropped.
func (db *DB) DropSchema(schema string) error {
	schema = db.canonical(schema)
	if !db.schemas[schema] {
		return fmt.Errorf("schema %s cannot be dropped here", schema)
	}
	if db.file != "" && schema != "main" {
		if err := db.Exec(context.Background(), "DELETE FROM main._nexus_schemas WHERE name = "+Quote(schema)); err != nil {
			return err
		}
	}
	if db.dropped == nil {
		db.dropped = map[string]bool{}
	}
	db.dropped[schema] = true
	if db.session != nil {
		db.session.DropSchemaSequences(schema) // written after the statement
	}
	return nil
}
