package pipeline

import (
	"context"
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// The integration harness of dbt-nexus v0.13.0 (integration_tests/, which
// ships the package with local: ../ and its install_duckdb_compat
// on-run-start), driven as its run.py and README describe, through the
// engine instead of dbt and DuckDB: per scenario of the seed a fresh
// database; it_now advanced over the scenario's distinct _ingested_at
// values, one run per step with the runner's selection, then the
// tag:it_invariant tests, all passing. Between steps the sequence
// properties hold: the resolution log is append-only and an identifier's
// entity changes only through a logged repoint; re-running the last step
// changes nothing; a batch past the data is a no-op where the runner asks
// for one; the watermark advances where it asks for that; and the final
// entity and log counts are run.py's EXPECT.
func TestRealdataNexusV013IntegrationHarness(t *testing.T) {
	root := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	it := filepath.Join(root, "integration_tests")
	scenarios := harnessScenarios(t, filepath.Join(it, "seeds", "it_identifier_rows.csv"))
	runner, err := os.ReadFile(filepath.Join(it, "run.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scenarios) == 0 {
		t.Fatal("no scenarios in the seed")
	}
	for _, name := range slices.Sorted(maps.Keys(scenarios)) {
		if runtime.GOOS == "js" && name != "accretion" {
			// A scenario takes about 100 s under node (1.5 s natively): the
			// js/wasm run drives one, with an empty final batch; the native
			// run drives them all.
			continue
		}
		t.Run(name, func(t *testing.T) {
			runHarnessScenario(t, it, name, scenarios[name], expectationOf(string(runner), name))
		})
	}
}

// The runner's selections (run.py's RUN_SELECT and TEST_SELECT).
var (
	harnessRun  = []string{"+nexus_resolution_log", "+nexus_entity_participants", "+it_shadow_resolved_person", "+it_shadow_resolved_group"}
	harnessTest = []string{"tag:it_invariant"}
)

// harnessScenarios reads the seed: scenario -> its sorted distinct
// _ingested_at values, the steps.
func harnessScenarios(t *testing.T, file string) map[string][]string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: %v", file, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	steps := map[string]map[string]bool{}
	for _, r := range rows[1:] {
		s := r[col["scenario"]]
		if steps[s] == nil {
			steps[s] = map[string]bool{}
		}
		steps[s][r[col["_ingested_at"]]] = true
	}
	out := map[string][]string{}
	for s, ts := range steps {
		out[s] = slices.Sorted(maps.Keys(ts))
	}
	return out
}

// expectation is what run.py's EXPECT asks of a scenario.
type expectation struct {
	entities         map[string]int
	log              map[string]int
	emptyFinalStep   bool
	watermarkAdvance bool
}

// expectationOf reads a scenario's entry of EXPECT in run.py.
func expectationOf(runner, scenario string) expectation {
	var e expectation
	start := strings.Index(runner, "\""+scenario+"\": {")
	if start < 0 {
		return e
	}
	block := runner[start:]
	if end := strings.Index(block, "\n    },"); end >= 0 {
		block = block[:end]
	}
	counts := func(key string) map[string]int {
		m := regexp.MustCompile(`"` + key + `": \{([^}]*)\}`).FindStringSubmatch(block)
		if m == nil {
			return nil
		}
		out := map[string]int{}
		for _, kv := range regexp.MustCompile(`"(\w+)": (\d+)`).FindAllStringSubmatch(m[1], -1) {
			out[kv[1]], _ = strconv.Atoi(kv[2])
		}
		return out
	}
	e.entities, e.log = counts("entities"), counts("log")
	e.emptyFinalStep = strings.Contains(block, `"empty_final_step": True`)
	e.watermarkAdvance = strings.Contains(block, `"watermark_advances_every_step": True`)
	return e
}

// harnessState is what the runner observes after a step.
type harnessState struct {
	mapping map[string]map[string]string // entity type -> "type|value" -> entity id
	wm      map[string]string            // entity type -> max resolved_at_watermark
	log     map[string]bool              // resolution ids
}

var harnessTypes = map[string]string{"person": "nexus_resolved_person_identifiers", "group": "nexus_resolved_group_identifiers"}

func runHarnessScenario(t *testing.T, it, name string, steps []string, exp expectation) {
	if exp.entities == nil || exp.log == nil {
		t.Fatalf("run.py's EXPECT has no entity and log counts for %s", name)
	}
	t.Logf("%d steps; EXPECT entities %v, log %v, empty final step %v, watermark advances %v", len(steps), exp.entities, exp.log, exp.emptyFinalStep, exp.watermarkAdvance)
	ctx := context.Background()
	s, err := Open(ctx, ":memory:") // a fresh database per scenario
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fsys := ProjectDir(it)
	build := func(cmd Command, sel []string, now string) {
		t.Helper()
		res, err := s.Build(ctx, fsys, Options{Command: cmd, Select: sel, Vars: map[string]any{"it_scenario": name, "it_now": now}})
		if err != nil {
			t.Fatalf("%s at %s: %v", cmd, now, err)
		}
		if !res.OK {
			for _, st := range res.Steps {
				if st.Status != "OK" && st.Status != "PASS" {
					t.Errorf("%s at %s: %s %s %s: %s", cmd, now, st.Kind, st.Name, st.Status, st.Message)
				}
			}
			t.Fatalf("%s at %s: %s", cmd, now, res.Summary)
		}
		passed := 0
		for _, st := range res.Steps {
			if st.Kind == "test" && st.Status == "PASS" {
				passed++
			}
		}
		if cmd == CmdTest && passed != 7 {
			t.Fatalf("test at %s passed %d tests, want the 7 it_invariant tests", now, passed)
		}
	}
	query := func(sql string) [][]any {
		t.Helper()
		tab, err := s.Query(ctx, sql, 0)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return tab.Rows
	}
	snapshot := func() harnessState {
		st := harnessState{mapping: map[string]map[string]string{}, wm: map[string]string{}, log: map[string]bool{}}
		for etype, table := range harnessTypes {
			st.mapping[etype] = map[string]string{}
			for _, r := range query(fmt.Sprintf("select identifier_type || '|' || identifier_value, %s_id from main.%s", etype, table)) {
				st.mapping[etype][fmt.Sprint(r[0])] = fmt.Sprint(r[1])
			}
			st.wm[etype] = fmt.Sprint(query(fmt.Sprintf("select max(resolved_at_watermark) from main.%s", table))[0][0])
		}
		for _, r := range query("select resolution_id from main.nexus_resolution_log") {
			st.log[fmt.Sprint(r[0])] = true
		}
		return st
	}
	same := func(a, b harnessState) bool {
		return maps.EqualFunc(a.mapping, b.mapping, maps.Equal) && maps.Equal(a.log, b.log)
	}

	build(CmdSeed, nil, steps[0])
	var prev *harnessState
	for n, ts := range steps {
		label := fmt.Sprintf("step %d/%d @ %s", n+1, len(steps), ts)
		build(CmdRun, harnessRun, ts)
		build(CmdTest, harnessTest, ts)
		cur := snapshot()
		if prev != nil {
			for id := range prev.log {
				if !cur.log[id] {
					t.Errorf("%s: the log lost row %s (not append-only)", label, id)
				}
			}
			for etype := range harnessTypes {
				repoints := map[string]string{}
				for _, r := range query(fmt.Sprintf("select previous_entity_id, entity_id from main.nexus_resolution_log where resolution_reason = 'repointed' and entity_type = '%s'", etype)) {
					repoints[fmt.Sprint(r[0])] = fmt.Sprint(r[1])
				}
				for ident, old := range prev.mapping[etype] {
					now, ok := cur.mapping[etype][ident]
					switch {
					case !ok:
						t.Errorf("%s: %s identifier %s left the mapping", label, etype, ident)
					case now != old && repoints[old] != now:
						t.Errorf("%s: %s %s moved %s -> %s without a repointed log entry", label, etype, ident, old, now)
					}
				}
			}
			if exp.watermarkAdvance && !(cur.wm["person"] > prev.wm["person"]) {
				t.Errorf("%s: the person watermark did not advance: %s -> %s", label, prev.wm["person"], cur.wm["person"])
			}
		}
		prev = &cur
	}
	last := steps[len(steps)-1]
	build(CmdRun, harnessRun, last)
	if !same(snapshot(), *prev) {
		t.Errorf("re-running the last step changed the mapping or the log")
	}
	if exp.emptyFinalStep {
		const farFuture = "2030-01-01 00:00:00"
		build(CmdRun, harnessRun, farFuture)
		build(CmdTest, harnessTest, farFuture)
		if !same(snapshot(), *prev) {
			t.Errorf("a batch past the data changed the mapping or the log")
		}
	}
	for etype, want := range exp.entities {
		got := map[string]bool{}
		for _, id := range prev.mapping[etype] {
			got[id] = true
		}
		if len(got) != want {
			t.Errorf("%d %s entities, want %d", len(got), etype, want)
		}
	}
	if exp.log != nil {
		got := map[string]int{}
		for _, r := range query("select resolution_reason, count(*) from main.nexus_resolution_log where resolution_reason != 'full_resolution' group by 1") {
			n, _ := r[1].(int64)
			got[fmt.Sprint(r[0])] = int(n)
		}
		for reason, want := range exp.log {
			if got[reason] != want {
				t.Errorf("log has %d %s rows, want %d (log: %v)", got[reason], reason, want, got)
			}
		}
	}
}
