package dialect

import "testing"

// Lists are JSON text, which orders as text: ordering a known list is
// refused, and BigQuery's comparisons of ARRAYs, which BigQuery refuses.
func TestListOrderRefused(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{bigquery, "select [1, 2] = [1, 2]", "1:15: comparing ARRAYs is not supported: lists are JSON text here, which would compare as text ([1,10] before [1,2]), and BigQuery does not compare them so (" + refListCompare.hint + ")"},
		{bigquery, "select x from (select [1] as x) where x != [2]", "1:41: comparing ARRAYs is not supported: lists are JSON text here, which would compare as text ([1,10] before [1,2]), and BigQuery does not compare them so (" + refListCompare.hint + ")"},
		{duckdb, "select [1, 2] < [1, 10]", "1:15: comparing lists is not supported: lists are JSON text here, which would compare as text ([1,10] before [1,2]), and DuckDB does not compare them so (" + refListCompare.hint + ")"},
		{duckdb, "select l from (select [1, 2] as l) order by l", "1:45: ordering by a list (ORDER BY, MIN, MAX) is not supported: lists are JSON text here, which would sort as text ([1,10] before [1,2]) (" + refListOrder.hint + ")"},
		{duckdb, "select max(l) from (select [1, 2] as l)", "1:8: ordering by a list (ORDER BY, MIN, MAX) is not supported: lists are JSON text here, which would sort as text ([1,10] before [1,2]) (" + refListOrder.hint + ")"},
		{bigquery, "select generate_array(1, 3) as a order by 1", "1:43: ordering by an ARRAY (ORDER BY, MIN, MAX) is not supported: lists are JSON text here, which would sort as text ([1,10] before [1,2]) (" + refListOrder.hint + ")"},
	} {
		expectRefused(t, c.d, c.in, c.out)
	}
	// equal lists are equal text in DuckDB; elements and lengths still order
	expectRows(t, duckdb, "select [1, 2] = [1, 2], [1, 2] <> [2, 1]", "1|1")
	expectRows(t, duckdb, "select len(l) from (select [1, 2] as l union all select [3]) order by len(l)", "1\n2")
	expectRows(t, bigquery, "select max(l[offset(0)]) from (select [1, 2] as l union all select [10])", "10")
}
