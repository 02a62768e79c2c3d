package bridge

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/share"
)

// sampleFiles reads a sample the way the page sends it: path -> text,
// without the build output (target/) a CLI run leaves in the folder, which
// the site's samples.json leaves out too.
func sampleFiles(t *testing.T, name string) map[string]string {
	t.Helper()
	raw, err := share.ReadFS(os.DirFS(filepath.Join("..", "..", "samples", name)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for p, data := range raw {
		files[p] = string(data)
	}
	return files
}

func samples(t *testing.T) []string {
	entries, err := os.ReadDir(filepath.Join("..", "..", "samples"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		// A sample is a project folder; samples/walkthroughs holds data files.
		if _, err := os.Stat(filepath.Join("..", "..", "samples", e.Name(), "dbt_project.yml")); e.IsDir() && err == nil {
			out = append(out, e.Name())
		}
	}
	return out
}

// roundTrip sends a request through the path the browser uses: its JSON,
// with the files beside it.
func roundTrip(t *testing.T, b *Bridge, req Request, steps *[]pipeline.Step) Response {
	t.Helper()
	files := req.Files
	req.Files = nil
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := b.HandleJSON(context.Background(), string(in), files, func(s pipeline.Step) {
		if steps != nil {
			*steps = append(*steps, s)
		}
	})
	var resp Response
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, out)
	}
	return resp
}

func TestEverySampleBuildsThroughTheBridge(t *testing.T) {
	for _, name := range samples(t) {
		t.Run(name, func(t *testing.T) {
			b := New(":memory:")
			var steps []pipeline.Step
			resp := roundTrip(t, b, Request{ID: 7, Op: "build", Files: sampleFiles(t, name)}, &steps)
			if !resp.OK || resp.ID != 7 {
				t.Fatalf("build failed: %+v", resp.Error)
			}
			res := resp.Result.(map[string]any)
			if res["ok"] != true {
				t.Fatalf("build not ok: %v", res["summary"])
			}
			if len(steps) == 0 {
				t.Fatal("no progress steps reported")
			}
			tables := roundTrip(t, b, Request{Op: "tables"}, nil)
			if !tables.OK {
				t.Fatalf("tables: %+v", tables.Error)
			}
			// persons are nexus_persons, or entities of v0.13's entity layer
			found := false
			for _, ti := range tables.Result.([]any) {
				if n := ti.(map[string]any)["name"]; n == "nexus_persons" || n == "nexus_entities" {
					found = true
				}
			}
			if !found {
				t.Fatal("no nexus_persons or nexus_entities table after the build")
			}
			nodes := roundTrip(t, b, Request{Op: "nodes", Files: sampleFiles(t, name)}, nil)
			if !nodes.OK || len(nodes.Result.([]any)) == 0 {
				t.Fatalf("nodes: %+v", nodes.Error)
			}
		})
	}
}

func TestSQLErrorKeepsItsPosition(t *testing.T) {
	files := sampleFiles(t, "quickstart")
	const model = "models/sources/your_source_events.sql"
	lines := strings.Split(files[model], "\n")
	lines[2] = "    no_such_column,"
	files[model] = strings.Join(lines, "\n")
	resp := roundTrip(t, New(":memory:"), Request{Op: "build", Files: files}, nil)
	var got []map[string]any
	if resp.OK {
		for _, d := range resp.Result.(map[string]any)["diagnostics"].([]any) {
			got = append(got, d.(map[string]any))
		}
	} else {
		b, _ := json.Marshal(resp.Error)
		var m map[string]any
		json.Unmarshal(b, &m)
		got = append(got, m)
	}
	for _, d := range got {
		if d["file"] == model && d["line"] == float64(3) {
			return
		}
	}
	t.Fatalf("want a diagnostic at %s:3, got %v", model, got)
}

func TestBadRequestsAnswer(t *testing.T) {
	b := New(":memory:")
	cases := []struct {
		name, in, want string
	}{
		{name: "not json", in: "{", want: "bad request"},
		{name: "unknown op", in: `{"op":"fly"}`, want: `unknown operation "fly"`},
		{name: "dotdot path", in: `{"op":"nodes","files":{"../x.sql":"select 1"}}`, want: `invalid file name "../x.sql"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var resp Response
			out, ok := b.HandleJSON(context.Background(), c.in, nil, nil)
			if err := json.Unmarshal([]byte(out), &resp); err != nil {
				t.Fatal(err)
			}
			if ok || resp.OK || resp.Error == nil || !strings.Contains(resp.Error.Message, c.want) {
				t.Fatalf("want error containing %q, got %+v", c.want, resp.Error)
			}
		})
	}
}

func TestQueryIsCancelled(t *testing.T) {
	b := New(":memory:")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	resp := b.Handle(ctx, Request{Op: "query", SQL: "with recursive r(n) as (select 1 union all select n+1 from r) select count(*) from r"}, nil)
	if resp.OK || resp.Error.Message != "stopped" {
		t.Fatalf("want stopped, got %+v", resp)
	}
}

// TestPanicBecomesAnError uses a progress callback that panics, as a
// JavaScript exception thrown into Go would: the bridge answers with an
// error, drops the database, and serves the next request.
func TestPanicBecomesAnError(t *testing.T) {
	b := New(":memory:")
	files := sampleFiles(t, "quickstart")
	resp := b.Handle(context.Background(), Request{ID: 3, Op: "build", Files: files}, func(pipeline.Step) { panic("boom") })
	if resp.OK || resp.ID != 3 || resp.Error == nil || !strings.HasPrefix(resp.Error.Message, "internal error: boom") {
		t.Fatalf("want an internal error, got %+v", resp)
	}
	tables := b.Handle(context.Background(), Request{Op: "tables"}, nil)
	if !tables.OK {
		t.Fatalf("tables after the panic: %+v", tables.Error)
	}
	if n := len(tables.Result.([]pipeline.TableInfo)); n != 0 {
		t.Fatalf("%d tables survived the reset", n)
	}
	again := b.Handle(context.Background(), Request{Op: "build", Files: files}, nil)
	if !again.OK {
		t.Fatalf("build after the panic: %+v", again.Error)
	}
}

// A build's answer lists the tables as the tables operation does, on a
// first build (nothing to compare) and on the next ones (read with the
// changes), and after a build with a failing model.
func TestBuildListsTheTables(t *testing.T) {
	files := sampleFiles(t, "demo")
	b := New(":memory:")
	const model = "models/states/billing_lifecycle.sql"
	orig := files[model]
	for _, text := range []string{orig, orig + "\n-- edited\n", "select * from no_such_table"} {
		files[model] = text
		resp := roundTrip(t, b, Request{Op: "build", Files: files}, nil)
		if !resp.OK {
			t.Fatalf("build: %+v", resp.Error)
		}
		got := resp.Result.(map[string]any)["tables"]
		want := roundTrip(t, b, Request{Op: "tables"}, nil)
		if !want.OK {
			t.Fatalf("tables: %+v", want.Error)
		}
		if len(want.Result.([]any)) < 50 || !reflect.DeepEqual(got, want.Result) {
			t.Errorf("a build of %q lists the tables\n%v\nthe tables operation\n%v", text[:20], got, want.Result)
		}
	}
}

// TestQueryInDialect: a query with a dialect (the SQL console's) is that
// warehouse's SQL, translated as a model's; without one it is SQLite's.
func TestQueryInDialect(t *testing.T) {
	b := New(":memory:")
	if resp := b.Handle(context.Background(), Request{Op: "query", SQL: "create table t as select 1 as id, 'x' as code"}, nil); !resp.OK {
		t.Fatalf("create: %+v", resp.Error)
	}
	resp := b.Handle(context.Background(), Request{Op: "query", Dialect: "bigquery", SQL: "select safe_cast(code as int64) as n from `main.t`"}, nil)
	if !resp.OK {
		t.Fatalf("a BigQuery query: %+v", resp.Error)
	}
	if tb := resp.Result.(*pipeline.Table); len(tb.Rows) != 1 || tb.Rows[0][0] != nil {
		t.Errorf("safe_cast('x' as int64): %v, want NULL", tb.Rows)
	}
	resp = b.Handle(context.Background(), Request{Op: "query", Dialect: "bigquery", SQL: "select id::int64 from main.t"}, nil)
	if resp.OK || resp.Error == nil || resp.Error.File != "query" || resp.Error.Line != 1 {
		t.Errorf("a :: cast in BigQuery: %+v", resp.Error)
	}
	if resp := b.Handle(context.Background(), Request{Op: "query", SQL: "select typeof(id) from main.t"}, nil); !resp.OK {
		t.Errorf("SQLite's SQL without a dialect: %+v", resp.Error)
	}
}
