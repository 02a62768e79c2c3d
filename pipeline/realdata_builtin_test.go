package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// TestDBTNexusDemoOnBuiltinPackage builds dbt-nexus c918759's own demo (its
// BigQuery source models, as written) twice: with the repository's core,
// and with the core removed so the built-in package takes its place. Both
// build, and persons, groups and memberships have the same ids.
func TestDBTNexusDemoOnBuiltinPackage(t *testing.T) {
	tarball := filepath.Join(realdata.Dir(t), "dbt-nexus-c918759.tar.gz")
	ids := func(dir string, dropCore bool) map[string][]string {
		if dropCore {
			for _, core := range []string{"models/nexus-models", "macros"} {
				if err := os.RemoveAll(filepath.Join(dir, core)); err != nil {
					t.Fatal(err)
				}
			}
		}
		ctx := context.Background()
		s, err := Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		res, err := s.Build(ctx, os.DirFS(dir), Options{Command: CmdBuild, Dialect: dialect.BigQuery})
		if err != nil {
			t.Fatal(err)
		}
		var log strings.Builder
		writeLog(&log, res)
		if !res.OK {
			t.Fatalf("build (core removed: %v) failed:\n%s", dropCore, log.String())
		}
		if dropCore && !strings.Contains(log.String(), "nexus from the built-in package") {
			t.Errorf("the build did not use the built-in package:\n%s", log.String())
		}
		out := map[string][]string{}
		for table, col := range map[string]string{"nexus_persons": "person_id", "nexus_groups": "group_id", "nexus_memberships": "membership_id"} {
			q, err := s.Query(ctx, "select "+col+" from final_tables_demo."+table+" order by 1", 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range q.Rows {
				v, _ := r[0].(string)
				out[table] = append(out[table], v)
			}
		}
		return out
	}
	core := ids(realdata.Extract(t, tarball), false)
	builtin := ids(realdata.Extract(t, tarball), true)
	for table, want := range core {
		if len(want) == 0 {
			t.Errorf("%s: the core built no rows", table)
		}
		if !slices.Equal(builtin[table], want) {
			t.Errorf("%s ids: built-in package %v, dbt-nexus's core %v", table, builtin[table], want)
		}
	}
}
