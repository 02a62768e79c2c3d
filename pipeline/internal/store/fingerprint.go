package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Fingerprint counts the rows of a table and, when it holds at most
// maxCells values, hashes its columns (names and declared types) and every
// value with its type, in the order the table holds them: two tables with
// one fingerprint answer every query alike, so what was built from one is
// what would be built from the other. It is one statement where a count
// is one too; a larger table is counted instead, and fp is "".
func (db *DB) Fingerprint(ctx context.Context, rel string, maxCells int) (rows int64, fp string, err error) {
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	start := time.Now()
	defer func() { db.count(1, start) }()
	stmt, _, err := db.conn.Prepare("SELECT * FROM " + rel)
	if err != nil {
		return 0, "", err
	}
	defer stmt.Close()
	h := sha256.New()
	var buf [9]byte
	part := func(tag byte, b []byte) {
		buf[0] = tag
		binary.LittleEndian.PutUint64(buf[1:], uint64(len(b)))
		h.Write(buf[:])
		h.Write(b)
	}
	n := stmt.ColumnCount()
	for i := range n {
		part('c', []byte(stmt.ColumnName(i)))
		part('d', []byte(stmt.ColumnDeclType(i)))
	}
	cells := 0
	for stmt.Step() {
		if cells += n; cells > maxCells {
			stmt.Close()
			db.stats.Statements++ // the count below
			rows, err := db.countRows(rel)
			return rows, "", err
		}
		rows++
		for i := range n {
			switch stmt.ColumnType(i) {
			case sqlite3.INTEGER:
				binary.LittleEndian.PutUint64(buf[1:], uint64(stmt.ColumnInt64(i)))
				buf[0] = 'i'
				h.Write(buf[:])
			case sqlite3.FLOAT:
				binary.LittleEndian.PutUint64(buf[1:], math.Float64bits(stmt.ColumnFloat(i)))
				buf[0] = 'f'
				h.Write(buf[:])
			case sqlite3.TEXT:
				part('t', stmt.ColumnRawText(i))
			case sqlite3.BLOB:
				part('b', stmt.ColumnRawBlob(i))
			default:
				h.Write([]byte{'n'})
			}
		}
	}
	if err := stmt.Err(); err != nil {
		return 0, "", err
	}
	return rows, string(h.Sum(nil)), nil
}

// countRows counts rel's rows on the open connection.
func (db *DB) countRows(rel string) (int64, error) {
	stmt, _, err := db.conn.Prepare("SELECT count(*) FROM " + rel)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	if !stmt.Step() {
		if err := stmt.Err(); err != nil {
			return 0, err
		}
		return 0, errors.New("count of " + rel + " gave no row")
	}
	return stmt.ColumnInt64(0), nil
}
