package dialect

import (
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// A column's type as the warehouse names it, from its static type or how
// SQLite stores it.
func TestWarehouseType(t *testing.T) {
	for _, c := range []struct {
		d                     Dialect
		static, storage, want string
	}{
		{duckdb, TypeDate, "TEXT", "DATE"},
		{duckdb, sqlfunc.KindWallClock, "TEXT", "TIMESTAMP"},
		{duckdb, sqlfunc.KindInstant, "TEXT", "TIMESTAMP WITH TIME ZONE"},
		{duckdb, "", "REAL", "DOUBLE"},
		{duckdb, "", "TEXT", "VARCHAR"},
		{duckdb, typeNumber + decimalType + "2", "REAL", "DECIMAL(18,2)"},
		{duckdb, TypeList + " INTEGER", "TEXT", "VARCHAR"}, // a list: named as its JSON text is stored
		{bigquery, sqlfunc.KindWallClock, "TEXT", "DATETIME"},
		{bigquery, sqlfunc.KindInstant, "TEXT", "TIMESTAMP"},
		{bigquery, TypeBool, "INTEGER", "BOOL"},
		{bigquery, "", "INTEGER", "INT64"},
		{bigquery, "", "TEXT", "STRING"},
		{bigquery, typeDecimal + "9", "REAL", "NUMERIC"}, // a query's column: no parameters, so is_numeric() holds
		{bigquery, typeNumber + decimalType + "9", "REAL", "NUMERIC"},
		{snowflake, sqlfunc.KindWallClock, "TEXT", "TIMESTAMP_NTZ"},
		{snowflake, typeDecimal + "2", "REAL", "NUMBER(38,2)"},
		{snowflake, "", "INTEGER", "NUMBER(38,0)"}, // as DESCRIBE TABLE gives it
		{snowflake, "", "TEXT", "VARCHAR(16777216)"},
		{snowflake, TypeDate, "TEXT", "DATE"},
		{snowflake, "", "REAL", "FLOAT"},
		{sqlite, TypeDate, "TEXT", "TEXT"},
		// bytes, as each warehouse names them
		{snowflake, "", "BLOB", "BINARY(8388608)"},
		{bigquery, "", "BLOB", "BYTES"},
		{duckdb, "", "BLOB", "BLOB"},
		{sqlite, "", "BLOB", "BLOB"},
	} {
		if got := WarehouseType(c.d, c.static, c.storage); got != c.want {
			t.Errorf("WarehouseType(%s, %q, %q) = %q, want %q", c.d, c.static, c.storage, got, c.want)
		}
	}
}
