package dialect

import (
	"fmt"
	"testing"
)

// SQLite's own functions a warehouse lacks fail there: they are refused,
// naming the dialect and what to write; the ones it has run.
func TestSQLiteOnlyFunctions(t *testing.T) {
	const own = " is SQLite's, not a function of "
	expectRefused(t, duckdb, "select julianday(a) from t", "1:8: JULIANDAY"+own+"DuckDB, where the model would fail ("+sqliteOnly["julianday"][DuckDB]+")")
	expectRefused(t, bigquery, "select julianday(a) from t", "1:8: JULIANDAY"+own+"BigQuery, where the model would fail ("+sqliteOnly["julianday"][BigQuery]+")")
	expectRefused(t, snowflake, "select julianday(a) from t", "1:8: JULIANDAY"+own+"Snowflake, where the model would fail ("+sqliteOnly["julianday"][Snowflake]+")")
	expectRefused(t, duckdb, "select unixepoch(a) from t", "1:8: UNIXEPOCH"+own+"DuckDB, where the model would fail (write epoch(x))")
	expectRefused(t, duckdb, "select iif(a, 1, 2) from t", "1:8: IIF"+own+"DuckDB, where the model would fail (write if(c, a, b) or CASE WHEN c THEN a ELSE b END)")
	expectRefused(t, duckdb, "select soundex(a) from t", "1:8: SOUNDEX"+own+"DuckDB, where the model would fail (the closest DuckDB function is ROUND)")
	expectRefused(t, duckdb, "select sqlite_version()", "1:8: SQLITE_VERSION"+own+"DuckDB, where the model would fail (no DuckDB function has this name)")
	expectRefused(t, duckdb, "select char(31) from t", "1:8: CHAR"+own+"DuckDB, where the model would fail (write chr(n))")
	expectRefused(t, bigquery, "select printf('%d', a) from t", "1:8: PRINTF"+own+"BigQuery, where the model would fail (write FORMAT('%d', x))")
	expectRefused(t, bigquery, "select group_concat(a, ',') from t", "1:8: GROUP_CONCAT"+own+"BigQuery, where the model would fail (write STRING_AGG(x, sep))")
	expectRefused(t, snowflake, "select group_concat(a, ',') from t", "1:8: GROUP_CONCAT"+own+"Snowflake, where the model would fail (write LISTAGG(x, sep))")
	expectRefused(t, snowflake, "select json_extract(a, '$.x') from t", "1:8: JSON_EXTRACT"+own+"Snowflake, where the model would fail ("+sqliteOnly["json_extract"][Snowflake]+")")
	expectTranslated(t, duckdb, "select printf('%d', a), group_concat(a, ','), chr(31) from t", "select printf_duckdb('%d', a), group_concat(a, ','), code_point_char(31) from t")
	expectTranslated(t, snowflake, "select char(31), timediff(day, a, b) from t", "select char(31), datetime_diff_snowflake('day', a, b) from t")
	expectTranslated(t, bigquery, "select datetime(a), string_agg(a, ',') from t", "select datetime_of(a), group_concat(a, ',') from t")
	expectTranslated(t, sqlite, "select julianday(a), iif(a, 1, 2), char(31) from t", "select julianday(a), iif(a, 1, 2), char(31) from t")
}

// An unknown function's closest name is one of the dialect's, not a name
// another dialect renames.
func TestClosestFunctionOfDialect(t *testing.T) {
	expectRefused(t, duckdb, "select jason_extract(a, '$.x') from t", "1:8: unknown function JASON_EXTRACT in DuckDB SQL (the closest known function is JSON_EXTRACT)")
}

// DuckDB's list over an empty window frame is NULL, as over no rows; an
// ORDER BY inside a window's aggregate, which SQLite fails on, is refused.
func TestDuckDBWindowList(t *testing.T) {
	expectTranslated(t, duckdb, "select list(a) over (order by id rows between 2 preceding and 1 preceding) from t", "select list_or_null(a) over (order by id NULLS LAST rows between 2 preceding and 1 preceding) from t")
	expectRefused(t, duckdb, "select list(a order by a) over (order by id) from t", "1:8: "+fmt.Sprintf(refWindowOrder.message, "LIST")+" ("+refWindowOrder.hint+")")
}

// list_unique counts distinct values; histogram, a MAP, is refused.
func TestDuckDBListUniqueHistogram(t *testing.T) {
	expectTranslated(t, duckdb, "select list_unique(l), array_unique(l) from t", "select list_unique_count(l), list_unique_count(l) from t")
	expectRefused(t, duckdb, "select histogram(x, [10, 20]) from t", "1:8: "+fmt.Sprintf(refHistogram.message, "HISTOGRAM")+" ("+refHistogram.hint+")")
}

// A DECIMAL(p, 0)'s median is a DECIMAL of scale 0 in DuckDB: cut off
// towards zero, where a BIGINT's is a DOUBLE.
func TestDuckDBMedianScaleZero(t *testing.T) {
	expectTranslated(t, duckdb, "select median(x::decimal(10,0)), median(x::bigint) from t", "select median_decimal(decimal_fits(cast_to(x, 'INTEGER', 'duckdb', 1), 10, 0, 1), 0), median_of(cast_to(x, 'INTEGER', 'duckdb', 1)) from t")
}

// DuckDB's file readers are refused wherever they are written, as the
// playground reads no files; a reserved word names an argument before =
// (read_csv's escape) or := and =>.
func TestDuckDBReadFilesRefused(t *testing.T) {
	refused := func(at, name string) string {
		return at + ": " + fmt.Sprintf(refReadFiles.message, name) + " (" + refReadFiles.hint + ")"
	}
	expectRefused(t, duckdb, "select * from read_csv('s3://b/x*', escape = '\"', header = true, columns = {'a': 'int'})", refused("1:15", "READ_CSV"))
	expectRefused(t, duckdb, "select * from read_parquet('x.parquet') as p", refused("1:15", "READ_PARQUET"))
	expectRefused(t, duckdb, "create or replace table t as\nselect * from read_json_auto('x.json')", refused("2:15", "READ_JSON_AUTO"))
	expectRefused(t, duckdb, "select (select count(*) from read_csv_auto('x.csv')) as n", refused("1:30", "READ_CSV_AUTO"))
}

// Statements that load or write files (a stage, a path, s3:// or gs://)
// are refused as a whole, naming the statement, in the dialect that has
// them: the playground reads and writes no files.
func TestFileStatementsRefused(t *testing.T) {
	refused := func(at, name string) string {
		return at + ": " + fmt.Sprintf(refFileStatement.message, name) + " (" + refFileStatement.hint + ")"
	}
	expectRefused(t, snowflake, "copy into db.s.t\n    from s3://bucket/path\n    file_format = (type = CSV skip_header = 1)\npattern = '.*\\/x.csv.*'", refused("1:1", "COPY INTO"))
	expectRefused(t, snowflake, "copy into @stage/out from (select 1)", refused("1:1", "COPY INTO"))
	expectRefused(t, snowflake, "put file:///tmp/x.csv @stage", refused("1:1", "PUT"))
	expectRefused(t, bigquery, "load data into d.t (a STRING, b INT64)\nfrom files (format = 'csv', uris = ['gs://b/x*.csv'], skip_leading_rows = 1)", refused("1:1", "LOAD DATA"))
	expectRefused(t, bigquery, "select 1;\nexport data options (uri = 'gs://b/x*.csv', format = 'CSV') as select 1 as a", refused("2:1", "EXPORT DATA"))
	expectRefused(t, duckdb, "copy t from 's3://b/x.csv' (header true)", refused("1:1", "COPY"))
	expectRefused(t, duckdb, "copy (select 1) to 'x.parquet' (format parquet)", refused("1:1", "COPY"))
	expectRefused(t, duckdb, "export database 'dir'", refused("1:1", "EXPORT DATABASE"))
}

// equi_width_bins, histogram_exact and json_group_structure are refused by
// name, saying why.
func TestDuckDBRefusedBinsStructure(t *testing.T) {
	for _, c := range []struct {
		sql, name string
		r         refusal
	}{
		{"select equi_width_bins(0, 10, 2, true)", "EQUI_WIDTH_BINS", refEquiWidthBins},
		{"select histogram_exact(x, [1, 2]) from t", "HISTOGRAM_EXACT", refHistogramExact},
		{"select json_group_structure(j) from t", "JSON_GROUP_STRUCTURE", refJSONStructure},
	} {
		expectRefused(t, duckdb, c.sql, "1:8: "+fmt.Sprintf(c.r.message, c.name)+" ("+c.r.hint+")")
	}
}
