package engine

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Snapshots, as dbt takes them: each run compares the snapshot query's rows
// with the current rows of the snapshot table (dbt_valid_to null) by
// unique_key; a changed row closes its current version (dbt_valid_to) and
// gets a new one, a new key gets its first. The strategy says what
// "changed" means: timestamp (updated_at is later than the current
// version's dbt_valid_from) or check (a check_cols column differs).

type snapshot struct {
	decl   *project.Snapshot
	cfg    project.Config // after the block's own config()
	target string         // the target's schema
}

// relation is where a snapshot lands: target_schema (or schema), else main;
// alias, else its name. A target_schema that is the target's schema is
// main, where the models dbt builds in that schema are.
func (s *snapshot) relation() jinja.Relation {
	schema := s.cfg.Schema
	if ts := s.targetSchema(); ts != "" {
		schema = ts
		if strings.EqualFold(ts, s.target) {
			schema = "main"
		}
	}
	if schema == "" {
		schema = "main"
	}
	name := s.decl.Name
	if s.cfg.Alias != "" {
		name = s.cfg.Alias
	}
	return jinja.Relation{Schema: schema, Name: name}
}

// targetSchema is the legacy target_schema config, "" for none: dbt builds
// the snapshot in exactly that schema, whoever runs it, where the newer
// schema config goes through generate_schema_name as a model's does.
func (s *snapshot) targetSchema() string {
	ts, _ := s.cfg.Extra["target_schema"].(string)
	return ts
}

// schemasAsWritten are the SQLite schemas of snapshots with target_schema,
// which dbt names as written (jinja's Context.SchemasAsWritten).
func (p *plan) schemasAsWritten() []string {
	var out []string
	for _, s := range p.snapshots {
		if rel := s.relation(); s.cfg.Enabled && s.targetSchema() != "" && rel.Schema != "main" {
			out = append(out, rel.Schema)
		}
	}
	return out
}

// checkSnapshotSchemas refuses a snapshot's target_schema that a model,
// seed or other snapshot has as its custom schema: dbt builds the snapshot
// in that schema as written and the other in <target schema>_<schema>,
// two schemas the playground would build as one, where this.schema could
// not tell them apart. Under a root generate_schema_name every node is
// named by the schema it is built in, so nothing clashes.
func (p *plan) checkSnapshotSchemas() error {
	if p.env.HasMacro("generate_schema_name") {
		return nil // the root's macro names every schema as it is built
	}
	others := map[string]string{} // SQLite schema, lower-cased -> what is built there
	for name, m := range p.models {
		if c := p.configs[name]; m.Config.Enabled && c.Materialized != "ephemeral" && c.Schema != "" {
			others[strings.ToLower(c.Schema)] = "model " + m.Path
		}
	}
	for _, sd := range p.seeds {
		if sd.Config.Enabled && sd.Config.Schema != "" {
			others[strings.ToLower(sd.Config.Schema)] = "seed " + sd.Path
		}
	}
	for _, s := range p.snapshots {
		if s.cfg.Enabled && s.targetSchema() == "" && s.cfg.Schema != "" {
			others[strings.ToLower(s.cfg.Schema)] = "snapshot " + s.decl.Path
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.snapshots)) {
		s := p.snapshots[name]
		ts := s.targetSchema()
		other, clash := others[strings.ToLower(s.relation().Schema)]
		if !s.cfg.Enabled || ts == "" || !clash {
			continue
		}
		return diag.Errorf(s.decl.Path, s.decl.Line, "snapshot %q has target_schema %s, the custom schema of %s: dbt builds the snapshot in %s as written and the other in %s_%s, which the playground cannot keep apart", name, ts, other, ts, p.target.Schema, ts).
			WithHint("give one of them another schema, or write schema='%s' instead of target_schema in the snapshot's config, which dbt names %s_%s as it does the other", ts, p.target.Schema, ts)
	}
	return nil
}

// parseSnapshots files the project's snapshots and parses each block (its
// refs, sources and config()) into a graph node.
func (p *plan) parseSnapshots() ([]*graph.Node, error) {
	p.snapshots = map[string]*snapshot{}
	for _, s := range p.proj.Snapshots {
		if prev, dup := p.snapshots[s.Name]; dup {
			return nil, diag.Errorf(s.Path, s.Line, "snapshot %q is defined twice, here and in %s", s.Name, prev.decl.Path).WithHint("rename one of them")
		}
		if m, ok := p.models[s.Name]; ok {
			return nil, diag.Errorf(s.Path, s.Line, "snapshot %q has the name of model %s", s.Name, m.Path).WithHint("rename the snapshot: ref() could not tell them apart")
		}
		p.snapshots[s.Name] = &snapshot{decl: s, cfg: s.Config, target: p.target.Schema}
	}
	names := slices.Sorted(maps.Keys(p.snapshots))
	if p.universeKey != "" && len(names) > 0 {
		h := sha256.New()
		writeParts(h, p.universeKey)
		for _, name := range names {
			s := p.snapshots[name]
			c, err := configText(s.cfg)
			if err != nil {
				return nil, err
			}
			writeParts(h, "snapshot", name, s.decl.Package, s.decl.Path, c)
		}
		p.universeKey = string(h.Sum(nil))
	}
	var nodes []*graph.Node
	h := sha256.New()
	for _, name := range names {
		s := p.snapshots[name]
		if !s.cfg.Enabled {
			continue
		}
		cfg := s.cfg.Clone()
		deps, err := p.collect(s.decl.Path, s.decl.SQL, &cfg, s.relation())
		if err != nil {
			return nil, err
		}
		s.cfg = cfg
		if !cfg.Enabled {
			// config(enabled=false) in the snapshot's own block, as dbt
			// reads it: the snapshot is not built
			continue
		}
		pkg := p.pkgOf(s.decl.Package)
		nodes = append(nodes, &graph.Node{ID: nodeID("snapshot", pkg, name), Kind: "snapshot", Name: name, Package: pkg,
			Path: s.decl.Path, Tags: cfg.Tags, DependsOn: deps})
		c, _ := configText(cfg)
		rel := s.relation()
		writeParts(h, name, rel.Schema, rel.Name, c)
	}
	p.snapshotKey = string(h.Sum(nil))
	return nodes, nil
}

// snapshotSpec is a snapshot's checked configuration.
type snapshotSpec struct {
	strategy  string
	uniqueKey []string
	updatedAt string   // column; for check, optional
	checkCols []string // nil with check_cols='all'
	// invalidate closes the current version of keys the query no longer
	// returns (invalidate_hard_deletes, or hard_deletes='invalidate');
	// newRecord (hard_deletes='new_record') also adds a version of the
	// key's last values with dbt_is_deleted 'True'.
	invalidate, newRecord bool
	// cols are dbt's columns, as snapshot_meta_column_names names them.
	cols snapshotMetaColumns
	// validToCurrent is dbt_valid_to_current as written, the valid_to of a
	// current version ("" for NULL); currentTo is it as SQLite, cast to
	// the snapshot's time type, set when the snapshot runs.
	validToCurrent, currentTo string
	// keyExprs are the unique keys that are expressions of the query's
	// columns (unique_key="a || '-' || b"), as dbt allows, by key, as
	// SQLite expressions of a row's columns.
	keyExprs map[string]string
	// stampText writes dbt_updated_at as the warehouse casts it to text
	// in the hash dbt_scd_id is (snapshotTypes): a SQLite expression of
	// %s, the value; "" to cast the stored text.
	stampText string
}

// key is the value of unique key k in the row alias names of table: the
// column, or the key's expression over that row's columns, evaluated as
// dbt evaluates it over the query's rows and the snapshot's.
func (spec *snapshotSpec) key(k, alias, table string) string {
	expr, ok := spec.keyExprs[k]
	if !ok {
		return alias + "." + store.Ident(k)
	}
	return "(SELECT " + expr + " FROM " + table + " AS dbt_key_row WHERE dbt_key_row.rowid = " + alias + ".rowid)"
}

// snapshotMetaColumns are the names of the columns dbt adds to a snapshot.
type snapshotMetaColumns struct {
	scdID, updatedAt, validFrom, validTo, isDeleted string
}

// metaColumns reads snapshot_meta_column_names (dbt 1.9), which renames
// dbt's columns: a mapping from dbt_valid_from, dbt_valid_to, dbt_scd_id,
// dbt_updated_at and dbt_is_deleted to the names to give them.
func metaColumns(v any) (snapshotMetaColumns, error) {
	c := snapshotMetaColumns{scdID: "dbt_scd_id", updatedAt: "dbt_updated_at", validFrom: "dbt_valid_from", validTo: "dbt_valid_to", isDeleted: "dbt_is_deleted"}
	if v == nil {
		return c, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return c, fmt.Errorf("snapshot_meta_column_names must be a mapping of dbt's column names to yours, not %v", v)
	}
	for k, val := range m {
		name, ok := val.(string)
		if !ok || strings.TrimSpace(name) == "" {
			return c, fmt.Errorf("snapshot_meta_column_names: %s must name a column, not %v", k, val)
		}
		switch strings.ToLower(k) {
		case "dbt_scd_id":
			c.scdID = name
		case "dbt_updated_at":
			c.updatedAt = name
		case "dbt_valid_from":
			c.validFrom = name
		case "dbt_valid_to":
			c.validTo = name
		case "dbt_is_deleted":
			c.isDeleted = name
		default:
			return c, fmt.Errorf("snapshot_meta_column_names has no column %s: it renames dbt_valid_from, dbt_valid_to, dbt_scd_id, dbt_updated_at and dbt_is_deleted", k)
		}
	}
	return c, nil
}

// current is the condition that the snapshot row t is a key's current
// version: dbt_valid_to NULL, or dbt_valid_to_current.
func (spec *snapshotSpec) current(t string) string {
	vt := t + "." + store.Ident(spec.cols.validTo)
	if spec.currentTo == "" {
		return vt + " IS NULL"
	}
	return "(" + vt + " IS NULL OR " + vt + " = " + spec.currentTo + ")"
}

// openTo is the valid_to of a new current version.
func (spec *snapshotSpec) openTo() string {
	if spec.currentTo == "" {
		return "CAST(NULL AS TEXT)"
	}
	return spec.currentTo
}

func snapshotConfig(s *snapshot) (*snapshotSpec, error) {
	d := s.decl
	fail := func(key, format string, args ...any) error {
		line := d.Line
		if l := configLine(d.SQL, key); l > 1 {
			line = l
		}
		return diag.Errorf(d.Path, line, "snapshot %s: "+format, append([]any{d.Name}, args...)...)
	}
	extra := s.cfg.Extra
	spec := &snapshotSpec{}
	spec.strategy, _ = extra["strategy"].(string)
	switch spec.strategy {
	case "timestamp", "check":
	case "":
		return nil, fail("strategy", "no strategy").(*diag.Diagnostic).WithHint("add strategy='timestamp' (with updated_at) or strategy='check' (with check_cols) to its config")
	default:
		return nil, fail("strategy", "unknown strategy %q", spec.strategy).(*diag.Diagnostic).WithHint("use strategy='timestamp' or strategy='check'")
	}
	switch k := extra["unique_key"].(type) {
	case string:
		if strings.TrimSpace(k) != "" {
			spec.uniqueKey = []string{strings.TrimSpace(k)}
		}
	case []any:
		for _, e := range k {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				spec.uniqueKey = append(spec.uniqueKey, strings.TrimSpace(s))
			}
		}
	}
	if len(spec.uniqueKey) == 0 {
		return nil, fail("unique_key", "no unique_key").(*diag.Diagnostic).WithHint("name the column (or list of columns) that identifies a row: unique_key='id'")
	}
	spec.updatedAt, _ = extra["updated_at"].(string)
	if spec.strategy == "timestamp" && spec.updatedAt == "" {
		return nil, fail("updated_at", "the timestamp strategy needs updated_at").(*diag.Diagnostic).WithHint("name the column that says when a row last changed: updated_at='updated_at'")
	}
	if spec.strategy == "check" {
		switch c := extra["check_cols"].(type) {
		case string:
			if c != "all" {
				return nil, fail("check_cols", "check_cols must be 'all' or a list of columns, not %q", c)
			}
		case []any:
			for _, e := range c {
				col, ok := e.(string)
				if !ok || col == "" {
					return nil, fail("check_cols", "check_cols must list column names, not %v", e)
				}
				spec.checkCols = append(spec.checkCols, col)
			}
		default:
			return nil, fail("check_cols", "the check strategy needs check_cols").(*diag.Diagnostic).WithHint("check_cols='all', or a list of the columns whose change makes a new version")
		}
	}
	inv, _ := extra["invalidate_hard_deletes"].(bool)
	hd, _ := extra["hard_deletes"].(string)
	switch hd {
	case "", "ignore":
	case "invalidate":
		inv = true
	case "new_record":
		inv, spec.newRecord = true, true
	default:
		return nil, fail("hard_deletes", "unknown hard_deletes %q", hd).(*diag.Diagnostic).WithHint("use 'ignore', 'invalidate' or 'new_record'")
	}
	spec.invalidate = inv
	cols, err := metaColumns(extra["snapshot_meta_column_names"])
	if err != nil {
		return nil, fail("snapshot_meta_column_names", "%s", err.Error())
	}
	spec.cols = cols
	if raw := extra["dbt_valid_to_current"]; raw != nil {
		v, ok := raw.(string)
		if !ok {
			return nil, fail("dbt_valid_to_current", "dbt_valid_to_current must be SQL text, such as \"to_date('9999-12-31')\"")
		}
		spec.validToCurrent = strings.TrimSpace(v)
	}
	return spec, nil
}

// snapshotClock is the last time snapshotTime gave: runs of one session
// can follow each other within a millisecond, and a version opened and
// closed at one instant would be a row valid for no time at all.
var snapshotClock struct {
	sync.Mutex
	last time.Time
}

// snapshotTime is dbt's snapshot_get_time(): one timestamp per snapshot
// run, written as the dialect translation writes current_timestamp, and
// later than any it gave before.
func snapshotTime() string {
	snapshotClock.Lock()
	defer snapshotClock.Unlock()
	now := time.Now().UTC().Truncate(time.Millisecond)
	if !now.After(snapshotClock.last) {
		now = snapshotClock.last.Add(time.Millisecond)
	}
	snapshotClock.last = now
	// The one timestamp form: milliseconds, trailing zeros trimmed.
	return store.Quote(now.Format("2006-01-02T15:04:05.999Z"))
}

func (r *runner) runSnapshot(n *graph.Node, step *Step) error {
	if !r.first {
		step.Reuse = "rebuilt: snapshots run every time"
	}
	s := r.plan.snapshots[n.Name]
	spec, err := snapshotConfig(s)
	if err != nil {
		return err
	}
	rel := s.relation()
	step.Relation = rel.String()
	cfg := s.cfg.Clone()
	out, err := r.render(s.decl.Path, s.decl.SQL, &cfg, rel)
	if err != nil {
		return err
	}
	tr, err := r.translateWith(out, r.placeIn(s.decl.Path, s.decl.SQL, out))
	if err != nil {
		return err
	}
	sql := tr.sql
	if blankSQL(sql) {
		return diag.Errorf(s.decl.Path, s.decl.Line, "snapshot %s has no SQL to run", s.decl.Name).WithHint("write one select statement between {%% snapshot %%} and {%% endsnapshot %%}")
	}
	stamp := r.snapshotTypes(spec, tr.types)[strings.ToLower(spec.cols.updatedAt)]
	if stamp == sqlfunc.KindInstant || stamp == sqlfunc.KindWallClock {
		// dbt hashes cast(updated_at as varchar): the warehouse's text
		spec.stampText = "timestamp_string(%s, '" + stamp + "', '" + string(r.plan.dialect) + "')"
	}
	if spec.validToCurrent != "" {
		if spec.currentTo, err = r.snapshotValidToCurrent(s, spec.validToCurrent, stamp); err != nil {
			return err
		}
	}
	dst := store.Rel(rel.Schema, rel.Name)
	srcName := rel.Name + "__dbt_snapshot_src"
	src := store.Rel("temp", srcName)
	now := snapshotTime()
	err = r.savepoint(func() error {
		if err := r.stageQuery(srcName, sql); err != nil {
			return err
		}
		cols, err := r.db.Columns(r.ctx, "temp", srcName)
		if err != nil {
			return err
		}
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name
		}
		for _, k := range spec.uniqueKey {
			if containsFold(names, k) || isBareName(k) {
				continue // a column, or a name that is none (refused below)
			}
			// an expression of the query's columns, as dbt selects it
			expr, err := r.snapshotKeyExpr(s, k)
			if err != nil {
				return err
			}
			if spec.keyExprs == nil {
				spec.keyExprs = map[string]string{}
			}
			spec.keyExprs[k] = expr
			if err := r.db.Exec(r.ctx, "SELECT "+expr+" FROM "+src+" LIMIT 0"); err != nil {
				return diag.Errorf(s.decl.Path, max(s.decl.Line, configLine(s.decl.SQL, "unique_key")), "snapshot %s: unique_key %q is neither one of its query's columns (%s) nor an expression of them: %s", s.decl.Name, k, strings.Join(names, ", "), strings.TrimPrefix(err.Error(), "sqlite3: SQL logic error: "))
			}
		}
		for i, c := range append(slices.Clone(spec.uniqueKey), spec.updatedAt) {
			key := "unique_key"
			if i == len(spec.uniqueKey) {
				key = "updated_at"
			}
			if _, expr := spec.keyExprs[c]; expr && key == "unique_key" {
				continue
			}
			if c != "" && !containsFold(names, c) {
				return diag.Errorf(s.decl.Path, max(s.decl.Line, configLine(s.decl.SQL, key)), "snapshot %s: column %q is not in its query's columns (%s)", s.decl.Name, c, strings.Join(names, ", "))
			}
		}
		for _, c := range spec.checkCols {
			if !containsFold(names, c) {
				return diag.Errorf(s.decl.Path, configLine(s.decl.SQL, "check_cols"), "snapshot %s: check_cols column %q is not in its query's columns (%s)", s.decl.Name, c, strings.Join(names, ", "))
			}
		}
		var stmts []string
		if r.tableExists(rel) {
			stmts, err = r.snapshotChanges(spec, dst, src, cols, rel, now)
			if err != nil {
				return err
			}
		} else {
			stmts = []string{snapshotCreate(spec, dst, src, now)}
		}
		stmts = append(stmts, "DROP TABLE "+src)
		if err := r.db.Exec(r.ctx, strings.Join(stmts, ";\n")); err != nil {
			return fmt.Errorf("snapshot %s: %w", s.decl.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.keepTypes(relKey(rel.Schema, rel.Name), r.snapshotTypes(spec, tr.types))
	if err := r.finishStep(step, rel); err != nil {
		return err
	}
	r.reportRendered(Rendered{Kind: "snapshot", Name: s.decl.Name, Schema: rel.Schema, Relation: rel.Name, Materialized: "snapshot"})
	return nil
}

// The columns dbt adds to a snapshot: a version's id, the updated_at it
// was taken at, and the interval it is valid for.
func snapshotColumns(spec *snapshotSpec, row, src, now string) (scdID, updatedAt string) {
	updatedAt = now
	if spec.updatedAt != "" {
		updatedAt = row + "." + store.Ident(spec.updatedAt)
	}
	var parts []string
	for _, k := range append(slices.Clone(spec.uniqueKey), "") {
		v := updatedAt
		if k != "" {
			v = spec.key(k, row, src)
		} else if spec.stampText != "" {
			v = fmt.Sprintf(spec.stampText, v)
		}
		parts = append(parts, "coalesce(CAST("+v+" AS TEXT), '')")
	}
	return "md5(" + strings.Join(parts, " || '|' || ") + ")", updatedAt
}

func snapshotCreate(spec *snapshotSpec, dst, src, now string) string {
	scd, upd := snapshotColumns(spec, "s", src, now)
	c := spec.cols
	deleted := ""
	if spec.newRecord {
		deleted = ", 'False' AS " + store.Ident(c.isDeleted)
	}
	return fmt.Sprintf("CREATE TABLE %s AS SELECT s.*, %s AS %s, %s AS %s, %s AS %s, %s AS %s%s FROM %s AS s",
		dst, scd, store.Ident(c.scdID), upd, store.Ident(c.updatedAt), upd, store.Ident(c.validFrom), spec.openTo(), store.Ident(c.validTo), deleted, src)
}

// snapshotValidToCurrent is dbt_valid_to_current as SQLite: the
// expression in the project's dialect, cast to the type of the
// snapshot's times (stamp), as dbt coalesces it with updated_at.
func (r *runner) snapshotValidToCurrent(s *snapshot, expr, stamp string) (string, error) {
	const from = " as dbt_valid_to_current"
	q := "select " + expr + from
	if stamp != "" && r.plan.dialect != dialect.SQLite {
		q = "select cast(" + expr + " as " + dialect.WarehouseType(r.plan.dialect, stamp, "TEXT") + ")" + from
	}
	sql, err := r.translate(s.decl.Path, s.decl.SQL, q)
	if err != nil {
		return "", err
	}
	sql = strings.TrimSpace(sql)
	i := strings.LastIndex(strings.ToLower(sql), from)
	if !strings.HasPrefix(strings.ToLower(sql), "select ") || i < 0 {
		return "", diag.Errorf(s.decl.Path, max(s.decl.Line, configLine(s.decl.SQL, "dbt_valid_to_current")), "snapshot %s: dbt_valid_to_current %q is not an expression", s.decl.Name, expr)
	}
	return "(" + strings.TrimSpace(sql[len("select "):i]) + ")", nil
}

// snapshotChanges are the statements of a run on an existing snapshot:
// new columns first, then close changed and (when asked) deleted rows'
// current versions, then insert the new versions.
func (r *runner) snapshotChanges(spec *snapshotSpec, dst, src string, cols []store.Column, rel jinja.Relation, now string) ([]string, error) {
	have, err := r.db.Columns(r.ctx, rel.Schema, rel.Name)
	if err != nil {
		return nil, err
	}
	var haveNames []string
	for _, c := range have {
		haveNames = append(haveNames, c.Name)
	}
	var stmts []string
	var names []string
	for _, c := range cols {
		names = append(names, c.Name)
		if !containsFold(haveNames, c.Name) {
			stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", dst, store.Ident(c.Name), c.Type))
		}
	}
	var match []string
	for _, k := range spec.uniqueKey {
		match = append(match, spec.key(k, "s", src)+" = "+spec.key(k, "t", dst))
	}
	c := spec.cols
	vt, deleted := store.Ident(c.validTo), "t."+store.Ident(c.isDeleted)+" = 'True'"
	current := spec.current("t") + " AND " + strings.Join(match, " AND ")
	var changed string
	if spec.strategy == "timestamp" {
		changed = "t." + store.Ident(c.validFrom) + " < s." + store.Ident(spec.updatedAt)
	} else {
		check := spec.checkCols
		if check == nil {
			check = names
		}
		var diffs []string
		for _, c := range check {
			diffs = append(diffs, fmt.Sprintf("s.%s IS NOT t.%s", store.Ident(c), store.Ident(c)))
		}
		changed = "(" + strings.Join(diffs, " OR ") + ")"
	}
	if spec.newRecord {
		// a key back after its deletion record gets a new version
		changed = "(" + changed + " OR " + deleted + ")"
	}
	meta := []string{store.Ident(c.scdID), store.Ident(c.updatedAt), store.Ident(c.validFrom), vt}
	if spec.newRecord {
		meta = append(meta, store.Ident(c.isDeleted))
		if !containsFold(haveNames, c.isDeleted) {
			// a snapshot taken before hard_deletes='new_record'
			stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s TEXT", dst, store.Ident(c.isDeleted)))
		}
	}
	// The keys the query no longer returns, whose current version is not
	// a deletion record already: they are closed now (and, with
	// new_record, get a deletion record), before the changed rows are.
	var gone string
	if spec.invalidate {
		gone = fmt.Sprintf("%s AND NOT EXISTS (SELECT 1 FROM %s AS s WHERE %s)", spec.current("t"), src, strings.Join(match, " AND "))
		if spec.newRecord {
			gone += " AND NOT coalesce(" + deleted + ", 0)"
			scdText := fmt.Sprintf("md5(coalesce(CAST(t.%s AS TEXT), '') || '|' || coalesce(CAST(%s AS TEXT), ''))", store.Ident(c.scdID), now)
			stmts = append(stmts, fmt.Sprintf("INSERT INTO %s (%s, %s) SELECT %s, %s, %s, %s, t.%s, 'True' FROM %s AS t WHERE %s",
				dst, quoteAll(names, ""), strings.Join(meta, ", "), quoteAll(names, "t."), scdText, now, now, vt, dst, gone))
		}
	}
	_, upd := snapshotColumns(spec, "s", src, now)
	// Close the current version of each changed row at the new version's
	// updated_at.
	stmts = append(stmts, fmt.Sprintf("UPDATE %s AS t SET %s = %s FROM %s AS s WHERE %s AND %s", dst, vt, upd, src, current, changed))
	if gone != "" {
		stmts = append(stmts, fmt.Sprintf("UPDATE %s AS t SET %s = %s WHERE %s", dst, vt, now, gone))
	}
	// A row without a current version (a new key, or one just closed) gets one.
	scd, upd := snapshotColumns(spec, "s", src, now)
	values := []string{scd, upd, upd, spec.openTo()}
	if spec.newRecord {
		values = append(values, "'False'")
	}
	stmts = append(stmts, fmt.Sprintf("INSERT INTO %s (%s, %s) SELECT %s, %s FROM %s AS s WHERE NOT EXISTS (SELECT 1 FROM %s AS t WHERE %s)",
		dst, quoteAll(names, ""), strings.Join(meta, ", "), quoteAll(names, "s."), strings.Join(values, ", "), src, dst, current))
	return stmts, nil
}

// snapshotKeyExpr is unique key k, an expression of the snapshot query's
// columns, translated from the project's dialect to SQLite.
func (r *runner) snapshotKeyExpr(s *snapshot, k string) (string, error) {
	const from = "\nfrom dbt_snapshot_key_rows"
	sql, err := r.translate(s.decl.Path, s.decl.SQL, "select "+k+" as dbt_unique_key"+from)
	if err != nil {
		return "", err
	}
	sql = strings.TrimSpace(sql)
	i := strings.LastIndex(strings.ToLower(sql), " as dbt_unique_key"+from)
	if !strings.HasPrefix(strings.ToLower(sql), "select ") || i < 0 {
		return "", diag.Errorf(s.decl.Path, max(s.decl.Line, configLine(s.decl.SQL, "unique_key")), "snapshot %s: unique_key %q is not an expression of its query's columns", s.decl.Name, k)
	}
	return "(" + strings.TrimSpace(sql[len("select "):i]) + ")", nil
}

// isBareName tells whether k is one name (a column), not an expression.
func isBareName(k string) bool {
	for i := 0; i < len(k); i++ {
		if !isNamePart(k[i]) {
			return false
		}
	}
	return k != ""
}

// snapshotTypes are the static types of a snapshot's columns: its query's,
// and dbt's columns as the warehouse's dbt types them: dbt_scd_id an md5
// text, dbt_updated_at, dbt_valid_from and dbt_valid_to of the updated_at
// column's type, or without one of the time snapshot_get_time() gives (a
// TIMESTAMP in DuckDB, a TIMESTAMP_NTZ in Snowflake, a TIMESTAMP instant
// in BigQuery), so a model reading them takes them as timestamps there.
// None in SQLite's dialect, whose SQL knows no types.
func (r *runner) snapshotTypes(spec *snapshotSpec, query map[string]string) map[string]string {
	var stamp string
	switch r.plan.dialect {
	case dialect.SQLite:
		return nil
	case dialect.BigQuery:
		stamp = sqlfunc.KindInstant
	default:
		stamp = sqlfunc.KindWallClock
	}
	types := maps.Clone(query)
	if types == nil {
		types = map[string]string{}
	}
	if spec.updatedAt != "" {
		stamp = types[strings.ToLower(spec.updatedAt)]
	}
	if r.plan.dialect == dialect.DuckDB {
		types[strings.ToLower(spec.cols.scdID)] = dialect.TypeText
	}
	if spec.newRecord {
		types[strings.ToLower(spec.cols.isDeleted)] = dialect.TypeText
	}
	for _, c := range []string{spec.cols.updatedAt, spec.cols.validFrom, spec.cols.validTo} {
		if stamp != "" {
			types[strings.ToLower(c)] = stamp
		}
	}
	return types
}
