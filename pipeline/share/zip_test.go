package share

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// entry is one file of a zip built by a test.
type entry struct {
	name string
	data string
	size int64       // when set, data is repeated until the entry is this large
	mode fs.FileMode // when set, the entry's mode
}

// makeZip builds a zip of entries in order.
func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if e.size > 0 {
			chunk := []byte(strings.Repeat(e.data, 1<<20/len(e.data)))
			for n := int64(0); n < e.size; n += int64(len(chunk)) {
				w.Write(chunk[:min(int64(len(chunk)), e.size-n)])
			}
		} else {
			io.WriteString(w, e.data)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readZip(b []byte) (map[string][]byte, error) {
	files, _, err := ReadZip(bytes.NewReader(b), int64(len(b)))
	return files, err
}

func TestReadZip(t *testing.T) {
	z := makeZip(t,
		entry{name: "shop/"},
		entry{name: "shop/dbt_project.yml", data: "name: shop\n"},
		entry{name: "shop/models/a.sql", data: "select 1"},
		entry{name: "shop/target/nexus.db", data: "SQLite format 3\x00"},
		entry{name: "shop/dbt_packages/nexus/x.sql", data: "x"},
		entry{name: "shop/.DS_Store", data: "\x00\x01"},
		entry{name: "__MACOSX/shop/._a.sql", data: "\x00"},
	)
	got, err := readZip(z)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, got, map[string][]byte{"dbt_project.yml": []byte("name: shop\n"), "models/a.sql": []byte("select 1")})

	// Files at the top level stay where they are.
	got, err = readZip(makeZip(t, entry{name: "a/x.sql", data: "1"}, entry{name: "b.sql", data: "2"}))
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, got, map[string][]byte{"a/x.sql": []byte("1"), "b.sql": []byte("2")})
}

// A real project's repository holds files beside the project's own (a
// licence, a diagram, scripts): they are left out unread and named, where
// they refused the whole zip.
func TestReadZipLeavesOutOtherKinds(t *testing.T) {
	z := makeZip(t,
		entry{name: "shop/dbt_project.yml", data: "name: shop\n"},
		entry{name: "shop/LICENSE", data: "Apache License"},
		entry{name: "shop/etc/diagram.png", data: "\x89PNG\x00\x00", size: 5 << 20},
		entry{name: "shop/run.py", data: "print(1)"},
		entry{name: "shop/bin/tool", data: "/etc/passwd", mode: fs.ModeSymlink | 0o777},
		entry{name: "shop/models/a.sql", data: "select 1"},
	)
	files, left, err := ReadZip(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, files, map[string][]byte{"dbt_project.yml": []byte("name: shop\n"), "models/a.sql": []byte("select 1")})
	if want := []string{"LICENSE", "bin/tool", "etc/diagram.png", "run.py"}; !slices.Equal(left, want) {
		t.Errorf("left out %q, want %q", left, want)
	}
}

func TestWriteZip(t *testing.T) {
	base, err := LoadSample(os.DirFS(samplesDir), "demo")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteZip(&buf, base.Files, "demo"); err != nil {
		t.Fatal(err)
	}
	got, err := readZip(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := maps.Clone(base.Files)
	want["packages.yml"] = []byte(PackagesYML)
	sameFiles(t, got, want)

	// The same project zips to the same bytes; its own packages.yml is kept.
	var again bytes.Buffer
	if err := WriteZip(&again, base.Files, "demo"); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("second zip differs from the first (err %v)", err)
	}
	own := map[string][]byte{"packages.yml": []byte("packages: []\n")}
	buf.Reset()
	if err := WriteZip(&buf, own, ""); err != nil {
		t.Fatal(err)
	}
	if got, err := readZip(buf.Bytes()); err != nil {
		t.Fatal(err)
	} else {
		sameFiles(t, got, own)
	}
	if err := WriteZip(io.Discard, map[string][]byte{"../x.sql": nil}, ""); err == nil {
		t.Error("zipped a project with an unsafe name")
	}
}

func TestReadZipRefusals(t *testing.T) {
	var many []entry
	for i := range MaxFiles + 1 {
		many = append(many, entry{name: fmt.Sprintf("m/f%03d.sql", i), data: "select 1"})
	}
	var heavy []entry
	for i := range 9 {
		heavy = append(heavy, entry{name: fmt.Sprintf("seeds/s%d.csv", i), data: "a", size: MaxFileBytes})
	}
	tests := []struct {
		name    string
		zip     []byte
		wantErr string
	}{
		{"absolute path", makeZip(t, entry{name: "/etc/cron.d/x.sql", data: "x"}),
			`"/etc/cron.d/x.sql": the name is an absolute path: paths must be relative to the project folder`},
		{"dotdot", makeZip(t, entry{name: "p/../../x.sql", data: "x"}),
			`"p/../../x.sql": the name contains "..": paths must stay inside the project folder`},
		{"backslash", makeZip(t, entry{name: `..\x.sql`, data: "x"}),
			`"..\\x.sql": the name contains a backslash: use / between folders`},
		{"NUL in name", makeZip(t, entry{name: "a\x00.sql", data: "x"}),
			`"a\x00.sql": the name contains a NUL byte: rename the file`},
		{"empty name", makeZip(t, entry{name: "", data: "x"}),
			`an entry has an empty name: remove it from the archive`},
		{"case collision", makeZip(t, entry{name: "models/x.sql", data: "1"}, entry{name: "models/X.sql", data: "2"}),
			`"models/X.sql": the name differs from "models/x.sql" only in upper and lower case: rename one of them`},
		{"duplicate", makeZip(t, entry{name: "x.sql", data: "1"}, entry{name: "x.sql", data: "2"}),
			`"x.sql": the archive holds this file twice: keep one copy`},
		{"too many files", makeZip(t, many...),
			`"m/f500.sql": the project has more than 500 files: remove files it does not need`},
		{"file too large", makeZip(t, entry{name: "seeds/big.csv", data: "1,2\n", size: MaxFileBytes + 1}),
			`"seeds/big.csv": the file is larger than 2 MiB once decompressed: make it smaller or leave it out`},
		{"zip bomb", makeZip(t, entry{name: "seeds/bomb.csv", data: "0", size: 100 << 20}),
			`"seeds/bomb.csv": the file is larger than 2 MiB once decompressed: make it smaller or leave it out`},
		{"total too large", makeZip(t, heavy...),
			`"seeds/s8.csv": the project is larger than 16 MiB in all once decompressed: remove large files such as big seeds`},
		{"binary in csv", makeZip(t, entry{name: "seeds/s.csv", data: "id\n\x00\x01\x02"}),
			`"seeds/s.csv": the file is binary (a NUL byte at offset 3), not text: save it as UTF-8 text`},
		{"an unsafe name of another kind", makeZip(t, entry{name: "p/../../etc/x.png", data: "x"}),
			`"p/../../etc/x.png": the name contains "..": paths must stay inside the project folder`},
		{"symbolic link", makeZip(t, entry{name: "models/l.sql", data: "/etc/passwd", mode: fs.ModeSymlink | 0o777}),
			`"models/l.sql": the entry is a link or a special file, not a regular file: zip the file it points to instead`},
		{"not a zip", []byte("PK\x03\x04 not really"),
			`the file is not a readable zip archive (zip: not a valid zip file): make the zip again`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := readZip(tt.zip)
			if err == nil {
				t.Fatalf("got %d files and no error, want %q", len(files), tt.wantErr)
			}
			if got := err.Error(); got != tt.wantErr {
				t.Errorf("got  %s\nwant %s", got, tt.wantErr)
			}
			var ae *ArchiveError
			if !errors.As(err, &ae) {
				t.Errorf("got a %T, want an *ArchiveError", err)
			}
		})
	}
}

func TestCheckFolder(t *testing.T) {
	// A dropped folder goes through the same rules.
	err := Check(map[string][]byte{"models/a.sql": []byte("1"), "Models/b.sql": []byte("2")})
	if want := `"models/a.sql": the name differs from "Models" only in upper and lower case: rename one of them`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func FuzzReadZip(f *testing.F) {
	f.Add(makeZip(f, entry{name: "p/dbt_project.yml", data: "name: p\n"}, entry{name: "p/models/a.sql", data: "select 1"}))
	f.Add(makeZip(f, entry{name: "../a.sql", data: "x"}))
	f.Add(makeZip(f, entry{name: "a.sql", data: "x"}, entry{name: "A.sql", data: "y"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := readZip(data)
		if err != nil {
			var ae *ArchiveError
			if !errors.As(err, &ae) || err.Error() == "" {
				t.Fatalf("refusal %v (%T) is not an *ArchiveError with a message", err, err)
			}
			return
		}
		checkDecoded(t, files)
	})
}
