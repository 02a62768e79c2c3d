package pipeline

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// dbt-nexus v0.13.0 keys its resolution log by an md5 of the row's
// columns as text, the watermark among them: a scalar subquery
// (SELECT MAX(_ingested_at) ...) in the resolver, carried through the
// log's UNION ALL of person and group rows, in a full resolution as in an
// incremental one. The watermark is a DuckDB TIMESTAMP, so its text is
// DuckDB's ('2024-01-02 00:00:00'), and the ids are those DuckDB computes.
func TestRealdataNexusV013ResolutionIDs(t *testing.T) {
	root := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	fsys := ProjectDir(filepath.Join(root, "integration_tests"))
	// it_now of each run: all batches in one full resolution, or the
	// first batch resolved in full and the next incrementally, whose
	// watermark is a scalar subquery over a CTE
	for _, steps := range [][]string{{"2100-01-01 00:00:00"}, {"2024-01-01 00:00:00", "2100-01-01 00:00:00"}} {
		t.Run(strings.Join(steps, ","), func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, now := range steps {
				vars := map[string]any{"it_now": now, "it_scenario": "chain_within_batch"}
				res, err := s.Build(ctx, fsys, Options{Command: CmdBuild, Select: []string{"+nexus_resolution_log"}, Vars: vars})
				if err != nil {
					t.Fatal(err)
				}
				for _, st := range res.Steps {
					if st.Status != "OK" && st.Status != "PASS" {
						t.Fatalf("%s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
					}
				}
			}
			checkResolutionIDs(t, s, len(steps) > 1)
		})
	}
}

// checkResolutionIDs checks every id of the resolution log against the
// md5 DuckDB computes of its columns; incremental tells that some rows
// must come from an incremental run.
func checkResolutionIDs(t *testing.T, s *Session, incremental bool) {
	t.Helper()
	cols := []string{"entity_type", "identifier_type", "identifier_value", "entity_id", "resolution_reason", "resolved_at_watermark"}
	tab, err := s.Query(context.Background(), "select resolution_id, "+strings.Join(cols, ", ")+" from nexus_resolution_log order by 1", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) == 0 {
		t.Fatal("nexus_resolution_log has no rows")
	}
	reasons := map[any]bool{}
	for _, row := range tab.Rows {
		reasons[row[5]] = true
		texts := make([]string, len(cols))
		for i, v := range row[1:] {
			texts[i] = surrogateText(t, cols[i], v)
		}
		sum := md5.Sum([]byte(strings.Join(texts, "-")))
		if want := "res_" + hex.EncodeToString(sum[:]); row[0] != want {
			t.Errorf("resolution_id of %v = %v; want %s, the md5 of %q", row[1:], row[0], want, strings.Join(texts, "-"))
		}
	}
	if incremental && len(reasons) < 2 {
		t.Errorf("the log's reasons are %v; want the incremental run's besides full_resolution", reasons)
	}
}

// surrogateText is a column's value as dbt_utils' surrogate key reads it
// on DuckDB: cast to VARCHAR, NULL as its placeholder, and a TIMESTAMP
// written as DuckDB writes one (a space, the fraction it has, no zone).
func surrogateText(t *testing.T, col string, v any) string {
	t.Helper()
	if v == nil {
		return "_dbt_utils_surrogate_key_null_"
	}
	s := fmt.Sprint(v)
	if col != "resolved_at_watermark" {
		return s
	}
	ts, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("resolved_at_watermark %q is not a timestamp: %v", s, err)
	}
	return ts.UTC().Format("2006-01-02 15:04:05.999999")
}
