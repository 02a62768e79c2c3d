package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// A model that never ends is interrupted when the time limit passes; the
// error names the model and how long it ran, and the session stays usable.
func TestRunawayModelIsInterrupted(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml":    {Data: []byte("name: p\n")},
		"models/forever.sql": {Data: []byte("with recursive r(n) as (select 1 union all select n + 1 from r)\nselect count(*) as n from r")},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun, Select: []string{"forever"}, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK || len(res.Diagnostics) != 1 {
		t.Fatalf("want one failure, got %+v", res)
	}
	msg := res.Diagnostics[0].Error()
	if !strings.HasPrefix(msg, "models/forever.sql: model forever stopped after ") || !strings.Contains(msg, "the time limit was reached") {
		t.Errorf("message: %s", msg)
	}
	q, err := s.Query(context.Background(), "select 41 + 1", 0)
	if err != nil || q.Rows[0][0].(int64) != 42 {
		t.Errorf("session unusable after interrupt: %v %v", q, err)
	}
}

// Cancelling the context (the playground's Stop) interrupts a query.
func TestQueryCancel(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	_, err = s.Query(ctx, "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r", 0)
	if err == nil || err.Error() != "query stopped" || !errors.Is(err, context.Canceled) {
		t.Fatalf("want query stopped wrapping context.Canceled, got %v", err)
	}
	tctx, stop := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer stop()
	_, err = s.Query(tctx, "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r", 0)
	if err == nil || err.Error() != "query stopped: time limit reached" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want query stopped wrapping context.DeadlineExceeded, got %v", err)
	}
}

// A run stopped between two nodes (no query was running to interrupt)
// reports that it stopped, never success, and names where it stopped.
func TestStopBetweenNodesIsNotSuccess(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml": {Data: []byte("name: p\n")},
		"models/a.sql":    {Data: []byte("select 1 as x")},
		"models/b.sql":    {Data: []byte("select x from {{ ref('a') }}")},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Progress: func(st Step) {
		if st.Name == "a" {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK || !res.Stopped {
		t.Fatalf("a stopped run reports ok=%v stopped=%v", res.OK, res.Stopped)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Error() != "models/b.sql: the run was stopped before model b" {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	if !strings.Contains(res.Summary, "\nStopped. PASS=1 WARN=0 ERROR=0 SKIP=1 TOTAL=2") {
		t.Errorf("summary: %q", res.Summary)
	}
}
