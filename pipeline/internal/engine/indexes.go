package engine

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// indexSQL reads a table model's indexes config, dbt-postgres's
// (config(indexes=[{'columns': ['event_id'], 'unique': false}])), and
// returns the CREATE INDEX statements that follow the table's CREATE, ""
// without one. Warehouses without indexes (BigQuery, Snowflake) ignore the
// config, so a project keeps it as it is; here the indexes let later models
// and tests join on those columns without building a temporary index each
// time. An index's type (btree, hash, gist) is Postgres's: SQLite has
// btrees only.
func indexSQL(m *project.Model, cfg project.Config, rel jinja.Relation) (string, error) {
	raw, ok := cfg.Extra["indexes"]
	if !ok || raw == nil {
		return "", nil
	}
	const hint = "write indexes=[{'columns': ['event_id']}] or, in YAML, indexes: [{columns: [event_id], unique: false}]"
	list, ok := raw.([]any)
	if !ok {
		return "", diag.Errorf(m.Path, 0, "indexes of model %s must be a list of indexes, got %v", m.Name, raw).WithHint(hint)
	}
	var b strings.Builder
	for i, item := range list {
		ix, ok := item.(map[string]any)
		if !ok {
			return "", diag.Errorf(m.Path, 0, "index %d of model %s must be a mapping with columns, got %v", i+1, m.Name, item).WithHint(hint)
		}
		cols, _ := ix["columns"].([]any)
		if len(cols) == 0 {
			return "", diag.Errorf(m.Path, 0, "index %d of model %s has no columns", i+1, m.Name).WithHint(hint)
		}
		quoted := make([]string, len(cols))
		for j, c := range cols {
			s, ok := c.(string)
			if !ok || s == "" {
				return "", diag.Errorf(m.Path, 0, "index %d of model %s: column %v is not a column name", i+1, m.Name, c).WithHint(hint)
			}
			quoted[j] = store.Ident(s)
		}
		unique := ""
		switch u := ix["unique"].(type) {
		case nil:
		case bool:
			if u {
				unique = "UNIQUE "
			}
		default:
			return "", diag.Errorf(m.Path, 0, "index %d of model %s: unique must be true or false, got %v", i+1, m.Name, u).WithHint(hint)
		}
		for k := range ix {
			if k != "columns" && k != "unique" && k != "type" {
				return "", diag.Errorf(m.Path, 0, "index %d of model %s has key %s, which dbt's indexes do not have", i+1, m.Name, k).
					WithHint("an index takes columns, unique and type")
			}
		}
		// Dropping the table drops its indexes, so the names only need to
		// differ within the table.
		name := store.Ident(fmt.Sprintf("%s__index_%d", rel.Name, i+1))
		if rel.Schema != "" {
			name = store.Ident(rel.Schema) + "." + name
		}
		fmt.Fprintf(&b, "CREATE %sINDEX %s ON %s (%s);\n", unique, name, store.Ident(rel.Name), strings.Join(quoted, ", "))
	}
	return b.String(), nil
}
