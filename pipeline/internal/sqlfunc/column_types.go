package sqlfunc

import "github.com/ncruces/go-sqlite3"

// column_type_of(schema, table, column, declared) is the data_type
// INFORMATION_SCHEMA.COLUMNS gives a column (the translator's subquery
// over SQLite's catalog calls it): here the declared type; a store that
// knows what the engine built answers with the warehouse's name of the
// column's type instead (store.DB.SetColumnTypes).

func init() {
	add(Func{Name: "column_type_of", NArgs: 4, Volatile: true, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		ctx.ResultText(args[3].Text())
	}})
}

// column_name_of(schema, table, column) is the column_name Snowflake's
// INFORMATION_SCHEMA.COLUMNS gives a column: here NULL, which the
// translator's subquery reads as the name in upper case; a store that
// knows which columns a quoted identifier created answers with their names
// as written (store.DB.SetColumnNames).

func init() {
	add(Func{Name: "column_name_of", NArgs: 3, Volatile: true, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		ctx.ResultNull()
	}})
}

// column_facet_of(schema, table, column, declared, facet) is the
// character_maximum_length ('length'), numeric_precision ('precision') or
// numeric_scale ('scale') Snowflake's INFORMATION_SCHEMA.COLUMNS gives a
// column: here NULL; a store that knows the warehouse types of what the
// engine built answers (store.DB.SetColumnFacets).

func init() {
	add(Func{Name: "column_facet_of", NArgs: 5, Volatile: true, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		ctx.ResultNull()
	}})
}
