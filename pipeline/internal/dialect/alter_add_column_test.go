package dialect

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// ALTER TABLE ... ADD COLUMN gives the columns it adds with their static
// types, marked Added, so the table's other columns keep theirs.
func TestAlterAddColumnTypes(t *testing.T) {
	cases := []struct {
		d    Dialect
		sql  string
		want string // schema.table: col=type ...; "" for none
	}{
		{Snowflake, "alter table analytics.events add column flag boolean", "analytics.events: flag=" + StaticType(Snowflake, "boolean")},
		{Snowflake, "ALTER TABLE events ADD seen_at TIMESTAMP_NTZ", ".events: seen_at=" + StaticType(Snowflake, "timestamp_ntz")},
		{BigQuery, "alter table `proj.ds.events` add column if not exists d date, add column n int64", "ds.events: d=" + StaticType(BigQuery, "date") + " n=" + StaticType(BigQuery, "int64")},
		{DuckDB, "alter table main.events add column amount decimal(10, 2)", "main.events: amount=" + StaticType(DuckDB, "decimal(10, 2)")},
		{Snowflake, "alter table events add column n number(10,2) not null default 0", ".events: n=" + StaticType(Snowflake, "number(10,2)")},
		{DuckDB, "alter table events drop column flag", ""},
		{Snowflake, "alter table events rename to events_old", ""},
	}
	for _, c := range cases {
		_, _, created, err := TranslateCreating(c.sql, Options{Dialect: c.d})
		if err != nil {
			t.Errorf("%s %q: %v", c.d, c.sql, err)
			continue
		}
		var got []string
		for _, cr := range created {
			if !cr.Added {
				continue
			}
			var cols []string
			for k, v := range cr.Types {
				cols = append(cols, k+"="+v)
			}
			sort.Strings(cols)
			got = append(got, fmt.Sprintf("%s.%s: %s", cr.Schema, cr.Table, strings.Join(cols, " ")))
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.d, c.sql, strings.Join(got, "; "), c.want)
		}
	}
}

// The types an ALTER TABLE ... ADD COLUMN declares are written as SQLite
// stores them, as CREATE TABLE's are: STRING is TEXT (SQLite read the word
// STRING as NUMERIC and stored '007' as 7), a type's parameters go.
func TestAlterAddColumnStorage(t *testing.T) {
	cases := []struct {
		d         Dialect
		sql, want string
	}{
		{BigQuery, "alter table t add column code string", "alter table t add column code TEXT"},
		{Snowflake, "alter table t add column amt number(10, 2) not null, add column s varchar(20)", "alter table t add column amt REAL not null, add column s TEXT"},
		{DuckDB, "ALTER TABLE t ADD COLUMN IF NOT EXISTS d DATE", "ALTER TABLE t ADD COLUMN IF NOT EXISTS d TEXT"},
		{DuckDB, "alter table t add column n bigint", "alter table t add column n INTEGER"},
		{Snowflake, "alter table t rename column a to b", "alter table t rename column a to b"},
	}
	for _, c := range cases {
		got, _, _, err := TranslateCreating(c.sql, Options{Dialect: c.d})
		if err != nil {
			t.Errorf("%s %q: %v", c.d, c.sql, err)
			continue
		}
		if strings.TrimSpace(got) != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.d, c.sql, got, c.want)
		}
	}
}

// ALTER TABLE ... ALTER | MODIFY COLUMN ... TYPE is refused by name at the
// action, where SQLite's syntax error named the word DATA.
func TestAlterColumnTypeRefused(t *testing.T) {
	cases := []struct {
		d       Dialect
		sql     string
		refused bool
	}{
		{Snowflake, "alter table t alter column c set data type varchar(50)", true},
		{Snowflake, "alter table t modify column c type number(10,2)", true},
		{BigQuery, "ALTER TABLE ds.t ALTER COLUMN c SET DATA TYPE NUMERIC", true},
		{DuckDB, "alter table t alter c type varchar", true},
		{DuckDB, "alter table t alter column c set type bigint", true},
		{DuckDB, "alter table t add column type varchar", false},
		{Snowflake, "alter table t rename column type to kind", false},
	}
	for _, c := range cases {
		_, _, _, err := TranslateCreating(c.sql, Options{Dialect: c.d})
		refused := err != nil && strings.Contains(err.Error(), "ALTER COLUMN ... TYPE is not supported")
		if refused != c.refused {
			t.Errorf("%s %q: error %v, want refused %v", c.d, c.sql, err, c.refused)
		}
	}
}
