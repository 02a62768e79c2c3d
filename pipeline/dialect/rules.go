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
	refQualifyHere    = refusal{"QUALIFY is not supported here", "filter in an outer query: select * from (select ..., row_number() over (...) as rn from ...) where rn = 1"}
	refQualify        = refusal{"QUALIFY cannot be rewritten: %s", "give every selected column a name, or filter in an outer query: select * from (select ..., row_number() over (...) as rn from ...) where rn = 1"}
	refStar           = refusal{"%s cannot be expanded: %s", "list the columns to keep"}
	refFlatten        = refusal{"LATERAL FLATTEN is not supported by SQLite", "join json_each(t.col) as a table-valued function: select ... from t, json_each(t.col)"}
	refFlattenOuter   = refusal{"FLATTEN(..., OUTER => TRUE) is not supported", "left join json_each(t.col) on true"}
	refUnnest         = refusal{"UNNEST is not supported by SQLite", "join json_each(x) as a table-valued function over a JSON array, or set the project's dialect to the warehouse the SQL is written for"}
	refUnnestArgs     = refusal{"UNNEST of several arrays at once is not supported", "unnest each array in its own FROM item"}
	refUnnestSelect   = refusal{"unnest() in the select list is not supported", "move it to FROM: from t, unnest(t.list) as u(x)"}
	refAliasList      = refusal{"an UNNEST alias list must name exactly one column", "write unnest(x) as u(value)"}
	refArraySub       = refusal{"this ARRAY(SELECT ...) is not supported", "select exactly one column, or use SELECT AS STRUCT with named columns"}
	refInterval       = refusal{"INTERVAL arithmetic is not supported", "use the date functions: date_add(x, INTERVAL 1 DAY), timestamp_add(...), dateadd(day, 1, x)"}
	refWindowDistinct = refusal{"%s(DISTINCT ...) OVER (...) is not supported by SQLite", "COUNT(DISTINCT x) OVER works; for other aggregates compute the distinct values in a subquery and join"}
	refStruct         = refusal{"STRUCT is not supported by SQLite", "build JSON text with json_object('key', value), or set the project's dialect to the warehouse the SQL is written for"}
	refArrayAgg       = refusal{"ARRAY_AGG is not supported by SQLite", "use json_group_array(x) for a JSON array or group_concat(x, ',') for text"}
	refDateTrunc      = refusal{"DATE_TRUNC is not supported by SQLite",
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
	{From: "PIVOT(...)", To: refPivot.hint},
	{From: "UNPIVOT(...)", To: refUnpivot.hint},
	{From: "MERGE INTO", To: refMerge.hint},
	{From: "::variant, ::array, ::object, ::struct, ::map casts", To: refSemi.hint},
	{From: "array types: type[], array<...>", To: refArrayType.hint},
	{From: "x + INTERVAL n unit", To: refInterval.hint},
	{From: "SUM(DISTINCT x) OVER (...) and other DISTINCT window aggregates but COUNT", To: refWindowDistinct.hint},
	{From: "FLATTEN(..., OUTER => TRUE)", To: refFlattenOuter.hint},
	{From: "UNNEST(a, b) of several arrays", To: refUnnestArgs.hint},
	{From: "unnest(x) in a select list (DuckDB)", To: refUnnestSelect.hint},
	{From: "a function neither SQLite nor the warehouse functions here know", To: "the error names the closest known function"},
	{From: "in SQLite-dialect SQL: UNNEST, STRUCT, ARRAY_AGG, DATE_TRUNC, DATEDIFF/TIMESTAMP_DIFF, FLATTEN", To: "set the project's dialect to the warehouse the SQL is written for"},
}
