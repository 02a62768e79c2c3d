package share

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const samplesDir = "../../samples"

// sampleNames lists the sample folders on disk.
func sampleNames(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(samplesDir, e.Name(), "dbt_project.yml")); err == nil {
			names = append(names, e.Name())
		}
	}
	if len(names) < 2 {
		t.Fatalf("found samples %v, want demo and quickstart at least", names)
	}
	return names
}

// sameFiles fails the test unless got and want hold the same files byte for byte.
func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: missing after the round trip", name)
		case !bytes.Equal(g, want[name]):
			t.Errorf("%s: got %q, want %q", name, g, want[name])
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: appeared in the round trip", name)
		}
	}
}

func TestRoundTripSamples(t *testing.T) {
	samples := os.DirFS(samplesDir)
	for _, name := range sampleNames(t) {
		t.Run(name, func(t *testing.T) {
			base, err := LoadSample(samples, name)
			if err != nil {
				t.Fatal(err)
			}
			p := Project{Files: base.Files, Vars: "{nexus_max_recursion: 3}"}
			full, err := Encode(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(full, "p1.") {
				t.Errorf("full link %.20q lacks the p1. prefix", full)
			}
			got, err := Decode("http://localhost:8080/#"+full, nil)
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, got.Files, base.Files)
			if got.Vars != p.Vars || got.Sample != "" {
				t.Errorf("got vars %q sample %q, want %q and none", got.Vars, got.Sample, p.Vars)
			}

			// Edit one file, add one, delete one.
			edited := maps.Clone(base.Files)
			names := slices.Sorted(maps.Keys(edited))
			i := slices.IndexFunc(names, func(n string) bool { return strings.HasSuffix(n, ".sql") })
			edited[names[i]] = append(slices.Clone(edited[names[i]]), "\n-- edited\n"...)
			delete(edited, names[len(names)-1])
			edited["models/extra_model.sql"] = []byte("select 1 as id")
			short, err := Encode(Project{Files: edited}, base)
			if err != nil {
				t.Fatal(err)
			}
			if want := "s1." + name + "."; !strings.HasPrefix(short, want) {
				t.Errorf("sample link %.30q lacks the %s prefix", short, want)
			}
			if len(short)*3 > len(full) {
				t.Errorf("sample link is %d bytes, the full one %d: want under a third", len(short), len(full))
			}
			got, err = Decode(short, samples)
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, got.Files, edited)
			if got.Sample != name || got.Vars != "" {
				t.Errorf("got sample %q vars %q, want %q and none", got.Sample, got.Vars, name)
			}

			// Unchanged from the sample, the link holds nothing but its name.
			same, err := Encode(Project{Files: base.Files}, base)
			if err != nil {
				t.Fatal(err)
			}
			if len(same) > 64 {
				t.Errorf("link of an unchanged sample is %d bytes: %s", len(same), same)
			}
		})
	}
}

// TestRoundTripAwkward covers content txtar alone would not carry unchanged.
func TestRoundTripAwkward(t *testing.T) {
	files := map[string][]byte{
		"a.sql":                  []byte("select 1"),                          // no final newline
		"b.sql":                  []byte("-- b.sql --\nselect 2\n-- c --"),    // marker lines
		"c.sql":                  []byte(">quoted\n\n>>\n"),                   // lines that look quoted
		"d.csv":                  []byte("id\r\n1\r\n"),                       // CRLF
		"e.md":                   {},                                          // empty
		"f.txt":                  []byte("\n\n"),                              // only newlines
		"g.yml":                  []byte("-- \n"),                             // marker prefix alone
		"models/ünïcode/x y.sql": []byte("select 'é' -- trailing comment --"), // names with spaces inside
	}
	for _, vars := range []string{"", "a: 1", "-- x --\nb: 2\n"} {
		frag, err := Encode(Project{Files: files, Vars: vars}, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(frag, nil)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, got.Files, files)
		if got.Vars != vars {
			t.Errorf("vars: got %q, want %q", got.Vars, vars)
		}
	}
}

func TestEncodeTooLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 64<<10 {
		fmt.Fprintf(&b, "%d,%x\n", b.Len(), r.Uint64())
	}
	_, err := Encode(Project{Files: map[string][]byte{"seeds/big.csv": []byte(b.String())}}, nil)
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("got %v, want a *TooLargeError", err)
	}
	want := fmt.Sprintf("the project is too large for a link (%d KiB, the limit is 32 KiB): download it as a .zip instead", (tl.Bytes+1023)>>10)
	if err.Error() != want || tl.Bytes <= MaxURLBytes {
		t.Errorf("got %q (%d bytes), want %q", err, tl.Bytes, want)
	}
}

// link makes a fragment from an archive's text, as Encode would, so tests
// can hand-craft hostile links.
func link(prefix, archive string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(archive))
	zw.Close()
	return prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// manyFiles returns a txtar archive of n small files.
func manyFiles(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "-- m/f%03d.sql --\nselect %d\n", i, i)
	}
	return b.String()
}

func TestDecodeRefusals(t *testing.T) {
	good := link("p1.", "-- models/a.sql --\nselect 1\n-- seeds/s.csv --\nid\n1\n")
	payload := good[len("p1."):]
	// A link whose checksum no longer matches its data.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("-- a.sql --\nselect 1\n"))
	zw.Close()
	badSum := buf.Bytes()
	badSum[len(badSum)-8] ^= 1
	tests := []struct {
		name, fragment, wantErr string
	}{
		{"absolute path", link("p1.", "-- /etc/x.sql --\nselect 1\n"),
			`"/etc/x.sql": the name is an absolute path: paths must be relative to the project folder`},
		{"windows absolute path", link("p1.", "-- C:/x.sql --\nselect 1\n"),
			`"C:/x.sql": the name is an absolute path: paths must be relative to the project folder`},
		{"dotdot", link("p1.", "-- models/../../x.sql --\nselect 1\n"),
			`"models/../../x.sql": the name contains "..": paths must stay inside the project folder`},
		{"backslash", link("p1.", "-- models\\x.sql --\nselect 1\n"),
			`"models\\x.sql": the name contains a backslash: use / between folders`},
		{"case collision", link("p1.", "-- models/A.sql --\nselect 1\n-- models/a.sql --\nselect 2\n"),
			`"models/a.sql": the name differs from "models/A.sql" only in upper and lower case: rename one of them`},
		{"folder case collision", link("p1.", "-- Models/a.sql --\nselect 1\n-- models/b.sql --\nselect 2\n"),
			`"models/b.sql": the name differs from "Models" only in upper and lower case: rename one of them`},
		{"duplicate", link("p1.", "-- a.sql --\nselect 1\n-- a.sql --\nselect 2\n"),
			`"a.sql": the archive holds this file twice: keep one copy`},
		{"file and folder", link("p1.", "-- a.sql --\nselect 1\n-- a.sql/b.sql --\nselect 2\n"),
			`"a.sql/b.sql": the folder "a.sql" is also a file: rename one of them`},
		{"hidden file", link("p1.", "-- .env.sql --\nx\n"),
			`".env.sql": hidden files and folders (starting with ".") are not part of a project: remove it`},
		{"not a project file", link("p1.", "-- run.sh --\nrm -rf /\n"),
			`"run.sh": only .sql, .yml, .yaml, .csv, .md, .txt files belong in a project: remove this file`},
		{"too many files", link("p1.", manyFiles(MaxFiles+1)),
			`"m/f500.sql": the project has more than 500 files: remove files it does not need`},
		{"file too large", link("p1.", "-- seeds/big.csv --\n"+strings.Repeat("a", MaxFileBytes+1)),
			`"seeds/big.csv": the file is larger than 2 MiB once decompressed: make it smaller or leave it out`},
		{"binary in csv", link("p1.", "-- seeds/s.csv --\nid\x00\n"),
			`"seeds/s.csv": the file is binary (a NUL byte at offset 2), not text: save it as UTF-8 text`},
		{"invalid utf-8", link("p1.", "-- seeds/s.csv --\nid\xff\n"),
			`"seeds/s.csv": the file is not valid UTF-8 text: save it as UTF-8`},
		{"tampered base64", "p1." + payload[:10] + "!" + payload[11:],
			`the share link is damaged (not base64url at character 13): copy the whole link again, or ask for a new one`},
		{"wrong version prefix", "p9." + payload,
			`unknown share link version "p9": this link was made by a newer playground or is damaged; open it there or ask for a .zip`},
		{"not a link", "hello",
			`this is not a share link (it should start with p1. or s1.): copy the whole link again`},
		{"truncated", "p1." + base64.RawURLEncoding.EncodeToString(mustDecode(payload)[:20]),
			`the share link is damaged (the data is cut short): copy the whole link again, or ask for a new one`},
		{"checksum", "p1." + base64.RawURLEncoding.EncodeToString(badSum),
			`the share link is damaged (the checksum does not match): copy the whole link again, or ask for a new one`},
		{"not compressed", "p1." + base64.RawURLEncoding.EncodeToString([]byte("-- a.sql --\n")),
			`the share link is damaged (no compressed data): copy the whole link again, or ask for a new one`},
		{"comment", link("p1.", "hello\n-- a.sql --\nselect 1\n"),
			`the share link is damaged (text before the first file): copy the whole link again, or ask for a new one`},
		{"bad quoting", link("p1.", "-- a.sql --\nselect 1\n-- .quoted --\na.sql\n"),
			`the share link is damaged (a quoted line of a.sql lacks its >): copy the whole link again, or ask for a new one`},
		{"unknown sample", link("s1.nosuch.", "-- a.sql --\nselect 1\n"),
			`there is no sample "nosuch" here: ask for a full link, or update the playground`},
		{"deletes a file the sample lacks", link("s1.quickstart.", "-- .deleted --\nmodels/gone.sql\n"),
			`"models/gone.sql": the link deletes a file that sample "quickstart" does not have: the sample has changed since the link was made; ask for a full link`},
		{"deleted in a full link", link("p1.", "-- .deleted --\na.sql\n"),
			`the share link is damaged (a full link lists deleted files): copy the whole link again, or ask for a new one`},
		{"too long", "p1." + strings.Repeat("A", MaxURLBytes),
			`the link is longer than 32 KiB, more than any share link holds: ask for the project as a .zip instead`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Decode(tt.fragment, os.DirFS(samplesDir))
			if err == nil {
				t.Fatalf("got %d files and no error, want %q", len(p.Files), tt.wantErr)
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

func mustDecode(s string) []byte {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestWriteDir(t *testing.T) {
	files := map[string][]byte{"dbt_project.yml": []byte("name: x\n"), "models/a/b.sql": []byte("select 1")}
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteDir(dir, files, false); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFS(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, got, files)
	err = WriteDir(dir, files, false)
	if want := dir + " is not empty: choose an empty folder, or use --force to write over files of the same name"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if err := WriteDir(dir, files, true); err != nil {
		t.Errorf("with force: %v", err)
	}
	// A symbolic link planted in the folder must not carry a write outside it.
	outside := t.TempDir()
	dir2 := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir2, "models")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteDir(dir2, files, true); err == nil {
		t.Error("wrote through a symbolic link leading out of the folder")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote %v outside the folder", entries)
	}
}

// checkDecoded asserts what every accepted project must satisfy.
func checkDecoded(t *testing.T, files map[string][]byte) {
	t.Helper()
	if err := Check(files); err != nil {
		t.Fatalf("accepted a project Check refuses: %v", err)
	}
	for name := range files {
		if !filepath.IsLocal(filepath.FromSlash(name)) || !fs.ValidPath(name) {
			t.Fatalf("accepted %q, which is not a local path", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	samples := os.DirFS(samplesDir)
	f.Add(link("p1.", "-- a.sql --\nselect 1\n-- .nonl --\na.sql\n"))
	f.Add(link("s1.quickstart.", "-- models/x.sql --\nselect 1\n-- .deleted --\nREADME.md\n"))
	f.Add(link("p1.", "-- a.sql --\n>-- x --\n-- .quoted --\na.sql\n-- .vars --\na: 1\n"))
	f.Fuzz(func(t *testing.T, fragment string) {
		p, err := Decode(fragment, samples)
		if err != nil {
			var ae *ArchiveError
			if !errors.As(err, &ae) || err.Error() == "" {
				t.Fatalf("refusal %v (%T) is not an *ArchiveError with a message", err, err)
			}
			return
		}
		checkDecoded(t, p.Files)
		// What decodes must encode and decode to the same project.
		var base *Base
		if p.Sample != "" {
			if base, err = LoadSample(samples, p.Sample); err != nil {
				t.Fatal(err)
			}
		}
		again, err := Encode(p, base)
		if err != nil {
			var tl *TooLargeError
			if errors.As(err, &tl) {
				return
			}
			t.Fatalf("re-encoding: %v", err)
		}
		q, err := Decode(again, samples)
		if err != nil {
			t.Fatalf("decoding the re-encoded link: %v", err)
		}
		sameFiles(t, q.Files, p.Files)
		if q.Vars != p.Vars {
			t.Errorf("vars: got %q, want %q", q.Vars, p.Vars)
		}
	})
}
