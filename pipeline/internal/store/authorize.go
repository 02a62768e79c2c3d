package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// A project's SQL (models, tests, run_query, the console) runs against its
// own databases only. The authorizer, set on every connection, refuses what
// would reach a file or change how the engine keeps its databases: ATTACH
// (and VACUUM INTO, which attaches its target), DETACH, and PRAGMA settings
// such as max_page_count. The engine's own statements (attaching the schemas
// it named and checked, setting its limits) run as the engine.

// readPragmas are the pragmas that take an argument only to say what to
// read; any other pragma with an argument changes a setting.
var readPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_info": true, "index_xinfo": true,
	"index_list": true, "foreign_key_list": true, "foreign_key_check": true, "integrity_check": true,
	"quick_check": true,
}

// ErrNotAllowed is a project statement the authorizer refused.
type ErrNotAllowed struct{ What string }

func (e *ErrNotAllowed) Error() string {
	return fmt.Sprintf("%s is not allowed in a project's SQL: the engine attaches, sizes and keeps its databases itself (remove the statement)", e.What)
}

func (db *DB) authorize(action sqlite3.AuthorizerActionCode, name3rd, name4th, schema, inner string) sqlite3.AuthorizerReturnCode {
	if action == sqlite3.AUTH_READ && db.reads != nil {
		db.noteRead(schema, name3rd)
	}
	db.forgetAnalyzed(action, name3rd, name4th, schema)
	if db.engine {
		return sqlite3.AUTH_OK
	}
	switch action {
	case sqlite3.AUTH_ATTACH:
		db.refused = "ATTACH (or VACUUM INTO)"
	case sqlite3.AUTH_DETACH:
		db.refused = "DETACH"
	case sqlite3.AUTH_PRAGMA:
		if name4th == "" || readPragmas[strings.ToLower(name3rd)] {
			return sqlite3.AUTH_OK
		}
		db.refused = "PRAGMA " + strings.ToLower(name3rd) + " = ..."
	default:
		return sqlite3.AUTH_OK
	}
	return sqlite3.AUTH_DENY
}

// asEngine runs f with the authorizer letting everything through: f is
// the engine's own SQL, built from names it checked.
func (db *DB) asEngine(f func() error) error {
	was := db.engine
	db.engine = true
	defer func() { db.engine = was }()
	return f()
}

// notAllowed turns the authorizer's refusal into *ErrNotAllowed.
func (db *DB) notAllowed(err *error) {
	if *err != nil && db.refused != "" && errors.Is(*err, sqlite3.AUTH) {
		*err = &ErrNotAllowed{What: db.refused}
	}
	db.refused = ""
}

// TrackReads starts collecting the tables that the statements prepared from
// now on read, as SQLite's authorizer reports them (through views too);
// the function it returns stops and lists them, as lower-case
// schema.name. The engine keeps them to tell whether a table it built
// could come out different when built again. Tracking nests: what an
// inner tracking (a run_query while a model renders) sees counts for the
// outer one too, once the inner one stops, which it must do first.
func (db *DB) TrackReads() func() []string {
	outer := db.reads
	db.reads = map[string]bool{}
	return func() []string {
		out := make([]string, 0, len(db.reads))
		for r := range db.reads {
			out = append(out, r)
			if outer != nil {
				outer[r] = true
			}
		}
		db.reads = outer
		return out
	}
}

// noteRead records a read of schema.name. SQLite names a table read
// without a schema when no column of it is read (select count(*) from t)
// and the SQL named none: t may be any schema's, so each is recorded.
func (db *DB) noteRead(schema, name string) {
	if schema != "" {
		db.reads[strings.ToLower(schema+"."+name)] = true
		return
	}
	db.reads[strings.ToLower("temp."+name)] = true
	for s := range db.schemas {
		db.reads[strings.ToLower(s+"."+name)] = true
	}
}

// Writes counts the statements Query has run that could change the
// database: a change the engine did not make shows as a new count.
func (db *DB) Writes() int { return db.writes }
