package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Incremental models, as dbt builds them: the first run (and a full
// refresh) creates the table from the model's SQL; later runs build the new
// rows into a temporary table and add them to the existing one with the
// model's incremental_strategy, after reconciling columns per
// on_schema_change.

// fullRefresh is dbt's should_full_refresh(): the model's full_refresh
// config when set, else the run's --full-refresh.
func (r *runner) fullRefresh(cfg project.Config) bool {
	if v, ok := cfg.Extra["full_refresh"]; ok && v != nil {
		b, _ := v.(bool)
		if s, ok := v.(string); ok {
			b = strings.EqualFold(s, "true")
		}
		return b
	}
	return r.opts.FullRefresh
}

// isIncremental is is_incremental(): the model is incremental, its table
// exists and the run is not a full refresh.
func (r *runner) isIncremental(cfg project.Config, this jinja.Relation) bool {
	return cfg.Materialized == "incremental" && !r.fullRefresh(cfg) && r.tableExists(this)
}

// tableExists tells whether rel is a table of an attached schema.
func (r *runner) tableExists(rel jinja.Relation) bool {
	schema := rel.Schema
	if schema == "" {
		schema = "main"
	}
	if schema != "main" && schema != "temp" && !r.db.HasSchema(schema) {
		return false
	}
	q, err := r.db.Query(r.ctx, fmt.Sprintf("SELECT 1 FROM %s.sqlite_schema WHERE type = 'table' AND name = %s COLLATE NOCASE",
		store.Ident(schema), store.Quote(rel.Name)), 1)
	return err == nil && len(q.Rows) > 0
}

// incremental is an incremental model's configuration.
type incremental struct {
	strategy       string
	uniqueKey      []string
	onSchemaChange string
	// updateColumns, when set, are the only columns a merge updates.
	updateColumns, excludeColumns []string
	// overwrite is what insert_overwrite replaces.
	overwrite *overwrite
	// destRows is the query (SQLite, translated) of the rowids of the
	// table's rows the incremental_predicates hold; "" without them
	destRows string
}

var strategies = []string{"append", "merge", "delete+insert", "insert_overwrite"}

// incrementalConfig reads and checks cfg's incremental settings.
func (r *runner) incrementalConfig(m *project.Model, cfg project.Config) (*incremental, error) {
	inc := &incremental{onSchemaChange: "ignore"}
	str := func(key string) (string, error) {
		v := cfg.Extra[key]
		if v == nil {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", diag.Errorf(m.Path, configLine(m.SQL, key), "%s must be a string, not %v", key, v)
		}
		return strings.ToLower(strings.TrimSpace(s)), nil
	}
	list := func(key string) ([]string, error) {
		switch v := cfg.Extra[key].(type) {
		case nil:
			return nil, nil
		case string:
			if strings.TrimSpace(v) == "" {
				return nil, nil
			}
			return []string{strings.TrimSpace(v)}, nil
		case []any:
			var out []string
			for _, e := range v {
				s, ok := e.(string)
				if !ok || strings.TrimSpace(s) == "" {
					return nil, diag.Errorf(m.Path, configLine(m.SQL, key), "%s must list column names, not %v", key, e)
				}
				out = append(out, strings.TrimSpace(s))
			}
			return out, nil
		}
		return nil, diag.Errorf(m.Path, configLine(m.SQL, key), "%s must be a column name or a list of them, not %v", key, cfg.Extra[key])
	}
	var err error
	if inc.uniqueKey, err = list("unique_key"); err != nil {
		return nil, err
	}
	if inc.updateColumns, err = list("merge_update_columns"); err != nil {
		return nil, err
	}
	if inc.excludeColumns, err = list("merge_exclude_columns"); err != nil {
		return nil, err
	}
	if inc.strategy, err = str("incremental_strategy"); err != nil {
		return nil, err
	}
	if inc.strategy == "" || inc.strategy == "default" {
		inc.strategy = defaultStrategy(string(r.plan.dialect), len(inc.uniqueKey) > 0)
	}
	if !slices.Contains(strategies, inc.strategy) {
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "incremental_strategy"), "incremental_strategy %q is not one the playground runs", inc.strategy).
			WithHint("use one of %s", strings.Join(r.strategiesHere(), ", "))
	}
	preds, err := list("incremental_predicates")
	if err != nil {
		return nil, err
	}
	if len(preds) > 0 && (inc.strategy == "merge" || inc.strategy == "delete+insert") {
		if inc.destRows, err = r.predicateRows(m, preds); err != nil {
			return nil, err
		}
	}
	if inc.strategy == "insert_overwrite" {
		if inc.overwrite, err = r.overwriteConfig(m, cfg); err != nil {
			return nil, err
		}
	}
	if inc.onSchemaChange, err = r.onSchemaChange(m, cfg); err != nil {
		return nil, err
	}
	return inc, nil
}

// onSchemaChange is cfg's on_schema_change, ignore when unset; an unknown
// value is a warning and ignore, as dbt logs it and goes on.
func (r *runner) onSchemaChange(m *project.Model, cfg project.Config) (string, error) {
	v := cfg.Extra["on_schema_change"]
	if v == nil {
		return "ignore", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", diag.Errorf(m.Path, configLine(m.SQL, "on_schema_change"), "%s must be a string, not %v", "on_schema_change", v)
	}
	switch osc := strings.ToLower(strings.TrimSpace(s)); osc {
	case "":
	case "ignore", "fail", "append_new_columns", "sync_all_columns":
		return osc, nil
	default:
		d := diag.Errorf(m.Path, configLine(m.SQL, "on_schema_change"), "invalid on_schema_change %q: using ignore", osc).
			WithHint("use ignore, fail, append_new_columns or sync_all_columns")
		d.Severity = diag.Warning
		r.res.Diagnostics = append(r.res.Diagnostics, *d)
	}
	return "ignore", nil
}

// defaultStrategy is what dbt's adapter for the target uses when a model
// names no incremental_strategy: merge on BigQuery, Snowflake and
// Databricks; elsewhere (Postgres and the adapters that follow it)
// delete+insert with a unique_key and append without.
func defaultStrategy(target string, uniqueKey bool) string {
	switch target {
	case "bigquery", "snowflake", "databricks", "spark":
		return "merge"
	}
	if uniqueKey {
		return "delete+insert"
	}
	return "append"
}

// configLine is the line of src that sets key, or 1 when the key comes
// from elsewhere (dbt_project.yml or a properties file).
func configLine(src, key string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, key) {
			return i + 1
		}
	}
	return 1
}

// runIncremental adds the rows of sql to the model's existing table.
func (r *runner) runIncremental(m *project.Model, sql string, cfg project.Config, rel jinja.Relation, step *Step) error {
	inc, err := r.incrementalConfig(m, cfg)
	if err != nil {
		return err
	}
	dst := store.Rel(rel.Schema, rel.Name)
	tmpName := rel.Name + "__dbt_tmp"
	tmp := store.Rel("temp", tmpName)
	var added int64
	err = r.savepoint(func() error {
		if err := r.stageQuery(tmpName, sql); err != nil {
			return err
		}
		if added, err = r.db.Count(r.ctx, tmp); err != nil {
			return err
		}
		cols, err := r.reconcileColumns(m, inc, rel, tmpName)
		if err != nil {
			return err
		}
		stmt, err := r.strategySQL(m, inc, dst, tmp, cols)
		if err != nil {
			return err
		}
		if err := r.db.Exec(r.ctx, stmt+"; DROP TABLE "+tmp); err != nil {
			return fmt.Errorf("incremental %s into %s: %w", inc.strategy, rel, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	step.Message = fmt.Sprintf("%s %d row%s", inc.strategy, added, plural(int(added)))
	return r.finishStep(step, rel)
}

// stageQuery runs a model's or snapshot's select into temporary table name,
// so the statements that merge it into the target read it once.
func (r *runner) stageQuery(name, sql string) error {
	tmp := store.Rel("temp", name)
	err := r.db.Exec(r.ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s; CREATE TEMP TABLE %s AS\n%s\n", tmp, store.Ident(name), sql))
	if tooDeep(err) {
		if staged, serr := r.createStaged("DROP TABLE IF EXISTS "+tmp, tmp, sql); staged {
			err = serr
		}
	}
	if err == nil {
		err = r.keepTrueFalseNames(tmp, "temp", name, sql)
	}
	if err != nil {
		return &sqlError{err: err, sql: sql}
	}
	return nil
}

// finishStep reads the bound: a table of at most maxFingerprintCells values
// is read whole to make its version from its content; a larger one is
// counted. A relation not built before is read only up to
// firstFingerprintCells, and one that was larger last time is counted
// straight away: the values read past the bound are read for nothing, and
// in js/wasm every value moved out of SQLite costs about a microsecond.
const (
	maxFingerprintCells   = 1 << 17
	firstFingerprintCells = 1 << 14
)

// finishStep counts the rows of the table a step wrote and, when it is
// small enough, keeps its fingerprint for its version (wroteVersion) and
// its rows for the comparison that may follow the build (ReadWhole).
func (r *runner) finishStep(step *Step, rel jinja.Relation) error {
	k := relKey(rel.Schema, rel.Name)
	bound := firstFingerprintCells
	if cells, ok := r.hist.cells[k]; ok {
		bound = maxFingerprintCells
		if cells > maxFingerprintCells {
			bound = 0
		}
	}
	rows, cols, shape, fp, content, err := r.db.Fingerprint(r.ctx, store.Rel(rel.Schema, rel.Name), bound)
	if err != nil {
		return err
	}
	if err := r.db.AnalyzeContent(r.ctx, rel.Schema, rel.Name, fp); err != nil {
		return err
	}
	r.noteShape(k, shape)
	r.hist.cells[k] = rows * int64(cols)
	if fp != "" {
		r.content[k] = tableRead{fp: fp, rows: content}
	}
	step.Status, step.Rows = "OK", rows
	return nil
}

// savepoint runs f in a savepoint that is rolled back when f fails, so a
// failing model leaves its table as it was.
func (r *runner) savepoint(f func() error) error { return r.savepointNamed("model", f) }

func (r *runner) savepointNamed(name string, f func() error) error {
	if err := r.db.Exec(r.ctx, "SAVEPOINT "+name); err != nil {
		return err
	}
	if err := f(); err != nil {
		r.db.Exec(context.Background(), "ROLLBACK TO "+name+"; RELEASE "+name)
		return err
	}
	return r.db.Exec(r.ctx, "RELEASE "+name)
}

// reconcileColumns compares the new rows' columns with the table's and
// applies on_schema_change; it returns the columns to write, as dbt's
// process_schema_changes does.
func (r *runner) reconcileColumns(m *project.Model, inc *incremental, rel jinja.Relation, tmpName string) ([]string, error) {
	src, err := r.db.Columns(r.ctx, "temp", tmpName)
	if err != nil {
		return nil, err
	}
	dst, err := r.db.Columns(r.ctx, rel.Schema, rel.Name)
	if err != nil {
		return nil, err
	}
	find := func(cols []store.Column, name string) *store.Column {
		for i := range cols {
			if strings.EqualFold(cols[i].Name, name) {
				return &cols[i]
			}
		}
		return nil
	}
	var added, removed, retyped []string
	var addedCols, retypedCols []store.Column
	for _, c := range src {
		d := find(dst, c.Name)
		switch {
		case d == nil:
			added = append(added, c.Name)
			addedCols = append(addedCols, c)
		case !strings.EqualFold(d.Type, c.Type):
			retyped = append(retyped, fmt.Sprintf("%s %s -> %s", c.Name, typeName(d.Type), typeName(c.Type)))
			retypedCols = append(retypedCols, c)
		}
	}
	for _, c := range dst {
		if find(src, c.Name) == nil {
			removed = append(removed, c.Name)
		}
	}
	names := func(cols []store.Column) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = c.Name
		}
		return out
	}
	line := configLine(m.SQL, "on_schema_change")
	changed := len(added)+len(removed)+len(retyped) > 0
	switch inc.onSchemaChange {
	case "ignore":
		if len(removed) > 0 {
			return nil, diag.Errorf(m.Path, 1, "the model no longer returns column %s of %s, which on_schema_change 'ignore' keeps writing", strings.Join(removed, ", "), rel).
				WithHint("set on_schema_change='sync_all_columns' or 'append_new_columns', or rebuild with --full-refresh")
		}
		return names(dst), nil
	case "fail":
		if changed {
			return nil, diag.Errorf(m.Path, line, "the source and target schemas of incremental model %s are out of sync: source columns not in target: [%s]; target columns not in source: [%s]; new column types: [%s]",
				m.Name, strings.Join(added, ", "), strings.Join(removed, ", "), strings.Join(retyped, ", ")).
				WithHint("set on_schema_change to append_new_columns or sync_all_columns, or rebuild with --full-refresh")
		}
		return names(src), nil
	}
	qrel := store.Rel(rel.Schema, rel.Name)
	var alter []string
	for _, c := range addedCols {
		alter = append(alter, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", qrel, store.Ident(c.Name), c.Type))
	}
	if inc.onSchemaChange == "sync_all_columns" {
		for _, c := range removed {
			alter = append(alter, fmt.Sprintf("ALTER TABLE %s DROP COLUMN %s", qrel, store.Ident(c)))
		}
		// A type change is dbt's alter_column_type: a new column of the
		// new type takes the old values cast, then the name.
		for _, c := range retypedCols {
			tmpCol := store.Ident(c.Name + "__dbt_alter")
			alter = append(alter,
				fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", qrel, tmpCol, c.Type),
				fmt.Sprintf("UPDATE %s SET %s = CAST(%s AS %s)", qrel, tmpCol, store.Ident(c.Name), castType(c.Type)),
				fmt.Sprintf("ALTER TABLE %s DROP COLUMN %s", qrel, store.Ident(c.Name)),
				fmt.Sprintf("ALTER TABLE %s RENAME COLUMN %s TO %s", qrel, tmpCol, store.Ident(c.Name)))
		}
	}
	if len(alter) > 0 {
		if err := r.db.Exec(r.ctx, strings.Join(alter, ";\n")); err != nil {
			return nil, fmt.Errorf("on_schema_change %s on %s: %w", inc.onSchemaChange, rel, err)
		}
	}
	return names(src), nil
}

func typeName(t string) string {
	if t == "" {
		return "(none)"
	}
	return t
}

// castType is a declared type as CAST accepts it ("" casts to BLOB, which
// keeps the value's bytes: use the value as is).
func castType(t string) string {
	if t == "" {
		return "BLOB"
	}
	return t
}

// strategySQL is the statement that writes tmp's rows into dst.
func (r *runner) strategySQL(m *project.Model, inc *incremental, dst, tmp string, cols []string) (string, error) {
	const s, d = "DBT_INTERNAL_SOURCE", "DBT_INTERNAL_DEST"
	list := quoteAll(cols, "")
	insert := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s AS %s", dst, list, quoteAll(cols, s+"."), tmp, s)
	if inc.overwrite != nil {
		return r.overwriteSQL(m, inc.overwrite, dst, tmp, insert, cols)
	}
	if len(inc.uniqueKey) == 0 || inc.strategy == "append" {
		return insert, nil
	}
	for _, k := range inc.uniqueKey {
		if !slices.ContainsFunc(cols, func(c string) bool { return strings.EqualFold(c, k) }) {
			return "", diag.Errorf(m.Path, configLine(m.SQL, "unique_key"), "unique_key %q is not a column of model %s", k, m.Name).
				WithHint("name columns the model selects (an expression needs its own column)")
		}
	}
	var match []string
	for _, k := range inc.uniqueKey {
		match = append(match, fmt.Sprintf("%s.%s = %s.%s", s, store.Ident(k), d, store.Ident(k)))
	}
	if inc.destRows != "" {
		// the predicates narrow the table's rows a new row can match
		match = append(match, fmt.Sprintf("%s.rowid IN (%s)", d, inc.destRows))
	}
	on := strings.Join(match, " AND ")
	if inc.strategy == "delete+insert" {
		return fmt.Sprintf("DELETE FROM %s AS %s WHERE EXISTS (SELECT 1 FROM %s AS %s WHERE %s);\n%s", dst, d, tmp, s, on, insert), nil
	}
	// merge: a target row matched by two new rows is an error on BigQuery
	// and Snowflake alike.
	q, err := r.db.Query(r.ctx, fmt.Sprintf("SELECT %s, count(*) FROM %s AS %s WHERE EXISTS (SELECT 1 FROM %s AS %s WHERE %s) GROUP BY %s HAVING count(*) > 1 LIMIT 1",
		quoteAll(inc.uniqueKey, s+"."), tmp, s, dst, d, on, quoteAll(inc.uniqueKey, s+".")), 1)
	if err != nil {
		return "", err
	}
	if len(q.Rows) > 0 {
		row := q.Rows[0]
		vals := make([]string, len(row)-1)
		for i, v := range row[:len(row)-1] {
			vals[i] = fmt.Sprint(v)
		}
		return "", diag.Errorf(m.Path, configLine(m.SQL, "unique_key"), "merge into %s: %v new rows have unique_key (%s) = (%s), which matches an existing row: a merge needs one new row per key",
			m.Name, row[len(row)-1], strings.Join(inc.uniqueKey, ", "), strings.Join(vals, ", ")).
			WithHint("keep one row per key in the model (e.g. the latest), or use incremental_strategy='delete+insert'")
	}
	var set []string
	for _, c := range cols {
		if len(inc.updateColumns) > 0 && !containsFold(inc.updateColumns, c) || containsFold(inc.excludeColumns, c) {
			continue
		}
		set = append(set, fmt.Sprintf("%s = %s.%s", store.Ident(c), s, store.Ident(c)))
	}
	var stmts []string
	if len(set) > 0 {
		stmts = append(stmts, fmt.Sprintf("UPDATE %s AS %s SET %s FROM %s AS %s WHERE %s", dst, d, strings.Join(set, ", "), tmp, s, on))
	}
	stmts = append(stmts, fmt.Sprintf("%s WHERE NOT EXISTS (SELECT 1 FROM %s AS %s WHERE %s)", insert, dst, d, on))
	return strings.Join(stmts, ";\n"), nil
}

func quoteAll(cols []string, prefix string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = prefix + store.Ident(c)
	}
	return strings.Join(out, ", ")
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// incrementalKey is the memo state of a render that saw is_incremental()
// answer incremental.
func incrementalKey(state string, incremental bool) string {
	if state == "" || !incremental {
		return state
	}
	return state + "\x00incremental"
}

// predicateRows is the query of the rowids of the model's table that
// incremental_predicates hold, the warehouse's SQL translated as dbt puts
// them beside the unique key's match, naming the table DBT_INTERNAL_DEST.
// A predicate on DBT_INTERNAL_SOURCE is refused: its rows are matched
// here by the key alone.
func (r *runner) predicateRows(m *project.Model, preds []string) (string, error) {
	for _, p := range preds {
		if strings.Contains(strings.ToLower(p), "dbt_internal_source") {
			return "", diag.Errorf(m.Path, configLine(m.SQL, "incremental_predicates"), "incremental_predicates of model %s: a predicate on DBT_INTERNAL_SOURCE (%s) is not run here", m.Name, p).
				WithHint("write the predicates on DBT_INTERNAL_DEST, the model's table, or filter the new rows in the model's SQL")
		}
	}
	conds := make([]string, len(preds))
	for i, p := range preds {
		conds[i] = "(" + p + ")"
	}
	q := "select DBT_INTERNAL_DEST.rowid from " + r.warehouseName(m.Name) + " as DBT_INTERNAL_DEST where " + strings.Join(conds, " and ")
	sql, err := r.translate(m.Path, m.SQL, q)
	if err != nil {
		return "", fmt.Errorf("incremental_predicates of model %s: %w", m.Name, err)
	}
	return sql, nil
}
