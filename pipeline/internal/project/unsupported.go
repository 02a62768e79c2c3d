package project

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// ranConfigs are the configs the engine acts on.
var ranConfigs = keys("materialized", "schema", "alias", "tags", "enabled", "severity", "where", "indexes",
	"incremental_strategy", "unique_key", "on_schema_change", "merge_update_columns", "merge_exclude_columns", "partitions",
	"full_refresh", "pre-hook", "post-hook", "pre_hook", "post_hook", "column_types", "contract",
	"warn_if", "error_if", "fail_calc", "limit", "delimiter", "sql_header",
	// microbatch models (engine/microbatch.go) and what their batches read
	"event_time", "begin", "batch_size", "lookback",
	// tests keeping their failing rows (engine/tests.go)
	"store_failures", "store_failures_as",
	// merge and delete+insert (engine/incremental.go)
	"incremental_predicates")

// inertConfigs are dbt configs that only shape the warehouse's storage,
// permissions or docs: SQLite's answers are the same without them.
var inertConfigs = keys("database", "partition_by", "cluster_by", "labels", "dist", "sort", "sort_type",
	"transient", "copy_grants", "secure", "query_tag", "snowflake_warehouse", "file_format", "location_root",
	"kms_key_name", "hours_to_expiration", "require_partition_filter", "partition_expiration_days", "grants",
	"persist_docs", "docs", "meta", "group", "access", "quoting", "quote_columns", "bind",
	"automatic_clustering", "cluster_by_columns", "description", "omit_default_schema", "contract_enforced_docs",
	// dbt-duckdb's external: where and how the file of its rows is written
	"location", "format", "glue_register", "glue_database",
	// microbatch batches in parallel: the same rows as one after another
	"concurrent_batches",
	// the table format of dbt-athena (table_type hive or iceberg) and of
	// dbt-snowflake's Iceberg tables: where the rows are stored, not which
	"table_type", "table_format", "external_volume", "base_location_root", "base_location_subpath")

// unrunConfigs are dbt configs that change what a build does, which the
// engine does not run: a project using them is told so.
var unrunConfigs = keys("packages", "submission_method", "strategy", "updated_at", "check_cols", "target_schema",
	"target_database", "invalidate_hard_deletes", "hard_deletes", "snapshot_meta_column_names", "dbt_valid_to_current")

// snapshotConfigs are the configs a snapshot runs with (snapshot.go of the
// pipeline), beyond those of every node.
var snapshotConfigs = keys("strategy", "updated_at", "check_cols", "target_schema", "target_database",
	"invalidate_hard_deletes", "hard_deletes", "snapshot_meta_column_names", "dbt_valid_to_current")

func keys(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// configWarning says why a config key does nothing here, "" when it does
// something or changes nothing SQLite would answer.
func configWarning(key string) string {
	switch {
	case ranConfigs[key], inertConfigs[key]:
		return ""
	case unrunConfigs[key]:
		return fmt.Sprintf("config %s is not run by the playground: the build goes on as if it were not set", key)
	}
	return fmt.Sprintf("unknown config %s: dbt has no such config; the build ignores it (only config.get reads it)", key)
}

// warn adds a warning once per file, line and message.
func (p *Project) warn(file string, line int, msg, hint string) {
	for _, w := range p.Warnings {
		if w.File == file && w.Line == line && w.Message == msg {
			return
		}
	}
	p.Warnings = append(p.Warnings, diag.Diagnostic{Severity: diag.Warning, File: file, Line: line, Message: msg, Hint: hint})
}

// checkConfigMap warns about the keys of a config: mapping in a
// properties file that do nothing here.
func (p *Project) checkConfigMap(file string, n *yamlx.Node, section string) {
	if n == nil || n.Kind != yamlx.Map {
		return
	}
	for i, k := range n.Keys {
		key := strings.TrimPrefix(k, "+")
		if section == "snapshots" && snapshotConfigs[key] {
			continue
		}
		if msg := configWarning(key); msg != "" {
			p.warn(file, n.Vals[i].Line, msg, "")
		}
	}
}

// checkConfigTree warns about the +keys of a dbt_project.yml config tree
// (models:, seeds:, tests:) that do nothing here. Keys without "+" name
// folders and nodes, unless dbt knows them as configs.
func (p *Project) checkConfigTree(file string, n *yamlx.Node, section string) {
	if n == nil || n.Kind != yamlx.Map {
		return
	}
	for i, k := range n.Keys {
		v := n.Vals[i]
		key := strings.TrimPrefix(k, "+")
		snapshotKey := section == "snapshots" && snapshotConfigs[key]
		plainConfig := ranConfigs[k] || inertConfigs[k] || unrunConfigs[k] || snapshotKey
		if k == "vars" && varDefinitions(v) {
			p.warn(file, v.Line, "`vars:` inside `"+section+":` is where dbt before 0.17 (config-version 1) read vars: dbt 1.x reads vars only at the top level of dbt_project.yml, so var() does not see these",
				"move them to the top-level vars: of dbt_project.yml")
			continue
		}
		if key != k || plainConfig && v.Kind != yamlx.Map {
			testKey := (section == "tests" || section == "data_tests") && testRanConfigs[key]
			if msg := configWarning(key); msg != "" && !snapshotKey && !testKey {
				p.warn(file, v.Line, msg, "")
			}
			continue
		}
		p.checkConfigTree(file, v, section)
	}
}

// varDefinitions tells whether n, the value of a key vars: in a config
// tree, sets vars rather than configs a folder named vars gets: a mapping
// with a key that is neither a +config nor a config dbt knows, holding a
// value that is no mapping (a folder's would be its own configs).
func varDefinitions(n *yamlx.Node) bool {
	if n == nil || n.Kind != yamlx.Map {
		return false
	}
	for i, k := range n.Keys {
		if strings.HasPrefix(k, "+") || ranConfigs[k] || inertConfigs[k] || unrunConfigs[k] {
			continue
		}
		if n.Vals[i].Kind != yamlx.Map {
			return true
		}
	}
	return false
}

// projectKeys are the top-level keys of dbt_project.yml that dbt knows.
var projectKeys = keys("name", "version", "config-version", "profile", "model-paths", "seed-paths", "test-paths",
	"analysis-paths", "macro-paths", "snapshot-paths", "docs-paths", "asset-paths", "function-paths", "target-path",
	"log-path", "packages-install-path", "clean-targets", "query-comment", "require-dbt-version", "models", "seeds",
	"snapshots", "sources", "tests", "data_tests", "analyses", "exposures", "metrics", "semantic-models",
	"saved-queries", "unit_tests", "functions", "vars", "on-run-start", "on-run-end", "dispatch", "quoting", "flags",
	"restrict-access", "dbt-cloud", "anchors")

// checkProjectFile warns about what a dbt_project.yml sets that does
// nothing here: configs of its trees, and top-level keys dbt does not know
// (dbt rejects them; the playground reads on without them).
func (p *Project) checkProjectFile(file string, doc *yamlx.Node) {
	if doc == nil || doc.Kind != yamlx.Map {
		return
	}
	for i, k := range doc.Keys {
		switch {
		case k == "source-paths" || k == "data-paths":
			want := map[string]string{"source-paths": "model-paths", "data-paths": "seed-paths"}[k]
			msg := fmt.Sprintf("the `%s` config has been renamed to `%s`: it is read, as dbt reads it with a deprecation warning", k, want)
			if doc.Get(want) != nil {
				msg = fmt.Sprintf("`%s` is not read: `%s` is set, and dbt reads that instead", k, want)
			}
			p.warn(file, doc.Vals[i].Line, msg, fmt.Sprintf("rename it %s", want))
		case !projectKeys[k]:
			p.warn(file, doc.Vals[i].Line, fmt.Sprintf("unknown key `%s` in dbt_project.yml: dbt does not know it and the playground ignores it", k), "remove it, or fix its name")
		}
	}
	for _, section := range []string{"models", "seeds", "snapshots", "tests", "data_tests"} {
		p.checkConfigTree(file, doc.Get(section), section)
	}
}

// CheckFileConfig warns about the configs of a node that do nothing here
// and that its own file sets with config(key=...).
func (p *Project) CheckFileConfig(file, src string, c Config) {
	names := make([]string, 0, len(c.Extra))
	for k := range c.Extra {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		msg := configWarning(k)
		if msg == "" {
			continue
		}
		if m := regexp.MustCompile(`\b` + regexp.QuoteMeta(k) + `\s*=`).FindStringIndex(src); m != nil {
			p.warn(file, strings.Count(src[:m[0]], "\n")+1, msg, "")
		}
	}
}

// unrunSections are properties-file sections dbt acts on that the
// playground does not run.
var unrunSections = map[string]string{
	"exposures":       "exposures are only listed in dbt's graph by the playground (no exposure: selector, no docs site)",
	"metrics":         "metrics are not used by the playground (no semantic layer)",
	"semantic_models": "semantic models are not used by the playground (no semantic layer)",
	"saved_queries":   "saved queries are not used by the playground (no semantic layer)",
}
