package engine

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// csvLocation is the project file a DuckDB source table's dbt-duckdb
// external_location reads: the location formatted with the table's name,
// identifier and schema as dbt-duckdb formats it, a CSV file's path (the
// location itself, or the one argument of read_csv or read_csv_auto)
// relative to the project's folder, where dbt runs. ok is false for any
// other location: a file elsewhere or over the network, a glob, another
// format, or a read_csv with options.
func csvLocation(loc, name, identifier, schema string) (file string, ok bool) {
	var bad bool
	loc = regexp.MustCompile(`\{[^{}]*\}`).ReplaceAllStringFunc(loc, func(k string) string {
		switch k[1 : len(k)-1] {
		case "name":
			return name
		case "identifier":
			return identifier
		case "schema":
			return schema
		}
		bad = true
		return k
	})
	if bad {
		return "", false
	}
	loc = strings.TrimSpace(loc)
	if m := regexp.MustCompile(`(?is)^read_csv(?:_auto)?\(\s*'([^']*)'\s*\)$`).FindStringSubmatch(loc); m != nil {
		loc = m[1]
	} else if strings.ContainsAny(loc, "()'\"") {
		return "", false
	}
	if !strings.HasSuffix(strings.ToLower(loc), ".csv") || strings.ContainsAny(loc, "*?[") ||
		strings.Contains(loc, "://") || strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "~") {
		return "", false
	}
	file = path.Clean(loc)
	if !fs.ValidPath(file) {
		return "", false
	}
	return file, true
}

// loadFileSources gives each DuckDB source table dbt-duckdb reads from a
// CSV file of the project (its external_location, csvLocation) the file's
// rows, before the nodes run, where the models reading it failed for want
// of the file: as DuckDB's read_csv reads it, every column of integers
// BIGINT, of decimals DOUBLE, of true and false BOOLEAN, of dates DATE, of
// datetimes TIMESTAMP, the rest VARCHAR, and an empty cell NULL. A table a
// seed gives rows to, or whose file is not in the project, is left as it
// was (a model reading it fails saying so).
func (r *runner) loadFileSources() {
	p := r.plan
	if p.dialect != dialect.DuckDB || p.proj.Files == nil {
		return
	}
	for _, key := range slices.Sorted(func(yield func(string) bool) {
		for k := range p.sources {
			if !yield(k) {
				return
			}
		}
	}) {
		ref := p.sources[key]
		d := ref.decl
		if len(ref.seeds) > 0 || d.ExternalLocation == "" || d.Package != "" {
			continue
		}
		file, ok := csvLocation(d.ExternalLocation, d.Table, d.Identifier, d.Schema)
		if !ok {
			continue
		}
		data, err := fs.ReadFile(p.proj.Files, file)
		if err != nil {
			continue
		}
		datetime := seedDatetime(p.dialect)
		t, err := seed.ParseWith(file, data, seed.Options{Datetime: datetime, Nulls: seed.BlankNulls})
		if err != nil {
			r.res.fail(diag.From(err, file, 0))
			continue
		}
		// a column of empty cells only is VARCHAR to DuckDB's sniffer
		for i := range t.Columns {
			if t.Types[i] != "TEXT" && !slices.ContainsFunc(t.Rows, func(row []any) bool { return row[i] != nil }) {
				t.Types[i] = "TEXT"
			}
		}
		declared := map[string]seed.Declared{}
		for _, c := range t.Datetimes {
			declared[c] = *datetime
		}
		for _, c := range t.Booleans {
			declared[c] = seed.Boolean
		}
		for _, c := range t.Dates {
			declared[c] = seed.Date
		}
		rel := ref.rel
		if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, t.Columns, t.Types, t.Rows); err != nil {
			r.res.fail(diag.From(err, d.File, d.ExternalLine))
			continue
		}
		k := relKey(rel.Schema, rel.Name)
		r.noteShape(k, store.ShapeText(t.Columns, t.Types))
		types := seedTypes(p.dialect, t.Columns, declared, t.Types)
		for i, c := range t.Columns {
			if _, typed := types[strings.ToLower(c)]; !typed && t.Types[i] == "TEXT" {
				types[strings.ToLower(c)] = dialect.StaticType(p.dialect, "varchar")
			}
		}
		r.keepTypes(k, types)
		r.contentVersion(rel, t.Rows)
		r.reportRendered(Rendered{Kind: "source", Name: d.Key, Schema: rel.Schema, Relation: rel.Name, DBTSchema: d.Schema, Materialized: "source", SQL: file})
	}
}
