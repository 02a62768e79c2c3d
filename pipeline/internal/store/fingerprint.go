package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// Fingerprint counts the rows and columns of a table and, when it holds at
// most maxCells values, reads it whole: content is what Query would give, and fp
// hashes its columns (names and declared types) and every value with its
// type, in the order the table holds them. Two tables with one fingerprint
// answer every query alike, so what was built from one is what would be
// built from the other. It is one statement where a count is one too; a
// larger table is counted instead, with fp "" and content nil. shape is
// the table's columns, names and declared types, whatever its size
// (ShapeText).
func (db *DB) Fingerprint(ctx context.Context, rel string, maxCells int) (rows int64, cols int, shape, fp string, content *Rows, err error) {
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	if _, err := db.need("SELECT * FROM " + rel); err != nil {
		return 0, 0, "", "", nil, err
	}
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	start := time.Now()
	defer func() { db.count(1, start) }()
	stmt, _, err := db.conn.Prepare("SELECT * FROM " + rel)
	if err != nil {
		return 0, 0, "", "", nil, err
	}
	defer stmt.Close()
	out := newRows(stmt)
	cols = len(out.Columns)
	shape = ShapeText(out.Columns, out.Types)
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
			return rows, cols, shape, "", nil, err
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
		return 0, 0, "", "", nil, err
	}
	return int64(len(out.Rows)), cols, shape, string(h.Sum(nil)), out, nil
}

// ShapeText writes a table's columns down for comparison: each name and
// declared type after its length. A table made by CREATE TABLE ... AS, or
// with only names and types, is all its shape says: two tables of one
// shape take the same values alike (the columns' affinities), and give
// what selects them the same columns.
func ShapeText(names, types []string) string {
	var b []byte
	for i, n := range names {
		b = strconv.AppendInt(b, int64(len(n)), 10)
		b = append(append(b, ':'), n...)
		b = strconv.AppendInt(b, int64(len(types[i])), 10)
		b = append(append(b, ':'), types[i]...)
	}
	return string(b)
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

// ShapeTypes are the declared types of a shape's columns (ShapeText).
func ShapeTypes(shape string) []string {
	var types []string
	for i := 0; shape != ""; i++ {
		n, rest, ok := strings.Cut(shape, ":")
		size, err := strconv.Atoi(n)
		if !ok || err != nil || size > len(rest) {
			return nil
		}
		if i%2 == 1 {
			types = append(types, rest[:size])
		}
		shape = rest[size:]
	}
	return types
}
