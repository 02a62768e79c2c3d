package store

import (
	"fmt"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/serdes"
)

// schemaList is the table of a file database's main schema that lists the
// other schemas' files, which Open attaches again.
const schemaList = "CREATE TABLE IF NOT EXISTS main._nexus_schemas (name TEXT PRIMARY KEY, file TEXT NOT NULL)"

// Serialize copies every schema into database files laid out as Open reads
// a file database: base.db holds main and its _nexus_schemas list, and each
// other schema is base.SCHEMA.db. The live database is left as it is.
func (db *DB) Serialize(base string) (map[string][]byte, error) {
	files := map[string][]byte{}
	var schemas []string
	for _, s := range db.Schemas() {
		if s == "main" {
			continue
		}
		if err := db.Use(s); err != nil {
			return nil, err
		}
		data, err := serdes.Serialize(db.conn, s)
		if err != nil {
			return nil, fmt.Errorf("serialize schema %s: %w", s, err)
		}
		files[schemaFile(base, s)] = data
		schemas = append(schemas, s)
	}
	main, err := serdes.Serialize(db.conn, "main")
	if err != nil {
		return nil, fmt.Errorf("serialize the main schema: %w", err)
	}
	// The list of schemas goes into a copy of main, not the live database.
	if main, err = withSchemaList(main, base, schemas); err != nil {
		return nil, err
	}
	files[base+".db"] = main
	return files, nil
}

// schemaFile is the file of a schema beside the main database base.db.
func schemaFile(base, schema string) string { return base + "." + schema + ".db" }

func withSchemaList(main []byte, base string, schemas []string) ([]byte, error) {
	c, err := sqlite3.Open(":memory:")
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if len(main) > 0 {
		if err := serdes.Deserialize(c, "main", main); err != nil {
			return nil, fmt.Errorf("copy the main schema: %w", err)
		}
	}
	sql := schemaList + ";"
	for _, s := range schemas {
		sql += fmt.Sprintf("INSERT OR REPLACE INTO main._nexus_schemas VALUES (%s, %s);", Quote(s), Quote(schemaFile(base, s)))
	}
	if err := c.Exec(sql); err != nil {
		return nil, err
	}
	return serdes.Serialize(c, "main")
}
