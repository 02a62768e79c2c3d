package dialect

import (
	"strings"
	"testing"
)

func TestDbtSchemaNames(t *testing.T) {
	// target database wh, schema analytics; staging and analytics_raw attached
	schemas := NewSchemas("wh", "analytics", []string{"main", "staging", "analytics_raw"})
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{DuckDB, "select * from analytics.a", `select * from main.a`},
		{DuckDB, "select * from Analytics.a join analytics_staging.d using (x)", `select * from main.a join staging.d using (x)`},
		{DuckDB, "select * from wh.analytics.a", `select * from main.a`},
		{DuckDB, `select * from "wh"."analytics_staging"."D"`, `select * from staging.d`},
		{DuckDB, "select analytics.a.x from analytics.a", `select main.a.x from main.a`},
		{DuckDB, "select analytics.a.s.f from analytics.a", `select json_extract(main.a.s, '$.f') AS f from main.a`},
		// SQLite has no schema.table.*: table.* when the FROM list names the table once
		{DuckDB, "select analytics.a.*, 1 as n from analytics.a", `select a.*, 1 as n from main.a`},
		{DuckDB, "select staging.d.* from staging.d", `select d.* from staging.d`},
		{Snowflake, "select ANALYTICS_STAGING.D.* from ANALYTICS_STAGING.D", `select D.* from staging.d`},
		// dbt prints a relation with its database: "wh"."analytics"."a"."x" is the column x of main.a
		{DuckDB, `select "wh"."analytics"."a"."x", "wh"."analytics"."a".* from "wh"."analytics"."a" where "wh"."analytics"."a".x > 0`, `select main."a"."x", "a".* from main.a where main."a".x > 0`},
		{Snowflake, "select WH.ANALYTICS_STAGING.D.Y from WH.ANALYTICS_STAGING.D", `select staging.D.Y from staging.d`},
		{BigQuery, "select `wh`.`analytics`.`a`.x from `wh`.`analytics`.`a`", "select main.`a`.x from main.a"},
		{DuckDB, "select * from analytics_raw.orders", `select * from analytics_raw.orders`},
		{DuckDB, "select * from wh.analytics_raw.orders", `select * from analytics_raw.orders`},
		{DuckDB, "select * from analytics_other.t", `select * from analytics_other.t`},
		{DuckDB, "select * from staging.d, main.a", `select * from staging.d, main.a`},
		{DuckDB, "select * from analytics_main.a, analytics_temp.b", `select * from analytics_main.a, analytics_temp.b`},
		{DuckDB, "select * from wh.Analytics_Raw.orders", `select * from analytics_raw.orders`},
		{BigQuery, "select * from `wh.analytics.a`", `select * from main.a`},
		{BigQuery, "select * from `wh.analytics_staging.d`", `select * from staging.d`},
		{BigQuery, "select * from `wh`.analytics.a", `select * from main.a`},
		{BigQuery, "select * from `other.analytics.a`", `select * from analytics.a`},
		{Snowflake, "select * from WH.ANALYTICS.A", `select * from main.a`},
		{Snowflake, "select * from ANALYTICS_STAGING.D", `select * from staging.d`},
		{Snowflake, "insert into WH.ANALYTICS.A select * from ANALYTICS_STAGING.D", `insert into main.A select * from staging.d`},
		{DuckDB, "delete from analytics.a where x = 1", `delete from main.a where x = 1`},
		{DuckDB, `update "wh"."analytics"."a" set x = 1 where "wh"."analytics"."a".x > 0`, `update main.a set x = 1 where main."a".x > 0`},
		{Snowflake, "delete from WH.ANALYTICS_STAGING.D where WH.ANALYTICS_STAGING.D.Y = 1", `delete from staging.D where staging.D.Y = 1`},
		{DuckDB, "update analytics_staging.d set y = 3", `update staging.d set y = 3`},
		{DuckDB, "create table analytics.t as select 1 as x", `create table main.t as select 1 as x`},
		{DuckDB, "create or replace view wh.analytics_staging.v as select 1 as x", `DROP VIEW IF EXISTS staging.v; create   view staging.v as select 1 as x`},
		{BigQuery, "alter table wh.analytics.a add primary key (x) not enforced, add foreign key (y) references `wh.analytics_staging.d` (y) not enforced", `SELECT x, y FROM main.a LIMIT 0; SELECT y FROM staging.d LIMIT 0`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: c.d, Schemas: schemas})
		if err != nil || got != c.want {
			t.Errorf("%s: %q:\n got  %q, %v\n want %q", c.d, c.in, got, err, c.want)
		}
	}
	// custom schemas raw and analytics_raw: dbt builds them in analytics_raw
	// and analytics_analytics_raw, which name them before the literal one
	colliding := NewSchemas("wh", "analytics", []string{"raw", "analytics_raw"})
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{DuckDB, "select * from analytics_raw.x", `select * from raw.x`},
		{DuckDB, "select * from wh.analytics_raw.x", `select * from raw.x`},
		{DuckDB, "select * from analytics_analytics_raw.y", `select * from analytics_raw.y`},
		{BigQuery, "select * from `wh.analytics_raw.x` join `wh.analytics_analytics_raw.y` using (id)", `select * from raw.x join analytics_raw.y using (id)`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: c.d, Schemas: colliding})
		if err != nil || got != c.want {
			t.Errorf("%s: %q:\n got  %q, %v\n want %q", c.d, c.in, got, err, c.want)
		}
	}
	// a BigQuery wildcard table by dbt's name lists the tables of the SQLite schema
	o := wildcardOptions()
	o.Schemas = NewSchemas("proj", "analytics", []string{"ga4"})
	got, err := TranslateWith("select count(*) from `proj.analytics_ga4.events_2024*`", o)
	if err != nil || !strings.Contains(got, "FROM ga4.events_20240101 UNION ALL SELECT event_name, n, '0102' AS _TABLE_SUFFIX FROM ga4.events_20240102)") {
		t.Errorf("wildcard table by dbt's schema name: %q, %v", got, err)
	}
	// a database other than the target's, which no source declares, is
	// refused by name (BigQuery's project is dropped, the dataset kept)
	for _, c := range []struct {
		d   Dialect
		sch Schemas
		in  string
	}{
		{DuckDB, schemas, "select * from other.analytics.a"},
		{Snowflake, schemas, "select * from SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY"},
		{DuckDB, OwnSchemas("wh"), "select * from other.reporting.t"},
	} {
		_, err := TranslateWith(c.in, Options{Dialect: c.d, Schemas: c.sch})
		if err == nil || !strings.Contains(err.Error(), "a table in database") || !strings.Contains(err.Error(), "the playground builds the target's database, wh, alone") {
			t.Errorf("%s: %q: %v, want the other database refused", c.d, c.in, err)
		}
	}
	if got, err := TranslateWith("select * from other-proj.analytics.a", Options{Dialect: BigQuery, Schemas: schemas}); err != nil || got != "select * from analytics.a" {
		t.Errorf("BigQuery's other project: %q, %v", got, err)
	}
	// without the mapping (no profile) names stay
	expectTranslated(t, DuckDB, "select * from analytics.a", "select * from analytics.a")
	// a project naming its schemas itself builds them as named: the
	// target's database alone is dropped
	own := Options{Dialect: DuckDB, Schemas: OwnSchemas("wh")}
	for in, want := range map[string]string{
		`select "wh"."reporting"."t"."x" from "wh"."reporting"."t"`: `select "reporting"."t"."x" from reporting.t`,
		"select * from reporting.t":                                 "select * from reporting.t",
	} {
		if got, err := TranslateWith(in, own); err != nil || got != want {
			t.Errorf("own schemas: %q:\n got  %q, %v\n want %q", in, got, err, want)
		}
	}
}

func TestDbtSourceNames(t *testing.T) {
	// sources: shop.orders (the target's database) read from main, wh2.pay.payments from stripe;
	// models: the target's schemas, with or without the mapping of dbt's model schemas
	sources := []SourceTable{
		{Database: "wh", Schema: "shop", Identifier: "orders", SQLite: "main", TargetDatabase: true},
		{Database: "wh2", Schema: "pay", Identifier: "Payments", SQLite: "stripe"},
	}
	for _, c := range []struct {
		d        Dialect
		schemas  Schemas
		in, want string
	}{
		{DuckDB, Schemas{}, "select * from shop.orders", `select * from main.orders`},
		{DuckDB, Schemas{}, `select * from "wh"."shop"."orders"`, `select * from main.orders`},
		{Snowflake, Schemas{}, "select * from WH.SHOP.ORDERS o", `select * from main.orders o`},
		{BigQuery, Schemas{}, "select * from `wh`.`shop`.`orders`", `select * from main.orders`},
		{BigQuery, Schemas{}, "select * from `wh.shop.orders`", `select * from main.orders`},
		{DuckDB, Schemas{}, "select * from wh2.pay.payments", `select * from stripe.payments`},
		// another database's source is named with its database
		{DuckDB, Schemas{}, "select * from pay.payments", `select * from pay.payments`},
		{DuckDB, Schemas{}, "select * from other.shop.orders", `select * from other.shop.orders`},
		{DuckDB, Schemas{}, "select * from shop.customers", `select * from shop.customers`},
		{DuckDB, Schemas{}, "select shop.orders.id from shop.orders", `select main.orders.id from main.orders`},
		// a name written against the keyword before it, as {{ ref() }} after from prints
		{DuckDB, Schemas{}, `select * from"wh"."shop"."orders"`, `select * from main.orders`},
		{DuckDB, NewSchemas("wh", "analytics", nil), `select * from"wh"."analytics"."d" join"wh"."analytics"."e" using (id)`, `select * from main.d join main.e using (id)`},
		{DuckDB, Schemas{}, "insert into shop.orders values (1)", `insert into main.orders values (1)`},
		// beside the models' schemas by dbt's names
		{DuckDB, NewSchemas("wh", "analytics", []string{"staging"}), "select * from shop.orders join analytics_staging.d using (id)", `select * from main.orders join staging.d using (id)`},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: c.d, Schemas: c.schemas.WithSources(sources)})
		if err != nil || got != c.want {
			t.Errorf("%s: %q:\n got  %q, %v\n want %q", c.d, c.in, got, err, c.want)
		}
	}
}

// A BigQuery project named with dashes may be written unquoted at the
// start of a table path (my-project.dataset.table), as BigQuery reads it;
// elsewhere a dash is a minus.
func TestBigQueryDashedProject(t *testing.T) {
	schemas := NewSchemas("my-proj-1", "analytics", []string{"main"})
	for in, want := range map[string]string{
		"select x-1 from my-proj-1.analytics.a as b where b.x-1 > 0": "select x-1 from main.a as b where b.x-1 > 0",
		"insert into my-proj-1.analytics.a select 1":                 "insert into main.a select 1",
		"select * from my-proj-1.analytics_staging.d":                "select * from analytics_staging.d",
		"select 5 - 2 from my - proj":                                "select 5 - 2 from my - proj",
	} {
		got, err := TranslateWith(in, Options{Dialect: BigQuery, Schemas: schemas})
		if err != nil || got != want {
			t.Errorf("%q:\n got  %q, %v\n want %q", in, got, err, want)
		}
	}
}
