package jinja

import (
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// bigQueryColumnAttr answers what dbt-bigquery's BigQueryColumn adds to a
// column. A column of a relation's schema reads it from its type: mode is
// REPEATED for an ARRAY, else NULLABLE (tables a query or a load job
// creates have nullable columns); dtype is the ARRAY's element type,
// RECORD for a STRUCT; fields are a STRUCT's columns, each one a column,
// none for other types. A column api.Column makes keeps the dtype given
// (api.Column('s', 'ARRAY<INT64>') has dtype ARRAY<INT64>, so is_integer()
// is false), its mode is the one given, NULLABLE by default, and it has no
// fields, as BigQueryColumn(column, dtype, fields=None, mode='NULLABLE').
func bigQueryColumnAttr(c columnValue, name string) (*exec.Value, bool) {
	inner, repeated := strings.TrimSpace(c.Type), false
	fields, isStruct := "", false
	if c.schema {
		if body, ok := typeArgs(inner, "ARRAY"); ok {
			inner, repeated = body, true
		}
		fields, isStruct = typeArgs(inner, "STRUCT")
	} else {
		inner, repeated = c.Type, strings.EqualFold(c.mode, "REPEATED")
	}
	switch name {
	case "mode":
		if !c.schema && c.mode != "" {
			return exec.AsValue(c.mode), true
		}
		if repeated {
			return exec.AsValue("REPEATED"), true
		}
		return exec.AsValue("NULLABLE"), true
	case "dtype":
		if isStruct {
			return exec.AsValue("RECORD"), true
		}
		return exec.AsValue(inner), true
	case "fields":
		out := []any{}
		if isStruct {
			for _, f := range splitTopLevel(fields) {
				n, t, named := strings.Cut(strings.TrimSpace(f), " ")
				if !named {
					n, t = "", n // an anonymous field: its type alone
				}
				out = append(out, columnValue{Column: Column{Name: strings.Trim(n, "`"), Type: strings.TrimSpace(t)}, quote: c.quote, bigQuery: true, schema: c.schema})
			}
		}
		return exec.AsValue(&out), true
	case "data_type":
		return exec.AsValue(bigQueryDataType(c)), true
	case "flatten":
		// the leaf fields, named by their path (analytics.source), each
		// with its own type and mode
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			out := []any{}
			var walk func(col columnValue, prefix string)
			walk = func(col columnValue, prefix string) {
				name := col.Name
				if prefix != "" {
					name = prefix + "." + name
				}
				fields := bigQueryFields(col)
				if len(fields) == 0 {
					col.Name = name
					out = append(out, col)
					return
				}
				for _, f := range fields {
					walk(f, name)
				}
			}
			walk(c, "")
			return exec.AsValue(&out)
		}), true
	case "literal":
		return exec.AsValue(func(a *exec.VarArgs) string {
			v := ""
			if len(a.Args) > 0 {
				v = a.Args[0].String()
			}
			dtype, _ := bigQueryColumnAttr(c, "dtype")
			return "cast(" + v + " as " + dtype.String() + ")"
		}), true
	case "is_string", "is_integer", "is_numeric", "is_float", "is_number":
		// dbt-bigquery's: by the dtype (an ARRAY's element type)
		dtype, _ := bigQueryColumnAttr(c, "dtype")
		t := strings.ToLower(dtype.String())
		is := map[string]bool{"is_string": t == "string", "is_integer": t == "int64", "is_numeric": t == "numeric", "is_float": t == "float64",
			"is_number": t == "int64" || t == "numeric" || t == "float64"}[name]
		return exec.AsValue(func(*exec.VarArgs) bool { return is }), true
	}
	return nil, false
}

// bigQueryFields are the fields of a STRUCT column (or ARRAY of STRUCTs).
func bigQueryFields(c columnValue) []columnValue {
	v, _ := bigQueryColumnAttr(c, "fields")
	var out []columnValue
	if list, ok := v.Interface().(*[]any); ok {
		for _, f := range *list {
			out = append(out, f.(columnValue))
		}
	}
	return out
}

// bigQueryDataType is dbt-bigquery's data_type of a column: a RECORD's
// STRUCT<`name` type, ...> of its fields, quoted, in ARRAY<...> when
// REPEATED; else the dtype.
func bigQueryDataType(c columnValue) string {
	dtype, _ := bigQueryColumnAttr(c, "dtype")
	mode, _ := bigQueryColumnAttr(c, "mode")
	typ := dtype.String()
	if strings.EqualFold(typ, "RECORD") {
		var parts []string
		for _, f := range bigQueryFields(c) {
			parts = append(parts, "`"+f.Name+"` "+bigQueryDataType(f))
		}
		typ = "STRUCT<" + strings.Join(parts, ", ") + ">"
	}
	if mode.String() == "REPEATED" {
		return "ARRAY<" + typ + ">"
	}
	return typ
}

// typeArgs is the text inside KIND<...> when t is one, any case.
func typeArgs(t, kind string) (string, bool) {
	if len(t) > len(kind)+1 && strings.EqualFold(t[:len(kind)], kind) && t[len(kind)] == '<' && strings.HasSuffix(t, ">") {
		return t[len(kind)+1 : len(t)-1], true
	}
	return "", false
}

// splitTopLevel splits a STRUCT's fields at the commas outside <> and ().
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}
