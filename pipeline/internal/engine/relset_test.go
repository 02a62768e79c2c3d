package engine

import (
	"context"
	"maps"
	"testing"
	"testing/fstest"
)

// The relations a build keeps for the next one are those a listing of the
// database gives, edit after edit: models added, failing, mended, moved
// and deleted, ephemeral views, identity resolution's temp tables, and a
// view a query made behind the engine.
func TestKeptRelationsAreTheListedOnes(t *testing.T) {
	ctx := context.Background()
	e, db, files := quickstartEngine(t)
	set := func(path, text string) func() {
		return func() { files[path] = &fstest.MapFile{Data: []byte(text)} }
	}
	events := string(files["models/sources/your_source_events.sql"].Data)
	steps := []struct {
		name  string
		edit  func()
		query string
		kept  bool // the build keeps its relations
	}{
		{"first build", nil, "", true},
		{"a source model edited", set("models/sources/your_source_events.sql", events+"\n-- edited\n"), "", true},
		{"an ephemeral model and its reader", func() {
			set("models/eph.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as x\n")()
			set("models/reader.sql", "select * from {{ ref('eph') }}\n")()
		}, "", true},
		{"a model fails", set("models/reader.sql", "select * from no_such_table\n"), "", false},
		{"mended", set("models/reader.sql", "select * from {{ ref('eph') }}\n"), "", true},
		{"moved by an alias", set("models/reader.sql", "{{ config(alias='reader2') }}\nselect * from {{ ref('eph') }}\n"), "", true},
		{"deleted", func() { delete(files, "models/reader.sql"); delete(files, "models/eph.sql") }, "", true},
		{"a query makes a view", nil, "create view main.by_hand as select 1 as y", true},
		{"the query's view dropped", nil, "drop view main.by_hand", true},
	}
	for _, st := range steps {
		if st.edit != nil {
			st.edit()
		}
		if st.query != "" {
			if _, err := db.Query(ctx, st.query, 0); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.Build(ctx, files, Options{}); err != nil {
			t.Fatal(err)
		}
		k := e.hist.rels
		if (k != nil) != st.kept {
			t.Fatalf("%s: relations kept %v, want %v", st.name, k != nil, st.kept)
		}
		if k == nil {
			continue
		}
		tables, err := db.TablesAndTemp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		exists, views := map[string]bool{}, map[string]bool{}
		for _, tb := range tables {
			exists[relKey(tb.Schema, tb.Name)] = true
			if tb.Kind == "view" && tb.Schema != "temp" {
				views[relKey(tb.Schema, tb.Name)] = true
			}
		}
		if !maps.Equal(k.exists, exists) || !maps.Equal(k.views, views) {
			t.Errorf("%s: kept relations %v views %v, listed %v views %v", st.name, k.exists, k.views, exists, views)
		}
	}
}
