package engine

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Hive partitions, as DuckDB's file readers take them from a glob's
// folders (data/orders/year=2024/month=1/part.parquet): each key=value
// folder is a column of the rows of the files under it. DuckDB detects
// them when every file's folders name the same keys (hive_partitioning =
// true fails where they differ, false leaves them out), appends them after the files'
// columns in the order of their names, reads %xx escapes in the value,
// gives __HIVE_DEFAULT_PARTITION__ as NULL, and types a key's values
// DATE, TIMESTAMP or BIGINT where every value reads as one and writes back
// as it is written (hive_types_autocast = false keeps them VARCHAR; 01
// and 1.5 stay VARCHAR) (checked on DuckDB).

// hiveColumns are the partition columns of a glob's files: their names,
// in order, and per file their values (nil for NULL).
type hiveColumns struct {
	names  []string
	types  []string // bigint, date, timestamp or varchar
	values [][]*string
}

// hiveDefault is the folder value Hive writes for NULL.
const hiveDefault = "__HIVE_DEFAULT_PARTITION__"

// hivePartitions reads the partition columns of the files at paths, as
// the reader's options (hive_partitioning, hive_types_autocast) ask; nil
// when there are none.
func hivePartitions(paths []string, opts url.Values) (*hiveColumns, error) {
	mode := opts.Get("hive_partitioning") // "", true or false
	if mode == "false" || len(paths) == 0 {
		return nil, nil
	}
	perFile := make([]map[string]string, len(paths))
	for i, p := range paths {
		kv, err := hiveFolders(p)
		if err != nil {
			return nil, err
		}
		perFile[i] = kv
	}
	var names []string
	for k := range perFile[0] {
		names = append(names, k)
	}
	slices.Sort(names)
	none := true
	for _, kv := range perFile {
		none = none && len(kv) == 0
	}
	if none {
		return nil, nil
	}
	same := len(names) > 0
	for _, kv := range perFile[1:] {
		if len(kv) != len(names) {
			same = false
			break
		}
		for _, n := range names {
			if _, ok := kv[n]; !ok {
				same = false
			}
		}
	}
	if !same {
		if mode == "true" {
			return nil, fmt.Errorf("hive_partitioning = true, but its files' folders do not name the same key=value partitions, which DuckDB refuses (Hive partition mismatch)")
		}
		return nil, nil
	}
	h := &hiveColumns{names: names, types: make([]string, len(names)), values: make([][]*string, len(paths))}
	for i, kv := range perFile {
		h.values[i] = make([]*string, len(names))
		for j, n := range names {
			if v := kv[n]; v != hiveDefault {
				h.values[i][j] = &v
			}
		}
	}
	for j := range names {
		h.types[j] = "varchar"
		if opts.Get("hive_types_autocast") != "false" {
			h.types[j] = hiveType(h.values, j)
		}
	}
	return h, nil
}

// hiveFolders are the key=value folders of path, read as DuckDB reads
// them.
func hiveFolders(path string) (map[string]string, error) {
	kv := map[string]string{}
	dirs := strings.Split(path, "/")
	for _, d := range dirs[:len(dirs)-1] {
		k, v, ok := strings.Cut(d, "=")
		if !ok || k == "" {
			continue
		}
		key, err := url.PathUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("folder %s: %v", d, err)
		}
		val, err := url.PathUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("folder %s: %v", d, err)
		}
		kv[key] = val
	}
	return kv, nil
}

// hiveType is the type DuckDB gives partition column j: the first of
// DATE, TIMESTAMP and BIGINT every value reads as and writes back as
// written, else VARCHAR.
func hiveType(values [][]*string, j int) string {
	for _, c := range []struct {
		typ  string
		same func(string) bool
	}{
		{"date", func(s string) bool {
			t, err := time.Parse("2006-01-02", s)
			return err == nil && t.Format("2006-01-02") == s
		}},
		{"timestamp", func(s string) bool {
			t, err := time.Parse("2006-01-02 15:04:05.999999", s)
			return err == nil && t.Format("2006-01-02 15:04:05.999999") == s
		}},
		{"bigint", func(s string) bool {
			n, err := strconv.ParseInt(s, 10, 64)
			return err == nil && strconv.FormatInt(n, 10) == s
		}},
	} {
		all, any := true, false
		for _, file := range values {
			if v := file[j]; v != nil {
				any = true
				all = all && c.same(*v)
			}
		}
		if all && any {
			return c.typ
		}
	}
	return "varchar"
}

// extraColumns are the columns a reader adds after a file's own: the
// file's path (filename = true), then its Hive partitions.
type extraColumns struct {
	names, types, what []string
	paths              []string
	hive               *hiveColumns
	filename           bool
}

// fileColumns are the columns the reader's options add to the files at
// paths.
func fileColumns(paths []string, opts url.Values) (extraColumns, error) {
	e := extraColumns{paths: paths, filename: opts.Get("filename") == "true"}
	if e.filename {
		e.names, e.types, e.what = []string{"filename"}, []string{"varchar"}, []string{"the filename column filename = true adds"}
	}
	h, err := hivePartitions(paths, opts)
	if err != nil || h == nil {
		return e, err
	}
	e.hive = h
	for i, n := range h.names {
		e.names, e.types = append(e.names, n), append(e.types, h.types[i])
		e.what = append(e.what, "a partition of its folders ("+n+"=...)")
	}
	return e, nil
}

// cells are file k's cells of the extra columns: a typed value as CSV
// text, a VARCHAR one in text (and "-" in the CSV cell), NULL as neither.
func (e extraColumns) cells(k int) (rec []string, text []any) {
	rec, text = make([]string, len(e.names)), make([]any, len(e.names))
	i := 0
	if e.filename {
		rec[0], text[0] = "-", e.paths[k]
		i = 1
	}
	if e.hive == nil {
		return rec, text
	}
	for j, v := range e.hive.values[k] {
		switch {
		case v == nil:
		case e.hive.types[j] == "varchar":
			rec[i+j], text[i+j] = "-", *v
		default:
			rec[i+j] = *v
		}
	}
	return rec, text
}

// texts are file k's cells of the extra columns as CSV text: a NULL
// partition is an empty cell, which a CSV file reads as NULL.
func (e extraColumns) texts(k int) []string {
	rec, text := e.cells(k)
	for i, t := range text {
		if s, ok := t.(string); ok {
			rec[i] = s
		}
	}
	return rec
}

// addTo puts file k's values of the extra columns into its objects, as a
// JSON reader's values: text as strings, a BIGINT partition as a number.
func (e extraColumns) addTo(objs []*jsonObject, k int) error {
	if len(e.names) == 0 {
		return nil
	}
	rec, text := e.cells(k)
	for _, o := range objs {
		for i, n := range e.names {
			for _, key := range o.keys {
				if strings.EqualFold(key, n) {
					return fmt.Errorf("column %s is both a key of its objects and %s", n, e.what[i])
				}
			}
			var v any
			switch {
			case text[i] != nil:
				v = text[i]
			case rec[i] != "" && e.types[i] == "bigint":
				v = json.Number(rec[i])
			case rec[i] != "":
				v = rec[i] // a date or timestamp, as the reader's strings
			}
			o.vals[n] = v
		}
	}
	return nil
}
