package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// WarehouseType is the type name the warehouse of d gives a column whose
// static type is static and whose values SQLite stores as storage
// (INTEGER, REAL, TEXT): what adapter.get_columns_in_relation's
// column.dtype says there (DATE, TIMESTAMP, DOUBLE, VARCHAR in DuckDB;
// DATE, DATETIME, FLOAT64, STRING in BigQuery; DATE, TIMESTAMP_NTZ, FLOAT,
// VARCHAR in Snowflake), as packages compare it. SQLite keeps storage.
// Snowflake's is as DESCRIBE TABLE gives it, which dbt-snowflake reads:
// a NUMBER with its precision and scale, NUMBER(38,0) for an integer, and
// a VARCHAR with its length, 16777216 when none is declared, a BINARY
// with its 8388608. Bytes (SQLite's BLOB) are BYTES in BigQuery, BINARY in
// Snowflake and BLOB in DuckDB.
func WarehouseType(d Dialect, static, storage string) string {
	if d == SQLite {
		return storage
	}
	if d == Snowflake {
		switch typ := warehouseType(d, static, storage); typ {
		case "NUMBER":
			return "NUMBER(38,0)"
		case "VARCHAR":
			return "VARCHAR(16777216)"
		case "BINARY":
			return "BINARY(8388608)"
		default:
			return typ
		}
	}
	if d == BigQuery && (strings.HasPrefix(static, typeDecimal) || strings.HasPrefix(static, typeNumber+decimalType)) {
		// a query's NUMERIC column has no parameters in BigQuery's
		// schema (only a declared column keeps them), and dbt-bigquery's
		// is_numeric() reads the bare name
		return "NUMERIC"
	}
	return warehouseType(d, static, storage)
}

func warehouseType(d Dialect, static, storage string) string {
	names := warehouseTypeNames[d]
	switch {
	case strings.HasPrefix(static, typeNumber+decimalType):
		return names["decimal"] + "(" + names["precision"] + "," + strings.TrimPrefix(static, typeNumber+decimalType) + ")"
	case strings.HasPrefix(static, typeDecimal):
		return names["decimal"] + "(" + names["precision"] + "," + strings.TrimPrefix(static, typeDecimal) + ")"
	case strings.HasPrefix(static, typeNumber):
		static = strings.TrimPrefix(static, typeNumber) // INTEGER, REAL, FLOAT: named as stored
	}
	if n := names[static]; n != "" && static != "decimal" && static != "precision" {
		return n
	}
	if n := names[strings.ToUpper(storage)]; n != "" {
		return n
	}
	return storage
}

// warehouseTypeNames are the type names of each warehouse, by static type
// and by SQLite storage (INTEGER, REAL, TEXT).
var warehouseTypeNames = map[Dialect]map[string]string{
	DuckDB: {TypeDate: "DATE", TypeTime: "TIME", TypeBool: "BOOLEAN", TypeInterval: "INTERVAL", TypeText: "VARCHAR",
		sqlfunc.KindInstant: "TIMESTAMP WITH TIME ZONE", sqlfunc.KindWallClock: "TIMESTAMP",
		"INTEGER": "INTEGER", "REAL": "DOUBLE", "FLOAT": "FLOAT", "TEXT": "VARCHAR", "BLOB": "BLOB", "decimal": "DECIMAL", "precision": "18"},
	BigQuery: {TypeDate: "DATE", TypeTime: "TIME", TypeBool: "BOOL", TypeInterval: "INTERVAL", TypeText: "STRING", TypeJSON: "JSON",
		sqlfunc.KindInstant: "TIMESTAMP", sqlfunc.KindWallClock: "DATETIME",
		"INTEGER": "INT64", "REAL": "FLOAT64", "FLOAT": "FLOAT64", "TEXT": "STRING", "BLOB": "BYTES", "decimal": "NUMERIC", "precision": "38"},
	Snowflake: {TypeDate: "DATE", TypeTime: "TIME", TypeBool: "BOOLEAN", TypeText: "VARCHAR",
		sqlfunc.KindInstant: "TIMESTAMP_TZ", sqlfunc.KindWallClock: "TIMESTAMP_NTZ",
		"INTEGER": "NUMBER", "REAL": "FLOAT", "FLOAT": "FLOAT", "TEXT": "VARCHAR", "BLOB": "BINARY", "decimal": "NUMBER", "precision": "38"},
}
