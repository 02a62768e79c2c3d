package pipeline

// Benchmarks of the whole pipeline, natively (make bench; the js/wasm
// figures come from bench/, make bench-wasm).
//
//	go test ./pipeline -run '^$' -bench . -benchtime 3x
//	go test ./pipeline -run '^$' -bench 'SeedLoad'           # JSON vs binds
//	go test ./pipeline -run '^$' -bench 'Build/demo' -cpuprofile cpu.out
//
// Generated projects of 1,000 and 4,000 persons always run; 10,000 and
// 100,000 only with NEXUS_BENCH_LARGE=1 and one iteration, as they take
// seconds each. NEXUS_BENCH_PERSONS picks the sizes instead; BuildModels
// reports each model's seconds beside the whole build's:
//
//	NEXUS_BENCH_LARGE=1 go test ./pipeline -run '^$' -bench 'Build/persons=10000' -benchtime 1x
//	NEXUS_BENCH_PERSONS=20000,100000 go test ./pipeline -run '^$' -bench 'Build/' -benchtime 1x
//
// Every benchmark prepares its project (generation, parsing, an earlier
// stage's tables) before the timer starts.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/gen"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func benchSizes() []int {
	if v := os.Getenv("NEXUS_BENCH_PERSONS"); v != "" {
		var sizes []int
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				panic(fmt.Sprintf("NEXUS_BENCH_PERSONS=%q: want sizes such as 20000,100000", v))
			}
			sizes = append(sizes, n)
		}
		return sizes
	}
	sizes := []int{1000, 4000}
	if os.Getenv("NEXUS_BENCH_LARGE") != "" {
		sizes = append(sizes, 10000, 100000)
	}
	return sizes
}

var (
	genMu    sync.Mutex
	genCache = map[int]fs.FS{}
)

// generated returns the project of n persons (seed 1), generated once.
func generated(b *testing.B, n int) fs.FS {
	genMu.Lock()
	defer genMu.Unlock()
	if f, ok := genCache[n]; ok {
		return f
	}
	files, err := gen.Generate(gen.Options{Persons: n, Seed: 1, Sample: os.DirFS("../samples/demo")})
	if err != nil {
		b.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data}
	}
	genCache[n] = m
	return m
}

type benchProject struct {
	name string
	fsys func(b *testing.B) fs.FS
}

func benchProjects() []benchProject {
	out := []benchProject{{"demo", func(*testing.B) fs.FS { return os.DirFS("../samples/demo") }}}
	for _, n := range benchSizes() {
		out = append(out, benchProject{fmt.Sprintf("persons=%d", n), func(b *testing.B) fs.FS { return generated(b, n) }})
	}
	return out
}

// build runs one command and fails the benchmark on anything but test
// failures (a generated project may split a long chain into two persons,
// which nexus_duplicate_persons reports, as it should).
func benchBuild(b *testing.B, s *Session, fsys fs.FS, opts Options) *Result {
	res, err := s.Build(context.Background(), fsys, opts)
	if err != nil {
		b.Fatal(err)
	}
	for _, st := range res.Steps {
		if st.Status == "ERROR" {
			b.Fatalf("%s %s: %s", st.Kind, st.Name, st.Message)
		}
	}
	return res
}

func openBench(b *testing.B) *Session {
	s, err := Open(context.Background(), store.MemoryDSN)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBuild is the whole build (seed, run, test) into a new in-memory
// database, as `nexus build --db :memory:` does. One untimed build comes
// first, so that under js/wasm the engine's compiler has warmed up, as it
// has in a page that ran its first project; bench/bench.mjs times the cold
// process too.
func BenchmarkBuild(b *testing.B) {
	for _, p := range benchProjects() {
		b.Run(p.name, func(b *testing.B) {
			fsys := p.fsys(b)
			warm := openBench(b)
			benchBuild(b, warm, fsys, Options{Command: CmdBuild})
			warm.Close()
			var res *Result
			for b.Loop() {
				b.StopTimer()
				s := openBench(b)
				b.StartTimer()
				res = benchBuild(b, s, fsys, Options{Command: CmdBuild})
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(res.Steps)), "nodes")
			for _, r := range res.Identity {
				b.ReportMetric(float64(r.Identifiers), r.Entity+"-ids")
			}
			reportSlowest(b, res, 6)
		})
	}
}

// reportSlowest reports the seconds of the n slowest nodes of the last
// build, so a slow build says where its time went.
func reportSlowest(b *testing.B, res *Result, n int) {
	steps := append([]Step(nil), res.Steps...)
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Seconds > steps[j].Seconds })
	for _, st := range steps[:min(n, len(steps))] {
		b.ReportMetric(st.Seconds, "s/"+st.Name)
	}
}

// BenchmarkRebuild is the playground's Run button: the same project built
// again into the session that built it. "unchanged" reuses every table;
// "edit-state" and "edit-source" add a comment line to a state model
// (billing_lifecycle) or a source model (stripe_events) before each build,
// or "edit-ids" to the source of identifiers (stripe_person_identifiers),
// as the browser benchmark types one, so it and what reads it are rebuilt;
// "rebuild-all" builds everything again. The first build is not timed.
// The "rows-" modes are the browser benchmark's edits: a condition typed
// at the end of the model on every other build and deleted on the next,
// so every build changes the model's rows and what reads it runs again.
// stmts/op counts the SQL statements of one build (each has a fixed cost
// in js/wasm).
func BenchmarkRebuild(b *testing.B) {
	edits := map[string]string{
		"edit-state":  "models/states/billing_lifecycle.sql",
		"edit-source": "models/sources/stripe/stripe_events.sql",
		"edit-ids":    "models/sources/stripe/stripe_person_identifiers.sql",
	}
	conditions := map[string]struct{ path, text string }{
		"rows-state":  {"models/states/billing_lifecycle.sql", " and 1 = 0"},
		"rows-source": {"models/sources/stripe/stripe_events.sql", " where event_value is null"},
		"rows-ids":    {"models/sources/stripe/stripe_person_identifiers.sql", " where occurred_at is null"},
	}
	for _, p := range benchProjects() {
		for _, mode := range []string{"unchanged", "edit-state", "edit-source", "edit-ids", "rows-state", "rows-source", "rows-ids", "rebuild-all"} {
			b.Run(p.name+"/"+mode, func(b *testing.B) {
				fsys := copyFS(b, p.fsys(b))
				edited := edits[mode]
				cond, rows := conditions[mode]
				var plain []byte
				if rows {
					plain = bytes.TrimRight(fsys[cond.path].Data, "\n")
				}
				s := openBench(b)
				defer s.Close()
				benchBuild(b, s, fsys, Options{Command: CmdBuild})
				opts := Options{Command: CmdBuild, RebuildAll: mode == "rebuild-all"}
				var res *Result
				stmts := s.Stats().Statements
				for i := 0; b.Loop(); i++ {
					if edited != "" {
						orig := fsys[edited].Data
						fsys[edited] = &fstest.MapFile{Data: append(orig[:len(orig):len(orig)], fmt.Sprintf("\n-- edit %d", i)...)}
					}
					if rows {
						data := plain
						if i%2 == 0 {
							data = append(plain[:len(plain):len(plain)], cond.text...)
						}
						fsys[cond.path] = &fstest.MapFile{Data: data}
					}
					res = benchBuild(b, s, fsys, opts)
				}
				reused := 0
				for _, st := range res.Steps {
					if st.Reuse == "reused: unchanged" {
						reused++
					}
				}
				b.ReportMetric(float64(reused), "reused")
				b.ReportMetric(float64(s.Stats().Statements-stmts)/float64(b.N), "stmts/op")
			})
		}
	}
}

// copyFS reads a project into memory, so a benchmark can edit it.
func copyFS(b *testing.B, fsys fs.FS) fstest.MapFS {
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkStage times each stage on its own: seeds into an empty database,
// models over loaded seeds, tests over built tables, and the identity
// resolution models (tag:identity-resolution) over a built project.
func BenchmarkStage(b *testing.B) {
	stages := []struct {
		name   string
		before []Options
		opts   Options
	}{
		{"seed", nil, Options{Command: CmdSeed}},
		{"run", []Options{{Command: CmdSeed}}, Options{Command: CmdRun}},
		{"test", []Options{{Command: CmdBuild}}, Options{Command: CmdTest}},
		{"identity", []Options{{Command: CmdBuild}}, Options{Command: CmdRun, Select: []string{"tag:identity-resolution"}}},
	}
	for _, p := range benchProjects() {
		for _, st := range stages {
			b.Run(p.name+"/"+st.name, func(b *testing.B) {
				fsys := p.fsys(b)
				for b.Loop() {
					b.StopTimer()
					s := openBench(b)
					for _, o := range st.before {
						benchBuild(b, s, fsys, o)
					}
					b.StartTimer()
					benchBuild(b, s, fsys, st.opts)
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
			})
		}
	}
}

// seedTables parses every seed of a project.
func seedTables(b *testing.B, fsys fs.FS) (names []string, tables []*seed.Table) {
	paths, err := fs.Glob(fsys, "seeds/*.csv")
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			b.Fatal(err)
		}
		t, err := seed.Parse(p, data)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, strings.TrimSuffix(strings.TrimPrefix(p, "seeds/"), ".csv"))
		tables = append(tables, t)
	}
	return names, tables
}

// loadBinds is the row-at-a-time way of loading a seed: one prepared
// INSERT, every value bound and every row stepped, in one transaction.
// It is here only to be measured against store.LoadTable.
func loadBinds(db *store.DB, name string, t *seed.Table) error {
	ctx := context.Background()
	if err := db.LoadTable(ctx, "main", name, t.Columns, t.Types, nil); err != nil {
		return err
	}
	c := db.Conn()
	if err := c.Exec("BEGIN"); err != nil {
		return err
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(t.Columns)), ",")
	stmt, _, err := c.Prepare(fmt.Sprintf("INSERT INTO %s VALUES (%s)", store.Rel("main", name), marks))
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, row := range t.Rows {
		for i, v := range row {
			switch x := v.(type) {
			case nil:
				err = stmt.BindNull(i + 1)
			case int64:
				err = stmt.BindInt64(i+1, x)
			case float64:
				err = stmt.BindFloat(i+1, x)
			case string:
				err = stmt.BindText(i+1, x)
			default:
				err = fmt.Errorf("unexpected %T", v)
			}
			if err != nil {
				return err
			}
		}
		if err := stmt.Exec(); err != nil {
			return err
		}
	}
	return c.Exec("COMMIT")
}

// loadJSONB is store.LoadTable with jsonb_each in place of json_each: each
// row's array stays in SQLite's binary JSON, so value->>i reads it without
// turning it back into text and parsing it again. Measured here as a
// candidate for store.LoadTable.
func loadJSONB(db *store.DB, name string, t *seed.Table) error {
	ctx := context.Background()
	if err := db.LoadTable(ctx, "main", name, t.Columns, t.Types, nil); err != nil {
		return err
	}
	data, err := json.Marshal(t.Rows)
	if err != nil {
		return err
	}
	cols := make([]string, len(t.Columns))
	for i := range cols {
		cols[i] = fmt.Sprintf("value->>%d", i)
	}
	stmt, _, err := db.Conn().Prepare(fmt.Sprintf("INSERT INTO %s SELECT %s FROM jsonb_each(?)", store.Rel("main", name), strings.Join(cols, ", ")))
	if err != nil {
		return err
	}
	defer stmt.Close()
	if err := stmt.BindRawText(1, data); err != nil {
		return err
	}
	return stmt.Exec()
}

// BenchmarkSeedLoad loads the same parsed seeds two ways, side by side: one
// statement per table over a JSON text bound once (store.LoadTable, what
// the pipeline does), prepared binds row by row in one transaction, and the
// JSON statement over jsonb_each.
func BenchmarkSeedLoad(b *testing.B) {
	for _, p := range benchProjects() {
		names, tables := seedTables(b, p.fsys(b))
		rows := 0
		for _, t := range tables {
			rows += len(t.Rows)
		}
		loaders := []struct {
			name string
			load func(db *store.DB, name string, t *seed.Table) error
		}{
			{"json", func(db *store.DB, name string, t *seed.Table) error {
				return db.LoadTable(context.Background(), "main", name, t.Columns, t.Types, t.Rows)
			}},
			{"binds", loadBinds},
			{"jsonb", loadJSONB},
		}
		for _, l := range loaders {
			b.Run(p.name+"/"+l.name, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					db, err := store.Open(context.Background(), store.MemoryDSN)
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					for i, t := range tables {
						if err := l.load(db, names[i], t); err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					db.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(rows), "rows")
			})
		}
	}
}
