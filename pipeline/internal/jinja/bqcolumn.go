package jinja

import (
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// bigQueryColumnAttr answers what dbt-bigquery's BigQueryColumn adds to a
// column, read from its type: mode is REPEATED for an ARRAY, else NULLABLE
// (tables a query or a load job creates have nullable columns); dtype is
// the ARRAY's element type, RECORD for a STRUCT; fields are a STRUCT's
// columns, each one a column, none for other types.
func bigQueryColumnAttr(c columnValue, name string) (*exec.Value, bool) {
	inner, repeated := strings.TrimSpace(c.Type), false
	if body, ok := typeArgs(inner, "ARRAY"); ok {
		inner, repeated = body, true
	}
	fields, isStruct := typeArgs(inner, "STRUCT")
	switch name {
	case "mode":
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
				n, t, _ := strings.Cut(strings.TrimSpace(f), " ")
				out = append(out, columnValue{Column: Column{Name: strings.Trim(n, "`"), Type: strings.TrimSpace(t)}, quote: c.quote, bigQuery: true})
			}
		}
		return exec.AsValue(&out), true
	}
	return nil, false
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
