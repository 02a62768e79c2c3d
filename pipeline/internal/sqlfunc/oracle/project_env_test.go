package oracle

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// TestProjectDirAgreesWithDuckDB is TestProjectsAgreeWithDuckDB for one
// project named by NEXUS_ORACLE_DIR (NEXUS_ORACLE_TARGET its profile's
// output, NEXUS_ORACLE_VARS its vars as JSON): a project kept outside the
// repository. Nodes our build fails are reported and left out.
func TestProjectDirAgreesWithDuckDB(t *testing.T) {
	dir := os.Getenv("NEXUS_ORACLE_DIR")
	if dir == "" {
		t.Skip("NEXUS_ORACLE_DIR names no project")
	}
	var vars map[string]any
	if v := os.Getenv("NEXUS_ORACLE_VARS"); v != "" {
		if err := json.Unmarshal([]byte(v), &vars); err != nil {
			t.Fatal(err)
		}
	}
	compareProjectDir(t, dir, os.Getenv("NEXUS_ORACLE_TARGET"), vars)
}

// compareProjectDir builds the project in dir with the pipeline for
// DuckDB, replays the nodes it built on DuckDB and compares their tables.
// The nodes our build fails are reported and left out; they are returned,
// with DuckDB holding every table the others made.
func compareProjectDir(t *testing.T, dir, target string, vars map[string]any) (duck *sql.DB, failed []ranStep) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	ours, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	var steps []ranStep
	res, err := ours.Build(ctx, pipeline.ProjectDir(dir), pipeline.Options{Command: pipeline.CmdBuild, Dialect: dialect.DuckDB, Target: target, Vars: vars, Once: true,
		Rendered: func(r pipeline.Rendered) {
			st := ranStep{Rendered: r}
			if r.InGo {
				st.names, st.temps = goTables(ctx, t, ours, r.SQL)
			}
			steps = append(steps, st)
		}})
	if err != nil {
		t.Fatal(err)
	}
	notBuilt := map[string]bool{}
	nModels, nFailed := 0, 0
	for _, st := range res.Steps {
		if st.Kind == "model" {
			nModels++
		}
		if st.Status == "ERROR" || st.Status == "SKIP" {
			notBuilt[st.Kind+" "+st.Name] = true
			if st.Kind == "model" {
				nFailed++
			}
			t.Logf("OURS %s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
		}
	}
	t.Logf("FIGURES models %d, failed %d; %s", nModels, nFailed, res.Summary)
	var kept []ranStep
	for _, st := range steps {
		if notBuilt[st.Kind+" "+st.Name] {
			failed = append(failed, st)
		} else {
			kept = append(kept, st)
		}
	}
	duck = openDuck(t)
	t.Cleanup(func() { duck.Close() })
	built := replayOnDuck(ctx, t, ours, duck, dir, kept, nil)
	for _, st := range built {
		compareRelation(ctx, t, ours, duck, st, stampColumns(ctx, ours, duck, st))
	}
	return duck, failed
}

// stampColumns are the columns of a relation holding one timestamp in
// every row, on each side a different one: a build stamp such as
// current_timestamp as _loaded_at, which no two builds share (nexus diff
// names such a column once in the same way).
func stampColumns(ctx context.Context, ours *pipeline.Session, duck *sql.DB, st ranStep) map[string]string {
	rel := relName(st.Rendered)
	mine, err := ours.Query(ctx, "SELECT * FROM "+rel, 0)
	if err != nil || len(mine.Rows) == 0 {
		return nil
	}
	cols, types, theirs, err := duckTable(ctx, duck, duckName(st.Rendered))
	if err != nil || len(theirs) == 0 {
		return nil
	}
	one := func(rows [][]any, i int, typ string, duckSide bool) (string, bool) {
		v := normalise(rows[0][i], typ, duckSide)
		for _, r := range rows[1:] {
			if normalise(r[i], typ, duckSide) != v {
				return "", false
			}
		}
		return v, true
	}
	stamps := map[string]string{}
	for j, c := range cols {
		i := slices.Index(mine.Columns, c)
		if i < 0 || !strings.HasPrefix(types[j], "TIMESTAMP") {
			continue
		}
		d, ok1 := one(theirs, j, types[j], true)
		o, ok2 := one(mine.Rows, i, types[j], false)
		if ok1 && ok2 && d != o {
			stamps[c] = "one timestamp in every row, each build its own"
		}
	}
	return stamps
}
