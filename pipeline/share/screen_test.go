package share

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestScreen(t *testing.T) {
	tests := []struct {
		name    string
		sizes   map[string]int64
		want    []string
		left    []string
		wantErr string
	}{
		{"skips build output, packages and hidden files unread",
			map[string]int64{"dbt_project.yml": 10, "models/a.sql": 10, "target/huge.bin": 300 << 20, ".git/objects/pack/x.pack": 300 << 20, "dbt_packages/p/x.sql": 5, "logs/dbt.log": 1 << 30, "models/.DS_Store": 6},
			[]string{"dbt_project.yml", "models/a.sql"}, nil, ""},
		{"a big file is refused before it is read", map[string]int64{"seeds/big.csv": 300 << 20, "models/a.sql": 1},
			nil, nil, `"seeds/big.csv": the file is larger than 2 MiB once decompressed: make it smaller or leave it out`},
		{"files of another kind are left out unread, however large", map[string]int64{"models/a.sql": 1, "notes.pdf": 100, "LICENSE": 11000, "docs/diagram.png": 300 << 20},
			[]string{"models/a.sql"}, []string{"LICENSE", "docs/diagram.png", "notes.pdf"}, ""},
		{"an unsafe name", map[string]int64{"../a.sql": 1}, nil, nil, `"../a.sql": the name contains "..": paths must stay inside the project folder`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, left, err := Screen(tc.sizes)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("got %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(left, tc.left) {
				t.Fatalf("got %v, left %v, %v", got, left, err)
			}
		})
	}
}

// A folder's files of another kind are left out unread and named, as a
// zip's are.
func TestReadFolderLeavesOutOtherKinds(t *testing.T) {
	files, left, err := ReadFolder(fstest.MapFS{
		"dbt_project.yml":     {Data: []byte("name: shop\n")},
		"LICENSE":             {Data: []byte("Apache License")},
		"etc/diagram.png":     {Data: []byte("\x89PNG\x00")},
		"models/a.sql":        {Data: []byte("select 1")},
		"models/.gitkeep":     {Data: nil},
		"scripts/load.py":     {Data: []byte("print(1)")},
		"target/manifest.bin": {Data: []byte{0}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files["models/a.sql"] == nil || files["dbt_project.yml"] == nil {
		t.Errorf("read %v", files)
	}
	if want := []string{"LICENSE", "etc/diagram.png", "scripts/load.py"}; !reflect.DeepEqual(left, want) {
		t.Errorf("left out %q, want %q", left, want)
	}
}
