package dialect

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

const now = "as_timestamp(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

func TestTranslate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		// :: operands
		{name: "cast of a column", in: "select a::string", want: "select CAST(a AS TEXT)"},
		{name: "cast of a qualified column", in: "select s.t.c::int from s.t", want: "select CAST(s.t.c AS INTEGER) from s.t"},
		{name: "cast of a quoted identifier", in: `select "Order Id"::varchar, t."x"::int, ` + "`y`::int", want: `select CAST("Order Id" AS TEXT), CAST(t."x" AS INTEGER), CAST(` + "`y`" + ` AS INTEGER)`},
		{name: "cast of a bracketed identifier", in: "select [a b]::int", want: "select CAST([a b] AS INTEGER)"},
		{name: "cast of a number", in: "select 1.5::int, 007::text", want: "select CAST(1.5 AS INTEGER), CAST(007 AS TEXT)"},
		{name: "cast of a string keeps leading zeros", in: "select '007'::string", want: "select CAST('007' AS TEXT)"},
		{name: "cast of a parenthesised expression", in: "select (a + b)::int where (x)::int = 1", want: "select CAST((a + b) AS INTEGER) where CAST((x) AS INTEGER) = 1"},
		{name: "cast of a function call", in: "select coalesce(a, f(b))::text, s.fn(x)::int", want: "select CAST(coalesce(a, f(b)) AS TEXT), CAST(s.fn(x) AS INTEGER)"},
		{name: "chained casts", in: "select x::int::text", want: "select CAST(CAST(x AS INTEGER) AS TEXT)"},
		{name: "cast of a window function", in: "select row_number() over (partition by a)::text", want: "select CAST(row_number() over (partition by a) AS TEXT)"},
		{name: "cast of a case expression", in: "select case when a then case when b then 1 end else 2 end::text", want: "select CAST(case when a then case when b then 1 end else 2 end AS TEXT)"},
		{name: "cast inside a call", in: "select f(a::int, b)", want: "select f(CAST(a AS INTEGER), b)"},
		{name: "cast with spaces around ::", in: "select a :: int from t", want: "select CAST(a AS INTEGER) from t"},
		{name: "cast across lines keeps the line breaks", in: "select a\n::\nint, b", want: "select CAST(a AS INTEGER)\n\n, b"},
		{name: "cast then operator", in: "select a::int+1", want: "select CAST(a AS INTEGER)+1"},
		{name: "cast then comparison", in: "delete from t where a::int < 0 or b::int>1", want: "delete from t where CAST(a AS INTEGER) < 0 or CAST(b AS INTEGER)>1"},
		{name: "unary minus stays outside", in: "select -1::int", want: "select -CAST(1 AS INTEGER)"},

		// type names
		{name: "text types", in: "select a::text, a::varchar(10), a::char, a::character varying(3), a::nvarchar", want: "select CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT)"},
		{name: "integer types", in: "select a::int, a::integer, a::bigint, a::INT64, a::smallint", want: "select CAST(a AS INTEGER), CAST(a AS INTEGER), CAST(a AS INTEGER), CAST(a AS INTEGER), CAST(a AS INTEGER)"},
		{name: "real types", in: "select a::float, a::float64, a::double, a::double precision, a::real, a::decimal", want: "select CAST(a AS REAL), CAST(a AS REAL), CAST(a AS REAL), CAST(a AS REAL), CAST(a AS REAL), CAST(a AS REAL)"},
		{name: "numeric with and without a scale", in: "select a::numeric(10,2), a::numeric, a::numeric(10), a::decimal(38, 0), a::number", want: "select CAST(a AS REAL), CAST(a AS REAL), CAST(a AS INTEGER), CAST(a AS INTEGER), CAST(a AS INTEGER)"},
		{name: "boolean types", in: "select a::boolean, a::bool", want: "select CAST(a AS INTEGER), CAST(a AS INTEGER)"},
		{name: "timestamp types", in: "select a::timestamp, a::timestamp_ntz, a::timestamp_tz, a::timestamp_ltz, a::datetime, a::time, a::timestamp with time zone", want: "select CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT), CAST(a AS TEXT)"},
		{name: "date becomes date()", in: "select a::date, (b || 'x')::DATE", want: "select date(a), date((b || 'x'))"},
		{name: "json becomes json()", in: "select a::json", want: "select json(a)"},
		{name: "binary types", in: "select a::bytes, a::binary", want: "select CAST(a AS BLOB), CAST(a AS BLOB)"},

		// cast(), safe_cast(), try_cast()
		{name: "cast as string", in: "select cast(a as string)", want: "select cast(a as TEXT)"},
		{name: "CAST upper case", in: "SELECT CAST(a AS VARCHAR(20))", want: "SELECT CAST(a AS TEXT)"},
		{name: "safe_cast and try_cast", in: "select safe_cast(a as int64), try_cast(b as float)", want: "select try_cast(a, 'INTEGER'), try_cast(b, 'REAL')"},
		{name: "cast as date", in: "select cast(a as date), safe_cast(b as date )", want: "select date(a), try_cast(b, 'date')"},
		{name: "cast with an inner alias", in: "select cast((select a as b from t) as int)", want: "select cast((select a as b from t) as INTEGER)"},
		{name: "cast of a :: cast", in: "select cast(a::int as text)", want: "select cast(CAST(a AS INTEGER) as TEXT)"},
		{name: "cast over lines", in: "select cast(\n  a\n  as\n  numeric(10,\n2)\n) from t", want: "select cast(\n  a\n  as REAL\n\n\n) from t"},

		// clock and keywords
		{name: "current_timestamp", in: "select current_timestamp(), current_timestamp, CURRENT_TIMESTAMP ( ), now()", want: "select " + now + ", " + now + ", " + now + ", " + now},
		{name: "current_date and current_time", in: "select current_date, current_date(), current_time", want: "select date('now'), date('now'), strftime('%H:%M:%S', 'now')"},
		{name: "now as a column", in: "select now, t.current_date from t", want: "select now, t.current_date from t"},
		{name: "ilike", in: "where a ilike 'x%' and b not ILIKE 'y'", want: "where a like 'x%' and b not LIKE 'y'"},
		{name: "true and false stay", in: "select true, false", want: "select true, false"},
		{name: "except as a set operator stays", in: "select a from t except select a from u", want: "select a from t except select a from u"},
		{name: "replace as a function stays", in: "select replace(a, 'x', 'y')", want: "select replace(a, 'x', 'y')"},
		{name: "concat, != and backticks stay", in: "select concat(a, b) from `t` where a != 1", want: "select concat(a, b) from `t` where a != 1"},
		{name: "a qualified column named like a refused function", in: "select t.pivot, t.qualify from t", want: "select t.pivot, t.qualify from t"},

		// nothing inside literals, quoted identifiers or comments changes
		{name: "strings left alone", in: "select 'a::int', 'it''s ilike now()', a", want: "select 'a::int', 'it''s ilike now()', a"},
		{name: "quoted identifiers left alone", in: `select "a::int", ` + "`qualify`" + `, [x::int]`, want: `select "a::int", ` + "`qualify`" + `, [x::int]`},
		{name: "comments left alone", in: "select a -- b::int qualify\n/* unnest(x) ::variant */ from t", want: "select a -- b::int qualify\n/* unnest(x) ::variant */ from t"},
		{name: "comment between operand and ::", in: "select a /* c */::int", want: "select CAST(a AS INTEGER) /* c */"},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Translate(tt.in)
			if err != nil {
				t.Fatalf("Translate(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Translate(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTranslateRefuses(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantLine int
		wantErr  string
	}{
		{name: "select * except without columns", in: "select * except (a) from t", wantLine: 1,
			wantErr: "SELECT * EXCEPT cannot be expanded: the columns of t are not known here (list the columns to keep)"},
		{name: "select t.* replace without columns", in: "select\n  t.* REPLACE (1 as a) from t", wantLine: 2,
			wantErr: "SELECT * REPLACE cannot be expanded: the columns of t are not known here (list the columns to keep)"},
		{name: "lateral flatten", in: "select f.value from t,\nlateral flatten(input => t.items) f", wantLine: 2,
			wantErr: "LATERAL FLATTEN is not supported by SQLite (join json_each(t.col) as a table-valued function: select ... from t, json_each(t.col))"},
		{name: "table(flatten())", in: "select * from t, table(flatten(t.items))", wantLine: 1,
			wantErr: "LATERAL FLATTEN is not supported by SQLite (join json_each(t.col) as a table-valued function: select ... from t, json_each(t.col))"},
		{name: "unnest", in: "select x from t, unnest(t.items) as x", wantLine: 1,
			wantErr: "UNNEST is not supported by SQLite (join json_each(x) as a table-valued function over a JSON array, or set the project's dialect to the warehouse the SQL is written for)"},
		{name: "struct call", in: "select struct(a, b)", wantLine: 1,
			wantErr: "STRUCT is not supported by SQLite (build JSON text with json_object('key', value), or set the project's dialect to the warehouse the SQL is written for)"},
		{name: "typed struct", in: "select STRUCT<a INT64>(1)", wantLine: 1,
			wantErr: "STRUCT is not supported by SQLite (build JSON text with json_object('key', value), or set the project's dialect to the warehouse the SQL is written for)"},
		{name: "array_agg", in: "select array_agg(a) from t", wantLine: 1,
			wantErr: "ARRAY_AGG is not supported by SQLite (use json_group_array(x) for a JSON array or group_concat(x, ',') for text)"},
		{name: "date_trunc", in: "select\n\n date_trunc('month', a)", wantLine: 3,
			wantErr: "DATE_TRUNC is not supported by SQLite (use date(x) for the day, strftime('%Y-%m-01', x) for the month, strftime('%Y-01-01', x) for the year)"},
		{name: "timestamp_diff", in: "select timestamp_diff(a, b, day)", wantLine: 1,
			wantErr: "TIMESTAMP_DIFF is not supported by SQLite (use julianday(b) - julianday(a) for days or unixepoch(b) - unixepoch(a) for seconds)"},
		{name: "datediff", in: "select datediff('day', a, b)", wantLine: 1,
			wantErr: "DATEDIFF is not supported by SQLite (use julianday(b) - julianday(a) for days or unixepoch(b) - unixepoch(a) for seconds)"},
		{name: "pivot", in: "select * from t pivot(sum(v) for k in ('a'))", wantLine: 1,
			wantErr: "PIVOT cannot be written here: the columns of t are not known here (read a table or a CTE whose columns are known, or write the query out: max(case when k = 'a' then v end) as a for PIVOT, a union all of one select per column for UNPIVOT)"},
		{name: "unpivot", in: "select * from t unpivot(v for k in (a, b))", wantLine: 1,
			wantErr: "UNPIVOT cannot be written here: the columns of t are not known here (read a table or a CTE whose columns are known, or write the query out: max(case when k = 'a' then v end) as a for PIVOT, a union all of one select per column for UNPIVOT)"},
		{name: "merge into", in: "merge into t using u on t.id = u.id", wantLine: 1,
			wantErr: "this form of MERGE INTO is not supported by SQLite (write MERGE INTO t USING s ON cond followed by WHEN MATCHED [AND c] THEN UPDATE SET col = s.col, ... | DELETE and WHEN NOT MATCHED [AND c] THEN INSERT (col, ...) VALUES (s.col, ...))"},
		{name: "cast to variant", in: "select\n payload::variant", wantLine: 2,
			wantErr: "cast to VARIANT is not supported by SQLite (SQLite has no semi-structured types: keep JSON as text and read it with json_extract(x, '$.field'))"},
		{name: "cast to object", in: "select cast(a as object)", wantLine: 1,
			wantErr: "cast to OBJECT is not supported by SQLite (SQLite has no semi-structured types: keep JSON as text and read it with json_extract(x, '$.field'))"},
		{name: "cast to array", in: "select a::array", wantLine: 1,
			wantErr: "array type array is not supported by SQLite (keep arrays as JSON text and read them with json_each(x))"},
		{name: "cast to int[]", in: "select a::int[]", wantLine: 1,
			wantErr: "array type int[] is not supported by SQLite (keep arrays as JSON text and read them with json_each(x))"},
		{name: "unknown type", in: "select a::\ngeometry", wantLine: 2,
			wantErr: `unknown type "geometry" in a cast (use a type SQLite knows: text, integer, real, blob (or string, bigint, float64, boolean, timestamp, date))`},
		{name: ":: without operand", in: "select ::int", wantLine: 1,
			wantErr: ":: has no operand on its left (write the cast as CAST(expr AS type))"},
		{name: ":: without type", in: "select a::", wantLine: 1,
			wantErr: ":: has no type after it (name the type, for example x::text)"},
		{name: "unterminated string", in: "select 'abc\nfrom t", wantLine: 1,
			wantErr: "unterminated string literal (close it with '; write '' for a quote inside)"},
		{name: "unterminated comment", in: "select a\n/* b", wantLine: 2,
			wantErr: "unterminated /* comment (close it with */)"},
		{name: "unterminated quoted identifier", in: "select `a", wantLine: 1,
			wantErr: "unterminated quoted identifier ` (close it with `)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Translate(tt.in)
			var d *diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("Translate(%q) = %q, %v; want a *diag.Diagnostic", tt.in, got, err)
			}
			if d.Error() != tt.wantErr || d.Line != tt.wantLine || d.File != "" || d.Severity != diag.Error {
				t.Errorf("Translate(%q) error = %+v\n got %q at line %d\nwant %q at line %d", tt.in, d, d.Error(), d.Line, tt.wantErr, tt.wantLine)
			}
		})
	}
}

// TestRulesListed keeps the exported lists in step with the code: every
// refusal hint is listed, and every translation has both sides.
func TestRulesListed(t *testing.T) {
	for _, r := range Translations {
		if r.From == "" || r.To == "" {
			t.Errorf("translation %+v has an empty side", r)
		}
	}
	for _, r := range Refusals {
		if r.From == "" || r.To == "" {
			t.Errorf("refusal %+v has an empty side", r)
		}
	}
}

func FuzzTranslate(f *testing.F) {
	for _, s := range []string{
		"select a::int, cast(b as string) from t -- c\n where x ilike 'y'",
		"select case when a then 1 end::text, f(x)::varchar(3)\n::int",
		"select 'a''b', \"c\"\"d\", `e`, [f] /* g\n */ from t",
		"select current_timestamp(), now(), (a)::date, cast(\na as date\n)",
		"select a :: numeric(10,\n2), x::timestamp with time zone",
		"select * except (a), r.x from t, unnest(t.arr) as r with offset o\nqualify row_number() over (partition by a) = 1",
		"select struct(1 as a, [2, 3] as b).a, arr[offset(0)], r'x\\y', \"s\" from t where a like 'x%' order by 1",
		"select x:a.b[0]::string, f.value from t, lateral flatten(input => t.v) f -- c\n",
		"select * exclude (a), count(distinct b) over (), 7 // 2 from (select 1) as s(a)",
		"select * from t pivot(sum(b) as s, count(*) for a in ('x' as y, 'z')) as p, u unpivot include nulls (v for k in (c as 'w'))",
		"select id, unnest(l) as x from t where id > 1",
		"select analytics.a.x from wh.analytics.a join analytics_s\n.b using (x); insert into `wh.analytics.t` select 1",
		"merge into t as d using (select 1 as id, 'x' as v) as s on (s.id = d.id) -- k\nwhen matched and s.v <> d.v then update set v = s.v\nwhen matched then delete when not matched by source then delete\nwhen not matched then insert (id, v) values (s.id, case when s.v = 'x' then 'y' end); select 1",
		"merge analytics.t using analytics.u on t.id = u.id when not matched then insert row; merge into t using u using (id) when matched then update when not matched then insert *",
		"insert into t (a, b) (\n select 1, 2\n); insert into t ((select 1) union all (select 2))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		for _, d := range Dialects[1:] {
			out, err := TranslateWith(sql, Options{Dialect: d, Schemas: NewSchemas("wh", "analytics", []string{"s"})})
			checkTranslated(t, sql, out, err)
		}
		out, err := Translate(sql)
		checkTranslated(t, sql, out, err)
	})
}

// checkTranslated fails unless err is diagnostics within the lines of sql,
// or out has the line breaks of sql.
func checkTranslated(t *testing.T, sql, out string, err error) {
	t.Helper()
	if err != nil {
		var d *diag.Diagnostic
		var list diag.List
		if errors.As(err, &d) {
			list = diag.List{d}
		} else if !errors.As(err, &list) {
			t.Fatalf("Translate(%q): error %v is not a diagnostic", sql, err)
		}
		for _, d := range list {
			if d.Line < 1 || d.Line > strings.Count(sql, "\n")+1 {
				t.Fatalf("Translate(%q): error %v is not a diagnostic within the input", sql, err)
			}
		}
		return
	}
	if got, want := strings.Count(out, "\n"), strings.Count(sql, "\n"); got != want {
		t.Fatalf("Translate(%q) = %q: %d line breaks, want %d", sql, out, got, want)
	}
}
