package store

import (
	"fmt"
	"runtime"
	"strings"
	"time"
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
	names := db.Schemas()
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
			return err
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
		return err
	}
	if len(pages) != len(names) {
		return fmt.Errorf("page counts: %d for %d schemas", len(pages), len(names))
	}
	var used int64
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
