package share

import (
	"reflect"
	"testing"
)

func TestScreen(t *testing.T) {
	tests := []struct {
		name    string
		sizes   map[string]int64
		want    []string
		wantErr string
	}{
		{"skips build output, packages and hidden files unread",
			map[string]int64{"dbt_project.yml": 10, "models/a.sql": 10, "target/huge.bin": 300 << 20, ".git/objects/pack/x.pack": 300 << 20, "dbt_packages/p/x.sql": 5, "logs/dbt.log": 1 << 30, "models/.DS_Store": 6},
			[]string{"dbt_project.yml", "models/a.sql"}, ""},
		{"a big file is refused before it is read", map[string]int64{"seeds/big.csv": 300 << 20, "models/a.sql": 1},
			nil, `"seeds/big.csv": the file is larger than 2 MiB once decompressed: make it smaller or leave it out`},
		{"a file of another kind", map[string]int64{"models/a.sql": 1, "notes.pdf": 100},
			nil, `"notes.pdf": only .sql, .yml, .yaml, .csv, .md, .txt files belong in a project: remove this file`},
		{"an unsafe name", map[string]int64{"../a.sql": 1}, nil, `"../a.sql": the name contains "..": paths must stay inside the project folder`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Screen(tc.sizes)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("got %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, %v", got, err)
			}
		})
	}
}
