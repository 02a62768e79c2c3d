package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"time"
	"unsafe"
)

// Fingerprint counts the rows and columns of a table and, when it holds at
// most maxCells values, reads it whole: content is what Query would give, and fp
// hashes its columns (names and declared types) and every value with its
// type, in the order the table holds them. Two tables with one fingerprint
// answer every query alike, so what was built from one is what would be
// built from the other. It is one statement where a count is one too; a
// larger table is counted instead, with fp "" and content nil.
func (db *DB) Fingerprint(ctx context.Context, rel string, maxCells int) (rows int64, cols int, fp string, content *Rows, err error) {
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	if _, err := db.need("SELECT * FROM " + rel); err != nil {
		return 0, 0, "", nil, err
	}
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	start := time.Now()
	defer func() { db.count(1, start) }()
	stmt, _, err := db.conn.Prepare("SELECT * FROM " + rel)
	if err != nil {
		return 0, 0, "", nil, err
	}
	defer stmt.Close()
	out := newRows(stmt)
	cols = len(out.Columns)
	h := sha256.New()
	var buf [9]byte
	part := func(tag byte, b []byte) {
		buf[0] = tag
		binary.LittleEndian.PutUint64(buf[1:], uint64(len(b)))
		h.Write(buf[:])
		h.Write(b)
	}
	for i, c := range out.Columns {
		part('c', []byte(c))
		part('d', []byte(out.Types[i]))
	}
	n, cells, held := len(out.Columns), 0, 0
	for stmt.Step() {
		if cells += n; cells > maxCells || held > MaxResultBytes {
			stmt.Close()
			db.stats.Statements++ // the count below
			rows, err := db.countRows(rel)
			return rows, cols, "", nil, err
		}
		held += out.readRow(stmt)
		for _, v := range out.Rows[len(out.Rows)-1] {
			switch v := v.(type) {
			case int64:
				buf[0] = 'i'
				binary.LittleEndian.PutUint64(buf[1:], uint64(v))
				h.Write(buf[:])
			case float64:
				buf[0] = 'f'
				binary.LittleEndian.PutUint64(buf[1:], math.Float64bits(v))
				h.Write(buf[:])
			case string:
				part('t', unsafe.Slice(unsafe.StringData(v), len(v))) // the hash does not keep or change it
			case []byte:
				part('b', v)
			default:
				h.Write([]byte{'n'})
			}
		}
	}
	if err := stmt.Err(); err != nil {
		return 0, 0, "", nil, err
	}
	return int64(len(out.Rows)), cols, string(h.Sum(nil)), out, nil
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
