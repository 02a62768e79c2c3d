package store

import (
	"fmt"
	"strings"
)

// The dialects read INFORMATION_SCHEMA from SQLite's catalog
// (dialect/information_schema.go: pragma_table_list, pragma_table_info,
// pragma_database_list), which lists the attached schemas only. With
// schemas detached (attach.go), a statement reading it reads a copy kept in
// temp instead: every schema's tables and columns. The attached schemas are
// copied again before each such statement; a detached one only when a
// statement named it after its last copy (a.used moved on): detached, it
// cannot change.

// The catalog fragments the translation writes, and what they become.
var catalogReads = []struct{ from, to string }{
	{"FROM pragma_table_list AS t", "FROM (SELECT DISTINCT schema, name, type FROM temp._nexus_catalog) AS t"},
	{"JOIN pragma_table_info(t.name, t.schema) AS c", `JOIN (SELECT schema AS cs, name AS ct, cid, cname AS name, ctype AS type, "notnull" FROM temp._nexus_catalog) AS c ON c.cs = t.schema AND c.ct = t.name`},
}

const catalogTable = `CREATE TEMP TABLE IF NOT EXISTS _nexus_catalog (schema TEXT, name TEXT, type TEXT, cid INTEGER, cname TEXT, ctype TEXT, "notnull" INTEGER)`

// withCatalog returns sql reading the catalog copy where it reads SQLite's,
// the copy brought up to date; sql as it is when it reads neither.
func (db *DB) withCatalog(sql string) (string, error) {
	sql = db.withSchemata(sql)
	if !strings.Contains(sql, catalogReads[0].from) {
		return sql, nil
	}
	if err := db.copyCatalog(); err != nil {
		return "", err
	}
	for _, r := range catalogReads {
		sql = strings.ReplaceAll(sql, r.from, r.to)
	}
	return sql, nil
}

// schemataRead is the catalog fragment INFORMATION_SCHEMA.SCHEMATA reads.
const schemataRead = "FROM pragma_database_list AS d"

// withSchemata returns sql listing the store's schemas where it lists
// SQLite's attached ones: those detached are left out there, and a dropped
// one (drop_schema.go) is still attached.
func (db *DB) withSchemata(sql string) string {
	if !strings.Contains(sql, schemataRead) {
		return sql
	}
	names := make([]string, 0, len(db.schemas)+1)
	for _, s := range append(db.Schemas(), "temp") {
		names = append(names, "("+Quote(s)+")")
	}
	return strings.ReplaceAll(sql, schemataRead, "FROM (SELECT column1 AS name FROM (VALUES "+strings.Join(names, ", ")+")) AS d")
}

// copyCatalog copies the tables and columns of the attached schemas, then
// of the detached ones not copied since they were detached, attaching as
// many at a time as fit (outside a transaction; inside one SQLite attaches
// none, and those stay left out).
func (db *DB) copyCatalog() error {
	return db.asEngine(func() error {
		var attached, missing []string
		for _, s := range db.Schemas() {
			switch {
			case db.attached(s):
				attached = append(attached, s)
			case db.att[s].copied == 0 || db.att[s].copied != db.att[s].lastUse:
				missing = append(missing, s)
			}
		}
		if err := db.copySchemas(attached); err != nil {
			return err
		}
		if !db.conn.GetAutocommit() {
			return nil
		}
		for len(missing) > 0 {
			n := min(len(missing), db.maxAttached)
			if err := db.Use(missing[:n]...); err != nil {
				return err
			}
			if err := db.copySchemas(missing[:n]); err != nil {
				return err
			}
			missing = missing[n:]
		}
		return nil
	})
}

// copySchemas replaces the catalog rows of schemas, all attached, in one
// Exec.
func (db *DB) copySchemas(schemas []string) error {
	var b strings.Builder
	quoted := make([]string, len(schemas))
	for i, s := range schemas {
		quoted[i] = Quote(s)
	}
	fmt.Fprintf(&b, "%s; DELETE FROM temp._nexus_catalog WHERE schema IN (%s);", catalogTable, strings.Join(quoted, ", "))
	b.WriteString("INSERT INTO temp._nexus_catalog ")
	for i, s := range schemas {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&b, `SELECT %s, m.name, m.type, c.cid, c.name, c.type, c."notnull" FROM %s.sqlite_schema AS m JOIN pragma_table_info(m.name, %s) AS c WHERE m.type IN ('table', 'view')`,
			Quote(s), Ident(s), Quote(s))
	}
	db.stats.Statements += 3
	if err := db.conn.Exec(b.String()); err != nil {
		return fmt.Errorf("copy the catalog: %w", err)
	}
	for _, s := range schemas {
		if a := db.att[s]; a != nil {
			a.copied = a.used
		}
	}
	return nil
}
