package engine

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
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
	if m := regexp.MustCompile(`(?is)^read_csv(?:_auto)?\(\s*'([^']*)'` + plainCSVOptions + `\s*\)$`).FindStringSubmatch(loc); m != nil {
		loc = m[1]
	} else if strings.ContainsAny(loc, "()'\"") {
		return "", false
	}
	return projectCSV(loc)
}

// projectCSV is the file of the project's folder that path, as DuckDB
// reads a path relative to where dbt runs, names, when it names a CSV
// file there (no glob, no address, no absolute path).
func projectCSV(loc string) (string, bool) {
	if !strings.HasSuffix(strings.ToLower(loc), ".csv") || strings.ContainsAny(loc, "*?[") ||
		strings.Contains(loc, "://") || strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "~") {
		return "", false
	}
	file := path.Clean(loc)
	if !fs.ValidPath(file) {
		return "", false
	}
	return file, true
}

// plainCSVOptions are options of read_csv that loading the file follows
// anyway: header and auto_detect true, a comma as delimiter.
const plainCSVOptions = `(?:\s*,\s*(?:(?:header|auto_detect)\s*=\s*(?:true|1)|(?:delim|sep)\s*=\s*','))*`

// readCSVCall is DuckDB's read_csv or read_csv_auto of one path, as a
// model's SQL writes it.
var readCSVCall = regexp.MustCompile(`(?i)\bread_csv(?:_auto)?\s*\(\s*'([^']*)'\s*[,)]`)

// fileTableName is the temporary table holding a CSV file's rows that
// read_csv(file) in a query reads.
func fileTableName(file string) string { return "__read_csv__" + file }

// loadFileTables loads each CSV file of the project that a model,
// snapshot or singular test of DuckDB reads with read_csv(file) or
// read_csv_auto(file) into a temporary table, typed as read_csv types it
// (loadCSV), for the translator to read there (fileTable).
func (r *runner) loadFileTables() {
	p := r.plan
	if p.dialect != dialect.DuckDB || p.proj.Files == nil {
		return
	}
	var sqls []string
	for _, m := range p.proj.Models {
		sqls = append(sqls, m.SQL)
	}
	for _, s := range p.proj.Snapshots {
		sqls = append(sqls, s.SQL)
	}
	for _, t := range p.proj.Tests {
		sqls = append(sqls, t.SQL)
	}
	for _, sql := range sqls {
		for _, m := range readCSVCall.FindAllStringSubmatch(sql, -1) {
			file, ok := projectCSV(m[1])
			if !ok || r.fileTables[file] {
				continue
			}
			data, err := fs.ReadFile(p.proj.Files, file)
			if err != nil {
				continue
			}
			if r.loadCSV(file, data, jinja.Relation{Schema: "temp", Name: fileTableName(file)}, "", 0) {
				if r.fileTables == nil {
					r.fileTables = map[string]bool{}
				}
				r.fileTables[file] = true
			}
		}
	}
}

// fileTable is the temporary table of the rows of the CSV file of the
// project at path (dialect.Options.FileTable), loaded now if
// loadFileTables did not find it in the SQL as written (a path a macro or
// var gives); preloaded tells that it did. An error says why there is none.
func (r *runner) fileTable(path string) (table string, preloaded bool, err error) {
	file, ok := projectCSV(path)
	if !ok {
		return "", false, fmt.Errorf("%s is not a .csv file inside the project's folder", path)
	}
	if r.fileTables[file] {
		return fileTableName(file), !r.lateFiles[file], nil
	}
	var data []byte
	if r.plan.proj.Files != nil {
		data, err = fs.ReadFile(r.plan.proj.Files, file)
	}
	if r.plan.proj.Files == nil || err != nil {
		return "", false, fmt.Errorf("%s is not a file of the project", file)
	}
	if !r.loadCSV(file, data, jinja.Relation{Schema: "temp", Name: fileTableName(file)}, "", 0) {
		return "", false, fmt.Errorf("%s could not be loaded", file)
	}
	if r.fileTables == nil {
		r.fileTables, r.lateFiles = map[string]bool{}, map[string]bool{}
	}
	r.fileTables[file], r.lateFiles[file] = true, true
	return fileTableName(file), false, nil
}

// loadFileSources gives each DuckDB source table dbt-duckdb reads from a
// CSV file of the project (its external_location, csvLocation), or that
// dbt-external-tables stages from one (its external: location, as
// `dbt run-operation stage_external_sources` does), the file's rows,
// before the nodes run, where the models reading it failed for want
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
		if len(ref.seeds) > 0 || d.Package != "" {
			continue
		}
		var file string
		var ok bool
		line := d.ExternalLine
		if d.ExternalLocation != "" {
			file, ok = csvLocation(d.ExternalLocation, d.Table, d.Identifier, d.Schema)
		} else if loc, _ := d.External["location"].(string); loc != "" {
			// dbt-external-tables' location, which its DuckDB plugin
			// stages as a view selecting from the path
			file, ok = projectCSV(strings.TrimSpace(loc))
			line = d.Line
		}
		if !ok {
			continue
		}
		data, err := fs.ReadFile(p.proj.Files, file)
		if err != nil {
			continue
		}
		if !r.loadCSV(file, data, ref.rel, d.File, line) {
			continue
		}
		r.reportRendered(Rendered{Kind: "source", Name: d.Key, Schema: ref.rel.Schema, Relation: ref.rel.Name, DBTSchema: d.Schema, Materialized: "source", SQL: file})
	}
}

// loadCSV loads the rows of a CSV file of the project into rel, typed as
// DuckDB's read_csv types them: every column of integers BIGINT (HUGEINT
// past 64 bits: those that fit 64 bits stay exact), of decimals DOUBLE, of true and false BOOLEAN, of dates DATE, of datetimes
// TIMESTAMP, the rest VARCHAR, and an empty cell NULL. A file it cannot
// read fails the build, named with where it is read (file, line).
func (r *runner) loadCSV(file string, data []byte, rel jinja.Relation, where string, line int) bool {
	p := r.plan
	datetime := seedDatetime(p.dialect)
	t, err := seed.ParseWith(file, data, seed.Options{Datetime: datetime, Nulls: seed.BlankNulls, HugeInts: true, BlankLines: true})
	if err != nil {
		r.res.fail(diag.From(err, file, 0))
		return false
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
	if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, t.Columns, t.Types, t.Rows); err != nil {
		r.res.fail(diag.From(err, where, line))
		return false
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
	return true
}
