package engine

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// The insert_overwrite strategy, as each warehouse's dbt adapter runs it.
// dbt-bigquery replaces partitions of the table (partition_by): the
// partitions the new rows fall in (dynamic), or those the partitions config
// lists (static); the new rows are all inserted. A NULL partition value is
// never replaced: dbt gathers the partitions with array_agg(... IGNORE
// NULLS), so its new rows are added to the old ones. dbt-snowflake's
// insert_overwrite is INSERT OVERWRITE, which replaces every row of the
// table. dbt-duckdb and the Postgres-like adapters do not offer it.

// partitionBy is dbt-bigquery's partition_by config.
type partitionBy struct {
	field, dataType, granularity string
	// start and interval are an int64 partitioning's range.
	start, interval int64
}

// overwrite is how insert_overwrite picks the rows it replaces.
type overwrite struct {
	whole bool // Snowflake: every row
	part  *partitionBy
	// partitions, when set, are the SQL expressions of static partitions.
	partitions []string
}

// insertOverwriteStrategies are the strategies each adapter that lacks
// insert_overwrite offers, for its refusal.
var insertOverwriteStrategies = map[dialect.Dialect]string{
	dialect.DuckDB: "append, delete+insert, merge",
}

// strategiesHere are the strategies the playground runs for the target:
// insert_overwrite only where the warehouse's adapter has it.
func (r *runner) strategiesHere() []string {
	if r.plan.dialect == dialect.BigQuery || r.plan.dialect == dialect.Snowflake {
		return strategies
	}
	return slices.DeleteFunc(slices.Clone(strategies), func(s string) bool { return s == "insert_overwrite" })
}

// overwriteConfig reads what insert_overwrite replaces for the target, or
// refuses it where dbt's adapter has no such strategy.
func (r *runner) overwriteConfig(m *project.Model, cfg project.Config) (*overwrite, error) {
	line := configLine(m.SQL, "incremental_strategy")
	switch r.plan.dialect {
	case dialect.Snowflake:
		return &overwrite{whole: true}, nil
	case dialect.BigQuery:
	default:
		supported := insertOverwriteStrategies[r.plan.dialect]
		if supported == "" {
			supported = strings.Join(r.strategiesHere(), ", ")
		}
		return nil, diag.Errorf(m.Path, line, "The incremental strategy 'insert_overwrite' is not valid for this adapter (%s)", r.plan.dialect).
			WithHint("use one of %s; insert_overwrite is BigQuery's (partitions) and Snowflake's (the whole table)", supported)
	}
	raw := cfg.Extra["partition_by"]
	if raw == nil {
		return nil, diag.Errorf(m.Path, line, "The 'insert_overwrite' strategy requires the `partition_by` config.").
			WithHint("set partition_by={'field': 'created_date', 'data_type': 'date'}")
	}
	p, err := parsePartitionBy(m, raw)
	if err != nil {
		return nil, err
	}
	o := &overwrite{part: p}
	switch v := cfg.Extra["partitions"].(type) {
	case nil:
	case []any:
		for _, e := range v {
			s := strings.TrimSpace(fmt.Sprint(e))
			if e == nil || s == "" {
				return nil, diag.Errorf(m.Path, configLine(m.SQL, "partitions"), "partitions must list SQL expressions, not %v", e)
			}
			o.partitions = append(o.partitions, s)
		}
		if len(o.partitions) == 0 {
			// dbt takes an empty list as no list: the dynamic partitions.
			o.partitions = nil
		}
	default:
		return nil, diag.Errorf(m.Path, configLine(m.SQL, "partitions"), "partitions must be a list of SQL expressions, not %v", v).
			WithHint("write partitions=[\"'2024-01-01'\", 'current_date()']")
	}
	return o, nil
}

// parsePartitionBy reads partition_by as dbt-bigquery's PartitionConfig
// does (data_type date and granularity day by default, lower case).
func parsePartitionBy(m *project.Model, raw any) (*partitionBy, error) {
	line := configLine(m.SQL, "partition_by")
	cfg, ok := raw.(map[string]any)
	if !ok {
		return nil, diag.Errorf(m.Path, line, "Invalid partition_by config: %v", raw).
			WithHint("write partition_by={'field': 'created_date', 'data_type': 'date', 'granularity': 'day'}")
	}
	str := func(key, def string) string {
		if s, ok := cfg[key].(string); ok && strings.TrimSpace(s) != "" {
			return strings.ToLower(strings.TrimSpace(s))
		}
		return def
	}
	p := &partitionBy{field: str("field", ""), dataType: str("data_type", "date"), granularity: str("granularity", "day")}
	if p.field == "" {
		return nil, diag.Errorf(m.Path, line, "partition_by needs a field, the column the table is partitioned by").
			WithHint("write partition_by={'field': 'created_date', 'data_type': 'date'}")
	}
	if on, _ := cfg["time_ingestion_partitioning"].(bool); on {
		return nil, diag.Errorf(m.Path, line, "partition_by with time_ingestion_partitioning (a _PARTITIONTIME column) is not one the playground runs").
			WithHint("partition by the column itself: drop time_ingestion_partitioning")
	}
	switch p.dataType {
	case "timestamp", "datetime", "date":
		switch p.granularity {
		case "hour", "day", "month", "year":
		default:
			return nil, diag.Errorf(m.Path, line, "partition_by granularity %q is not one of hour, day, month, year", p.granularity)
		}
		if p.dataType == "date" && p.granularity == "hour" {
			return nil, diag.Errorf(m.Path, line, "a date column cannot be partitioned by hour").
				WithHint("use granularity day, month or year, or a timestamp column")
		}
	case "int64":
		rng, _ := cfg["range"].(map[string]any)
		start, okS := wholeNumber(rng["start"])
		_, okE := wholeNumber(rng["end"])
		interval, okI := wholeNumber(rng["interval"])
		if !okS || !okE || !okI || interval <= 0 {
			got := "none"
			if cfg["range"] != nil {
				got = fmt.Sprint(cfg["range"])
			}
			return nil, diag.Errorf(m.Path, line, "an int64 partition_by needs a range with whole numbers start, end and interval (> 0), not %s", got).
				WithHint("write 'range': {'start': 0, 'end': 100, 'interval': 10}")
		}
		p.start, p.interval = start, interval
	default:
		return nil, diag.Errorf(m.Path, line, "partition_by data_type %q is not one BigQuery partitions by", p.dataType).
			WithHint("use timestamp, date, datetime or int64")
	}
	return p, nil
}

func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case uint64: // a YAML integer
		if n <= math.MaxInt64 {
			return int64(n), true
		}
	case float64:
		if n == math.Trunc(n) {
			return int64(n), true
		}
	}
	return 0, false
}

// truncFormats are the strftime forms of a time partition's first instant:
// SQLite reads every stored form of a date, datetime or timestamp
// (2024-05-17, 2024-05-17T10:00:00Z, 2024-05-17 10:00:00.5+02:00) and
// writes the instant in UTC.
var truncFormats = map[string]string{
	"hour": "%Y-%m-%d %H:00:00", "day": "%Y-%m-%d", "month": "%Y-%m-01", "year": "%Y-01-01",
}

// key is the partition value of col, as dbt-bigquery's render_wrapped
// gives it: the start of the time partition (as a Julian day number, so
// every text form of one instant compares equal), or an int64's range
// bucket start, value - mod(value - start, interval).
func (p *partitionBy) key(col string) string {
	if p.dataType == "int64" {
		return fmt.Sprintf("(%s - ((%s - %d) %% %d))", col, col, p.start, p.interval)
	}
	return fmt.Sprintf("(CASE WHEN typeof(%s) = 'text' THEN julianday(strftime('%s', %s)) END)", col, truncFormats[p.granularity], col)
}

// literal is a static partition's value as key compares it: the value
// itself, not truncated (dbt compares the truncated column with it).
func (p *partitionBy) literal(col string) string {
	if p.dataType == "int64" {
		return col
	}
	return fmt.Sprintf("(CASE WHEN typeof(%s) = 'text' THEN julianday(%s) END)", col, col)
}

// overwriteSQL is the statement that replaces the table's rows by tmp's.
func (r *runner) overwriteSQL(m *project.Model, o *overwrite, dst, tmp, insert string, cols []string) (string, error) {
	if o.whole {
		return fmt.Sprintf("DELETE FROM %s;\n%s", dst, insert), nil
	}
	p := o.part
	if !containsFold(cols, p.field) {
		return "", diag.Errorf(m.Path, configLine(m.SQL, "partition_by"), "partition_by field %q is not a column of model %s", p.field, m.Name).
			WithHint("partition by a column the model selects")
	}
	const s, d = "DBT_INTERNAL_SOURCE", "DBT_INTERNAL_DEST"
	col := store.Ident(p.field)
	if err := r.checkPartitionValues(m, p, dst, tmp); err != nil {
		return "", err
	}
	var replaced string
	if o.partitions == nil {
		replaced = fmt.Sprintf("SELECT %s FROM %s AS %s", p.key(s+"."+col), tmp, s)
	} else {
		sel := make([]string, len(o.partitions))
		for i, e := range o.partitions {
			sel[i] = "select " + e + " as dbt_partition"
		}
		line := configLine(m.SQL, "partitions")
		tr, err := r.translateWith(strings.Join(sel, "\nunion all\n"), func(d *diag.Diagnostic, _, _ int) {
			d.File, d.Line, d.Col = m.Path, line, 0
		})
		if err != nil {
			return "", err
		}
		replaced = fmt.Sprintf("SELECT %s FROM (%s)", p.literal("dbt_partition"), strings.TrimRight(strings.TrimSpace(tr.sql), ";"))
	}
	return fmt.Sprintf("DELETE FROM %s AS %s WHERE %s IN (%s);\n%s", dst, d, p.key(d+"."+col), replaced, insert), nil
}

// checkPartitionValues refuses a value of the partition column that is not
// a date or time SQLite reads, rather than leave its partition unreplaced.
func (r *runner) checkPartitionValues(m *project.Model, p *partitionBy, dst, tmp string) error {
	if p.dataType == "int64" {
		return nil
	}
	col := store.Ident(p.field)
	for _, rel := range []string{tmp, dst} {
		q, err := r.db.Query(r.ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s IS NOT NULL AND %s IS NULL LIMIT 1", col, rel, col, p.key(col)), 1)
		if err != nil {
			return err
		}
		if len(q.Rows) > 0 {
			return diag.Errorf(m.Path, configLine(m.SQL, "partition_by"), "partition_by field %s of model %s holds %q, which is not a %s", p.field, m.Name, fmt.Sprint(q.Rows[0][0]), p.dataType).
				WithHint("select the column as a %s (e.g. cast(... as %s))", p.dataType, p.dataType)
		}
	}
	return nil
}

// maxPartitionVar is the script variable dbt-bigquery declares before a
// partitioned model's SQL that names it: DECLARE _dbt_max_partition <data
// type> DEFAULT (SELECT MAX(field) FROM this WHERE field IS NOT NULL). It
// does so wherever it creates a table from the model's SQL
// (bq_create_table_as): the model's table, on a first run or a full
// refresh, and the temporary table of an incremental run, which it makes
// for insert_overwrite and for merge with on_schema_change other than
// ignore. Merge with ignore puts the SQL in its MERGE statement, where no
// such variable is declared.
const maxPartitionVar = "_dbt_max_partition"

// withMaxPartition writes the value of _dbt_max_partition where a BigQuery
// incremental model's rendered SQL names it, as a scalar subquery of the
// model's table cast to the partition's data type; it fails where BigQuery
// fails: no partition_by, no table yet, or a merge that declares nothing.
func (r *runner) withMaxPartition(m *project.Model, cfg project.Config, sql string) (string, error) {
	if r.plan.dialect != dialect.BigQuery || cfg.Materialized != "incremental" || !strings.Contains(strings.ToLower(sql), maxPartitionVar) {
		return sql, nil
	}
	line := configLine(m.SQL, maxPartitionVar)
	raw := cfg.Extra["partition_by"]
	rel := r.plan.relation(m.Name)
	fail := func(msg, hint string, args ...any) (string, error) {
		if _, found, err := dialect.ReplaceVariable(dialect.BigQuery, sql, maxPartitionVar, "NULL"); err != nil || !found {
			return sql, nil // only in a string, a comment or a dotted name
		}
		return "", diag.Errorf(m.Path, line, "%s", msg).WithHint(hint, args...)
	}
	if raw == nil {
		return fail(maxPartitionVar+" is declared by dbt-bigquery only for a model with partition_by; without one BigQuery fails with Unrecognized name: "+maxPartitionVar,
			"set partition_by={'field': 'event_date', 'data_type': 'date'}, or read max(event_date) from {{ this }}")
	}
	p, err := parsePartitionBy(m, raw)
	if err != nil {
		return "", err
	}
	if !r.tableExists(rel) {
		return fail(fmt.Sprintf("%s reads the model's table %s, which does not exist yet: dbt-bigquery declares it from that table, and BigQuery fails with Not found: Table", maxPartitionVar, m.Name),
			"name %s only inside {%% if is_incremental() %%}, which is false until the table is built", maxPartitionVar)
	}
	if r.isIncremental(cfg, rel) {
		lower := func(key, def string) string {
			if s, ok := cfg.Extra[key].(string); ok && strings.TrimSpace(s) != "" && !strings.EqualFold(strings.TrimSpace(s), "default") {
				return strings.ToLower(strings.TrimSpace(s))
			}
			return def
		}
		if lower("incremental_strategy", "merge") == "merge" && lower("on_schema_change", "ignore") == "ignore" {
			return fail(fmt.Sprintf("%s is not declared for the merge strategy with on_schema_change 'ignore': dbt-bigquery puts the model's SQL in its MERGE statement, and BigQuery fails with Unrecognized name: %s", maxPartitionVar, maxPartitionVar),
				"use incremental_strategy='insert_overwrite', or set on_schema_change (append_new_columns, sync_all_columns or fail), for which dbt-bigquery declares it; or read max(%s) from {{ this }}", p.field)
		}
	}
	field := bigQueryIdent(p.field)
	value := fmt.Sprintf("CAST((SELECT MAX(%s) FROM %s.%s WHERE %s IS NOT NULL) AS %s)", field, bigQueryIdent(rel.Schema), bigQueryIdent(rel.Name), field, strings.ToUpper(p.dataType))
	out, _, err := dialect.ReplaceVariable(dialect.BigQuery, sql, maxPartitionVar, value)
	return out, err
}

// bigQueryIdent is name as BigQuery quotes an identifier.
func bigQueryIdent(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "\\`") + "`"
}
