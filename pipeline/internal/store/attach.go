package store

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/serdes"
	"github.com/ncruces/go-sqlite3/vfs/memdb"
)

// SQLite attaches at most ten databases besides main and temp
// (SQLITE_MAX_ATTACHED of the build the driver embeds; sqlite3_limit can
// only lower it), while a project may have any number of schemas. The
// store knows every schema (schemas) and keeps at most maxAttached of them
// attached: before a statement runs, the schemas it names are attached and,
// when there is no room, the least recently used others detached. A schema
// keeps its data while detached: a file stays on disk, and an in-memory
// schema lives in a memdb database the store holds (in js/wasm from the
// start, natively copied there when first detached). SQLite refuses ATTACH
// and DETACH inside a transaction, so the engine names a node's schemas
// (Use) before the savepoint it runs in. A project with no more schemas
// than fit never detaches one and runs exactly as before.

// attachment is how a schema other than main is kept.
type attachment struct {
	target string // what ATTACH opens: a file, ":memory:" or a memdb URI
	held   string // the memdb database holding the data ("" none)
	keeps  bool   // detaching keeps the data: a file, or a held memdb
	used   int64  // when a statement last needed it; 0 while detached
	bytes  int64  // its size when detached, for the total cap (total.go)
	// lastUse is used when it was last detached; copied is used when its
	// tables were last copied into the catalog (catalog.go).
	lastUse, copied int64
}

// ErrTooManySchemas is what a statement naming more schemas than SQLite
// attaches at once fails with (errors.Is).
var ErrTooManySchemas = errors.New("too many schemas in one statement")

// heldCount makes held memdb names unique in the process: memdb's shared
// databases are global.
var heldCount atomic.Int64

// holdMemory makes a memdb database holding data (nil: empty) that outlives
// being detached, and returns its name and the URI ATTACH opens.
func holdMemory(schema string, data []byte) (name, target string) {
	name = fmt.Sprintf("nexus%d_%s", heldCount.Add(1), schema)
	memdb.Create(name, data)
	return name, "file:/" + name + "?vfs=memdb"
}

// register makes schema known, kept in file ("" in memory), and attaches
// it while there is room.
func (db *DB) register(schema, file string) error {
	a := &attachment{target: file, keeps: file != ""}
	if file == "" {
		a.target = MemoryDSN
		if heldMemory {
			a.held, a.target = holdMemory(schema, nil)
			a.keeps = true
		}
	}
	db.schemas[schema] = true
	db.att[schema] = a
	db.lower[strings.ToLower(schema)] = schema
	if db.attachedCount() < db.maxAttached {
		return db.attach(schema)
	}
	return nil
}

func (db *DB) attachedCount() int {
	n := 0
	for _, a := range db.att {
		if a.used > 0 {
			n++
		}
	}
	return n
}

// attached tells whether schema is attached now (main always is).
func (db *DB) attached(schema string) bool {
	if schema == "main" || schema == "temp" {
		return true
	}
	a := db.att[schema]
	return a != nil && a.used > 0
}

// MaxAttached is how many schemas besides main one statement may name.
func (db *DB) MaxAttached() int { return db.maxAttached }

// SchemasFit tells whether every schema stays attached: no more of them
// than SQLite attaches at once.
func (db *DB) SchemasFit() bool { return len(db.att) <= db.maxAttached }

// Use attaches the given schemas (unknown names are left out) for what
// runs next, detaching others when there is no room. Inside a transaction
// it can attach nothing: a schema not attached then is an error.
func (db *DB) Use(schemas ...string) error {
	if db.SchemasFit() {
		return nil
	}
	need := make([]string, 0, len(schemas))
	seen := map[string]bool{}
	for _, s := range schemas {
		if c, ok := db.lower[strings.ToLower(s)]; ok && !seen[c] && db.att[c] != nil {
			seen[c] = true
			need = append(need, c)
		}
	}
	sort.Strings(need)
	if len(need) > db.maxAttached {
		return fmt.Errorf("%w: it reads or writes %d schemas (%s) and SQLite attaches at most %d at once; split it, or build some of these relations into fewer schemas", ErrTooManySchemas, len(need), strings.Join(need, ", "), db.maxAttached)
	}
	var missing []string
	for _, s := range need {
		db.tick++
		if a := db.att[s]; a.used > 0 {
			a.used = db.tick
		} else {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if !db.conn.GetAutocommit() {
		return fmt.Errorf("schema %s is not attached, and SQLite attaches none inside a transaction (only %d schemas are attached at once; name the relation with ref or source so the engine attaches its schema first)", strings.Join(missing, ", "), db.maxAttached)
	}
	return db.asEngine(func() error {
		for _, s := range missing {
			if db.attachedCount() >= db.maxAttached {
				if err := db.detachLeastUsed(seen); err != nil {
					return err
				}
			}
			if err := db.attach(s); err != nil {
				return err
			}
			db.tick++
			db.att[s].used = db.tick
		}
		return nil
	})
}

// detachLeastUsed detaches the attached schema used longest ago, other than
// those in keep.
func (db *DB) detachLeastUsed(keep map[string]bool) error {
	victim := ""
	for s, a := range db.att {
		if a.used > 0 && !keep[s] && (victim == "" || a.used < db.att[victim].used) {
			victim = s
		}
	}
	if victim == "" {
		return fmt.Errorf("%w: no schema can be detached", ErrTooManySchemas)
	}
	return db.detach(victim)
}

// detach detaches schema, first copying an in-memory one into a held
// memdb database so that it keeps its data.
func (db *DB) detach(schema string) error {
	a := db.att[schema]
	var bytes int64
	if db.file == "" && db.totalLimit > 0 {
		if pages, err := db.pageCounts([]string{schema}); err == nil {
			if size, err := db.cachedPageSize(schema); err == nil {
				bytes = pages[0] * size
			}
		}
	}
	if !a.keeps {
		data, err := serdes.Serialize(db.conn, schema)
		if err != nil {
			return fmt.Errorf("keep schema %s: %w", schema, err)
		}
		db.stats.Statements++
		a.held, a.target = holdMemory(schema, data)
		a.keeps = true
	}
	if db.countStmt != nil {
		// it may name the schema, which DETACH leaves it unable to read
		db.countStmt.Close()
		db.countStmt, db.countSchemas = nil, ""
	}
	db.stats.Statements++
	if err := db.conn.Exec("DETACH DATABASE " + Ident(schema)); err != nil {
		return fmt.Errorf("detach schema %s: %w", schema, err)
	}
	a.lastUse, a.used, a.bytes = a.used, 0, bytes
	// attaching again starts from SQLite's default cap
	delete(db.maxPages, schema)
	return nil
}

// releaseHeld lets go of the memdb databases the store holds.
func (db *DB) releaseHeld() {
	for _, a := range db.att {
		if a.held != "" {
			memdb.Delete(a.held)
		}
	}
}

// need attaches the schemas sql names before it runs (Use), after noting
// which schemas a temporary view it creates reads, and returns sql to run:
// with schemas detached, SQLite's catalog read as INFORMATION_SCHEMA reads
// the store's copy of it instead (catalog.go).
func (db *DB) need(sql string) (string, error) {
	if hasWordFold(sql, "view") {
		db.noteViews(sql)
	}
	if db.SchemasFit() {
		if len(db.dropped) > 0 {
			return db.withSchemata(sql), nil
		}
		return sql, nil
	}
	// the catalog first: copying it may detach what sql names
	sql, err := db.withCatalog(sql)
	if err != nil {
		return "", err
	}
	return sql, db.Use(db.SchemasIn(sql)...)
}

// tempView finds the views a statement creates in temp: an ephemeral
// model's, or a hook's.
var tempView = regexp.MustCompile("(?is)\\bCREATE\\s+(?:TEMP|TEMPORARY)\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(?:\"temp\"|temp)\\s*\\.\\s*)?(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]|[A-Za-z_][A-Za-z0-9_$]*)")

// noteViews keeps, for each temporary view sql creates, the schemas its
// CREATE statement names, its views' schemas included: reading the view later
// reads them, and a detached one would be a missing table.
func (db *DB) noteViews(sql string) {
	for _, m := range tempView.FindAllStringSubmatchIndex(sql, -1) {
		name := strings.ToLower(unquote(sql[m[2]:m[3]]))
		body := sql[m[0]:]
		if i := SecondStatement(body); i >= 0 {
			body = body[:i]
		}
		db.views[name] = nil // SchemasIn must not count the view in itself
		db.views[name] = db.SchemasIn(body)
	}
}

// SchemasIn lists the known schemas sql names: each name qualifying another
// (schema.table) that is a schema, and the schemas of the temporary views it
// names. It is a superset (an alias spelled like a schema counts), which
// only attaches a schema more.
func (db *DB) SchemasIn(sql string) []string {
	set := map[string]bool{}
	var add func(word string, qualifier bool)
	add = func(word string, qualifier bool) {
		w := strings.ToLower(word)
		if s, ok := db.lower[w]; ok && qualifier {
			set[s] = true
		}
		if v, ok := db.views[w]; ok {
			for _, s := range v {
				set[s] = true
			}
		}
	}
	scanWords(sql, add)
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// scanWords calls fn with each identifier of sql, quoted or not, and
// whether a dot follows it; strings and comments are skipped as SQLite's
// tokenizer skips them.
func scanWords(sql string, fn func(word string, qualifier bool)) {
	dotAfter := func(i int) bool {
		for ; i < len(sql); i++ {
			switch sql[i] {
			case ' ', '\t', '\n', '\r':
				continue
			case '.':
				return true
			}
			return false
		}
		return false
	}
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case isCommentStart(sql, i):
			if i = commentEnd(sql, i); i < 0 {
				return
			}
		case c == '\'':
			i = quoteEnd(sql, i)
		case c == '"' || c == '`' || c == '[':
			start := i
			if i = quoteEnd(sql, i); i < len(sql) {
				fn(unquote(sql[start:i+1]), dotAfter(i+1))
			}
		case c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80:
			start := i
			for i+1 < len(sql) && wordByte(sql[i+1]) {
				i++
			}
			fn(sql[start:i+1], dotAfter(i+1))
		case c >= '0' && c <= '9':
			for i+1 < len(sql) && wordByte(sql[i+1]) {
				i++
			}
		}
	}
}

func wordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// unquote strips an identifier's quotes, undoing doubled ones.
func unquote(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[0] {
	case '"':
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	case '`':
		return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
	case '[':
		return s[1 : len(s)-1]
	}
	return s
}

// hasWordFold tells whether s contains word, ASCII case aside.
func hasWordFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// maxAttachedOf is how many databases conn attaches besides main and temp.
func maxAttachedOf(conn *sqlite3.Conn) int {
	return conn.Limit(sqlite3.LIMIT_ATTACHED, -1)
}
