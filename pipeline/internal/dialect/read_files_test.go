package dialect

import (
	"errors"
	"strings"
	"testing"
)

// DuckDB's read_csv(file) and read_csv_auto(file), and FROM 'file.csv', of a CSV file the
// engine loaded (Options.FileTable) read its temporary table, under the
// function's name unless aliased; another file, or one read with other
// options, is refused saying why.
func TestDuckDBReadCSVFileTable(t *testing.T) {
	files := func(file string) (string, error) {
		if path, _, _ := CSVFileOptions(file); path == "data/x.csv" {
			return "__read_csv__" + file, nil
		}
		return "", errors.New(file + " is not a file of the project")
	}
	for in, want := range map[string]string{
		"select * from read_csv_auto('data/x.csv')":                                   `select * from temp."__read_csv__data/x.csv" AS read_csv_auto`,
		"select s.a from read_csv('data/x.csv') s join t on s.a = t.a":                `select s.a from temp."__read_csv__data/x.csv" s join t on s.a = t.a`,
		"with src as (select * from read_csv_auto( 'data/x.csv' )) select a from src": `with src as (select * from temp."__read_csv__data/x.csv" AS read_csv_auto) select a from src`,
		"select * from read_csv('data/x.csv', header = true, delim = ',') as s":       `select * from temp."__read_csv__data/x.csv" as s`,
		// options the engine follows loading the file: a table of their own
		"select * from read_csv('data/x.csv', delim = ';', header = false) as s":                    `select * from temp."__read_csv__data/x.csv?delim=%3B&header=false" as s`,
		"select * from read_csv('data/x.csv', sep = '\\t', columns = {'a': 'INT', 'b': 'VARCHAR'})": `select * from temp."__read_csv__data/x.csv?column=a%3AINT&column=b%3AVARCHAR&delim=%09" AS read_csv`,
		"select * from read_csv('data/x.csv', names = ['p', 'q']) as s":                             `select * from temp."__read_csv__data/x.csv?name=p&name=q" as s`,
		"select * from read_csv('data/x.csv', filename = true, hive_partitioning = false) as s":     `select * from temp."__read_csv__data/x.csv?filename=true&hive_partitioning=false" as s`,
		"select * from read_csv('data/x.csv', union_by_name = true) as s":                           `select * from temp."__read_csv__data/x.csv?union_by_name=true" as s`,
		// a list of files, read in its order: the others go with the options
		"select * from read_csv(['data/x.csv', 'data/*.csv'], header = true) as s": `select * from temp."__read_csv__data/x.csv?also=data%2F%2A.csv" as s`,
		// a path in FROM is read as read_csv_auto reads it, the relation
		// named after the file
		"select x.a from 'data/x.csv'":                      `select x.a from temp."__read_csv__data/x.csv" AS x`,
		"select s.a from 'data/x.csv' as s, 'data/x.csv'":   `select s.a from temp."__read_csv__data/x.csv" as s, temp."__read_csv__data/x.csv" AS x`,
		"select a from 'data/x.csv' where a = 'data/x.csv'": `select a from temp."__read_csv__data/x.csv" AS x where a = 'data/x.csv'`,
	} {
		got, err := TranslateWith(in, Options{Dialect: DuckDB, FileTable: files})
		if err != nil || got != want {
			t.Errorf("%q:\n got  %q, %v\n want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"select * from read_csv_auto('data/y.csv')":                  "READ_CSV_AUTO cannot read its file: data/y.csv is not a file of the project",
		"select * from read_csv('data/x.csv', delim = false)":        "READ_CSV cannot read its file: an option other than header, delim (sep), columns, names, union_by_name, hive_partitioning",
		"select * from read_csv('data/x.csv', types = {'a': 'INT'})": "READ_CSV cannot read its file: an option other than",
		"select * from read_csv('data/x.csv', header = h)":           "READ_CSV cannot read its file: an option other than",
		"select * from 'data/y.csv'":                                 "FROM 'data/y.csv' cannot read its file: data/y.csv is not a file of the project",
		"select * from 'data/x.parquet'":                             "FROM 'data/x.parquet' cannot read its file: data/x.parquet is not a file of the project",
		"select * from 'data/x.txt'":                                 "FROM 'data/x.txt' is not supported: it reads files",
	} {
		if got, err := TranslateWith(in, Options{Dialect: DuckDB, FileTable: files}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: want the refusal %q, got %q, %v", in, want, got, err)
		}
	}
	for _, in := range []string{"select * from read_csv_auto('data/x.csv')", "select * from 'data/x.csv'"} {
		if got, err := TranslateWith(in, Options{Dialect: DuckDB}); err == nil || !strings.Contains(err.Error(), "reads files") {
			t.Errorf("%q without FileTable: want a refusal, got %q, %v", in, got, err)
		}
	}
}

// DuckDB's read_json, read_json_auto, read_ndjson and FROM 'file.json' of
// a JSON file the engine loaded read its temporary table, the options
// loading it follows after a ? (read_ndjson's format newline_delimited);
// other options, and readers of JSON the engine does not load, are refused.
func TestDuckDBReadJSONFileTable(t *testing.T) {
	files := func(file string) (string, error) {
		if path, _, _ := CSVFileOptions(file); path == "data/e.json" || path == "data/e.ndjson" || path == "data/e.parquet" {
			return "__read_csv__" + file, nil
		}
		return "", errors.New(file + " is not a file of the project")
	}
	for _, c := range []struct{ in, want string }{
		{"select * from read_json_auto('data/e.json')", `select * from temp."__read_csv__data/e.json" AS read_json_auto`},
		{"select * from read_json('data/e.json', format = 'array') as e", `select * from temp."__read_csv__data/e.json?format=array" as e`},
		{"select * from read_json('data/e.json', format = 'auto', records = true, auto_detect = true, maximum_object_size = 1048576) e", `select * from temp."__read_csv__data/e.json" e`},
		{"select * from read_ndjson('data/e.ndjson')", `select * from temp."__read_csv__data/e.ndjson?format=newline_delimited" AS read_ndjson`},
		{"select * from read_json('data/e.ndjson', format = 'newline_delimited', records = 'auto')", `select * from temp."__read_csv__data/e.ndjson?format=newline_delimited" AS read_json`},
		{"select * from read_json('data/e.json', columns = {'a': 'INTEGER', b: 'VARCHAR'}, auto_detect = false) e", `select * from temp."__read_csv__data/e.json?column=a%3AINTEGER&column=b%3AVARCHAR" e`},
		{"select json from read_json_objects('data/e.json')", `select json from temp."__read_csv__data/e.json?objects=true" AS read_json_objects`},
		{"select * from read_json('data/e.json', filename = true, hive_partitioning = false) e", `select * from temp."__read_csv__data/e.json?filename=true&hive_partitioning=false" e`},
		{"select e.a from 'data/e.json'", `select e.a from temp."__read_csv__data/e.json" AS e`},
		{"select x.a from 'data/e.ndjson' as x", `select x.a from temp."__read_csv__data/e.ndjson" as x`},
		// a Parquet file the engine loaded (the nexus CLI reads them)
		{"select * from read_parquet('data/e.parquet') p", `select * from temp."__read_csv__data/e.parquet" p`},
		{"select * from parquet_scan('data/e.parquet')", `select * from temp."__read_csv__data/e.parquet" AS parquet_scan`},
		{"select e.a from 'data/e.parquet'", `select e.a from temp."__read_csv__data/e.parquet" AS e`},
		// the options the engine follows, after the ?
		{"select * from read_parquet('data/e.parquet', hive_partitioning = true, filename = 1) p", `select * from temp."__read_csv__data/e.parquet?filename=true&hive_partitioning=true" p`},
		{"select * from read_parquet('data/e.parquet', hive_partitioning = false, hive_types_autocast = false, filename = false) p", `select * from temp."__read_csv__data/e.parquet?hive_partitioning=false&hive_types_autocast=false" p`},
		{"select * from read_parquet('data/e.parquet', hive_types_autocast = true) p", `select * from temp."__read_csv__data/e.parquet" p`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: DuckDB, FileTable: files})
		if err != nil || got != c.want {
			t.Errorf("%q:\n got  %q, %v\n want %q", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"select * from read_json('data/e.json', ignore_errors = true)", "READ_JSON cannot read its file: an option other than format"},
		{"select * from read_json('data/e.json', columns = {'a': 1})", "READ_JSON cannot read its file: an option other than format"},
		{"select * from read_json('data/e.json', format = 'unstructured')", "READ_JSON cannot read its file: an option other than format"},
		{"select * from read_json('data/e.json', records = false)", "READ_JSON cannot read its file: an option other than format"},
		{"select * from read_json('data/e.json', auto_detect = false)", "READ_JSON cannot read its file: auto_detect = false wants the columns given"},
		{"select * from read_json_auto('data/y.json')", "READ_JSON_AUTO cannot read its file: data/y.json is not a file of the project"},
		{"select * from 'data/y.jsonl'", "FROM 'data/y.jsonl' cannot read its file: data/y.jsonl is not a file of the project"},
		{"select * from read_parquet('data/y.parquet')", "READ_PARQUET cannot read its file: data/y.parquet is not a file of the project"},
		{"select * from read_parquet('data/e.parquet', union_by_name = true)", "READ_PARQUET cannot read its file: an option other than hive_partitioning"},
		{"select * from read_parquet('data/e.parquet', filename = 'src')", "READ_PARQUET cannot read its file: an option other than hive_partitioning"},
		{"select * from read_parquet(['data/e.parquet', x])", "READ_PARQUET is not supported: it reads files"},
		{"select * from read_parquet(['data/y.parquet'])", "READ_PARQUET cannot read its file: data/y.parquet is not a file of the project"},
	} {
		if got, err := TranslateWith(c.in, Options{Dialect: DuckDB, FileTable: files}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want the refusal %q, got %q, %v", c.in, c.want, got, err)
		}
	}
}
