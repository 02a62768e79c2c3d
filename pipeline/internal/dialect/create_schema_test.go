package dialect

import (
	"fmt"
	"strings"
	"testing"
)

// CREATE SCHEMA statements leave a hook's SQL as schemas to create, with
// the line breaks of the rest kept; OR REPLACE and CLONE are refused
// outside Snowflake.
func TestTakeSchemaCreates(t *testing.T) {
	cases := []struct {
		d          Dialect
		in         string
		rest, want string // want: each create as database.schema/if-not-exists@line
		refused    string
	}{
		{d: Snowflake, in: "create schema if not exists analytics_extra", rest: "", want: ".analytics_extra/true@1"},
		{d: Snowflake, in: "create transient schema if not exists DB.\"Raw\" comment = 'x' data_retention_time_in_days = 0;\nselect 1", rest: "\nselect 1", want: "DB.Raw/true@1"},
		{d: BigQuery, in: "select 1;\nCREATE SCHEMA `proj`.ds OPTIONS(location = 'EU');", rest: "select 1;\n", want: "proj.ds/false@2"},
		{d: DuckDB, in: "create schema s1; create schema if not exists s2", rest: "", want: ".s1/false@1 .s2/true@1"},
		// BigQuery reads one pair of backticks around the path as the path
		{d: BigQuery, in: "create schema if not exists `proj.combined`;\ncreate table t (a int64)", rest: "\ncreate table t (a int64)", want: "proj.combined/true@1"},
		{d: BigQuery, in: "create schema `combined`", rest: "", want: ".combined/false@1"},
		// elsewhere a quoted name holding a dot is one name
		{d: Snowflake, in: "create schema \"a.b\"", rest: "", want: ".a.b/false@1"},
		{d: BigQuery, in: "create schema `p.d.x`", refused: "needs a schema name"},
		{d: Snowflake, in: "create table schema_x (a int)", rest: "create table schema_x (a int)", want: ""},
		{d: Snowflake, in: "-- no schema here\nselect 'create schema x' as s", rest: "-- no schema here\nselect 'create schema x' as s", want: ""},
		{d: DuckDB, in: "create or replace schema s", refused: "CREATE OR REPLACE SCHEMA"},
		{d: BigQuery, in: "create schema s clone prod.s", refused: "CLONE"},
		{d: Snowflake, in: "create schema s clone prod.s at (offset => -60)", refused: "time travel"},
		{d: BigQuery, in: "create schema if not exists", refused: "needs a schema name"},
	}
	// Snowflake's OR REPLACE and CLONE are carried out by the engine
	_, creates, err := TakeSchemaCreates(Snowflake, "create or replace schema analytics.dev_clone clone analytics.dev")
	if err != nil || len(creates) != 1 || !creates[0].OrReplace || creates[0].Schema != "dev_clone" || creates[0].CloneDatabase != "analytics" || creates[0].CloneSchema != "dev" {
		t.Errorf("CREATE OR REPLACE SCHEMA ... CLONE: %+v, %v", creates, err)
	}
	for _, c := range cases {
		rest, creates, err := TakeSchemaCreates(c.d, c.in)
		if c.refused != "" {
			if err == nil || !strings.Contains(err.Error(), c.refused) {
				t.Errorf("%s %q: error %v, want one naming %q", c.d, c.in, err, c.refused)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %q: %v", c.d, c.in, err)
			continue
		}
		var got []string
		for _, s := range creates {
			got = append(got, fmt.Sprintf("%s.%s/%v@%d", s.Database, s.Schema, s.IfNotExists, s.Line))
		}
		if rest != c.rest || strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\nrest %q, creates %q\nwant %q, %q", c.d, c.in, rest, strings.Join(got, " "), c.rest, c.want)
		}
	}
}

func TestTakeSchemaDrops(t *testing.T) {
	rest, drops, err := TakeSchemaDrops(DuckDB, "drop schema if exists s1 cascade;\ndrop schema db.s2;\nselect 1")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(rest) != "select 1" || len(drops) != 2 {
		t.Fatalf("rest %q, drops %+v", rest, drops)
	}
	if d := drops[0]; d.Schema != "s1" || !d.IfExists || d.Restrict {
		t.Errorf("first: %+v", d)
	}
	if d := drops[1]; d.Database != "db" || d.Schema != "s2" || d.IfExists || !d.Restrict || d.Line != 2 {
		t.Errorf("second (DuckDB's default RESTRICT): %+v", d)
	}
	_, drops, _ = TakeSchemaDrops(Snowflake, `drop schema "S" restrict`)
	if len(drops) != 1 || drops[0].Schema != "S" || drops[0].Restrict {
		t.Errorf("Snowflake drops a schema holding tables even with RESTRICT: %+v", drops)
	}
	if _, _, err := TakeSchemaDrops(BigQuery, "drop schema s purge"); err == nil {
		t.Error("want an error for an unknown word after the name")
	}
	_, drops, _ = TakeSchemaDrops(BigQuery, "drop schema if exists `proj.combined` cascade")
	if len(drops) != 1 || drops[0].Database != "proj" || drops[0].Schema != "combined" || drops[0].Restrict {
		t.Errorf("BigQuery's backticked path: %+v", drops)
	}
	if rest, drops, _ := TakeSchemaDrops(SQLite, "drop schema s"); len(drops) != 0 || rest != "drop schema s" {
		t.Errorf("SQLite: %q %v", rest, drops)
	}
}
