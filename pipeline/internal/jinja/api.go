package jinja

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// api is dbt's `api` object: api.Column builds and names column types as
// the project's warehouse does (api.Column.create('id', 'integer'),
// translate_type, numeric_type, string_type).
func (e *Env) api() attrs {
	return attrs{"Relation": attrs{
		// create(database, schema, identifier) names a relation; the
		// database is the one SQLite file, so only schema and identifier
		// say which table it is, the schema as dbt names it (this.schema)
		// or as built here. The relation answers and prints the names
		// given, as dbt's, which the translator reads back.
		"create": func(a *exec.VarArgs) relValue {
			database, schema, name := arg(a, 0, "database"), arg(a, 1, "schema"), arg(a, 2, "identifier")
			rel := Relation{Schema: "main"}
			if schema != nil && !schema.IsNil() {
				rel.Schema = e.sqliteSchema(schema.String())
			}
			if name != nil && !name.IsNil() {
				rel.Name = name.String()
			}
			v := e.nodeRel(rel)
			if schema != nil && !schema.IsNil() && v.schema != "" {
				v.schema = schema.String()
			}
			if database == nil || database.IsNil() {
				v.unprinted = true // dbt prints the parts given
			} else if v.database != "" {
				v.database = database.String()
			}
			if typ := arg(a, 3, "type"); typ != nil && !typ.IsNil() {
				v.typ = typ.String() // table, view ... as given
			}
			return v
		},
		// add_ephemeral_prefix(name) is the name dbt gives an ephemeral
		// model's CTE
		"add_ephemeral_prefix": func(a *exec.VarArgs) string { return ephemeralPrefix + argString(a, 0) },
	}, "Column": e.columnClass()}
}

// columnClass is api.Column: called as api.Column('id', 'integer'), as
// Python builds an object from its class, or through its class methods.
// Called with nil arguments it returns its Env, which GetAttribute needs
// (a function type cannot hold a field), as configFn does.
type columnClass func(a *exec.VarArgs) (*exec.Value, error)

func (e *Env) columnClass() columnClass {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		if a == nil {
			return exec.AsValue(e), nil
		}
		return e.newColumn(a, "api.Column")
	}
}

func (c columnClass) GetAttribute(name string) (*exec.Value, bool) {
	v, _ := c(nil)
	e := v.Interface().(*Env)
	m, ok := e.columnMethods()[name]
	if !ok {
		return exec.AsValue(nil), false
	}
	return exec.AsValue(m), true
}

func (e *Env) newColumn(a *exec.VarArgs, fn string) (*exec.Value, error) {
	name, dtype := arg(a, 0, "name"), arg(a, 1, "label_or_dtype")
	if dtype == nil {
		dtype = arg(a, 1, "dtype")
	}
	if name == nil || dtype == nil {
		return nil, e.fail(fn+"() needs a name and a data type", "write "+fn+"('id', 'integer')")
	}
	c := columnValue{Column: Column{Name: name.String(), Type: dtype.String()}, quote: e.quote, bigQuery: e.targetType() == "bigquery", snowflake: e.targetType() == "snowflake"}
	if c.bigQuery {
		// BigQueryColumn(column, dtype, fields=None, mode='NULLABLE');
		// Column.create translates the type label (integer is INT64)
		if fn == "api.Column.create" {
			c.Type = typeName("bigquery", c.Type)
		} else if m := arg(a, 3, "mode"); m != nil && !m.IsNil() {
			c.mode = m.String()
		}
	}
	return exec.AsValue(c), nil
}

func (e *Env) columnMethods() attrs {
	return attrs{
		"create":         func(a *exec.VarArgs) (*exec.Value, error) { return e.newColumn(a, "api.Column.create") },
		"translate_type": func(a *exec.VarArgs) string { return typeName(e.targetType(), argString(a, 0)) },
		"numeric_type": func(a *exec.VarArgs) string {
			dtype := argString(a, 0)
			p, s := arg(a, 1, "precision"), arg(a, 2, "scale")
			if e.targetType() == "bigquery" || p == nil || s == nil || p.IsNil() || s.IsNil() {
				return dtype
			}
			return fmt.Sprintf("%s(%s,%s)", dtype, p.String(), s.String())
		},
		"string_type": func(a *exec.VarArgs) string {
			if e.targetType() == "bigquery" {
				return "string"
			}
			return fmt.Sprintf("character varying(%s)", argString(a, 0))
		},
	}
}

// columnAttr answers the attributes dbt's Column objects have beyond name
// and data_type: the type tests and the quoted name.
func columnAttr(c Column, name string) (*exec.Value, bool) {
	t := strings.ToLower(c.Type)
	switch name {
	case "is_string":
		return exec.AsValue(func(*exec.VarArgs) bool {
			return strings.Contains(t, "char") || strings.Contains(t, "text") || strings.Contains(t, "string")
		}), true
	case "is_number", "is_numeric":
		return exec.AsValue(func(*exec.VarArgs) bool {
			for _, k := range []string{"int", "real", "float", "double", "numeric", "decimal", "number"} {
				if strings.Contains(t, k) {
					return true
				}
			}
			return false
		}), true
	case "string_size":
		// dbt's: the size of a string column's type, 256 for text or a
		// type without one
		return exec.AsValue(func(*exec.VarArgs) (int, error) {
			if !(strings.Contains(t, "char") || strings.Contains(t, "text") || strings.Contains(t, "string")) {
				return 0, fmt.Errorf("Called string_size() on non-string field!")
			}
			if open, rest, ok := strings.Cut(t, "("); ok && t != "text" && !strings.HasPrefix(open, "text") {
				if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(rest, ")"))); err == nil {
					return n, nil
				}
			}
			return 256, nil
		}), true
	case "is_integer":
		return exec.AsValue(func(*exec.VarArgs) bool { return strings.Contains(t, "int") }), true
	case "is_float":
		return exec.AsValue(func(*exec.VarArgs) bool {
			return strings.Contains(t, "real") || strings.Contains(t, "float") || strings.Contains(t, "double")
		}), true
	}
	return nil, false
}
