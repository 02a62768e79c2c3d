package pipeline

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/dialect"
)

// realdataTarball is dbt-nexus at the commit whose API the built-in package
// follows (../shared/realdata/README.md); read there, never copied.
const realdataTarball = "../../shared/realdata/dbt-nexus-c918759.tar.gz"

// TestDBTNexusDemoOnBuiltinPackage builds dbt-nexus c918759's own demo
// (its BigQuery source models, as written) with its core removed, so the
// built-in package takes its place: every model builds, and every person
// and group id is the surrogate key of the smallest identifier of its
// entity, as dbt-nexus's core computes it.
func TestDBTNexusDemoOnBuiltinPackage(t *testing.T) {
	f, err := os.Open(realdataTarball)
	if err != nil {
		t.Skipf("dbt-nexus c918759 is not here (%v)", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.ToSlash(h.Name)
		// The real core goes, so the project asks for the built-in one.
		if h.Typeflag != tar.TypeReg || strings.HasPrefix(name, "models/nexus-models/") || strings.HasPrefix(name, "macros/") {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, fsys, Options{Command: CmdBuild, Dialect: dialect.BigQuery})
	if err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	writeLog(&log, res)
	if !res.OK {
		t.Fatalf("the demo does not build on the built-in package:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "nexus from the built-in package") {
		t.Errorf("the build did not use the built-in package:\n%s", log.String())
	}
	for _, entity := range []string{"person", "group"} {
		q, err := s.Query(ctx, `select count(*), sum(r.`+entity+`_id <> k.id) from (
			select `+entity+`_id, count(*) from identity_resolution_demo.nexus_resolved_`+entity+`_identifiers group by 1) as r
			join (select `+entity+`_id, md5(min(identifier_type || '-' || identifier_value)) as id
				from identity_resolution_demo.nexus_resolved_`+entity+`_identifiers group by 1) as k using (`+entity+`_id)`, 0)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := q.Rows[0][0].(int64)
		wrong, _ := q.Rows[0][1].(int64)
		if n == 0 || wrong != 0 {
			t.Errorf("%ss: %d, %d of them not keyed by their smallest identifier", entity, n, wrong)
		}
	}
}
