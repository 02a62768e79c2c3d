package bridge

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
)

// shareCall sends a share operation through JSON and decodes its result.
func shareCall(t *testing.T, b *Bridge, req Request) (ShareResult, Response) {
	t.Helper()
	resp := roundTrip(t, b, req, nil)
	var r ShareResult
	if resp.OK {
		data, _ := json.Marshal(resp.Result)
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
	}
	return r, resp
}

func TestShareLinkRoundTripOverSample(t *testing.T) {
	b := New(":memory:")
	base := sampleFiles(t, "quickstart")
	files := sampleFiles(t, "quickstart")
	files["models/extra.sql"] = "select 1 as one\n"
	enc, resp := shareCall(t, b, Request{Op: "share.encode", Files: files, Share: &ShareArgs{Sample: "quickstart", SampleFiles: base, Vars: "{a: 1}", Dialect: "duckdb"}})
	if !resp.OK || !strings.HasPrefix(enc.Fragment, "s1.quickstart.") {
		t.Fatalf("encode: %+v %+v", resp.Error, enc)
	}
	dec, resp := shareCall(t, b, Request{Op: "share.decode", Share: &ShareArgs{Fragment: "http://x/#" + enc.Fragment, Sample: "quickstart", SampleFiles: base}})
	if !resp.OK {
		t.Fatalf("decode: %+v", resp.Error)
	}
	if len(dec.Files) != len(files) || dec.Files["models/extra.sql"] != files["models/extra.sql"] || dec.Vars != "{a: 1}" || dec.Dialect != "duckdb" || dec.Sample != "quickstart" {
		t.Fatalf("decoded %d files, vars %q, dialect %q, sample %q", len(dec.Files), dec.Vars, dec.Dialect, dec.Sample)
	}
	// A tampered link is refused with a message.
	mid := len(enc.Fragment) / 2
	flip := byte('A')
	if enc.Fragment[mid] == 'A' {
		flip = 'B'
	}
	bad := enc.Fragment[:mid] + string(flip) + enc.Fragment[mid+1:]
	if _, resp := shareCall(t, b, Request{Op: "share.decode", Share: &ShareArgs{Fragment: bad, Sample: "quickstart", SampleFiles: base}}); resp.OK || resp.Error == nil || resp.Error.Message == "" {
		t.Fatalf("tampered link accepted: %+v", resp)
	}
}

func TestShareTooLarge(t *testing.T) {
	files := map[string]string{"dbt_project.yml": "name: x\n"}
	// Incompressible enough: a pseudo-random seed.
	var seed strings.Builder
	x := uint32(1)
	for seed.Len() < 120<<10 {
		x = x*1664525 + 1013904223
		seed.WriteString(string(rune('a' + x%26)))
		if x%17 == 0 {
			seed.WriteString("\n")
		}
	}
	files["seeds/big.csv"] = "v\n" + seed.String() + "\n"
	r, resp := shareCall(t, New(":memory:"), Request{Op: "share.encode", Files: files})
	if !resp.OK || !r.TooLarge || !strings.Contains(r.Message, ".zip") {
		t.Fatalf("want too large, got %+v %+v", r, resp.Error)
	}
}

func TestZipAndFolderImport(t *testing.T) {
	b := New(":memory:")
	files := sampleFiles(t, "quickstart")
	z, resp := shareCall(t, b, Request{Op: "share.writezip", Files: files, Share: &ShareArgs{Folder: "quickstart"}})
	if !resp.OK {
		t.Fatalf("writezip: %+v", resp.Error)
	}
	back, resp := shareCall(t, b, Request{Op: "share.readzip", Share: &ShareArgs{Data: z.Data}})
	// Export adds packages.yml and a profiles.yml template; the rest comes
	// back as it went.
	if !resp.OK || back.Files["packages.yml"] == "" || back.Files["profiles/profiles.yml"] == "" || len(back.Files) != len(files)+2 {
		t.Fatalf("readzip: %+v, %d files", resp.Error, len(back.Files))
	}
	raw := map[string][]byte{"dbt_project.yml": []byte("name: x\n"), ".git/HEAD": []byte("x"), "target/x.sql": {0}}
	got, resp := shareCall(t, b, Request{Op: "share.readfolder", Share: &ShareArgs{Raw: raw}})
	if !resp.OK || len(got.Files) != 1 {
		t.Fatalf("readfolder: %+v %v", resp.Error, got.Files)
	}
	raw["models/../../etc.sql"] = []byte("x")
	if _, resp := shareCall(t, b, Request{Op: "share.readfolder", Share: &ShareArgs{Raw: raw}}); resp.OK || !strings.Contains(resp.Error.Message, "etc.sql") {
		t.Fatalf("escaping name accepted: %+v", resp.Error)
	}
	if _, resp := shareCall(t, b, Request{Op: "share.check", Share: &ShareArgs{Raw: map[string][]byte{"seeds/a.csv": {0, 1, 2}}}}); resp.OK || !strings.Contains(resp.Error.Message, "seeds/a.csv") {
		t.Fatalf("binary seed accepted: %+v", resp.Error)
	}
}

func TestDatabaseDownloadOpensWithStore(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("reopening the download needs a file database, which only the native build has")
	}
	b := New(":memory:")
	if resp := roundTrip(t, b, Request{Op: "build", Files: sampleFiles(t, "quickstart")}, nil); !resp.OK {
		t.Fatalf("build: %+v", resp.Error)
	}
	r, resp := shareCall(t, b, Request{Op: "share.database"})
	if !resp.OK {
		t.Fatalf("database: %+v", resp.Error)
	}
	zr, err := zip.NewReader(bytes.NewReader(r.Data), int64(len(r.Data)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if err := os.WriteFile(filepath.Join(dir, f.Name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Opened as the nexus command opens a file database, main's
	// _nexus_schemas attaches the schema files again.
	ctx := context.Background()
	sess, err := pipeline.Open(ctx, filepath.Join(dir, "nexus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	tables, err := sess.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tb := range tables {
		if tb.Name == "nexus_persons" && tb.Schema != "main" && tb.Rows > 0 {
			found = true
		}
	}
	if !found {
		t.Fatal("nexus_persons is in no schema of the download")
	}
}

// TestWriteZipProfileForDialect: Export's profiles.yml template is for the
// warehouse the request names (the page's Dialect selector), BigQuery
// without one or for SQLite.
func TestWriteZipProfileForDialect(t *testing.T) {
	b := New(":memory:")
	files := sampleFiles(t, "quickstart")
	for d, want := range map[string]string{"": "type: bigquery", "sqlite": "type: bigquery", "bigquery": "type: bigquery", "snowflake": "type: snowflake", "duckdb": "type: duckdb"} {
		z, resp := shareCall(t, b, Request{Op: "share.writezip", Files: files, Dialect: pipeline.Dialect(d), Share: &ShareArgs{Folder: "quickstart"}})
		if !resp.OK {
			t.Fatalf("%q: writezip: %+v", d, resp.Error)
		}
		back, resp := shareCall(t, b, Request{Op: "share.readzip", Share: &ShareArgs{Data: z.Data}})
		if !resp.OK {
			t.Fatalf("%q: readzip: %+v", d, resp.Error)
		}
		if got := back.Files["profiles/profiles.yml"]; !strings.Contains(got, want) {
			t.Errorf("dialect %q: the template has no %q:\n%s", d, want, got)
		}
	}
}
