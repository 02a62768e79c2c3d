package engine

import (
	"cmp"
	"encoding/json"
	"maps"
	"math"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// The translator knows a value is a DATE or a timestamp from literals,
// casts and functions (dialect/statictypes.go); a relation the engine
// built keeps the static types of its columns, so that a model reading it
// adds days to a date column and writes a timestamp column as text as its
// warehouse does. A model's columns take the types its select gives them,
// a snapshot's its query's and dbt's timestamps (snapshotTypes),
// a seed's the date, timestamp, boolean, (DuckDB) varchar, (DuckDB, BigQuery) interval,
// (DuckDB) number and (Snowflake) NUMBER(p, s) types of its column_types and (DuckDB) the numbers its values hold. The types are
// kept in the history with the versions (reuse.go): a reused table keeps
// them, a query that changed the database forgets them all, and a relation
// the engine did not build (a source) has none, so its columns are read as
// SQLite reads them. A file database keeps them too (store.KeptTypes), for
// the next process that builds in it: a build of some models reads the
// others as the build that made them knew them.

// translation is rendered SQL as SQLite runs it, with the static types
// of the columns it selects and those it read (typesText of each answer,
// by schema\x00table) to tell whether it still holds.
type translation struct {
	sql       string
	types     map[string]string
	typesRead map[string]string
	// key is the SQL hashed, second where a second statement starts (-1:
	// none) and blank whether it is empty: what a model's run asks of its
	// SQL, worked out once with the translation, which the memo keeps.
	key    string
	second int
	blank  bool
	// refused is set, with the error, when the SQL rendered but the
	// warehouse would refuse it (the translation refuses it, or an
	// ephemeral model it reads is no query), where a Jinja error is not.
	refused bool
	// rendered is a model's SQL before its translation (Options.Rendered).
	rendered string
	// created are the tables and views its CREATE statements make (a
	// hook's, a macro's query), with their columns' static types.
	created []dialect.Created
}

// relTypes answers the translator: the static types of the columns of a
// relation the engine built. A name without a schema is the temporary
// relation of that name, else main's, as SQLite reads it.
func (r *runner) relTypes(schema, table string) map[string]string {
	if r.types == nil {
		return nil
	}
	if schema == "" {
		if m, ok := r.types[relKey("temp", table)]; ok {
			return m
		}
		if m, ok := r.types[relKey("main", table)]; ok {
			return m
		}
		return r.unqualifiedTypes(table)
	}
	return r.types[relKey(schema, table)]
}

// unqualifiedTypes are the types of the relation SQLite reads for a name
// without a schema that main does not hold: the one relation of that name
// in an attached schema (a view built in its model's schema reading its
// neighbour by identifier alone, as ref(...).include(schema=false)
// prints it); none when main holds one or several schemas do.
func (r *runner) unqualifiedTypes(table string) map[string]string {
	rels, err := r.db.Relations(r.ctx, "%", table, "")
	if err != nil {
		return nil
	}
	var found *store.Table
	for i, t := range rels {
		if !strings.EqualFold(t.Name, table) {
			continue // a LIKE pattern's _ matched another character
		}
		if t.Schema == "main" || found != nil {
			return nil
		}
		found = &rels[i]
	}
	if found == nil {
		return nil
	}
	return r.types[relKey(found.Schema, found.Name)]
}

// sameTypes tells whether the column types a translation read are the
// same now.
func (r *runner) sameTypes(tr translation) bool {
	for k, v := range tr.typesRead {
		schema, table, _ := strings.Cut(k, "\x00")
		if typesText(r.relTypes(schema, table)) != v {
			return false
		}
	}
	return true
}

// keepTypes records the static types of a relation just built, and
// writes them into a file database (store.DB.KeepTypes) for a later
// process.
func (r *runner) keepTypes(rel string, types map[string]string) {
	if r.types == nil || rel == "" {
		return
	}
	if types == nil {
		types = map[string]string{}
	}
	for k := range types {
		if dialect.IsUnnamedTypeKey(k) {
			// a table's columns all have names (SQLite's, for an
			// expression): the place of a query's unnamed one is not
			// a column of it
			types = maps.Clone(types)
			maps.DeleteFunc(types, func(k, _ string) bool { return dialect.IsUnnamedTypeKey(k) })
			break
		}
	}
	r.types[rel] = types
	if r.db.File() == "" || strings.HasPrefix(rel, "temp.") {
		return
	}
	if text, err := json.Marshal(types); err == nil {
		// a database that cannot keep them loses only what a later
		// process knows of the relation
		schema, name, _ := strings.Cut(rel, ".")
		r.db.KeepTypes(r.ctx, schema, name, string(r.plan.dialect), string(text))
	}
}

// keptTypes reads into types what an earlier process wrote down of the
// relations of a file database it built for the same dialect.
func (r *runner) keptTypes(types map[string]map[string]string) {
	readKeptTypes(r.ctx, r.db, r.plan.dialect, types)
}

// seedIntegers gives the integer columns of seed table t that types (its
// seedTypes) reads as DuckDB's sniffer would the width dbt creates them
// with on DuckDB: dbt types the cells with agate, whose Integer columns
// dbt-duckdb creates as INTEGER (the SQL adapters' convert_integer_type),
// so arithmetic on them overflows at 32 bits. A column holding a value
// beyond them (which DuckDB's COPY would not load into an INTEGER) is left
// of no known width.
func seedIntegers(types map[string]string, t *seed.Table) {
	for i, c := range t.Columns {
		key := dialect.FullTypePrefix + strings.ToLower(c)
		if types[key] != "BIGINT" || t.Types[i] != "INTEGER" {
			continue
		}
		types[key] = "INTEGER"
		for _, row := range t.Rows {
			if v, ok := row[i].(int64); ok && (v < math.MinInt32 || v > math.MaxInt32) {
				delete(types, key)
				break
			}
		}
	}
}

// seedTypes are the static types of a seed's columns: those declared a
// date, a timestamp, a boolean, an interval or (DuckDB) a number in column_types, and
// (DuckDB, BigQuery; Snowflake's integers) the numbers of the others as the seed's values gave them
// (inferred: INTEGER or REAL, dbt's INTEGER and DOUBLE), so that a model
// computing on them knows it holds numbers (amount * 2 = '20' is true).
func seedTypes(d dialect.Dialect, columns []string, declared map[string]seed.Declared, inferred []string) map[string]string {
	out := map[string]string{}
	for i, c := range columns {
		inferredAs := map[string]string{"INTEGER": "bigint", "REAL": "double"}[inferred[i]]
		if d == dialect.Snowflake && inferredAs == "bigint" {
			inferredAs = "number" // dbt-snowflake's NUMBER(38, 0); decimals are FLOAT8
		}
		if d == dialect.BigQuery && inferredAs != "" {
			inferredAs = map[string]string{"bigint": "int64", "double": "float64"}[inferredAs] // dbt-bigquery's
		}
		if typ := dialect.StaticType(d, inferredAs); inferredAs != "" && typ != "" && (d == dialect.DuckDB || d == dialect.Snowflake || d == dialect.BigQuery) {
			out[strings.ToLower(c)] = typ
		}
		if d == dialect.DuckDB && inferredAs == "bigint" {
			// DuckDB's sniffer reads a file's integers as BIGINTs:
			// arithmetic on them overflows at 64 bits, and lpad takes no
			// such count (a seed's are dbt's: seedIntegers)
			out[dialect.FullTypePrefix+strings.ToLower(c)] = "BIGINT"
		}
	}
	for name, decl := range declared {
		for _, c := range columns {
			if strings.EqualFold(c, name) {
				delete(out, strings.ToLower(c)) // declared: as declared
				delete(out, dialect.FullTypePrefix+strings.ToLower(c))
				if typ := dialect.StaticType(d, decl.Type); typ != "" {
					out[strings.ToLower(c)] = typ
				}
			}
		}
	}
	if d == dialect.DuckDB {
		// an integer's width: arithmetic on it overflows at it
		for name, decl := range declared {
			for _, c := range columns {
				if full := dialect.DuckDBIntegerType(decl.Type); full != "" && strings.EqualFold(c, name) {
					out[dialect.FullTypePrefix+strings.ToLower(c)] = full
				}
			}
		}
	}
	if d == dialect.Snowflake {
		// the precision or length declared: NUMBER(10,2), VARCHAR(16)
		for name, decl := range declared {
			for _, c := range columns {
				if full := dialect.SnowflakeFullType(decl.Type); full != "" && strings.EqualFold(c, name) {
					out[dialect.FullTypePrefix+strings.ToLower(c)] = full
				}
			}
		}
	}
	if d == dialect.BigQuery {
		// the full types, which a STRUCT of the columns is made of
		for i, c := range columns {
			full := ""
			for name, decl := range declared {
				if strings.EqualFold(c, name) {
					full = dialect.BigQueryType(decl.Type)
				}
			}
			if full == "" {
				full = dialect.BigQueryColumnType(out[strings.ToLower(c)], inferred[i])
			}
			if full != "" && full != dialect.BigQueryColumnType(out[strings.ToLower(c)], "") {
				// kept where the flat type does not say it (a DATE's does)
				out[dialect.FullTypePrefix+strings.ToLower(c)] = full
			}
		}
	}
	return out
}

// typesText writes column types down in one order.
func typesText(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + m[k] + ";")
	}
	return b.String()
}

// temporary reports whether schema.table names a temporary
// table made in that schema (dialect's temp_tables.go).
func (r *runner) temporary(schema, table string) bool { return r.temps[relKey(schema, table)] }

// keepCreated records the static types of the tables and views a hook or
// a macro's query just created, as a model's are: a later statement reads
// their dates and, on Snowflake, which columns were created quoted.
func (r *runner) keepCreated(created []dialect.Created) {
	for _, c := range created {
		if c.Home != "" {
			if r.temps == nil {
				r.temps = map[string]bool{}
			}
			r.temps[relKey(c.Home, c.Table)] = true
		}
		rel := relKey(cmp.Or(c.Schema, "main"), c.Table)
		types := c.Types
		if c.Added {
			// ALTER TABLE ... ADD COLUMN: the other columns keep their types
			types = maps.Clone(r.types[rel])
			if types == nil {
				types = map[string]string{}
			}
			maps.Copy(types, c.Types)
		}
		r.keepTypes(rel, types)
		if r.opTypes != nil {
			r.opTypes[rel] = types
		}
	}
}
