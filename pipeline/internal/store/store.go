// Package store is the pipeline's SQLite: one connection, one attached
// database per dbt schema, statements that stop when their context ends,
// and bulk loads that cross the Go/SQLite boundary once per table.
package store

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DB is an open database with its attached schemas.
type DB struct {
	conn *sqlite3.Conn
	// session holds what the connection's statements set for later ones
	// (Snowflake's ALTER SESSION SET WEEK_START ...); see ResetSession.
	session *sqlfunc.Session
	// columnType answers column_type_of (SetColumnTypes); nil: the
	// declared type.
	columnType func(schema, table, column, declared string) string
	// columnName answers column_name_of (SetColumnNames); nil: NULL.
	columnName func(schema, table, column string) string
	// columnFacet answers column_facet_of (SetColumnFacets); nil: NULL.
	columnFacet func(schema, table, column, declared, facet string) (int64, bool)
	// columnMemo keeps their answers for the statement being run
	// (column_types.go).
	columnMemo columnMemo
	// file is "" for an in-memory database.
	file    string
	schemas map[string]bool
	// dropped are schemas a DROP SCHEMA forgot (drop_schema.go).
	dropped map[string]bool
	// att keeps every schema but main, attached or not (attach.go); lower
	// finds a schema by its name in lower case; views holds the schemas
	// each temporary view reads; tick orders the schemas' last uses.
	att         map[string]*attachment
	lower       map[string]string
	views       map[string][]string
	tick        int64
	maxAttached int
	memoryLimit int64
	// dataLimit caps each in-memory database's size (0: no cap).
	dataLimit int64
	// totalLimit caps all in-memory databases together (0: no cap); see
	// shareTotal, which keeps the page size and page cap it set of each,
	// the bytes used when it last looked and whether the total was what
	// bound a database then.
	totalLimit int64
	pageSizes  map[string]int64
	maxPages   map[string]int64
	totalUsed  int64
	totalBinds bool
	// countStmt reads the page counts of countSchemas (NUL-separated).
	countStmt    *sqlite3.Stmt
	countSchemas string
	// engine is set while the engine runs its own statements (see
	// authorize); refused names what the authorizer last refused.
	engine  bool
	refused string
	// reads, while set, collects the tables that statements prepared
	// meanwhile read (TrackReads); writes counts the statements Query ran
	// that could change the database (Writes).
	reads  map[string]bool
	writes int
	// stats counts the statements run and the time spent in them (Stats).
	stats Stats
	// analyzed holds the fingerprint of each table's content when
	// AnalyzeContent last analyzed it (lower-case schema.name), while
	// analyzing is set during that ANALYZE, dropping while a DROP TABLE
	// deletes the table's statistics (analyze.go).
	analyzed  map[string]string
	analyzing bool
	dropping  bool
}

// Stats counts the statements a DB ran and the time they took: in js/wasm
// each statement has a fixed cost of about a millisecond, so their number
// is a figure to watch that does not depend on the machine's load.
type Stats struct {
	Statements int
	Seconds    float64
}

// Stats returns the counts since the DB was opened.
func (db *DB) Stats() Stats { return db.stats }

// count adds n statements that started at start.
func (db *DB) count(n int, start time.Time) {
	db.stats.Statements += n
	db.stats.Seconds += time.Since(start).Seconds()
}

// statements is the number of statements in sql.
func statements(sql string) int {
	n := 1
	for {
		i := SecondStatement(sql)
		if i < 0 {
			return n
		}
		sql = sql[i:]
		n++
	}
}

// MemoryDSN opens a database that lives only as long as the DB.
const MemoryDSN = ":memory:"

// Open opens dsn (":memory:" or a file path). A file database keeps each
// schema in a sibling file, <name>.<schema>.db, listed in the main file's
// _nexus_schemas table so that reopening attaches them all again.
func Open(ctx context.Context, dsn string) (*DB, error) {
	file := dsn
	if dsn == "" || dsn == MemoryDSN {
		file = ""
		dsn = MemoryDSN
	}
	if file != "" && !fileDatabases {
		return nil, fmt.Errorf("open %s: the js/wasm build keeps databases in memory only; use --db :memory:", dsn)
	}
	// The library reserves 256 MB for SQLite unless told otherwise; the
	// module gets room above the heap limit so the limit, not the module,
	// is what a large statement meets.
	target := dsn
	if file == "" {
		target = memoryTarget("main")
	}
	conn, err := sqlite3.OpenContext(sqlite3.WithMaxMemory(ctx, defaultMemoryLimit+64<<20), target)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dsn, err)
	}
	db := &DB{conn: conn, file: file, schemas: map[string]bool{"main": true}, att: map[string]*attachment{}, lower: map[string]string{},
		views: map[string][]string{}, maxAttached: maxAttachedOf(conn), memoryLimit: defaultMemoryLimit, dataLimit: defaultDataLimit,
		totalLimit: defaultTotalDataLimit, pageSizes: map[string]int64{}, maxPages: map[string]int64{}, analyzed: map[string]string{}}
	// SQLite codes a compound SELECT recursing once per input, and the
	// stack of its WebAssembly build (64 KiB) ends past some 200 inputs,
	// crashing the process: past maxCompound inputs it refuses the
	// statement instead (the dialects' translation groups longer UNION ALL
	// chains, see dialect.compoundChunk).
	conn.Limit(sqlite3.LIMIT_COMPOUND_SELECT, maxCompound)
	if err := conn.SetAuthorizer(db.authorize); err != nil {
		conn.Close()
		return nil, err
	}
	if err := db.asEngine(db.setup); err != nil {
		conn.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) setup() error {
	pragmas := fmt.Sprintf("PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA hard_heap_limit=%d;", defaultMemoryLimit)
	if db.file != "" {
		pragmas += "PRAGMA journal_mode=MEMORY;"
	}
	if err := db.conn.Exec(pragmas); err != nil {
		return err
	}
	if err := db.capData("main"); err != nil {
		return err
	}
	if err := db.conn.CreateFunction("md5", 1, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, md5Func); err != nil {
		return err
	}
	if err := db.conn.CreateFunction("nexus_order_key", -1, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, orderKeyFunc); err != nil {
		return err
	}
	if err := db.conn.CreateFunction("nexus_order_key_desc", -1, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, orderKeyDescFunc); err != nil {
		return err
	}
	if err := db.conn.CreateWindowFunction("nexus_concat_distinct", 3, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, func() sqlite3.AggregateFunction { return &concatDistinct{} }); err != nil {
		return err
	}
	session, err := sqlfunc.RegisterSession(db.conn)
	if err != nil {
		return err
	}
	db.session = session
	if err := db.conn.CreateFunction("column_type_of", 4, sqlite3.INNOCUOUS, db.columnTypeOf); err != nil {
		return err
	}
	if err := db.conn.CreateFunction("column_name_of", 3, sqlite3.INNOCUOUS, db.columnNameOf); err != nil {
		return err
	}
	if err := db.conn.CreateFunction("column_facet_of", 5, sqlite3.INNOCUOUS, db.columnFacetOf); err != nil {
		return err
	}
	if db.file == "" {
		return nil
	}
	if err := db.conn.Exec(schemaList + ";" + typesList); err != nil {
		return err
	}
	if err := db.loadSequences(); err != nil {
		return err
	}
	stmt, _, err := db.conn.Prepare("SELECT name, file FROM main._nexus_schemas ORDER BY name")
	if err != nil {
		return err
	}
	var pairs [][2]string
	for stmt.Step() {
		pairs = append(pairs, [2]string{stmt.ColumnText(0), stmt.ColumnText(1)})
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	for _, p := range pairs {
		if err := checkSchemaFile(p[0], p[1]); err != nil {
			return fmt.Errorf("%s: %w", db.file, err)
		}
		if err := db.register(p[0], filepath.Join(filepath.Dir(db.file), p[1])); err != nil {
			return err
		}
	}
	return nil
}

// checkSchemaFile refuses an entry of _nexus_schemas that does not name a
// schema and a database file beside the main one: the list is data in a
// file that may come from anywhere, and attaching is writing.
func checkSchemaFile(schema, file string) error {
	switch {
	case !schemaName.MatchString(schema) || schema == "temp" || schema == "main":
		return fmt.Errorf("_nexus_schemas lists %q, which is not a schema name: remove the row", schema)
	case file == "" || file != filepath.Base(file) || strings.ContainsAny(file, `/\:`) || strings.HasPrefix(file, ".") || !strings.HasSuffix(file, ".db"):
		return fmt.Errorf("_nexus_schemas lists the file %q for schema %s: only a .db file in the same folder is attached; remove the row", file, schema)
	}
	return nil
}

// md5Func is SQLite's md5(text): lower-case hex, like the warehouses' md5.
func md5Func(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	sum := md5.Sum(arg[0].RawText())
	ctx.ResultText(hex.EncodeToString(sum[:]))
}

// Conn gives the raw connection to packages that stream data in bulk.
func (db *DB) Conn() *sqlite3.Conn { return db.conn }

// File is the main database file, "" when in memory.
func (db *DB) File() string { return db.file }

// Close closes the connection.
func (db *DB) Close() error {
	if db.countStmt != nil {
		db.countStmt.Close()
		db.countStmt = nil
	}
	err := db.conn.Close()
	db.releaseHeld()
	return err
}

var schemaName = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// canonical is the spelling schema was first made with: SQLite's
// database names, like the schemas of Snowflake and DuckDB, are one name
// in any case, so STG and stg are one schema, attached once.
func (db *DB) canonical(schema string) string {
	if strings.EqualFold(schema, "main") {
		return "main"
	}
	if c, ok := db.lower[strings.ToLower(schema)]; ok {
		return c
	}
	return schema
}

// EnsureSchema attaches a database for schema if it is not there yet.
// It must be called outside any transaction (SQLite refuses ATTACH inside one).
func (db *DB) EnsureSchema(schema string) error {
	schema = db.canonical(schema)
	if db.dropped[schema] {
		delete(db.dropped, schema) // made again, empty
		// main is the main file itself, never listed in _nexus_schemas
		if db.file != "" && schema != "main" {
			return db.Exec(context.Background(), fmt.Sprintf("INSERT OR REPLACE INTO main._nexus_schemas VALUES (%s, %s)", Quote(schema), Quote(schemaFile(strings.TrimSuffix(filepath.Base(db.file), filepath.Ext(db.file)), schema))))
		}
		return nil
	}
	if schema == "" || db.schemas[schema] {
		return nil
	}
	if !schemaName.MatchString(schema) {
		return fmt.Errorf("schema name %q must be letters, digits and underscores, starting with a letter", schema)
	}
	if schema == "temp" {
		return errors.New(`"temp" is SQLite's own schema; choose another schema name`)
	}
	target := ""
	if db.file != "" {
		base := strings.TrimSuffix(filepath.Base(db.file), filepath.Ext(db.file))
		name := schemaFile(base, schema)
		target = filepath.Join(filepath.Dir(db.file), name)
		if err := db.Exec(context.Background(), fmt.Sprintf("INSERT OR REPLACE INTO main._nexus_schemas VALUES (%s, %s)", Quote(schema), Quote(name))); err != nil {
			return err
		}
	}
	return db.asEngine(func() error { return db.register(schema, target) })
}

// attach attaches a known schema as its attachment says.
func (db *DB) attach(schema string) error {
	a := db.att[schema]
	if err := db.conn.Exec(fmt.Sprintf("ATTACH DATABASE %s AS %s", Quote(a.target), Ident(schema))); err != nil {
		return fmt.Errorf("attach schema %s: %w", schema, err)
	}
	db.tick++
	a.used, a.bytes = db.tick, 0
	if a.keeps && a.held == "" { // a file
		db.conn.Exec("PRAGMA " + Ident(schema) + ".synchronous=OFF; PRAGMA " + Ident(schema) + ".journal_mode=MEMORY")
	}
	// Like main's, a schema's page cache holds 64 MB: a database kept in
	// Go memory (js/wasm) or in a file reads pages through it.
	if err := db.conn.Exec("PRAGMA " + Ident(schema) + ".cache_size=-65536"); err != nil {
		return err
	}
	return db.capData(schema)
}

// capData sets an in-memory database's page limit from dataLimit.
func (db *DB) capData(schema string) error {
	if db.file != "" {
		return nil
	}
	if db.totalLimit > 0 {
		return db.shareTotal()
	}
	if db.dataLimit <= 0 {
		return nil
	}
	size, err := db.cachedPageSize(schema)
	if err != nil {
		return err
	}
	db.maxPages[schema] = db.dataLimit / size
	return db.conn.Exec(fmt.Sprintf("PRAGMA %s.max_page_count=%d", Ident(schema), db.dataLimit/size))
}

// pageSize is the page size a database actually uses: memdb's is 8,192
// bytes, SQLite's own in-memory databases 4,096.
func (db *DB) pageSize(schema string) (int64, error) {
	stmt, _, err := db.conn.Prepare("PRAGMA " + Ident(schema) + ".page_size")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	if !stmt.Step() {
		return 0, fmt.Errorf("page size of %s: %w", schema, stmt.Err())
	}
	return stmt.ColumnInt64(0), nil
}

// SetDataLimit caps the size of each in-memory database (main and every
// schema), in bytes: a statement that would grow one past it fails with
// ErrDataLimit.
func (db *DB) SetDataLimit(bytes int64) error {
	db.dataLimit = bytes
	return db.asEngine(func() error {
		for s := range db.schemas {
			if !db.attached(s) {
				continue // attach caps it
			}
			if err := db.capData(s); err != nil {
				return err
			}
		}
		return nil
	})
}

// maxCompound is the most inputs of one compound SELECT SQLite takes here.
const maxCompound = 160

// ErrDataLimit is what a statement that would grow a database past the
// data limit fails with (errors.Is); the message names the limit.
var ErrDataLimit = errors.New("database full")

// Schemas lists the schemas, attached or not, main first.
func (db *DB) Schemas() []string {
	var out []string
	for s := range db.schemas {
		if s != "main" && !db.dropped[s] {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return append([]string{"main"}, out...)
}

// HasSchema tells whether schema is one of the database's.
func (db *DB) HasSchema(schema string) bool {
	schema = db.canonical(schema)
	return db.schemas[schema] && !db.dropped[schema]
}

// Exec runs one or more statements; ctx interrupts them.
func (db *DB) Exec(ctx context.Context, sql string) (err error) {
	db.columnMemo.statement()
	defer db.keepSequences(sql, &err)
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	sql, err = db.need(sql)
	if err != nil {
		return err
	}
	if !releasesOnly(sql) {
		if err := db.beforeWrite(); err != nil {
			return err
		}
	}
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	defer db.count(statements(sql), time.Now())
	return db.conn.Exec(sql)
}

// releasesOnly tells whether sql is one RELEASE of a savepoint. It takes
// no new page (the statements in the savepoint did, under the caps shared
// out before them), so the caps need not be shared out again before it:
// inside a transaction that costs a statement in js/wasm, one per model
// written in place (engine.rewriteInPlace).
func releasesOnly(sql string) bool {
	f := strings.Fields(sql)
	return len(f) == 2 && strings.EqualFold(f[0], "RELEASE") && !strings.Contains(sql, ";")
}

// SetMemoryLimit changes the cap on SQLite's heap, in bytes; it can only
// lower the cap the database was opened with.
func (db *DB) SetMemoryLimit(bytes int64) error {
	db.memoryLimit = bytes
	return db.asEngine(func() error { return db.conn.Exec(fmt.Sprintf("PRAGMA hard_heap_limit=%d", bytes)) })
}

// ErrOutOfMemory is what a statement that needed more memory than the
// limit allows fails with (errors.Is); the message names the limit.
var ErrOutOfMemory = errors.New("out of memory")

// limitError turns the library's out-of-memory panic into an error, and a
// full database into ErrDataLimit; the connection stays usable, since the
// statement was finalized on the way out.
func (db *DB) limitError(err *error) {
	if *err != nil && errors.Is(*err, sqlite3.FULL) {
		switch {
		case db.totalLimit > 0 && db.file == "" && db.totalBinds:
			*err = fmt.Errorf("%w: all schemas together may hold up to %d MB of tables here and held %d MB before this statement (build fewer rows or fewer large tables, or look for a join that multiplies rows)", ErrDataLimit, db.totalLimit>>20, db.totalUsed>>20)
		case db.dataLimit > 0:
			*err = fmt.Errorf("%w: a schema may hold up to %d MB of tables here (look for a join that multiplies rows, or build fewer rows)", ErrDataLimit, db.dataLimit>>20)
		}
	}
	if r := recover(); r != nil {
		if e, ok := r.(error); ok && strings.Contains(e.Error(), "out of memory") {
			*err = fmt.Errorf("%w: the statement needed more than the %d MB memory limit (look for a recursive CTE without a stop or a large cross join)", ErrOutOfMemory, db.memoryLimit>>20)
			return
		}
		panic(r)
	}
}

// Quote renders s as an SQL string literal.
func Quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Ident renders s as a quoted SQL identifier.
func Ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Rel renders schema.name for SQL, quoting both parts.
func Rel(schema, name string) string {
	if schema == "" {
		return Ident(name)
	}
	return Ident(schema) + "." + Ident(name)
}

// ResetSession gives the session parameters a statement set (Snowflake's
// ALTER SESSION SET WEEK_START ...) their defaults again, as a new
// warehouse session has them: a build starts with it, as dbt opens new
// sessions for each command.
func (db *DB) ResetSession() {
	if db.session != nil {
		db.session.Reset()
	}
}

// SessionAltered reports whether a statement set a session parameter
// since ResetSession.
func (db *DB) SessionAltered() bool { return db.session != nil && db.session.Altered() }
