package store

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// SetColumnTypes makes f answer the data_type of INFORMATION_SCHEMA.COLUMNS
// (sqlfunc's column_type_of): the engine knows the warehouse types of the
// columns it built, which SQLite's declared types do not say.
func (db *DB) SetColumnTypes(f func(schema, table, column, declared string) string) {
	db.columnType = f
	db.columnMemo.reset()
}

func (db *DB) columnTypeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	declared := args[3].Text()
	if db.columnType == nil {
		ctx.ResultText(declared)
		return
	}
	a := db.columnMemo.answer("type", args, func() columnAnswer {
		return columnAnswer{text: db.columnType(args[0].Text(), args[1].Text(), args[2].Text(), declared), ok: true}
	})
	ctx.ResultText(a.text)
}

// SetColumnNames makes f answer the column_name of Snowflake's
// INFORMATION_SCHEMA.COLUMNS (column_name_of): the engine knows which
// columns it built a quoted identifier names, which Snowflake stores as
// written, and the others in upper case.
func (db *DB) SetColumnNames(f func(schema, table, column string) string) {
	db.columnName = f
	db.columnMemo.reset()
}

// columnNameOf is NULL without SetColumnNames: the SQL then names the
// column as it would without the engine.
func (db *DB) columnNameOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if db.columnName == nil {
		ctx.ResultNull()
		return
	}
	a := db.columnMemo.answer("name", args, func() columnAnswer {
		return columnAnswer{text: db.columnName(args[0].Text(), args[1].Text(), args[2].Text()), ok: true}
	})
	ctx.ResultText(a.text)
}

// SetColumnFacets makes f answer the character_maximum_length,
// numeric_precision and numeric_scale of Snowflake's
// INFORMATION_SCHEMA.COLUMNS (column_facet_of, facet 'length',
// 'precision' or 'scale'): ok false gives NULL.
func (db *DB) SetColumnFacets(f func(schema, table, column, declared, facet string) (n int64, ok bool)) {
	db.columnFacet = f
	db.columnMemo.reset()
}

func (db *DB) columnFacetOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if db.columnFacet == nil {
		ctx.ResultNull()
		return
	}
	a := db.columnMemo.answer("facet", args, func() columnAnswer {
		n, ok := db.columnFacet(args[0].Text(), args[1].Text(), args[2].Text(), args[3].Text(), args[4].Text())
		return columnAnswer{n: n, ok: ok}
	})
	if !a.ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultInt64(a.n)
}

// columnMemo keeps the answers of column_type_of, column_name_of and
// column_facet_of for one statement: INFORMATION_SCHEMA.COLUMNS calls them
// for every column of every relation, and each answer reads the
// relation's columns, so one statement asks the same again and again. A
// new statement (Query, Scan, Exec) starts afresh, as a statement before
// it may have changed the relations; one run while an answer is worked
// out (the engine reading a relation's columns) is part of the statement
// asking and keeps it.
type columnMemo struct {
	answers   map[string]columnAnswer
	answering bool
	seq       int // counts the statements started afresh
}

type columnAnswer struct {
	text string
	n    int64
	ok   bool
}

// statement starts a statement: afresh, unless it runs while an answer is
// worked out.
func (m *columnMemo) statement() {
	if !m.answering {
		m.reset()
	}
}

func (m *columnMemo) reset() { m.answers, m.seq = nil, m.seq+1 }

// Statement numbers the statement being run, as column_type_of,
// column_name_of and column_facet_of see it: what the engine reads to
// answer them may be kept while it stays the same.
func (db *DB) Statement() int { return db.columnMemo.seq }

// answer is the answer of function fn to args, worked out by work once a
// statement.
func (m *columnMemo) answer(fn string, args []sqlite3.Value, work func() columnAnswer) columnAnswer {
	var b strings.Builder
	b.WriteString(fn)
	for _, a := range args {
		b.WriteByte(0)
		b.WriteString(a.Text())
	}
	key := b.String()
	if a, ok := m.answers[key]; ok {
		return a
	}
	saved := m.answering
	m.answering = true
	a := work()
	m.answering = saved
	if m.answers == nil {
		m.answers = map[string]columnAnswer{}
	}
	m.answers[key] = a
	return a
}
