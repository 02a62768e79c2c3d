package engine

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Microbatch models (incremental_strategy='microbatch'), as dbt builds
// them: the model runs once per batch, a window of its event_time of one
// batch_size (hour, day, month, year). In a batch, ref() and source() of a
// node with an event_time config read only that node's rows in the window;
// the batch's rows replace the table's rows in the window. The first build
// (and a full refresh) runs the batches from begin to now; later builds
// the batch holding now and lookback batches before it. --event-time-start
// and --event-time-end choose the window instead.

// microbatch is a microbatch model's configuration.
type microbatch struct {
	eventTime string
	size      string
	begin     time.Time
	lookback  int
}

// batchWindow is one batch: [start, end) of the model's event_time.
type batchWindow struct {
	start, end time.Time
	id         string
}

// isMicrobatch tells whether cfg is a microbatch model's.
func isMicrobatch(cfg project.Config) bool {
	s, _ := cfg.Extra["incremental_strategy"].(string)
	return cfg.Materialized == "incremental" && strings.EqualFold(strings.TrimSpace(s), "microbatch")
}

// microbatchConfig reads and checks a microbatch model's settings, as dbt
// requires them.
func microbatchConfig(m *project.Model, cfg project.Config) (*microbatch, error) {
	mb := &microbatch{lookback: 1}
	str := func(key string) string {
		s, _ := cfg.Extra[key].(string)
		return strings.TrimSpace(s)
	}
	if mb.eventTime = str("event_time"); mb.eventTime == "" {
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "microbatch"), "microbatch model %s has no event_time", m.Name).
			WithHint("name the model's time column: config(event_time='ordered_at')")
	}
	switch mb.size = strings.ToLower(str("batch_size")); mb.size {
	case "hour", "day", "month", "year":
	default:
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "batch_size"), "microbatch model %s needs batch_size hour, day, month or year, not %q", m.Name, mb.size).
			WithHint("add batch_size='day' to its config")
	}
	begin := cfg.Extra["begin"]
	if s, ok := begin.(string); ok {
		begin = strings.TrimSpace(s)
	}
	var err error
	switch b := begin.(type) {
	case time.Time:
		mb.begin = b.UTC()
	case string:
		if b != "" {
			mb.begin, err = parseEventTime(b)
		}
	}
	if begin == nil || begin == "" || err != nil {
		why := "none given"
		if err != nil {
			why = err.Error()
		}
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "begin"), "microbatch model %s needs begin, the time its first batch starts (%s)", m.Name, why).
			WithHint("add begin='2024-01-01' to its config")
	}
	switch v := cfg.Extra["lookback"].(type) {
	case nil:
	case int:
		mb.lookback = v
	case int64:
		mb.lookback = int(v)
	case float64:
		mb.lookback = int(v)
	case string:
		mb.lookback, err = strconv.Atoi(strings.TrimSpace(v))
	default:
		err = fmt.Errorf("%v", v)
	}
	if err != nil || mb.lookback < 0 {
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "lookback"), "lookback of microbatch model %s must be a whole number of batches, 0 or more, not %v", m.Name, cfg.Extra["lookback"])
	}
	return mb, nil
}

// parseEventTime reads a time as dbt's begin and --event-time-start take
// it: a date, or a date and time, in UTC.
func parseEventTime(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:MM:SS)", s)
}

// truncate is the start of t's batch.
func (mb *microbatch) truncate(t time.Time) time.Time {
	t = t.UTC()
	switch mb.size {
	case "hour":
		return t.Truncate(time.Hour)
	case "day":
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
}

// offset moves t by n batches.
func (mb *microbatch) offset(t time.Time, n int) time.Time {
	switch mb.size {
	case "hour":
		return t.Add(time.Duration(n) * time.Hour)
	case "day":
		return t.AddDate(0, 0, n)
	case "month":
		return t.AddDate(0, n, 0)
	}
	return t.AddDate(n, 0, 0)
}

// batchID is dbt's batch id: the start's digits down to the batch size.
func (mb *microbatch) batchID(t time.Time) string {
	switch mb.size {
	case "hour":
		return t.Format("2006010215")
	case "day":
		return t.Format("20060102")
	case "month":
		return t.Format("200601")
	}
	return t.Format("2006")
}

// maxBatches bounds the batches of one model's build: each is a query.
const maxBatches = 10000

// batches are the windows a build runs, as dbt computes them: to the end
// of the batch holding now (or --event-time-end), from begin on a first
// build, else from lookback batches before the current one.
func (r *runner) batches(m *project.Model, mb *microbatch, incremental bool) ([]batchWindow, error) {
	end := r.started.UTC()
	if r.opts.EventTimeEnd != "" {
		t, err := parseEventTime(r.opts.EventTimeEnd)
		if err != nil {
			return nil, fmt.Errorf("--event-time-end: %w", err)
		}
		end = t
	}
	if t := mb.truncate(end); !t.Equal(end) {
		end = mb.offset(t, 1)
	}
	var start time.Time
	switch {
	case r.opts.EventTimeStart != "":
		t, err := parseEventTime(r.opts.EventTimeStart)
		if err != nil {
			return nil, fmt.Errorf("--event-time-start: %w", err)
		}
		start = mb.truncate(t)
	case incremental:
		// end is on a batch's edge: the batch before it is the current
		// one, and lookback more come before that
		start = mb.offset(end, -(mb.lookback + 1))
		if start.Before(mb.begin) {
			start = mb.truncate(mb.begin)
		}
	default:
		start = mb.truncate(mb.begin)
	}
	var out []batchWindow
	for t := start; t.Before(end); t = mb.offset(t, 1) {
		if len(out) == maxBatches {
			return nil, diag.Errorf(m.Path, configLine(m.SQL, "batch_size"), "microbatch model %s would run more than %d batches (%s to %s by %s)",
				m.Name, maxBatches, start.Format(time.DateOnly), end.Format(time.DateOnly), mb.size).
				WithHint("use a larger batch_size, a later begin, or --event-time-start and --event-time-end")
		}
		out = append(out, batchWindow{start: t, end: mb.offset(t, 1), id: mb.batchID(t)})
	}
	return out, nil
}

// eventTimeFilter is the condition dbt's adapter for dialect d writes for
// column col in window b.
func eventTimeFilter(d dialect.Dialect, col string, b *batchWindow) string {
	switch d {
	case dialect.Snowflake:
		f := "2006-01-02T15:04:05-07:00"
		return fmt.Sprintf("%s >= to_timestamp_tz('%s') and %s < to_timestamp_tz('%s')", col, b.start.Format(f), col, b.end.Format(f))
	case dialect.BigQuery:
		f := "2006-01-02T15:04:05.000000Z"
		return fmt.Sprintf("cast(%s as timestamp) >= '%s' and cast(%s as timestamp) < '%s'", col, b.start.Format(f), col, b.end.Format(f))
	case dialect.SQLite:
		// SQLite's times are text: datetime() reads each way of writing one
		f := time.DateTime
		return fmt.Sprintf("datetime(%s) >= '%s' and datetime(%s) < '%s'", col, b.start.Format(f), col, b.end.Format(f))
	}
	f := "2006-01-02 15:04:05-07:00"
	return fmt.Sprintf("%s >= '%s' and %s < '%s'", col, b.start.Format(f), col, b.end.Format(f))
}

// eventTime is the event_time config of the model, seed or snapshot a
// ref() names, "" when it has none.
func (p *plan) eventTime(name string) string {
	name = p.proj.VersionedName(name)
	cfg, ok := p.configs[name]
	if _, model := p.models[name]; !model {
		if s, seed := p.seeds[name]; seed {
			cfg, ok = s.Config, true
		}
	}
	if !ok {
		return ""
	}
	s, _ := cfg.Extra["event_time"].(string)
	return strings.TrimSpace(s)
}

// readRelation is rel as ref() and source() give it to a model: no rows
// under --empty (a unit test's given rows aside), as dbt's
// (select * from rel where false limit 0); in a batch, its rows in the
// window when the node has an event_time.
func (r *runner) readRelation(rel jinja.Relation, eventTime string) jinja.Relation {
	switch {
	case r.opts.Empty && r.unit == nil:
		rel.Filter = "false limit 0"
	case r.batch != nil && eventTime != "":
		rel.Filter = eventTimeFilter(r.plan.dialect, eventTime, r.batch)
	}
	return rel
}

// batchModel is dbt's model.batch in a batch's render, and outside a
// batch (compile) in a microbatch model's render.
func (r *runner) batchModel(model map[string]any, cfg project.Config) map[string]any {
	if model == nil || r.batch == nil && !isMicrobatch(cfg) {
		return model
	}
	out := maps.Clone(model)
	out["batch"] = noBatch()
	if r.batch != nil {
		out["batch"] = map[string]any{"id": r.batch.id, "event_time_start": jinja.Datetime(r.batch.start), "event_time_end": jinja.Datetime(r.batch.end)}
	}
	return out
}

// noBatch is model.batch where no batch runs (dbt's parse, compile): a
// window of no length at the epoch, so that what a template calls on it
// (strftime) works as it will in a batch.
func noBatch() map[string]any {
	epoch := jinja.Datetime(time.Unix(0, 0))
	return map[string]any{"id": "19700101", "event_time_start": epoch, "event_time_end": epoch}
}

// runMicrobatch builds microbatch model m batch by batch.
func (r *runner) runMicrobatch(n *graph.Node, m *project.Model, step *Step) error {
	cfg := r.plan.configs[m.Name]
	mb, err := microbatchConfig(m, cfg)
	if err != nil {
		return err
	}
	rel := r.plan.relation(m.Name)
	step.Relation = rel.String()
	if !r.first {
		step.Reuse = "rebuilt: incremental models run every time"
	}
	delete(r.hist.rewrites, n.ID)
	osc, err := r.onSchemaChange(m, cfg)
	if err != nil {
		return err
	}
	inc := &incremental{strategy: "microbatch", onSchemaChange: osc}
	create := !r.tableExists(rel) || r.fullRefresh(cfg)
	wins, err := r.batches(m, mb, !create)
	if err != nil {
		return err
	}
	defer func() { r.batch = nil }()
	dst := store.Rel(rel.Schema, rel.Name)
	tmpName := rel.Name + "__dbt_tmp"
	var rows int64
	for i := range wins {
		r.batch = &wins[i]
		tr, err := r.renderModel(m)
		if err != nil {
			return err
		}
		if i == len(wins)-1 {
			// the page shows the SQL of the last batch, the latest window
			r.reportRendered(Rendered{Kind: "model", Name: m.Name, Schema: rel.Schema, Relation: rel.Name, Materialized: cfg.Materialized, SQL: tr.rendered})
		}
		if err := oneStatement(m, r.plan.dialect, tr.rendered, tr.sql, tr.second); err != nil {
			return err
		}
		if create {
			create = false
			if err := r.db.Exec(r.ctx, fmt.Sprintf("SAVEPOINT model; %s; CREATE TABLE %s AS\n%s\n;\nRELEASE model", r.dropOld(relKey(rel.Schema, rel.Name), dst), dst, tr.sql)); err != nil {
				if !r.db.Conn().GetAutocommit() {
					r.db.Exec(r.ctx, "ROLLBACK TO model; RELEASE model")
				}
				return &sqlError{err: err, sql: tr.sql}
			}
			r.keepTypes(relKey(rel.Schema, rel.Name), tr.types)
			n, err := r.db.Count(r.ctx, dst)
			if err != nil {
				return err
			}
			rows += n
			continue
		}
		// the window's rows are replaced by the batch's, as dbt's
		// adapters do (delete, then insert)
		del, err := r.translate(m.Path, m.SQL, "delete from "+r.warehouseName(m.Name)+" where "+eventTimeFilter(r.plan.dialect, mb.eventTime, r.batch))
		if err != nil {
			return err
		}
		err = r.savepoint(func() error {
			if err := r.stageQuery(tmpName, tr.sql); err != nil {
				return err
			}
			added, err := r.db.Count(r.ctx, store.Rel("temp", tmpName))
			if err != nil {
				return err
			}
			rows += added
			cols, err := r.reconcileColumns(m, inc, rel, tmpName)
			if err != nil {
				return err
			}
			tmp := store.Rel("temp", tmpName)
			insert := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s", dst, quoteAll(cols, ""), quoteAll(cols, ""), tmp)
			if err := r.db.Exec(r.ctx, del+";\n"+insert+"; DROP TABLE "+tmp); err != nil {
				return fmt.Errorf("microbatch batch %s into %s: %w", r.batch.id, rel, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	step.Message = fmt.Sprintf("microbatch %d batch%s, %d row%s", len(wins), pluralES(len(wins)), rows, plural(int(rows)))
	if !r.tableExists(rel) {
		return diag.Errorf(m.Path, 1, "microbatch model %s ran no batch: its window is empty", m.Name).
			WithHint("check begin, and --event-time-start and --event-time-end")
	}
	return r.finishStep(step, rel)
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}
