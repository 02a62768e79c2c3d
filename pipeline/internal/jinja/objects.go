package jinja

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// relValue is a Relation inside a template: it prints as schema.name and has
// dbt's attributes. schema, database and identifier, when set, are the
// names dbt gives a node's relation (nodeRel) or a source's table, which
// the SQLite relation it prints need not be.
type relValue struct {
	Relation
	schema, database, identifier string
	// typ is dbt's relation type (table, view) when known: given by
	// incorporate(type=...); dbt's ref() and this have none.
	typ string
	// warehouse is the target's type (bigquery, snowflake), which says how
	// information_schema() names its views.
	warehouse string
	// parsing is set for a ref() made while dbt parses (execute false),
	// which is no CTE
	parsing bool
	// noSchema and noDatabase are set by incorporate(path={"schema": none}):
	// the relation is named by its identifier alone (a temporary table)
	// and that part is none
	noSchema, noDatabase bool
	// unprinted is set by include(database=false) and for a relation
	// created without a database: it prints without its database, which
	// it still answers
	unprinted bool
}

// NamedRelation is relation r as a template sees it, with the names dbt
// gives it (database, schema, identifier) on a target of type typ, which
// it prints as dbt prints them there.
func NamedRelation(r Relation, typ, database, schema, identifier string) any {
	return relValue{Relation: r, warehouse: typ, database: database, schema: schema, identifier: identifier}
}

// String prints the relation as dbt prints it on the target's warehouse,
// its database, schema and identifier ("dev"."main"."orders" in DuckDB,
// `project`.`dataset`.`orders` in BigQuery, DB.SCHEMA.ORDERS in
// Snowflake), which the translator reads back as the table built here, so
// '{{ this }}' in a string holds what the warehouse's would. A SQLite
// project's relation, an ephemeral model's CTE and a relation without a
// schema or identifier print as the playground names them.
func (r relValue) String() string {
	if r.Filter != "" && !r.parsing {
		return "(select * from " + r.unfiltered() + " where " + r.Filter + ")"
	}
	return r.unfiltered()
}

// unfiltered prints the relation itself, without a batch's filter.
func (r relValue) unfiltered() string {
	switch r.warehouse {
	case "duckdb", "bigquery", "snowflake":
	default:
		return r.Relation.String()
	}
	if r.Schema == "" || r.Name == "" || r.noSchema || r.isCTE() && !r.parsing {
		return r.Relation.String()
	}
	schema, _ := r.GetAttribute("schema")
	ident, _ := r.GetAttribute("identifier")
	db := ""
	if !r.noDatabase && !r.unprinted {
		db = cmp.Or(r.database, "main")
	}
	return RelationName(r.warehouse, db, schema.String(), ident.String())
}

func (r relValue) GetAttribute(name string) (*exec.Value, bool) {
	cte := r.isCTE() && !r.parsing
	switch name {
	case "schema", "database":
		if cte {
			return noneValue(), true
		}
	case "is_cte":
		return exec.AsValue(cte), true
	case "type":
		if cte {
			return exec.AsValue("cte"), true
		}
		if r.typ == "" {
			return noneValue(), true
		}
		return exec.AsValue(r.typ), true
	}
	switch name {
	case "schema":
		if r.noSchema {
			return noneValue(), true
		}
		if r.schema != "" {
			return exec.AsValue(r.schema), true
		}
		return exec.AsValue(r.Schema), true
	case "name", "identifier", "table":
		if r.identifier != "" {
			return exec.AsValue(r.identifier), true
		}
		return exec.AsValue(r.Name), true
	case "database":
		if r.noDatabase {
			return noneValue(), true
		}
		if r.database != "" {
			return exec.AsValue(r.database), true
		}
		return exec.AsValue("main"), true
	case "render":
		// a microbatch model's way to read the whole relation
		return exec.AsValue(func(*exec.VarArgs) *exec.Value { return exec.AsValue(r.unfiltered()) }), true
	case "is_table":
		if r.typ != "" {
			return exec.AsValue(r.typ == "table"), true
		}
		return exec.AsValue(!cte), true
	case "is_view":
		return exec.AsValue(r.typ == "view"), true
	case "get":
		return exec.AsValue(r.get), true
	case "incorporate":
		return exec.AsValue(r.incorporate), true
	case "include":
		return exec.AsValue(r.include), true
	case "information_schema":
		return exec.AsValue(r.informationSchema), true
	}
	return exec.AsValue(nil), false
}

// incorporate is dbt's relation.incorporate(path=..., type=...): a copy
// with the names of path (database, schema, identifier) and the type
// given. A schema other than the relation's would need the SQLite schema
// dbt's name stands for, which only api.Relation.create looks up.
func (r relValue) incorporate(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) > 0 {
		return nil, fmt.Errorf("incorporate() takes keyword arguments only (path=..., type=...)")
	}
	out := r
	for k, v := range a.KwArgs {
		switch k {
		case "type":
			out.typ = ""
			if !v.IsNil() {
				out.typ = v.String()
			}
		case "path":
			if v.IsNil() {
				continue
			}
			for _, p := range dictEntries(v) {
				if p.Value.IsNil() {
					switch p.Key.String() {
					case "schema":
						out.noSchema, out.Schema, out.schema = true, "", ""
					case "database":
						out.noDatabase, out.database = true, ""
					}
					continue
				}
				val := p.Value.String()
				switch p.Key.String() {
				case "database":
					out.database = val
				case "identifier":
					out.identifier, out.Name = "", val
				case "schema":
					if cur, _ := r.GetAttribute("schema"); val != cur.String() {
						return nil, fmt.Errorf("incorporate(path={'schema': '%s'}) moves %s to another schema, which is not supported here; name it with api.Relation.create(schema=..., identifier=...)", val, r.String())
					}
				}
				// dbt reads path into its Path of database, schema and
				// identifier, and drops any other key (elementary passes
				// "table" beside them)
			}
		default:
			// quote_policy, include_policy and the like change how dbt
			// prints the name, which the playground prints its own way
			return nil, fmt.Errorf("incorporate(%s=...) is not supported here; it takes path and type", k)
		}
	}
	return exec.AsValue(out), nil
}

// include is dbt's relation.include(database=, schema=, identifier=): a
// copy that prints only the parts left true (a temporary table is named by
// its identifier alone), and keeps answering every attribute. The
// playground never prints the database.
func (r relValue) include(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) > 0 {
		return nil, fmt.Errorf("include() takes keyword arguments only (database=..., schema=..., identifier=...)")
	}
	out := r
	for k, v := range a.KwArgs {
		if k != "database" && k != "schema" && k != "identifier" {
			return nil, fmt.Errorf("include() takes database, schema and identifier, not %q", k)
		}
		if v.IsTrue() {
			continue
		}
		switch k {
		case "database":
			out.unprinted = true
		case "schema":
			if out.schema == "" {
				s, _ := r.GetAttribute("schema")
				out.schema = s.String()
			}
			out.Schema = ""
		case "identifier":
			if out.identifier == "" {
				out.identifier = r.Name
			}
			out.Name = ""
		}
	}
	return exec.AsValue(out), nil
}

// get is relation.get(key[, default]): dbt's relations are mappings whose
// metadata names their class, which packages check
// (obj.get('metadata', {}).get('type', ”).endswith('Relation')); other
// keys are the relation's attributes.
func (r relValue) get(a *exec.VarArgs) *exec.Value {
	if len(a.Args) == 0 {
		return noneValue()
	}
	key := a.Args[0].String()
	if key == "metadata" {
		return exec.AsValue(map[string]any{"type": "BaseRelation"})
	}
	if key != "get" {
		if v, ok := r.GetAttribute(key); ok {
			return v
		}
	}
	if len(a.Args) > 1 {
		return a.Args[1]
	}
	return noneValue()
}

// columnValue is one column as adapter.get_columns_in_relation returns it.
type columnValue struct {
	Column
	quote    func(string) string
	bigQuery bool // a BigQuery column: dbt-bigquery's BigQueryColumn
	// snowflake: a Snowflake column, dbt-snowflake's SnowflakeColumn
	// (snowflake_column.go)
	snowflake bool
	// schema is set for a column of a relation's schema (not one
	// api.Column made of a type as written): dbt-bigquery writes its
	// data_type from its dtype, mode and fields
	schema bool
	// mode is the mode api.Column was given on BigQuery (REPEATED), ""
	// for none
	mode string
}

func (c columnValue) GetAttribute(name string) (*exec.Value, bool) {
	if c.bigQuery {
		if v, ok := bigQueryColumnAttr(c, name); ok {
			return v, true
		}
	}
	if c.snowflake {
		if v, ok := snowflakeColumnAttr(c.Column, name); ok {
			return v, true
		}
	}
	switch name {
	case "name", "column":
		return exec.AsValue(c.Name), true
	case "data_type", "dtype":
		return exec.AsValue(c.Type), true
	case "quoted":
		return exec.AsValue(c.quote(c.Name)), true
	}
	return columnAttr(c.Column, name)
}

func (c columnValue) String() string { return c.Name }

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// quote quotes an identifier as the project's warehouse does: BigQuery
// reads "x" as a string and quotes names with backticks, the others with
// double quotes. SQL the engine writes for a model goes through that
// warehouse's translator, so it must be quoted the warehouse's way.
func (e *Env) quote(s string) string {
	if e.targetType() == "bigquery" {
		return "`" + strings.ReplaceAll(s, "`", "\\`") + "`"
	}
	return quoteIdent(s)
}

// RelationName is a relation's full name as the target's adapter renders
// it (a node's relation_name in dbt's graph): BigQuery quotes each part
// with backticks, Snowflake quotes none (dbt's default quoting there), the
// others quote each part with double quotes; dbt-sqlite leaves the
// database out and quotes the identifier only.
func RelationName(targetType, database, schema, identifier string) string {
	parts := []string{database, schema, identifier}
	if database == "" {
		parts = parts[1:]
	}
	switch targetType {
	case "snowflake":
		return strings.Join(parts, ".")
	case "sqlite":
		return schema + "." + quoteIdent(identifier)
	}
	for i, p := range parts {
		if targetType == "bigquery" {
			parts[i] = "`" + strings.ReplaceAll(p, "`", "\\`") + "`"
		} else {
			parts[i] = quoteIdent(p)
		}
	}
	return strings.Join(parts, ".")
}

// table is run_query's answer, shaped like dbt's agate table: iterating it
// yields rows, `|length` counts them, and it has .columns and .rows.
type table []row

// row is one row of a table, its values in order as agate's Row holds
// them: iterating it, |join and |length see the values; r[i], r['col']
// and r.col read one. Its column names ride in its spare capacity, one
// element past its length, so appending to it never overwrites them.
type row []any

func newRow(cols []string, vals []any) row {
	s := make([]any, len(vals)+1)
	copy(s, vals)
	s[len(vals)] = cols
	return row(s[: len(vals) : len(vals)+1])
}

func (r row) cols() []string {
	if cap(r) <= len(r) {
		return nil
	}
	c, _ := r[:len(r)+1][len(r)].([]string)
	return c
}

// String is how Python prints an agate Row.
func (r row) String() string {
	parts := make([]string, len(r))
	for i, v := range r {
		parts[i] = pyRepr(exec.AsValue(v))
	}
	if len(parts) == 1 {
		return "<agate.Row: (" + parts[0] + ",)>"
	}
	return "<agate.Row: (" + strings.Join(parts, ", ") + ")>"
}

func newTable(r *Rows) table {
	if len(r.Rows) == 0 {
		// An empty answer still has columns (dbt's agate table keeps them).
		// The table stays an empty slice, so iterating and |length see no
		// rows, and the column names ride in its spare capacity.
		t := make(table, 0, 1)
		t[:1][0] = newRow(r.Columns, nil)
		return t
	}
	t := make(table, 0, len(r.Rows))
	for _, vals := range r.Rows {
		conv := make([]any, len(vals))
		for i, v := range vals {
			conv[i] = toJinja(sqlValue(v))
		}
		t = append(t, newRow(r.Columns, conv))
	}
	return t
}

// sqlValue turns a SQLite value into what Python's agate would hold.
func sqlValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case Decimal:
		if d, ok := parseDecimal(string(x)); ok {
			return d
		}
		return string(x)
	}
	return v
}

func (t table) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "rows":
		return exec.AsValue(t), true
	case "columns":
		var cols tableColumns
		for i, c := range t.columnNames() {
			cols = append(cols, newColumn(c, t, i))
		}
		return exec.AsValue(cols), true
	case "column_names":
		var cols []any
		for _, c := range t.columnNames() {
			cols = append(cols, c)
		}
		return exec.AsValue(&cols), true
	case "rename":
		return exec.AsValue(t.rename), true
	case "group_by":
		return exec.AsValue(t.groupBy), true
	case "print_table":
		// agate prints the table to the console, which the playground
		// leaves out, as it drops what run-operation prints
		return exec.AsValue(func(*exec.VarArgs) *exec.Value { return noneValue() }), true
	case "to_json", "to_csv":
		// agate writes the rows to a file, which the playground does not
		// do: refused by name rather than as an unknown method
		return exec.AsValue(func(*exec.VarArgs) (*exec.Value, error) {
			return nil, fmt.Errorf("agate's table.%s(path) writes the rows to a file, which the playground does not write (its builds keep no files): keep the rows in a table (run_query('create table ... as select ...')) or leave the call out", name)
		}), true
	}
	return exec.AsValue(nil), false
}

// rename is agate's table.rename(column_names): a copy whose columns take
// the new names, given as a dict of old name to new one or as a list of
// every new name in order.
func (t table) rename(a *exec.VarArgs) (*exec.Value, error) {
	old := t.columnNames()
	names := slices.Clone(old)
	if v := arg(a, 0, "column_names"); v != nil && !v.IsNil() {
		switch {
		case dictOf(v) != nil || v.IsDict():
			for _, p := range dictEntries(v) {
				if i := slices.Index(old, p.Key.String()); i >= 0 {
					names[i] = p.Value.String()
				}
			}
		case v.IsList():
			if v.Len() != len(old) {
				return nil, fmt.Errorf("rename() got %d column names for a table of %d columns", v.Len(), len(old))
			}
			for i := range names {
				names[i] = v.Index(i).String()
			}
		default:
			return nil, fmt.Errorf("rename() takes a dict of old name to new name, or a list of names, not %s", v.String())
		}
	}
	if len(t) == 0 {
		out := make(table, 0, 1)
		out[:1][0] = newRow(names, nil)
		return exec.AsValue(out), nil
	}
	out := make(table, len(t))
	for i, r := range t {
		out[i] = newRow(names, r)
	}
	return exec.AsValue(out), nil
}

// columnNames are the table's columns, also when it has no rows.
func (t table) columnNames() []string {
	if len(t) > 0 {
		return t[0].cols()
	}
	if cap(t) > 0 {
		return t[:1][0].cols()
	}
	return nil
}

// tableColumns is a table's .columns, agate's MappedSequence of its
// columns keyed by name (mappedSequence): iterating it and c[i] give
// columns in order, c['name'] one by name.
type tableColumns []tableColumn

func (cs tableColumns) seq() mappedSequence {
	return mappedSequence{n: len(cs), key: func(i int) any { return cs[i].name() }, val: func(i int) any { return cs[i] }}
}

func (cs tableColumns) GetItem(key any) (*exec.Value, bool) { return cs.seq().item(key) }

func (cs tableColumns) GetAttribute(name string) (*exec.Value, bool) { return cs.seq().attribute(name) }

// tableColumn is one column of a table, agate's Column: .name, .values(),
// c[i], and iterating it, |list or `in` see its values. gonja iterates
// only slices, so a column is a pointer to its values, which are the first
// field of its columnData.
type tableColumn = *columnValues

type columnValues []any

type columnData struct {
	vals columnValues // first: a *columnValues is a *columnData
	name string
}

func newColumn(name string, t table, i int) tableColumn {
	d := &columnData{vals: make(columnValues, 0, len(t)), name: name}
	for _, r := range t {
		d.vals = append(d.vals, r[i])
	}
	return &d.vals
}

// name is the column's name; c always comes from newColumn.
func (c *columnValues) name() string { return (*columnData)(unsafe.Pointer(c)).name }

func (c *columnValues) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "name":
		return exec.AsValue(c.name()), true
	case "data_type":
		return exec.AsValue(agateDataType{}), true
	case "values":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			v := []any(slices.Clone(*c))
			return exec.AsValue(&v)
		}), true
	}
	return exec.AsValue(nil), false
}

// agateDataType is a column's agate data type: jsonify(v) gives a value
// as agate writes it to JSON, a number as a float, a date or datetime as
// its isoformat(), others as they are.
type agateDataType struct{}

func (agateDataType) GetAttribute(name string) (*exec.Value, bool) {
	if name != "jsonify" {
		return exec.AsValue(nil), false
	}
	return exec.AsValue(func(a *exec.VarArgs) *exec.Value {
		v := arg(a, 0, "d")
		if v == nil || v.IsNil() {
			return noneValue()
		}
		switch x := v.Interface().(type) {
		case *decFloat:
			return exec.AsValue(float64(*x))
		case int64:
			return exec.AsValue(float64(x))
		case int:
			return exec.AsValue(float64(x))
		case pyTime:
			return exec.AsValue(x.isoformat())
		}
		return v
	}), true
}

// GetItem indexes a column's values by position.
func (c *columnValues) GetItem(key any) (*exec.Value, bool) {
	if i, ok := key.(int); ok {
		vals := *c
		if i < 0 {
			i += len(vals)
		}
		if i >= 0 && i < len(vals) {
			return exec.ToValue(vals[i]), true
		}
	}
	return exec.AsValue(nil), false // no such item: undefined, as Jinja makes it (never a nil the evaluator reads)
}

func (r row) GetItem(key any) (*exec.Value, bool) {
	switch k := key.(type) {
	case int:
		if k < 0 {
			k += len(r)
		}
		if k >= 0 && k < len(r) {
			return exec.ToValue(r[k]), true
		}
	case string:
		for i, c := range r.cols() {
			if c == k {
				return exec.ToValue(r[i]), true
			}
		}
	}
	return exec.AsValue(nil), false // no such item: undefined, as Jinja makes it (never a nil the evaluator reads)
}

// GetAttribute gives agate Row's methods (values, keys, items, get,
// dict) and the columns by name.
func (r row) GetAttribute(name string) (*exec.Value, bool) {
	cols := r.cols()
	switch name {
	case "values":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			v := append([]any(nil), r...)
			return exec.AsValue(&v)
		}), true
	case "keys":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			v := make([]any, len(cols))
			for i, c := range cols {
				v[i] = c
			}
			return exec.AsValue(&v)
		}), true
	case "items":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			v := make([]any, len(cols))
			for i, c := range cols {
				v[i] = exec.ValuesList{exec.AsValue(c), exec.ToValue(r[i])}
			}
			return exec.AsValue(&v)
		}), true
	case "get":
		return getWithDefault(r.GetItem), true
	case "dict":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value {
			d := exec.NewDict()
			for i, c := range cols {
				d.Pairs = append(d.Pairs, &exec.Pair{Key: exec.AsValue(c), Value: exec.ToValue(r[i])})
			}
			return exec.AsValue(d)
		}), true
	}
	return r.GetItem(name)
}

// namespaceValue holds a package's macros and functions (nexus.name,
// dbt_utils.name).
type namespaceValue struct {
	name    string
	members map[string]any
}

// A namespace is a dict of its macros in dbt: ns.name, ns['name'] and
// ns.get('name', default) find one (a macro named get comes first).
func (n *namespaceValue) GetAttribute(name string) (*exec.Value, bool) {
	if m, ok := n.members[name]; ok {
		return exec.AsValue(m), true
	}
	if name == "get" {
		return getWithDefault(n.GetItem), true
	}
	return exec.AsValue(nil), false
}

func (n *namespaceValue) GetItem(key any) (*exec.Value, bool) {
	if name, ok := stringKey(key); ok {
		if m, ok := n.members[name]; ok {
			return exec.AsValue(m), true
		}
	}
	return exec.AsValue(nil), false
}

// getWithDefault is a dict's get(key, default) over getItem: the item, else the
// default, else None.
func getWithDefault(getItem func(key any) (*exec.Value, bool)) *exec.Value {
	return exec.AsValue(func(a *exec.VarArgs) *exec.Value {
		if len(a.Args) > 0 {
			if v, ok := getItem(a.Args[0].Interface()); ok {
				return v
			}
		}
		if len(a.Args) > 1 {
			return a.Args[1]
		}
		return noneValue()
	})
}

// stringKey is an item's key as text, when it is text.
func stringKey(key any) (string, bool) {
	if v, ok := key.(*exec.Value); ok {
		key = v.Interface()
	}
	name, ok := key.(string)
	return name, ok
}

func (n *namespaceValue) String() string { return n.name }

// missingNamespace stands for a package the project lists and does not
// ship: each of its names is a macro that renders nothing while the node
// is parsed and fails when it runs, naming the package.
type missingNamespace struct {
	env  *Env
	name string
}

func (n *missingNamespace) GetAttribute(name string) (*exec.Value, bool) {
	return exec.AsValue(func(*exec.VarArgs) (*exec.Value, error) {
		if n.env.cur != nil && n.env.cur.Parsing {
			return exec.AsValue(nil), nil
		}
		return nil, n.env.fail(fmt.Sprintf("%s.%s is a macro of package %s, which is not installed", n.name, name, n.name),
			"run `dbt deps` and ship the dbt_packages folder with the project, or use `local:` with the package's folder")
	}), true
}

func (n *missingNamespace) GetItem(key any) (*exec.Value, bool) {
	if name, ok := stringKey(key); ok {
		return n.GetAttribute(name)
	}
	return exec.AsValue(nil), false
}

func (n *missingNamespace) String() string { return n.name }

// attrs is a small object with fixed attributes (target, exceptions,
// adapter, modules).
type attrs map[string]any

func (a attrs) GetAttribute(name string) (*exec.Value, bool) {
	if v, ok := a[name]; ok {
		return exec.ToValue(v), true
	}
	return exec.AsValue(nil), false
}

// ephemeralPrefix starts the name of an ephemeral model's relation, the
// CTE dbt puts it in (__dbt__cte__<alias>); the playground also keeps it
// as a temporary view of that name.
const ephemeralPrefix = "__dbt__cte__"

// isCTE tells an ephemeral model's relation: dbt's has type cte, no
// database and no schema.
func (r Relation) isCTE() bool {
	return strings.EqualFold(r.Schema, "temp") && strings.HasPrefix(r.Name, ephemeralPrefix)
}

// notEphemeral is dbt_utils' refusal of an ephemeral model for a macro
// that reads the relation's columns from the information schema.
func (e *Env) notEphemeral(r Relation, macro string) error {
	if !r.isCTE() || e.cur == nil || !e.cur.Execute {
		return nil
	}
	return e.fail(fmt.Sprintf("The `%s` macro cannot be used with ephemeral models, as it relies on the information schema. `%s` is an ephemeral model.", macro, strings.TrimPrefix(r.Name, ephemeralPrefix)),
		"make it a view or table instead, as dbt_utils says")
}

// Object is one of dbt's objects handed to templates as a dict of its
// fields (a run result, its node, a timing entry): read by attribute or
// key, and to_dict() gives the fields as a plain dict, as dbt's
// to_dict() does.
type Object map[string]any

func (o Object) GetAttribute(name string) (*exec.Value, bool) {
	if v, ok := o[name]; ok {
		switch v.(type) {
		case nil:
			return noneValue(), true // a field dbt holds as None
		case map[string]any, []any, Ordered:
			// a dict or list of fields (a node's config; its columns,
			// in the order written): its None fields are None, as in
			// the graph
			return exec.AsValue(toJinja(v)), true
		}
		return exec.ToValue(v), true
	}
	if name == "to_dict" {
		return exec.AsValue(func(a *exec.VarArgs) (map[string]any, error) {
			if len(a.Args) > 0 {
				return nil, exec.ErrInvalidCall(fmt.Errorf("to_dict() takes no positional arguments (%d given)", len(a.Args)))
			}
			return plainDict(o), nil
		}), true
	}
	return exec.AsValue(nil), false
}

// ConfigObject is the config of a run result's node (on-run-end's
// results), dbt's NodeConfig or TestConfig object rather than the graph's
// dict: an attribute it lacks is None, as dbt's BaseConfig answers it
// (config['x'] and config.get('x') are getattr(config, 'x', None)), so a
// test's config.full_refresh is None where a dict's would be undefined.
// get(name, default) gives default for a key it lacks, as BaseConfig.get.
type ConfigObject map[string]any

func (c ConfigObject) GetAttribute(name string) (*exec.Value, bool) {
	if _, ok := c[name]; ok || name == "to_dict" {
		return Object(c).GetAttribute(name)
	}
	if name == "get" {
		return getWithDefault(c.GetItem), true
	}
	return noneValue(), true
}

func (c ConfigObject) GetItem(key any) (*exec.Value, bool) {
	if name, ok := stringKey(key); ok {
		if _, ok := c[name]; ok {
			return Object(c).GetAttribute(name)
		}
	}
	return exec.AsValue(nil), false
}

// plainDict copies an Object, and the Objects in it, into plain dicts
// and lists a template may change without touching the original.
func plainDict(o map[string]any) map[string]any {
	out := make(map[string]any, len(o))
	for k, v := range o {
		out[k] = plainValue(v)
	}
	return out
}

func plainValue(v any) any {
	switch v := v.(type) {
	case Object:
		return plainDict(v)
	case ConfigObject:
		return plainDict(v)
	case map[string]any:
		return plainDict(v)
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = plainValue(x)
		}
		return l
	}
	return v
}

// contextDict is dbt's context: the node's whole context as a dict, so
// context[project_name] is the root project's macros and
// context.get('name', default) any macro or member by name, as packages
// look up a macro the root project may define.
type contextDict struct{ e *Env }

func (c contextDict) lookup(name string) (any, bool) {
	if v, ok := c.e.contextSet[name]; ok {
		return v, true
	}
	scope := c.e.globals
	if c.e.cur != nil && c.e.cur.Package != "" && c.e.pkgCtx[c.e.cur.Package] != nil {
		scope = c.e.pkgCtx[c.e.cur.Package]
	}
	v, ok := scope.Get(name)
	if ok && exec.ToValue(v).IsNil() && !isNone(exec.ToValue(v)) {
		return nil, false // set to undefined again
	}
	return v, ok
}

func (c contextDict) GetItem(key any) (*exec.Value, bool) {
	if name, ok := stringKey(key); ok {
		if v, ok := c.lookup(name); ok {
			return exec.ToValue(v), true
		}
	}
	return exec.AsValue(nil), false
}

func (c contextDict) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "get":
		return getWithDefault(c.GetItem), true
	case "update":
		// dbt's context is a dict of the node's render: what update puts
		// in it, context.get and context[...] read until the node is done
		// (packages keep their state between macros so)
		return exec.AsValue(func(a *exec.VarArgs) (*exec.Value, error) {
			if len(a.Args) > 1 {
				return nil, exec.ErrInvalidCall(fmt.Errorf("update() takes at most 1 positional argument"))
			}
			if c.e.contextSet == nil {
				c.e.contextSet = map[string]any{}
			}
			if len(a.Args) == 1 {
				for _, p := range dictEntries(a.Args[0]) {
					c.e.contextSet[p.Key.String()] = p.Value
				}
			}
			for k, v := range a.KwArgs {
				c.e.contextSet[k] = v
			}
			return noneValue(), nil
		}), true
	}
	return c.GetItem(name)
}

func (c contextDict) String() string { return "<context>" }
