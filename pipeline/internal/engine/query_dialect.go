package engine

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// TranslateQuery translates one query written for warehouse d into
// SQLite, as a model's SQL is translated: * EXCLUDE and QUALIFY read the
// columns of the relations it names, and their static types are those the
// last build knew (in a file database, those the building process kept),
// so a query of the built tables answers as the warehouse would.
func (e *Engine) TranslateQuery(ctx context.Context, d dialect.Dialect, sql string) (string, error) {
	types := e.hist.types
	if types == nil {
		types = map[string]map[string]string{}
		readKeptTypes(ctx, e.db, d, types)
	}
	lazy := queryLazyViews(ctx, e.db)
	return dialect.TranslateWith(sql, dialect.Options{
		Dialect: d, ItemNames: true,
		Temporary: func(schema, table string) bool {
			return lazy[relKey(schema, table)]
		},
		Columns: func(schema, table string) ([]string, error) {
			cols, err := e.db.Columns(ctx, schema, table)
			names := make([]string, len(cols))
			for i, c := range cols {
				names[i] = c.Name
			}
			return names, err
		},
		Relations: func(schema, prefix string) ([]dialect.Relation, error) {
			return relationsStarting(ctx, e.db, schemaOrMain(schema), prefix)
		},
		Query: func(sql string) ([][]any, error) {
			rows, err := e.db.QueryLast(ctx, sql)
			if err != nil {
				return nil, err
			}
			return rows.Rows, nil
		},
		Types: func(schema, table string) map[string]string {
			return types[relKey(schemaOrMain(schema), table)]
		},
	})
}

// relationsStarting lists the tables and views of schema whose names
// start with prefix, for BigQuery's wildcard tables.
func relationsStarting(ctx context.Context, db *store.DB, schema, prefix string) ([]dialect.Relation, error) {
	like := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(prefix) + "%"
	tables, err := db.Relations(ctx, schema, like, "")
	out := make([]dialect.Relation, len(tables))
	for i, t := range tables {
		out[i] = dialect.Relation{Name: t.Name, View: t.Kind == "view"}
	}
	return out, err
}

// readKeptTypes reads into types what a process wrote down of the
// relations of a file database it built for dialect d.
func readKeptTypes(ctx context.Context, db *store.DB, d dialect.Dialect, types map[string]map[string]string) {
	kept, _ := db.KeptTypes(ctx, string(d))
	for rel, text := range kept {
		var m map[string]string
		if json.Unmarshal([]byte(text), &m) == nil {
			types[rel] = m
		}
	}
}

func schemaOrMain(schema string) string {
	if schema == "" {
		return "main"
	}
	return schema
}
