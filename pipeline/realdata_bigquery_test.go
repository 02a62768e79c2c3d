package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// realData unpacks a tarball of the real projects (see realdata.Dir) and
// opens it as a file system, or skips the test.
func realData(t *testing.T, name string) fs.FS {
	t.Helper()
	return os.DirFS(realdata.Extract(t, filepath.Join(realdata.Dir(t), name)))
}

// TestRealBigQueryDemoSources builds dbt-nexus's BigQuery demo source
// models (UNNEST over arrays of structs, field access on the alias, STRUCT
// and ARRAY(SELECT AS STRUCT ...), raw strings, real division) unchanged
// with the BigQuery dialect, and checks values read through them.
func TestRealBigQueryDemoSources(t *testing.T) {
	fsys := realData(t, "dbt-nexus-c918759.tar.gz")
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, fsys, Options{Command: CmdBuild, Dialect: dialect.BigQuery,
		Select: []string{"+path:models/demo/sources"}})
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for _, st := range res.Steps {
		if st.Kind == "model" {
			models++
		}
		if st.Status != "OK" && st.Status != "PASS" {
			t.Errorf("%s %s: %s %s", st.Kind, st.Name, st.Status, st.Message)
		}
	}
	if models != 29 {
		t.Errorf("built %d source models, want the demo's 29", models)
	}
	for _, c := range []struct{ sql, want string }{
		// ROUND(amount/100, 2) divides as BigQuery does
		{"select event_description from sources_demo.stripe_events where event_description like 'Payment%' order by occurred_at limit 1",
			"Payment $29.99 - Payment for Hollywood Farms subscription - June 2024"},
		// sender is a STRUCT(...) column
		{"select json_extract(sender, '$.domain') from sources_demo.gmail_messages_base where json_extract(sender, '$.email') = 'lewis.smith@hollywoodfarms.com' limit 1",
			"hollywoodfarms.com"},
		// a recipient: ARRAY(SELECT AS STRUCT ...) read back by UNNEST(recipients) AS recipient
		{"select count(*) > 0 from sources_demo.gmail_person_identifiers where identifier_value = 'support@sliderule.com'", "1"},
	} {
		tb, err := s.Query(ctx, c.sql, 0)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if len(tb.Rows) != 1 || fmt.Sprint(tb.Rows[0][0]) != c.want {
			t.Errorf("%s = %v, want %s", c.sql, tb.Rows, c.want)
		}
	}
}
