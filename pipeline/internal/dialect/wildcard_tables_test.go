package dialect

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// wildcardSchema is a database of GA4-like daily tables: the statements
// that make it, and the relations and columns Options reports.
const wildcardSchema = `attach ':memory:' as ga4;
	create table ga4.events_20240101(event_name text, n integer);
	create table ga4.events_20240102(n integer, event_name text);
	create table ga4.events_intraday_20240103(event_name text, n integer);
	create table ga4.users(id integer);
	insert into ga4.events_20240101 values ('page_view', 1), ('click', 2);
	insert into ga4.events_20240102 values (3, 'page_view');
	insert into ga4.events_intraday_20240103 values ('scroll', 4);
	attach ':memory:' as shop;
	create table shop.events_1(event_name text, items text);
	create table shop.events_2(event_name text, items text);
	insert into shop.events_1 values ('a', '[{"id": 1}]');
	insert into shop.events_2 values ('b', '[{"id": 5}, {"id": 6}]');`

var wildcardRelations = map[string][]Relation{
	"ga4":  {{Name: "events_20240101"}, {Name: "events_20240102"}, {Name: "events_intraday_20240103"}, {Name: "users"}},
	"odd":  {{Name: "events_1"}, {Name: "events_2"}},
	"seen": {{Name: "events_1"}, {Name: "events_v", View: true}},
	"shop": {{Name: "events_1"}, {Name: "events_2"}},
}

var wildcardColumns = map[string][]string{
	"ga4.events_20240101": {"event_name", "n"}, "ga4.events_20240102": {"n", "event_name"},
	"ga4.events_intraday_20240103": {"event_name", "n"}, "ga4.users": {"id"},
	"odd.events_1": {"a", "b"}, "odd.events_2": {"a", "c"}, "seen.events_1": {"a"},
	"shop.events_1": {"event_name", "items"}, "shop.events_2": {"event_name", "items"},
}

func wildcardOptions() Options {
	return Options{Dialect: BigQuery,
		Columns: func(schema, table string) ([]string, error) { return wildcardColumns[schema+"."+table], nil },
		Relations: func(schema, prefix string) ([]Relation, error) {
			var out []Relation
			for _, r := range wildcardRelations[schema] {
				if strings.HasPrefix(strings.ToLower(r.Name), strings.ToLower(prefix)) {
					out = append(out, r)
				}
			}
			return out, nil
		}}
}

func TestWildcardTables(t *testing.T) {
	for _, c := range []struct{ name, in, want, rows, err string }{
		{name: "backticks with project",
			in:   "select event_name, n from `proj.ga4.events_*` where _TABLE_SUFFIX between '20240101' and '20240102' order by n",
			want: "select event_name, n from (SELECT event_name, n, '20240101' AS _TABLE_SUFFIX FROM ga4.events_20240101 UNION ALL SELECT event_name, n, '20240102' AS _TABLE_SUFFIX FROM ga4.events_20240102 UNION ALL SELECT event_name, n, 'intraday_20240103' AS _TABLE_SUFFIX FROM ga4.events_intraday_20240103) AS \"events_*\" where _TABLE_SUFFIX between '20240101' and '20240102' order by n",
			rows: "page_view|1\nclick|2\npage_view|3"},
		{name: "unquoted with an alias", in: "select e._table_suffix, count(*) from ga4.events_* as e group by 1 order by 1",
			rows: "20240101|2\n20240102|1\nintraday_20240103|1"},
		{name: "star leaves the suffix out", in: "select * from `ga4.events_2024*` where _table_suffix = '0102'",
			rows: "page_view|3"},
		{name: "star except", in: "select * except (n) from `ga4.events_*` where starts_with(_table_suffix, 'intraday')",
			rows: "scroll"},
		{name: "a source() relation", in: "select count(*) from ga4.events_*", rows: "4"},
		// an UNNEST's struct fields beside it do not hide the pseudo-column (GA4's LEFT JOIN UNNEST(items) AS item)
		{name: "beside an unnest", in: "select event_name, item.id from `shop.events_*` left join unnest(items) as item where _table_suffix = '2' order by 2",
			rows: "b|5\nb|6"},
		{name: "no table", in: "select 1 from `ga4.sessions_*`",
			err: "1:15: the wildcard table ga4.sessions_* cannot be read: no table of schema ga4 starts with sessions_"},
		{name: "columns differ", in: "select 1 from `odd.events_*`",
			err: "1:15: the wildcard table odd.events_* cannot be read: tables events_1 and events_2 have different columns (a, b and a, c); BigQuery would give the union the columns of the most recently created one, which is not known here"},
		{name: "a view", in: "select 1 from `seen.events_*`",
			err: "1:15: the wildcard table seen.events_* cannot be read: it matches the view events_v, and BigQuery reads only tables through a wildcard"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := TranslateWith(c.in, wildcardOptions())
			if c.err != "" {
				var d *diag.Diagnostic
				if !errors.As(err, &d) || fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Message) != c.err {
					t.Fatalf("got %q, %v; want the error %q", got, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.want != "" && got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			rows, err := runWith(wildcardSchema, got)
			if err != nil {
				t.Fatalf("%s: %v", got, err)
			}
			if rows != c.rows {
				t.Errorf("%s\ngot  %q\nwant %q", got, rows, c.rows)
			}
		})
	}
}
