package dialect

import (
	"fmt"
	"strings"
)

// Rule is one translation or refusal, as data for the README and the UI.
type Rule struct {
	From     string // as written
	Dialects string // the dialects it applies to: "all", or a list
	To       string // as run on SQLite; for a refusal, what to write instead
	Note     string // why, and where the result differs
}

const (
	all        = "all"
	warehouses = "BigQuery, Snowflake, DuckDB"
)

// timestampNow is the current time in the one timestamp text form: ISO 8601
// in UTC, the fraction of a second (milliseconds, SQLite's clock) without
// trailing zeros, like 2025-09-01T12:34:56.78Z or 2025-09-01T12:34:56Z.
// as_timestamp writes that form, so the clock equals any other timestamp
// of the same instant as text.
const timestampNow = "as_timestamp(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

// timestampNowMicros is timestampNow to the microsecond, as DuckDB's clock
// reads: clock_micros adds the microseconds within SQLite's millisecond,
// the same for every call of a statement.
const timestampNowMicros = "clock_micros(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

// Translations lists every rewrite [TranslateWith] makes, and where the
// meaning on SQLite differs from the warehouse's.
var Translations = []Rule{
	{From: "expr::type", Dialects: all, To: "CAST(expr AS type)",
		Note: "the cast operator of Snowflake and DuckDB; x::a::b casts twice"},
	{From: "string, text, varchar(n), char(n), nvarchar, character varying", Dialects: all, To: "TEXT",
		Note: "a type SQLite does not know gets NUMERIC affinity, which turns '007' into 7"},
	{From: "int, integer, bigint, int64, smallint, tinyint, byteint", Dialects: all, To: "INTEGER",
		Note: "in SQLite's own dialect CAST of a real truncates and CAST of text that is not a number gives 0"},
	{From: "CAST(x AS int64 | float64 | date ...), x::int", Dialects: warehouses, To: "cast_to(x, 'INTEGER', 'dialect', line)",
		Note: "fails as the warehouse fails (text that is not a number or date, a number out of range), naming the line; reals round to INTEGER halves away from zero, a DuckDB DOUBLE's to even; text to INTEGER must be a whole number in BigQuery, any number (rounded) in Snowflake and DuckDB; text to FLOAT takes inf, -inf and infinity in any case (±Infinity, which SQLite stores), and fails on nan, since SQLite has no NaN (NULL in SAFE_CAST and TRY_CAST); a NUMERIC or DECIMAL cannot hold an infinity, as there; DATE takes a date or a timestamp's UTC date (Snowflake: the date in the timestamp's own offset)"},
	{From: "float, float64, double, double precision, real, numeric, decimal, numeric(p,s)", Dialects: all, To: "REAL",
		Note: "numeric(p), numeric(p,0) and Snowflake's bare number become INTEGER; exact decimals are binary floating point, which DuckDB SQL rounds back to their scale (see DECIMALs below); a value of more than 15 significant digits (DECIMAL(38, s), NUMBER(38, s), BigQuery's NUMERIC) keeps only the nearest REAL's, so its digits past the 15th to 17th differ from the warehouse's (12345678901234567.89 is 12345678901234568.00 here); SUM, AVG, ROUND and arithmetic of such values, and a sum whose total passes 15 significant digits, are reals likewise, so money amounts of 16 to 18 digits lose their last cents (SUM of NUMBER(38, 2) 1234567890123456.78 and 0.01 is 1234567890123456.8 here, 1234567890123456.79 in the warehouse; ROUND(1234567890.123456789, 8) is 1234567890.1234567): keep such amounts as integers of their smallest unit (cents), which are exact to 2^63, where those digits matter. Values and results of at most 15 significant digits are not affected"},
	{From: "CAST(x AS numeric(p, s)), x::number(p, s), x::decimal(p, s) with s > 0", Dialects: warehouses, To: "decimal_fits(round_scale(cast_to(x, 'REAL', 'dialect', line), s), p, s, line)",
		Note: "rounded to s digits, halves away from zero, on the shortest decimal text of x (1.005 gives 1.01); a value with more than p - s digits before the point fails as out of range, naming the line (NULL in SAFE_CAST and TRY_CAST), and so does decimal arithmetic beyond 38 digits; numeric(p) and numeric(p, 0) check p digits the same way"},
	{From: "CAST(x AS varchar), x::varchar, TO_VARCHAR(x), x || text of a NUMBER(p, s)", Dialects: "Snowflake", To: "decimal_text(x, s)",
		Note: "all s digits after the point, as Snowflake writes them (10.50::number(10,2)::varchar is 10.50; SQLite writes 10.5), where the scale is known: a literal with a point, a cast to number(p, s), TO_NUMBER(x, p, s), the columns, IFF, CASE, NVL, NVL2, COALESCE, ZEROIFNULL and NULLIFZERO of numbers of known scales (the largest: zeroifnull(10.50::number(10,2)) is 10.50), and + - * / of numbers of known scales (an INTEGER's is 0: a column of integers, of a seed or of a model, COUNT, COUNT_IF, and IFF, CASE, NVL, NVL2, COALESCE and ZEROIFNULL of integers), which have Snowflake's result scale (the larger for + and -, the sum up to max(s1, s2, 12) for *, the dividend's plus 6 up to 12 for /: 1/3 is 0.333333; MEDIAN's plus 3) and are rounded to it; a UNION or VALUES column of NUMBERs of known scales has the largest (SELECT 1 UNION ALL SELECT 3.14159 writes 1.00000); arithmetic with a value of unknown scale loses it and writes the shortest number"},
	{From: "CAST(x AS varchar(n)), x::varchar(n), x::char(n), x::string(n)", Dialects: "Snowflake", To: "varchar_fits(CAST(x AS TEXT), n, line)",
		Note: "a text of more than n characters fails, naming the line, as Snowflake's cast fails with String '...' is too long and would be truncated (it does not cut it; TRY_CAST gives NULL); the declared length, and the precision of a cast to number(p, s) or decimal(p) and of a number literal (1.50 is NUMBER(3,2)), go with the value into the columns it makes, which get_columns_in_relation and INFORMATION_SCHEMA.COLUMNS report (VARCHAR(16), NUMBER(10,2), NUMBER(5,0); a UNION's column the NUMBER holding both sides, the longer VARCHAR), as do a seed's column_types; where none is known a NUMBER is NUMBER(38, s) and a VARCHAR VARCHAR(16777216)"},
	{From: "CAST(x AS numeric | decimal), x::numeric (no (p, s))", Dialects: warehouses, To: "round_scale(cast_to(x, 'REAL', 'dialect', line), 9 | 3); cast_to(x, 'INTEGER', 'snowflake', line)",
		Note: "the warehouse's default scale and precision: BigQuery's NUMERIC(38, 9), DuckDB's DECIMAL(18, 3), Snowflake's NUMBER(38, 0); BigQuery's NUMERIC (a cast, NUMERIC '...', and the columns of CTEs and models holding one) with an INT64 or a NUMERIC in + - * /, and SUM, AVG and SAFE_DIVIDE of NUMERICs, give a NUMERIC rounded to its 9 digits (round_scale(x, 9)): CAST(5 AS NUMERIC) / 3 is 1.666666667, NUMERIC '0.1' + NUMERIC '0.2' is 0.3; INT64 / INT64 and anything with a FLOAT64 (a literal with a point is one) are FLOAT64"},
	{From: "date + n, date - n, date - date (a DATE literal, cast or function such as CURRENT_DATE), and DuckDB's date_add(d, n)", Dialects: "BigQuery (not date - date), Snowflake, DuckDB", To: "date(d, n || ' days'); CAST(julianday(a) - julianday(b) AS INTEGER)",
		Note: "where the value is known to be a DATE (see the next row); a date column of a source plus n is SQLite arithmetic on text: cast it (col::date + n), or write dateadd(day, n, col) or col + INTERVAL n DAY"},
	{From: "date + time, time + date (a DATE and a TIME, each known: a literal, a cast or a column of one)", Dialects: "DuckDB", To: "cast_to((d) || ' ' || (t), 'DATETIME', 'duckdb', line)",
		Note: "the TIMESTAMP of that day at that time, as DuckDB adds them; NULL when either is NULL"},
	{From: "a column or expression known to hold a DATE, a timestamp, a boolean or (DuckDB) an INTERVAL", Dialects: warehouses, To: "the rules of its type: date ± n, CAST(ts AS string), ts || text, comparisons with ts, CAST(bool AS string)",
		Note: "known from literals, casts, functions, EXISTS and comparisons; through the columns of CTEs, subqueries and VALUES (by name, * included, and by position in t(a, b)), a scalar subquery (SELECT MAX(ts) FROM ...) as the one column it selects, and CASE, COALESCE, IFNULL, NVL, IF, IFF, NULLIF, GREATEST, LEAST, MIN, MAX and ANY_VALUE whose non-NULL branches share the type (in DuckDB a string literal among them takes the others' timestamp or date type, as there: coalesce(ts, '1900-01-01'), and a DATE beside a timestamp is that timestamp at midnight: coalesce(ts, current_date), in DuckDB and Snowflake; in BigQuery beside a DATETIME only, a DATE beside a TIMESTAMP being refused as BigQuery has no common type for them), LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, MAX_BY, MIN_BY, ARG_MAX and ARG_MIN of a typed value; and through the columns of the tables the build made: a model's take the types of its select, a seed's those declared date, timestamp, boolean, (DuckDB, BigQuery) interval or (DuckDB) a number in column_types, and in DuckDB and BigQuery its other numbers as its values give them, INTEGER or DOUBLE (BigQuery's INT64 or FLOAT64) as dbt loads them, so a NUMERIC divided by a seed's INT64 column keeps 9 digits (while the same session, page or command, built or reused them). A UNION of a timestamp with a time zone beside one without holds timestamps with one; a source's columns, a CTE with a column list and a UNION of other differing types are unknown, and read as SQLite reads them (but see the next row)"},
	{From: "col - n, col + n, n + col, a - b, d - lag(d) OVER (...) where no type is known (columns and value-passing functions)", Dialects: "DuckDB", To: "date_arith(a, b, '+' | '-', line)",
		Note: "a DATE in such a value is seen when the query runs: date ± n days is a date, date - date the days between, timestamp - timestamp an INTERVAL; numbers add as SQLite adds them; a number and a timestamp, or text that is no number, fail, naming the line"},
	{From: "boolean, bool", Dialects: all, To: "INTEGER (1 and 0)",
		Note: "in a warehouse dialect CAST(x AS BOOL) is cast_bool(x): 'true'/'false' in any case, numbers, an error otherwise (NULL in SAFE_CAST and TRY_CAST); DuckDB's, cast_bool(x, 'duckdb'), also takes t, f, yes, no, y, n, 1 and 0 in any case, without spaces around; Snowflake's, cast_bool(x, 'snowflake'), t, f, yes, no, y, n, on, off, 1 and 0 in any case"},
	{From: "timestamp, timestamp_ntz, timestamp_tz, timestamp_ltz, timestamptz, datetime, time", Dialects: all, To: "TEXT",
		Note: "timestamps are text in one form, 2024-05-17T10:00:00Z (UTC, a fraction only when there is one), which compares, sorts and joins as text; time is kept as written (Snowflake's ::time is HH:MM:SS, as TO_TIME writes it, and its HOUR, DATE_PART, DATEADD, DATEDIFF and DATE_TRUNC read the clock, a TIME moved past midnight wrapping around the day; a string compared with a known TIME is cast to one, and a TIME cast to text is HH:MM:SS, its fraction dropped as TIME_OUTPUT_FORMAT drops it), and so is every timestamp in SQLite's own dialect"},
	{From: "CAST(x AS timestamp | datetime | timestamp_ntz | timestamp_tz | timestamptz ...), x::timestamp", Dialects: warehouses, To: "cast_to(x, 'TIMESTAMP' | 'DATETIME', 'dialect', line)",
		Note: "reads the text the warehouse takes (2024-5-17 9:00, T or a space, a fraction, Z, an offset or a zone name) and writes the one form; an instant (BigQuery's TIMESTAMP, Snowflake's TIMESTAMP_TZ and _LTZ, DuckDB's TIMESTAMPTZ) is converted to UTC, but Snowflake's TIMESTAMP_TZ (TIMESTAMP WITH TIME ZONE; WITH LOCAL TIME ZONE is TIMESTAMP_LTZ) keeps the offset written (the session's, UTC, when none is), as TO_TIMESTAMP_TZ does (a seed's column declared timestamp_tz in column_types too), and compares equal to the same instant in another offset; a wall clock (BigQuery's DATETIME, Snowflake's TIMESTAMP and _NTZ, DuckDB's TIMESTAMP) drops an offset, which BigQuery refuses; Snowflake reads a number as seconds since the epoch; text that is not a timestamp fails, naming the line and the type, and gives NULL in SAFE_CAST and TRY_CAST"},
	{From: "TO_TIMESTAMP_TZ('... +02:00'), TO_TIMESTAMP_NTZ, TO_TIMESTAMP, TO_TIMESTAMP_LTZ of text with an offset", Dialects: "Snowflake", To: "to_timestamp_tz_snowflake(x) gives 2024-04-05T01:02:03+02:00; to_timestamp_snowflake(x) 2024-04-05T01:02:03Z; to_timestamp_ltz_snowflake(x) 2024-04-04T23:02:03Z",
		Note: "TO_TIMESTAMP_TZ keeps the offset written, as CONVERT_TIMEZONE's value does (the next row): ::timestamp_ntz is its wall clock, ::varchar writes +0200, comparisons read the instant, as do IN (SELECT ...), CASE x WHEN, DECODE, NULLIF, EQUAL_NULL and IS [NOT] DISTINCT FROM, and JOIN ... USING (ts) where ts is known to be a timestamp on both sides, one an instant (written ON instant_key(a.ts) = instant_key(b.ts), ts given once as the left side's, COALESCE of both in a RIGHT or FULL JOIN; a JOIN c USING (ts) after a JOIN b USING (ts) compares with a.ts; a NATURAL JOIN whose shared columns are known and hold such a ts is written as JOIN ... USING (the shared columns), which it is; a column of unknown type, or one two relations before the join hold unmerged or merged by a RIGHT or FULL JOIN, compares the text), and GROUP BY, SELECT DISTINCT, count(DISTINCT), UNION, INTERSECT, EXCEPT and PARTITION BY go by instant_key(x), so one instant written in two offsets is one value, shown as one of its texts; ARRAY_AGG(DISTINCT x) and LISTAGG(DISTINCT x[, sep]) are array_agg_distinct_instants(x) and listagg_distinct_instants(x[, sep]), which keep the first text of each instant (LISTAGG writing it as a cast to VARCHAR does, 2024-01-01 10:00:00.000 +0200) (a TIMESTAMP_LTZ, which the translator does not tell from a TIMESTAMP_TZ, is UTC text and goes through them too); TO_TIMESTAMP and _NTZ ignore the offset, as Snowflake's TIMESTAMP_NTZ does; _LTZ gives the instant in UTC (the session's zone); ORDER BY (a window's too), MIN and MAX of a value known to be a timestamp, in every dialect, order it by instant (instant_key(x), instant_min(x), instant_max(x)) and give it as written, as text 10:00:00.5Z would sort before 10:00:00Z; the ORDER BY of a UNION, INTERSECT or EXCEPT too, by a column's name or number (the compound becomes SELECT * FROM (a UNION b) ORDER BY instant_key(\"ts\"), its LIMIT kept), where the first input's column (or a column its * gives, over relations whose columns are known) is known to be a timestamp; values whose type is unknown (a source's text; a seed's column of datetimes is a timestamp, as dbt infers it) compare their text"},
	{From: "TO_TIMESTAMP(n[, scale]), TO_TIMESTAMP_NTZ, TO_DATE of a number or of text of an integer", Dialects: "Snowflake", To: "to_timestamp_snowflake(n[, scale])",
		Note: "n seconds (or 10^-scale seconds) since 1970, exact to the nanosecond: a decimal such as ms / 1000 keeps its digits (1700000000.123 is .123); text of an integer is seconds below 31536000000, then milliseconds, microseconds and nanoseconds, as Snowflake reads it"},
	{From: "CONVERT_TIMEZONE(zone, ts), and DATE_TRUNC, DATE_PART, EXTRACT, HOUR ..., LAST_DAY, DATEADD, + INTERVAL, ::date of its value", Dialects: "Snowflake", To: "convert_timezone(zone, ts) gives 2024-01-04T22:00:00-05:00",
		Note: "the TIMESTAMP_TZ keeps its offset in its text (::varchar writes 2024-01-04 22:00:00.000 -0500), and the date functions read it there, as Snowflake does: a day starts at local midnight, DATE_TRUNC keeps the offset (2024-01-04T00:00:00-05:00), HOUR is the local hour, ::date the local date; comparing with a known timestamp reads the instant; DATEADD and + INTERVAL move it on its own clock and keep the offset; a CAST to TIMESTAMP_TZ (and TIMESTAMP_TZ '...') keeps the offset written too, so HOUR and ::date read it there ('2024-01-01 23:30:00 -05:00'::timestamp_tz::date is 2024-01-01)"},
	{From: "SELECT ts ... UNION [ALL] | INTERSECT | EXCEPT SELECT 'text': a timestamp, boolean or number and text in one column", Dialects: "DuckDB", To: "timestamp_string(ts, 'DATETIME', 'duckdb'), CASE (b) WHEN 1 THEN 'true' ..., CAST(n AS TEXT), decimal_text(x, s)",
		Note: "DuckDB makes the column VARCHAR, each value as it casts it to text ('2024-01-01 10:00:00'); text is a string literal, a cast to VARCHAR, text joined with ||, UPPER, LOWER, CONCAT, TRIM, REPLACE, LEFT, LPAD, STRFTIME, MD5, REGEXP_REPLACE, SPLIT_PART ..., COALESCE or CASE of text, or a column every row of which is text (of a CTE, a subquery, VALUES, a model built before or a seed column declared varchar); a DATE beside a timestamp is its midnight, the column a timestamp; an input that is SELECT * of one relation whose columns' types are known is written out as its columns where one is converted; an input's column of unknown type is left as it is"},
	{From: "VALUES (TIMESTAMP '...', 1, true), ('2024-02-03 04:05', '2', 'no')", Dialects: "DuckDB", To: "VALUES ('...', 1, true), (cast_to('2024-02-03 04:05', 'DATETIME', 'duckdb', line), cast_to('2', 'INTEGER', ...), cast_to('no', 'BOOLEAN', ...))",
		Note: "a string literal in a later row is read as the type of the column's first row (a timestamp, a DATE, a boolean or an integer), failing where DuckDB fails; a DATE beside a timestamp is its midnight; INSERT's VALUES take the table's types (next row)"},
	{From: "INSERT INTO t [(col, ...)] (query)", Dialects: all, To: "INSERT INTO t [(col, ...)] SELECT * FROM (query)",
		Note: "the query in brackets, as dbt's delete+insert and merge macros write it; SQLite takes it bare"},
	{From: "MERGE INTO t USING s ON cond | USING (cols) WHEN MATCHED [AND c] THEN UPDATE SET ... | DELETE, WHEN NOT MATCHED [BY TARGET] [AND c] THEN INSERT [(cols)] VALUES (...) | INSERT ROW, WHEN NOT MATCHED BY SOURCE [AND c] THEN UPDATE SET ... | DELETE", Dialects: all,
		To:   "CREATE TEMP TABLE _nexus_merge1_1 AS SELECT t.rowid AS _nexus_tid, (e) AS _nexus_v1 FROM t JOIN s ON cond WHERE CASE WHEN c THEN 1 ... END = 1; ...; DELETE FROM t WHERE rowid IN (...); UPDATE t SET col = ... FROM _nexus_merge1_1 ...; INSERT INTO t SELECT * FROM ...; DROP TABLE ...",
		Note: "the rows each clause acts on are decided against the target as it was before the statement, a row taking the first clause whose condition holds; a target row that more than one source row updates or deletes is the warehouse's error (on Snowflake, several rows deleting one are not), raised before anything changes; DuckDB's UPDATE [SET *] and INSERT [*] (by position), UPDATE/INSERT BY NAME, DO NOTHING and ERROR, Snowflake's UPDATE/INSERT ALL BY NAME (the target's columns, each read from the source's column of that name); on DuckDB, what it sets and inserts is cast to the columns' types, as INSERT's is"},
	{From: "INSERT INTO t [(col, ...)] query, into a table whose column types are known", Dialects: "DuckDB", To: "INSERT INTO t [(col, ...)] SELECT CAST(_nexus_insert.\"_nexus_insert_1\" AS FLOAT), ... FROM (query) AS _nexus_insert(...)",
		Note: "DuckDB converts the values it writes to the columns' types as a CAST does: 2.5 into an INTEGER column is 3, 1.234 into a DECIMAL(10, 2) one 1.23, 6.4 into a FLOAT one the nearest 32-bit float, a number into a VARCHAR one its text (12.50 is '12.50'), '2024-03-01' into a TIMESTAMP one a timestamp, 'true' into a BOOLEAN one true; a column whose type is not known (a table the build did not make), or whose value is already of its type, is left as given, as is a statement with ON CONFLICT, RETURNING or BY NAME"},
	{From: "VALUES (1.5), (2), ('2.25')", Dialects: "DuckDB", To: "VALUES (1.5), (2.0), (2.3)",
		Note: "number literals with a decimal make the column a DECIMAL holding them all (DECIMAL(2, 1) here): an integer is written with the scale, and a string literal in a later row read as the decimal, rounded half away from zero; one that is no decimal or too wide for it ('12.5') is refused, as DuckDB fails; beside other values the strings are left as they are"},
	{From: "CAST(ts AS string | varchar | text), ts::varchar, STRING(ts[, zone]), ts || text and LISTAGG / string_agg of ts, DISTINCT or not (Snowflake, DuckDB)", Dialects: warehouses, To: "timestamp_string(ts, 'TIMESTAMP' | 'DATETIME', 'dialect'); string_of_timestamp(ts, zone)",
		Note: "when ts is known to be a timestamp (see 'known to hold a DATE, a timestamp or a boolean' above): the warehouse's text, 2024-05-17 10:00:00+00 (BigQuery, a fraction of 3 or 6 digits; a DATETIME without +00), 2024-05-17 10:00:00.000 and ... +0000 for Snowflake's TZ and LTZ, 2024-05-17 10:00:00 and ...+00 for DuckDB's TIMESTAMPTZ; a source's column of timestamp text is cast as it is"},
	{From: "x op ts, x BETWEEN ts1 AND ts2, x IN (ts, ...), x IN (SELECT ts ...) (op: =, <>, <, <=, >, >=), NULLIF(ts, 'text')", Dialects: warehouses, To: "as_timestamp(x) op ts; '2024-05-17' op ts as '2024-05-17T00:00:00Z' op ts",
		Note: "where one side is known to be a timestamp, the other is read as timestamp text in the one form (in DuckDB a string literal that is no timestamp, '' too, fails as DuckDB's cast of it fails): seeds and sources keep timestamps as written, and '2024-05-17 10:00:00' sorts before '2024-05-17T00:00:00Z' as text; <, <=, >, >= and BETWEEN then compare instant_key()s, as the one form writes a fraction only when there is one (10:00:00.5Z is before 10:00:00Z as text). Between two columns of unknown type (a source's) nothing is known: cast a source's timestamp column once (cast(ts as timestamp)) in the model that reads it, so ORDER BY, MIN/MAX and joins compare one form"},
	{From: "x::date, cast(x AS date)", Dialects: "SQLite", To: "date(x)", Note: "'YYYY-MM-DD'; NULL when x is not a date"},
	{From: "x::json, cast(x AS json)", Dialects: all, To: "json(x)", Note: "JSON is text; json(x) checks and minifies it"},
	{From: "bytes, binary, varbinary", Dialects: all, To: "BLOB"},
	{From: "safe_cast(x AS type), try_cast(x AS type)", Dialects: all, To: "try_cast(x, 'TYPE', 'dialect')",
		Note: "NULL where cast_to fails, converting as cast_to does"},
	{From: "current_timestamp, current_timestamp(), now()", Dialects: all, To: timestampNow,
		Note: "ISO 8601 UTC text, milliseconds without trailing zeros (the one timestamp form); SQLite's own CURRENT_TIMESTAMP has no T, zone or fraction"},
	{From: "current_timestamp, current_timestamp(), now(), get_current_timestamp(), transaction_timestamp()", Dialects: "DuckDB", To: timestampNowMicros,
		Note: "microseconds, as DuckDB's clock has them (2024-05-17 10:00:00.123456+00 as text): SQLite's clock to the millisecond, which holds through a statement, and the microseconds within it from the system's clock, the same for every call of the statement"},
	{From: "current_timestamp, current_timestamp(), current_datetime()", Dialects: "BigQuery", To: timestampNowMicros,
		Note: "microseconds, as BigQuery's TIMESTAMP and DATETIME hold them, read as DuckDB's clock is"},
	{From: "current_date, current_date()", Dialects: all, To: "date('now')", Note: "UTC date"},
	{From: "current_time, current_time()", Dialects: all, To: "strftime('%H:%M:%S', 'now')", Note: "UTC time"},
	{From: "n * '1.5', '1.5' * n, n % '2', '5' % n, n - '1.5' (n an INTEGER, the other a string literal)", Dialects: "DuckDB", To: "n * cast_to('1.5', 'INTEGER', 'duckdb', line)",
		Note: "DuckDB binds the arithmetic to its INTEGER operator and casts the literal to an INTEGER, rounding halves away from zero (2 * '1.5' is 4, 2 - '1.5' is 0), where SQLite read the text as 1.5; with a DECIMAL or DOUBLE the literal is a DOUBLE, as SQLite reads it; '1' + 1 and '1' - 2, which DuckDB refuses (it cannot choose between DATE and INTEGER arithmetic), are left as SQLite runs them"},
	{From: "n = '1', n < '2', n IN ('1', ...), n BETWEEN '0' AND '9' (n a number or a boolean, the other a string literal)", Dialects: "DuckDB", To: "n = cast_to('1', 'INTEGER' | 'REAL', 'duckdb', line); round_scale(...) for a DECIMAL; cast_bool('t', 'duckdb') for a boolean",
		Note: "DuckDB casts the literal to n's type (1 = '1' is true, 2 = '1.5' too, true = 't' too, 1 = 'x' fails); SQLite compares storage classes, and a number (a boolean is 1 or 0) never equals text. Where n is known to be a number: a number literal, a cast, count(*), arithmetic of those, and a column of a CTE, subquery or VALUES holding them; a boolean as in 'known to hold a DATE, a timestamp or a boolean' above; a seed's numbers and a model's columns computed from known numbers are known; a source's column of unknown type, and a model's column computed from one, compare as SQLite compares (a column declared INTEGER or REAL converts the text itself, a computed column of a model has no such type and never equals text): cast it (col::integer = '1'). A comparison function deciding by the value when the query runs would convert where DuckDB converts, but would run on every row of every such comparison and keep SQLite from using an index, so it is not used"},
	{From: "n = '1', n IN ('1', ...), n BETWEEN '0' AND '9', b = 'yes' (n a number, b a boolean, the other a string literal)", Dialects: "Snowflake", To: "n = cast_to('1', 'REAL', 'snowflake', line); b = to_boolean_snowflake('yes')",
		Note: "Snowflake converts the string to the other side's type (1 = '1.0' is true, 1 = 'x' fails, true = 'yes' is true); SQLite never finds a number equal to text. Where n is known to be a number or boolean, as for DuckDB's (the row above); a source's column of unknown type compares as SQLite compares: cast it (col::number = '1')"},
	{From: "ilike", Dialects: "BigQuery, Snowflake, SQLite", To: "like", Note: "SQLite's LIKE ignores case for ASCII letters only"},
	{From: "a [NOT] ILIKE b", Dialects: "DuckDB", To: "[NOT] like_ignoring_case(a, b)", Note: "every letter's case ignored, as in DuckDB ('É' ILIKE 'é' is true); no escape character unless ESCAPE names one"},
	{From: "a LIKE b", Dialects: warehouses, To: "like_case_sensitive(a, b)",
		Note: "the warehouses' LIKE is case-sensitive, SQLite's is not; BigQuery and Snowflake take a backslash as the escape"},
	{From: "json_each(x[, path]) AS j, json_tree(...): j.value, j.atom, j.type, j.key", Dialects: "DuckDB", To: "json_get_json(j.json, j.fullkey), the same where j is not an object, array or null, json_type_duckdb(j.json, j.fullkey), CAST(j.key AS TEXT)",
		Note: "DuckDB's value and atom are JSON, as text '\"a\"' for a string, 'null' and 'true' (SQLite's are the string a, NULL and 1), its type is DuckDB's name (UBIGINT, VARCHAR, OBJECT) and its key VARCHAR ('0' for an array's first element); numbers keep the text the JSON writes them in (DuckDB writes 1e3 as 1000.0)"},
	{From: "OVER (ORDER BY ts RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND INTERVAL '90 minutes' FOLLOWING), ts a known date or timestamp", Dialects: "DuckDB", To: "OVER (ORDER BY epoch_seconds_real(ts) RANGE BETWEEN 86400 PRECEDING AND 5400 FOLLOWING)",
		Note: "the rows from ts - 1 day to ts + 90 minutes, as in DuckDB (a UTC session: a day is 24 hours); offsets in months or years, which have no one length, are refused"},
	{From: "x IS UNKNOWN, x IS NOT UNKNOWN", Dialects: "BigQuery, DuckDB", To: "x IS NULL, x IS NOT NULL",
		Note: "UNKNOWN is the NULL of a boolean there (DuckDB takes it of any value: 1 IS UNKNOWN is false)"},
	{From: "x ~~ p, x !~~ p, x ~~* p, x !~~* p, x ~~~ p", Dialects: "DuckDB", To: "x [NOT] LIKE p, x [NOT] ILIKE p, x GLOB p (as written out here)",
		Note: "DuckDB's operator forms of LIKE, ILIKE and GLOB"},
	{From: "x [NOT] SIMILAR TO p; x ~ p, x !~ p", Dialects: "DuckDB", To: "[NOT] regexp_full_match(x, p); [NOT] regexp_contains(x, p)",
		Note: "p is a regular expression (RE2, as Go's regexp), as in DuckDB (not SQL's SIMILAR TO patterns): SIMILAR TO matches all of x, ~ a part of it"},
	{From: "x GLOB p", Dialects: "DuckDB", To: "glob_match(x, p)",
		Note: "case-sensitive; * any text, ? one byte (of UTF-8), [a-c] a class of bytes, [!a-c] its complement, \\ escapes the next character, as DuckDB reads them (SQLite's GLOB negates with [^...] and has no escape)"},
	{From: "x ^ y, x ** y", Dialects: "DuckDB", To: "pow(x, y)",
		Note: "a DOUBLE; above * and / and below a sign (2 * 3 ^ 2 is 18.0, -2 ^ 2 is 4.0, 2 ^ 3 ^ 2 is 64.0), as DuckDB parses them; a NaN (a negative number to a fractional power) is NULL, since SQLite has no NaN"},
	{From: "a [NOT] LIKE | ILIKE ANY | SOME | ALL (p1, p2, ...)", Dialects: "BigQuery, Snowflake", To: "(like_case_sensitive(a, p1) OR like_case_sensitive(a, p2) ...); AND for ALL",
		Note: "NOT negates each LIKE ('a' NOT LIKE ANY ('a', 'b') is true), as BigQuery documents it; a match decides, else a NULL gives NULL"},
	{From: "a [NOT] LIKE ANY | SOME | ALL UNNEST(arr), LIKE ANY (SELECT ...)", Dialects: "BigQuery", To: "(SELECT CASE ... END FROM (SELECT like_case_sensitive(a, value) AS m FROM json_each(arr)))",
		Note: "no patterns: FALSE for LIKE ANY and for LIKE ALL UNNEST, TRUE for LIKE ALL (SELECT ...), the opposite with NOT, as documented"},
	{From: "a / b", Dialects: warehouses, To: "divide(a, b, 'dialect', line); CAST(a AS REAL) / n when b is a number other than 0",
		Note: "they divide integers as reals (2999/100 is 29.99; in Snowflake rounded to the result scale, 1/3 is 0.333333, as AVG and DIV0 of NUMBERs are: an INTEGER's average has 6 digits); division by zero fails in BigQuery and Snowflake, naming the line, and is ±Infinity in DuckDB (0/0, NaN there, is NULL: SQLite stores a NaN as NULL)"},
	{From: "a % b", Dialects: "Snowflake, DuckDB", To: "modulo(a, b, 'dialect', line)",
		Note: "reals keep their fraction (5.5 % 2 is 1.5; SQLite's % truncates both to integers); a zero divisor fails in DuckDB, naming the line, and gives NULL in Snowflake"},
	{From: "a // b", Dialects: "DuckDB", To: "CAST(a AS INTEGER) / CAST(b AS INTEGER); a / b for a DECIMAL or a DOUBLE", Note: "integer division; DuckDB divides a known DECIMAL or DOUBLE as / does (7.5 // 2 is 3.75)"},
	{From: "ORDER BY x [DESC]", Dialects: "Snowflake, DuckDB", To: "x NULLS LAST; x DESC NULLS FIRST (Snowflake) or NULLS LAST (DuckDB)",
		Note: "SQLite, like BigQuery, sorts NULLs first ascending; the order is written out when the SQL leaves it implicit"},
	{From: "START WITH cond CONNECT BY PRIOR a = b, CONNECT_BY_ROOT x, SYS_CONNECT_BY_PATH(x, sep)", Dialects: "Snowflake", To: refConnectBy.hint},
	{From: "QUALIFY cond", Dialects: all, To: "SELECT cols FROM (SELECT ..., cond AS _nexus_qualify FROM ...) WHERE _nexus_qualify",
		Note: "select aliases in cond stand for their expressions; every column needs a name"},
	{From: "select 2 as a, a * 10 as b", Dialects: "Snowflake, DuckDB", To: "select 2 as a, (2) * 10 as b",
		Note: "a name in a select item that is not a column of the relations read stands for an earlier item's alias (a column wins, as there); when their columns are not known (a table not built yet) the name is left for SQLite, which reads the column or fails naming it"},
	{From: "SELECT * EXCEPT (a), * EXCLUDE (a), * REPLACE (e AS a), * ILIKE 'p%', * RENAME (a AS b)", Dialects: all, To: "the column list",
		Note: "expanded from the columns of the relations read: tables exist when a model runs, CTEs and subqueries are read from the SQL; ILIKE keeps the columns whose names match (case aside), then EXCLUDE, REPLACE and RENAME apply in that order, as in Snowflake"},
	{From: "UNION / INTERSECT / EXCEPT DISTINCT, MINUS", Dialects: all, To: "UNION / INTERSECT / EXCEPT"},
	{From: "a UNION [ALL] BY NAME b", Dialects: "Snowflake, DuckDB", To: "SELECT *, NULL AS c FROM (a) UNION [ALL] SELECT x, NULL AS y, c FROM (b)",
		Note: "columns matched by name, case aside: the first input's, then the new ones of each later input in their order, NULL in the rows of an input without them; a plain UNION after it matches by position, as there. The columns are read as for * EXCLUDE"},
	{From: "a UNION ALL [STRICT] CORRESPONDING [BY (x, y)] b, a UNION ALL BY NAME [ON (x, y)] b, and INTERSECT / EXCEPT DISTINCT ... CORRESPONDING or BY NAME", Dialects: "BigQuery", To: "SELECT x, y FROM (a) UNION ALL SELECT x, y FROM (b)",
		Note: "columns matched by name, case aside: the columns every input selects, in the first input's order; BY (x, y) those columns in that order; STRICT wants the same names in every input, and so does BY NAME, which is STRICT CORRESPONDING (BY NAME ON (x, y) is STRICT CORRESPONDING BY (x, y))"},
	{From: "SELECT DISTINCT ON (k, ...) ... ORDER BY o", Dialects: "DuckDB", To: "SELECT cols FROM (SELECT *, row_number() OVER (PARTITION BY k ORDER BY o) AS _nexus_rn FROM (SELECT ...)) WHERE _nexus_rn = 1 ORDER BY o",
		Note: "the first row of each key in the order of the query's ORDER BY (any one without); a key or ORDER BY item that is a position or a select item's name means that item, its alias winning over a column of the relations read, as there; other expressions are computed on the rows read in hidden columns, where a name that is no column read stands for the select item of that alias"},
	{From: "FROM `project.dataset.events_*` ... WHERE _TABLE_SUFFIX BETWEEN a AND b (a wildcard table)", Dialects: "BigQuery", To: "FROM (SELECT cols, '20240101' AS _TABLE_SUFFIX FROM dataset.events_20240101 UNION ALL ...) AS events_*",
		Note: "the union of the dataset's tables whose names start with the prefix, each row with the rest of its table's name as _TABLE_SUFFIX, which SELECT * leaves out, as in BigQuery; the tables must have the same columns. A source whose identifier is a wildcard runs after the seeds and models whose tables it names; a model naming one in its SQL has no ref() to them, so, as in dbt, it runs in no set order with them, and it fails where a model's table it names is not built yet (add -- depends_on: {{ ref('m') }} to read it)"},
	{From: "CAST(d AS STRING FORMAT 'YYYY-MM-DD') of a DATE, DATETIME, TIMESTAMP or TIME [AT TIME ZONE zone]", Dialects: "BigQuery", To: "cast_format_bigquery(d, 'YYYY-MM-DD', 'DATE')",
		Note: "BigQuery's format elements (YYYY YYY YY Y RRRR RR, MM MON MONTH, DDD DD D DAY DY, HH HH12 HH24 MI SS SSSSS FF1-FF9, AM PM A.M. P.M., TZH TZM, literals and \"text\"), longest first and case aside; names take the letter case of the element (MON JAN, Mon Jan, mon jan) and DAY is not padded (THURSDAY); FFn cuts the fraction to n digits (FF1 of .16 is 1); a TIMESTAMP is read in UTC or the zone given; a TIME (a TIME literal, a cast to TIME or a function returning one) takes only the hour, minute, second and meridian elements; SAFE_CAST gives NULL where it fails"},
	{From: "CAST(x AS STRING FORMAT '$999,990.00') of a number (the elements 9 0 . D V , G S MI PR $ L C EEEE B FM X RN)", Dialects: "BigQuery", To: "cast_number_format_bigquery(x, '$999,990.00')",
		Note: "a fixed width: a place for the sign unless S, MI or PR places it (S before or after the digits: +12, 12-; MI after: 12- or 12 and a space; PR: <12>), the currency ($ or L: $, C: USD), then the digits, sign and currency just before the first digit printed; 9 writes a leading zero as a space, 0 keeps it (0.5 under 9.99 is .50); D and G are . and ,; V scales the number by the 9s after it; EEEE writes one integer digit and the exponent (+2.998E+08); B writes spaces when the integer part is 0; # for every digit when the number has more integer digits; the fraction rounded half away from zero; FM drops spaces and trailing zeros; X writes hexadecimal digits of the number rounded ('XXXX' of 43981 is ' ABCD', x in lower case, 0 keeps zeros), with 0, FM and the signs only, and RN the Roman numeral of a number from 1 to 3999, padded to 15 characters. S of a zero, FM leaving no fraction and TM fail, as their answers are not documented"},
	{From: "CAST(s AS DATE | DATETIME | TIMESTAMP | TIME FORMAT 'YYYYMMDD' [AT TIME ZONE zone]) of a string", Dialects: "BigQuery", To: "cast_parse_bigquery(s, 'YYYYMMDD', 'DATE', strftime('%Y-%m-%d %H:%M:%S', 'now'))",
		Note: "the same elements read back but the day names and DDD (month names case aside, a space for one or more spaces); the day defaults to 1, the year and month to the current ones, the time to 0; YYY, YY and Y replace the last digits of the current year, RR takes the nearest century (18 is 2018 until 2049), SSSSS sets the time of day, FFn reads up to n digits of the fraction; a TIMESTAMP without TZH is in the zone given or UTC; MM, DD, HH, HH12, HH24, MI and SS read 2 digits, as documented (a single digit fails, though GoogleSQL's code reads it before a separator), and spaces before or after the value fail (the documentation is silent; TRIM first); SAFE_CAST gives NULL where the text does not match"},
	{From: "SELECT s.* [EXCEPT (f)] of a STRUCT column s that a subquery or CTE selects as STRUCT(x AS a, y AS b), as the row t of a FROM item whose columns are known, or as ARRAY_AGG(t ORDER BY ... LIMIT 1)[OFFSET(0)] of one of those (dbt_utils' deduplicate)", Dialects: "BigQuery", To: "SELECT json_extract(s, '$.a') AS a, json_extract(s, '$.b') AS b",
		Note: "each field a column named as the field, as in BigQuery; a row's fields are its columns, in order"},
	{From: "SAFE.f(...) of a scalar function: SAFE.SUBSTR, SAFE.TIMESTAMP_MICROS, SAFE.REGEXP_EXTRACT, SAFE.PARSE_DATE, SAFE.LN ...", Dialects: "BigQuery", To: "safe_call(args..., 'substr_bigquery'); safe_parse_date_strftime(...); ln(...)",
		Note: "NULL where the function itself fails, as in BigQuery; an error while computing an argument still fails. The functions f runs as are called through safe_call, which gives NULL for their errors; SQLite's own functions that cannot fail (its math functions give NULL) are called as they are"},
	{From: "a SEMI JOIN b ON cond, a ANTI JOIN b USING (k)", Dialects: "DuckDB", To: "(SELECT * FROM a WHERE [NOT] EXISTS (SELECT 1 FROM b WHERE cond)) AS a",
		Note: "the rows of a with (without) a match in b, each once, with a's columns; a NULL key matches nothing, so ANTI JOIN keeps its row, as there"},
	{From: "a JOIN c ON ... SEMI JOIN b ON cond (after another join)", Dialects: "DuckDB", To: "a JOIN c ON ... WHERE [NOT] EXISTS (SELECT 1 FROM b WHERE cond)",
		Note: "the filter of the rows joined so far; not when a RIGHT or FULL JOIN follows, nor with USING, whose side is not known"},
	{From: "t ASOF [LEFT | RIGHT | FULL] JOIN p ON t.k = p.k AND t.ts >= p.ts (or >, <=, <)", Dialects: "DuckDB", To: "t [LEFT | RIGHT | FULL] JOIN p ON (t.k = p.k AND t.ts >= p.ts) AND p.ts = (SELECT the greatest p.ts FROM p WHERE t.k = p.k AND t.ts >= p.ts)",
		Note: "each left row with the right row nearest by the inequality (the greatest p.ts for >= and >, the least for <= and <) among those matching the equalities; several right rows equally near fail the query, as DuckDB keeps one of them and which one is not defined"},
	{From: "t ASOF [LEFT | RIGHT | FULL] JOIN p USING (k, ts)", Dialects: "DuckDB", To: "t [LEFT | RIGHT | FULL] JOIN p ON (t.k = p.k AND t.ts >= p.ts) AND p.ts = (SELECT the greatest p.ts ...)",
		Note: "the last column is the inequality, >=, the others keys, as in DuckDB; k and ts are given once, the left side's (in a RIGHT or FULL join the right side's where the left has no row): t.ts for an unqualified ts and in *"},
	{From: "ts AT TIME ZONE 'zone', timezone('zone', ts)", Dialects: "DuckDB", To: "convert_timezone('zone', 'UTC', ts) for a TIMESTAMP; convert_timezone('UTC', 'zone', ts) for a TIMESTAMPTZ",
		Note: "a TIMESTAMP is read as zone's wall clock and gives its instant (a TIMESTAMPTZ, shown in UTC); a TIMESTAMPTZ gives zone's wall clock at that instant (a TIMESTAMP); the session's zone is UTC"},
	{From: "GROUP BY ALL", Dialects: all, To: "GROUP BY 1, 3, ...",
		Note: "the positions of the select items that call no aggregate (outside windows and subqueries); none: no GROUP BY, one group"},
	{From: "GROUP BY ROLLUP (a, b), CUBE (a, b), GROUPING SETS ((a, b), a, ()); GROUPING(a, b), GROUPING_ID(a, b)", Dialects: warehouses, To: "SELECT * FROM (SELECT a, b, ... GROUP BY a, b UNION ALL SELECT a, NULL AS b, ... GROUP BY a UNION ALL ...)",
		Note: "one grouped select per set (ROLLUP the prefixes, CUBE every subset, several items their cross product): a grouped expression the set leaves out is NULL in the select list and HAVING, but aggregates still read its values; GROUPING() is the set's bits, 1 for an argument left out, the first argument the highest; a position or a select alias names that item"},
	{From: "ORDER BY ALL [DESC]", Dialects: "Snowflake, DuckDB", To: "ORDER BY 1 NULLS LAST, 2 NULLS LAST, ...",
		Note: "every column, left to right (* expanded as for * EXCLUDE), NULLs placed as the dialect places them"},
	{From: "SELECT a, b, FROM", Dialects: warehouses, To: "SELECT a, b FROM", Note: "a trailing comma before FROM"},
	{From: `r'...', "...", '''...''', backslash escapes, $$...$$, E'...'`, Dialects: warehouses, To: "'...'",
		Note: "raw, double-quoted and triple-quoted strings written as SQLite strings"},
	{From: `b'...', b"\x00\xff" (BYTES literals)`, Dialects: "BigQuery", To: "X'00ff'",
		Note: "a blob of the bytes the literal writes, escapes read, as FROM_HEX and MD5 give BYTES"},
	{From: "FROM x AS t(a, b)", Dialects: all, To: "FROM (WITH _nexus_colsN(a, b) AS (SELECT * FROM x) SELECT * FROM _nexus_colsN) AS t"},
	{From: "FROM VALUES (a, b), (c, d) [AS v(x, y)]", Dialects: "Snowflake", To: "FROM (VALUES (a, b), (c, d)) [AS v(x, y)]",
		Note: "Snowflake's VALUES in FROM without parentheses; its columns are column1, column2, ... ($1, $2) unless the alias names them"},
	{From: "VALUES (a, b), ...", Dialects: "DuckDB", To: "SELECT column1 AS col0, column2 AS col1 FROM (VALUES (a, b), ...)",
		Note: "DuckDB names a bare VALUES' columns col0, col1, ...; Snowflake, like SQLite, column1, column2, ...; a column list (AS t(a, b), a CTE's name(a, b)) names them by position, and * EXCLUDE, BY NAME and DISTINCT ON read those names"},
	{From: "[a, b], ARRAY[a, b], list_value(a, b), array_construct(a, b)", Dialects: warehouses, To: "json_array(a, b)",
		Note: "arrays are JSON text; an array or struct the translator knows a column holds (BigQuery's and DuckDB's, of CTEs, subqueries and models) is read with json(col) where it goes into an array, a struct or ARRAY_AGG, so that it nests rather than becoming a string, and a known BOOL is JSON true or false there"},
	{From: "STRUCT(a AS x), STRUCT<x T>(a), {'x': a}, struct_pack(x := a), object_construct('x', a)", Dialects: warehouses, To: "json_object('x', a)",
		Note: "structs are JSON objects; an unnamed field of a column takes its name, others are _field_N, or in a BigQuery array literal the first struct's name, also where a later field is named only by its column, and in the structs the fields hold ([STRUCT(1 AS a), STRUCT(2)], [STRUCT(1 AS a), STRUCT(t.b)], [STRUCT(STRUCT(1 AS i) AS v), STRUCT(STRUCT(2))]); a tuple in a BigQuery array literal is a STRUCT, [(1, 'a')] is [{_field_1: 1, _field_2: 'a'}], its fields named by the array's type in ARRAY<STRUCT<x INT64, y STRING>>[(1, 'a')]; a STRUCT(...) or tuple given to a declared ARRAY<STRUCT<...>> or STRUCT<...> takes the declared names, in the structs its fields hold too (ARRAY<STRUCT<k STRING, v STRUCT<n INT64>>>[STRUCT('a', STRUCT(1))] is [{k: a, v: {n: 1}}])"},
	{From: "CAST(x AS STRUCT<a INT64, b STRING>), CAST(x AS ARRAY<STRUCT<...>>), SAFE_CAST", Dialects: "BigQuery", To: "cast_nested_bigquery(x, 'STRUCT<a INT64, b STRING>', safe, line)",
		Note: "as BigQuery casts: a STRUCT's fields by their order, not their names, to the declared types, which name them (CAST(STRUCT(1, 'x') AS STRUCT<a FLOAT64, b STRING>) is {a: 1.0, b: x}), an ARRAY's elements to its element type; a value that does not convert fails naming the line (the whole value is NULL in SAFE_CAST); a NULL is NULL of the type"},
	{From: "SELECT STRUCT(1 AS x) UNION ALL SELECT STRUCT(3), and UNION DISTINCT, INTERSECT, EXCEPT", Dialects: "BigQuery", To: "SELECT json_object('x', 1) UNION ALL SELECT json_object('x', 3)",
		Note: "a set operation's column types come from its first input, so an unnamed STRUCT field of a later input, or of a STRUCT in a later array literal, takes the first input's field name in that column"},
	{From: "ARRAY(SELECT x ...), ARRAY(SELECT AS STRUCT ...)", Dialects: warehouses, To: "(SELECT json_group_array(_nexus_value) FROM (SELECT x AS _nexus_value ...))"},
	{From: "t, the alias of a FROM item standing alone: TO_JSON_STRING(t), ARRAY_AGG(t ORDER BY ts DESC LIMIT 1)", Dialects: "BigQuery", To: "json_object('a', t.a, 'b', t.b)",
		Note: "the row as a struct of its columns, where they are known and none of the relations around it has a column of that name"},
	{From: "ARRAY_AGG(x [ORDER BY ...]), list(x)", Dialects: warehouses, To: "json_group_array(x ...)",
		Note: "IGNORE NULLS and Snowflake's ARRAY_AGG add FILTER (WHERE x IS NOT NULL); BigQuery's ARRAY_AGG in the select list of a model's final query is checked by array_without_nulls, which fails on a NULL element as BigQuery does"},
	{From: "arr[SAFE_OFFSET(i)], arr[SAFE_ORDINAL(i)], arr[i] (Snowflake)", Dialects: "BigQuery, Snowflake", To: "json_extract(arr, '$[i]')",
		Note: "ORDINAL is 1-based; an index out of range gives NULL, as there"},
	{From: "arr[OFFSET(i)], arr[ORDINAL(i)], arr[i]", Dialects: "BigQuery", To: "array_at(arr, i, base, line)",
		Note: "an index out of range fails, as in BigQuery, naming the line"},
	{From: "x[i], x[begin:end], x[begin:end:step], list_slice(x, b, e[, step])", Dialects: "DuckDB", To: "list_or_text_at(x, i), list_or_text_slice(x, b, e[, step, omitted])",
		Note: "1-based, negative from the end, the end included, on lists and text alike (which one shows at run time); a negative step walks back, x[::-1] reverses; a step on text fails, as in DuckDB"},
	{From: "x['key']", Dialects: warehouses, To: "json_extract(x, '$.key')"},
	{From: "s.field, alias.field of UNNEST, f(x).field", Dialects: warehouses, To: "json_extract(s, '$.field')",
		Note: "a name whose first part is not a table alias in scope is a struct column; the column keeps the field's name"},
	{From: "x:a.b[0]", Dialects: "Snowflake", To: "json_extract(x, '$.a.b[0]')",
		Note: "a string is its SQL text (x), where Snowflake shows the VARIANT as JSON (\"x\"); so x:status = 'paid', x:status::string and GROUP BY x:status give the warehouse's answers, but a selected x:status shows paid, not \"paid\" (objects and arrays stay JSON text). Quoting strings would match Snowflake's display but not its meaning: every function that takes x:status as text (UPPER, SPLIT_PART, ||, LIKE...) casts it to the unquoted string there, and SQLite's functions would see the quotes"},
	{From: "GET(v, k)::type, GET_PATH(v, 'a.b')::type, TO_VARCHAR(GET(...))", Dialects: "Snowflake", To: "cast_to(json_get_text(json_get_member(v, k), '$'), 'TYPE', ...)",
		Note: "GET and GET_PATH give the member as JSON text (\"x\", null), as Snowflake shows the VARIANT; cast or TO_VARCHAR, its value is read as x:a's is: a string without its quotes, null as NULL"},
	{From: "x::map(k, v), CAST(x AS MAP(k, v)), MAP_CAT(m1, m2), MAP_SIZE(m), MAP_KEYS(m), MAP_CONTAINS_KEY(k, m), MAP_INSERT, MAP_DELETE, MAP_PICK", Dialects: "Snowflake", To: "to_object_of(x), map_cat_objects(m1, m2), map_size_object(m), object_keys_sorted(m), map_contains_key_object(k, m), object_insert_key, object_delete_keys, object_pick_keys",
		Note: "a structured MAP is held as an OBJECT is, a JSON object with its keys sorted, and ::variant or ::object gives it back as one; MAP_CAT keeps both maps' keys, the second's value where both have one, NULL when either is NULL; the map's key and value types are not checked or converted (a MAP(NUMBER, ...)'s keys are text)"},
	{From: "x::variant, TO_VARIANT(x), x::array, TO_ARRAY(x), x::object, TO_OBJECT(x)", Dialects: "Snowflake", To: "variant_of(x), to_array_of(x), to_object_of(x)",
		Note: "a VARIANT is the value itself (a string its text, as x:a gives it, where Snowflake shows \"abc\"; PARSE_JSON('\"abc\"') gives abc too, so ::string and = 'abc' read it as there); TO_ARRAY makes a value that is no array an array of one; TO_OBJECT fails on a value that is no object"},
	{From: "CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_USER(), CURRENT_ROLE(), CURRENT_WAREHOUSE(), CURRENT_ACCOUNT_NAME(), CURRENT_ORGANIZATION_NAME(), CURRENT_ACCOUNT()", Dialects: "Snowflake", To: "the target's value as a string: 'ANALYTICS'",
		Note: "the database and schema of dbt's target (target.database and target.schema, main without a profile) and the user, role and warehouse of the profiles.yml output, and from its account identifier the organization and account name (orgname-account_name) or the account locator (xy12345.us-east-2.aws), in upper case as Snowflake names unquoted objects; NULL when the profile has none (or writes it with env_var)"},
	{From: "target_schema.t, target_schema_custom.t, target_db.target_schema.t, `project.dataset.t` (dbt's names: target.schema, this.schema, ref(...).schema)", Dialects: all, To: "main.t, custom.t",
		Note: "a table the project builds named by the schema dbt gives it (the target's schema, or <target schema>_<custom> for a custom schema: dbt's default generate_schema_name) is the table built here, in main or <custom>; case aside, as the warehouses fold unquoted names; in FROM, schema.table.column, INSERT, UPDATE, DELETE, CREATE and ALTER TABLE, with or without the target's database (another database is left as written). A schema attached under its own name (a source's analytics_raw) stays that schema, and a project with its own generate_schema_name names its schemas as they are built"},
	{From: "source_schema.identifier, source_db.source_schema.identifier (dbt's names: source(...).schema, .database, .identifier, relation_name)", Dialects: all, To: "main.identifier, custom.identifier",
		Note: "a source's table named as its yml declares it (the schema defaulting to the source's name, the database to the target's) is the seed the source reads, in main or the seed's schema; case aside; with or without the database when it is the target's. Also when the project has its own generate_schema_name. A source whose identifier names a seed by its name while the seed has another alias is left as written"},
	{From: "SELECT schema.table.* FROM schema.table", Dialects: all, To: "SELECT table.* FROM schema.table",
		Note: "SQLite has no schema.table.*; left as written (an error) when the FROM list names the table twice or under an alias"},
	{From: "NET.HOST(url); NET.IP_FROM_STRING(s), NET.SAFE_IP_FROM_STRING(s), NET.IP_TO_STRING(b), NET.IPV4_FROM_INT64(i), NET.IPV4_TO_INT64(b), NET.IP_NET_MASK(n, p), NET.IP_TRUNC(b, p)", Dialects: "BigQuery", To: "net_host(url); net_ip('ip_from_string', s) ...",
		Note: "the host as written (no scheme, user, port or path); addresses as BYTES in network order, 4 bytes for IPv4 and 16 for IPv6, written as dotted quads or IPv6 with the longest run of zero groups as :: (::ffff:192.0.2.128 for an IPv4-mapped one); SAFE.NET.X gives NULL where X fails; NET.REG_DOMAIN and NET.PUBLIC_SUFFIX are refused, as they need the public suffix list"},
	{From: "PARSE_URL(url[, permissive])", Dialects: "Snowflake", To: "url_parts_object(url[, permissive])",
		Note: "an OBJECT of fragment, host, parameters, path, port, query and scheme as written: the host keeps a user and password, the port is text, the path has no leading slash, a part the URL lacks is null; no scheme is an error, or {\"error\": ...} with permissive 1"},
	{From: "PARSE_IP(addr, 'INET' | 'CIDR'[, permissive])", Dialects: "Snowflake", To: "ip_parts_object(...)",
		Note: "IPv4: an OBJECT of family, host, ip_fields, ip_type, ipv4 and, with a /prefix, netmask_prefix_length, ipv4_range_start and ipv4_range_end; not an address is an error, or {\"error\": ...} with permissive 1 (the message is ours); an IPv6 address is an error naming it"},
	{From: "GETBIT(n, i), BIT_LENGTH(s), REGR_VALX(y, x), REGR_VALY(y, x), BOOLXOR_AGG(b), TRUNCATE(d, part)", Dialects: "Snowflake", To: "bit_at, bit_length_of, regr_val_x, regr_val_y, bool_xor_agg, datetime_trunc_snowflake",
		Note: "GETBIT fails outside bits 0 to 63; BIT_LENGTH counts UTF-8 bytes; REGR_VALX/VALY are NULL when either argument is; BOOLXOR_AGG is true for exactly one true value, NULL over none; TRUNCATE of a date or timestamp is TRUNC"},
	{From: "FARM_FINGERPRINT(x)", Dialects: "BigQuery", To: "fingerprint64(x)",
		Note: "FarmHash's Fingerprint64 of the text's UTF-8 bytes or of the BYTES, as a signed INT64: the warehouse's values"},
	{From: "MD5_BINARY, SHA1_BINARY, SHA2_BINARY, TO_BINARY(s[, 'HEX' | 'BASE64' | 'UTF-8']), TRY_TO_BINARY, HEX_DECODE_BINARY, BASE64_DECODE_BINARY, x::binary, CAST(x AS varbinary)", Dialects: "Snowflake", To: "Go functions giving a blob (to_binary_snowflake(s, f) for TO_BINARY and casts, which read hex as Snowflake's default input format does)",
		Note: "a BINARY is a blob, as BigQuery's BYTES are: HEX_ENCODE, BASE64_ENCODE and TO_VARCHAR(b[, format]) read it, TO_VARCHAR writing upper case hex unless told BASE64 or UTF-8, as Snowflake does; tables show a blob as its hex digits (the command line writes x'edf1...')"},
	{From: "TYPEOF(x), IS_INTEGER(x), IS_DECIMAL, IS_DOUBLE, IS_REAL, IS_VARCHAR, IS_CHAR, IS_BOOLEAN, IS_ARRAY, IS_OBJECT", Dialects: "Snowflake", To: "variant_kind(x), (variant_kind(x) IN ('INTEGER', ...)); on a path json_type_kind(json_type(x, '$.a'))",
		Note: "the kind of value held: INTEGER, DECIMAL, DOUBLE, VARCHAR, BOOLEAN, ARRAY, OBJECT, NULL_VALUE; a real is DECIMAL unless it has an exponent (SQLite keeps no NUMBER scale, so 1.5::float reads DECIMAL); a BOOLEAN outside JSON is 1 or 0 here, so INTEGER; text that is a JSON array or object reads as one"},
	{From: "AS_VARCHAR(v), AS_CHAR, AS_INTEGER, AS_NUMBER(v[, p, s]), AS_DECIMAL, AS_DOUBLE, AS_REAL, AS_BOOLEAN, AS_ARRAY, AS_OBJECT", Dialects: "Snowflake", To: "CASE WHEN variant_kind(v) IN ('VARCHAR') THEN v END; cast_to(v, 'INTEGER', ...) for the numbers",
		Note: "the value when the VARIANT holds the function's kind (AS_INTEGER and AS_NUMBER a fixed-point number, rounded to its scale: as_integer(1.2345::variant) is 1; AS_DOUBLE any number), NULL for another kind, as there; kinds are read as TYPEOF reads them"},
	{From: "GET(v, k) = x, GET_PATH(v, 'a.b') IN (x, y), and <, <=, >, >=, <> with a value that is no GET", Dialects: "Snowflake", To: "json_extract(json_get_member(v, k), '$') = x",
		Note: "the member's value is compared, as Snowflake compares a VARIANT with the other value cast to one (get(v, 's') = 'abc' is true); two GETs compare as JSON text"},
	{From: "IS_NULL_VALUE(x:a.b)", Dialects: "Snowflake", To: "(json_type(x, '$.a.b') = 'null')",
		Note: "TRUE for a JSON null, FALSE for another value, NULL where there is no value; on other arguments is_json_null(v), which cannot tell a JSON null a function such as GET gave from no value (both NULL)"},
	{From: "FROM t, UNNEST(t.arr) AS x [WITH OFFSET AS o]", Dialects: warehouses, To: "FROM t, json_each(t.arr) AS x",
		Note: "x is x.value, o is x.key (0-based); DuckDB's unnest(l) without an alias is named unnest, as is its column; * over it lists the other relations' columns and x; BigQuery's UNNEST([STRUCT(1 AS a, 'x' AS b), STRUCT(2, 'y')]) without an alias gives a column per field, named by the first struct, as an array literal's structs are; BigQuery's UNNEST(t.arr) of a column without an alias (GA4's (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'x')): a name that no relation beside it has is a field of its structs, or, where the element lacks it, an enclosing relation's column; with an alias, as a value table's row, a name no relation beside it has is the field when the element has one (ORDER BY key over UNNEST(event_params) AS p); an aliased UNNEST of a literal array of structs, or one WITH OFFSET, is a value table too: its fields are names and * lists them; * lists WITH OFFSET's column after the element's"},
	{From: "FROM TABLE(GENERATOR(ROWCOUNT => n)), SEQ1() ... SEQ8()", Dialects: "Snowflake", To: "(WITH RECURSIVE _nexus_gen(_nexus_seq) AS (...) SELECT _nexus_seq FROM _nexus_gen); _nexus_seq",
		Note: "n rows; SEQ4() and its kin number them from 0 without gaps (Snowflake may leave gaps), so row_number() over (order by seq4()) and dateadd(day, seq4(), d) spines give Snowflake's rows"},
	{From: "LATERAL FLATTEN(input => x[, path => 'p'][, outer => true]) f, TABLE(FLATTEN(...))", Dialects: "Snowflake", To: "json_each(x[, '$.p']) AS f; t LEFT JOIN json_each(...) AS f ON true",
		Note: "f.value; f.index an array element's place from 0 (NULL for an object's), f.key an object's key (NULL for an array's), f.path without json_each's $. (a[0]); an unqualified index is FLATTEN's; OUTER => TRUE after a comma or a JOIN becomes a LEFT JOIN, keeping a row with NULLs for an empty or NULL array, and first in FROM a LEFT JOIN to one row, (SELECT NULL) LEFT JOIN json_each(...) AS f ON true"},
	{From: "LATERAL SPLIT_TO_TABLE(s, sep) t, TABLE(STRTOK_SPLIT_TO_TABLE(s[, chars]))", Dialects: "Snowflake", To: "json_each(split_to_json(s, sep)) AS t, json_each(tokens_array(s, chars))",
		Note: "t.value the part, t.index its place from 1 (t.key + 1)"},
	{From: "FROM range(n), range(a, b[, step]), generate_series(a, b[, step])", Dialects: "DuckDB", To: "(WITH RECURSIVE ... SELECT v AS \"range\" | \"generate_series\" ...)",
		Note: "range leaves b out, generate_series includes it, as on DuckDB; an alias AS r, or an alias list AS t(x), names the column; a step of 0 fails, naming the line, as on DuckDB; of timestamps (a DATE is its midnight) by an INTERVAL, the rows of range_list / series_list below"},
	{From: "FROM t, range(t.a, t.b) [AS s(x)], generate_series(...) reading the FROM items before it", Dialects: "DuckDB", To: "FROM t, json_each(range_list(t.a, t.b)) AS s",
		Note: "a row per value for each row of t, none where an argument is NULL, as in DuckDB; x is s.value, and the column is named as DuckDB names it (after the function without an alias); a LEFT JOIN ... ON true keeps a row without values; a step of 0 fails, naming the line"},
	{From: "range(...), generate_series(...) as values; range(a, b, INTERVAL ...) in FROM", Dialects: "DuckDB", To: "range_list(a, b, step), series_list(a, b, step)",
		Note: "a JSON array (a list), which unnest(), [i] and the list functions read: whole numbers, or timestamps in the one form, the interval added again and again as DuckDB adds it (January 31 plus a month each time: February 29, March 29); a step of 0 or away from b gives an empty list; unnest(generate_series(...))::date, a date spine, works as a select item"},
	{From: "x IN UNNEST(arr)", Dialects: warehouses, To: "x IN (SELECT value FROM json_each(arr))"},
	{From: "FROM t PIVOT (sum(v) [AS s] FOR k IN ('a' [AS x], ...))", Dialects: all, To: "FROM (SELECT other columns, sum(CASE WHEN k = 'a' THEN v END) AS a ... FROM t GROUP BY other columns)",
		Note: "the columns of t the clause does not name are kept and grouped by; columns are named as the warehouse names them: the value (Snowflake keeps its quotes), with the aggregate's alias before it (BigQuery) or after it (DuckDB)"},
	{From: "FROM t UNPIVOT [INCLUDE NULLS] (v FOR k IN (a [AS 'x'], ...))", Dialects: all, To: "FROM (SELECT other columns, 'a' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL ...)",
		Note: "k holds the column's name as written (upper case for Snowflake's unquoted names); BigQuery puts v before k"},
	{From: "UNPIVOT ((v, w) FOR k IN ((a1, b1) [AS 'x'], ...))", Dialects: "BigQuery, DuckDB", To: "SELECT other columns, 'a1_b1' AS k, a1 AS v, b1 AS w FROM t WHERE ... UNION ALL ...",
		Note: "k is the alias or the columns' names joined with _; without INCLUDE NULLS, DuckDB leaves out a row where any value is NULL, BigQuery one where all are"},
	{From: "UNPIVOT t ON a, (b1, b2) AS x [INTO NAME k VALUE v [, w]]", Dialects: "DuckDB", To: "SELECT * FROM t UNPIVOT (v FOR k IN (a, (b1, b2) AS x))",
		Note: "the statement form, also as a subquery or after a CTE; NAME name and VALUE value when INTO is left out"},
	{From: "PIVOT (... FOR k IN (...) DEFAULT ON NULL (d))", Dialects: "Snowflake", To: "coalesce(sum(CASE WHEN k = 'a' THEN v END), d)", Note: "every NULL cell of the pivot's columns is d"},
	{From: "from_json(j, '{\"a\": \"INTEGER\", \"l\": [\"VARCHAR\"]}'), json_transform(j, structure)", Dialects: "DuckDB", To: "from_json_typed(j, structure)",
		Note: "the value read as the structure's type, as DuckDB reads it: a struct of the structure's fields in its order (NULL where the value lacks one), a list, or one value; a value that does not convert is NULL; numbers to an integer round half to even, to a DECIMAL(w, s) half away from zero; anything is its JSON text as a VARCHAR"},
	{From: "SELECT id, unnest(list) AS x FROM t", Dialects: "DuckDB", To: "SELECT id, u.value AS x FROM t, json_each(list) AS u",
		Note: "a row per element for each row of t, none for an empty or NULL list, as in DuckDB; also inside an expression (unnest(l) + 1); several unnest() in one select list pair their elements by position, as DuckDB does, the shorter lists' places NULL: json_each(unnest_zip(a, b)), each call the member of its place; generate_subscripts(l, 1), the places of l's elements from 1, as an unnest(series_list(1, json_array_length(l))); outside grouped queries and selects with window functions"},
	{From: "ARRAY_LENGTH, ARRAY_SIZE", Dialects: warehouses, To: "json_array_length"},
	{From: "len(x)", Dialects: "DuckDB", To: "list_or_text_length(x)", Note: "the elements of a list, the characters of text: which one shows when the query runs, as for x[i]"},
	{From: "ARRAY_TO_STRING, GENERATE_ARRAY, GENERATE_DATE_ARRAY, ARRAY_CONCAT, ARRAY_REVERSE, flatten, list_contains, list_sort, list_distinct, regexp_split_to_array, TO_JSON_STRING", Dialects: warehouses,
		To: "Go functions of pipeline/internal/sqlfunc/array.go", Note: "arrays they return are wrapped in json() so they nest as JSON"},
	{From: "list_transform(l, x -> e), list_filter(l, (x, i) -> e), list_reduce(l, (acc, x) -> e[, init]), lambda x: e", Dialects: "DuckDB",
		To: "(SELECT json_group_array(e ORDER BY key) FROM json_each(l)); a recursive query for list_reduce", Note: "the parameters are columns over the list's elements, i 1-based; NULL for a NULL list; list_reduce starts from the first element without init (an empty list fails) and goes on through a NULL step; -> is a lambda only in these functions, JSON extraction elsewhere"},
	{From: "x::T[], CAST(x AS T[]), TRY_CAST(x AS T[])", Dialects: "DuckDB", To: "json_group_array(<x's element cast to T>) over json_each(x)",
		Note: "each element cast as a value of T is (a DECIMAL list's halves round away from zero to an integer); TRY_CAST makes an element that does not convert NULL; a NULL list stays NULL; T[][] is refused"},
	{From: "FILTER(a, x -> e), TRANSFORM(a, x INT -> e), REDUCE(a, init, (acc, x) -> e)", Dialects: "Snowflake",
		To: "(SELECT json_group_array(e ORDER BY key) FROM json_each(a)); a recursive query for REDUCE", Note: "the parameters are columns over the array's elements, which keep their JSON types (a declared type is read, not applied); NULL for a NULL array; REDUCE gives init for an empty array and NULL once a step gives NULL"},
	{From: "list_aggregate(l, 'string_agg', sep), 'min', 'max', 'sum', 'count', 'avg'; list_count(l)", Dialects: "DuckDB",
		To: "(SELECT group_concat(value, sep ORDER BY key) FROM json_each(l))", Note: "the elements in list order; NULL for a NULL list; list_count(l) counts the elements that are not NULL"},
	{From: "COUNT(DISTINCT x) OVER (...)", Dialects: all, To: "count_distinct(x) OVER (...)", Note: "SQLite refuses DISTINCT in windows"},
	{From: "COUNT([DISTINCT] a, b) [OVER (...)]", Dialects: "Snowflake", To: "count([DISTINCT] CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN json_array(a, b) END)",
		Note: "the rows, or distinct tuples, where no value is NULL; count_distinct(...) OVER in a window; DuckDB's and BigQuery's COUNT take one argument, so count(a, b) is refused there as they refuse it"},
	{From: "STRING_AGG / LISTAGG / GROUP_CONCAT(DISTINCT x, sep)", Dialects: all, To: "string_agg_distinct(x, sep)",
		Note: "SQLite takes DISTINCT only with one argument"},
	{From: "FIRST(x)", Dialects: "DuckDB", To: "first_agg(x)", Note: "the first value aggregated, NULL included"},
	{From: "EXTRACT(part FROM x)", Dialects: warehouses, To: "date_part('part', x); date(x) for DATE"},
	{From: "EXTRACT(part FROM ts AT TIME ZONE zone)", Dialects: "BigQuery", To: "date_part('part', datetime_of(ts, zone))"},
	{From: "CURRENT_DATE(zone), CURRENT_DATETIME([zone])", Dialects: "BigQuery", To: "date_of(now, zone), datetime_of(now, zone)"},
	{From: "CAST(x AS STRING), SAFE_CAST(x AS STRING)", Dialects: "BigQuery", To: "cast_to(x, 'TEXT', 'bigquery', line); try_cast(x, 'TEXT', 'bigquery')",
		Note: "a FLOAT64 is written as BigQuery writes it (1, 1.5, 1e+20), not as SQLite's 1.0; Snowflake and DuckDB write a decimal 1.0 as 1.0, as SQLite does"},
	{From: "CAST(bool AS string), bool::varchar, TO_VARCHAR(bool) (Snowflake); text || bool (Snowflake, DuckDB); concat(..., bool), string_agg(bool, sep) (DuckDB)", Dialects: warehouses, To: "CASE WHEN b THEN 'true' WHEN NOT b THEN 'false' END; CASE (b) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END",
		Note: "where the value is known to be a boolean (TRUE, FALSE, a comparison, LIKE, IN, AND, OR, NOT, a cast to BOOL, a model's column holding one, a seed's column declared boolean); a source's boolean column is 1 or 0 and casts to '1' or '0'"},
	{From: "YEAR(x), QUARTER, MONTH, WEEK, DAY, DAYOFMONTH, DAYOFWEEK, DAYOFYEAR, HOUR, MINUTE, SECOND", Dialects: "Snowflake, DuckDB", To: "date_part('year', x)",
		Note: "the dialect's EXTRACT, weeks and weekdays as it counts them"},
	{From: "DECADE(x), CENTURY, MILLENNIUM and these parts (decades, c, cent, mil...) in date_part, EXTRACT, date_trunc, datediff and date_sub", Dialects: "DuckDB", To: "date_part('century', x)",
		Note: "as DuckDB counts them: EXTRACT's centuries and millennia start at year 1 (2000 is in the 20th century), date_trunc and datediff cut at multiples of 100 and 1000 (date_trunc('century', 2024-05-17) is 2000-01-01)"},
	{From: "DATE_TRUNC(x, MONTH), datediff(day, a, b) and other bare date parts", Dialects: warehouses, To: "'month', 'day'",
		Note: "passed as lower-case strings to the date functions, any of the warehouse's names of a part (mins, yrs, qtr, yearofweekiso ...); only in the part's place (the first argument, BigQuery's second or a *_DIFF's third, LAST_DAY's and TRUNC's second, TIME_SLICE's third), so that a column named date or day elsewhere stays a column"},
	{From: "f(x, INTERVAL n unit)", Dialects: warehouses, To: "f(x, n, 'unit')"},
	{From: "x + INTERVAL n unit, x - INTERVAL n unit, INTERVAL n unit + x, INTERVAL '2 months', INTERVAL (col) DAY, INTERVAL 1 DAY * n, x ± to_days(n) and x ± '1 day'::interval (DuckDB)", Dialects: warehouses, To: "datetime_add_to_timestamp(x, n, 'unit'); datetime_add_snowflake(x, n, 'unit') in Snowflake",
		Note: "months are clamped to the month's last day; INTERVAL '1 month 2 days' (Snowflake: '1 day, 2 hours') adds each part in turn, in the order written in Snowflake, months then days then time in DuckDB; DuckDB's to_years ... to_microseconds(n) are INTERVAL n unit; a DATE plus an INTERVAL is a timestamp, except in Snowflake for parts of a day or longer (datetime_add), where it stays a DATE"},
	{From: "timestamp - timestamp (a DATE is its midnight; ts - lag(ts) OVER (...) too), age(a, b), -interval, and INTERVAL n unit, INTERVAL '1 day 2 hours', '36 hours'::interval, to_days(n) standing alone; interval ± interval, interval * n, interval / n, x ± an interval value, date_add(x, an interval value)", Dialects: "DuckDB", To: "timestamp_minus(a, b), age_interval(a, b), interval_of(n, 'unit'), interval_of('...'), interval_add, interval_mul, datetime_add_interval",
		Note: "an INTERVAL is the text DuckDB prints for it: '02:30:00', '1 day 02:00:00', '1 month 2 days', '-1 day -02:30:00', '00:20:00.5'; a - b of timestamps gives days and time, age(a, b) years, months and days on the calendar; a fraction carries down (INTERVAL '1.5 hours' is 01:30:00, INTERVAL '1 month' * 1.5 is 1 month 15 days); a timestamp or DATE ± an interval is known to be a timestamp, so (ts + INTERVAL 90 MINUTE) - ts is 01:30:00 and compares with timestamp text as a timestamp"},
	{From: "date - date, timestamp - timestamp, datetime - datetime, INTERVAL n part, INTERVAL '1-2 3 4:5:6' YEAR TO SECOND (and other qualifiers) standing alone, MAKE_INTERVAL(...), JUSTIFY_DAYS / JUSTIFY_HOURS / JUSTIFY_INTERVAL, CAST(x AS INTERVAL) of the canonical text or an ISO 8601 duration ('P1Y2M3DT4H5M6S') (SAFE_CAST: NULL where CAST fails), EXTRACT(part FROM interval); interval ± interval, interval * n, interval / n, -interval, x ± an interval value; comparisons, ORDER BY, min, max, sum, greatest, least of intervals", Dialects: "BigQuery", To: "date_minus_bigquery(a, b), timestamp_minus_bigquery(a, b), interval_of_bigquery(n, 'part'), interval_of_bigquery('...', 'year', 'second'), make_interval_bigquery(...), try_interval_of_bigquery(x), justify_days(x), interval_part_bigquery('hour', x), interval_add, interval_mul, datetime_add_interval, interval_key",
		Note: "an INTERVAL is BigQuery's text for it, [-]Y-M [-]D [-]H:M:S[.F]: '0-0 1 2:0:0', '-0-2 -5 0:0:0'; DuckDB's months, days and time kept apart, compared as BigQuery compares them (a month is 30 days, a day 24 hours); date - date gives days ('0-0 396 0:0:0'), timestamp - timestamp and datetime - datetime all time ('0-0 0 36:34:56.789'); EXTRACT reads each part from its own field (the hour of 0-0 0 49:2:1 is 49), MILLISECOND and MICROSECOND within the second; EXTRACT of an interval in a column whose type is not known is read when the query runs; min, max and ORDER BY of such a column work on text: select it from a CTE whose intervals are known"},
	{From: "comparisons, BETWEEN, ORDER BY and GROUP BY (an interval, its alias or its position), SELECT DISTINCT, count(DISTINCT), PARTITION BY, min, max, avg, greatest, least, EXTRACT, date_part and epoch of an INTERVAL", Dialects: "DuckDB", To: "interval_key(x) > interval_key(y), GROUP BY interval_key(x), interval_min(x), interval_avg(x), interval_greatest(x, y), interval_part('hour', x)",
		Note: "where the value is known to be an INTERVAL (the forms above, a CTE's or model's column holding one); compared as DuckDB compares them, a month as 30 days and a day as 24 hours (1 day > 23 hours, not as text); a part is read from its own field (the hour of 1 day 26:00:00 is 26), epoch counts a year as 365.25 days and a month as 30; avg divides each field, as DuckDB does; a - b of a source's columns, whose types are not known, is an interval when the query runs (EXTRACT, date_part, epoch and a comparison with a known interval read it), and ORDER BY, GROUP BY, min, max and avg of it (directly or through a CTE's or model's column) go through interval_sort_key(x), maybe_interval_min(x), maybe_interval_max(x) and maybe_interval_avg(x), which take interval text as durations and numbers as numbers, and so does a comparison of two such values or of one with a string literal (b - a > '1 hour'); a comparison with a column of unknown type reads text: cast the columns (a::timestamp - b::timestamp); GROUP BY, SELECT DISTINCT (as a GROUP BY of its items), count(DISTINCT), a window's PARTITION BY and DISTINCT ON go by the same key, so 1 day and 24 hours are one group, shown as one of its values' texts, as in DuckDB; the ORDER BY of a UNION, INTERSECT or EXCEPT goes by it too where the first input's column is a known interval (SELECT * FROM (a UNION b) ORDER BY interval_key(d)), and a UNION (distinct) of them is a UNION ALL grouped by interval_key() of those columns, so 1 day and 24 hours are one row, and a INTERSECT b, a EXCEPT b (two inputs) keep a's rows for which b has [no] row of equal keys (SELECT * FROM (a) AS l WHERE EXISTS (SELECT 1 FROM (b) AS r WHERE interval_key(r.d) IS interval_key(l.d)) GROUP BY interval_key(d)); a longer chain of INTERSECT or EXCEPT, and a SELECT DISTINCT with a window function, an aggregate or a star read the text"},
	{From: "DATE '...', TIMESTAMP '...', DATETIME '...', TIMESTAMP_NTZ | _TZ | _LTZ '...', TIMESTAMPTZ '...', JSON '...'", Dialects: warehouses, To: "date('...'), '2024-05-17T10:00:00Z', json('...')",
		Note: "timestamp literals are written in the one form when translated, converted as CAST converts them"},
	{From: "a function of the warehouse", Dialects: warehouses, To: "the function of pipeline/internal/sqlfunc computing it (sqlfunc.Rename)"},
	{From: "CREATE OR REPLACE [TEMP] TABLE | VIEW x AS SELECT ...", Dialects: all, To: "DROP TABLE | VIEW IF EXISTS x; CREATE [TEMP] TABLE | VIEW x AS SELECT ...",
		Note: "TRANSIENT, SECURE and MATERIALIZED are dropped, VOLATILE is TEMP; column types become SQLite's (arrays and structs TEXT); BigQuery's PARTITION BY, CLUSTER BY and OPTIONS and Snowflake's CLUSTER BY and COMMENT change no result and are dropped; a temporary table loses its schema"},
	{From: "CREATE [OR REPLACE] TABLE x CLONE y, LIKE y; BigQuery's COPY y", Dialects: "BigQuery, Snowflake", To: "CREATE TABLE x AS SELECT * FROM y (LIKE: ... LIMIT 0)",
		Note: "the copy has y's columns and rows (none for LIKE), and no history: a CLONE or COPY of y as it was at a past time (AT, BEFORE, FOR SYSTEM_TIME AS OF) is refused"},
	{From: "TRUNCATE [TABLE] x", Dialects: all, To: "DELETE FROM x"},
	{From: "DELETE [FROM] x alias ..., UPDATE x alias SET ...", Dialects: all, To: "DELETE FROM x AS alias ..., UPDATE x AS alias SET ...",
		Note: "SQLite takes a written table's alias only after AS, and a DELETE only with FROM (BigQuery leaves it out)"},
	{From: "ALTER TABLE x ADD PRIMARY KEY | FOREIGN KEY ... NOT ENFORCED, DROP PRIMARY KEY | CONSTRAINT, SET OPTIONS, ALTER COLUMN c SET OPTIONS | DROP NOT NULL; Snowflake's ADD [CONSTRAINT] PRIMARY KEY | UNIQUE | FOREIGN KEY, CLUSTER BY, SET COMMENT | TAG | property = value, ALTER COLUMN c COMMENT", Dialects: "BigQuery, Snowflake", To: "SELECT cols FROM x LIMIT 0 (and SELECT cols FROM the referenced table LIMIT 0)",
		Note: "constraints these warehouses do not enforce, options and comments change no row: what runs checks that the tables and columns named exist, as the warehouse does; with ALTER TABLE IF EXISTS nothing is checked; other ALTER TABLE statements (RENAME, ADD and DROP COLUMN) run as SQLite runs them"},
	{From: "DECODE(x, s1, r1, ..., d), EQUAL_NULL(a, b)", Dialects: "Snowflake", To: "CASE WHEN x IS s1 THEN r1 ... ELSE d END; (a IS b)", Note: "NULL matches NULL, as in Snowflake"},
	{From: "TO_NUMBER(x[, p, s]), TRY_TO_NUMBER, TO_DECIMAL, TRY_TO_DECIMAL, TO_DOUBLE, TRY_TO_DOUBLE", Dialects: "Snowflake", To: "cast_to(x, 'INTEGER', 'snowflake', line); try_cast(x, 'REAL', 'snowflake')",
		Note: "the scale is 0 unless given, so 12.5 becomes 13; with (p, s) rounded to s digits and out of range beyond p - s digits before the point, as a cast to NUMBER(p, s) (decimal_fits(round_scale(...), p, s, line)); TRY_ forms give NULL where the text is not a number or out of range. TO_NUMBER(x, 'format'[, p, s]) reads x with a format model first, parse_number_snowflake(x, '$9,999.99'), in lax mode: spaces around the value skipped, 9 and 0 at most as many digits as the format has (a 0 wants its digit), group separators optional but matching where written, the point optional before an empty fraction, X hexadecimal digits, $ a dollar sign, a - before the number (S: + or -, MI: - or +), TM9, TME and TM any number without or with an exponent, _ optional spaces, \"text\" and ; : - = / ( ) themselves"},
	{From: "COUNT(a, b), COUNT(DISTINCT a, b)", Dialects: "Snowflake", To: "count(CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN 1 END); count(DISTINCT CASE WHEN ... THEN json_array(a, b) END)",
		Note: "the rows, or the distinct tuples, in which no value is NULL"},
	{From: "TRY_PARSE_JSON(x)", Dialects: "Snowflake", To: "CASE WHEN json_valid(x) THEN json(x) END"},
	{From: "TRUNC(x), TRUNC(x, n) of a number", Dialects: "Snowflake", To: "CAST(trunc(x) AS INTEGER); trunc(x * 10^n) / 10^n", Note: "toward zero; TRUNC(x, 'part') truncates dates"},
	{From: "agg(x, sep) WITHIN GROUP (ORDER BY y)", Dialects: all, To: "agg(x, sep ORDER BY y)"},
	{From: "SELECT TOP n ... [ORDER BY ...]; [OFFSET m {ROW | ROWS}] FETCH {FIRST | NEXT} n {ROW | ROWS} [ONLY]", Dialects: "Snowflake", To: "SELECT ... [ORDER BY ...] LIMIT n [OFFSET m]",
		Note: "TOP n keeps the first n rows in the query's ORDER BY, as LIMIT n does"},
	{From: "LISTAGG(x, sep) WITHIN GROUP (ORDER BY y) OVER ([PARTITION BY p]), ARRAY_AGG(x) WITHIN GROUP (ORDER BY y) OVER (...)", Dialects: "Snowflake", To: "listagg_text(x, sep) OVER (PARTITION BY p ORDER BY y ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
		Note: "every row gets its whole partition's values in the WITHIN GROUP's order, NULLs left out, as Snowflake's window form (which takes no ORDER BY or frame in its OVER) gives them"},
	{From: "PERCENTILE_CONT(q) WITHIN GROUP (ORDER BY x [DESC]), quantile_cont(x, q)", Dialects: "Snowflake, DuckDB", To: "quantile_cont_of(x, q)", Note: "interpolated between the two nearest values; DESC reads 1 - q; in DuckDB, of a DECIMAL, quantile_cont_decimal(x, q, s): the DECIMAL's scale, cut off towards zero, as quantile_cont of it"},
	{From: "max(x, n), min(x, n), arg_max(v, k, n), arg_min(v, k, n), max_by, min_by", Dialects: "DuckDB", To: "extremes_of(v, k, n, sign)", Note: "a list of the values of the n rows with the largest (smallest) key, in that order, rows with a NULL key left out; NULL for no rows"},
	{From: "floor(n), ceil(n), ceiling(n) of a known integer", Dialects: "DuckDB", To: "CAST(floor(n) AS REAL)", Note: "a DOUBLE, as DuckDB answers (floor(5)::varchar is '5.0'); trunc and round of an integer stay integers"},
	{From: "strftime('%B', d), strftime(format, x): a string literal first, an expression second", Dialects: "DuckDB", To: "strftime_format_first('%B', d)", Note: "DuckDB's other order of strftime(x, format), which it chooses when the first is text and the second a date or timestamp"},
	{From: "format('{} {:.2f}', a, b)", Dialects: "DuckDB", To: "format_duckdb(f, a, b)", Note: "the {fmt} placeholders DuckDB's format() takes: {}, {1}, {:spec} with fill, align, sign, 0, width, the , separator, precision and the types d f e x X o b s; a NULL argument gives NULL; printf(...) keeps SQLite's printf, as DuckDB's"},
	{From: "PERCENTILE_DISC(q) WITHIN GROUP (ORDER BY x [DESC]), quantile_disc(x, q), quantile(x, q)", Dialects: "DuckDB", To: "quantile_disc_of(x, q)", Note: "the first value whose share of the rows at or below it reaches q, NULLs left out, as a window too"},
	{From: "APPROX_COUNT_DISTINCT(x), HLL(x) (Snowflake), and Snowflake's OVER ([PARTITION BY ...]) form", Dialects: warehouses, To: "count(DISTINCT x); count_distinct(x) OVER (...)", Note: "exact, where the warehouse estimates; a DISTINCT written inside has no effect, as in Snowflake"},
	{From: "MOD(a, b)", Dialects: "BigQuery, Snowflake", To: "modulo(a, b, 'dialect', line)",
		Note: "whole numbers stay whole and decimals exact (MOD(4.5, 1.2) is 0.9; SQLite's mod() gives reals); a zero divisor fails in BigQuery, naming the line, and gives NULL in Snowflake"},
	{From: "round(x[, n])", Dialects: "DuckDB", To: "round_duckdb(x, n); round_scale(x, n) for a DECIMAL x and n >= 0",
		Note: "an integer stays an integer (n < 0 rounds to tens, hundreds); a DOUBLE is round(x * 10^n) / 10^n, halves away from zero, as DuckDB rounds one; a DECIMAL (next row) rounds its digits exactly, so round(1.005, 2) is 1.01"},
	{From: "a + b, a - b, a * b, a % b, sum(x), coalesce(x, 0), CASE ... of DECIMALs (1.25, x::decimal(10, 2), their columns)", Dialects: "DuckDB", To: "round_scale(a + b, s); decimal_avg(x, s) for avg(x); a CAST(... AS REAL) or round_scale around a conditional mixing an INTEGER",
		Note: "exact as DuckDB's DECIMAL arithmetic is: each value is the real nearest the decimal, rounded back to the result's scale (+ - % the larger of the operands', * their sum, sum, min, max, lag, lead, first_value and the conditionals the operands', round(x, n) n, median and quantile_cont the value's, cut off towards zero, a DECIMAL(p, 0)'s too: median of 1 and 2 is 1), so 0.1 + 0.2 = 0.3 holds; avg is the exact sum as a DOUBLE divided by the count, as DuckDB computes it; / gives a DOUBLE; a conditional, a column of VALUES or a UNION mixing an INTEGER with a DECIMAL or a DOUBLE gives reals (coalesce(sum(amount), 0) is 0.0, values (1), (2.5) is 1.0 and 2.5); scales beyond 17 digits and sums beyond 2^53 units are binary floating point. The types are known as in the DATE row above, and a built model's number columns and a seed's numeric column_types (decimal(10, 2), bigint, double) carry theirs to the models reading them; a source's columns are unknown: cast them (amount::decimal(16, 2))"},
	{From: "sum(x), avg(x), mean(x) of DOUBLEs and of values of unknown type", Dialects: "DuckDB", To: "duck_sum(x), duck_avg(x)",
		Note: "the values added one by one in the order they are read, as DuckDB adds DOUBLEs, where SQLite's sum and avg compensate the rounding: the sum of 0.1, 0.2 and 0.3 is 0.6000000000000001, and its text shows it; integers add exactly and past a 64-bit integer go on as a real (DuckDB's HUGEINT sum), where SQLite fails; INTEGERs and DECIMALs known as such keep SQLite's sum (exact for them)"},
	{From: "CAST(x AS varchar), x::varchar, x || text, concat(..., x, ...), string_agg(x, sep) of a number", Dialects: "DuckDB", To: "decimal_text(x, s); double_text(x); float32_text(x); cast_to(x, 'TEXT', 'duckdb', line) for a value of unknown type",
		Note: "as DuckDB writes them: a DECIMAL with all s digits after the point (2.50), a DOUBLE in the shortest digits that read back as it, in exponent form below 1e-4 and from 1e16 (0.3333333333333333, 10.0, 1e+16; SQLite writes 15 digits), a FLOAT the shortest for 32 bits (0.6666667); a real of unknown type (a source's column, a function's result) is written as a DOUBLE"},
	{From: "GENERATE_UUID(), UUID_STRING(), uuid(), gen_random_uuid()", Dialects: warehouses, To: "uuid_text()", Note: "a random version 4 UUID per call, as in the warehouse, so the values differ from build to build and a model keyed on them gets new keys each run (and its diff shows every row changed): key rows on their columns instead, TO_HEX(MD5(...)) or dbt_utils.generate_surrogate_key; Snowflake's UUID_STRING(namespace, name) is the version 5 UUID, the same each run"},
	{From: "COALESCE, IFNULL, IF, CASE, GREATEST, LEAST of an INT64 and a FLOAT64", Dialects: "BigQuery", To: "CAST(coalesce(...) AS REAL)", Note: "their supertype, FLOAT64, as BigQuery gives it: COALESCE(seats, 0.5) is 12.0 where seats holds 12 (SQLite would keep the integer), where every value's number type is known (literals, casts, arithmetic, and the columns of CTEs, subqueries and built tables holding them)"},
	{From: "array || array", Dialects: "BigQuery", To: "array_concat(a, b)", Note: "where one side is known to be an ARRAY (a literal, ARRAY(...), a function giving one such as SPLIT, or a column holding one): the operator concatenates arrays there; SQLite's || would join the JSON texts"},
	{From: "CAST(list AS varchar), list::varchar, struct::varchar; list || list; list_sum(l), list_avg(l) of DECIMALs", Dialects: "DuckDB", To: "nested_text(l, 'number type'); array_concat(a, b); list_sum(l, s), list_avg(l, s)",
		Note: "a list or struct known as one (a literal, a function giving a list, list() and array_agg(), their columns) is written as DuckDB writes it: [1, 2], [a, b, NULL], {'k': v}, a string quoted ('a,b') when empty, edged by spaces, holding one of ,'\"[]{}():=\\ or reading NULL, DECIMALs with their scale ([1.50]), DOUBLEs as DuckDB writes them ([2.0, 1e+20]); timestamps in a list stay in the one form; list_sum and list_avg of DECIMALs add them exactly, as DuckDB does (list_sum([1.10, 2.20]) is 3.3)"},
	{From: "x::float, x::float4, x::real", Dialects: "DuckDB", To: "to_float32(cast_to(x, 'REAL', 'duckdb', line))",
		Note: "DuckDB's FLOAT is 32 bits: the value is the nearest 32-bit float (0.1::float is 0.10000000149011612), and arithmetic of a FLOAT with anything but a DOUBLE stays a FLOAT, as does a UNION's or VALUES' column and a CASE, coalesce, greatest or least mixing a FLOAT with a DECIMAL or an INTEGER (their values rounded to 32 bits); double and float8 are 64 bits"},
	{From: "ROUND(x[, scale[, mode]]), Snowflake's CEIL, FLOOR, TRUNC(x, scale)", Dialects: "BigQuery, Snowflake", To: "round_real_to(x, scale, mode) (BigQuery), round_to, ceil_to, floor_to, trunc_to (Snowflake)",
		Note: "on the shortest decimal text of x, so 1.235 rounds to 1.24; a negative scale rounds before the point (SQLite's round takes it as 0); ROUND_HALF_EVEN / HALF_TO_EVEN round halves to even; Snowflake gives a whole number for a scale of 0 or less, BigQuery a FLOAT64"},
	{From: "LOG(x[, base])", Dialects: "BigQuery", To: "log_base_second(x, base)",
		Note: "the natural logarithm unless a base is given, second; SQLite's log(x) is base 10 and log(b, x) takes the base first; x <= 0 fails as in BigQuery"},
	{From: "SUBSTR(s, position[, length]), SUBSTRING", Dialects: "BigQuery", To: "substr_bigquery(s, position, length)",
		Note: "position 0 is 1 and a negative position before the start starts at the start (SQLite's substr('apple', 0, 2) is 'a', BigQuery's 'ap'); a negative length fails"},
	{From: "SUBSTR(s, position[, length]), SUBSTRING", Dialects: "Snowflake", To: "substr_snowflake(s, position, length)",
		Note: "position 0 is 1 (SQLite's substr('mystring', 0, 3) is 'my', Snowflake's 'mys'); a negative length, or a negative position before the start, gives '' (SQLite counts a negative length backwards)"},
	{From: "UPPER(s), LOWER(s)", Dialects: warehouses, To: "upper_text(s), lower_text(s)", Note: "every letter's case (SQLite's change ASCII letters only)"},
	{From: "CONTAINS_SUBSTR(s, text)", Dialects: "BigQuery", To: "contains_folded(s, text)", Note: "on strings, both normalized (NFKC, so 'Ⅸ' holds 'IX') and their case folded, as BigQuery does; BigQuery also searches every field of a struct, which this does not"},
	{From: "NORMALIZE(s [, NFC | NFKC | NFD | NFKD]), NORMALIZE_AND_CASEFOLD(s [, mode])", Dialects: "BigQuery", To: "normalize(s, 'NFKC'), normalize_and_casefold(s, 'NFKC')", Note: "Unicode normalization (golang.org/x/text), NFC by default; casefold folds case fully ('Straße' is 'strasse')"},
	{From: "STDDEV, STDDEV_SAMP, STDDEV_POP, VARIANCE, VAR_SAMP, VAR_POP, COVAR_SAMP, COVAR_POP, CORR", Dialects: warehouses, To: "stddev_samp_of(x) ... corr_of(y, x)",
		Note: "Go aggregates, also over windows; NULLs (and pairs with a NULL) left out; a sample of one row is NULL; results are reals, where Snowflake gives a NUMBER's decimals for a NUMBER column; DuckDB's deviations and variances (stddev_samp_rows(x) ...) update the mean row by row, as DuckDB does, so the last digit agrees"},
	{From: "PERCENTILE_CONT(x, q) OVER (...), PERCENTILE_DISC(x, q) OVER (...), APPROX_QUANTILES(x, n), PERCENTILE_DISC(q) WITHIN GROUP (ORDER BY x)", Dialects: "BigQuery, Snowflake", To: "quantile_cont_of(x, q), quantile_disc_of(x, q), approx_quantiles_of(x, n)",
		Note: "DISC is the first value whose share of the ordered rows reaches q (any ordered type in BigQuery, numbers for Snowflake's DESC); APPROX_QUANTILES is exact: the n + 1 values at 0, 1/n ... 1 as an array"},
	{From: "CONDITIONAL_TRUE_EVENT(cond) OVER (...), CONDITIONAL_CHANGE_EVENT(x) OVER (...)", Dialects: "Snowflake", To: "true_event_count(cond) OVER (... ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), change_event_count(x) OVER (...)",
		Note: "running counts from the partition's first row to the current one; a NULL x is not a change"},
	{From: "OBJECT_AGG(k, v), ARRAY_UNIQUE_AGG(x)", Dialects: "Snowflake", To: "object_agg_unique(k, v), json_group_array(DISTINCT x) FILTER (WHERE x IS NOT NULL); array_agg_distinct_of(x) OVER (...)",
		Note: "pairs with a NULL key or value left out; a key met twice fails, as in Snowflake (\"duplicate field key\"); keys sorted, as Snowflake keeps them"},
	{From: "j.field of a JSON column (j.a.b too)", Dialects: "BigQuery", To: "(j -> '$.field')",
		Note: "a field of JSON is JSON, as in BigQuery: a string keeps its quotes (\"x\"), which JSON_VALUE reads as x; a missing field is NULL"},
	{From: "JSON_OBJECT('k', v, ...), PARSE_JSON(s), SAFE.PARSE_JSON(s), TO_JSON(x), JSON '...'", Dialects: "BigQuery", To: "json_canonical(json_object('k', v, ...)), json_canonical(json(s)), json_or_null(s)",
		Note: "a JSON value's objects have their keys sorted at every depth, as BigQuery's documented examples show them (JSON_OBJECT('foo', 10, 'bar', TRUE) is {\"bar\":true,\"foo\":10}), and of a key given twice the first is kept; a JSON column nests as JSON in TO_JSON_STRING(t) and STRUCT; JSON_OBJECT(keys, values) of two arrays is refused, and so is comparing two JSON values, as BigQuery refuses it; PARSE_JSON(s, wide_number_mode => 'exact' | 'round') and its SAFE. form take the mode and keep every number as written, where BigQuery's 'exact' fails on and 'round' rounds a number FLOAT64 cannot hold exactly"},
	{From: "OBJECT_CONSTRUCT(...), {'k': v, ...}, OBJECT_CONSTRUCT_KEEP_NULL(...), PARSE_JSON(s), TRY_PARSE_JSON(s)", Dialects: "Snowflake", To: "json_keys_sorted(json_object(...)), json_keys_sorted(json(s))",
		Note: "an OBJECT's keys are sorted at every depth, as Snowflake keeps them: parse_json('{\"b\":1,\"a\":2}') is {\"a\":2,\"b\":1}; arrays keep their order; OBJECT_CONSTRUCT and an OBJECT constant {'k': v} leave out members whose value is NULL"},
	{From: "OBJECT_INSERT(o, k, v[, update]), OBJECT_DELETE(o, k, ...), OBJECT_PICK(o, k, ... | array)", Dialects: "Snowflake", To: "object_insert_key(...), object_delete_keys(...), object_pick_keys(...)",
		Note: "objects are JSON text; OBJECT_INSERT of a key the object has fails unless update is TRUE; a NULL key or value is left out, a JSON null kept; keys are sorted, as Snowflake keeps them"},
	{From: "ARRAYS_OVERLAP, ARRAY_INTERSECTION, ARRAY_EXCEPT, ARRAY_UNION_AGG, ARRAY_SORT, ARRAY_INSERT, ARRAY_REMOVE, ARRAY_REMOVE_AT, ARRAY_MAX, ARRAY_MIN, ARRAY_GENERATE_RANGE, ARRAY_CONSTRUCT_COMPACT", Dialects: "Snowflake", To: "Go functions over JSON arrays (sqlfunc/snowflake_sets.go)",
		Note: "elements compare as ARRAY_CONTAINS compares them (numbers by value); INTERSECTION, EXCEPT and UNION_AGG count each element as often as it occurs; Snowflake's SQL NULL element (undefined) and JSON null are both null in JSON text, so they sort and match alike"},
	{From: "NUMERIC '2.5', BIGNUMERIC '...'", Dialects: "BigQuery", To: "(2.5)", Note: "text that is not a number fails at run time, naming the line, as a cast does"},
	{From: "EXTRACT(WEEK(MONDAY) FROM x)", Dialects: "BigQuery", To: "date_part('week(monday)', x)", Note: "weeks starting on that day; the days before the year's first one are week 0"},
	{From: "ARRAY_TO_STRING(a, sep), CONCAT_WS(sep, ...)", Dialects: "Snowflake", To: "array_to_string(a, sep, ''), concat_ws_or_null(sep, ...)",
		Note: "a NULL element is an empty string; CONCAT_WS is NULL when any argument is (SQLite's skips NULLs)"},
	{From: "DATE_FROM_PARTS, TIME_FROM_PARTS, TIMESTAMP_FROM_PARTS, TIMESTAMP_TZ_FROM_PARTS, TIMESTAMP_LTZ_FROM_PARTS", Dialects: "Snowflake", To: "date_of_parts_overflowing(...), time_of_parts_overflowing(...), timestamp_of_parts_overflowing(...), instant_of_parts_overflowing(...)",
		Note: "a part out of range carries into the next, as in Snowflake (month 13 is January of the next year, month 0 December of the year before, day 0 the month before's last day); a TIMESTAMP_TZ is kept as its UTC instant"},
	{From: "UNIFORM(min, max, gen), WIDTH_BUCKET(x, min, max, n), SPACE(n), INSERT(s, pos, n, new)", Dialects: "Snowflake", To: "uniform_from(min, max, gen), width_bucket_of(...), spaces(n), insert_text(...)",
		Note: "UNIFORM draws from gen alone, as Snowflake does (a constant gives one value, RANDOM() one per row), but not Snowflake's numbers; RANDOM() is SQLite's random 64-bit integer, and RANDOM(seed) is refused"},
	{From: "BOOLAND(a, b), BOOLOR, BOOLXOR, BOOLNOT(a), BITNOT(a), BITSHIFTLEFT(a, n), BITSHIFTRIGHT(a, n)", Dialects: "Snowflake", To: "((a) <> 0 AND (b) <> 0), ..., (NOT ((a) <> 0)), (~(a)), ((a) << (n)), ((a) >> (n))",
		Note: "numbers read as booleans (0 is FALSE) with SQL's three-valued logic, as Snowflake does"},
	{From: "REGR_SLOPE(y, x), REGR_INTERCEPT, REGR_R2, REGR_COUNT, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY", Dialects: "Snowflake", To: "regr_slope_of(y, x) ...",
		Note: "Go aggregates over the pairs with neither value NULL; the line's functions are NULL where x never varies, REGR_R2 is 1 where y never varies"},
	{From: "SKEW(x), KURTOSIS(x)", Dialects: "Snowflake", To: "sample_skewness(x), sample_kurtosis(x)",
		Note: "the adjusted sample estimators (KURTOSIS checked on Snowflake's documented example; SKEW is the same estimator family, not checked against one); NULL for fewer than 3 (4) values or when all are equal"},
	{From: "FACTORIAL, HAVERSINE, BITAND_AGG, BITOR_AGG, BITXOR_AGG, APPROX_PERCENTILE, BASE64_ENCODE, BASE64_DECODE_STRING, HEX_DECODE_STRING, STRIP_NULL_VALUE, CHECK_JSON, GET_IGNORE_CASE", Dialects: "Snowflake", To: "Go functions (factorial_of, haversine_km, bit_and ..., quantile_cont_of ...)",
		Note: "FACTORIAL beyond 20 is a real (an integer cannot hold it); APPROX_PERCENTILE is exact, the interpolated percentile; CHECK_JSON's message is Go's, not Snowflake's"},
	{From: "x ->> path", Dialects: "DuckDB", To: "json_get_text_duckdb(x, path)",
		Note: "text, as DuckDB's ->> gives it: '5', 'true' (SQLite's ->> gives the number 5 and 1, which never equal the text '5' and 'true'); an object or array as JSON text, NULL for null; x ->> 0 is element 0"},
	{From: "random()", Dialects: "DuckDB", To: "(((random() >> 11) + 4503599627370496) / 9007199254740992.0)",
		Note: "a DOUBLE in [0, 1), as DuckDB's (SQLite's random() is a 64-bit integer, so random() < 0.5 would keep about half the rows for the wrong reason); the numbers are not DuckDB's"},
	{From: "concat_ws(sep, list, ...)", Dialects: "DuckDB", To: "concat_ws(sep, (SELECT group_concat(value, sep) FROM json_each(list) WHERE type <> 'null'), ...)",
		Note: "a list known as one is its elements joined by sep, NULLs left out, as DuckDB joins them (concat_ws(',', ['a', 'b'], 'c') is a,b,c; an empty list adds nothing), where sep is a string literal"},
	{From: "json_type(x[, path])", Dialects: "DuckDB", To: "json_type_duckdb(x[, path])",
		Note: "DuckDB's names: OBJECT, ARRAY, VARCHAR, BOOLEAN, NULL, and for a number UBIGINT (whole, from 0), BIGINT (negative) or DOUBLE; SQLite's json_type says object, integer, text, true..."},
	{From: "DAYNAME(x), MONTHNAME(x)", Dialects: "Snowflake, DuckDB", To: "weekday_name(x, 3 | 0), month_name(x, 3 | 0)", Note: "Mon and Jan in Snowflake, Monday and January in DuckDB"},
	{From: "DATE_TRUNC(x, WEEK(MONDAY))", Dialects: "BigQuery", To: "datetime_trunc_bigquery(x, 'week(monday)')"},
	{From: "LAG(x[, 1[, d]]) IGNORE NULLS OVER (... ORDER BY ...), LEAD", Dialects: "Snowflake", To: "coalesce(last_value_ignore_nulls(x) OVER (... ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), d); first_value_ignore_nulls(x) OVER (... ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)",
		Note: "the nearest non-NULL value before (after) the row; another offset is refused"},
	{From: "WITH orders AS (SELECT * FROM orders), a CTE reading the table of its own name or of a later CTE's", Dialects: warehouses, To: "WITH orders AS (SELECT * FROM main.orders)", Note: "in DuckDB and BigQuery a CTE without RECURSIVE does not see itself; in Snowflake, where a CTE may recurse without the word, one that is no UNION of an anchor and a recursive part; nor the CTEs written after it (an incremental model's {{ this }} in its first CTE, where a later CTE has the model's name); SQLite would read the CTE, a circular reference"},
	{From: "[db.]INFORMATION_SCHEMA.TABLES, .COLUMNS, .SCHEMATA; BigQuery's dataset.INFORMATION_SCHEMA.TABLES", Dialects: warehouses, To: "(SELECT ... FROM pragma_table_list [JOIN pragma_table_info(...)]), (SELECT ... FROM pragma_database_list)",
		Note: "table_catalog, table_schema, table_name, table_type (BASE TABLE, VIEW: a model materialized as a view, the default, is a VIEW though its rows are stored); column_name, ordinal_position, data_type (the warehouse's name of the column's type, as get_columns_in_relation gives it), is_nullable, and in Snowflake character_maximum_length, numeric_precision and numeric_scale (a TEXT's length, 16777216 unless declared; a NUMBER's precision and scale, 38 and 0 unless known); schema_name: the relations built here, each schema by the name dbt gives it (the target's schema, <target>_<custom>), upper case in Snowflake, where a column's name is in upper case unless a quoted identifier created it; the dataset's alone in BigQuery's dataset-scoped view"},
	{From: "FROM dual", Dialects: "Snowflake", To: "FROM (SELECT NULL AS dummy) AS dual", Note: "Snowflake's table of one row, for a query that reads no table; a CTE named dual, or a table named with its schema (s.dual), is read as written"},
	{From: "SHOW TERSE SCHEMAS [LIKE 'pattern'] [IN ACCOUNT | IN [DATABASE] [db]] [STARTS WITH 'name'] [LIMIT n]", Dialects: "Snowflake", To: "SELECT NULL AS created_on, upper(...) AS name, NULL AS kind, 'DB' AS database_name, NULL AS schema_name FROM pragma_database_list ... ORDER BY 2",
		Note: "the schemas INFORMATION_SCHEMA.SCHEMATA lists, by name, with SHOW TERSE's lower-case columns; kind and schema_name are NULL for a schema, as there, and created_on is NULL here (no creation time is kept); LIKE matches in any case, STARTS WITH in the case written; another database has no schemas here; other forms of SHOW are not translated"},
	{From: "a UNION ALL of more than 50 inputs: s1 UNION ALL s2 UNION ALL ... s250", Dialects: all, To: "s1 UNION ALL SELECT * FROM (s2 UNION ALL ...) UNION ALL SELECT * FROM (...) ...", Note: "a tree of at most 10 inputs a level, the first input naming the columns: SQLite codes a compound recursing once per input, and its stack here ends past some 200 (a compound of more than 160 inputs written otherwise is refused with SQLite's too many terms in compound SELECT)"},
	{From: "(SELECT ...) UNION ALL (SELECT ...), a query or a compound's input in parentheses", Dialects: warehouses, To: "SELECT * FROM (SELECT ...) UNION ALL SELECT * FROM (SELECT ...)", Note: "SQLite takes no parentheses there; each input keeps its own ORDER BY and LIMIT"},
	{From: "OVER (w), a window of the WINDOW clause alone in parentheses", Dialects: warehouses, To: "OVER w", Note: "SQLite reads OVER (w) as a new window copying w, and refuses it when w has a frame"},
	{From: "FIRST_VALUE(x IGNORE NULLS) OVER (...), LAST_VALUE(x) IGNORE NULLS OVER (...)", Dialects: all, To: "first_value_ignore_nulls(x) OVER (...)", Note: "the first (last) non-NULL value of the frame"},
	{From: "ARRAY_AGG([DISTINCT] x ORDER BY y LIMIT n)", Dialects: "BigQuery", To: "array_agg_limit(x, n ORDER BY y); array_agg_distinct_limit(x, n ORDER BY y)", Note: "the first n values in that order (with DISTINCT, of the distinct values: SQLite takes DISTINCT only in a call of one argument)"},
	{From: "ANY_VALUE(x HAVING MAX y), ANY_VALUE(x HAVING MIN y)", Dialects: "BigQuery", To: "value_at_max(x, y), value_at_min(x, y)", Note: "x of a row with the largest (smallest) y, rows whose y is NULL left out, as MAX_BY(x, y) and MIN_BY(x, y)"},
	{From: "ARRAY_CONCAT_AGG(a ORDER BY y LIMIT n)", Dialects: "BigQuery", To: "array_concat_agg_limit(a, n ORDER BY y)", Note: "the elements of the first n arrays that are not NULL"},
	{From: "STRING_AGG(x[, sep] ORDER BY y LIMIT n)", Dialects: "BigQuery", To: "string_agg_limit(x, sep, n ORDER BY y)", Note: "the first n values that are not NULL, in that order"},
	{From: "RATIO_TO_REPORT(x) OVER (...)", Dialects: "Snowflake", To: "CAST(x AS REAL) / NULLIF(sum(x) OVER (...), 0)", Note: "NULL when the sum is 0; of a NUMBER of known scale s, rounded to s + 6 digits (up to 12) as Snowflake's division: NUMBER(11, 2) gives 0.30000000"},
	{From: "SYSDATE(), GETDATE(), today()", Dialects: "Snowflake, DuckDB", To: timestampNow + "; date('now')"},
	{From: "true, false", Dialects: all, To: "true, false", Note: "kept: SQLite reads them as 1 and 0"},
}

// refusal is a construct with no faithful SQLite equivalent.
type refusal struct {
	message, hint string
}

var (
	refDateBesideTimestamp = refusal{"a DATE beside a TIMESTAMP in COALESCE, IFNULL, IF, CASE, GREATEST or LEAST has no common type in BigQuery (a DATE coerces to DATETIME only)", "cast one to the other's type: CAST(d AS TIMESTAMP), or TIMESTAMP(d)"}
	refQualifyHere         = refusal{"QUALIFY is not supported here", "filter in an outer query: select * from (select ..., row_number() over (...) as rn from ...) where rn = 1"}
	refConnectBy           = refusal{"CONNECT BY (a hierarchical query) is not supported", "write the hierarchy as a recursive CTE: with recursive h as (select ..., 1 as lvl from t where <start> union all select t..., h.lvl + 1 from t join h on t.parent_id = h.id) select ... from h"}
	refQualify             = refusal{"QUALIFY cannot be rewritten: %s", "give every selected column a name, or filter in an outer query: select * from (select ..., row_number() over (...) as rn from ...) where rn = 1"}
	refStar                = refusal{"%s cannot be expanded: %s", "list the columns to keep"}
	refFlatten             = refusal{"LATERAL FLATTEN is not supported by SQLite", "join json_each(t.col) as a table-valued function: select ... from t, json_each(t.col)"}
	refNumberFormat        = refusal{"%s with this format model is not supported: %s", "use the elements 9 0 X . D , G $ S MI TM9 TME TM FM _ and \"text\", as in to_number(x, '$9,999.99', 10, 2); or take the separators out and give the scale: to_number(replace(replace(x, ',', ''), '$', ''), 38, 2)"}
	refGenerator           = refusal{"GENERATOR takes ROWCOUNT => n only here", "write TABLE(GENERATOR(ROWCOUNT => n)): TIMELIMIT gives as many rows as the machine makes in that time"}
	refTop                 = refusal{"SELECT TOP n in one input of a UNION, INTERSECT or EXCEPT, or beside LIMIT or FETCH, is not supported here", "write LIMIT n at the end of a select in parentheses: (select ... order by x limit n)"}
	refWithinOver          = refusal{"%s ... WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by SQLite", "compute the aggregate with its WITHIN GROUP in a subquery grouped by the PARTITION BY columns, and join it back"}
	refDuckWithinOver      = refusal{"%s(...) WITHIN GROUP (ORDER BY ...) OVER (...) is not supported by DuckDB, which refuses it too", "write the aggregate with its argument over the window: quantile_cont(x, q) OVER (...), quantile_disc(x, q) OVER (...), mode(x) OVER (...)"}
	refJoinWordColumn      = refusal{"%s is a reserved word in %s SQL, which refuses it as a column name unquoted: write %s", "quote the name as the warehouse quotes one (\"left\", Snowflake's \"LEFT\", BigQuery's `left`), or qualify it: t.left"}
	refUnquotedQuoted      = refusal{"invalid identifier '%s': Snowflake reads an unquoted name in upper case, and this column was created quoted as %s, which keeps its case: write %s", "quote the name as it was created; a seed's columns are created quoted when its config sets quote_columns: true"}
	refQuotedUnquoted      = refusal{"invalid identifier '%s': Snowflake compares a quoted name as written, and this column was created %s as %s: write %s", "write the name as the column was created: unquoted (or quoted in upper case) for one created unquoted, quoted as written for one created quoted"}
	refRandomSeed          = refusal{"%s(seed) is not supported: SQLite's random() takes no seed", "write RANDOM() (its numbers are not Snowflake's either way), or UNIFORM(min, max, seed) for one value per seed"}
	refObjectStar          = refusal{"%s(*) is not supported here", "name the columns: object_construct('a', a, 'b', b, ...)"}
	refObjectConstantStar  = refusal{"{*} is not supported here", "name the columns: {'a': a, 'b': b, ...}"}
	refSeq                 = refusal{"%s outside a query reading TABLE(GENERATOR(...)) is not supported", "number rows with row_number() over (order by ...) - 1"}
	refPositional          = refusal{"$1, $2 ... are supported only over one FROM item whose columns are known, and up to its number of columns", "name the column: select t.a from t"}
	refInInstants          = refusal{"x IN (SELECT ...) of TIMESTAMP_TZ values compares instants only when the subquery selects one named column", "name what it selects: x IN (SELECT ts AS t FROM ...)"}
	refExternalObject      = refusal{"%s is not supported: external tables, stages, file formats, pipes and storage integrations stand for files (a stage, or an s3://, gs:// or azure:// address), which the playground has no access to", refReadFiles.hint}
	refStage               = refusal{"querying a staged file (@stage) is not supported", "put the file's rows in a seed, seeds/name.csv, and select from {{ ref('name') }}"}
	refLateralQuery        = refusal{"LATERAL (SELECT ...) naming the FROM items before it is not supported", "select the value with a correlated subquery in the select list, (select ... where u.id = t.id) as x, or join the table and group by t's key"}
	refFlattenRecursive    = refusal{"FLATTEN(..., RECURSIVE => TRUE) is not supported", "flatten one level per FROM item: t, lateral flatten(input => t.v) a, lateral flatten(input => a.value) b"}
	refFlattenMode         = refusal{"FLATTEN(..., MODE => 'OBJECT' | 'ARRAY') is not supported", "flatten the value as it is and keep the rows of the kind wanted: where is_object(t.v) (or is_array(t.v))"}
	refFlattenSeq          = refusal{"%s of FLATTEN or SPLIT_TO_TABLE is not supported: SEQ numbers the input rows in an order Snowflake leaves open", "number the input rows yourself: select row_number() over (order by t.id) as seq, t.* from t, then flatten that"}
	refFlattenOuter        = refusal{"FLATTEN(..., OUTER => TRUE) is supported only first in FROM, after a comma or after a JOIN without ON", "t, lateral flatten(input => t.col, outer => true) f"}
	refUnnest              = refusal{"UNNEST is not supported by SQLite", "join json_each(x) as a table-valued function over a JSON array, or set the project's dialect to the warehouse the SQL is written for"}
	refUnnestFieldName     = refusal{"%s beside UNNEST without an alias is not supported here: it may be a field of the array's structs or a column of a relation whose columns are not known", "name the element: UNNEST(t.items) AS item, then select item.a, item.b (or item for an array of scalars)"}
	refUnnestArgs          = refusal{"UNNEST of several arrays at once is not supported", "unnest each array in its own FROM item"}
	refUnnestSelect        = refusal{"%s() is supported in a select item, not here (in another clause, inside another unnest() or a lambda)", "select unnest(x) in the select list, or move it to FROM: from t, unnest(t.list) as u(x)"}
	refListCompare         = refusal{"comparing %s is not supported: lists are JSON text here, which would compare as text ([1,10] before [1,2]), and %s does not compare them so", "compare elements or lengths: a[1] < b[1] and len(a) in DuckDB, a[OFFSET(0)] and ARRAY_LENGTH(a) in BigQuery, where TO_JSON_STRING(a) = TO_JSON_STRING(b) tells equal arrays"}
	refListOrder           = refusal{"ordering by %s (ORDER BY, MIN, MAX) is not supported: lists are JSON text here, which would sort as text ([1,10] before [1,2])", "order by an element or the length: l[1] and len(l) in DuckDB, a[OFFSET(0)] and ARRAY_LENGTH(a) in BigQuery"}
	refMapLiteral          = refusal{"MAP {...} values are not supported", "a struct {'k': v} for fixed keys (s.k or s['k']), or a JSON object: json_object('k', v) ->> 'k'"}
	refComprehension       = refusal{"a list comprehension [expr for x in list if cond] is not supported", "list_transform(list_filter(list, x -> cond), x -> expr)"}
	refSubscripts          = refusal{"generate_subscripts(l, dim) numbers the elements of the first dimension only", "write generate_subscripts(l, 1), or number an inner list's elements: generate_subscripts(l[i], 1)"}
	refFromJSON            = refusal{"from_json cannot read this structure: %s", "describe the value with a JSON object of field names and DuckDB types, such as '{\"id\": \"INTEGER\", \"tags\": [\"VARCHAR\"]}'; read a value of another type as VARCHAR or JSON and cast it"}
	refUnnestStruct        = refusal{"unnest() of a struct, which DuckDB spreads into columns, is not supported", "select its fields: s.a, s.b"}
	refUnnestWindow        = refusal{"a window function beside unnest() in one select list is not supported: DuckDB computes the window over the rows before they are unnested", "compute the window in a subquery and unnest around it: select unnest(l), r from (select l, row_number() over (order by k) as r from t)"}
	refUnnestOptions       = refusal{"unnest() of one list without options is supported, not this one", "unnest one level of one list: unnest(x)"}
	refUnnestGrouped       = refusal{"unnest() in the select list of a grouped query is not supported", "group in a subquery and unnest around it: select unnest(l) from (select list(x) as l from t group by k)"}
	refUnnestColumn        = refusal{"the column %s needs its table's name in a select with unnest()", "qualify it with the table it comes from, such as t.id"}
	refUnnestBigQuery      = refusal{"UNNEST in a select list is not BigQuery: BigQuery takes UNNEST only in FROM and after IN", "move it to FROM: from t, unnest(t.arr) as x, or build an array with array(select ... from unnest(t.arr) as x)"}
	refUnnestSnowflake     = refusal{"Snowflake has no UNNEST", "join lateral flatten(input => t.arr) as f and select f.value"}
	refAliasList           = refusal{"an UNNEST alias list must name exactly one column", "write unnest(x) as u(value)"}
	refSeriesAliasList     = refusal{"%s(...) has one column: its alias list must name exactly one", "write range(3) AS t(x)"}
	refArraySub            = refusal{"this ARRAY(SELECT ...) is not supported", "select exactly one column, or use SELECT AS STRUCT with named columns"}
	refAsStructStar        = refusal{"SELECT AS STRUCT * is not supported", "list the columns: SELECT AS STRUCT a, b FROM t"}
	refInterval            = refusal{"INTERVAL arithmetic is not supported", "use the date functions: date_add(x, INTERVAL 1 DAY), timestamp_add(...), dateadd(day, 1, x)"}
	refRangeFrame          = refusal{"a RANGE frame with an offset over a date, a timestamp or an INTERVAL is not supported: SQLite's RANGE offsets are numbers", "use ROWS frames, or join the rows of the range: from t as a join t as b on b.ts > a.ts - the interval (the dialect's date function) and b.ts <= a.ts, grouped by a's columns"}
	refValuesDecimal       = refusal{"%s cannot be read as the DECIMAL(%d, %d) the number literals of its VALUES column give it, as DuckDB fails to", "write the number itself, or give the first row the width it needs (10.00)"}
	refSetAll              = refusal{"%s ALL is not supported by SQLite", "number the copies of each row in both inputs, with row_number() over (partition by every column) as n in each select, INTERSECT (or EXCEPT) those, and select the columns without n"}
	refSetIntervals        = refusal{"this %s of INTERVAL columns cannot compare them by length here (1 day and 24 hours are equal in DuckDB, not as text)", "select the intervals by name (no *, no BY NAME), in a UNION chain or one INTERSECT or EXCEPT of two SELECTs, nesting the rest in subqueries; or compare their lengths, epoch(d) and to_months(d)"}
	refDistinctIntervals   = refusal{"SELECT DISTINCT of INTERVAL columns with * beside other items, or * over relations whose columns are unknown, cannot compare them by length here (1 day and 24 hours are equal in DuckDB, not as text)", "select the columns by name, or * alone over relations whose columns are known"}
	refApproxWindow        = refusal{"%s(...) OVER (...) takes PARTITION BY alone in Snowflake (no ORDER BY, frame or named window)", "write OVER (PARTITION BY ...), or COUNT(DISTINCT x) OVER (...) for a running count"}
	refJSONCompare         = refusal{"BigQuery does not compare JSON values: equality is not defined for JSON", "compare their text, TO_JSON_STRING(a) = TO_JSON_STRING(b), or a member's value, JSON_VALUE(a, '$.k') = 'x'"}
	refJSONObjectArrays    = refusal{"JSON_OBJECT(keys, values) of two arrays is not supported", "write the pairs: JSON_OBJECT('a', x, 'b', y)"}
	refCountArgs           = refusal{"COUNT takes one argument in %D: count(a, b) fails there", "count distinct pairs with count(distinct (a, b)) in DuckDB, count(distinct to_json_string(struct(a, b))) in BigQuery; count rows where both are set with count(case when a is not null and b is not null then 1 end)"}
	refWindowDistinct      = refusal{"%s(DISTINCT ...) OVER (...) is not supported by SQLite", "COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join"}
	refStruct              = refusal{"STRUCT is not supported by SQLite", "build JSON text with json_object('key', value), or set the project's dialect to the warehouse the SQL is written for"}
	refArrayAgg            = refusal{"ARRAY_AGG is not supported by SQLite", "use json_group_array(x) for a JSON array or group_concat(x, ',') for text"}
	refDateTrunc           = refusal{"DATE_TRUNC is not supported by SQLite",
		"use date(x) for the day, strftime('%Y-%m-01', x) for the month, strftime('%Y-01-01', x) for the year"}
	refDateDiff = refusal{"%s is not supported by SQLite",
		"use julianday(b) - julianday(a) for days or unixepoch(b) - unixepoch(a) for seconds"}
	refPivot             = refusal{"this form of PIVOT is not supported", "list the values after the table: select * from t pivot (sum(v) for k in ('a', 'b')), or write max(case when k = 'a' then v end) as a"}
	refUnpivot           = refusal{"this form of UNPIVOT is not supported", "list the columns after the table: select * from t unpivot (v for k in (a, b)), or write a union all of one select per column"}
	refPivotDynamic      = refusal{"%s over values that a subquery or ANY gives is not supported", "list the values: FOR k IN ('a', 'b') — the columns must be known before the query runs"}
	refPivotColumns      = refusal{"%s cannot be written here: %s", "read a table or a CTE whose columns are known, or write the query out: max(case when k = 'a' then v end) as a for PIVOT, a union all of one select per column for UNPIVOT"}
	refPivotAgg          = refusal{"this PIVOT or UNPIVOT is not supported", "PIVOT takes aggregates of one argument, like sum(v); UNPIVOT takes plain column names; otherwise write max(case when k = 'a' then v end) as a, or union all of one select per column"}
	refMerge             = refusal{"this form of MERGE INTO is not supported by SQLite", "write MERGE INTO t USING s ON cond followed by WHEN MATCHED [AND c] THEN UPDATE SET col = s.col, ... | DELETE and WHEN NOT MATCHED [AND c] THEN INSERT (col, ...) VALUES (s.col, ...)"}
	refCastFormat        = refusal{"%s is not supported", "CAST(x AS STRING FORMAT '...') works for a DATE, DATETIME, TIMESTAMP or TIME (cast x to one first) and for a number with 9 0 . D V , G S MI PR $ L C EEEE B FM X and RN, CAST(s AS DATE FORMAT '...') for a STRING; otherwise write FORMAT('%.2f', x) for a number"}
	refCastNumberFormat  = refusal{"CAST ... FORMAT of a number: %s", "use the elements 9 0 . D V , G S MI PR $ L C EEEE B FM X and RN, as in '$999,990.00', 'S9.999EEEE', '9999PR', 'XXXX' or 'RN'; or FORMAT('%.2f', x)"}
	refCastFormatElement = refusal{"CAST ... FORMAT: %s", "use the elements YYYY, YY, RR, MM, MON, MONTH, DD, DDD, D, DAY, DY, HH24, HH12, MI, SS, SSSSS, FF1 to FF9, AM or A.M., TZH and TZM, with - . / , ' ; : spaces and \"text\" between them; or FORMAT_DATE / FORMAT_TIMESTAMP with %-elements"}
	refSafe              = refusal{"SAFE.%s is not supported: it runs as SQLite's %s, which fails where BigQuery's SAFE. gives NULL", "check the arguments with CASE WHEN, or use SAFE_CAST"}
	refIsValue           = refusal{"x IS y compares with a value, which %s does not take: IS is followed by NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM", "write x IS NOT DISTINCT FROM y (NULL equal to NULL), or x IS DISTINCT FROM y for IS NOT"}
	refDuckEachID        = refusal{"the %s column of json_each and json_tree is not supported: DuckDB numbers the nodes otherwise than SQLite", "number the rows with fullkey or key, or row_number() over (order by ...)"}
	refDuckEachBare      = refusal{"%s could be a column of json_each or of a relation beside it whose columns are not known", "qualify it with the json_each's alias: j.value, j.key"}
	refDuckEachText      = refusal{"json_each's value is JSON in DuckDB, and this string is no JSON text: DuckDB fails converting it", "compare the text, value ->> '$' = 'a', or the JSON text, value = '\"a\"'"}
	refDuckEachStar      = refusal{"* over json_each or json_tree is not supported: DuckDB's columns hold JSON and DuckDB's type names", "name the columns: j.key, j.value, j.type, j.fullkey"}
	refWindowOrder       = refusal{"%s(... ORDER BY ...) OVER (...) is not supported: SQLite takes no ORDER BY inside a window's aggregate", "order the window instead, list(x) OVER (ORDER BY y ROWS ...) (its frame's rows come in that order), or aggregate the ordered rows in a subquery"}
	refIsBool            = refusal{"x IS [NOT] %s takes a BOOL in BigQuery, and x is none", "write x IS NULL, or compare the value: x = 0"}
	refIsTruth           = refusal{"x IS [NOT] %s is not Snowflake: Snowflake's IS takes NULL and DISTINCT FROM alone", "write x IS NULL for IS UNKNOWN, COALESCE(x, FALSE) for IS TRUE, x IS NOT DISTINCT FROM FALSE for IS FALSE (NOT before them for IS NOT)"}
	refSafeScalar        = refusal{"SAFE.%s is an aggregate or window function, and BigQuery takes SAFE. on scalar functions only", "drop SAFE., or apply a SAFE. scalar function to the values before aggregating"}
	refSafeArity         = refusal{"SAFE.%s", "pass the number of arguments the function takes: BigQuery checks it before the query runs, and SAFE. gives NULL only for errors while it runs"}
	refSafeLambda        = refusal{"SAFE.%s takes a lambda, and BigQuery takes no SAFE. on a function with a lambda", "drop SAFE., or make the lambda's body safe: SAFE.f inside it"}
	refDistinctOn        = refusal{"DISTINCT ON is not supported in %s SQL", "keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1"}
	refDistinctOnHere    = refusal{"DISTINCT ON cannot be written here: %s", "name every selected column once, from relations whose columns are known, or keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1"}
	refByName            = refusal{"%s is not supported in %s SQL", "select the same columns in the same order on both sides and drop BY NAME"}
	refByNameMode        = refusal{"%s is not supported in %s SQL", "INNER UNION ALL BY NAME is UNION ALL CORRESPONDING, which works; for FULL or LEFT, select NULL AS each missing column in the inputs that lack it and write UNION ALL BY NAME"}
	refBigQueryByName    = refusal{"%s BY NAME cannot be written here: %s", "read CTEs, subqueries or tables whose columns are known and select the same column names, each once, in every input (in any order); or select the same columns in the same order on both sides and drop BY NAME"}
	refCorresponding     = refusal{"%s CORRESPONDING cannot be written here: %s", "read CTEs, subqueries or tables whose columns are known, name every selected column once and use one kind of CORRESPONDING in a query; or select the same columns in the same order on both sides and drop CORRESPONDING"}
	refByNameColumns     = refusal{"%s BY NAME cannot be written here: %s", "read CTEs, subqueries or tables whose columns are known, name every selected column once and keep INTERSECT and EXCEPT in a query of their own; or select the same columns in the same order on both sides and drop BY NAME"}
	refGroupingSets      = refusal{"GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: %s", "write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL"}
	refGrouping          = refusal{"%s outside the select list and HAVING of a grouped SELECT is not supported", "select it as a column (grouping(a) as g) and order by or filter on g in an outer query"}
	refSemiJoinHere      = refusal{"%s JOIN cannot be written here: %s", "join one FROM item with an ON or USING: from a as x semi join b on x.id = b.id, the joins before it in a subquery"}
	refAsofJoin          = refusal{"%s JOIN cannot be translated: %s", "write ON t.k = p.k AND t.ts >= p.ts, equalities and one inequality naming the right side's column as p.ts; or join on the keys and p.ts <= t.ts, and keep each row's latest match with QUALIFY row_number() OVER (PARTITION BY t's key ORDER BY p.ts DESC) = 1 (a LEFT JOIN for ASOF LEFT)"}
	refOrdinality        = refusal{"WITH ORDINALITY is not supported", "unnest in FROM and number the elements: select x, row_number() over () as i from unnest(l) as u(x)"}
	refPositionalJoin    = refusal{"POSITIONAL JOIN is not supported in %D SQL", "number the rows of each side with row_number() OVER () AS n in a subquery and join on n (a FULL JOIN keeps the rows of the longer side)"}
	refGroupAllStar      = refusal{"GROUP BY ALL over SELECT * is not supported", "list the columns to group by, or list the select items instead of *"}
	refSemi              = refusal{"cast to %s is not supported by SQLite",
		"SQLite has no semi-structured types: keep JSON as text and read it with json_extract(x, '$.field')"}
	refArrayType  = refusal{"array type %s is not supported by SQLite", "keep arrays as JSON text and read them with json_each(x)"}
	refNestedCast = refusal{"invalid cast from %s to %s, as BigQuery refuses it", "BigQuery casts an ARRAY to the same ARRAY type only, and a STRUCT to a STRUCT of as many fields, each castable; cast the elements with ARRAY(SELECT CAST(e AS T) FROM UNNEST(a) AS e)"}
	refUnknown    = refusal{"unknown type %q in a cast",
		"use a type SQLite knows: text, integer, real, blob (or string, bigint, float64, boolean, timestamp, date)"}
	refNoOperand        = refusal{":: has no operand on its left", "write the cast as CAST(expr AS type)"}
	refOrderAll         = refusal{"ORDER BY ALL cannot be written out: %s", "list the columns to order by: ORDER BY 1, 2, ..."}
	refStructStar       = refusal{"%s.* of a struct is not supported: its fields are not known here", "select the fields by name: s.a, s.b (they keep their names as columns)"}
	refWildcardTable    = refusal{"the wildcard table %s cannot be read: %s", "a wildcard reads the tables (seeds, models or sources loaded) of its dataset whose names start with its prefix, which must have the same columns; or load the rows into one table with a column for the suffix and read that"}
	refHaving           = refusal{"HAVING MAX | MIN inside %s(...) is not supported", "ANY_VALUE(x HAVING MAX y) works, as does MAX_BY(x, y); for other aggregates, keep the rows with the largest y in a subquery (qualify rank() over (partition by ... order by y desc) = 1) and aggregate those"}
	refAggLimit         = refusal{"LIMIT inside %s(...) is not supported", "ARRAY_AGG, STRING_AGG and ARRAY_CONCAT_AGG (x ORDER BY y LIMIT n) work; for other aggregates, number the rows with row_number() in a subquery and keep those up to n"}
	refIgnoreNulls      = refusal{"%s(...) IGNORE NULLS is not supported by SQLite", "FIRST_VALUE and LAST_VALUE take IGNORE NULLS, and Snowflake's LAG and LEAD with an offset of 1 and an OVER (... ORDER BY ...) written out; otherwise use last_value(x IGNORE NULLS) OVER (... ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"}
	refCreate           = refusal{"%s is not supported by SQLite", "write CREATE [OR REPLACE] [TEMP] TABLE name AS SELECT ..., or CREATE TABLE name (col type [NOT NULL], ...) followed by INSERT INTO name SELECT ..."}
	refNoType           = refusal{"%s has no type after it", "name the type, for example x::text"}
	refHash             = refusal{"%s is not supported: its values are the warehouse's own hash function, which SQLite cannot reproduce", "for a key, hash the text with md5(x) or sha256(x) (BigQuery: to_hex(md5(x)); Snowflake: md5(x), sha2(x)), which give the same value everywhere"}
	refColumns          = refusal{"%s(...) star expressions are not supported here", "use COLUMNS(...) in a select item, without an alias, over relations whose columns are known; or list the columns"}
	refAtTimeZone       = refusal{"AT TIME ZONE of a value whose type is not known here is not supported", "cast it first: ts::timestamp AT TIME ZONE 'Europe/Paris' (the instant of that wall clock) or ts::timestamptz AT TIME ZONE 'Europe/Paris' (the wall clock there)"}
	refColumnsHere      = refusal{"COLUMNS(...) cannot be expanded: %s", "use COLUMNS(*), COLUMNS(* EXCLUDE (...)), COLUMNS('regex') or COLUMNS(['a', 'b']) in a select item, without an alias, over relations whose columns are known; or list the columns"}
	refHistogram        = refusal{"%s is not supported: it gives a MAP of each value's count, and MAP values are not", "count per value: select x, count(*) as n from t group by x (json_group_object(x, n) over those rows for one JSON object)"}
	refTypeof           = refusal{"%s is not supported: SQLite's typeof names its storage classes (integer, real, text), not the warehouse's types", "test the value itself: json_type(x) for JSON, or x = cast(x as integer)"}
	refAge              = refusal{"%s with one argument (the age at today's midnight) is not supported", "name the end: age(current_date, x), or age(ts, x) with a timestamp of the data"}
	refIntervalFraction = refusal{"INTERVAL %s %s: BigQuery takes a whole number of a single part%s", "write a whole number of a smaller part, or MAKE_INTERVAL(day => 1, hour => 12) for several parts"}
	refMakeInterval     = refusal{"MAKE_INTERVAL takes year, month, day, hour, minute and second, by place then by name, each once", "write MAKE_INTERVAL(1, 6, 15) or MAKE_INTERVAL(hour => 10, second => 20)"}
	refLiteralDate      = refusal{"%s of a string literal is not DuckDB: DuckDB has it for a DATE, a TIMESTAMP and more, and cannot choose for text that could be any of them", "write a typed literal, DATE '2018-01-01' or TIMESTAMP '2018-01-01 10:00:00', or cast the text: CAST(x AS DATE)"}
	refTextInterval     = refusal{"text ± INTERVAL is not DuckDB: DuckDB adds an interval to a DATE, TIMESTAMP or TIME, and refuses a VARCHAR or a string literal (which could be any of them)", "cast the text first: DATE '2018-01-01' + INTERVAL 1 DAY, CAST(x AS TIMESTAMP) + INTERVAL 1 DAY, date_add(CAST(x AS DATE), INTERVAL 1 DAY)"}
	refIntervalSum      = refusal{"sum of INTERVALs is not supported: DuckDB has no sum of intervals either", "sum the seconds: sum(epoch(x)), or take avg(x)"}
	refTimestampNumber  = refusal{"%s of a timestamp and a number is not DuckDB: DuckDB adds and subtracts a count of days only to and from a DATE (date_trunc of a DATE is a TIMESTAMP there)", "add an INTERVAL, ts + INTERVAL 6 DAY, or cast to a DATE first: CAST(date_trunc('week', d) AS DATE) + 6"}
	refTimestampMinus   = refusal{"timestamp - timestamp is not supported in %s SQL: it gives an INTERVAL, which has no value in SQLite", "take the difference in a unit: date_diff('second', a, b) in DuckDB, datediff(second, a, b) in Snowflake, DATE_DIFF(a, b, DAY) or TIMESTAMP_DIFF(a, b, SECOND) in BigQuery"}
	refLateralAlias     = refusal{"%s is an alias of this select list: BigQuery does not let a select item use an alias an earlier item defines", "repeat the expression, or select it in a subquery and compute from that: select a, a * 10 as b from (select 2 as a)"}
	refEscape           = refusal{"%s ... ESCAPE is not supported", "escape with a backslash inside the pattern: x glob 'a\\*' (SIMILAR TO and ~ take a regular expression: 'a\\.c')"}
	refNamespaced       = refusal{"%s is not supported", "NET.HOST, NET.IP_FROM_STRING, NET.SAFE_IP_FROM_STRING, NET.IP_TO_STRING, NET.IPV4_FROM_INT64, NET.IPV4_TO_INT64, NET.IP_NET_MASK and NET.IP_TRUNC work; NET.REG_DOMAIN and NET.PUBLIC_SUFFIX need the public suffix list: take the host with NET.HOST and its last labels with SPLIT; HLL_COUNT, KEYS and AEAD functions have no equivalent"}
	refArity            = refusal{"%s", "pass the number of arguments the function takes, as BigQuery's function reference lists them"}
	refDuckArity        = refusal{"%s", "pass the number of arguments the function takes, as DuckDB's duckdb_functions() lists them"}
	refCTEColumns       = refusal{"a column list after a CTE's name is not supported in BigQuery SQL", "name the columns inside the CTE: with t as (select 1 as a, 2 as b)"}
	refValues           = refusal{"VALUES is not supported in BigQuery SQL outside INSERT", "select the rows: select 1 as a, 'x' as b union all select 2, 'y'"}
	refUDF              = refusal{"%s is a dataset's function (a persistent UDF), which SQLite does not have", "write its body in the query, or as a dbt macro the models call"}
	refHashAgg          = refusal{"%s is not supported: its values are the warehouse's own hash function, which SQLite cannot reproduce", "to tell whether two tables hold the same rows, compare them with EXCEPT both ways; for a fingerprint of a group, hash its sorted rows: md5(listagg(md5(x), ',') within group (order by md5(x)))"}
	refVariantTime      = refusal{"%s is not supported: a VARIANT here never holds a DATE, TIME, TIMESTAMP or BINARY (JSON has none; Snowflake's AS_ gives NULL for a string)", "cast the value instead: v:d::date, v:ts::timestamp_ntz, to_date(v:d)"}
	refReadFiles        = refusal{"%s is not supported: it reads files (a path or an s3:// or https:// address), which the playground has no access to", "load the rows as a seed (seeds/name.csv) and read it with ref('name'), or as a source loaded from a seed"}
	refFileStatement    = refusal{"%s is not supported: it loads or writes files (a stage, a path or an s3://, gs:// or https:// address), which the playground has no access to", refReadFiles.hint}
	refTimestampLiteral = refusal{"%s literal: %s", "write the literal as YYYY-MM-DD HH:MM:SS[.ffffff] with an optional zone such as +02:00 or UTC"}
)

// unfaithful are warehouse functions whose values no SQLite function
// reproduces, per dialect.
var unfaithful = map[Dialect]map[string]refusal{
	Snowflake: {"hash": refHash, "hash_agg": refHashAgg},
	DuckDB: {"hash": refHash, "typeof": refTypeof, "columns": refColumns, "age": refAge, "histogram": refHistogram,
		"read_csv": refReadFiles, "read_csv_auto": refReadFiles, "read_parquet": refReadFiles, "parquet_scan": refReadFiles,
		"read_json": refReadFiles, "read_json_auto": refReadFiles, "read_ndjson": refReadFiles, "read_ndjson_auto": refReadFiles,
		"read_json_objects": refReadFiles, "read_text": refReadFiles, "read_blob": refReadFiles, "glob": refReadFiles,
		"read_xlsx": refReadFiles, "delta_scan": refReadFiles, "iceberg_scan": refReadFiles},
}

// sqliteRefused are warehouse functions refused in SQLite-dialect SQL,
// with what to write instead (in a warehouse dialect they translate).
var sqliteRefused = map[string]refusal{
	"unnest": refUnnest, "struct": refStruct, "array_agg": refArrayAgg, "date_trunc": refDateTrunc,
	"timestamp_diff": refDateDiff, "datediff": refDateDiff, "date_diff": refDateDiff,
	"datetime_diff": refDateDiff, "timestampdiff": refDateDiff, "flatten": refFlatten,
}

// Refusals lists the constructs [Translate] refuses, with what to write
// instead.
var Refusals = []Rule{
	{From: "PIVOT / UNPIVOT over values from a subquery or ANY", Dialects: all, To: refPivotDynamic.hint},
	{From: "PIVOT t ON ... USING ..., UNPIVOT t ON COLUMNS(...)", Dialects: "DuckDB", To: refPivot.hint + "; " + refUnpivot.hint},
	{From: "MERGE INTO in another form than those translated", Dialects: all, To: refMerge.hint},
	{From: "::variant, ::object, ::struct, ::map casts (but Snowflake's ::variant, ::object, ::array, ::map, and BigQuery's CAST(x AS STRUCT<...>), which casts its fields)", Dialects: all, To: refSemi.hint},
	{From: "array types: type[], array<...> (but BigQuery's CAST(x AS ARRAY<T>) and DuckDB's CAST(x AS T[]), which cast the elements)", Dialects: all, To: refArrayType.hint},
	{From: "CAST of an ARRAY to another ARRAY type, of a STRUCT to a STRUCT of another number of fields, of a scalar to either (BigQuery refuses them)", Dialects: "BigQuery", To: refNestedCast.hint},
	{From: "INTERVAL n unit outside a date function or x ± INTERVAL (Snowflake); INTERVAL - x", Dialects: warehouses, To: refInterval.hint},
	{From: "INTERVAL 1.5 DAY, a number with a fraction for a single part (BigQuery refuses it)", Dialects: "BigQuery", To: refIntervalFraction.hint},
	{From: "MAKE_INTERVAL with an unknown parameter name, a parameter given twice, or by place after one by name", Dialects: "BigQuery", To: refMakeInterval.hint},
	{From: "RANGE BETWEEN INTERVAL ... PRECEDING AND CURRENT ROW, and every RANGE frame with an offset over a known date or timestamp (but DuckDB's INTERVAL offsets of weeks, days, hours, minutes and seconds)", Dialects: warehouses, To: refRangeFrame.hint},
	{From: "INTERSECT ALL, EXCEPT ALL", Dialects: warehouses, To: refSetAll.hint},
	{From: "a UNION, INTERSECT or EXCEPT removing duplicates of INTERVAL columns, but a UNION chain or one INTERSECT or EXCEPT of two SELECTs that name their columns (not *, not BY NAME, not CORRESPONDING)", Dialects: "DuckDB", To: refSetIntervals.hint},
	{From: "SELECT DISTINCT of INTERVAL columns with * beside other items, or * over relations whose columns are unknown", Dialects: "DuckDB", To: refDistinctIntervals.hint},
	{From: "SUM(DISTINCT x) OVER (...) and every DISTINCT window aggregate but COUNT", Dialects: all, To: refWindowDistinct.hint},
	{From: "APPROX_COUNT_DISTINCT(x) OVER (ORDER BY ...), with a frame or a named window", Dialects: "Snowflake", To: refApproxWindow.hint},
	{From: "$1, $2 ... over several FROM items or a relation whose columns are unknown; t.$1 over a FROM item t whose columns are unknown", Dialects: "Snowflake", To: refPositional.hint},
	{From: "a staged file in FROM: @stage/path (FILE_FORMAT => ...)", Dialects: "Snowflake", To: refStage.hint},
	{From: "CREATE, ALTER and DROP of an EXTERNAL TABLE (BigQuery, Snowflake), a STAGE, FILE FORMAT, PIPE or STORAGE INTEGRATION (Snowflake)", Dialects: "BigQuery, Snowflake", To: refExternalObject.hint},
	{From: "x IN (SELECT ...) of TIMESTAMP_TZ values whose subquery selects an unnamed expression or several columns", Dialects: "Snowflake", To: refInInstants.hint},
	{From: "LATERAL (SELECT ...) naming the FROM items before it", Dialects: warehouses, To: refLateralQuery.hint},
	{From: "FLATTEN(..., OUTER => TRUE) joined with ON / USING", Dialects: "Snowflake", To: refFlattenOuter.hint},
	{From: "FLATTEN(..., RECURSIVE => TRUE)", Dialects: "Snowflake", To: refFlattenRecursive.hint},
	{From: "f.SEQ of a FLATTEN or SPLIT_TO_TABLE", Dialects: "Snowflake", To: refFlattenSeq.hint},
	{From: "FLATTEN(..., MODE => 'OBJECT' | 'ARRAY')", Dialects: "Snowflake", To: refFlattenMode.hint},
	{From: "TO_NUMBER(x, 'format'), TRY_TO_NUMBER, TO_DECIMAL ... with FX, B, EE to EEEEE, | or AUTO in the format, or . or , not after a digit; TO_CHAR(number, 'format') (at run time)", Dialects: "Snowflake", To: refNumberFormat.hint + "; for TO_CHAR, to_varchar(round(x, 2)) padded with lpad(...)"},
	{From: "GENERATOR(TIMELIMIT => s), SEQ4() outside a query reading TABLE(GENERATOR(...))", Dialects: "Snowflake", To: refGenerator.hint + "; " + refSeq.hint},
	{From: "UNNEST(a, b) of several arrays", Dialects: warehouses, To: refUnnestArgs.hint},
	{From: "range(...) AS t(a, b), generate_series(...) AS t(a, b) with more than one column", Dialects: "DuckDB", To: refSeriesAliasList.hint},
	{From: "from_json(j, structure), json_transform with a structure of other types than integers, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, JSON, DATE, TIMESTAMP[TZ] and lists and structs of them", Dialects: "DuckDB", To: refFromJSON.hint},
	{From: "unnest(x) outside the select list, nested in another unnest() or in a lambda", Dialects: "DuckDB", To: refUnnestSelect.hint},
	{From: "[expr for x in list if cond] (a list comprehension)", Dialects: "DuckDB", To: refComprehension.hint},
	{From: "MAP {'k': v}", Dialects: "DuckDB", To: refMapLiteral.hint},
	{From: "a = b, a < b ... of ARRAYs; <, <=, >, >= of lists", Dialects: "BigQuery, DuckDB", To: refListCompare.hint},
	{From: "ORDER BY, MIN or MAX of a list (an ARRAY)", Dialects: "BigQuery, DuckDB", To: refListOrder.hint},
	{From: "generate_subscripts(l, dim) with dim other than 1 (DuckDB fails on it)", Dialects: "DuckDB", To: refSubscripts.hint},
	{From: "unnest({'a': 1, ...}) of a struct", Dialects: "DuckDB", To: refUnnestStruct.hint},
	{From: "unnest(x) beside a window function in one select list", Dialects: "DuckDB", To: refUnnestWindow.hint},
	{From: "unnest(x) in the select list of a grouped query", Dialects: "DuckDB", To: refUnnestGrouped.hint},
	{From: "UNNEST(x) in a select list", Dialects: "BigQuery", To: refUnnestBigQuery.hint},
	{From: "a name beside UNNEST(t.arr) without an alias in a SELECT that reads relations whose columns are not known", Dialects: "BigQuery", To: refUnnestFieldName.hint},
	{From: "UNNEST(x)", Dialects: "Snowflake", To: refUnnestSnowflake.hint},
	{From: "ARRAY(SELECT a, b ...) without AS STRUCT", Dialects: warehouses, To: refArraySub.hint},
	{From: "SELECT AS STRUCT *, SELECT AS STRUCT t.*", Dialects: "BigQuery", To: refAsStructStar.hint},
	{From: "a function neither SQLite nor pipeline/internal/sqlfunc knows", Dialects: warehouses, To: "the error names the closest known function"},
	{From: "UNNEST, STRUCT, ARRAY_AGG, DATE_TRUNC, DATEDIFF/TIMESTAMP_DIFF, FLATTEN", Dialects: "SQLite", To: "set the project's dialect to the warehouse the SQL is written for"},
	{From: "* EXCEPT or QUALIFY over relations whose columns are unknown", Dialects: all, To: refStar.hint},
	{From: "GROUP BY ALL with * in the select list", Dialects: all, To: refGroupAllStar.hint},
	{From: "SEMI JOIN, ANTI JOIN without ON or USING, inside parentheses, after another join with USING or followed by a RIGHT or FULL JOIN", Dialects: "DuckDB", To: refSemiJoinHere.hint},
	{From: "ASOF JOIN with an ON of other than equalities and one inequality naming the right side's column, or a USING after several relations whose columns are unknown", Dialects: "DuckDB", To: refAsofJoin.hint},
	{From: "POSITIONAL JOIN", Dialects: "DuckDB", To: refPositionalJoin.hint},
	{From: "unnest(l) WITH ORDINALITY", Dialects: warehouses, To: refOrdinality.hint},
	{From: "GROUP BY ROLLUP, CUBE or GROUPING SETS with SELECT DISTINCT, *, a window function, QUALIFY or more than 64 sets; an ORDER BY of an aggregate or a qualified name over it", Dialects: warehouses, To: refGroupingSets.hint},
	{From: "GROUPING(x), GROUPING_ID(x) outside the select list and HAVING of a grouped SELECT", Dialects: warehouses, To: refGrouping.hint},
	{From: "SAFE.ABS(x) (SQLite's ABS fails on the least integer)", Dialects: "BigQuery", To: refSafe.hint},
	{From: "x IS y, x IS NOT y with y other than NULL, TRUE, FALSE, UNKNOWN (SQLite's IS; the warehouses refuse it too)", Dialects: warehouses, To: refIsValue.hint},
	{From: "x IS [NOT] TRUE, FALSE, UNKNOWN", Dialects: "Snowflake", To: refIsTruth.hint},
	{From: "x IS [NOT] TRUE, FALSE, UNKNOWN of a number, string, date, time, timestamp or interval", Dialects: "BigQuery", To: refIsBool.hint},
	{From: "an aggregate with an ORDER BY inside its call and OVER (...): list(x ORDER BY y) OVER (...)", Dialects: "DuckDB", To: refWindowOrder.hint},
	{From: "year('2018-01-01'), date_trunc('month', '2018-01-05'), date_part, extract, date_diff of two string literals, strftime, last_day, dayname and DuckDB's other functions of a date or timestamp whose date arguments are all string literals (DuckDB refuses them too)", Dialects: "DuckDB", To: refLiteralDate.hint},
	{From: "a string literal or VARCHAR ± an interval, date_add('2018-01-01', INTERVAL 1 DAY) (DuckDB refuses them too)", Dialects: "DuckDB", To: refTextInterval.hint},
	{From: "the id and parent columns of json_each and json_tree; * over them; a bare value, key, type or atom beside a relation whose columns are not known; value or atom compared with a string that is no JSON (value = 'a', which DuckDB fails on)", Dialects: "DuckDB", To: refDuckEachID.hint + "; " + refDuckEachStar.hint + "; " + refDuckEachBare.hint + "; " + refDuckEachText.hint},
	{From: "SAFE.f(...) of an aggregate or window function, or with a lambda (BigQuery refuses it too)", Dialects: "BigQuery", To: refSafeScalar.hint},
	{From: "SAFE.f(...) with a number of arguments f does not take, SAFE.SUBSTR('abc') (BigQuery refuses it too, before the query runs)", Dialects: "BigQuery", To: refSafeArity.hint},
	{From: "CAST(x AS STRING FORMAT '...') of a value whose type is not known with a format that is not a number's, a number's format with TM, or S of a zero; CAST(x AS DATE FORMAT '...') of a value that is not a string", Dialects: "BigQuery", To: refCastFormat.hint},
	{From: "CAST(x AS STRING FORMAT '...') of a known number with a format that is not a number's, or with TM", Dialects: "BigQuery", To: refCastNumberFormat.hint},
	{From: "CAST(d AS STRING FORMAT '...') with an element BigQuery does not format (CC, Q, IW, Y,YYY...) or one the type has not (HH24 of a DATE, TZH of a DATETIME); CAST(s AS DATE FORMAT '...') with DDD, D, DAY or DY, or a YYYY of fewer than 4 digits", Dialects: "BigQuery", To: refCastFormatElement.hint},
	{From: "NET.*, HLL_COUNT.*, KEYS.*, AEAD.* functions but NET.HOST and NET's IP address functions", Dialects: "BigQuery", To: refNamespaced.hint},
	{From: "a function with a number of arguments it does not take: SUBSTR('abc'), NET.IP_TRUNC(x) (BigQuery refuses it too, before the query runs)", Dialects: "BigQuery", To: refArity.hint},
	{From: "a function with a number of arguments it does not take: json_extract_path_text(j, 'a', 'b'), md5(a, b) (DuckDB refuses it too, before the query runs)", Dialects: "DuckDB", To: refDuckArity.hint},
	{From: "dataset.function(...), a persistent UDF", Dialects: "BigQuery", To: refUDF.hint},
	{From: "WITH t(a, b) AS (...), a CTE with a column list (BigQuery refuses it)", Dialects: "BigQuery", To: refCTEColumns.hint},
	{From: "VALUES outside INSERT (BigQuery refuses it)", Dialects: "BigQuery", To: refValues.hint},
	{From: "SELECT DISTINCT ON (a) ... naming a column twice, over relations whose columns are unknown, or with QUALIFY or unnest() in the same SELECT", Dialects: "DuckDB", To: refDistinctOnHere.hint},
	{From: "SELECT DISTINCT ON (a) ...", Dialects: "BigQuery, Snowflake, SQLite", To: refDistinctOn.hint},
	{From: "CORRESPONDING over an input whose columns are unknown or that names a column twice, inputs without a common column (or, with BY, without a listed one), mixed with a set operation by position or another kind of CORRESPONDING; CORRESPONDING outside BigQuery SQL", Dialects: all, To: refCorresponding.hint},
	{From: "UNION BY NAME over an input whose columns are unknown or that names a column twice, or in a query with INTERSECT or EXCEPT", Dialects: "Snowflake, DuckDB", To: refByNameColumns.hint},
	{From: "BY NAME over an input whose columns are unknown or that names a column twice, or inputs that do not select the same column names (BigQuery refuses it too)", Dialects: "BigQuery", To: refBigQueryByName.hint},
	{From: "UNION [ALL] BY NAME in SQLite SQL; INTERSECT / EXCEPT BY NAME but BigQuery's", Dialects: all, To: refByName.hint},
	{From: "FULL / LEFT / INNER [OUTER] UNION ... BY NAME or CORRESPONDING", Dialects: "BigQuery", To: refByNameMode.hint},
	{From: "LAG, LEAD (but Snowflake's with offset 1), NTH_VALUE ... IGNORE NULLS", Dialects: all, To: refIgnoreNulls.hint},
	{From: "LIMIT inside an aggregate other than ARRAY_AGG, STRING_AGG and ARRAY_CONCAT_AGG", Dialects: "BigQuery", To: refAggLimit.hint},
	{From: "HAVING MAX | MIN inside an aggregate other than ANY_VALUE", Dialects: "BigQuery", To: refHaving.hint},
	{From: "s.* of a struct column whose fields are not known (a table's column, a struct with an unnamed field)", Dialects: "BigQuery", To: refStructStar.hint},
	{From: "a wildcard table matching no table, a view, or tables whose columns differ; one in a model's SQL naming a model's table that is not built yet", Dialects: "BigQuery", To: refWildcardTable.hint},
	{From: "ORDER BY ALL over * of relations whose columns are unknown", Dialects: "Snowflake, DuckDB", To: refOrderAll.hint},
	{From: "TYPEOF(x)", Dialects: "DuckDB", To: refTypeof.hint},
	{From: "histogram(x), a MAP of counts", Dialects: "DuckDB", To: refHistogram.hint},
	{From: "read_csv, read_csv_auto, read_parquet, read_json[_auto], read_ndjson, read_text, read_blob, glob and other readers of files (a path, s3:// or https://)", Dialects: "DuckDB", To: refReadFiles.hint},
	{From: "statements that load or write files: COPY INTO, PUT and GET (Snowflake), LOAD DATA and EXPORT DATA (BigQuery), COPY ... FROM | TO, EXPORT DATABASE and IMPORT DATABASE (DuckDB)", Dialects: warehouses, To: refFileStatement.hint},
	{From: "SELECT TOP n in one input of a set operation, or with LIMIT", Dialects: "Snowflake", To: refTop.hint},
	{From: "LISTAGG and ARRAY_AGG WITHIN GROUP (ORDER BY ...) OVER a named window, and other aggregates with WITHIN GROUP over a window", Dialects: "Snowflake", To: refWithinOver.hint},
	{From: "PERCENTILE_CONT, PERCENTILE_DISC and mode() WITHIN GROUP (ORDER BY ...) OVER (...) (DuckDB refuses them too)", Dialects: "DuckDB", To: refDuckWithinOver.hint},
	{From: "a join word (LEFT, RIGHT, FULL, INNER, CROSS, NATURAL, JOIN; OUTER and END in BigQuery and DuckDB; DuckDB's AUTHORIZATION, BINARY, COLLATION, CONCURRENTLY, FREEZE, OVERLAPS, POSITIONAL, SIMILAR, VERBOSE, SEMI, ANTI, ASOF) as a bare column name: select left = 'T', coalesce(ends, end), authorization as code (the warehouse refuses it too; Snowflake reads its END there as a column)", Dialects: "BigQuery, Snowflake, DuckDB", To: refJoinWordColumn.hint},
	{From: "an unquoted name of a column created quoted in a case other than upper: select col_a from a seed with quote_columns: true whose header col_a dbt created as \"col_a\" (Snowflake fails with invalid identifier 'COL_A')", Dialects: "Snowflake", To: refUnquotedQuoted.hint},
	{From: "a quoted name of a column in a case other than the one it was created in: select \"id\" from a model that made id unquoted (Snowflake stored it as ID and fails with invalid identifier '\"id\"'), or \"Col_A\" of a column created as \"col_a\"; a column whose relation's columns are not known (a source's) is left alone", Dialects: "Snowflake", To: refQuotedUnquoted.hint},
	{From: "OBJECT_CONSTRUCT(*)", Dialects: "Snowflake", To: refObjectStar.hint},
	{From: "RANDOM(seed)", Dialects: "Snowflake", To: refRandomSeed.hint},
	{From: "x AT TIME ZONE zone where x is neither known as a TIMESTAMP nor as a TIMESTAMPTZ", Dialects: "DuckDB", To: refAtTimeZone.hint},
	{From: "COLUMNS(...) outside a select item, with an alias or a lambda, or over relations whose columns are unknown", Dialects: "DuckDB", To: refColumnsHere.hint},
	{From: "HASH(x)", Dialects: "Snowflake, DuckDB", To: refHash.hint},
	{From: "AS_DATE, AS_TIME, AS_TIMESTAMP_NTZ, AS_TIMESTAMP_LTZ, AS_TIMESTAMP_TZ, AS_BINARY", Dialects: "Snowflake", To: refVariantTime.hint},
	{From: "HASH_AGG(x)", Dialects: "Snowflake", To: refHashAgg.hint},
	{From: "age(x) with one argument", Dialects: "DuckDB", To: refAge.hint},
	{From: "sum(x) of INTERVALs (DuckDB refuses it too)", Dialects: "DuckDB", To: refIntervalSum.hint},
	{From: "timestamp + n, n + timestamp, timestamp - n, n - timestamp (a known TIMESTAMP and a known number, such as date_trunc('week', d) + 6)", Dialects: "DuckDB", To: refTimestampNumber.hint},
	{From: "timestamp - timestamp (an INTERVAL); BigQuery's timestamp - date", Dialects: "BigQuery, Snowflake", To: refTimestampMinus.hint},
	{From: "select 2 as a, a * 10 as b (an alias used in the same select list)", Dialects: "BigQuery", To: refLateralAlias.hint},
	{From: "x GLOB p ESCAPE e, x SIMILAR TO p ESCAPE e", Dialects: "DuckDB", To: refEscape.hint},
	{From: "TIMESTAMP '...' and other timestamp literals that are not a timestamp", Dialects: warehouses, To: refTimestampLiteral.hint},
	{From: "column constraints other than NOT NULL, column definitions with AS SELECT, a CLONE of a table as it was at a past time; DuckDB's CREATE TABLE x LIKE y (DuckDB refuses it too)", Dialects: all, To: refCreate.hint},
}

// Markdown is the README's table of the rules: what runs as what, where
// the result differs, and what is refused.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| written | in | runs on SQLite as | what differs, and why |\n|---|---|---|---|\n")
	for _, r := range Translations {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdCell(r.From), r.Dialects, mdCell(r.To), mdText(r.Note))
	}
	b.WriteString("\nRefused, with file:line:column, the construct, the dialect and what to write instead (every refusal of a model at once):\n\n")
	b.WriteString("| refused | in | write instead |\n|---|---|---|\n")
	for _, r := range Refusals {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(r.From), r.Dialects, mdText(r.To))
	}
	return b.String()
}

// mdCell writes SQL as code in a table cell.
func mdCell(s string) string {
	if strings.Contains(s, "`") {
		return mdText(s)
	}
	return "`" + strings.ReplaceAll(s, "|", "\\|") + "`"
}

func mdText(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
