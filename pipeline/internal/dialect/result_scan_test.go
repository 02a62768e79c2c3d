package dialect

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// TestShowMaskingPolicies: SHOW MASKING POLICIES lists none, with
// Snowflake's columns, as CREATE MASKING POLICY keeps nothing here.
func TestShowMaskingPolicies(t *testing.T) {
	none := "SELECT NULL AS created_on, NULL AS name, NULL AS database_name, NULL AS schema_name, NULL AS kind, NULL AS owner, NULL AS comment, NULL AS owner_role_type, NULL AS options LIMIT 0"
	expectTranslated(t, snowflake, "show masking policies", none)
	expectTranslated(t, snowflake, "show masking policies like 'mp%' in db.s", none)
	expectTranslated(t, snowflake, "SHOW MASKING POLICIES IN ACCOUNT", none)
	// a table so named is a table
	expectTranslated(t, snowflake, "select policies from masking", "select policies from masking")
	// nor SHOW TAGS: CREATE TAG keeps nothing here either
	tags := "SELECT NULL AS created_on, NULL AS name, NULL AS database_name, NULL AS schema_name, NULL AS owner, NULL AS comment, NULL AS allowed_values, NULL AS owner_role_type LIMIT 0"
	expectTranslated(t, snowflake, "show tags in analytics.dev", tags)
	expectTranslated(t, snowflake, "show tags;\nselect $2 from table(result_scan(last_query_id()))", tags+";\nselect name AS \"$2\" from ("+tags+")")
	// and the tags set on a table or its columns: none
	refs := "(SELECT NULL AS tag_database, NULL AS tag_schema, NULL AS tag_name, NULL AS tag_value, NULL AS level, NULL AS object_database, NULL AS object_schema, NULL AS object_name, NULL AS domain, NULL AS column_name LIMIT 0)"
	expectTranslated(t, snowflake, "select level, object_name, upper(tag_name) as tag_name from table(information_schema.tag_references_all_columns('orders', 'table'))",
		"select level, object_name, upper_text(tag_name) as tag_name from "+refs)
	expectTranslated(t, snowflake, "select * from table(analytics.information_schema.tag_references('orders', 'table')) r", "select * from "+refs+" r")
}

// TestResultScanOfShow: TABLE(RESULT_SCAN(LAST_QUERY_ID())) right after a
// SHOW the translator writes as a query reads that query's answer, by
// place ($2) or by name; after anything else it stays refused.
func TestResultScanOfShow(t *testing.T) {
	terse := "SELECT NULL AS created_on, upper(d.name) AS name, NULL AS kind, '' AS database_name, NULL AS schema_name FROM pragma_database_list AS d WHERE d.name <> 'temp' ORDER BY 2"
	policies := "SELECT NULL AS created_on, NULL AS name, NULL AS database_name, NULL AS schema_name, NULL AS kind, NULL AS owner, NULL AS comment, NULL AS owner_role_type, NULL AS options LIMIT 0"
	for _, c := range []struct{ in, out string }{
		{"show terse schemas;\nselect $2 as schema_name from table(result_scan(last_query_id()))",
			terse + "  ;\nselect name as schema_name from (" + terse + ")"},
		{"show terse schemas; select \"name\" from table(result_scan(last_query_id(-1))) as r",
			terse + "  ; select \"name\" from (" + terse + ") as r"},
		{"show masking policies in db.s;\nselect $3||'.'||$4||'.'||$2 as masking_policy from table(result_scan(last_query_id()))",
			policies + ";\nselect database_name||'.'||schema_name||'.'||name as masking_policy from (" + policies + ")"},
	} {
		expectTranslated(t, snowflake, c.in, c.out)
	}
	msg := func(at string) string {
		return at + ": TABLE(RESULT_SCAN(...)) is not supported: of Snowflake's table functions the playground has FLATTEN, SPLIT_TO_TABLE, STRTOK_SPLIT_TO_TABLE and GENERATOR; the others read what it does not keep (the account's query, login and copy history, a former query's result) or are user-defined table functions, which are not inlined (" + refTableFunction.hint + ")"
	}
	for _, c := range []struct{ in, want string }{
		// the first statement, another query's id, a query before it
		{"select * from table(result_scan(last_query_id()))", msg("1:15")},
		{"show terse schemas;\nselect * from table(result_scan(last_query_id(-2)))", msg("2:15")},
		{"show terse schemas;\nselect * from table(result_scan('01a2b3c4-0000-0000-0000-000000000000'))", msg("2:15")},
		{"select 1;\nselect * from table(result_scan(last_query_id()))", msg("2:15")},
	} {
		expectRefused(t, snowflake, c.in, c.want)
	}
	// run on SQLite: the schemas SHOW TERSE SCHEMAS lists, read by place
	sql, err := TranslateWith("show terse schemas;\nselect $2 as schema_name from table(result_scan(last_query_id())) order by 1", testOptions(snowflake))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := sqlfunc.Register(conn); err != nil {
		t.Fatal(err)
	}
	if err := conn.Exec("attach ':memory:' as gold"); err != nil {
		t.Fatal(err)
	}
	_, last, _ := cutLastStatement(sql)
	stmt, _, err := conn.Prepare(last)
	if err != nil {
		t.Fatalf("%q: %v", last, err)
	}
	defer stmt.Close()
	var got []string
	for stmt.Step() {
		got = append(got, stmt.ColumnText(0))
	}
	if err := stmt.Err(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"GOLD", "MAIN"}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("%q gave %v, want %v", sql, got, want)
	}
}

// cutLastStatement splits a translated script of two statements at its
// first semicolon.
func cutLastStatement(sql string) (first, last string, ok bool) {
	for i := 0; i < len(sql); i++ {
		if sql[i] == ';' {
			return sql[:i], sql[i+1:], true
		}
	}
	return sql, "", false
}
