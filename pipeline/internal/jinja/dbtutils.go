package jinja

import (
	"fmt"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// dbtUtils is the part of the dbt_utils package that nexus projects use,
// written for SQLite. The SQL keeps dbt_utils' shape so compiled models
// read the same.
func (e *Env) dbtUtils() *namespaceValue {
	text := func(name string, f func(*exec.VarArgs) (string, error)) func(*exec.VarArgs) (*exec.Value, error) {
		return e.dispatched(name, func(a *exec.VarArgs) (*exec.Value, error) {
			s, err := f(a)
			return exec.AsValue(s), err
		})
	}
	return &namespaceValue{name: "dbt_utils", members: map[string]any{
		"generate_surrogate_key": text("generate_surrogate_key", e.surrogateKey),
		"surrogate_key":          text("surrogate_key", e.surrogateKey),
		"union_relations":        text("union_relations", e.unionRelations),
		"get_column_values":      e.dispatched("get_column_values", e.getColumnValues),
		"star":                   text("star", e.star),
		// dbt_utils' own checks, which its macros (and packages built on
		// them, such as fivetran_utils' union_relations) call first
		"_is_relation": func(a *exec.VarArgs) (*exec.Value, error) {
			return exec.AsValue(""), e.isRelation(arg(a, 0, "obj"), argOr(a, 1, "macro").String())
		},
		"_is_ephemeral": func(a *exec.VarArgs) (*exec.Value, error) {
			rel, err := e.relationArg(a, 0, "obj", "dbt_utils._is_ephemeral()")
			if err == nil {
				err = e.notEphemeral(rel, argOr(a, 1, "macro").String())
			}
			return exec.AsValue(""), err
		},
	}}
}

// dispatched is a Go macro of dbt_utils that, as dbt_utils' own macros
// dispatch, first looks for a project's override: <adapter>__name or
// default__name in a package searched before dbt_utils (the root project,
// or the dispatch: search order for dbt_utils: spark_utils...).
func (e *Env) dispatched(name string, f func(*exec.VarArgs) (*exec.Value, error)) func(*exec.VarArgs) (*exec.Value, error) {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		typ := e.targetType()
		prefixes := append(append([]string{typ}, adapterParents[typ]...), "default")
		for _, pkg := range e.searchPackages("dbt_utils") {
			if pkg == "dbt_utils" {
				break
			}
			members := e.packageMacros(pkg)
			for _, prefix := range prefixes {
				if m, ok := members[prefix+"__"+name].(macroFn); ok {
					return m(a), nil
				}
			}
		}
		return f(a)
	}
}

// arg returns positional argument i or keyword name, or nil.
func arg(a *exec.VarArgs, i int, name string) *exec.Value {
	if i >= 0 && i < len(a.Args) {
		return a.Args[i]
	}
	if v, ok := a.KwArgs[name]; ok {
		return v
	}
	return nil
}

func stringList(v *exec.Value) []string {
	if v == nil || v.IsNil() {
		return nil
	}
	if v.IsString() {
		return []string{v.String()}
	}
	var out []string
	for i := 0; i < v.Len(); i++ {
		out = append(out, v.Index(i).String())
	}
	return out
}

// surrogateKey is dbt_utils.generate_surrogate_key(field_list): the hex md5
// of the fields cast to text, NULLs replaced by a marker, joined by '-'.
func (e *Env) surrogateKey(a *exec.VarArgs) (string, error) {
	fields := arg(a, 0, "field_list")
	if fields == nil || !fields.IsList() {
		return "", e.fail("dbt_utils.generate_surrogate_key() needs a list of fields", "write dbt_utils.generate_surrogate_key(['a', 'b'])")
	}
	null := "_dbt_utils_surrogate_key_null_"
	if e.cur != nil {
		if v, ok := e.cur.Vars["surrogate_key_treat_nulls_as_empty_strings"]; ok && v == true {
			null = ""
		}
	}
	// dbt.type_string() of the target: BigQuery has no type TEXT
	str := strings.ToLower(typeName(e.targetType(), "string"))
	parts := make([]string, 0, 2*fields.Len())
	for i, f := range stringList(fields) {
		if i > 0 {
			parts = append(parts, "'-'")
		}
		parts = append(parts, "coalesce(cast("+f+" as "+str+"), '"+null+"')")
	}
	key := "md5(cast(" + strings.Join(parts, " || ") + " as " + str + "))"
	if e.targetType() == "bigquery" {
		// BigQuery's md5 gives bytes; dbt's hash() hexes them, so the keys
		// are the same text on every warehouse.
		key = "to_hex(" + key + ")"
	}
	return key, nil
}

// unionRelations is dbt_utils.union_relations: a union all of the
// relations over the union of their columns in first-seen order; a column
// a relation lacks is a typed NULL; source_column_name names the relation
// each row comes from. While parsing (Execute false) it renders nothing.
func (e *Env) unionRelations(a *exec.VarArgs) (string, error) {
	relsArg := arg(a, 0, "relations")
	if relsArg == nil || !relsArg.IsList() {
		return "", e.fail("dbt_utils.union_relations() needs relations=[...]", "pass a list of ref() or source() relations")
	}
	exclude := lowerSet(stringList(arg(a, 1, "exclude")))
	include := lowerSet(stringList(arg(a, 2, "include")))
	overrides := map[string]string{}
	if v := arg(a, 3, "column_override"); v != nil && v.IsDict() {
		for _, p := range dictEntries(v) {
			overrides[p.Key.String()] = p.Value.String()
		}
	}
	sourceCol := "_dbt_source_relation"
	if v := arg(a, 4, "source_column_name"); v != nil && !v.IsNil() {
		sourceCol = v.String()
	}
	where := ""
	if v := arg(a, 5, "where"); v != nil && !v.IsNil() {
		where = v.String()
	}
	if len(exclude) > 0 && len(include) > 0 {
		return "", e.fail("dbt_utils.union_relations() takes either include or exclude, not both", "")
	}

	rels := make([]Relation, 0, relsArg.Len())
	labels := make([]string, 0, relsArg.Len()) // each relation as the warehouse prints it
	for i := 0; i < relsArg.Len(); i++ {
		r, err := e.toRelation(relsArg.Index(i), "dbt_utils.union_relations()")
		if err == nil {
			err = e.notEphemeral(r, "union_relations")
		}
		if err != nil {
			return "", err
		}
		rels = append(rels, r)
		labels = append(labels, e.warehouseName(relsArg.Index(i), r))
	}
	if e.cur == nil || !e.cur.Execute {
		return "", nil
	}

	var order []string                             // union of columns, first seen first
	types := map[string]string{}                   // lower-case name -> type
	names := map[string]string{}                   // lower-case name -> name as first seen
	perRel := make([]map[string]string, len(rels)) // lower-case name -> the relation's type
	for i, r := range rels {
		cols, err := e.columns(r)
		if err != nil {
			return "", err
		}
		perRel[i] = map[string]string{}
		for _, c := range cols {
			k := strings.ToLower(c.Name)
			if exclude[k] || (len(include) > 0 && !include[k]) {
				continue
			}
			perRel[i][k] = c.Type
			if _, seen := names[k]; !seen {
				names[k] = c.Name
				types[k] = c.Type
				order = append(order, k)
			}
		}
	}
	var b strings.Builder
	for i := range rels {
		if i > 0 {
			b.WriteString("\n\nunion all\n\n")
		}
		b.WriteString("select\n    '" + strings.ReplaceAll(labels[i], "'", "''") + "' as " + sourceCol)
		for _, k := range order {
			b.WriteString(",\n    ")
			col := e.quote(names[k])
			if own, ok := perRel[i][k]; ok {
				if t, ok := overrides[names[k]]; ok {
					b.WriteString("cast(" + col + " as " + t + ") as " + col)
				} else if t := types[k]; own != "" && t != "" && !sameColumnType(own, t) && e.targetType() != "sqlite" {
					// dbt_utils casts each column to the type of the
					// relation that has it first: another type is converted
					// (SQLite's own types are affinities, not types to cast to)
					b.WriteString("cast(" + col + " as " + t + ") as " + col)
				} else {
					b.WriteString(col)
				}
				continue
			}
			t := types[k]
			if o, ok := overrides[names[k]]; ok {
				t = o
			}
			if t == "" {
				b.WriteString("null as " + col)
			} else {
				b.WriteString("cast(null as " + t + ") as " + col)
			}
		}
		b.WriteString("\nfrom " + labels[i]) // as dbt writes it; the translator reads it back
		if where != "" {
			b.WriteString("\nwhere " + where)
		}
	}
	return b.String(), nil
}

// warehouseName is a relation as dbt prints it on the target's warehouse,
// its database, schema and identifier ("dev"."main"."orders" in DuckDB,
// DB.SCHEMA.ORDERS in Snowflake, `project`.`dataset`.`orders` in
// BigQuery), which dbt_utils.union_relations writes as each row's source:
// models split it on its dots. It prints as the relation prints itself
// (relValue.String) under the target's type; a SQLite project's, and an
// ephemeral model's CTE, as the playground names it.
func (e *Env) warehouseName(v *exec.Value, r Relation) string {
	rv, ok := v.Interface().(relValue)
	typ := e.targetType()
	if !ok || typ == "" || typ == "sqlite" || rv.isCTE() {
		return r.String()
	}
	rv.warehouse = typ // a relation made outside a node knows no target
	return rv.String()
}

// sameColumnType tells whether column types a and b, as
// get_columns_in_relation names them, are one type, string types of any
// length counting as one (dbt_utils widens a string to the longest).
func sameColumnType(a, b string) bool {
	isString := func(t string) bool {
		t = strings.ToUpper(t)
		return t == "STRING" || t == "TEXT" || strings.HasPrefix(t, "VARCHAR") || strings.HasPrefix(t, "CHARACTER VARYING") || strings.HasPrefix(t, "STRING(")
	}
	return strings.EqualFold(a, b) || isString(a) && isString(b)
}

func lowerSet(l []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range l {
		m[strings.ToLower(s)] = true
	}
	return m
}

// getColumnValues is dbt_utils.get_column_values(table, column,
// order_by='count(*) desc', max_records=none, default=none, where=none):
// the distinct values of a column, as a list. While parsing it returns the
// default (an empty list when none is given).
func (e *Env) getColumnValues(a *exec.VarArgs) (*exec.Value, error) {
	rel, err := e.relationArg(a, 0, "table", "dbt_utils.get_column_values()")
	if err == nil {
		err = e.notEphemeral(rel, "get_column_values")
	}
	if err != nil {
		return nil, err
	}
	column := arg(a, 1, "column")
	if column == nil {
		return nil, e.fail("dbt_utils.get_column_values() needs a column", "")
	}
	orderBy := "count(*) desc"
	if v := arg(a, 2, "order_by"); v != nil && !v.IsNil() {
		orderBy = v.String()
	}
	def := arg(a, 4, "default")
	if e.cur == nil || !e.cur.Execute {
		if def == nil || def.IsNil() {
			return exec.AsValue(&[]any{}), nil
		}
		return def, nil
	}
	sql := "select " + column.String() + " as value\nfrom " + rel.String()
	if v := arg(a, 5, "where"); v != nil && !v.IsNil() {
		sql += "\nwhere " + v.String()
	}
	sql += "\ngroup by " + column.String() + "\norder by " + orderBy
	if v := arg(a, 3, "max_records"); v != nil && !v.IsNil() {
		sql += fmt.Sprintf("\nlimit %d", v.Integer())
	}
	rows, err := e.query(sql)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(rows.Rows))
	for _, r := range rows.Rows {
		if len(r) > 0 {
			out = append(out, toJinja(sqlValue(r[0])))
		}
	}
	return exec.AsValue(&out), nil
}

// star is dbt_utils.star(from, except=[], relation_alias=none, prefix=”,
// suffix=”, quote_identifiers=True): the relation's columns as a select
// list. While parsing it
// renders *, as dbt_utils does.
func (e *Env) star(a *exec.VarArgs) (string, error) {
	rel, err := e.relationArg(a, 0, "from", "dbt_utils.star()")
	if err == nil {
		err = e.notEphemeral(rel, "star")
	}
	if err != nil {
		return "", err
	}
	except := lowerSet(stringList(arg(a, 1, "except")))
	alias := ""
	if v := arg(a, 2, "relation_alias"); v != nil && !v.IsNil() && v.String() != "" {
		alias = v.String() + "."
	}
	prefix, suffix := "", ""
	if v := arg(a, 3, "prefix"); v != nil {
		prefix = v.String()
	}
	if v := arg(a, 4, "suffix"); v != nil {
		suffix = v.String()
	}
	quote := e.quote
	if v := arg(a, 5, "quote_identifiers"); v != nil && !v.IsNil() && !v.IsTrue() {
		quote = func(s string) string { return s }
	}
	if e.cur == nil || !e.cur.Execute {
		return "*", nil
	}
	cols, err := e.columns(rel)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, c := range cols {
		if except[strings.ToLower(c.Name)] {
			continue
		}
		p := alias + quote(c.Name)
		if prefix != "" || suffix != "" {
			p += " as " + quote(prefix+c.Name+suffix)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "*", nil
	}
	return strings.Join(parts, ",\n  "), nil
}

// isRelation is dbt_utils' _is_relation: a relation (ref, source, this,
// api.Relation.create, adapter.get_relation) passes; anything else, a
// relation's name as text included, fails with dbt_utils' message.
func (e *Env) isRelation(v *exec.Value, macro string) error {
	if v != nil {
		switch v.Interface().(type) {
		case relValue, Relation:
			return nil
		}
	}
	got := "None"
	if v != nil && !v.IsNil() {
		got = v.String()
	}
	return e.fail(fmt.Sprintf("Macro %s expected a Relation but received the value: %s", macro, got),
		"pass ref('model'), source('src', 'table') or a relation from adapter.get_relation")
}
