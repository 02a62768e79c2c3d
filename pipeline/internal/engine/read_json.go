package engine

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// jsonFile tells whether path names a JSON file DuckDB's JSON reader reads
// (DuckDB picks that reader for these extensions in FROM 'path').
func jsonFile(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".ndjson") || strings.HasSuffix(p, ".jsonl")
}

// jsonKind is the type DuckDB's JSON reader detects for a column.
type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonBigint
	jsonDouble
	jsonString
	jsonNested // an object or an array
	jsonAny    // values of different kinds: DuckDB's JSON
)

// jsonValues are the rows of a JSON file of the project as DuckDB's
// read_json reads them with opts (format auto, array or
// newline_delimited; objects only, as records): each object a row.
func jsonValues(data []byte, opts url.Values) ([]*jsonObject, []string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	format := opts.Get("format")
	array := len(trimmed) > 0 && trimmed[0] == '['
	switch {
	case format == "array" && !array:
		return nil, nil, fmt.Errorf("format = 'array' wants a top-level JSON array, the file opens with %q", string(trimmed[:min(1, len(trimmed))]))
	case format == "newline_delimited" && array:
		return nil, nil, fmt.Errorf("format = 'newline_delimited' reads the file's array as one value: write format = 'array' or 'auto'")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var objs []*jsonObject
	var keys []string
	seen := map[string]bool{}
	add := func(raw json.RawMessage) error {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		v, err := decodeJSON(d)
		if err != nil {
			return err
		}
		if v == nil {
			return nil
		}
		obj, ok := v.(*jsonObject)
		if ok {
			obj.raw = string(bytes.TrimSpace(raw))
		}
		if !ok {
			return fmt.Errorf("a value that is no object (%.40s): DuckDB reads such a file as one column json, which the playground does not", string(raw))
		}
		for _, k := range obj.keys {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		objs = append(objs, obj)
		return nil
	}
	if array {
		var items []json.RawMessage
		if err := dec.Decode(&items); err != nil {
			return nil, nil, fmt.Errorf("the file is no JSON array: %v", err)
		}
		for _, it := range items {
			if err := add(it); err != nil {
				return nil, nil, err
			}
		}
		return objs, keys, nil
	}
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("the file is no JSON: %v", err)
		}
		if err := add(raw); err != nil {
			return nil, nil, err
		}
	}
	return objs, keys, nil
}

// kindOf is the kind of one JSON value.
func kindOf(v any) jsonKind {
	switch v := v.(type) {
	case nil:
		return jsonNull
	case bool:
		return jsonBool
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return jsonBigint
		}
		return jsonDouble
	case string:
		return jsonString
	}
	return jsonNested
}

// loadJSON loads the rows of a JSON file of the project into rel, typed
// as DuckDB's read_json detects them (checked on DuckDB): the columns
// are the keys of the objects in the order first seen, NULL where an
// object lacks one; integers are BIGINT, numbers with a fraction or
// exponent DOUBLE (a column of both DOUBLE), true and false BOOLEAN,
// strings VARCHAR unless every one reads as a time, date or timestamp in
// one format (seed.SniffJSONStrings), objects STRUCTs and arrays lists
// (nestedJSONColumn), and values of different kinds DuckDB's JSON, the
// value's JSON text.
func (r *runner) loadJSON(file string, paths []string, datas [][]byte, opts url.Values, rel jinja.Relation) error {
	// the files of a glob are read as one, in the order of their names:
	// their objects in turn, the columns the keys in the order first seen,
	// then the columns the options add (filename, Hive partitions)
	extra, err := fileColumns(paths, opts)
	if err != nil {
		return err
	}
	if len(extra.names) > 0 && (opts.Get("objects") == "true" || len(opts["column"]) > 0) {
		return fmt.Errorf("%s with columns = {...} or read_json_objects, which the playground does not read", extra.what[0])
	}
	var objs []*jsonObject
	var keys []string
	seen := map[string]bool{}
	for k, data := range datas {
		o, keysOf, err := jsonValues(data, opts)
		if err != nil {
			return err
		}
		if err := extra.addTo(o, k); err != nil {
			return err
		}
		objs = append(objs, o...)
		for _, key := range keysOf {
			if !seen[key] {
				seen[key] = true
				keys = append(keys, key)
			}
		}
	}
	keys = append(keys, extra.names...)
	if opts.Get("objects") == "true" {
		// read_json_objects: one column json, each object's JSON text
		// as the file writes it
		rows := make([][]any, len(objs))
		for i, o := range objs {
			rows[i] = []any{o.raw}
		}
		if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, []string{"json"}, []string{"TEXT"}, rows); err != nil {
			return err
		}
		k := relKey(rel.Schema, rel.Name)
		r.noteShape(k, store.ShapeText([]string{"json"}, []string{"TEXT"}))
		r.keepTypes(k, map[string]string{"json": dialect.TypeJSON})
		r.contentVersion(rel, rows)
		return nil
	}
	if cols := opts["column"]; len(cols) > 0 {
		return r.loadJSONColumns(file, objs, cols, rel)
	}
	if len(keys) == 0 {
		return fmt.Errorf("the file holds no object, from which DuckDB reads the columns")
	}
	wall, _ := declaredType(dialect.DuckDB, "timestamp")
	zoned, _ := declaredType(dialect.DuckDB, "timestamptz")
	types := make([]string, len(keys))
	static := map[string]string{}
	rows := make([][]any, len(objs))
	for i := range rows {
		rows[i] = make([]any, len(keys))
	}
	for c, key := range keys {
		typ := &jsonType{}
		for _, o := range objs {
			typ = mergeJSONTypes(typ, typeOfJSON(o.vals[key]))
		}
		kind := typ.kind
		name := strings.ToLower(key)
		var strs []string
		for i, o := range objs {
			v := o.vals[key]
			if v == nil {
				continue
			}
			switch kind {
			case jsonBool:
				rows[i][c] = map[bool]int64{true: 1, false: 0}[v.(bool)]
			case jsonBigint:
				n, _ := v.(json.Number).Int64()
				rows[i][c] = n
			case jsonDouble:
				f, err := v.(json.Number).Float64()
				if err != nil {
					return fmt.Errorf("column %s: %v", key, err)
				}
				rows[i][c] = f
			case jsonString:
				rows[i][c] = v
				strs = append(strs, v.(string))
			case jsonAny:
				var b bytes.Buffer
				if err := writeJSON(&b, v, typeOfJSON(v), "", nil); err != nil {
					return fmt.Errorf("column %s: %v", key, err)
				}
				rows[i][c] = b.String()
			}
		}
		if kind == jsonNested {
			if err := r.nestedJSONColumn(key, typ, objs, rows, c, static); err != nil {
				return err
			}
			types[c] = "TEXT"
			continue
		}
		if kind == jsonDouble {
			// an integer past 64 bits is DuckDB's HUGEINT, which the
			// playground does not read from JSON
			for _, o := range objs {
				if n, ok := o.vals[key].(json.Number); ok && !strings.ContainsAny(string(n), ".eE") {
					if _, err := n.Int64(); err != nil {
						return fmt.Errorf("column %s holds %s, an integer past 64 bits, which DuckDB reads as HUGEINT and the playground does not read from a JSON file", key, n)
					}
				}
			}
		}
		switch kind {
		case jsonBool:
			types[c], static[name] = "INTEGER", dialect.TypeBool
		case jsonBigint:
			types[c], static[name] = "INTEGER", dialect.StaticType(dialect.DuckDB, "bigint")
		case jsonDouble:
			types[c], static[name] = "REAL", dialect.StaticType(dialect.DuckDB, "double")
		case jsonAny:
			types[c], static[name] = "TEXT", dialect.TypeJSON
		default:
			types[c], static[name] = "TEXT", dialect.TypeText
		}
		if kind != jsonString {
			continue
		}
		sniffed, conv := seed.SniffJSONStrings(strs)
		if sniffed == "" {
			continue
		}
		cast := map[string]func(string) (string, bool){"timestamp": wall.Timestamp, "timestamptz": zoned.Timestamp}[sniffed]
		for _, row := range rows {
			s, ok := row[c].(string)
			if !ok {
				continue
			}
			v, ok := conv(s)
			if ok && cast != nil {
				v, ok = cast(v)
			}
			if !ok {
				return fmt.Errorf("column %s: %q does not read as %s", key, s, sniffed)
			}
			row[c] = v
		}
		static[name] = map[string]string{"time": dialect.TypeTime, "date": dialect.TypeDate,
			"timestamp": dialect.StaticType(dialect.DuckDB, "timestamp"), "timestamptz": dialect.StaticType(dialect.DuckDB, "timestamptz")}[sniffed]
	}
	if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, keys, types, rows); err != nil {
		return err
	}
	k := relKey(rel.Schema, rel.Name)
	r.noteShape(k, store.ShapeText(keys, types))
	r.keepTypes(k, static)
	r.contentVersion(rel, rows)
	return nil
}

// nestedJSONColumn fills column c of rows with the STRUCTs or lists of
// key, of type typ, as JSON text (writeJSON), their strings dates and
// timestamps where every string of their path reads as one in one format,
// as DuckDB detects them inside nested values too, and keeps the
// column's static type and shape. Values of different kinds, MAPs and
// times inside them are refused, naming the column.
func (r *runner) nestedJSONColumn(key string, typ *jsonType, objs []*jsonObject, rows [][]any, c int, static map[string]string) error {
	if why := typ.check(); why != "" {
		return fmt.Errorf("column %s holds %s, which the playground does not read from a JSON file", key, why)
	}
	wall, _ := declaredType(dialect.DuckDB, "timestamp")
	zoned, _ := declaredType(dialect.DuckDB, "timestamptz")
	strs := map[string][]string{}
	for _, o := range objs {
		collectStrings(o.vals[key], typ, "", strs)
	}
	kinds := map[string]string{}
	convs := map[string]func(string) (string, bool){}
	for path, vals := range strs {
		kind, conv := seed.SniffJSONStrings(vals)
		switch kind {
		case "":
			continue
		case "time":
			return fmt.Errorf("column %s holds times of day inside its objects or arrays, which the playground does not read from a JSON file", key)
		case "date":
			kinds[path], convs[path] = "DATE", conv
		case "timestamp", "timestamptz":
			cast := wall.Timestamp
			kinds[path] = "TIMESTAMP"
			if kind == "timestamptz" {
				cast, kinds[path] = zoned.Timestamp, "TIMESTAMPTZ"
			}
			convs[path] = func(s string) (string, bool) {
				v, ok := conv(s)
				if ok {
					v, ok = cast(v)
				}
				return v, ok
			}
		}
	}
	for i, o := range objs {
		v := o.vals[key]
		if v == nil {
			continue
		}
		var b bytes.Buffer
		if err := writeJSON(&b, v, typ, "", convs); err != nil {
			return fmt.Errorf("column %s: %v", key, err)
		}
		rows[i][c] = b.String()
	}
	name := strings.ToLower(key)
	static[name] = dialect.TypeStruct
	if typ.list {
		static[name] = dialect.TypeList
		switch typ.elem.kind {
		case jsonBigint:
			static[name] = dialect.TypeList + " INTEGER"
		case jsonDouble:
			static[name] = dialect.TypeList + " REAL"
		}
	}
	shape, _ := json.Marshal(typ.shape("", kinds))
	static[dialect.FullTypePrefix+name] = "SHAPE " + string(shape)
	return nil
}

// projectHas tells whether the file asked for (a path, with the options
// it is read with after a ?) is a file of the project.
func (r *runner) projectHas(asked string) bool {
	file, _, _ := dialect.CSVFileOptions(asked)
	_, err := r.readDataFile(file)
	return err == nil
}

// loadJSONColumns loads the columns read_json's columns = {'name':
// 'TYPE', ...} gives (each "name:TYPE"), in that order, each object's
// value of the key cast to the type as a seed's declared column is (a
// nested value as its JSON text, a key an object lacks NULL), as DuckDB
// reads only those keys.
func (r *runner) loadJSONColumns(file string, objs []*jsonObject, cols []string, rel jinja.Relation) error {
	o := seed.Options{Declared: map[string]seed.Declared{}}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	names := make([]string, len(cols))
	for i, c := range cols {
		at := strings.LastIndex(c, ":")
		names[i] = c[:at]
		decl, ok := declaredType(dialect.DuckDB, c[at+1:])
		if !ok {
			return fmt.Errorf("column %s has type %q, which the playground cannot store", names[i], c[at+1:])
		}
		o.Declared[names[i]] = decl
	}
	w.Write(names)
	for _, obj := range objs {
		rec := make([]string, len(names))
		for i, n := range names {
			switch v := obj.vals[n].(type) {
			case nil:
			case string:
				if v == "" {
					return fmt.Errorf("column %s holds an empty string, which the playground reads as NULL here: leave columns out", n)
				}
				rec[i] = v
			case json.Number:
				rec[i] = string(v)
			case bool:
				rec[i] = strconv.FormatBool(v)
			default:
				var jb bytes.Buffer
				if err := writeJSON(&jb, v, typeOfJSON(v), "", nil); err != nil {
					return err
				}
				rec[i] = jb.String()
			}
		}
		w.Write(rec)
	}
	w.Flush()
	if !r.loadCSVWith(file, b.Bytes(), o, rel, "", 0) {
		return fmt.Errorf("its values do not read as the columns' types")
	}
	return nil
}

// parquetFile tells whether path names a Parquet file.
func parquetFile(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".parquet") }
