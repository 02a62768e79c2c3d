package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// A model reads dbt's graph variable (graph.nodes, graph.sources with the
// manifest's fields) and asks adapter.get_relation whether a node's table
// is built, as dbt packages that scan the graph do.
func TestGraphVariable(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"graph.nodes['model.p.orders'].resource_type", "model"},
		{"graph.nodes['model.p.orders'].name", "orders"},
		{"graph.nodes['model.p.orders'].package_name", "p"},
		{"graph.nodes['model.p.orders'].path", "marts/orders.sql"},
		{"graph.nodes['model.p.orders'].original_file_path", "models/marts/orders.sql"},
		{"graph.nodes['model.p.orders'].fqn | join('.')", "p.marts.orders"},
		{"graph.nodes['model.p.orders'].schema", "main_marts"}, // dbt's name: <target schema>_<custom>
		{"graph.nodes['model.p.orders'].database", "main"},
		{"graph.nodes['model.p.probe'].schema", "main"},
		{"graph.nodes.values() | selectattr('resource_type', 'equalto', 'test') | map(attribute='schema') | join(',')", "main_dbt_test__audit"},
		{"graph.nodes['model.p.orders'].alias", "orders"},
		{"graph.nodes['model.p.orders'].config.materialized", "table"},
		{"graph.nodes['model.p.orders'].config.get('enabled', false)", "True"},
		{"graph.nodes['model.p.orders'].tags | join(',')", "daily,finance"},
		{"graph.nodes['model.p.orders'].depends_on.nodes | join(',')", "source.p.raw.orders"},
		{"graph.nodes['seed.p.raw_orders'].resource_type", "seed"},
		{"graph.nodes.values() | selectattr('resource_type', 'equalto', 'test') | map(attribute='test_metadata.name') | join(',')", "not_null"},
		{"'source(' in graph.nodes['model.p.orders'].raw_code", "True"},
		{"graph.nodes | length", "4"},
		{"graph.nodes['model.p.orders'].description", "One row per order"},
		{"graph.nodes['model.p.orders'].columns.keys() | list | join(',')", "id,Amount"},
		{"graph.nodes['model.p.orders'].columns['id'].description", `the "id"`},
		{"graph.nodes['model.p.orders'].columns['Amount'].data_type", "numeric"},
		{"graph.nodes['model.p.orders'].columns['id'].data_type is none", "True"},
		{"graph.nodes['model.p.probe'].columns | length", "0"},
		{"graph.sources['source.p.raw.orders'].description", "raw orders"},
		{"graph.sources['source.p.raw.orders'].columns['amount'].description", "in cents"},
		{"graph.sources['source.p.raw.orders'].source_name", "raw"},
		{"graph.sources['source.p.raw.orders'].identifier", "raw_orders"},
		{"graph.sources['source.p.raw.orders'].schema", "raw"},
		{"graph.sources['source.p.raw.orders'].resource_type", "source"},
		{"graph.sources['source.p.raw.orders'].unique_id", "source.p.raw.orders"},  // dbt's: source.<package>.<source>.<table>
		{"graph.sources['source.p.raw.orders'].relation_name", `raw."raw_orders"`}, // dbt-sqlite's: no database, the identifier quoted
		{"graph.exposures | length", "0"},
		{"adapter.get_relation(database=target.database, schema='marts', identifier='orders') is not none", "True"},
		{"adapter.get_relation(database=target.database, schema='marts', identifier='orders').identifier", "orders"},
		{"adapter.get_relation(database=target.database, schema='marts', identifier='missing') is none", "True"},
		{"api.Relation.create(database=target.database, schema='marts', identifier='orders')", "marts.orders"},
	}
	var cols []string
	for i, c := range cases {
		cols = append(cols, fmt.Sprintf("'{{ %s }}' as c%d", c.expr, i))
	}
	// The probe renders its expressions with execute true only, where the
	// graph is complete; while parsing it is empty.
	probe := "{{ config(materialized='table') }}\n{% if execute %}\nselect " + strings.Join(cols, ",\n  ") + "\n{% else %}select {{ graph.nodes | length }} as parse_nodes\n{% endif %}\n-- depends_on: {{ ref('orders') }}\n"
	fsys := fstest.MapFS{
		"dbt_project.yml":         {Data: []byte("name: p\nmodels:\n  p:\n    marts:\n      +schema: marts\n      +tags: [finance]\n")},
		"seeds/raw_orders.csv":    {Data: []byte("id,amount\n1,10\n2,20\n")},
		"models/sources.yml":      {Data: []byte("version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        identifier: raw_orders\n        description: raw orders\n        columns:\n          - name: amount\n            description: in cents\n")},
		"models/marts/orders.sql": {Data: []byte("{{ config(materialized='table', tags=['daily']) }}\nselect * from {{ source('raw', 'orders') }}\n")},
		"models/marts/schema.yml": {Data: []byte("version: 2\nmodels:\n  - name: orders\n    description: One row per order\n    columns:\n      - name: id\n        description: 'the \"id\"'\n        tests: [not_null]\n      - name: Amount\n        data_type: numeric\n")},
		"models/probe.sql":        {Data: []byte(probe)},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdBuild})
	if err != nil || !res.OK {
		t.Fatalf("build: %v %+v", err, res.Diagnostics)
	}
	q, err := s.Query(context.Background(), "select * from probe", 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got := fmt.Sprint(q.Rows[0][i]); got != c.want {
			t.Errorf("{{ %s }} = %q, want %q", c.expr, got, c.want)
		}
	}
}

// A model that never names the graph still sees it through a macro that
// does, and a model that names neither renders as before (the graph is
// converted for templates only when one can read it).
func TestGraphVariableThroughAMacro(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml":          {Data: []byte("name: p\n")},
		"macros/node_count.sql":    {Data: []byte("{% macro node_count() %}{{ graph.nodes | length }}{% endmacro %}\n")},
		"models/orders.sql":        {Data: []byte("select 1 as id\n")},
		"models/counted.sql":       {Data: []byte("{{ config(materialized='table') }}\nselect {% if execute %}{{ node_count() }}{% else %}-1{% endif %} as n from {{ ref('orders') }}\n")},
		"models/plain.sql":         {Data: []byte("select 2 as id\n")},
		"models/graph_in_text.sql": {Data: []byte("-- a paragraph\nselect 3 as id\n")},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdBuild})
	if err != nil || !res.OK {
		t.Fatalf("build: %v %+v", err, res.Diagnostics)
	}
	for _, c := range []struct{ sql, want string }{
		{"select n from counted", "4"},
		{"select id from plain", "2"},
		{"select id from graph_in_text", "3"},
	} {
		q, err := s.Query(context.Background(), c.sql, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(q.Rows[0][0]); got != c.want {
			t.Errorf("%s = %s, want %s", c.sql, got, c.want)
		}
	}
}
