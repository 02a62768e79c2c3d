package dialect

import "testing"

// A bare name json_each also has (id, value, type, key...) that the
// translation prints inside its query over json_each is the column of the
// relation read, qualified, where SQLite would read json_each's own.
func TestNamesInsideEach(t *testing.T) {
	expectTranslated(t, bigquery, "select 2 in unnest([id, b]) from t", "select 2 in (SELECT value FROM json_each(json_array(t.id, b))) from t")
	expectRows(t, bigquery, "select id from t where 2 in unnest([id])", "2")
	expectRows(t, bigquery, "select id from t where cast(id as string) like any unnest(['2%', '3%']) order by id", "2\n3")
	expectRows(t, bigquery, "select id from t where cast(id as string) not like all unnest(['2%', '3%'])", "1")
	expectRows(t, duckdb, "select concat_ws('-', [id, b], a) from t where id = 1", "1-10-x")
	// FROM items over json_each: their argument beside the relation
	expectRows(t, snowflake, "select f.value from t, lateral flatten(input => array_construct(id, b)) f where id = 1", "1\n10")
	expectRows(t, bigquery, "select x from t, unnest([id, b]) as x where id = 3", "3\n30")
	// a relation whose columns are not known keeps the name as written
	expectTranslated(t, bigquery, "select 2 in unnest([id]) from unknown_table", "select 2 in (SELECT value FROM json_each(json_array(id))) from unknown_table")
}
