package engine

import (
	"encoding/json"
	"io/fs"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A Run with no file changed plans the same project again: loading it,
// parsing its yml and rendering every file at parse time is a third of an
// unchanged re-run in the browser. The engine keeps the last plan with
// what it was made from (every file's text, the vars, the target and dialect), and a
// build made from the same takes that plan again. Making one is cheap next
// to the plan: the files are compared, not parsed.

// planInputs is what newPlan reads.
type planInputs struct {
	files map[string]fileText // by path
	vars  string              // JSON
	wh    Warehouse
}

// fileText is a file's text, with its mode when a map gave it.
type fileText struct {
	mode fs.FileMode
	text string
}

// readPlanInputs reads every file of fsys; ok is false when the inputs
// cannot be written down for comparison (vars that are not JSON).
func readPlanInputs(fsys fs.FS, vars map[string]any, w Warehouse) (in planInputs, ok bool) {
	v, err := json.Marshal(vars)
	if err != nil {
		return planInputs{}, false
	}
	in = planInputs{files: map[string]fileText{}, vars: string(v), wh: w}
	if m, isMap := fsys.(fstest.MapFS); isMap {
		// The page's projects: the map is the file system.
		for name, f := range m {
			in.files[name] = fileText{f.Mode, string(f.Data)}
		}
		return in, true
	}
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		in.files[name] = fileText{text: string(data)}
		return err
	})
	return in, err == nil
}

// holds tells whether fsys, vars and w are what a was read from. The
// page's projects are compared in place, without a copy.
func (a planInputs) holds(fsys fs.FS, vars map[string]any, w Warehouse) bool {
	m, isMap := fsys.(fstest.MapFS)
	if !isMap {
		b, ok := readPlanInputs(fsys, vars, w)
		return ok && a.same(b)
	}
	v, err := json.Marshal(vars)
	if err != nil || string(v) != a.vars || w != a.wh || len(m) != len(a.files) {
		return false
	}
	for name, f := range m {
		if was, ok := a.files[name]; !ok || was.mode != f.Mode || was.text != string(f.Data) {
			return false
		}
	}
	return true
}

func (a planInputs) same(b planInputs) bool {
	if a.vars != b.vars || a.wh != b.wh || len(a.files) != len(b.files) {
		return false
	}
	for name, text := range a.files {
		if other, ok := b.files[name]; !ok || other != text {
			return false
		}
	}
	return true
}

// lastPlan returns the plan of the last build when fsys, vars and w are
// what it was made from, ready for another build; else it makes a new one
// and, with keep, keeps it for the next build.
func (c *envCache) lastPlan(fsys fs.FS, vars map[string]any, w Warehouse, keep bool) (*plan, error) {
	if p := c.last; p != nil && c.lastInputs.holds(fsys, vars, w) {
		p.proj.Files = fsys
		p.env.SetContext(c.ctx)
		// Hooks define DuckDB macros as they run, each build afresh.
		p.defs = dialect.Defs{}
		// The graph variable is made again, as a fresh plan makes it: a
		// template may have changed the one the last build gave it.
		p.graphVar = nil
		c.memo.keepParses()
		return p, nil
	}
	c.last, c.lastInputs = nil, planInputs{}
	if !keep {
		return newPlan(fsys, vars, w, c)
	}
	in, ok := readPlanInputs(fsys, vars, w)
	p, err := newPlan(fsys, vars, w, c)
	if err == nil && ok {
		c.last, c.lastInputs = p, in
	}
	return p, err
}
