package store

import "github.com/ncruces/go-sqlite3"

// SetColumnTypes makes f answer the data_type of INFORMATION_SCHEMA.COLUMNS
// (sqlfunc's column_type_of): the engine knows the warehouse types of the
// columns it built, which SQLite's declared types do not say.
func (db *DB) SetColumnTypes(f func(schema, table, column, declared string) string) {
	db.columnType = f
}

func (db *DB) columnTypeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	declared := args[3].Text()
	if db.columnType == nil {
		ctx.ResultText(declared)
		return
	}
	ctx.ResultText(db.columnType(args[0].Text(), args[1].Text(), args[2].Text(), declared))
}

// SetColumnNames makes f answer the column_name of Snowflake's
// INFORMATION_SCHEMA.COLUMNS (column_name_of): the engine knows which
// columns it built a quoted identifier names, which Snowflake stores as
// written, and the others in upper case.
func (db *DB) SetColumnNames(f func(schema, table, column string) string) {
	db.columnName = f
}

// columnNameOf is NULL without SetColumnNames: the SQL then names the
// column as it would without the engine.
func (db *DB) columnNameOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if db.columnName == nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(db.columnName(args[0].Text(), args[1].Text(), args[2].Text()))
}

// SetColumnFacets makes f answer the character_maximum_length,
// numeric_precision and numeric_scale of Snowflake's
// INFORMATION_SCHEMA.COLUMNS (column_facet_of, facet 'length',
// 'precision' or 'scale'): ok false gives NULL.
func (db *DB) SetColumnFacets(f func(schema, table, column, declared, facet string) (n int64, ok bool)) {
	db.columnFacet = f
}

func (db *DB) columnFacetOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if db.columnFacet == nil {
		ctx.ResultNull()
		return
	}
	n, ok := db.columnFacet(args[0].Text(), args[1].Text(), args[2].Text(), args[3].Text(), args[4].Text())
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultInt64(n)
}
