package dialect

import "testing"

// Snowflake's hierarchical queries are refused where they are written,
// with what to write instead; the statement around them parses.
func TestConnectByRefused(t *testing.T) {
	hint := " (write the hierarchy as a recursive CTE: with recursive h as (select ..., 1 as lvl from t where <start> union all select t..., h.lvl + 1 from t join h on t.parent_id = h.id) select ... from h)"
	expectRefused(t, snowflake, "select id, parent_id from t\n  start with parent_id is null\n  connect by parent_id = prior id",
		"2:3: CONNECT BY (a hierarchical query) is not supported"+hint)
	expectRefused(t, snowflake, "select id from t connect by prior id = parent_id start with id = 1 where id > 0",
		"1:18: CONNECT BY (a hierarchical query) is not supported"+hint)
	expectRefused(t, snowflake, "with h as (select connect_by_root name as root_name, level from t start with parent_id is null connect by parent_id = prior id) select * from h",
		"1:19: CONNECT BY (a hierarchical query) is not supported"+hint+"\n1:67: CONNECT BY (a hierarchical query) is not supported"+hint)
	// elsewhere the words are names
	expectTranslated(t, snowflake, "select start, connect from t", "select start, connect from t")
}
