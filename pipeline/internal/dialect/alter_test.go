package dialect

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

func TestAlterConstraints(t *testing.T) {
	cases := []struct {
		d       Dialect
		in, out string
	}{
		{bigquery, "ALTER TABLE `p`.`ds`.`events` ADD PRIMARY KEY (event_id) NOT ENFORCED", `SELECT event_id FROM ds.events LIMIT 0`},
		{bigquery, "ALTER TABLE `p.ds.events` DROP PRIMARY KEY IF EXISTS", `SELECT * FROM ds.events LIMIT 0`},
		{bigquery, "alter table ds.p add constraint if not exists fk_event_id foreign key (event_id) references `p.ds.events` (event_id) not enforced", `SELECT event_id FROM ds.p LIMIT 0; SELECT event_id FROM ds.events LIMIT 0`},
		{bigquery, "alter table ds.p add primary key (a, b) not enforced, add foreign key (c) references ds.q(d) not enforced", `SELECT a, b, c FROM ds.p LIMIT 0; SELECT d FROM ds.q LIMIT 0`},
		{bigquery, "alter table ds.p drop constraint if exists fk_x", `SELECT * FROM ds.p LIMIT 0`},
		{bigquery, "alter table ds.p set options (description = 'x',\n labels = [('a', 'b')])", "SELECT * FROM ds.p LIMIT 0\n"},
		{bigquery, "alter table ds.p alter column if exists `a` set options (description = 'why')", `SELECT a FROM ds.p LIMIT 0`},
		{bigquery, "alter table ds.p alter column a drop not null", `SELECT a FROM ds.p LIMIT 0`},
		{bigquery, "alter table if exists ds.p add primary key (a) not enforced", `SELECT NULL LIMIT 0`},
		{snowflake, "alter table s.p add constraint pk primary key (id)", `SELECT id FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p add unique (email) rely", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p add foreign key (org_id) references s.orgs (id)", `SELECT org_id FROM s.p LIMIT 0; SELECT id FROM s.orgs LIMIT 0`},
		{snowflake, "alter table s.p cluster by (to_date(ts), source)", `SELECT * FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p set comment = 'persons' data_retention_time_in_days = 1", `SELECT * FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p set tag gov.pii = 'email', gov.owner = 'data'", `SELECT * FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p alter column email comment 'the address'", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p modify email unset comment", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p drop primary key", `SELECT * FROM s.p LIMIT 0`},
		// a column's masking policy and tags: who may read what, labels
		{snowflake, "alter table s.p modify column email set masking policy gov.mp_email", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter view s.p modify column email set masking policy gov.mp_email using (email, last_name) force", `SELECT email, last_name FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p modify column email unset masking policy", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter table s.p alter email set tag gov.pii = 'email', gov.owner = 'data'", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter view if exists s.p modify column email unset tag gov.pii, gov.owner", `SELECT NULL LIMIT 0`},
		{snowflake, `alter table s.p add primary key ("Id")`, `SELECT Id FROM s.p LIMIT 0`},
		// Snowflake's COMMENT ON checks the table, view or column it names
		{snowflake, "comment on table s.p is 'persons'", `SELECT * FROM s.p LIMIT 0`},
		{snowflake, "comment on dynamic table s.p is $$it's$$", `SELECT * FROM s.p LIMIT 0`},
		{snowflake, "comment if exists on view s.p is 'x'", `SELECT NULL LIMIT 0`},
		{snowflake, "comment on column s.p.email is 'the address'", `SELECT email FROM s.p LIMIT 0`},
		{snowflake, "alter table db.s.p add primary key (a)", `SELECT a FROM db.s.p LIMIT 0`},
		{snowflake, "comment on column db.s.p.email is 'x'", `SELECT email FROM db.s.p LIMIT 0`},
		{snowflake, "comment on schema s is 'x'", `SELECT NULL LIMIT 0`},
		// what changes rows or columns runs as SQLite reads it
		{bigquery, "alter table ds.p rename to q", "alter table ds.p rename to q"},
		{snowflake, "alter table s.p drop column x", "alter table s.p drop column x"},
	}
	for _, c := range cases {
		expectTranslated(t, c.d, c.in, c.out)
	}
}

// TestAlterChecks runs the checks: a key on a column the table lacks fails,
// as the warehouse refuses it.
func TestAlterChecks(t *testing.T) {
	cases := []struct {
		d    Dialect
		sql  string
		fail bool
	}{
		{bigquery, "alter table main.p add primary key (id) not enforced", false},
		{bigquery, "alter table main.p add primary key (nope) not enforced", true},
		{bigquery, "alter table main.p add foreign key (org) references main.o (id) not enforced", false},
		{bigquery, "alter table main.p add foreign key (org) references main.o (nope) not enforced", true},
		{bigquery, "alter table main.missing drop primary key if exists", true},
		{bigquery, "alter table if exists main.missing drop primary key if exists", false},
		{snowflake, "alter table p add constraint pk primary key (ID)", false},
		{snowflake, "alter view p modify column org set masking policy mp_org", false},
		{snowflake, "alter table p modify column nope set masking policy mp_org", true},
		{snowflake, "alter table p modify column org set masking policy mp_org using (org, nope)", true},
	}
	for _, c := range cases {
		sql, err := TranslateWith(c.sql, testOptions(c.d))
		if err != nil {
			t.Errorf("%s: %q: %v", c.d, c.sql, err)
			continue
		}
		conn, err := sqlite3.Open(":memory:")
		if err != nil {
			t.Fatal(err)
		}
		if err := sqlfunc.Register(conn); err != nil {
			t.Fatal(err)
		}
		if err := conn.Exec("create table p (id, org); create table o (id)"); err != nil {
			t.Fatal(err)
		}
		err = conn.Exec(sql)
		conn.Close()
		if (err != nil) != c.fail {
			t.Errorf("%s: %q ran as %q: error %v, want failure %v", c.d, c.sql, sql, err, c.fail)
		}
	}
}
