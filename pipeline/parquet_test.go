//go:build !js

package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// TestParquetFiles: DuckDB models read the project's Parquet files
// (written by DuckDB) with the values and types DuckDB's read_parquet
// gives, and a column the playground does not read fails the model that
// reads it, naming the file and the column.
func TestParquetFiles(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, ProjectDir("internal/sqlfunc/oracle/testdata/projects/duck_parquet"), Options{Command: CmdBuild, Dialect: dialect.DuckDB})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		var log strings.Builder
		writeLog(&log, res)
		t.Fatalf("build failed:\n%s", log.String())
	}
	for _, c := range []struct{ sql, want string }{
		{"select ti, si, i, bi, uti, ubi from typed order by ti nulls last", "1|300|70000|9000000000|200|9000000000000000000 3||||| |-5|-1|-9000000000|0|0"},
		{"select f, d, dec2, dec4, b from typed order by ti nulls last", "1.5|0.1|12.34|-0.0005|1 |||| -2.25|1e+300|-1|0|0"},
		{"select s, length(s), dt, tm, ts, tstz, tsms from typed order by ti nulls last", "a b|3|2024-02-29|13:45:06.123456|2024-03-01T10:11:12.345678Z|2024-03-01T10:11:12Z|2024-01-01T00:00:01.5Z |||||| |0|1969-12-31|00:00:00|1970-01-01T00:00:00Z|1999-12-31T23:59:59.999Z|"},
		{"select count(*), count(distinct user_id), sum(n) from daily join users on true", "42|7|350"},
		// a glob's files, matched by column name, in the order of their names
		{"select id, v, empty from parts order by id", "1|a|0 2|b|0 3||1"},
		{"select n, vs from parts_source", "3|a,b,"},
		// Hive partitions: the folders' keys are columns, typed as DuckDB types them
		{"select id, region, d, yr, next_day, yr100 from hive_auto order by id", "1|north east|2023-01-05|2023|2023-01-06|202300 2||2024-02-01|2024|2024-02-02|202400 3|south|2024-02-01|2024|2024-02-02|202400 4|south/west|2024-03-01|2024|2024-03-02|202400"},
		{"select * from hive_off order by id", "1|north east|10.5 2||3.25 3|south|7 4|south/west|"},
		{"select id, filename, region, shout from hive_text order by id", "1|data/hive_text/region=north%20east/data_0.parquet|north east|north east! 2|data/hive_text/region=__HIVE_DEFAULT_PARTITION__/data_0.parquet|| 3|data/hive_text/region=south/data_0.parquet|south|south! 4|data/hive_text/region=01/data_0.parquet|01|01!"},
		// lists and structs, as JSON text
		{"select id, colors, counts, item, prices, grid, nest from nested order by id", `1|["red","blue"]|[10,20,30]|{"qty":3,"label":"box","shipped":"2024-02-29"}|[9.99,0.01]|[[5,6],[7]]|{"inner":{"flags":[true,false]}} ` +
			`2|[]|[]||[null,1.50]|[[],null,[8]]|{"inner":null} 3||[null]|{"qty":null,"label":null,"shipped":null}||| ` +
			`4|["it's \"q\" {x}"]|[-3]|{"qty":-1,"label":"","shipped":"1970-01-01"}|[]|[[]]|{"inner":{"flags":[]}}`},
		{"select id, week_later, price_sum, first_seen, item_text, seen_text from nested_exprs order by id", "1|2024-03-07|10|2024-05-06T07:08:09.25Z|{'qty': 3, 'label': box, 'shipped': 2024-02-29}|['2024-05-06 07:08:09.25'] 2||1.5|||[] 3||||{'qty': NULL, 'label': NULL, 'shipped': NULL}| 4|1970-01-08||2000-01-01T00:00:00Z|{'qty': -1, 'label': '', 'shipped': 1970-01-01}|['2000-01-01 00:00:00']"},
	} {
		q, err := s.Query(ctx, c.sql, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		var rows []string
		for _, r := range q.Rows {
			cells := make([]string, len(r))
			for i, v := range r {
				if v != nil {
					cells[i] = fmt.Sprint(v)
				}
			}
			rows = append(rows, strings.Join(cells, "|"))
		}
		if got := strings.Join(rows, " "); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}

	res, err = s.Build(ctx, ProjectDir("testdata/parquet"), Options{Command: CmdBuild, Dialect: dialect.DuckDB})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"binary":      "models/binary.sql:1:15: FROM 'data/binary.parquet' cannot read its file: data/binary.parquet: column raw: binary (DuckDB's BLOB), which the playground does not read from a Parquet file",
		"nanos":       "models/nanos.sql:1:15: PARQUET_SCAN cannot read its file: data/nanos.parquet: column at: of nanoseconds, which DuckDB reads as TIMESTAMP_NS",
		"nested":      "models/nested.sql:1:15: READ_PARQUET cannot read its file: data/nested.parquet: column wrapped: a MAP inside a list or struct, which the playground does not read from a Parquet file",
		"nested_time": "models/nested_time.sql:1:15: READ_PARQUET cannot read its file: data/nested_time.parquet: column clocks: TIME inside a list or struct",
		"options":     "models/options.sql:1:15: READ_PARQUET cannot read its file: an option other than hive_partitioning, hive_types_autocast and filename (true or false)",
		"mismatch":    "models/mismatch.sql:1:15: READ_PARQUET cannot read its file: data/mismatch/*/*.parquet: hive_partitioning = true, but its files' folders do not name the same key=value partitions",
		"missing":     "models/missing.sql:1:15: READ_PARQUET cannot read its file: data/missing.parquet is not a file of the project",
		"nomatch":     "models/nomatch.sql:1:15: READ_PARQUET cannot read its file: no file of the project matches data/none/*.parquet",
		"mixed":       "models/mixed.sql:1:15: READ_PARQUET cannot read its file: data/mixed/*.parquet: its files have different columns (the first's and the second), which DuckDB reads only with union_by_name",
	}
	for _, st := range res.Steps {
		if w, ok := want[st.Name]; ok {
			if st.Status != "ERROR" || !strings.HasPrefix(st.Message, w) {
				t.Errorf("%s: %s %s\nwant ERROR %s...", st.Name, st.Status, st.Message, w)
			}
			delete(want, st.Name)
		}
	}
	for name := range want {
		t.Errorf("model %s did not run", name)
	}
}
