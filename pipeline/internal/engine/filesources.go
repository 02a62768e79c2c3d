package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// csvLocation is the project file a DuckDB source table's dbt-duckdb
// external_location reads: the location formatted with the table's name,
// identifier and schema as dbt-duckdb formats it (formatLocation), a CSV,
// JSON or Parquet file's path (the location itself, or the one argument of
// read_csv, read_csv_auto, read_json, read_json_auto, read_ndjson or
// read_parquet) relative to the project's folder, where dbt runs, followed
// by the options of read_csv loading it follows after a ?
// (dialect.CSVFileOptions). ok is false for any other location: a file
// elsewhere or over the network, a glob, another format, or a read_csv with
// other options.
func csvLocation(loc, formatter, name, identifier, schema string) (file string, ok bool) {
	loc, ok = formatLocation(loc, formatter, map[string]string{"name": name, "identifier": identifier, "schema": schema})
	if !ok {
		return "", false
	}
	loc = strings.TrimSpace(loc)
	if regexp.MustCompile(`(?is)^(?:read_(?:csv|json|ndjson)(?:_auto)?|read_parquet|parquet_scan)\s*\(.*\)$`).MatchString(loc) {
		// read_csv's path and the options loading it follows, as a
		// model's read_csv(...) reads them (dialect.CSVFileOptions)
		var asked string
		_, err := dialect.TranslateWith("select * from "+loc, dialect.Options{Dialect: dialect.DuckDB, FileTable: func(f string) (string, error) {
			asked = f
			return "t", nil
		}})
		path, _, perr := dialect.CSVFileOptions(asked)
		if err != nil || perr != nil || asked == "" {
			return "", false
		}
		file, ok := projectCSV(path)
		if jsonFile(path) || parquetFile(path) {
			file, ok = projectGlob(path)
		}
		if ok {
			return file + strings.TrimPrefix(asked, path), true
		}
		return "", false
	} else if strings.ContainsAny(loc, "()'\"") {
		return "", false
	}
	if jsonFile(loc) || parquetFile(loc) {
		return projectGlob(loc)
	}
	return projectCSV(loc)
}

// projectGlob is projectFile of a path that may be a glob (data/*.parquet),
// which DuckDB's Parquet reader reads every file of.
func projectGlob(loc string) (string, bool) {
	if _, err := path.Match(loc, ""); err != nil {
		return "", false
	}
	if strings.ContainsAny(loc, "*?[") {
		plain, ok := projectFile(strings.NewReplacer("*", "x", "?", "x", "[", "x", "]", "x").Replace(loc))
		return path.Clean(loc), ok && plain != ""
	}
	return projectFile(loc)
}

// parquetFiles are the contents of the project's Parquet files pattern
// names, in the order of their names, as DuckDB reads a glob's files.
func (r *runner) parquetFiles(pattern string, also []string) ([]string, [][]byte, error) {
	names, datas, err := r.listFiles(pattern, also)
	if err != nil {
		return nil, nil, err
	}
	if !readsParquet {
		return nil, nil, fmt.Errorf("%s is a Parquet file, which the nexus CLI reads and the page, holding a project's text files only, does not", pattern)
	}
	return names, datas, nil
}

// fileExt is the extension of a file's path, in lower case.
func fileExt(p string) string { return strings.ToLower(path.Ext(p)) }

// listFiles are the paths and contents of the files of pattern, then of
// each pattern in also, as DuckDB reads a list of paths or globs: in the
// list's order, each glob's files in the order of their names.
func (r *runner) listFiles(pattern string, also []string) ([]string, [][]byte, error) {
	names, datas, err := r.globFiles(pattern)
	for _, p := range also {
		if err != nil {
			break
		}
		var n []string
		var d [][]byte
		n, d, err = r.globFiles(p)
		names, datas = append(names, n...), append(datas, d...)
	}
	return names, datas, err
}

// globFiles are the paths and contents of the project's files pattern
// names (a path, or a glob of *, ? and [...]), in the order of their
// names, as DuckDB reads a glob's files.
func (r *runner) globFiles(pattern string) ([]string, [][]byte, error) {
	for _, fsys := range r.dataFiles() {
		names := []string{pattern}
		if strings.ContainsAny(pattern, "*?[") {
			if names, _ = fs.Glob(fsys, pattern); len(names) == 0 {
				continue
			}
			slices.Sort(names)
		} else if _, err := fs.Stat(fsys, pattern); err != nil {
			continue
		}
		datas := make([][]byte, len(names))
		for i, n := range names {
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				return nil, nil, fmt.Errorf("%s is not a file of the project", n)
			}
			datas[i] = data
		}
		return names, datas, nil
	}
	if strings.ContainsAny(pattern, "*?[") {
		return nil, nil, fmt.Errorf("no file of the project matches %s", pattern)
	}
	return nil, nil, fmt.Errorf("%s is not a file of the project", pattern)
}

// dataFiles are where a DuckDB path relative to where dbt runs is looked
// up: the project's folder, then the folder the command runs in when that
// is another (project.WorkFS), as dbt-duckdb reads a relative path there.
func (r *runner) dataFiles() []fs.FS {
	if r.plan.proj.Files == nil {
		return nil
	}
	fss := []fs.FS{r.plan.proj.Files}
	if w := project.WorkFS(r.plan.proj.Files); w != nil {
		fss = append(fss, w)
	}
	return fss
}

// readDataFile is the content of the file a DuckDB path names
// (dataFiles).
func (r *runner) readDataFile(name string) ([]byte, error) {
	_, datas, err := r.globFiles(name)
	if err != nil || len(datas) != 1 {
		return nil, fmt.Errorf("%s is not a file of the project", name)
	}
	return datas[0], nil
}

// projectCSV is the file of the project's folder that path, as DuckDB
// reads a path relative to where dbt runs, names, when it names a CSV
// file there or is a glob of them (no address, no absolute path).
func projectCSV(loc string) (string, bool) {
	if !strings.HasSuffix(strings.ToLower(loc), ".csv") {
		return "", false
	}
	return projectGlob(loc)
}

// projectFile is the file of the project's folder that path names, as
// DuckDB reads a path relative to where dbt runs (no glob, no address,
// no absolute path).
func projectFile(loc string) (string, bool) {
	if strings.ContainsAny(loc, "*?[") ||
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
// model's SQL writes it, with no options or those loading the file follows
// anyway (one with others is loaded when its translation asks for it).
var readCSVCall = regexp.MustCompile(`(?i)\bread_csv(?:_auto)?\s*\(\s*'([^']*)'` + plainCSVOptions + `\s*\)`)

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
			data, err := r.readDataFile(file)
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
// var gives); preloaded tells that it did. A path may carry the options of
// read_csv loading it follows (dialect.CSVFileOptions): the file read
// with them is a table of its own. An error says why there is none.
func (r *runner) fileTable(asked string) (table string, preloaded bool, err error) {
	path, opts, err := dialect.CSVFileOptions(asked)
	if err != nil {
		return "", false, err
	}
	file, ok := projectCSV(path)
	if jsonFile(path) || parquetFile(path) {
		file, ok = projectGlob(path)
	}
	for _, also := range opts["also"] {
		if fileExt(also) != fileExt(path) {
			return "", false, fmt.Errorf("the list holds %s beside %s, files of another kind, which DuckDB reads as the first's", also, path)
		}
		if _, fine := projectGlob(also); !fine {
			ok, path = false, also
		}
	}
	if !ok {
		return "", false, fmt.Errorf("%s is not a .csv, .json or .parquet file inside the project's folder", path)
	}
	key := file
	if len(opts) > 0 {
		key += "?" + opts.Encode()
	}
	if r.fileTables[key] {
		return fileTableName(key), !r.lateFiles[key], nil
	}
	switch missing, err := r.loadProjectFile(file, opts, jinja.Relation{Schema: "temp", Name: fileTableName(key)}, "", 0); {
	case missing:
		return "", false, err
	case errors.Is(err, errReported):
		return "", false, fmt.Errorf("%s could not be loaded", file)
	case err != nil:
		return "", false, fmt.Errorf("%s: %v", file, err)
	}
	if r.fileTables == nil {
		r.fileTables = map[string]bool{}
	}
	if r.lateFiles == nil {
		r.lateFiles = map[string]bool{}
	}
	r.fileTables[key], r.lateFiles[key] = true, true
	return fileTableName(key), false, nil
}

// csvReadOptions are the seed options reading a CSV file as DuckDB's
// read_csv reads it with opts (dialect.CSVFileOptions), and the file's
// data with the header line they give it: with header=false one naming the
// columns column0, column1, ... (column00 ... past ten, as DuckDB pads
// them), the names of columns={...} or names=[...] in place of the first
// ones, and the types of columns={...} declared.
func csvReadOptions(data []byte, opts url.Values) (seed.Options, []byte, error) {
	var o seed.Options
	if d := opts.Get("delim"); d != "" {
		o.Delimiter, _ = utf8.DecodeRuneInString(d)
	}
	cols, names := opts["column"], opts["name"]
	header := opts.Get("header") != "false"
	if header && len(cols) == 0 && len(names) == 0 {
		return o, data, nil
	}
	cr, data := csvReader(data, o.Delimiter)
	first, err := cr.Read()
	if err != nil {
		return o, nil, fmt.Errorf("the file has no line to read: %v", err)
	}
	width := len(strconv.Itoa(len(first) - 1))
	out := make([]string, len(first))
	for i := range first {
		out[i] = fmt.Sprintf("column%0*d", width, i)
		if header {
			out[i] = first[i]
		}
	}
	if len(cols) > 0 && len(cols) != len(first) {
		return o, nil, fmt.Errorf("columns names %d columns, the file has %d", len(cols), len(first))
	}
	if len(names) > len(first) {
		return o, nil, fmt.Errorf("names names %d columns, the file has %d", len(names), len(first))
	}
	copy(out, names)
	for i, c := range cols {
		at := strings.LastIndex(c, ":")
		name, typ := c[:at], c[at+1:]
		out[i] = name
		decl, ok := declaredType(dialect.DuckDB, typ)
		if !ok {
			return o, nil, fmt.Errorf("column %s has type %q, which the playground cannot store", name, typ)
		}
		if o.Declared == nil {
			o.Declared = map[string]seed.Declared{}
		}
		o.Declared[name] = decl
	}
	comma := ","
	if o.Delimiter != 0 {
		comma = string(o.Delimiter)
	}
	var line bytes.Buffer
	for i, n := range out {
		if i > 0 {
			line.WriteString(comma)
		}
		line.WriteString(`"` + strings.ReplaceAll(n, `"`, `""`) + `"`)
	}
	line.WriteString("\n")
	if header {
		data = data[cr.InputOffset():]
	}
	return o, append(line.Bytes(), data...), nil
}

// loadFileSources gives each DuckDB source table dbt-duckdb reads from a
// CSV file of the project (its external_location, csvLocation), or that
// dbt-external-tables stages from one (its external: location, as
// `dbt run-operation stage_external_sources` does), the file's rows,
// before the nodes run, where the models reading it failed for want
// of the file: as DuckDB's read_csv reads it, every column of integers
// BIGINT, of decimals DOUBLE, of true and false BOOLEAN, of times, dates
// and timestamps as its sniffer reads them (seed.DuckDBSniff), the rest
// VARCHAR, and an empty cell NULL. A table a
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
			file, ok = csvLocation(d.ExternalLocation, d.ExternalFormatter, d.Table, d.Identifier, d.Schema)
		} else if loc, _ := d.External["location"].(string); loc != "" {
			// dbt-external-tables' location, which its DuckDB plugin
			// stages as a view selecting from the path
			file, ok = projectCSV(strings.TrimSpace(loc))
			line = d.Line
		}
		if !ok {
			continue
		}
		asked := file
		file, opts, err := dialect.CSVFileOptions(asked)
		if err != nil {
			continue
		}
		if missing, err := r.loadProjectFile(file, opts, ref.rel, d.File, line); missing || errors.Is(err, errReported) {
			continue // a missing file: the source's reader says so
		} else if err != nil {
			r.res.fail(diag.Errorf(d.File, line, "source %s reads %s: %v", d.Key, file, err))
			continue
		}
		// the file, and the options it is read with after a ?
		r.reportRendered(Rendered{Kind: "source", Name: d.Key, Schema: ref.rel.Schema, Relation: ref.rel.Name, DBTSchema: d.Schema, Materialized: "source", SQL: asked})
	}
}

// errReported is a load whose failure the build already reports.
var errReported = errors.New("reported")

// loadProjectFile loads the project's file (a Parquet file's path may be
// a glob) into rel, read as DuckDB's reader of its kind reads it with
// opts; missing tells the file is not there to read, and err says why.
// A CSV file that does not read fails the build itself, named with where
// it is read (errReported).
func (r *runner) loadProjectFile(file string, opts url.Values, rel jinja.Relation, where string, line int) (missing bool, err error) {
	if parquetFile(file) {
		paths, datas, err := r.parquetFiles(file, opts["also"])
		if err != nil {
			return true, err
		}
		return false, r.loadParquet(paths, datas, opts, rel)
	}
	if jsonFile(file) {
		paths, datas, err := r.listFiles(file, opts["also"])
		if err != nil {
			return true, err
		}
		return false, r.loadJSON(file, paths, datas, opts, rel)
	}
	paths, datas, err := r.listFiles(file, opts["also"])
	if err != nil {
		return true, err
	}
	o, data, err := csvFilesData(paths, datas, opts)
	if err != nil {
		return false, err
	}
	if !r.loadCSVWith(file, data, o, rel, where, line) {
		return false, errReported
	}
	return false, nil
}

// loadCSV loads the rows of a CSV file of the project into rel, typed as
// DuckDB's read_csv types them: every column of integers BIGINT (HUGEINT
// past 64 bits: those that fit 64 bits stay exact), of decimals DOUBLE, of true and false BOOLEAN, of times, dates and
// timestamps as its sniffer reads them (seed.DuckDBSniff), the rest VARCHAR, and an empty cell NULL. A file it cannot
// read fails the build, named with where it is read (file, line).
func (r *runner) loadCSV(file string, data []byte, rel jinja.Relation, where string, line int) bool {
	return r.loadCSVWith(file, data, seed.Options{}, rel, where, line)
}

// loadCSVWith is loadCSV with the delimiter and declared column types of o.
func (r *runner) loadCSVWith(file string, data []byte, o seed.Options, rel jinja.Relation, where string, line int) bool {
	p := r.plan
	t, err := seed.ParseWith(file, data, duckCSVOptions(o))
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
	for c, d := range o.Declared {
		declared[c] = d
	}
	for c, d := range t.Sniffed {
		declared[c] = d
	}
	for _, c := range t.Booleans {
		declared[c] = seed.Boolean
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

// duckCSVOptions are the seed options reading a CSV file as DuckDB's
// read_csv does, o's delimiter and declared columns kept.
func duckCSVOptions(o seed.Options) seed.Options {
	ts, _ := declaredType(dialect.DuckDB, "timestamp")
	tz, _ := declaredType(dialect.DuckDB, "timestamptz")
	return seed.Options{DuckDB: &seed.DuckDBSniff{Timestamp: ts, TimestampTZ: tz}, Nulls: seed.BlankNulls, HugeInts: true, BlankLines: true,
		Delimiter: o.Delimiter, Declared: o.Declared}
}

// formatLocation fills the table's names into an external_location as
// dbt-duckdb's formatter: setting says: newstyle (the default, Python's
// str.format: {name}, {{ and }} a brace), oldstyle (Python's %: %(name)s,
// %% a percent sign, so a location may hold braces, as read_csv's
// columns={...} does) or template (string.Template: $name or ${name}, $$ a
// dollar sign). ok is false for a placeholder of another name, a formatter
// dbt-duckdb does not know, or a location the formatter cannot read, which
// dbt-duckdb fails on.
func formatLocation(loc, formatter string, vals map[string]string) (string, bool) {
	if !knownFormatter(formatter) {
		return "", false
	}
	var re *regexp.Regexp
	switch formatter {
	case "", "newstyle":
		re = regexp.MustCompile(`\{\{|\}\}|\{([^{}]*)\}|[{}]`)
	case "oldstyle":
		re = regexp.MustCompile(`%%|%\(([^)]*)\)s|%`)
	case "template":
		re = regexp.MustCompile(`\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$`)
	}
	ok := true
	out := re.ReplaceAllStringFunc(loc, func(m string) string {
		switch m {
		case "{{", "}}", "%%", "$$":
			return m[:1]
		}
		sub := re.FindStringSubmatch(m)
		key := ""
		for _, k := range sub[1:] {
			key += k
		}
		v, found := vals[key]
		if !found {
			ok = false
		}
		return v
	})
	return out, ok
}

// knownFormatter tells a formatter: dbt-duckdb has ("" its default).
func knownFormatter(f string) bool {
	return f == "" || f == "newstyle" || f == "oldstyle" || f == "template"
}

// locationFormats tells whether formatLocation fills in loc, with any
// names.
func locationFormats(loc, formatter string) bool {
	_, ok := formatLocation(loc, formatter, map[string]string{"name": "x", "identifier": "x", "schema": "x"})
	return ok
}
