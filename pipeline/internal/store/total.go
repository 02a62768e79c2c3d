package store

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/vfs"
)

// defaultTotalDataLimit caps all in-memory databases together in js/wasm:
// each schema's own cap (defaultDataLimit) would let four schemas outgrow
// the 4 GiB the whole process has.
var defaultTotalDataLimit int64 = map[bool]int64{true: 2048 << 20, false: 0}[runtime.GOOS == "js"]

// SetTotalDataLimit caps the size of all in-memory databases together (main
// and every schema), in bytes; 0 removes the cap. A statement that would
// grow them past it fails with *ErrDataLimit naming the total.
func (db *DB) SetTotalDataLimit(bytes int64) error {
	db.totalLimit = bytes
	if bytes <= 0 {
		return db.SetDataLimit(db.dataLimit)
	}
	return db.asEngine(db.shareTotal)
}

// shareTotal gives every in-memory database room to grow by what the total
// cap leaves, within its own cap: SQLite caps each database by its
// max_page_count only, so before each statement each gets its current size
// plus the room left. A statement writes one table, so the total holds.
// Project SQL cannot move these caps: the authorizer refuses PRAGMA writes.
func (db *DB) shareTotal() error {
	if db.file != "" || db.totalLimit <= 0 {
		return nil
	}
	var names []string
	var used int64
	for _, s := range db.Schemas() {
		if db.attached(s) {
			names = append(names, s)
		} else {
			used += db.att[s].bytes // detached, it does not change
		}
	}
	pages, err := db.pageCounts(names)
	if err != nil {
		return err
	}
	for i, s := range names {
		size, err := db.cachedPageSize(s)
		if err != nil {
			return err
		}
		used += pages[i] * size
	}
	room := max(db.totalLimit-used, 0)
	db.totalUsed = used
	db.totalBinds = db.dataLimit <= 0 || room < db.dataLimit
	for i, s := range names {
		size, _ := db.cachedPageSize(s)
		limit := pages[i]*size + room
		if db.dataLimit > 0 {
			limit = min(limit, db.dataLimit)
		}
		if n := limit / size; db.maxPages[s] != n {
			db.stats.Statements++
			if err := db.conn.Exec(fmt.Sprintf("PRAGMA %s.max_page_count=%d", Ident(s), n)); err != nil {
				return err
			}
			db.maxPages[s] = n
		}
	}
	return nil
}

// pageCounts gives the page count of each of names. Outside a transaction
// an in-memory database's pages are all in its memdb file, whose size Go
// knows: no statement is needed, which in js/wasm saves one of about 1 ms
// per statement of the build. Otherwise one statement asks SQLite.
func (db *DB) pageCounts(names []string) ([]int64, error) {
	if pages, ok := db.filePageCounts(names); ok {
		return pages, nil
	}
	return db.queryPageCounts(names)
}

// filePageCounts reads the page counts from the sizes of memdb files, when
// no transaction is open (its pages may still be in the cache) and every
// schema is such a file; ok is false otherwise.
func (db *DB) filePageCounts(names []string) (pages []int64, ok bool) {
	if !db.conn.GetAutocommit() {
		return nil, false
	}
	pages = make([]int64, 0, len(names))
	for _, s := range names {
		name, err := db.conn.FileControl(s, sqlite3.FCNTL_VFSNAME)
		if err != nil || name != "memdb" {
			return nil, false
		}
		f, err := db.conn.FileControl(s, sqlite3.FCNTL_FILE_POINTER)
		if err != nil {
			return nil, false
		}
		file, isFile := f.(vfs.File)
		if !isFile || file == nil {
			return nil, false
		}
		size, err := file.Size()
		if err != nil {
			return nil, false
		}
		pageSize, err := db.cachedPageSize(s)
		if err != nil || pageSize <= 0 || size%pageSize != 0 {
			return nil, false
		}
		pages = append(pages, size/pageSize)
	}
	return pages, true
}

// queryPageCounts asks SQLite for the page count of each of names, in one
// statement prepared once for the same schemas.
func (db *DB) queryPageCounts(names []string) ([]int64, error) {
	if db.countStmt == nil || db.countSchemas != strings.Join(names, "\x00") {
		var q strings.Builder
		for i, s := range names {
			if i > 0 {
				q.WriteString(" UNION ALL ")
			}
			fmt.Fprintf(&q, "SELECT page_count FROM pragma_page_count WHERE schema = %s", Quote(s))
		}
		if db.countStmt != nil {
			db.countStmt.Close()
			db.countStmt = nil
		}
		stmt, _, err := db.conn.Prepare(q.String())
		if err != nil {
			return nil, err
		}
		db.countStmt, db.countSchemas = stmt, strings.Join(names, "\x00")
	}
	stmt := db.countStmt
	defer db.count(1, time.Now())
	pages := make([]int64, 0, len(names))
	for stmt.Step() {
		pages = append(pages, stmt.ColumnInt64(0))
	}
	err := stmt.Err()
	stmt.Reset()
	if err != nil {
		return nil, err
	}
	if len(pages) != len(names) {
		return nil, fmt.Errorf("page counts: %d for %d schemas", len(pages), len(names))
	}
	return pages, nil
}

// cachedPageSize is pageSize, read once per schema.
func (db *DB) cachedPageSize(schema string) (int64, error) {
	if n, ok := db.pageSizes[schema]; ok {
		return n, nil
	}
	n, err := db.pageSize(schema)
	if err == nil {
		db.pageSizes[schema] = n
	}
	return n, err
}

// beforeWrite shares the total cap out before a statement of the project.
func (db *DB) beforeWrite() error {
	if db.file != "" || db.totalLimit <= 0 {
		return nil
	}
	return db.asEngine(db.shareTotal)
}
