package engine

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// TestHivePartitions: the partition columns of a glob's files, as DuckDB
// detects and types them (each row checked on DuckDB: a value must
// write back as written to be a DATE, TIMESTAMP or BIGINT).
func TestHivePartitions(t *testing.T) {
	for _, c := range []struct {
		paths []string
		opts  string
		want  string // name:type=value,value ...; "" for none
	}{
		{[]string{"d/yr=2023/day=2023-01-05/f.parquet", "d/yr=2024/day=2024-02-01/f.parquet"}, "", "day:date=2023-01-05,2024-02-01 yr:bigint=2023,2024"},
		{[]string{"d/b=2024-01-01 10:00:00/f.parquet", "d/b=__HIVE_DEFAULT_PARTITION__/f.parquet"}, "", "b:timestamp=2024-01-01 10:00:00,NULL"},
		{[]string{"d/a=01/f.parquet"}, "", "a:varchar=01"},
		{[]string{"d/a=1.5/f.parquet"}, "", "a:varchar=1.5"},
		{[]string{"d/a=-3/f.parquet"}, "", "a:bigint=-3"},
		{[]string{"d/a=2024-01-01/f.parquet", "d/a=2024-01-02 10:00:00/f.parquet"}, "", "a:varchar=2024-01-01,2024-01-02 10:00:00"},
		{[]string{"d/a=true/f.parquet"}, "", "a:varchar=true"},
		{[]string{"d/a=north%20east/f.parquet", "d/a=/f.parquet"}, "", "a:varchar=north east,"},
		{[]string{"d/yr=2023/f.parquet"}, "hive_types_autocast=false", "yr:varchar=2023"},
		{[]string{"d/yr=2023/f.parquet"}, "hive_partitioning=false", ""},
		// the files' folders differ: no partitions, unless asked for
		{[]string{"d/k=1/f.parquet", "d/other/f.parquet"}, "", ""},
		{[]string{"d/k=1/j=2/f.parquet", "d/k=2/f.parquet"}, "", ""},
		{[]string{"d/f.parquet"}, "hive_partitioning=true", ""},
		{[]string{"d/k=1/f.parquet", "d/other/f.parquet"}, "hive_partitioning=true", "error"},
	} {
		opts, _ := url.ParseQuery(c.opts)
		h, err := hivePartitions(c.paths, opts)
		got := ""
		switch {
		case err != nil:
			got = "error"
		case h != nil:
			var cols []string
			for j, n := range h.names {
				var vals []string
				for _, file := range h.values {
					if v := file[j]; v != nil {
						vals = append(vals, *v)
					} else {
						vals = append(vals, "NULL")
					}
				}
				cols = append(cols, fmt.Sprintf("%s:%s=%s", n, h.types[j], strings.Join(vals, ",")))
			}
			got = strings.Join(cols, " ")
		}
		if got != c.want {
			t.Errorf("%v %s:\n got %s\nwant %s", c.paths, c.opts, got, c.want)
		}
	}
}
