package dialect

// Rule is one translation or refusal, as data for the README and the UI.
type Rule struct {
	From string // as written for BigQuery, Snowflake or DuckDB
	To   string // as run on SQLite; for a refusal, what to write instead
	Note string // why, and where the result differs
}

// timestampNow is the one text form of the current time: ISO 8601 in UTC
// with milliseconds, like 2025-09-01T12:34:56.789Z. Source data carries
// timestamps in this shape, and text timestamps only compare correctly
// against each other when they share one shape.
const timestampNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

// Translations lists every rewrite [Translate] makes.
var Translations = []Rule{
	{From: "expr::type", To: "CAST(expr AS type)",
		Note: "the cast operator of Snowflake and DuckDB; expr is the operand just left of ::, and x::a::b casts twice"},
	{From: "safe_cast(x AS type), try_cast(x AS type)", To: "CAST(x AS type)",
		Note: "SQLite's CAST never fails: text that is not a number becomes 0 where these give NULL"},
	{From: "string, text, varchar(n), char(n), nvarchar, character varying", To: "TEXT",
		Note: "a type SQLite does not know gets NUMERIC affinity, which turns '007' into 7, so every text type must be rewritten"},
	{From: "int, integer, bigint, int64, smallint, tinyint, byteint", To: "INTEGER"},
	{From: "float, float64, double, double precision, real, numeric, decimal, numeric(p,s)", To: "REAL",
		Note: "numeric(p), numeric(p,0) and Snowflake's bare number have no fraction and become INTEGER"},
	{From: "boolean, bool", To: "INTEGER",
		Note: "SQLite stores booleans as 1 and 0; the text 'true' casts to 0, so cast comparisons instead"},
	{From: "timestamp, timestamp_ntz, timestamp_tz, timestamp_ltz, timestamptz, datetime, time", To: "TEXT",
		Note: "timestamps are ISO 8601 text; the value is kept as written"},
	{From: "x::date, cast(x AS date)", To: "date(x)",
		Note: "the date part of ISO text, 'YYYY-MM-DD'; NULL when x is not a date"},
	{From: "x::json, cast(x AS json)", To: "json(x)",
		Note: "SQLite keeps JSON as text; json(x) checks and minifies it"},
	{From: "bytes, binary, varbinary", To: "BLOB"},
	{From: "current_timestamp, current_timestamp(), now()", To: timestampNow,
		Note: "ISO 8601 UTC text with milliseconds; SQLite's own CURRENT_TIMESTAMP has no T, zone or fraction"},
	{From: "current_date, current_date()", To: "date('now')", Note: "UTC date as 'YYYY-MM-DD'"},
	{From: "current_time, current_time()", To: "strftime('%H:%M:%S', 'now')", Note: "UTC time as 'HH:MM:SS'"},
	{From: "ilike", To: "like",
		Note: "SQLite's LIKE ignores case for ASCII letters only; note that its plain LIKE ignores case too"},
	{From: "true, false", To: "true, false", Note: "kept: SQLite reads them as 1 and 0"},
}

// refusal is a construct with no faithful SQLite equivalent.
type refusal struct {
	message, hint string
}

var (
	refQualify   = refusal{"QUALIFY is not supported by SQLite", "filter in an outer query: select * from (select ..., row_number() over (...) as rn from ...) where rn = 1"}
	refExcept    = refusal{"SELECT * EXCEPT (...) is not supported by SQLite", "list the columns to keep"}
	refReplace   = refusal{"SELECT * REPLACE (...) is not supported by SQLite", "list the columns, writing the replaced ones as expressions with aliases"}
	refFlatten   = refusal{"LATERAL FLATTEN is not supported by SQLite", "join json_each(t.col) as a table-valued function: select ... from t, json_each(t.col)"}
	refUnnest    = refusal{"UNNEST is not supported by SQLite", "join json_each(x) as a table-valued function over a JSON array"}
	refStruct    = refusal{"STRUCT is not supported by SQLite", "build JSON text with json_object('key', value)"}
	refArrayAgg  = refusal{"ARRAY_AGG is not supported by SQLite", "use json_group_array(x) for a JSON array or group_concat(x, ',') for text"}
	refDateTrunc = refusal{"DATE_TRUNC is not supported by SQLite",
		"use date(x) for the day, strftime('%Y-%m-01', x) for the month, strftime('%Y-01-01', x) for the year"}
	refDateDiff = refusal{"%s is not supported by SQLite",
		"use julianday(b) - julianday(a) for days or unixepoch(b) - unixepoch(a) for seconds"}
	refPivot   = refusal{"PIVOT is not supported by SQLite", "use conditional aggregation: max(case when key = 'a' then value end) as a"}
	refUnpivot = refusal{"UNPIVOT is not supported by SQLite", "use union all of one select per column"}
	refMerge   = refusal{"MERGE is not supported by SQLite", "use insert ... on conflict (key) do update set ..."}
	refSemi    = refusal{"cast to %s is not supported by SQLite",
		"SQLite has no semi-structured types: keep JSON as text and read it with json_extract(x, '$.field')"}
	refArrayType = refusal{"array type %s is not supported by SQLite", "keep arrays as JSON text and read them with json_each(x)"}
	refUnknown   = refusal{"unknown type %q in a cast",
		"use a type SQLite knows: text, integer, real, blob (or string, bigint, float64, boolean, timestamp, date)"}
	refNoOperand = refusal{":: has no operand on its left", "write the cast as CAST(expr AS type)"}
	refNoType    = refusal{"%s has no type after it", "name the type, for example x::text"}
)

// Refusals lists the constructs [Translate] refuses, with what to write
// instead.
var Refusals = []Rule{
	{From: "QUALIFY", To: refQualify.hint},
	{From: "SELECT * EXCEPT (...)", To: refExcept.hint},
	{From: "SELECT * REPLACE (...)", To: refReplace.hint},
	{From: "LATERAL FLATTEN(...)", To: refFlatten.hint},
	{From: "UNNEST(...)", To: refUnnest.hint},
	{From: "STRUCT(...), STRUCT<...>", To: refStruct.hint},
	{From: "ARRAY_AGG(...)", To: refArrayAgg.hint},
	{From: "DATE_TRUNC(...)", To: refDateTrunc.hint},
	{From: "TIMESTAMP_DIFF(...), DATEDIFF(...)", To: refDateDiff.hint},
	{From: "PIVOT(...)", To: refPivot.hint},
	{From: "UNPIVOT(...)", To: refUnpivot.hint},
	{From: "MERGE INTO", To: refMerge.hint},
	{From: "::variant, ::array, ::object, ::struct, ::map casts", To: refSemi.hint},
	{From: "array types: type[], array<...>", To: refArrayType.hint},
}
