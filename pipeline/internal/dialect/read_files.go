package dialect

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// csvFileTable is the temporary table the engine loaded the CSV file of
// DuckDB's read_csv('path', options) call into (Options.FileTable); when
// there is none it notes why on fi, for the translator to refuse. The
// options the engine follows go after the path, past a ?
// (CSVFileOptions).
func (p *parser) csvFileTable(fi *fromInfo, call *node) (string, bool) {
	if call.kind != nCall || len(call.list) == 0 {
		return "", false
	}
	opts := url.Values{}
	first := call.list[0]
	if first.kind == nArray {
		// a list of paths (or globs), read one after the other: the
		// first is the path, the others go with the options
		if len(first.list) == 0 || slices.ContainsFunc(first.list, func(e *node) bool { return e.kind != nString || e.end != e.start+1 }) {
			return "", false
		}
		for _, e := range first.list[1:] {
			opts.Add("also", stringValue(p.d, p.toks[e.tok].text))
		}
		first = first.list[0]
	}
	if first.kind != nString {
		return "", false
	}
	name := strings.ToLower(p.toks[call.tok].text)
	if jsonReaders[name] {
		if strings.HasPrefix(name, "read_ndjson") {
			opts.Set("format", "newline_delimited")
		}
		if strings.Contains(name, "_objects") {
			// one column json, each object's JSON
			opts.Set("objects", "true")
		}
		for _, o := range call.list[1:] {
			if !p.jsonOption(o, opts) {
				fi.fileErr = "an option other than format ('auto', 'array' or 'newline_delimited'), records ('auto' or true), columns, auto_detect, maximum_object_size, hive_partitioning, hive_types_autocast and filename, or one of another value than a constant"
				return "", false
			}
		}
		if opts.Get("auto_detect") == "false" && len(opts["column"]) == 0 {
			fi.fileErr = "auto_detect = false wants the columns given (columns = {'name': 'TYPE', ...}), as DuckDB does"
			return "", false
		}
		opts.Del("auto_detect")
	}
	if parquetReaders[name] {
		for _, o := range call.list[1:] {
			if !p.fileColumnOption(o, opts) {
				fi.fileErr = "an option other than hive_partitioning, hive_types_autocast and filename (true or false), which the playground's reading of a Parquet file does not follow"
				return "", false
			}
		}
	}
	for _, o := range call.list[1:] {
		if jsonReaders[name] || parquetReaders[name] {
			break
		}
		if !p.csvOption(o, opts) {
			fi.fileErr = "an option other than header, delim (sep), columns, names, union_by_name, hive_partitioning, hive_types_autocast and filename, or one of another value than a constant"
			return "", false
		}
	}
	path := stringValue(p.d, p.toks[first.tok].text)
	if len(opts) > 0 {
		path += "?" + opts.Encode()
	}
	table, err := p.fileTable(path)
	if err != nil {
		fi.fileErr = err.Error()
		return "", false
	}
	return table, true
}

// jsonReaders are DuckDB's readers of JSON files whose rows a project's
// JSON file gives (the engine's loadJSON): one row per object.
var jsonReaders = map[string]bool{"read_json": true, "read_json_auto": true, "read_ndjson": true, "read_ndjson_auto": true,
	"read_json_objects": true, "read_json_objects_auto": true, "read_ndjson_objects": true}

// parquetReaders are DuckDB's readers of Parquet files, whose rows a
// project's Parquet file gives (the engine's loadParquet).
var parquetReaders = map[string]bool{"read_parquet": true, "parquet_scan": true}

// jsonOption adds option o of read_json to opts when loading the file can
// follow it: format 'auto', 'array' or 'newline_delimited', records 'auto'
// or true, columns ({'name': 'TYPE', ...}: those columns only, of those
// types), auto_detect (false with columns given) and maximum_object_size (a
// limit of DuckDB's buffer, which changes no row here). It tells whether it could.
func (p *parser) jsonOption(o *node, opts url.Values) bool {
	if o.kind != nBinary || o.name != "=" || o.x.kind != nName || len(o.x.parts) != 1 {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(joinRaw(p.toks[o.y.start:o.y.end])))
	if o.y.kind == nString && o.y.end == o.y.start+1 {
		v = strings.ToLower(stringValue(p.d, p.toks[o.y.tok].text))
	}
	switch identName(p.toks[o.x.parts[0]]) {
	case "format":
		switch v {
		case "auto":
			opts.Del("format")
		case "array", "newline_delimited":
			opts.Set("format", v)
		default:
			return false
		}
		return true
	case "records":
		return v == "auto" || v == "true" || v == "1"
	case "auto_detect":
		// false needs the columns given, as DuckDB wants them
		if v == "false" || v == "0" {
			opts.Set("auto_detect", "false")
			return true
		}
		return v == "true" || v == "1"
	case "columns":
		return p.columnsOption(o.y, opts)
	case "maximum_object_size":
		_, err := strconv.ParseUint(v, 10, 64)
		return err == nil
	case "hive_partitioning", "hive_types_autocast", "filename":
		return p.fileColumnOption(o, opts)
	}
	return false
}

// fileColumnOption adds option o of DuckDB's file readers to opts when
// loading the files can follow it: hive_partitioning (true: the files'
// key=value folders must be partitions; false: they are not read; DuckDB
// detects them without it), hive_types_autocast (false: the partitions
// are VARCHAR) and filename (true: a column of each row's file). It tells
// whether it could.
func (p *parser) fileColumnOption(o *node, opts url.Values) bool {
	if o.kind != nBinary || o.name != "=" || o.x.kind != nName || len(o.x.parts) != 1 {
		return false
	}
	var on bool
	switch strings.ToLower(strings.TrimSpace(joinRaw(p.toks[o.y.start:o.y.end]))) {
	case "true", "1":
		on = true
	case "false", "0":
	default:
		return false
	}
	switch key := identName(p.toks[o.x.parts[0]]); key {
	case "hive_partitioning", "filename":
		opts.Set(key, strconv.FormatBool(on))
	case "hive_types_autocast":
		if !on {
			opts.Set(key, "false")
		}
	default:
		return false
	}
	if key := identName(p.toks[o.x.parts[0]]); key == "filename" && !on {
		opts.Del(key)
	}
	return true
}

// columnsOption adds the columns a reader's columns = {'name': 'TYPE',
// ...} gives to opts, in order; false when it is not written so.
func (p *parser) columnsOption(cols *node, opts url.Values) bool {
	if cols.kind != nStruct || len(cols.list) == 0 || len(cols.names) != len(cols.list) {
		return false
	}
	for i, t := range cols.list {
		if t.kind != nString || t.end != t.start+1 {
			return false
		}
		opts.Add("column", cols.names[i]+":"+stringValue(p.d, p.toks[t.tok].text))
	}
	return true
}

// csvOption adds option o of read_csv to opts when loading the file can
// follow it: header (true or false), auto_detect = true, delim or sep (one
// character), columns ({'name': 'TYPE', ...}, the file's columns in
// order) and names (['a', 'b'], the first columns' names). It tells
// whether it could.
func (p *parser) csvOption(o *node, opts url.Values) bool {
	if o.kind != nBinary || o.name != "=" || o.x.kind != nName || len(o.x.parts) != 1 {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(joinRaw(p.toks[o.y.start:o.y.end])))
	switch identName(p.toks[o.x.parts[0]]) {
	case "header":
		switch v {
		case "true", "1":
		case "false", "0":
			opts.Set("header", "false")
		default:
			return false
		}
		return true
	case "auto_detect":
		return v == "true" || v == "1"
	case "delim", "sep":
		if o.y.kind != nString || o.y.end != o.y.start+1 {
			return false
		}
		d := stringValue(p.d, p.toks[o.y.tok].text)
		if d == `\t` {
			d = "\t"
		}
		if utf8.RuneCountInString(d) != 1 || d == "\n" || d == "\r" || d == `"` {
			return false
		}
		if d != "," {
			opts.Set("delim", d)
		}
		return true
	case "columns":
		return p.columnsOption(o.y, opts)
	case "hive_partitioning", "hive_types_autocast", "filename":
		return p.fileColumnOption(o, opts)
	case "union_by_name":
		switch v {
		case "true", "1":
			opts.Set("union_by_name", "true")
		case "false", "0":
		default:
			return false
		}
		return true
	case "names", "column_names", "col_names":
		if o.y.kind != nArray || len(o.y.list) == 0 {
			return false
		}
		for _, n := range o.y.list {
			if n.kind != nString || n.end != n.start+1 {
				return false
			}
			opts.Add("name", stringValue(p.d, p.toks[n.tok].text))
		}
		return true
	}
	return false
}

// CSVFileOptions splits what Options.FileTable is asked for into the path
// of the file and the options of read_csv that loading it follows:
// header=false (no header line: the columns are column0, column1, ... or
// as named), delim (the one character between cells), column (each
// "name:TYPE" of columns={...}, in order), name (each of names=[...]),
// also (each path after the first of a list of them: read_csv(['a.csv',
// 'b.csv'])) and the options adding columns (filename, hive_partitioning,
// hive_types_autocast).
func CSVFileOptions(asked string) (path string, opts url.Values, err error) {
	path, q, ok := strings.Cut(asked, "?")
	if !ok {
		return path, url.Values{}, nil
	}
	opts, err = url.ParseQuery(q)
	return path, opts, err
}
