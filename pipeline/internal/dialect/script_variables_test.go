package dialect

import "testing"

func TestReplaceVariable(t *testing.T) {
	const expr = "SELECT MAX(d) FROM s.t WHERE d IS NOT NULL"
	cases := []struct {
		in, want string
		found    bool
	}{
		{"select * from e where date(d) >= date(_dbt_max_partition)",
			"select * from e where date(d) >= date((" + expr + "))", true},
		{"select *\nfrom e\nwhere d >= _DBT_MAX_PARTITION - 1",
			"select *\nfrom e\nwhere d >= (" + expr + ") - 1", true},
		// a column of a table, a string, a quoted name and a comment stay
		{"select e._dbt_max_partition, '_dbt_max_partition', `_dbt_max_partition` -- _dbt_max_partition\nfrom e",
			"select e._dbt_max_partition, '_dbt_max_partition', `_dbt_max_partition` -- _dbt_max_partition\nfrom e", false},
		{"select _dbt_max_partition_day from e", "select _dbt_max_partition_day from e", false},
	}
	for _, c := range cases {
		got, found, err := ReplaceVariable(BigQuery, c.in, "_dbt_max_partition", expr)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if got != c.want || found != c.found {
			t.Errorf("ReplaceVariable(%q)\n got %q, %v\nwant %q, %v", c.in, got, found, c.want, c.found)
		}
	}
}
