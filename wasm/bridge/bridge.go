// Package bridge turns JSON requests from the playground page into calls on
// the pipeline facade and its results back into JSON. It holds no browser
// code, so it is tested natively; the js/wasm entry in the parent folder only
// moves strings between JavaScript and [Bridge.Handle].
package bridge

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
)

// Request is one call from the page. Op selects the operation; the other
// fields are read by the operations that need them.
type Request struct {
	ID      int               `json:"id"`
	Op      string            `json:"op"` // build, query, tables, nodes, compile, package, reset
	Files   map[string]string `json:"files,omitempty"`
	Command string            `json:"command,omitempty"`
	Select  []string          `json:"select,omitempty"`
	Exclude []string          `json:"exclude,omitempty"`
	Vars    map[string]any    `json:"vars,omitempty"`
	// FullRefresh rebuilds incremental models (dbt's --full-refresh);
	// otherwise they build on the tables of earlier runs.
	FullRefresh bool `json:"full_refresh,omitempty"`
	// RebuildAll builds every selected node again; otherwise a build
	// reuses the tables whose inputs did not change since the session's
	// last build, and each step's "reuse" says which and why.
	RebuildAll bool `json:"rebuild_all,omitempty"`
	// Dialect is the page's warehouse choice; "" keeps the project's
	// profiles.yml target type (sqlite without one).
	Dialect pipeline.Dialect `json:"dialect,omitempty"`
	// TimeoutMS bounds a build or query; 0 means none.
	TimeoutMS int    `json:"timeout_ms,omitempty"`
	SQL       string `json:"sql,omitempty"`
	MaxRows   int    `json:"max_rows,omitempty"`
	Name      string `json:"name,omitempty"`
	// Share carries the arguments of the share.* operations (share.go).
	Share *ShareArgs `json:"share,omitempty"`
	// Identity carries the arguments of the walkthrough.* and identity.*
	// operations (walkthrough.go, identity.go).
	Identity *IdentityArgs `json:"identity,omitempty"`
	// Diff carries the arguments of the diff.* operations (changes.go).
	Diff *DiffArgs `json:"diff,omitempty"`
}

// Response answers one request. Exactly one of Result and Error is set.
type Response struct {
	ID      int                  `json:"id"`
	OK      bool                 `json:"ok"`
	Result  any                  `json:"result,omitempty"`
	Error   *pipeline.Diagnostic `json:"error,omitempty"`
	Seconds float64              `json:"seconds"`
}

// Bridge owns the in-memory database of one page (one Web Worker). Requests
// are served one at a time; the page queues them.
type Bridge struct {
	mu   sync.Mutex
	dsn  string
	sess *pipeline.Session
	// last is the latest build's result, which a walkthrough's test_passes
	// check reads.
	last *pipeline.Result
	// before and after are the tables of the last two builds (changes.go).
	before, after *pipeline.TableSet
	// nodes are the last build's nodes and nodesKey the files, vars and
	// dialect it built (projectKey): the page lists the nodes after every
	// Run, and they need not be loaded again while the project is the same.
	nodes    []pipeline.Node
	nodesKey string
}

// New returns a bridge whose database is opened at dsn on first use
// (":memory:" in the browser).
func New(dsn string) *Bridge { return &Bridge{dsn: dsn} }

// HandleJSON decodes a request, serves it and encodes the response. It
// always returns a response, even when the request is malformed or the
// pipeline panics, because an unanswered call would hang the page.
//
// files, when not nil, are the request's files, passed beside its JSON:
// decoding a project's text from JSON is most of a quick Run's time in
// js/wasm, and the browser entry can hand the strings over as they are.
// ok reports whether the call succeeded: a build's result then holds all
// its steps.
func (b *Bridge) HandleJSON(ctx context.Context, in string, files map[string]string, progress func(pipeline.Step)) (out string, ok bool) {
	var req Request
	var resp Response
	if err := json.Unmarshal([]byte(in), &req); err != nil {
		resp = Response{Error: &pipeline.Diagnostic{Severity: pipeline.SeverityError, Message: "bad request: " + err.Error()}}
	} else {
		if files != nil {
			req.Files = files
		}
		resp = b.Handle(ctx, req, progress)
	}
	data, err := json.Marshal(resp)
	if err != nil {
		resp.OK = false
		data, _ = json.Marshal(Response{ID: req.ID, Error: &pipeline.Diagnostic{Severity: pipeline.SeverityError, Message: "cannot encode the result: " + err.Error()}})
	}
	return string(data), resp.OK
}

// Handle serves one request. A panic in the pipeline becomes an error
// response and the database is dropped, since it may be left half-written.
func (b *Bridge) Handle(ctx context.Context, req Request, progress func(pipeline.Step)) (resp Response) {
	b.mu.Lock()
	defer b.mu.Unlock()
	start := time.Now()
	resp.ID = req.ID
	defer func() {
		if p := recover(); p != nil {
			b.closeSession()
			resp.OK, resp.Result = false, nil
			resp.Error = &pipeline.Diagnostic{Severity: pipeline.SeverityError,
				Message: fmt.Sprintf("internal error: %v", p),
				Hint:    "the database was reset; run the project again. " + firstFrames(debug.Stack())}
		}
		resp.Seconds = time.Since(start).Seconds()
	}()
	if req.TimeoutMS > 0 {
		var cancel context.CancelFunc
		parent := ctx
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMS)*time.Millisecond)
		defer cancel()
		ctx = polled{Context: ctx, parent: parent}
	}
	result, err := b.serve(ctx, req, progress)
	if err != nil {
		resp.Error = toDiag(ctx, err)
		return resp
	}
	resp.OK, resp.Result = true, result
	return resp
}

func (b *Bridge) serve(ctx context.Context, req Request, progress func(pipeline.Step)) (any, error) {
	if isShareOp(req.Op) {
		return b.serveShare(ctx, req)
	}
	if isIdentityOp(req.Op) {
		return b.serveIdentity(ctx, req)
	}
	switch req.Op {
	case "package":
		return readAll(pipeline.PackageFiles())
	case "nodes":
		if b.nodes != nil && b.nodesKey == projectKey(req) {
			return b.nodes, nil
		}
		fsys, err := projectFS(req.Files)
		if err != nil {
			return nil, err
		}
		return pipeline.Nodes(ctx, fsys, req.Vars, pipeline.Warehouse{Dialect: req.Dialect})
	case "compile":
		fsys, err := projectFS(req.Files)
		if err != nil {
			return nil, err
		}
		// After a build, compile against its tables: models that read the
		// data while rendering (the persons pivot lists trait names) need it.
		if b.sess != nil {
			return b.sess.Compile(ctx, fsys, req.Name, req.Vars, pipeline.Warehouse{Dialect: req.Dialect})
		}
		return pipeline.Compile(ctx, fsys, req.Name, req.Vars, pipeline.Warehouse{Dialect: req.Dialect})
	case "reset":
		b.closeSession()
		return true, nil
	case "diff.rows", "diff.person":
		return b.serveDiff(req)
	}
	sess, err := b.session(ctx)
	if err != nil {
		return nil, err
	}
	switch req.Op {
	case "build":
		fsys, err := projectFS(req.Files)
		if err != nil {
			return nil, err
		}
		cmd := pipeline.Command(req.Command)
		if cmd == "" {
			cmd = pipeline.CmdBuild
		}
		base, err := b.baseline(ctx, sess)
		if err != nil {
			return nil, err
		}
		res, err := sess.Build(ctx, fsys, pipeline.Options{
			Command: cmd, Select: req.Select, Exclude: req.Exclude, Vars: req.Vars, Dialect: req.Dialect, FullRefresh: req.FullRefresh, RebuildAll: req.RebuildAll, Progress: progress,
			// Where a build's time went (planning, SQL): a few clock reads
			// per step, and the page's benchmarks print it.
			Profile: true,
		})
		b.last = res
		b.nodes, b.nodesKey = sess.LastNodes(), projectKey(req)
		if err != nil || ctx.Err() != nil {
			// A failed or stopped build leaves no baseline worth keeping.
			b.forgetChanges()
			return res, err
		}
		changes, err := b.compare(ctx, sess, base)
		if err != nil {
			// The build stands; only the comparison is lost.
			b.forgetChanges()
			changes = &Changes{Error: err.Error()}
		}
		out := BuildResult{Result: res, Changes: changes}
		if changes != nil && changes.Error == "" {
			out.Tables = b.after.Tables()
		} else if ts, err := sess.Tables(ctx); err == nil {
			out.Tables = ts
		}
		return out, nil
	case "query":
		max := req.MaxRows
		if max <= 0 || max > MaxRows {
			max = MaxRows
		}
		if req.Dialect != "" {
			// the SQL console's query, in the warehouse's SQL the page's
			// Dialect names, translated as a model's SQL is
			return sess.QueryIn(ctx, req.Dialect, req.SQL, max)
		}
		return sess.Query(ctx, req.SQL, max)
	case "tables":
		return sess.Tables(ctx)
	}
	return nil, fmt.Errorf("unknown operation %q", req.Op)
}

// MaxRows caps the rows one query sends to the page, so a careless
// "select *" cannot exhaust the page's memory.
const MaxRows = 5000

func (b *Bridge) session(ctx context.Context) (*pipeline.Session, error) {
	if b.sess == nil {
		s, err := pipeline.Open(ctx, b.dsn)
		if err != nil {
			return nil, err
		}
		b.sess = s
	}
	return b.sess, nil
}

func (b *Bridge) closeSession() {
	if b.sess != nil {
		_ = b.sess.Close()
		b.sess = nil
	}
	b.last = nil
	b.nodes, b.nodesKey = nil, ""
	b.forgetChanges()
}

// projectKey identifies what a project's nodes depend on: its files, vars
// and dialect.
func projectKey(req Request) string {
	names := make([]string, 0, len(req.Files))
	for name := range req.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%d:%s%d:%s", len(name), name, len(req.Files[name]), req.Files[name])
	}
	if len(req.Vars) > 0 {
		vars, _ := json.Marshal(req.Vars)
		h.Write(vars)
	}
	fmt.Fprintf(h, "\x00%s", req.Dialect)
	return string(h.Sum(nil))
}

// projectFS checks the page's file names and lays the files out as a file
// system for the pipeline's loader.
func projectFS(files map[string]string) (fs.FS, error) {
	m := fstest.MapFS{}
	for name, text := range files {
		if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
			return nil, fmt.Errorf("invalid file name %q: use a relative path with / and no ..", name)
		}
		m[path.Clean(name)] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	return m, nil
}

// PackageFile is one file of the built-in nexus package, shown read-only.
type PackageFile struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

func readAll(fsys fs.FS) ([]PackageFile, error) {
	var out []PackageFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, PackageFile{Path: p, Text: string(data)})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// toDiag keeps a diagnostic's position so the editor can underline it, and
// names a cancelled or timed-out context in the user's words.
func toDiag(ctx context.Context, err error) *pipeline.Diagnostic {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return &pipeline.Diagnostic{Severity: pipeline.SeverityError, Message: "time limit reached", Hint: "the run was interrupted; raise the time limit or simplify the query"}
	case errors.Is(ctx.Err(), context.Canceled):
		return &pipeline.Diagnostic{Severity: pipeline.SeverityError, Message: "stopped"}
	}
	var d *pipeline.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return &pipeline.Diagnostic{Severity: pipeline.SeverityError, Message: err.Error()}
}

// firstFrames keeps the panicking frames of a stack trace short enough to
// read in the run log.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	var keep []string
	for _, l := range lines {
		if strings.Contains(l, "nexus-playground/nexus/pipeline") && !strings.HasPrefix(l, "\t") {
			keep = append(keep, strings.TrimSpace(l))
		}
		if len(keep) == 3 {
			break
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return "at " + strings.Join(keep, " <- ")
}

// polled is a derived context whose Err also asks its parent. SQLite polls
// Err while a statement runs; asking the parent keeps the parent's own Err
// (the browser entry's cooperative yield) in that loop.
type polled struct {
	context.Context
	parent context.Context
}

func (p polled) Err() error {
	if err := p.parent.Err(); err != nil {
		return err
	}
	return p.Context.Err()
}
