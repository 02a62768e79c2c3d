package dialect

import (
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// sqliteOnly are SQLite's own functions that a warehouse has no function
// of that name for: run on SQLite they would answer, where the warehouse
// fails the model. Each has, per dialect lacking it, what to write there
// ("" names the closest function of the dialect). DuckDB's are the ones
// duckdb_functions() of DuckDB itself does not list (or, time and char,
// that it cannot parse as calls); BigQuery's and Snowflake's are missing
// from their function references. A name the translator rewrites for a
// dialect (Snowflake's TIMEDIFF, BigQuery's DATETIME) never gets here.
var sqliteOnly = func() map[string]map[Dialect]string {
	m := map[string]map[Dialect]string{
		"julianday": {
			DuckDB:    "for the days between two dates write date_diff('day', a, b); julian(x) is the Julian day number of a date",
			BigQuery:  "for the days between two dates write DATE_DIFF(b, a, DAY), for seconds TIMESTAMP_DIFF(b, a, SECOND)",
			Snowflake: "for the days between two dates write DATEDIFF(day, a, b)",
		},
		"unixepoch": {DuckDB: "write epoch(x)", BigQuery: "write UNIX_SECONDS(x)", Snowflake: "write DATE_PART(epoch_second, x)"},
		"iif":       {DuckDB: "write if(c, a, b) or CASE WHEN c THEN a ELSE b END", BigQuery: "write IF(c, a, b)", Snowflake: "write IFF(c, a, b)"},
		"total": {
			DuckDB: "write sum(x), or coalesce(sum(x), 0) for 0 over no rows", BigQuery: "write SUM(x), or COALESCE(SUM(x), 0) for 0 over no rows",
			Snowflake: "write SUM(x), or COALESCE(SUM(x), 0) for 0 over no rows",
		},
		"json_patch":   {DuckDB: "write json_merge_patch(a, b)", BigQuery: "", Snowflake: ""},
		"timediff":     {DuckDB: "write age(a, b) or a - b", BigQuery: "write TIMESTAMP_DIFF(a, b, SECOND)"},
		"printf":       {BigQuery: "write FORMAT('%d', x)", Snowflake: "join the parts with || and format a number or a date with TO_VARCHAR(x, format)"},
		"group_concat": {BigQuery: "write STRING_AGG(x, sep)", Snowflake: "write LISTAGG(x, sep)"},
		"strftime":     {BigQuery: "write FORMAT_TIMESTAMP(format, ts)", Snowflake: "write TO_VARCHAR(ts, format), such as TO_VARCHAR(ts, 'YYYY-MM-DD')"},
		"datetime":     {DuckDB: "write cast(x as timestamp)"},
		"time":         {DuckDB: "write cast(x as time)"},
		"char":         {DuckDB: "write chr(n)", BigQuery: "write CHR(n), or CODE_POINTS_TO_STRING([n, ...])"},
		"regexp":       {DuckDB: "write regexp_matches(x, p)", BigQuery: "write REGEXP_CONTAINS(x, p)"},
		"soundex":      {DuckDB: ""},
		"json_quote":   {BigQuery: "write TO_JSON_STRING(x)"},
		"json_valid":   {BigQuery: "write SAFE.PARSE_JSON(x) IS NOT NULL"},
		"json_group_array": {
			BigQuery: "write TO_JSON(ARRAY_AGG(x))",
		},
		"json_group_object": {BigQuery: ""},
	}
	// SQLite's own: about its connection, its storage, the planner, JSONB.
	for _, f := range strings.Fields(`changes last_insert_rowid total_changes likelihood likely unlikely
		load_extension randomblob zeroblob sqlite_compileoption_get sqlite_compileoption_used sqlite_offset
		sqlite_source_id sqlite_version raise quote match json_error_position jsonb jsonb_array jsonb_extract
		jsonb_insert jsonb_object jsonb_patch jsonb_remove jsonb_replace jsonb_set jsonb_group_array
		jsonb_group_object`) {
		m[f] = map[Dialect]string{DuckDB: "", BigQuery: "", Snowflake: ""}
	}
	// Snowflake reads JSON with PARSE_JSON and paths, and builds it with
	// OBJECT_CONSTRUCT and ARRAY_CONSTRUCT: it has none of SQLite's json_*.
	const sfJSON = "read JSON with PARSE_JSON(x):key (GET_PATH, ARRAY_SIZE), build it with OBJECT_CONSTRUCT(...) and ARRAY_CONSTRUCT(...)"
	for _, f := range strings.Fields(`json json_array json_array_length json_extract json_insert json_object
		json_remove json_replace json_set json_type json_valid json_quote json_group_array json_group_object
		json_pretty json_patch`) {
		if m[f] == nil {
			m[f] = map[Dialect]string{}
		}
		m[f][Snowflake] = sfJSON
	}
	return m
}()

// refuseSQLiteOnly refuses a call of one of SQLite's own functions that
// dialect d lacks, naming d and what to write there; ok is false then.
func (t *translator) refuseSQLiteOnly(n *node, name string) (ok bool) {
	hint, lacks := sqliteOnly[name][t.d]
	if !lacks {
		return true
	}
	if hint == "" {
		hint = "no " + dialectName(t.d) + " function has this name"
		if c := closestFunctionIn(t.d, name); c != "" {
			hint = "the closest " + dialectName(t.d) + " function is " + strings.ToUpper(c)
		}
	}
	t.refuse(n.tok, refusal{strings.ToUpper(t.toks[n.tok].text) + " is SQLite's, not a function of %D, where the model would fail", hint})
	return false
}

// closestFunctionIn is the function of dialect d whose name is nearest to
// name, or "" when none is near: among SQLite's that d has too, the names
// d renames to package sqlfunc's functions and, in DuckDB, DuckDB's own
// list. Functions sqlfunc registers under their own names are left out:
// some are helpers of the translator, which the warehouse would not know.
func closestFunctionIn(d Dialect, name string) string {
	best, bestD := "", len(name)/2+2
	try := func(c string) {
		if c == name {
			return
		}
		if e := sqlfunc.Levenshtein(name, c); e < bestD || e == bestD && c < best {
			best, bestD = c, e
		}
	}
	for c := range sqliteFunctions {
		if _, lacks := sqliteOnly[c][d]; !lacks {
			try(c)
		}
	}
	for _, c := range sqlfunc.Names() {
		if _, ok := sqlfunc.Rename(string(d), c); ok {
			try(c)
		}
	}
	if d == DuckDB {
		for c := range duckDBArities() {
			try(c)
		}
	}
	if bestD > 3 {
		return ""
	}
	return best
}

func init() {
	for _, d := range Dialects[1:] {
		var names []string
		for f, by := range sqliteOnly {
			if _, lacks := by[d]; lacks {
				names = append(names, strings.ToUpper(f))
			}
		}
		slices.Sort(names)
		Refusals = append(Refusals, Rule{From: "SQLite's own functions " + dialectName(d) + " lacks: " + strings.Join(names, ", "),
			Dialects: dialectName(d), To: "the error says what to write in " + dialectName(d) + " (JULIANDAY: " + sqliteOnly["julianday"][d] + ")"})
	}
}
