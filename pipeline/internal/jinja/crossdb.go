package jinja

import (
	"fmt"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// dbt's cross-database macros (dbt.datediff, dbt.type_string, ...), as
// dbt's adapters write them for the project's warehouse (target.type): the
// SQL a model gets is the warehouse's, which the dialect translator then
// turns into SQLite. With target.type sqlite they write SQLite directly.
// They are callable as dbt.name, as bare names (a project or package macro
// of the same name wins), and through adapter.dispatch(name, 'dbt'), which
// finds them as default__name.

// crossDBMacro is one macro: its parameters with defaults (nil: required)
// and the SQL it writes for a dialect.
type crossDBMacro struct {
	params []param
	sql    func(d string, a map[string]*exec.Value) (any, error)
}

type param struct {
	name string
	def  any // nil: required
}

func req(names ...string) []param {
	ps := make([]param, len(names))
	for i, n := range names {
		ps[i] = param{name: n}
	}
	return ps
}

// typeName is the type a warehouse's api.Column.translate_type gives a
// generic type name: BigQuery's labels, else the base adapter's (string is
// TEXT), else the name as given.
func typeName(d, generic string) string {
	labels := map[string]string{"STRING": "TEXT"}
	switch d {
	case "bigquery":
		labels = map[string]string{"TEXT": "STRING", "FLOAT": "FLOAT64", "INTEGER": "INT64"}
	case "sqlite":
		labels = map[string]string{"STRING": "TEXT", "INTEGER": "INTEGER", "FLOAT": "REAL", "BOOLEAN": "INTEGER", "TIMESTAMP": "TEXT"}
	}
	if t, ok := labels[strings.ToUpper(generic)]; ok {
		return t
	}
	return generic
}

func numericType(d string) string {
	switch d {
	case "bigquery":
		return "numeric"
	case "sqlite":
		return "REAL"
	}
	return "numeric(28,6)"
}

func typeMacro(generic string) crossDBMacro {
	return crossDBMacro{sql: func(d string, _ map[string]*exec.Value) (any, error) { return typeName(d, generic), nil }}
}

func s(v *exec.Value) string {
	if v == nil || v.IsNil() {
		return ""
	}
	return v.String()
}

// sqliteDateModifier is the SQLite date() modifier unit of a date part.
var sqliteUnits = map[string]string{"year": "years", "quarter": "months", "month": "months", "week": "days", "day": "days", "hour": "hours", "minute": "minutes", "second": "seconds"}

func datepart(v *exec.Value) string {
	return strings.ToLower(strings.Trim(s(v), `'"`))
}

func sqliteDateadd(part, interval, from string) (string, error) {
	unit, ok := sqliteUnits[part]
	if !ok {
		return "", fmt.Errorf("dateadd: date part %q is not one of year, quarter, month, week, day, hour, minute, second", part)
	}
	n := "(" + interval + ")"
	switch part {
	case "quarter":
		n = "3 * " + n
	case "week":
		n = "7 * " + n
	}
	return fmt.Sprintf("strftime('%%Y-%%m-%%d %%H:%%M:%%S', %s, (%s) || ' %s')", from, n, unit), nil
}

func sqliteDateTrunc(part, date string) (string, error) {
	switch part {
	case "year":
		return fmt.Sprintf("date(%s, 'start of year')", date), nil
	case "quarter":
		return fmt.Sprintf("date(%s, 'start of month', '-' || ((cast(strftime('%%m', %s) as integer) - 1) %% 3) || ' months')", date, date), nil
	case "month":
		return fmt.Sprintf("date(%s, 'start of month')", date), nil
	case "week":
		// dbt's default week starts on Monday (date_trunc('week', ...)).
		return fmt.Sprintf("date(%s, '-' || ((cast(strftime('%%w', %s) as integer) + 6) %% 7) || ' days')", date, date), nil
	case "day":
		return fmt.Sprintf("date(%s)", date), nil
	case "hour":
		return fmt.Sprintf("strftime('%%Y-%%m-%%d %%H:00:00', %s)", date), nil
	case "minute":
		return fmt.Sprintf("strftime('%%Y-%%m-%%d %%H:%%M:00', %s)", date), nil
	case "second":
		return fmt.Sprintf("strftime('%%Y-%%m-%%d %%H:%%M:%%S', %s)", date), nil
	}
	return "", fmt.Errorf("date_trunc: date part %q is not one of year, quarter, month, week, day, hour, minute, second", part)
}

// sqliteDatediff counts the part boundaries between two dates, as
// datediff does in the warehouses.
func sqliteDatediff(part, a, b string) (string, error) {
	switch part {
	case "year":
		return fmt.Sprintf("(cast(strftime('%%Y', %s) as integer) - cast(strftime('%%Y', %s) as integer))", b, a), nil
	case "quarter":
		return fmt.Sprintf("((cast(strftime('%%Y', %s) as integer) * 4 + (cast(strftime('%%m', %s) as integer) - 1) / 3) - (cast(strftime('%%Y', %s) as integer) * 4 + (cast(strftime('%%m', %s) as integer) - 1) / 3))", b, b, a, a), nil
	case "month":
		return fmt.Sprintf("((cast(strftime('%%Y', %s) as integer) * 12 + cast(strftime('%%m', %s) as integer)) - (cast(strftime('%%Y', %s) as integer) * 12 + cast(strftime('%%m', %s) as integer)))", b, b, a, a), nil
	case "week":
		ta, _ := sqliteDateTrunc("week", a)
		tb, _ := sqliteDateTrunc("week", b)
		return fmt.Sprintf("(cast(julianday(%s) - julianday(%s) as integer) / 7)", tb, ta), nil
	case "day":
		return fmt.Sprintf("cast(julianday(date(%s)) - julianday(date(%s)) as integer)", b, a), nil
	case "hour", "minute", "second":
		ta, _ := sqliteDateTrunc(part, a)
		tb, _ := sqliteDateTrunc(part, b)
		per := map[string]int{"hour": 24, "minute": 1440, "second": 86400}[part]
		return fmt.Sprintf("cast(round((julianday(%s) - julianday(%s)) * %d) as integer)", tb, ta, per), nil
	}
	return "", fmt.Errorf("datediff: date part %q is not one of year, quarter, month, week, day, hour, minute, second", part)
}

func (e *Env) crossDBMacros() map[string]crossDBMacro {
	m := map[string]crossDBMacro{
		"type_string":    typeMacro("string"),
		"type_timestamp": typeMacro("timestamp"),
		"type_float":     typeMacro("float"),
		"type_int":       typeMacro("integer"),
		"type_bigint":    typeMacro("bigint"),
		"type_boolean":   typeMacro("boolean"),
		"type_numeric": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			return numericType(d), nil
		}},
		"cast": {params: req("field", "type"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			return fmt.Sprintf("cast(%s as %s)", s(a["field"]), s(a["type"])), nil
		}},
		"safe_cast": {params: req("field", "type"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			f, t := s(a["field"]), s(a["type"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("safe_cast(%s as %s)", f, t), nil
			case "snowflake":
				if a["field"].IsNumber() {
					f = "'" + f + "'"
				}
				return fmt.Sprintf("try_cast(%s as %s)", f, t), nil
			case "duckdb":
				return fmt.Sprintf("try_cast(%s as %s)", f, t), nil
			}
			return fmt.Sprintf("cast(%s as %s)", f, t), nil
		}},
		"datediff": {params: req("first_date", "second_date", "datepart"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			first, second, part := s(a["first_date"]), s(a["second_date"]), datepart(a["datepart"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("datetime_diff(cast(%s as datetime), cast(%s as datetime), %s)", second, first, part), nil
			case "duckdb":
				return fmt.Sprintf("date_diff('%s', %s::timestamp, %s::timestamp)", part, first, second), nil
			case "sqlite":
				return sqliteDatediff(part, first, second)
			}
			return fmt.Sprintf("datediff(%s, %s, %s)", part, first, second), nil
		}},
		"dateadd": {params: req("datepart", "interval", "from_date_or_timestamp"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			part, n, from := datepart(a["datepart"]), s(a["interval"]), s(a["from_date_or_timestamp"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("datetime_add(cast(%s as datetime), interval %s %s)", from, n, part), nil
			case "duckdb":
				return fmt.Sprintf("date_add(%s, interval (%s) %s)", from, n, part), nil
			case "sqlite":
				return sqliteDateadd(part, n, from)
			}
			return fmt.Sprintf("dateadd(%s, %s, %s)", part, n, from), nil
		}},
		"date_trunc": {params: req("datepart", "date"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			part, date := datepart(a["datepart"]), s(a["date"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("timestamp_trunc(cast(%s as timestamp), %s)", date, part), nil
			case "sqlite":
				return sqliteDateTrunc(part, date)
			}
			return fmt.Sprintf("date_trunc('%s', %s)", part, date), nil
		}},
		"split_part": {params: req("string_text", "delimiter_text", "part_number"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			str, delim, n := s(a["string_text"]), s(a["delimiter_text"]), a["part_number"]
			if d == "bigquery" {
				if n.IsInteger() && n.Integer() < 0 {
					return fmt.Sprintf("split(%s, %s)[safe_offset(length(%s) - length(replace(%s, %s, '')) + 1 + %d)]", str, delim, str, str, delim, n.Integer()), nil
				}
				if n.IsInteger() {
					return fmt.Sprintf("split(%s, %s)[safe_offset(%d)]", str, delim, n.Integer()-1), nil
				}
				return fmt.Sprintf("split(%s, %s)[safe_offset(%s - 1)]", str, delim, s(n)), nil
			}
			if d == "sqlite" {
				// SQLite has no split_part; the engine's function of the
				// warehouses' meaning is split_part_at.
				return fmt.Sprintf("split_part_at(%s, %s, %s)", str, delim, s(n)), nil
			}
			return fmt.Sprintf("split_part(%s, %s, %s)", str, delim, s(n)), nil
		}},
		"concat": {params: req("fields"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			return strings.Join(stringList(a["fields"]), " || "), nil
		}},
		"hash": {params: req("field"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			h := fmt.Sprintf("md5(cast(%s as %s))", s(a["field"]), typeName(d, "string"))
			if d == "bigquery" {
				h = "to_hex(" + h + ")"
			}
			return h, nil
		}},
		"listagg": {params: []param{{name: "measure"}, {name: "delimiter_text", def: "','"}, {name: "order_by_clause", def: ""}, {name: "limit_num", def: ""}},
			sql: func(d string, a map[string]*exec.Value) (any, error) {
				m, delim, order, limit := s(a["measure"]), s(a["delimiter_text"]), s(a["order_by_clause"]), s(a["limit_num"])
				switch d {
				case "bigquery", "duckdb":
					out := fmt.Sprintf("string_agg(%s, %s", m, delim)
					if order != "" {
						out += " " + order
					}
					if limit != "" && d == "bigquery" {
						out += " limit " + limit
					}
					if limit != "" && d == "duckdb" {
						return nil, fmt.Errorf("listagg: limit_num is not supported for duckdb here")
					}
					return out + ")", nil
				case "sqlite":
					if limit != "" {
						return nil, fmt.Errorf("listagg: limit_num is not supported for sqlite")
					}
					if order != "" {
						return fmt.Sprintf("group_concat(%s, %s %s)", m, delim, order), nil
					}
					return fmt.Sprintf("group_concat(%s, %s)", m, delim), nil
				}
				if limit != "" {
					out := fmt.Sprintf("array_to_string(array_slice(array_agg(%s)", m)
					if order != "" {
						out += " within group (" + order + ")"
					}
					return out + fmt.Sprintf(", 0, %s), %s)", limit, delim), nil
				}
				out := fmt.Sprintf("listagg(%s, %s)", m, delim)
				if order != "" {
					out += " within group (" + order + ")"
				}
				return out, nil
			}},
		"any_value": {params: req("expression"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			if d == "sqlite" {
				return fmt.Sprintf("min(%s)", s(a["expression"])), nil
			}
			return fmt.Sprintf("any_value(%s)", s(a["expression"])), nil
		}},
		"bool_or": {params: req("expression"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			f := map[string]string{"bigquery": "logical_or", "snowflake": "boolor_agg", "sqlite": "max"}[d]
			if f == "" {
				f = "bool_or"
			}
			return fmt.Sprintf("%s(%s)", f, s(a["expression"])), nil
		}},
		"position": {params: req("substring_text", "string_text"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			sub, str := s(a["substring_text"]), s(a["string_text"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("strpos(%s, %s)", str, sub), nil
			case "sqlite":
				return fmt.Sprintf("instr(%s, %s)", str, sub), nil
			}
			return fmt.Sprintf("position(%s in %s)", sub, str), nil
		}},
		"length": {params: req("expression"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			return fmt.Sprintf("length(%s)", s(a["expression"])), nil
		}},
		"right": {params: req("string_text", "length_expression"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			str, n := s(a["string_text"]), s(a["length_expression"])
			switch d {
			case "bigquery", "sqlite":
				return fmt.Sprintf("case when %s = 0 then '' else substr(%s, -1 * (%s)) end", n, str, n), nil
			case "snowflake":
				return fmt.Sprintf("case when %s = 0 then '' else right(%s, %s) end", n, str, n), nil
			}
			return fmt.Sprintf("right(%s, %s)", str, n), nil
		}},
		"replace": {params: req("field", "old_chars", "new_chars"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			return fmt.Sprintf("replace(%s, %s, %s)", s(a["field"]), s(a["old_chars"]), s(a["new_chars"])), nil
		}},
		"escape_single_quotes": {params: req("expression"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			if d == "bigquery" || d == "snowflake" {
				return strings.ReplaceAll(s(a["expression"]), "'", `\'`), nil
			}
			return strings.ReplaceAll(s(a["expression"]), "'", "''"), nil
		}},
		"string_literal": {params: req("value"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			if d == "bigquery" {
				return "'''" + s(a["value"]) + "'''", nil
			}
			return "'" + s(a["value"]) + "'", nil
		}},
		"cast_bool_to_text": {params: req("field"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			return fmt.Sprintf("cast(%s as %s)", s(a["field"]), typeName(d, "string")), nil
		}},
		"array_construct": {params: []param{{name: "inputs", def: []any{}}, {name: "data_type", def: ""}}, sql: func(d string, a map[string]*exec.Value) (any, error) {
			in := stringList(a["inputs"])
			t := s(a["data_type"])
			if t == "" {
				t = typeName(d, "integer")
			}
			switch d {
			case "bigquery":
				if len(in) == 0 {
					return fmt.Sprintf("ARRAY<%s>[]", t), nil
				}
				return "[" + strings.Join(in, ", ") + "]", nil
			case "snowflake":
				return "array_construct(" + strings.Join(in, ", ") + ")", nil
			case "duckdb":
				return "[" + strings.Join(in, ", ") + "]", nil
			case "sqlite":
				return "json_array(" + strings.Join(in, ", ") + ")", nil
			}
			if len(in) == 0 {
				return fmt.Sprintf("array[]::%s[]", t), nil
			}
			return "array[" + strings.Join(in, ", ") + "]", nil
		}},
		"array_append": {params: req("array", "new_element"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			arr, el := s(a["array"]), s(a["new_element"])
			switch d {
			case "bigquery":
				return fmt.Sprintf("array_concat(%s, [%s])", arr, el), nil
			case "sqlite":
				return fmt.Sprintf("json_insert(%s, '$[#]', %s)", arr, el), nil
			}
			return fmt.Sprintf("array_append(%s, %s)", arr, el), nil
		}},
		"array_concat": {params: req("array_1", "array_2"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			a1, a2 := s(a["array_1"]), s(a["array_2"])
			switch d {
			case "bigquery", "duckdb":
				return fmt.Sprintf("array_concat(%s, %s)", a1, a2), nil
			case "sqlite":
				return fmt.Sprintf("(select json_group_array(value) from (select value from json_each(%s) union all select value from json_each(%s)))", a1, a2), nil
			}
			return fmt.Sprintf("array_cat(%s, %s)", a1, a2), nil
		}},
		"current_timestamp": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			switch d {
			case "bigquery":
				return "current_timestamp()", nil
			case "snowflake":
				return "convert_timezone('UTC', current_timestamp())", nil
			case "sqlite":
				return "strftime('%Y-%m-%d %H:%M:%S', 'now')", nil
			}
			return "now()", nil
		}},
		// current_timestamp_backcompat keeps what dbt_utils'
		// current_timestamp wrote before dbt took it over: a timestamp
		// without time zone (Snowflake: in the session's time zone).
		"current_timestamp_backcompat": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			switch d {
			case "bigquery":
				return "current_timestamp", nil
			case "sqlite":
				return "strftime('%Y-%m-%d %H:%M:%S', 'now')", nil
			}
			return "current_timestamp::" + typeName(d, "timestamp"), nil
		}},
		"current_timestamp_in_utc_backcompat": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			switch d {
			case "bigquery":
				return "current_timestamp", nil
			case "snowflake":
				return "convert_timezone('UTC', current_timestamp::timestamp)::timestamp", nil
			case "sqlite":
				return "strftime('%Y-%m-%d %H:%M:%S', 'now')", nil
			}
			return "current_timestamp::" + typeName(d, "timestamp"), nil
		}},
		// snapshot_get_time is the time a snapshot stamps its rows with.
		"snapshot_get_time": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			switch d {
			case "bigquery":
				return "current_timestamp()", nil
			case "snowflake":
				return "to_timestamp_ntz(convert_timezone('UTC', current_timestamp()))", nil
			case "sqlite":
				return "strftime('%Y-%m-%d %H:%M:%S', 'now')", nil
			}
			return "now()", nil
		}},
		"date": {params: req("year", "month", "day"), sql: func(d string, a map[string]*exec.Value) (any, error) {
			if d == "bigquery" {
				return fmt.Sprintf("date(%s, %s, %s)", s(a["year"]), s(a["month"]), s(a["day"])), nil
			}
			iso := fmt.Sprintf("%04d-%02d-%02d", a["year"].Integer(), a["month"].Integer(), a["day"].Integer())
			if d == "sqlite" {
				return fmt.Sprintf("date('%s')", iso), nil
			}
			return fmt.Sprintf("to_date('%s', 'YYYY-MM-DD')", iso), nil
		}},
		"except": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			if d == "bigquery" {
				return "except distinct", nil
			}
			return "except", nil
		}},
		"intersect": {sql: func(d string, _ map[string]*exec.Value) (any, error) {
			if d == "bigquery" {
				return "intersect distinct", nil
			}
			return "intersect", nil
		}},
	}
	m["last_day"] = crossDBMacro{params: req("date", "datepart"), sql: func(d string, a map[string]*exec.Value) (any, error) {
		part := datepart(a["datepart"])
		if d == "sqlite" {
			trunc, err := sqliteDateTrunc(part, s(a["date"]))
			if err != nil {
				return nil, err
			}
			next, err := sqliteDateadd(part, "1", trunc)
			if err != nil {
				return nil, err
			}
			return fmt.Sprintf("date(%s, '-1 days')", next), nil
		}
		trunc, _ := m["date_trunc"].sql(d, map[string]*exec.Value{"datepart": exec.AsValue(part), "date": a["date"]})
		next, _ := m["dateadd"].sql(d, map[string]*exec.Value{"datepart": exec.AsValue(part), "interval": exec.AsValue("1"), "from_date_or_timestamp": exec.AsValue(trunc)})
		prev, _ := m["dateadd"].sql(d, map[string]*exec.Value{"datepart": exec.AsValue("day"), "interval": exec.AsValue("-1"), "from_date_or_timestamp": exec.AsValue(next)})
		return fmt.Sprintf("cast(%s as date)", prev), nil
	}}
	return m
}

// installCrossDB publishes the macros as dbt.name, default__name in the dbt
// namespace (for adapter.dispatch), and bare names.
func (e *Env) installCrossDB() {
	ns := &namespaceValue{name: "dbt", members: map[string]any{}}
	for name, m := range e.crossDBMacros() {
		fn := e.crossDBFunc(name, m)
		ns.members[name] = fn
		ns.members["default__"+name] = fn
		e.globals.Set(name, fn)
	}
	e.globals.Set("dbt", ns)
}

func (e *Env) crossDBFunc(name string, m crossDBMacro) func(*exec.VarArgs) (*exec.Value, error) {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		if len(a.Args) > len(m.params) {
			return nil, e.fail(fmt.Sprintf("dbt.%s() takes %d arguments, got %d", name, len(m.params), len(a.Args)), "")
		}
		bound := map[string]*exec.Value{}
		for i, p := range m.params {
			v := arg(a, i, p.name)
			if v == nil || v.IsNil() && p.def != nil {
				if p.def == nil {
					names := make([]string, len(m.params))
					for i, p := range m.params {
						names[i] = p.name
					}
					return nil, e.fail(fmt.Sprintf("dbt.%s() is missing its argument %q", name, p.name),
						fmt.Sprintf("call dbt.%s(%s)", name, strings.Join(names, ", ")))
				}
				v = exec.AsValue(p.def)
			}
			bound[p.name] = v
		}
		for k := range a.KwArgs {
			if _, ok := bound[k]; !ok {
				return nil, e.fail(fmt.Sprintf("dbt.%s() has no argument %q", name, k), "")
			}
		}
		out, err := m.sql(e.targetType(), bound)
		if err != nil {
			return nil, e.fail(err.Error(), "")
		}
		return exec.AsValue(out), nil
	}
}
