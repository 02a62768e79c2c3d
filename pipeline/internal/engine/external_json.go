package engine

import (
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// externalJSON tells whether cfg is dbt-duckdb's external materialization
// of a DuckDB model writing a JSON file, whose view reads it back with
// DuckDB's JSON reader.
func (r *runner) externalJSON(cfg project.Config) bool {
	return r.plan.dialect == dialect.DuckDB && cfg.Materialized == "external" && externalFormat(cfg) == "json"
}

// reloadExternalJSON makes the table of an external model writing a JSON
// file what its view reads back, as DuckDB's COPY ... TO writes each row
// (numbers as JSON numbers, the other scalars as their text) and
// read_json_auto types the columns again (checked on DuckDB): a DECIMAL or
// FLOAT is a DOUBLE (a FLOAT's value the shortest text of its 32-bit
// float), an INTERVAL VARCHAR holding its text, and a column of text (a
// TIMESTAMP's too, as DuckDB writes it) a TIME, DATE, TIMESTAMP or
// TIMESTAMP WITH TIME ZONE when every value reads as one in one format
// (seed.SniffJSONStrings), else VARCHAR: a TIMESTAMP column of values with
// and without a fraction of a second comes back as text. Lists and structs
// keep their types. The file itself is not written.
func (r *runner) reloadExternalJSON(rel jinja.Relation) error {
	cols, err := r.db.Columns(r.ctx, rel.Schema, rel.Name)
	if err != nil {
		return err
	}
	k := relKey(rel.Schema, rel.Name)
	static := maps.Clone(r.relTypes(rel.Schema, rel.Name))
	if static == nil {
		static = map[string]string{}
	}
	wall, _ := declaredType(dialect.DuckDB, "timestamp")
	zoned, _ := declaredType(dialect.DuckDB, "timestamptz")
	wallKind := dialect.StaticType(dialect.DuckDB, "timestamp")
	exprs := make([]string, len(cols))
	asText := make([]bool, len(cols)) // read as DuckDB writes it in the file
	for i, c := range cols {
		q := store.Ident(c.Name)
		exprs[i] = q
		switch typ := static[strings.ToLower(c.Name)]; typ {
		case wallKind, dialect.TypeInterval:
			exprs[i], asText[i] = "cast("+q+" as varchar) as "+q, true
		case "", dialect.TypeText:
			asText[i] = true
		}
	}
	rows, err := r.selectFrom(rel, exprs)
	if err != nil {
		return err
	}
	types := make([]string, len(cols))
	for i, c := range cols {
		types[i] = c.Type
		name := strings.ToLower(c.Name)
		if dialect.ReadsBackAsDouble(static[name]) {
			float32s := static[name] == dialect.StaticType(dialect.DuckDB, "float")
			for _, row := range rows.Rows {
				if f, ok := row[i].(float64); ok && float32s {
					row[i], _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', -1, 32), 64)
				}
			}
			static[name] = dialect.StaticType(dialect.DuckDB, "double")
			continue
		}
		if !asText[i] {
			continue
		}
		var vals []string
		strs := true
		for _, row := range rows.Rows {
			switch v := row[i].(type) {
			case nil:
			case string:
				vals = append(vals, v)
			default:
				strs = false
			}
		}
		if !strs || len(vals) == 0 {
			continue
		}
		kind, conv := seed.SniffJSONStrings(vals)
		cast := map[string]func(string) (string, bool){"timestamp": wall.Timestamp, "timestamptz": zoned.Timestamp}[kind]
		for _, row := range rows.Rows {
			s, ok := row[i].(string)
			if !ok || kind == "" {
				continue
			}
			v, ok := conv(s)
			if ok && cast != nil {
				v, ok = cast(v)
			}
			if !ok {
				return fmt.Errorf("the JSON file's %q of column %s could not be read back as %s", s, c.Name, kind)
			}
			row[i] = v
		}
		static[name] = map[string]string{"": dialect.TypeText, "time": dialect.TypeTime, "date": dialect.TypeDate,
			"timestamp": wallKind, "timestamptz": dialect.StaticType(dialect.DuckDB, "timestamptz")}[kind]
		if kind != "" {
			types[i] = "TEXT"
		}
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, names, types, rows.Rows); err != nil {
		return err
	}
	r.keepTypes(k, static)
	return nil
}
